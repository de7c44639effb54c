import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  createRunRegistry,
  createRunRegistryClient,
  runRegistryOptions
} from "./chunk-4QKGXCYZ.mjs";
import "./chunk-PM7ZWSNV.mjs";
import "./chunk-BOW7HME2.mjs";
import "./chunk-EO5E7WCE.mjs";
import "./chunk-QVEN3ZVZ.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  createRunRegistry,
  createRunRegistryClient,
  runRegistryOptions
};
