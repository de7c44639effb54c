import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  memoryOutputs,
  memoryState,
  terminalLogger
} from "./chunk-GAA6NDJJ.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  memoryOutputs,
  memoryState,
  terminalLogger
};
