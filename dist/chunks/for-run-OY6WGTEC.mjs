import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  baseImageRegistry,
  createRunRegistry,
  createRunRegistryClient,
  runRegistryOptions
} from "./chunk-G24BE6MU.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  baseImageRegistry,
  createRunRegistry,
  createRunRegistryClient,
  runRegistryOptions
};
