import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  decide,
  runMain
} from "./chunk-HD4S27F7.mjs";
import "./chunk-GQ4WX3Q2.mjs";
import "./chunk-SQQ6Q726.mjs";
import "./chunk-VZQIZ2NN.mjs";
import "./chunk-CASSTEEJ.mjs";
import "./chunk-XEES7JCB.mjs";
import "./chunk-EXODKZOY.mjs";
import "./chunk-OYJANBGF.mjs";
import "./chunk-LRUIOUFA.mjs";
import "./chunk-S5MJTEV4.mjs";
import "./chunk-FMNSBQPK.mjs";
import "./chunk-W76PVC6K.mjs";
import "./chunk-VQ53LQAZ.mjs";
import "./chunk-GWZLJZQ2.mjs";
import "./chunk-5NHPEEYU.mjs";
import "./chunk-IKMFQSA6.mjs";
import "./chunk-AFJQPEMD.mjs";
import "./chunk-KZH7OWNJ.mjs";
import "./chunk-LN2W4AOD.mjs";
import "./chunk-QYXCPXHB.mjs";
import "./chunk-I2GFJFAX.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  decide,
  runMain
};
