import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  createContextFiles
} from "./chunk-FMOHS5A2.mjs";
import "./chunk-LN2W4AOD.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  createContextFiles
};
