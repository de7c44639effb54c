import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  RegistryWriter,
  pushScope
} from "./chunk-XSMVRKHE.mjs";
import "./chunk-PEIXX4C5.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  RegistryWriter,
  pushScope
};
