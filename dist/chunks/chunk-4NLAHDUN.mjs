import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  LIFECYCLE_METADATA_LABEL,
  OCI_BASE_NAME,
  VERDICT_WORDS,
  assessBases,
  baseImageRegistry,
  basesFor,
  buildReport,
  compareImages,
  count,
  formatBytes,
  formatChange,
  gatherBaseFacts,
  imageName,
  listing,
  namedBase,
  originLabel,
  plainText,
  readEngineImageSummary,
  readImageSummary,
  recordedBase,
  truncate
} from "./chunk-I3Z5DAZ3.mjs";
import {
  digestOf,
  parseReference
} from "./chunk-EX3PM73Y.mjs";
import {
  terminalLogger
} from "./chunk-GAA6NDJJ.mjs";
import {
  imagePlatforms
} from "./chunk-W76PVC6K.mjs";

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
var ImageReadError = class extends Error {
  constructor(reference, attempts) {
    super(`cannot read image ${JSON.stringify(reference)}: ${attempts.join("; ")}`);
    this.reference = reference;
    this.name = "ImageReadError";
  }
  reference;
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
var oneLine = (text) => text.replace(/\s+/g, " ").trim();
async function readImage(reference, client, exec) {
  let registryError;
  try {
    return { summary: await readImageSummary(client, reference) };
  } catch (e) {
    registryError = oneLine(e.message);
  }
  try {
    return { summary: await readEngineImageSummary(exec, reference), fallback: registryError };
  } catch (e) {
    throw new ImageReadError(reference, [`its registry: ${registryError}`, `the local Docker engine: ${oneLine(e.message)}`]);
  }
}
function sameRepositoryAndTag(a, b) {
  try {
    const x = parseReference(a);
    const y = parseReference(b);
    return x.registry === y.registry && x.repository === y.repository && x.tag === y.tag && x.digest === y.digest;
  } catch {
    return a === b;
  }
}
function basesFromLabels(image) {
  const first = imagePlatforms(image)[0];
  const named = namedBase(first?.annotations, first?.labels);
  if (named?.kind === "recorded") {
    const use = { reference: named.name, stage: "base", runtime: true };
    if (named.digest && !named.name.includes("@")) use.digest = named.digest;
    return { uses: [use], from: `the ${OCI_BASE_NAME} ${named.from === "annotations" ? "annotation" : "label"}` };
  }
  if (named?.kind === "run-image") {
    const { run } = named;
    const runDigest = digestOf(run.reference);
    const runRef = run.image ?? (runDigest ? run.reference : void 0);
    if (runRef) {
      const use = { reference: runRef, stage: "run-image", runtime: true };
      if (runDigest && runRef !== run.reference) use.digest = runDigest;
      return { uses: [use], from: `the buildpack run image (${LIFECYCLE_METADATA_LABEL} label)` };
    }
  }
  return { uses: [] };
}
function knownBases(image, flags) {
  if (flags.length === 0) return basesFromLabels(image);
  const first = imagePlatforms(image)[0];
  const recorded = recordedBase(first?.annotations, first?.labels);
  const labelled = recorded?.name;
  const labelledDigest = recorded?.digest;
  const uses = flags.map((reference, i) => {
    const runtime = i === flags.length - 1;
    const use = { reference, stage: runtime ? "final" : `stage ${i}`, runtime };
    if (labelled && labelledDigest && !reference.includes("@") && sameRepositoryAndTag(reference, labelled)) use.digest = labelledDigest;
    return use;
  });
  return { uses, from: "--base" };
}
async function produceCliReport(args, deps, logger) {
  const client = await deps.registry(args.image);
  const image = await readImage(args.image, client, deps.exec);
  let baseline;
  let baselineError;
  if (args.baseline) {
    try {
      baseline = await readImage(args.baseline, client, deps.exec);
    } catch (e) {
      baselineError = e.message;
    }
  }
  const bases = knownBases(image.summary, args.bases);
  const currentBases = await basesFor(client, image.summary, bases.uses, logger);
  let baselineBases = currentBases;
  if (baseline) {
    const own = basesFromLabels(baseline.summary);
    if (own.uses.length > 0) baselineBases = await basesFor(client, baseline.summary, own.uses, logger) ?? currentBases;
  }
  const now = deps.now();
  const platform = imagePlatforms(image.summary)[0]?.platform;
  const facts = await gatherBaseFacts(baseImageRegistry(client), bases.uses, platform ? { platform } : {});
  const freshness = assessBases(facts, { now, ...args.maxBaseAge !== void 0 ? { maxBaseAge: args.maxBaseAge } : {} });
  const comparison = compareImages({
    current: image.summary,
    ...baseline ? { baseline: baseline.summary, baselineBases } : {},
    ...currentBases ? { currentBases } : {},
    noBaselineReason: baselineError ?? "no --baseline given"
  });
  const report = buildReport({
    comparison,
    freshness,
    ...baseline ? { baselineOrigin: "compare-to" } : {},
    ...args.maxBaseAge !== void 0 ? { maxBaseAge: args.maxBaseAge } : {},
    now
  });
  return { report, image, ...baseline ? { baseline } : {}, ...baselineError ? { baselineError } : {}, bases };
}
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
  ImageReadError,
  parseReportArgs,
  readImage,
  basesFromLabels,
  knownBases,
  produceCliReport,
  sourceLines,
  runReportCommand
};
