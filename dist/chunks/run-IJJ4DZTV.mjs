import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  decide,
  runMain
} from "./chunk-LKU27Q6L.mjs";
import "./chunk-GQ4WX3Q2.mjs";
import "./chunk-SQQ6Q726.mjs";
import "./chunk-DU3AKG42.mjs";
import "./chunk-VMFDLZX4.mjs";
import "./chunk-ZL6ZBNWU.mjs";
import "./chunk-EXODKZOY.mjs";
import "./chunk-OYJANBGF.mjs";
import "./chunk-ELUAEWRG.mjs";
import "./chunk-DJBZOWIA.mjs";
import "./chunk-W76PVC6K.mjs";
import "./chunk-ANNABDNY.mjs";
import "./chunk-GWZLJZQ2.mjs";
import "./chunk-7EOJPP6R.mjs";
import "./chunk-SIWSPTGQ.mjs";
import "./chunk-PVLERL62.mjs";
import "./chunk-VVD2GOZW.mjs";
import "./chunk-BWBWEPSK.mjs";
import "./chunk-EUTYM633.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  decide,
  runMain
};
