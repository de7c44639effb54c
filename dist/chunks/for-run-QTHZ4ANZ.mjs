import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  createRunRegistry,
  createRunRegistryClient,
  runRegistryOptions
} from "./chunk-F5JFCXDD.mjs";
import "./chunk-MFKHNTSA.mjs";
import "./chunk-BK2RAPPI.mjs";
import "./chunk-W76PVC6K.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  createRunRegistry,
  createRunRegistryClient,
  runRegistryOptions
};
