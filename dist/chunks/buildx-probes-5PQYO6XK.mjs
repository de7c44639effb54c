import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  startBuildxProbes
} from "./chunk-SQQ6Q726.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  startBuildxProbes
};
