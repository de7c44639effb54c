import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  CACHE_POST_NOTE_STATE,
  CACHE_SERVICE_DOWN_STATE,
  CACHE_STATE,
  CANCELLED_STATE,
  decide,
  runMain
} from "./chunk-46FGUJEF.mjs";
import "./chunk-RONNWDJQ.mjs";
import "./chunk-UKZLKRAW.mjs";
import "./chunk-YIEFQHNB.mjs";
import "./chunk-XZJND6G2.mjs";
import "./chunk-MCEANM7I.mjs";
import "./chunk-OYJANBGF.mjs";
import "./chunk-BK2RAPPI.mjs";
import "./chunk-SN3XPCMD.mjs";
import "./chunk-W76PVC6K.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  CACHE_POST_NOTE_STATE,
  CACHE_SERVICE_DOWN_STATE,
  CACHE_STATE,
  CANCELLED_STATE,
  decide,
  runMain
};
