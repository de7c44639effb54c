import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  REPORT_USAGE,
  UsageError,
  parseReportArgs,
  produceCliReport,
  runReportCommand,
  sourceLines
} from "./chunk-MMLSRIZF.mjs";
import {
  OCI_BASE_DIGEST,
  OCI_BASE_NAME
} from "./chunk-QENUDSVZ.mjs";
import "./chunk-QTLSGFZ6.mjs";
import "./chunk-MFKHNTSA.mjs";
import "./chunk-GAA6NDJJ.mjs";
import "./chunk-OYJANBGF.mjs";
import "./chunk-BK2RAPPI.mjs";
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
