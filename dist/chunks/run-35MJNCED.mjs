import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  decide,
  runMain
} from "./chunk-753PU5WM.mjs";
import "./chunk-GQ4WX3Q2.mjs";
import "./chunk-SQQ6Q726.mjs";
import "./chunk-72ZB2T3J.mjs";
import "./chunk-QENUDSVZ.mjs";
import "./chunk-O7SYXHUS.mjs";
import "./chunk-QTLSGFZ6.mjs";
import "./chunk-EXODKZOY.mjs";
import "./chunk-MFKHNTSA.mjs";
import "./chunk-OYJANBGF.mjs";
import "./chunk-BK2RAPPI.mjs";
import "./chunk-W76PVC6K.mjs";
import "./chunk-SN3XPCMD.mjs";
import "./chunk-GWZLJZQ2.mjs";
import "./chunk-UKZLKRAW.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  decide,
  runMain
};
