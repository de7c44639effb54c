import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  PlatformError,
  findPlatform,
  formatPlatform,
  hostPlatform,
  imagePlatforms,
  parsePlatform,
  platformKey,
  platformString,
  samePlatform
} from "./chunk-W76PVC6K.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  PlatformError,
  findPlatform,
  formatPlatform,
  hostPlatform,
  imagePlatforms,
  parsePlatform,
  platformKey,
  platformString,
  samePlatform
};
