import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  createExec,
  runningCount,
  signalRunning
} from "./chunk-34RDB7V7.mjs";
import "./chunk-55EGGPV3.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  createExec,
  runningCount,
  signalRunning
};
