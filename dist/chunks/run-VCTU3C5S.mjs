import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  decide,
  runMain
} from "./chunk-Y3TQA3VV.mjs";
import "./chunk-BGDLJEAV.mjs";
import "./chunk-DTW52ZEI.mjs";
import "./chunk-MFKHNTSA.mjs";
import "./chunk-YIEFQHNB.mjs";
import "./chunk-YU2BN2XX.mjs";
import "./chunk-DBDVFWWQ.mjs";
import "./chunk-QTLSGFZ6.mjs";
import "./chunk-UKZLKRAW.mjs";
import "./chunk-OYJANBGF.mjs";
import "./chunk-BK2RAPPI.mjs";
import "./chunk-SN3XPCMD.mjs";
import "./chunk-W76PVC6K.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  decide,
  runMain
};
