import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-MUE6T4H7.mjs";
import "./chunks/chunk-KCM26AHO.mjs";
import "./chunks/chunk-ANNABDNY.mjs";
import "./chunks/chunk-SIWSPTGQ.mjs";
import "./chunks/chunk-EUTYM633.mjs";
import "./chunks/chunk-HB5L67CJ.mjs";

// src/post.ts
await runAction("post");
