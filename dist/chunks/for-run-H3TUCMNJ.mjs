import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  createRunRegistry,
  createRunRegistryClient,
  runRegistryOptions
} from "./chunk-DAKMIGY6.mjs";
import "./chunk-22A7L6UM.mjs";
import "./chunk-ELUAEWRG.mjs";
import "./chunk-DJBZOWIA.mjs";
import "./chunk-W76PVC6K.mjs";
import "./chunk-3TNT6H3S.mjs";
import "./chunk-7EOJPP6R.mjs";
import "./chunk-SIWSPTGQ.mjs";
import "./chunk-BWBWEPSK.mjs";
import "./chunk-EUTYM633.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  createRunRegistry,
  createRunRegistryClient,
  runRegistryOptions
};
