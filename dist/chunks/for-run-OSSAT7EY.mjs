import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  baseImageRegistry,
  createRunRegistryClient
} from "./chunk-XWEF5F5H.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  baseImageRegistry,
  createRunRegistryClient
};
