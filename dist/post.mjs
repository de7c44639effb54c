import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-PPV4V6KK.mjs";
import "./chunks/chunk-KRM5YOJO.mjs";
import "./chunks/chunk-TT63CVKU.mjs";
import "./chunks/chunk-HB5L67CJ.mjs";

// src/post.ts
await runAction("post");
