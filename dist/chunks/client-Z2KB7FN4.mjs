import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  RegistryClient,
  RegistryError,
  nextPagePath,
  parseRetryAfter
} from "./chunk-A6A7MM7N.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  RegistryClient,
  RegistryError,
  nextPagePath,
  parseRetryAfter
};
