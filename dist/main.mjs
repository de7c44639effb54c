import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-WSE5NG2U.mjs";
import "./chunks/chunk-5KOIYFIB.mjs";
import "./chunks/chunk-AIVRF5SS.mjs";
import "./chunks/chunk-HB5L67CJ.mjs";

// src/main.ts
await runAction("main");
