import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-VSFPYMIN.mjs";
import "./chunks/chunk-VUZPFXZF.mjs";
import "./chunks/chunk-WLAJPBRP.mjs";
import "./chunks/chunk-HB5L67CJ.mjs";

// src/post.ts
await runAction("post");
