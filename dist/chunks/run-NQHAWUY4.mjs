import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  CACHE_POST_NOTE_STATE,
  CACHE_SERVICE_DOWN_STATE,
  CACHE_STATE,
  CANCELLED_STATE,
  decide,
  runMain
} from "./chunk-SFUTS2RB.mjs";
import "./chunk-QKBMGLB3.mjs";
import "./chunk-UKZLKRAW.mjs";
import "./chunk-YIEFQHNB.mjs";
import "./chunk-PM7ZWSNV.mjs";
import "./chunk-YFVXWO3G.mjs";
import "./chunk-BOW7HME2.mjs";
import "./chunk-EO5E7WCE.mjs";
import "./chunk-OYJANBGF.mjs";
import "./chunk-QVEN3ZVZ.mjs";
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
