import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  REPORT_USAGE,
  UsageError,
  parseReportArgs,
  produceCliReport,
  runReportCommand,
  sourceLines
} from "./chunk-CE3BAIRY.mjs";
import {
  OCI_BASE_DIGEST,
  OCI_BASE_NAME
} from "./chunk-XZJND6G2.mjs";
import "./chunk-MCEANM7I.mjs";
import "./chunk-OYJANBGF.mjs";
import "./chunk-BK2RAPPI.mjs";
import "./chunk-GAA6NDJJ.mjs";
import "./chunk-W76PVC6K.mjs";
import "./chunk-HB5L67CJ.mjs";
export {
  OCI_BASE_DIGEST as OCI_BASE_DIGEST_LABEL,
  OCI_BASE_NAME as OCI_BASE_NAME_LABEL,
  REPORT_USAGE,
  UsageError,
  parseReportArgs,
  produceCliReport,
  runReportCommand,
  sourceLines
};
