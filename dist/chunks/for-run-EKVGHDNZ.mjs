import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  baseImageRegistry,
  createRunRegistryClient,
  runRegistryOptions
} from "./chunk-MMIRKLGN.mjs";
import "./chunk-PEIXX4C5.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  baseImageRegistry,
  createRunRegistryClient,
  runRegistryOptions
};
