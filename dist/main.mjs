import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-XD6QB7CU.mjs";
import "./chunks/chunk-KV4N4XID.mjs";
import "./chunks/chunk-VQ53LQAZ.mjs";
import "./chunks/chunk-AFJQPEMD.mjs";
import "./chunks/chunk-I2GFJFAX.mjs";
import "./chunks/chunk-HB5L67CJ.mjs";

// src/main.ts
await runAction("main");
