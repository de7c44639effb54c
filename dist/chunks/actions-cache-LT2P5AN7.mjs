import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  CacheEntryExistsError,
  CacheServiceDownError,
  cacheServiceAvailable,
  createActionsCacheStore,
  describeFailure,
  interpretCacheLog,
  parseCoreOutput
} from "./chunk-PVLERL62.mjs";
import "./chunk-VVD2GOZW.mjs";
import "./chunk-BWBWEPSK.mjs";
import "./chunk-EUTYM633.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  CacheEntryExistsError,
  CacheServiceDownError,
  cacheServiceAvailable,
  createActionsCacheStore,
  describeFailure,
  interpretCacheLog,
  parseCoreOutput
};
