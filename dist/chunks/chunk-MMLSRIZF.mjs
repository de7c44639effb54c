import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  VERDICT_WORDS,
  assembleReport,
  count,
  formatBytes,
  formatChange,
  imageName,
  listing,
  originLabel,
  plainText,
  truncate
} from "./chunk-QENUDSVZ.mjs";
import {
  terminalLogger
} from "./chunk-GAA6NDJJ.mjs";

// src/cli/report-command.ts
import { parseArgs } from "node:util";

// src/report/terminal.ts
function renderTerminal(report, options = {}) {
  const width = options.width ?? 100;
  const out = [];
  const h = report.headline;
  const compared = report.comparison.status === "compared";
  out.push(`Image ${plainText(imageName(report.image.reference))}`);
  const size = `${formatBytes(h.size)} ${h.sizeKind}${h.platform ? ` (${plainText(h.platform)})` : ""}`;
  if (compared && report.baseline) {
    const change = h.delta === void 0 ? "not comparable" : h.delta === 0 ? "no change" : formatChange(h.delta, h.deltaPercent);
    out.push(`  ${size}: ${change} against ${plainText(imageName(report.baseline.reference))}`);
  } else {
    out.push(`  ${size}; no size comparison: ${plainText(report.comparison.reason ?? "no baseline")}`);
  }
  if (report.sizeCheck) {
    const status = { passed: "passed", failed: "FAILED", "not-checked": "skipped" }[report.sizeCheck.status];
    out.push(`  size check ${status}: ${plainText(report.sizeCheck.message)}`);
  }
  for (const platform of report.comparison.platforms) {
    out.push("");
    if (!compared || platform.presence !== "both") {
      const what = platform.presence === "removed" ? "platform removed" : compared ? "new platform" : formatBytes(platform.currentSize ?? 0);
      out.push(`Layers ${plainText(platform.platform)} (${what})`);
      for (const c of platform.changes) out.push(`  ${pad(formatBytes((c.current ?? c.baseline).size), 9)}  ${label(c, width)}`);
      continue;
    }
    out.push(
      `Layers ${plainText(platform.platform)}: ${formatBytes(platform.baselineSize ?? 0)} -> ${formatBytes(platform.currentSize ?? 0)} (${formatChange(platform.delta ?? 0, platform.deltaPercent)})`
    );
    const rebuilt = (c) => c.status === "changed" && c.delta === 0;
    const quiet = platform.changes.filter((c) => c.status === "unchanged" || rebuilt(c));
    for (const c of platform.changes) {
      if (quiet.includes(c) && !options.verbose) continue;
      const sizes = `${pad(c.baseline ? formatBytes(c.baseline.size) : "-", 9)} -> ${pad(c.current ? formatBytes(c.current.size) : "-", 9)}`;
      const change = quiet.includes(c) ? "" : formatChange(c.delta, c.deltaPercent);
      out.push(`  ${pad(rebuilt(c) ? "rebuilt" : c.status, 9)} ${sizes}  ${pad(change, 19)} ${label(c, width)}`);
    }
    if (quiet.length > 0 && !options.verbose) {
      const same = quiet.filter(rebuilt).length;
      const what = [quiet.length > same ? count(quiet.length - same, "unchanged layer") : "", same > 0 ? `${count(same, "layer")} rebuilt with the same size` : ""];
      out.push(`  ${listing(what.filter(Boolean))}, ${formatBytes(quiet.reduce((s, c) => s + (c.current?.size ?? 0), 0))}`);
    }
  }
  if (report.freshness.length > 0) {
    out.push("", "Base images");
    for (const f of report.freshness) {
      const age = f.ageDays === void 0 ? "" : `, ${count(f.ageDays, "day")} old`;
      const name = f.verdict === "unresolved" ? "(unresolved FROM)" : plainText(imageName(f.use.reference));
      out.push(`  ${name} [${plainText(f.use.stage)}]: ${VERDICT_WORDS[f.verdict]}${age}`);
      for (const reason of f.reasons) out.push(`    - ${plainText(reason)}`);
    }
  }
  if (report.layerReuse) out.push("", `Build cache: ${report.layerReuse.replaceAll("`", "")}.`);
  out.push("", report.image.sizeKind === "compressed" ? "Sizes: compressed registry blobs." : "Sizes: uncompressed engine layers.");
  return out.join("\n") + "\n";
}
function label(c, width) {
  const text = (o) => plainText(o.kind === "base" ? `base image ${imageName(o.reference)}` : originLabel(o));
  const now = text(c.origin);
  const full = c.baselineOrigin && c.origin.kind === "base" ? `${text(c.baselineOrigin)} -> ${now}` : now;
  return truncate(full, width);
}
function pad(text, length) {
  return text.padEnd(length);
}

// src/cli/report-command.ts
var REPORT_USAGE = `Usage: strata report IMAGE [--baseline IMAGE] [--base REF ...] [--max-base-age DAYS] [--json]
  Layer sizes of IMAGE (and what changed against --baseline) and how fresh its base images are.
  Images are read from their registry (compressed sizes), or from the local Docker engine
  (uncompressed sizes) when the registry does not have them; the two kinds are never subtracted.
      --baseline IMAGE      the image to compare with, e.g. the main branch's tag
      --base REF            a base image IMAGE was built FROM (repeatable; the last is the runtime
                            base). Default: the buildpack run image, else the image's
                            org.opencontainers.image.base.name label
      --max-base-age DAYS   call base images older than DAYS stale
      --json                print the report as JSON (the action's report-json format)
`;
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};
function parseReportArgs(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        baseline: { type: "string", multiple: true },
        base: { type: "string", multiple: true },
        "max-base-age": { type: "string", multiple: true },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" }
      }
    });
  } catch (e) {
    throw new UsageError(e.message);
  }
  const { values, positionals } = parsed;
  const args = { bases: [], json: values.json === true, help: values.help === true };
  if (args.help) return args;
  const once = (flag, given) => {
    if (!given) return void 0;
    if (given.length > 1) throw new UsageError(`--${flag} given ${given.length} times (${given.map((v) => JSON.stringify(v)).join(", ")}); give it once`);
    if (given[0].trim() === "") throw new UsageError(`--${flag} has an empty value`);
    return given[0].trim();
  };
  if (positionals.length === 0) throw new UsageError("missing IMAGE: say which image to report on, e.g. strata report ghcr.io/acme/app:pr-7");
  if (positionals.length > 1) {
    throw new UsageError(`one IMAGE only; unexpected ${positionals.slice(1).map((p) => JSON.stringify(p)).join(", ")} (compare with --baseline IMAGE)`);
  }
  if (positionals[0].trim() === "") throw new UsageError("IMAGE is empty");
  args.image = positionals[0].trim();
  const baseline = once("baseline", values.baseline);
  if (baseline !== void 0) args.baseline = baseline;
  for (const base of values.base ?? []) {
    if (base.trim() === "") throw new UsageError("--base has an empty value");
    args.bases.push(base.trim());
  }
  const maxBaseAge = once("max-base-age", values["max-base-age"]);
  if (maxBaseAge !== void 0) {
    const days = /^\d+$/.test(maxBaseAge) ? Number(maxBaseAge) : NaN;
    if (!Number.isSafeInteger(days) || days <= 0) {
      throw new UsageError(`--max-base-age has an invalid value ${JSON.stringify(maxBaseAge)}: use a whole number of days greater than 0, such as 90`);
    }
    args.maxBaseAge = days;
  }
  return args;
}
async function produceCliReport(args, deps, logger) {
  const client = await deps.registry(args.image);
  const assembled = await assembleReport(
    { client, engine: deps.engine, logger, now: deps.now },
    {
      current: { reference: args.image, engine: "fallback" },
      baselines: args.baseline ? [{ reference: args.baseline, engine: "fallback", origin: "compare-to" }] : [],
      noBaselineReason: "no --baseline given",
      bases: { references: args.bases },
      maxBaseAge: args.maxBaseAge
    }
  );
  const { report, baseline, baselineError, bases } = assembled;
  return { report, image: assembled.current[0], ...baseline ? { baseline } : {}, ...baselineError ? { baselineError } : {}, bases };
}
var oneLine = (text) => text.replace(/\s+/g, " ").trim();
function where(read) {
  return read.summary.source === "registry" ? "read from its registry (compressed sizes)" : `read from the local Docker engine (uncompressed sizes), as its registry did not provide it${read.fallback ? ` (${read.fallback})` : ""}`;
}
function sourceLines(r, args) {
  const lines = [{ text: `image     ${plainText(args.image)}: ${plainText(where(r.image))}`, note: r.image.summary.source === "engine" }];
  if (r.baseline) {
    lines.push({ text: `baseline  ${plainText(args.baseline)}: ${plainText(where(r.baseline))}`, note: r.baseline.summary.source === "engine" });
  } else if (r.baselineError) {
    lines.push({ text: `baseline  ${plainText(args.baseline)}: not read, so no comparison (${plainText(r.baselineError)})`, note: true });
  }
  if (r.report.comparison.status === "incomparable" && r.baseline) {
    const kind = (x) => `${x.summary.sizeKind} (${x.summary.source === "registry" ? "registry" : "local engine"})`;
    lines.push({
      text: `          NOT COMPARED: the image's sizes are ${kind(r.image)}, the baseline's ${kind(r.baseline)}; no deltas between different kinds. Read both from a registry, or both from the local engine.`,
      note: true
    });
  }
  if (r.bases.uses.length === 0) lines.push({ text: "bases     no base image known (pass --base)", note: true });
  else lines.push({ text: `bases     ${r.bases.uses.map((u) => plainText(u.reference)).join(", ")}: from ${plainText(r.bases.from ?? "--base")}`, note: false });
  return lines;
}
async function runReportCommand(argv, deps) {
  const logger = terminalLogger(deps.err ?? process.stderr);
  let args;
  try {
    args = parseReportArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    logger.error(`strata report: ${e.message}`);
    (deps.err ?? process.stderr).write(REPORT_USAGE);
    return 2;
  }
  if (args.help) {
    deps.out.write(REPORT_USAGE);
    return 0;
  }
  try {
    const result = await produceCliReport({ ...args, image: args.image }, deps, logger);
    const sources = sourceLines(result, args);
    if (args.json) {
      deps.out.write(`${JSON.stringify(result.report, null, 2)}
`);
      for (const line of sources) if (line.note) logger.info(`note: ${oneLine(line.text)}`);
    } else {
      deps.out.write(`${sources.map((l) => l.text).join("\n")}

${renderTerminal(result.report)}`);
    }
    return 0;
  } catch (e) {
    logger.error(oneLine(e instanceof Error ? e.message : String(e)));
    return 1;
  }
}

export {
  REPORT_USAGE,
  UsageError,
  parseReportArgs,
  produceCliReport,
  sourceLines,
  runReportCommand
};
