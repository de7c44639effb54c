import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  InputError,
  SECRET_INPUTS,
  leavesRoot,
  parseInputs,
  parseList
} from "./chunk-VQ53LQAZ.mjs";
import "./chunk-I2GFJFAX.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  InputError,
  SECRET_INPUTS,
  leavesRoot,
  parseInputs,
  parseList
};
