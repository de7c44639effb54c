import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  DOCKERFILE_NAMES,
  DetectionError,
  detectMode,
  findBuildpackMarker,
  findDockerfile,
  join
} from "./chunk-GWZLJZQ2.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  DOCKERFILE_NAMES,
  DetectionError,
  detectMode,
  findBuildpackMarker,
  findDockerfile,
  join
};
