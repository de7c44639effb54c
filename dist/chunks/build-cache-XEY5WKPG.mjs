import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  buildCacheSpec,
  readCacheKeyFiles,
  restoreForBuild,
  runnerPlatform,
  saveAfterBuild,
  settleAfterBuild
} from "./chunk-CASSTEEJ.mjs";
import "./chunk-XEES7JCB.mjs";
import "./chunk-IKMFQSA6.mjs";
import "./chunk-KZH7OWNJ.mjs";
import "./chunk-LN2W4AOD.mjs";
import "./chunk-QYXCPXHB.mjs";
import "./chunk-I2GFJFAX.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  buildCacheSpec,
  readCacheKeyFiles,
  restoreForBuild,
  runnerPlatform,
  saveAfterBuild,
  settleAfterBuild
};
