import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  buildCacheSpec,
  readCacheKeyFiles,
  restoreForBuild,
  runnerPlatform,
  saveAfterBuild,
  settleAfterBuild
} from "./chunk-VMFDLZX4.mjs";
import "./chunk-ZL6ZBNWU.mjs";
import "./chunk-7EOJPP6R.mjs";
import "./chunk-PVLERL62.mjs";
import "./chunk-VVD2GOZW.mjs";
import "./chunk-BWBWEPSK.mjs";
import "./chunk-EUTYM633.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  buildCacheSpec,
  readCacheKeyFiles,
  restoreForBuild,
  runnerPlatform,
  saveAfterBuild,
  settleAfterBuild
};
