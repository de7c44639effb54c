import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  nothingToSave,
  runPost
} from "./chunk-7EVVBMSK.mjs";
import "./chunk-EXODKZOY.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  nothingToSave,
  runPost
};
