import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  ImageReadError,
  REPORT_USAGE,
  UsageError,
  basesFromLabels,
  knownBases,
  parseReportArgs,
  produceCliReport,
  readImage,
  runReportCommand,
  sourceLines
} from "./chunk-4NLAHDUN.mjs";
import {
  OCI_BASE_DIGEST,
  OCI_BASE_NAME
} from "./chunk-I3Z5DAZ3.mjs";
import "./chunk-YIEFQHNB.mjs";
import "./chunk-EX3PM73Y.mjs";
import "./chunk-GAA6NDJJ.mjs";
import "./chunk-SN3XPCMD.mjs";
import "./chunk-W76PVC6K.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  ImageReadError,
  OCI_BASE_DIGEST as OCI_BASE_DIGEST_LABEL,
  OCI_BASE_NAME as OCI_BASE_NAME_LABEL,
  REPORT_USAGE,
  UsageError,
  basesFromLabels,
  knownBases,
  parseReportArgs,
  produceCliReport,
  readImage,
  runReportCommand,
  sourceLines
};
