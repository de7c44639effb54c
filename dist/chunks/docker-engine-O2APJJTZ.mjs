import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  EngineCallError,
  apiVersionFor,
  createApiEngine,
  createDockerEngine,
  currentContextOf,
  engineEndpoint
} from "./chunk-HOKSLSWK.mjs";
import "./chunk-OYJANBGF.mjs";
import "./chunk-55EGGPV3.mjs";
import "./chunk-FMNSBQPK.mjs";
import "./chunk-W76PVC6K.mjs";
import "./chunk-AFJQPEMD.mjs";
import "./chunk-QYXCPXHB.mjs";
import "./chunk-I2GFJFAX.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  EngineCallError,
  apiVersionFor,
  createApiEngine,
  createDockerEngine,
  currentContextOf,
  engineEndpoint
};
