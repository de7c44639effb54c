import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-BUB2YAKF.mjs";
import "./chunks/chunk-DHHVFNMF.mjs";
import "./chunks/chunk-NITEZRW4.mjs";
import "./chunks/chunk-HB5L67CJ.mjs";

// src/main.ts
await runAction("main");
