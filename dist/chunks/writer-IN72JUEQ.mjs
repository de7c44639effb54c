import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  RegistryWriter,
  pushScope
} from "./chunk-RGYEM6WX.mjs";
import "./chunk-A6A7MM7N.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  RegistryWriter,
  pushScope
};
