import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  createRunRegistry,
  createRunRegistryClient,
  runRegistryOptions
} from "./chunk-FTJQR6N5.mjs";
import "./chunk-UHWWYCF7.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  createRunRegistry,
  createRunRegistryClient,
  runRegistryOptions
};
