import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  buildCacheSpec,
  readCacheKeyFiles,
  restoreForBuild,
  runnerPlatform,
  saveAfterBuild,
  settleAfterBuild
} from "./chunk-O7SYXHUS.mjs";
import "./chunk-QTLSGFZ6.mjs";
import "./chunk-UKZLKRAW.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  buildCacheSpec,
  readCacheKeyFiles,
  restoreForBuild,
  runnerPlatform,
  saveAfterBuild,
  settleAfterBuild
};
