import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-2GYCSKG7.mjs";
import "./chunks/chunk-5KOIYFIB.mjs";
import "./chunks/chunk-5DCG7C2A.mjs";
import "./chunks/chunk-HB5L67CJ.mjs";

// src/post.ts
await runAction("post");
