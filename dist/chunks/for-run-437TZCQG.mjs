import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  baseImageRegistry,
  createRunRegistryClient,
  runRegistryOptions
} from "./chunk-LCV75M33.mjs";
import "./chunk-A6A7MM7N.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  baseImageRegistry,
  createRunRegistryClient,
  runRegistryOptions
};
