import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  EngineCallError,
  apiVersionFor,
  createApiEngine,
  createDockerEngine,
  currentContextOf,
  engineEndpoint
} from "./chunk-VGTV6LHE.mjs";
import "./chunk-OYJANBGF.mjs";
import "./chunk-55EGGPV3.mjs";
import "./chunk-DJBZOWIA.mjs";
import "./chunk-W76PVC6K.mjs";
import "./chunk-SIWSPTGQ.mjs";
import "./chunk-BWBWEPSK.mjs";
import "./chunk-EUTYM633.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  EngineCallError,
  apiVersionFor,
  createApiEngine,
  createDockerEngine,
  currentContextOf,
  engineEndpoint
};
