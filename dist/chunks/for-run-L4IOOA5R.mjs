import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  baseImageRegistry,
  createRunRegistryClient
} from "./chunk-BMAYSKL6.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  baseImageRegistry,
  createRunRegistryClient
};
