import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  createRunRegistry,
  createRunRegistryClient,
  runRegistryOptions
} from "./chunk-LWJACJ2O.mjs";
import "./chunk-KKC3CH6C.mjs";
import "./chunk-EX3PM73Y.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  createRunRegistry,
  createRunRegistryClient,
  runRegistryOptions
};
