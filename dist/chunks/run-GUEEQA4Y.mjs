import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  CACHE_POST_NOTE_STATE,
  CACHE_SERVICE_DOWN_STATE,
  CACHE_STATE,
  CANCELLED_STATE,
  decide,
  runMain
} from "./chunk-VSEQ7AC7.mjs";
import "./chunk-7SU54BDC.mjs";
import "./chunk-UKZLKRAW.mjs";
import "./chunk-KKC3CH6C.mjs";
import "./chunk-I3Z5DAZ3.mjs";
import "./chunk-YIEFQHNB.mjs";
import "./chunk-EX3PM73Y.mjs";
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
