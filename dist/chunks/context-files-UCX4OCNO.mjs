import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  createContextFiles
} from "./chunk-2QIWKQQZ.mjs";
import "./chunk-VVD2GOZW.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  createContextFiles
};
