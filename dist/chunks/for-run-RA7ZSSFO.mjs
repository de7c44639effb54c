import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  createRunRegistry,
  createRunRegistryClient,
  runRegistryOptions
} from "./chunk-XJCRYOU7.mjs";
import "./chunk-LRUIOUFA.mjs";
import "./chunk-S5MJTEV4.mjs";
import "./chunk-FMNSBQPK.mjs";
import "./chunk-W76PVC6K.mjs";
import "./chunk-5NHPEEYU.mjs";
import "./chunk-AFJQPEMD.mjs";
import "./chunk-QYXCPXHB.mjs";
import "./chunk-I2GFJFAX.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  createRunRegistry,
  createRunRegistryClient,
  runRegistryOptions
};
