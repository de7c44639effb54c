import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-GQIFRB4L.mjs";
import "./chunks/chunk-YJ6OCXQQ.mjs";
import "./chunks/chunk-SN3XPCMD.mjs";
import "./chunks/chunk-HB5L67CJ.mjs";

// src/post.ts
await runAction("post");
