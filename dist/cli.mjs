#!/usr/bin/env node
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
  contextListing,
  count,
  createActionsCacheStore,
  createContextFiles,
  createExec,
  decide,
  formatBytes,
  formatChange,
  gatherBaseFacts,
  hostPlatform,
  imageName,
  imagePlatforms,
  listing,
  namedBase,
  originLabel,
  plainText,
  planBuildpack,
  readEngineImageSummary,
  readImageSummary,
  rebaseImage,
  recordedBase,
  resolveDockerfileBases,
  runMain,
  truncate
} from "./chunks/chunk-67VDKG5H.mjs";
import {
  parseInputs
} from "./chunks/chunk-NITEZRW4.mjs";
import "./chunks/chunk-YIEFQHNB.mjs";
import {
  createRunRegistry,
  createRunRegistryClient
} from "./chunks/chunk-FTJQR6N5.mjs";
import {
  digestOf,
  parseReference
} from "./chunks/chunk-UHWWYCF7.mjs";
import "./chunks/chunk-HB5L67CJ.mjs";

// src/cli/run-cli.ts
import { mkdtempSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { basename, delimiter, join, resolve } from "node:path";
import { parseArgs as parseArgs3 } from "node:util";

// src/io/terminal.ts
function terminalLogger(stream = process.stderr, verbose = false) {
  return {
    info: (m) => stream.write(`${m}
`),
    warning: (m, p) => stream.write(`warning: ${p?.file ? `${p.file}${p.startLine ? `:${p.startLine}` : ""}: ` : ""}${m}
`),
    error: (m) => stream.write(`error: ${m}
`),
    debug: (m) => {
      if (verbose) stream.write(`debug: ${m}
`);
    },
    group: async (name, fn) => {
      stream.write(`
== ${name}
`);
      return fn();
    }
  };
}
function memoryOutputs() {
  const values = /* @__PURE__ */ new Map();
  return { values, set: (n, v) => void values.set(n, v) };
}
function memoryState() {
  const values = /* @__PURE__ */ new Map();
  return { get: (n) => values.get(n) ?? "", set: (n, v) => void values.set(n, v) };
}

// src/cli/detect-command.ts
async function detectReport(files, inputs, buildPlatform) {
  const decision = await decide({ files }, inputs);
  const report = { context: inputs.context, mode: decision.mode, reason: decision.reason, decidedBy: decision.decidedBy };
  if (decision.mode === "buildpack") {
    report.builder = (await planBuildpack(files, inputs, await contextListing(files, inputs.context))).choice;
    return report;
  }
  const text = await files.read(decision.dockerfile) ?? "";
  const bases = resolveDockerfileBases(text, { buildArgs: inputs.buildArgs, platforms: inputs.platforms, buildPlatform, target: inputs.target });
  return {
    ...report,
    dockerfile: decision.dockerfile,
    ...inputs.target ? { target: inputs.target } : {},
    buildArgs: [...inputs.buildArgs],
    buildPlatform: bases.buildPlatform,
    platforms: bases.targets
  };
}
function showBase(b) {
  switch (b.kind) {
    case "image":
      return b.reference;
    case "stage":
      return `stage ${b.stage}`;
    case "scratch":
      return "scratch (no base image)";
    case "unresolved":
      return `unresolved: ${b.reason}`;
  }
}
function renderDetect(report) {
  const lines = [`mode        ${report.mode}`, `reason      ${report.reason}`];
  if (report.builder) lines.push(`builder     ${report.builder.builder}`, `            ${report.builder.reason}`);
  if (report.dockerfile) lines.push(`dockerfile  ${report.dockerfile}`);
  for (const p of report.platforms ?? []) {
    const via = p.runtimeStage && p.runtimeStage !== p.final ? `, from stage ${p.runtimeStage}` : "";
    lines.push("", `${p.platform}: runs on ${showBase(p.runtime)}${p.final ? ` (final stage ${p.final}${via})` : ""}`);
    for (const s of p.stages) {
      const name = s.name ?? String(s.index);
      const flags = [s.platform ? `--platform ${s.platform}` : "", s.reachable ? "" : "not built for this target"].filter(Boolean).join("; ");
      lines.push(`  line ${String(s.line).padEnd(4)} ${name.padEnd(16)} FROM ${s.from} \u2192 ${showBase(s.base)}${flags ? `  (${flags})` : ""}`);
    }
  }
  return `${lines.join("\n")}
`;
}

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

// src/cli/rebase-command.ts
import { parseArgs as parseArgs2 } from "node:util";
var REBASE_USAGE = `Usage: strata rebase IMAGE [--old-base REF@DIGEST] [--new-base REF] [--tag REF ...] [--dry-run] [--json]
  Swaps IMAGE's base layers for its base tag's current ones and pushes the result, without a
  rebuild and without downloading layers (like crane rebase / pack rebase). Not safe in general:
  the image's own layers were built against the old base's files; rebuild when in doubt.
      --old-base REF@DIGEST the base IMAGE was built on. Default: its
                            org.opencontainers.image.base.name/base.digest labels, else the
                            buildpack run image (io.buildpacks.lifecycle.metadata)
      --new-base REF        the base to move onto. Default: the old base's tag, resolved now
      --tag REF             where to push (repeatable; a full reference or a tag in IMAGE's
                            repository). Default: IMAGE's own tag
      --dry-run             plan and print; push nothing
      --json                print the result as JSON
`;
function parseRebaseArgs(argv) {
  let parsed;
  try {
    parsed = parseArgs2({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        "old-base": { type: "string", multiple: true },
        "new-base": { type: "string", multiple: true },
        tag: { type: "string", short: "t", multiple: true },
        "dry-run": { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" }
      }
    });
  } catch (e) {
    throw new UsageError(e.message);
  }
  const { values, positionals } = parsed;
  const args = { tags: [], dryRun: values["dry-run"] === true, json: values.json === true, help: values.help === true };
  if (args.help) return args;
  const once = (flag, given) => {
    if (!given) return void 0;
    if (given.length > 1) throw new UsageError(`--${flag} given ${given.length} times; give it once`);
    if (given[0].trim() === "") throw new UsageError(`--${flag} has an empty value`);
    return given[0].trim();
  };
  if (positionals.length === 0) throw new UsageError("missing IMAGE: say which image to rebase, e.g. strata rebase ghcr.io/acme/app:1.4");
  if (positionals.length > 1) throw new UsageError(`one IMAGE only; unexpected ${positionals.slice(1).map((p) => JSON.stringify(p)).join(", ")}`);
  if (positionals[0].trim() === "") throw new UsageError("IMAGE is empty");
  args.image = positionals[0].trim();
  const oldBase = once("old-base", values["old-base"]);
  if (oldBase !== void 0) {
    if (!oldBase.includes("@")) throw new UsageError(`--old-base ${JSON.stringify(oldBase)} needs a digest: REF@sha256:\u2026 (the digest the image was built on)`);
    args.oldBase = oldBase;
  }
  const newBase = once("new-base", values["new-base"]);
  if (newBase !== void 0) args.newBase = newBase;
  for (const t of values.tag ?? []) {
    if (t.trim() === "") throw new UsageError("--tag has an empty value");
    args.tags.push(t.trim());
  }
  return args;
}
async function createRebaseRegistry(env, exec, logger = terminalLogger()) {
  return createRunRegistry({ env, exec, logger });
}
function resultJson(r) {
  const { plan: _plan, ...rest } = r;
  return rest;
}
async function runRebaseCommand(argv, deps) {
  const err = deps.err ?? process.stderr;
  let args;
  try {
    args = parseRebaseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`error: strata rebase: ${e.message}
${REBASE_USAGE}`);
    return 2;
  }
  if (args.help) {
    deps.out.write(REBASE_USAGE);
    return 0;
  }
  const logger = terminalLogger(args.json ? err : deps.out);
  try {
    const { client, writer } = await deps.registry();
    const result = await rebaseImage({
      client,
      writer,
      image: args.image,
      ...args.oldBase ? { oldBase: args.oldBase } : {},
      ...args.newBase ? { newBase: args.newBase } : {},
      tags: args.tags,
      dryRun: args.dryRun,
      logger
    });
    if (args.json) deps.out.write(`${JSON.stringify(resultJson(result), null, 2)}
`);
    return 0;
  } catch (e) {
    err.write(`error: ${(e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim()}
`);
    return 1;
  }
}

// src/cli/run-cli.ts
var USAGE = `Usage:
  strata detect [path] [options]                say how the app at path would be built, and why
      --json                the decision as JSON
      --file PATH           Dockerfile path
      --build-arg K=V       (repeatable)
      --platform P          target platform (repeatable, or comma-separated)
      --target STAGE        the stage to build
      --mode MODE           auto | dockerfile | buildpack
      --builder IMAGE       buildpack builder (as the buildpack-builder input)
  strata build [path] [options]                 build it (Dockerfile with BuildKit, or buildpacks)
      --image NAME          repository (default: the directory name)
      --tag, -t TAG         tag name or full reference (repeatable)
      --push                push to the registry
      --mode MODE           auto | dockerfile | buildpack
      --file PATH           Dockerfile path
      --platform P          target platform (repeatable)
      --build-arg K=V       (repeatable)
  strata report IMAGE [options]                 layer and base-image report for an image (registry or local)
      --baseline IMAGE      compare with this image
      --base REF            a base image it was built FROM (repeatable)
      --max-base-age DAYS   call older base images stale
      --json                the report as JSON
  strata rebase IMAGE [options]                 move IMAGE onto its base tag's current digest, no rebuild
      --old-base REF@DIGEST the base it was built on (default: from its labels)
      --new-base REF        the base to move onto (default: the old base's tag, now)
      --tag REF             where to push (repeatable; default: IMAGE's tag)
      --dry-run             plan only
`;
async function gitContext(exec, dir) {
  const git = async (...args) => {
    const r = await exec.run("git", ["-C", dir, ...args]);
    return r.exitCode === 0 ? r.stdout.trim() : "";
  };
  const [sha, branch] = await Promise.all([git("rev-parse", "HEAD"), git("rev-parse", "--abbrev-ref", "HEAD")]);
  return {
    eventName: "cli",
    repository: process.env.GITHUB_REPOSITORY ?? "",
    serverUrl: "https://github.com",
    apiUrl: "https://api.github.com",
    sha,
    ref: branch && branch !== "HEAD" ? `refs/heads/${branch}` : "",
    runId: "",
    job: "",
    workflow: ""
  };
}
async function runCli(argv, out = process.stdout) {
  if (argv[0] === "report") {
    const exec2 = createExec();
    return runReportCommand(argv.slice(1), {
      registry: (image) => createRunRegistryClient({ env: process.env, exec: exec2, logger: terminalLogger(), image }),
      exec: exec2,
      out,
      err: process.stderr,
      now: () => /* @__PURE__ */ new Date()
    });
  }
  if (argv[0] === "rebase") {
    return runRebaseCommand(argv.slice(1), { registry: () => createRebaseRegistry(process.env, createExec()), out, err: process.stderr });
  }
  const { values, positionals } = parseArgs3({
    args: argv,
    allowPositionals: true,
    options: {
      image: { type: "string" },
      tag: { type: "string", short: "t", multiple: true },
      push: { type: "boolean" },
      mode: { type: "string" },
      file: { type: "string" },
      platform: { type: "string", multiple: true },
      "build-arg": { type: "string", multiple: true },
      target: { type: "string" },
      builder: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" }
    }
  });
  const [command, target] = positionals;
  if (values.help || !command) {
    out.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  const logger = terminalLogger();
  const exec = createExec();
  try {
    const context = target ?? ".";
    const github = await gitContext(exec, context);
    const raw = {
      context,
      mode: values.mode ?? "",
      file: values.file ?? "",
      image: values.image ?? (github.repository ? "" : basename(resolve(context)).toLowerCase().replace(/[^a-z0-9._-]+/g, "-")),
      tags: (values.tag ?? []).join("\n"),
      push: values.push ? "true" : "false",
      platforms: (values.platform ?? []).join(","),
      "build-args": (values["build-arg"] ?? []).join("\n"),
      target: values.target ?? "",
      "buildpack-builder": values.builder ?? "",
      comment: "never"
    };
    const inputs = parseInputs((name) => raw[name] ?? "", github);
    if (command === "detect") {
      const report = await detectReport(createContextFiles(), inputs, hostPlatform());
      out.write(values.json ? `${JSON.stringify(report, null, 2)}
` : renderDetect(report));
      return 0;
    }
    if (command === "build") {
      const outputs = memoryOutputs();
      await runMain({
        env: process.env,
        github,
        exec,
        logger,
        outputs,
        state: memoryState(),
        files: createContextFiles(),
        tempDir: mkdtempSync(join(tmpdir(), "strata-")),
        now: () => /* @__PURE__ */ new Date(),
        maskSecret: () => void 0,
        cacheStore: createActionsCacheStore({ env: process.env }),
        addPath: (dir) => {
          process.env.PATH = `${dir}${delimiter}${process.env.PATH ?? ""}`;
        },
        toolCache: async () => {
          process.env.RUNNER_TOOL_CACHE ??= join(homedir(), ".cache", "strata", "tools");
          process.env.RUNNER_TEMP ??= tmpdir();
          return import("./chunks/tool-cache-EBKLPLXE.mjs");
        }
      }, inputs);
      out.write("\n");
      for (const [k, v] of outputs.values) {
        if (k === "metadata" || v === "") continue;
        out.write(`${k.padEnd(12)} ${v.replace(/\n/g, `
${" ".repeat(13)}`)}
`);
      }
      return 0;
    }
    logger.error(`Unknown command ${JSON.stringify(command)}.
${USAGE}`);
    return 2;
  } catch (e) {
    logger.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2));
