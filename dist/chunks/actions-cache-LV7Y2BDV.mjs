import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  CacheEntryExistsError,
  CacheServiceDownError,
  cacheServiceAvailable,
  createActionsCacheStore,
  describeFailure,
  interpretCacheLog,
  parseCoreOutput
} from "./chunk-KZH7OWNJ.mjs";
import "./chunk-LN2W4AOD.mjs";
import "./chunk-QYXCPXHB.mjs";
import "./chunk-I2GFJFAX.mjs";
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
