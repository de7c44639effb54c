import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  GitHubUnavailableError,
  createOctokit
} from "./chunk-YIEFQHNB.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  GitHubUnavailableError,
  createOctokit
};
