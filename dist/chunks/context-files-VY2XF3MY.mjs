import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  createContextFiles
} from "./chunk-B4D3AKDD.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  createContextFiles
};
