#!/usr/bin/env node
import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  LIFECYCLE_METADATA_LABEL,
  assessBases,
  basesFor,
  buildReport,
  compareImages,
  createActionsCacheStore,
  createContextFiles,
  createExec,
  decide,
  formatBytes,
  formatChange,
  gatherBaseFacts,
  originLabel,
  plainText,
  platformDescriptors,
  platformString,
  readEngineImageSummary,
  readImageSummary,
  runImageFromLabel,
  runMain,
  truncate
} from "./chunks/chunk-U2SNDH2H.mjs";
import {
  parseInputs
} from "./chunks/chunk-JPBYJ7RS.mjs";
import {
  DOCKER_FOREIGN_LAYER,
  DOCKER_LAYER,
  DOCKER_MANIFEST_LIST,
  OCI_INDEX,
  OCI_LAYER_GZIP,
  OCI_LAYER_NONDISTRIBUTABLE_GZIP,
  OCI_MANIFEST,
  RegistryAuthError,
  RegistryAuthenticator,
  RegistryClient,
  RegistryError,
  apiHost,
  baseImageRegistry,
  baseMediaType,
  createCredentialResolver,
  createRunRegistryClient,
  describeFetchError,
  formatReference,
  isLoopbackRegistry,
  parseDockerConfig,
  parseReference,
  parseRetryAfter,
  readDockerConfigFile,
  redact,
  serverMessage,
  toReference
} from "./chunks/chunk-XWEF5F5H.mjs";
import "./chunks/chunk-HB5L67CJ.mjs";

// src/cli/run-cli.ts
import { mkdtempSync } from "node:fs";
import { homedir as homedir2, tmpdir } from "node:os";
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

// src/cli/report-command.ts
import { parseArgs } from "node:util";

// src/report/terminal.ts
function renderTerminal(report, options = {}) {
  const width = options.width ?? 100;
  const out = [];
  const h = report.headline;
  const compared = report.comparison.status === "compared";
  out.push(`Image ${plainText(report.image.reference)}`);
  const size = `${formatBytes(h.size)} ${h.sizeKind}${h.platform ? ` (${plainText(h.platform)})` : ""}`;
  if (compared && report.baseline) {
    const change = h.delta === void 0 ? "not comparable" : h.delta === 0 ? "no change" : formatChange(h.delta, h.deltaPercent);
    out.push(`  ${size}: ${change} against ${plainText(report.baseline.reference)}`);
  } else {
    out.push(`  ${size}; no size comparison: ${plainText(report.comparison.reason ?? "no baseline")}`);
  }
  if (report.sizeCheck) out.push(`  size check ${report.sizeCheck.status}: ${plainText(report.sizeCheck.message)}`);
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
    const unchanged = platform.changes.filter((c) => c.status === "unchanged");
    for (const c of platform.changes) {
      if (c.status === "unchanged" && !options.verbose) continue;
      const sizes = `${pad(c.baseline ? formatBytes(c.baseline.size) : "-", 9)} -> ${pad(c.current ? formatBytes(c.current.size) : "-", 9)}`;
      const change = c.status === "unchanged" ? "" : formatChange(c.delta, c.deltaPercent);
      out.push(`  ${pad(c.status, 9)} ${sizes}  ${pad(change, 19)} ${label(c, width)}`);
    }
    if (unchanged.length > 0 && !options.verbose) {
      out.push(`  ${unchanged.length} unchanged layers, ${formatBytes(unchanged.reduce((s, c) => s + (c.current?.size ?? 0), 0))}`);
    }
  }
  if (report.freshness.length > 0) {
    out.push("", "Base images");
    for (const f of report.freshness) {
      const age = f.ageDays === void 0 ? "" : `, ${f.ageDays} days old`;
      out.push(`  ${plainText(f.use.reference)} [${plainText(f.use.stage)}]: ${f.verdict}${age}`);
      for (const reason of f.reasons) out.push(`    - ${plainText(reason)}`);
    }
  }
  out.push("", report.image.sizeKind === "compressed" ? "Sizes: compressed registry blobs." : "Sizes: uncompressed engine layers.");
  return out.join("\n") + "\n";
}
function label(c, width) {
  const text = (o) => plainText(originLabel(o));
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
var OCI_BASE_NAME_LABEL = "org.opencontainers.image.base.name";
var OCI_BASE_DIGEST_LABEL = "org.opencontainers.image.base.digest";
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
function imagePlatforms(image) {
  return image.platforms.filter((p) => !p.platform.startsWith("unknown/"));
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
function digestOf(reference) {
  if (!reference) return void 0;
  try {
    return parseReference(reference).digest;
  } catch {
    return void 0;
  }
}
function basesFromLabels(image) {
  const labels = imagePlatforms(image)[0]?.labels ?? {};
  const run = runImageFromLabel(labels[LIFECYCLE_METADATA_LABEL]);
  const runDigest = digestOf(run.reference);
  const runRef = run.image ?? (runDigest ? run.reference : void 0);
  if (runRef) {
    const use = { reference: runRef, stage: "run-image", runtime: true };
    if (runDigest && runRef !== run.reference) use.digest = runDigest;
    return { uses: [use], from: `the buildpack run image (${LIFECYCLE_METADATA_LABEL} label)` };
  }
  const name = labels[OCI_BASE_NAME_LABEL]?.trim();
  if (name) {
    const use = { reference: name, stage: "base", runtime: true };
    const digest = labels[OCI_BASE_DIGEST_LABEL]?.trim();
    if (digest && !name.includes("@")) use.digest = digest;
    return { uses: [use], from: `the ${OCI_BASE_NAME_LABEL} label` };
  }
  return { uses: [] };
}
function knownBases(image, flags) {
  if (flags.length === 0) return basesFromLabels(image);
  const labels = imagePlatforms(image)[0]?.labels ?? {};
  const labelled = labels[OCI_BASE_NAME_LABEL]?.trim();
  const labelledDigest = labels[OCI_BASE_DIGEST_LABEL]?.trim();
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
import { homedir } from "node:os";
import { parseArgs as parseArgs2 } from "node:util";

// src/registry/writer.ts
var RETRYABLE = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
function pushScope(repository) {
  return `repository:${repository}:pull,push`;
}
var RegistryWriter = class {
  constructor(options) {
    this.options = options;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve2) => setTimeout(resolve2, ms)));
    this.now = options.now ?? Date.now;
    this.auth = new RegistryAuthenticator({
      fetch: options.fetch,
      ...options.credentials ? { credentials: options.credentials } : {},
      now: this.now,
      timeoutMs: options.timeoutMs ?? 3e4,
      insecure: options.insecure === true,
      ...options.logger ? { logger: options.logger } : {},
      onRequest: () => this.requests++
    });
  }
  options;
  auth;
  sleep;
  now;
  requests = 0;
  /** HTTP requests sent so far (token requests included). */
  get requestCount() {
    return this.requests;
  }
  /** HEAD /v2/<name>/blobs/<digest>: whether the repository has it already. */
  async blobExists(repo, digest) {
    const ref = toReference(repo);
    const res = await this.request(ref, {
      method: "HEAD",
      url: this.url(ref, `blobs/${digest}`),
      what: `Blob ${ref.registry}/${ref.repository}@${digest}`,
      scope: pushScope(ref.repository),
      ok: [200, 404]
    });
    return res.status === 200;
  }
  /**
   * Cross-repository mount (same registry): 201 = mounted; 202 = the registry would not (no
   * access to the source, a different storage, or not supported) and opened an upload instead.
   */
  async mountBlob(repo, digest, fromRepository) {
    const ref = toReference(repo);
    const query = new URLSearchParams({ mount: digest, from: fromRepository });
    const res = await this.request(ref, {
      method: "POST",
      url: this.url(ref, `blobs/uploads/?${query}`),
      what: `Mount of ${digest} from ${fromRepository} into ${ref.registry}/${ref.repository}`,
      scope: `${pushScope(ref.repository)} repository:${fromRepository}:pull`,
      headers: { "Content-Length": "0" },
      ok: [201, 202]
    });
    await res.body?.cancel();
    if (res.status === 201) return { mounted: true };
    const location = res.headers.get("location");
    return { mounted: false, ...location ? { uploadUrl: new URL(location, res.url || this.url(ref, "blobs/uploads/")).toString() } : {} };
  }
  /** A small blob held in memory (a config): POST to open an upload, PUT ?digest= with the bytes. */
  async uploadBlob(repo, digest, bytes) {
    const ref = toReference(repo);
    const uploadUrl = await this.startUpload(ref);
    await this.finishUpload(ref, uploadUrl, digest, {
      retry: true,
      length: bytes.length,
      open: async () => bytes
    });
  }
  /**
   * Streams a blob from `from` (any registry) into `to`: GET piped into a monolithic PUT. The
   * bytes pass through; the registry checks them against the digest. `uploadUrl`: a session a
   * failed mount left open.
   */
  async copyBlob(from, to, blob, uploadUrl) {
    const src = toReference(from);
    const dst = toReference(to);
    const retries = this.options.retries ?? 3;
    let session = uploadUrl;
    for (let attempt = 0; ; attempt++) {
      try {
        session ??= await this.startUpload(dst);
        await this.finishUpload(dst, session, blob.digest, {
          retry: false,
          length: blob.size,
          open: async () => {
            const res = await this.request(src, {
              method: "GET",
              url: this.url(src, `blobs/${blob.digest}`),
              what: `Blob ${src.registry}/${src.repository}@${blob.digest}`,
              scope: `repository:${src.repository}:pull`,
              headers: { Accept: "*/*" },
              ok: [200]
            });
            if (!res.body) throw new RegistryError(`Blob ${src.registry}/${src.repository}@${blob.digest}: empty response body`);
            return res.body;
          }
        });
        return;
      } catch (e) {
        const status = e.status;
        const transient = !(e instanceof RegistryAuthError) && (status === void 0 || RETRYABLE.has(status));
        if (!transient || attempt >= retries) throw e;
        const wait = this.backoff(attempt);
        this.options.logger?.debug(`copy of ${blob.digest} failed (${e.message}); retrying in ${wait} ms with a new upload`);
        session = void 0;
        await this.sleep(wait);
      }
    }
  }
  /** PUT /v2/<name>/manifests/<tag or digest>; returns the digest the registry computed. */
  async putManifest(repo, reference, doc) {
    const ref = toReference(repo);
    const what = `Manifest ${ref.registry}/${ref.repository}${reference.includes(":") ? "@" : ":"}${reference}`;
    const res = await this.request(ref, {
      method: "PUT",
      url: this.url(ref, `manifests/${reference}`),
      what,
      scope: pushScope(ref.repository),
      headers: { "Content-Type": doc.mediaType },
      body: async () => doc.bytes,
      ok: [200, 201],
      retry: true
    });
    await res.body?.cancel();
    const digest = res.headers.get("docker-content-digest") ?? doc.digest;
    if (digest !== doc.digest) throw new RegistryError(`${what}: the registry stored digest ${digest}, expected ${doc.digest}`);
    return digest;
  }
  async startUpload(ref) {
    const url = this.url(ref, "blobs/uploads/");
    const res = await this.request(ref, {
      method: "POST",
      url,
      what: `Upload to ${ref.registry}/${ref.repository}`,
      scope: pushScope(ref.repository),
      headers: { "Content-Length": "0" },
      ok: [202],
      retry: true
    });
    await res.body?.cancel();
    const location = res.headers.get("location");
    if (!location) throw new RegistryError(`Upload to ${ref.registry}/${ref.repository}: the registry answered 202 without a Location`);
    return new URL(location, res.url || url).toString();
  }
  async finishUpload(ref, uploadUrl, digest, body) {
    const url = new URL(uploadUrl);
    url.searchParams.set("digest", digest);
    const res = await this.request(ref, {
      method: "PUT",
      url: url.toString(),
      what: `Upload of ${digest} to ${ref.registry}/${ref.repository}`,
      scope: pushScope(ref.repository),
      headers: { "Content-Type": "application/octet-stream", "Content-Length": String(body.length) },
      body: body.open,
      ok: [201, 204],
      retry: body.retry
    });
    await res.body?.cancel();
  }
  scheme(registry) {
    const insecure = this.options.insecure;
    if (isLoopbackRegistry(registry) || insecure === true) return "http";
    if (Array.isArray(insecure) && insecure.includes(registry)) return "http";
    return "https";
  }
  url(ref, path) {
    return `${this.scheme(ref.registry)}://${apiHost(ref.registry)}/v2/${ref.repository}/${path}`;
  }
  /** One logical request: at most one auth challenge round, retries when the body can be resent. */
  async request(ref, req) {
    let authorization = await this.auth.authorize(ref.registry, req.scope);
    let res = await this.send(req, authorization);
    if (res.status === 401) {
      const challenge = res.headers.get("www-authenticate");
      await res.body?.cancel();
      authorization = await this.auth.respondToChallenge(ref.registry, challenge, req.scope);
      res = await this.send(req, authorization);
      if (res.status === 401) {
        const text = await res.text().catch(() => "");
        const detail = redact(serverMessage(text), this.auth.secretsFor(ref.registry));
        throw new RegistryAuthError(
          `Registry ${ref.registry} refused ${req.what} ${this.auth.describeIdentity(ref.registry)} (HTTP 401${detail ? `: ${detail}` : ""}); it needs the token scope ${JSON.stringify(req.scope)}`,
          ref.registry,
          401
        );
      }
    }
    if (!req.ok.includes(res.status)) throw await this.errorFor(res, req, ref.registry);
    return res;
  }
  async send(req, authorization) {
    const retries = req.retry === false ? 0 : this.options.retries ?? 3;
    const timeoutMs = this.options.timeoutMs ?? 3e4;
    const headers = { "User-Agent": "strata", ...req.headers ?? {} };
    if (authorization) headers.Authorization = authorization;
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      const body = req.body ? await req.body() : void 0;
      const streamed = body instanceof ReadableStream;
      let res;
      try {
        res = await this.options.fetch(req.url, {
          method: req.method,
          headers,
          redirect: "follow",
          ...body !== void 0 ? { body } : {},
          // Node's fetch needs this for a stream body; the upload then goes out as it is read.
          ...streamed ? { duplex: "half" } : {},
          // A streamed layer may take long; the per-request timeout is for the small requests.
          ...streamed ? {} : { signal: AbortSignal.timeout(timeoutMs) }
        });
      } catch (e) {
        if (streamed) await body.cancel().catch(() => void 0);
        const why = e?.name === "TimeoutError" ? `timed out after ${timeoutMs} ms` : `failed: ${describeFetchError(e)}`;
        if (attempt >= retries) throw new RegistryError(`${req.what}: ${req.method} ${redactUrl(req.url)} ${why}`);
        const wait2 = this.backoff(attempt);
        this.options.logger?.debug(`${req.method} ${redactUrl(req.url)} ${why}; retrying in ${wait2} ms`);
        await this.sleep(wait2);
        continue;
      }
      if (streamed && res.status >= 300) {
        await body.cancel().catch(() => void 0);
      }
      if (!RETRYABLE.has(res.status) || attempt >= retries) return res;
      const wait = Math.min(parseRetryAfter(res.headers.get("retry-after"), this.now()) ?? this.backoff(attempt), this.maxWait());
      await res.body?.cancel();
      this.options.logger?.debug(`${req.method} ${redactUrl(req.url)} answered ${res.status}; retrying in ${wait} ms`);
      await this.sleep(wait);
    }
  }
  backoff(attempt) {
    return Math.min((this.options.retryBaseMs ?? 500) * 2 ** attempt, this.maxWait());
  }
  maxWait() {
    return this.options.maxRetryWaitMs ?? 3e4;
  }
  async errorFor(res, req, registry) {
    const text = req.method === "HEAD" ? "" : await res.text().catch(() => "");
    const detail = redact(serverMessage(text), this.auth.secretsFor(registry));
    const code = /^[A-Z_]+/.exec(detail)?.[0];
    const summary = res.status === 404 ? "not found" : res.status === 403 ? "access denied" : "failed";
    const message = `${req.what} ${summary} (HTTP ${res.status}${detail ? `: ${detail}` : ""})`;
    if (res.status === 403) {
      return new RegistryAuthError(`${message} ${this.auth.describeIdentity(registry)}; it needs the token scope ${JSON.stringify(req.scope)}`, registry, 403);
    }
    return new RegistryError(message, res.status, code);
  }
};
function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.searchParams.has("_state")) u.searchParams.set("_state", "\u2026");
    return u.toString();
  } catch {
    return url;
  }
}

// src/rebase/plan.ts
import { createHash } from "node:crypto";
var OCI_BASE_NAME = "org.opencontainers.image.base.name";
var OCI_BASE_DIGEST = "org.opencontainers.image.base.digest";
var RebaseError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "RebaseError";
  }
};
function documentOf(mediaType, value) {
  const bytes = Buffer.from(JSON.stringify(value), "utf8");
  return { mediaType, digest: `sha256:${createHash("sha256").update(bytes).digest("hex")}`, size: bytes.length, bytes };
}
function isTopLayerBase(base) {
  return typeof base.topLayer === "string";
}
function platformKey(p) {
  return platformString(p ? { os: p.os, architecture: p.architecture, ...p.variant ? { variant: p.variant } : {} } : void 0);
}
function imagePlatforms2(docs) {
  if (docs.root.kind === "index") {
    return platformDescriptors(docs.root).map((d) => ({ platform: platformKey(d.platform), digest: d.digest, descriptor: d }));
  }
  const config = docs.configs[docs.root.config.digest];
  return [{ platform: platformKey({ os: config?.os, architecture: config?.architecture, ...config?.variant ? { variant: config.variant } : {} }), digest: docs.digest }];
}
function matchPlatform(docs, platform) {
  const candidates = imagePlatforms2(docs);
  const exact = candidates.find((c) => c.platform === platform);
  if (exact) return exact.digest;
  if (platform === "unknown/unknown" && candidates.length === 1) return candidates[0].digest;
  const [os, arch] = platform.split("/");
  const sameArch = candidates.filter((c) => c.platform.split("/")[0] === os && c.platform.split("/")[1] === arch);
  return sameArch.length === 1 ? sameArch[0].digest : void 0;
}
function manifestOf(docs, digest, what) {
  const manifest = docs.root.kind === "manifest" && digest === docs.digest ? docs.root : docs.manifests[digest];
  if (manifest === void 0) throw new RebaseError(`${what}: manifest ${digest} was not fetched`);
  const config = docs.configs[manifest.config.digest];
  if (config === void 0) throw new RebaseError(`${what}: config ${manifest.config.digest} was not fetched`);
  return { manifest, config };
}
function diffIdsOf(manifest, config, what) {
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== manifest.layers.length) {
    throw new RebaseError(`${what} has ${manifest.layers.length} layers but its config lists ${diffIds.length} diff_ids; refusing to rebase an inconsistent image`);
  }
  return diffIds;
}
var nonEmpty = (h) => h.empty_layer !== true;
function historyMatchesLayers(history, layers) {
  return history !== void 0 && history.filter(nonEmpty).length === layers;
}
function afterNthLayer(history, n) {
  if (n === 0) return 0;
  let seen = 0;
  for (let i = 0; i < history.length; i++) {
    if (nonEmpty(history[i]) && ++seen === n) return i + 1;
  }
  return history.length;
}
function isOciManifest(manifest) {
  return manifest.mediaType === void 0 || baseMediaType(manifest.mediaType) === OCI_MANIFEST;
}
function baseLayerFor(image, layer, what) {
  const type = baseMediaType(layer.mediaType);
  if (type === DOCKER_FOREIGN_LAYER || type.includes(".nondistributable.") || type === OCI_LAYER_NONDISTRIBUTABLE_GZIP) {
    throw new RebaseError(`${what}: layer ${layer.digest} is a foreign (non-distributable) layer (${layer.mediaType}); rebasing onto it is not supported`);
  }
  if (isOciManifest(image)) return { ...layer };
  if (type === DOCKER_LAYER) {
    const { annotations: _a, ...rest } = layer;
    return rest;
  }
  if (type === OCI_LAYER_GZIP) return { mediaType: DOCKER_LAYER, digest: layer.digest, size: layer.size };
  throw new RebaseError(
    `${what}: layer ${layer.digest} has media type ${layer.mediaType}, which a Docker v2s2 manifest cannot carry; push the image as OCI, or use a gzip-compressed base`
  );
}
function descriptorJson(d, oci) {
  return {
    mediaType: d.mediaType,
    digest: d.digest,
    size: d.size,
    ...oci && d.annotations && Object.keys(d.annotations).length ? { annotations: d.annotations } : {},
    ...oci && d.artifactType ? { artifactType: d.artifactType } : {},
    ...d.platform ? { platform: d.platform } : {}
  };
}
function cloneJson(value) {
  return JSON.parse(JSON.stringify(value));
}
function updateLifecycleLabel(label2, update) {
  const parsed = JSON.parse(label2);
  const runImage = typeof parsed.runImage === "object" && parsed.runImage !== null ? parsed.runImage : {};
  runImage.topLayer = update.topLayer;
  runImage.reference = update.reference;
  if (update.image !== void 0) runImage.image = update.image;
  parsed.runImage = runImage;
  return JSON.stringify(parsed);
}
function planPlatformRebase(input, notes = []) {
  const where2 = `image ${input.platform} (${input.sourceDigest})`;
  const { manifest: image, config: imageConfig } = input.image;
  const imageDiffIds = diffIdsOf(image, imageConfig, where2);
  const newDiffIds = diffIdsOf(input.newBase.manifest, input.newBase.config, `new base ${input.newBaseName} ${input.platform}`);
  let oldCount;
  let oldHistory;
  if (isTopLayerBase(input.oldBase)) {
    const at = imageDiffIds.indexOf(input.oldBase.topLayer);
    if (at === -1) {
      throw new RebaseError(
        `${where2}: the run image's top layer ${input.oldBase.topLayer} (runImage.topLayer of ${LIFECYCLE_METADATA_LABEL}) is not among the image's layers; cannot tell its base layers apart`
      );
    }
    oldCount = at + 1;
  } else {
    const oldDiffIds = diffIdsOf(input.oldBase.manifest, input.oldBase.config, `old base ${input.platform}`);
    const firstDiff = oldDiffIds.findIndex((d, i) => imageDiffIds[i] !== d);
    if (oldDiffIds.length > imageDiffIds.length || firstDiff !== -1) {
      const at = firstDiff === -1 ? imageDiffIds.length : firstDiff;
      throw new RebaseError(
        `${where2}: the old base's layers are not a prefix of the image's layers (they differ at layer ${at}: base ${oldDiffIds[at] ?? "(none)"}, image ${imageDiffIds[at] ?? "(none)"}); the image was not built on that base, so its base layers cannot be told apart. Pass the right --old-base REF@DIGEST`
      );
    }
    oldCount = oldDiffIds.length;
    oldHistory = input.oldBase.config.history;
  }
  const imageOs = imageConfig.os;
  const imageArch = imageConfig.architecture;
  if (imageOs && input.newBase.config.os && imageOs !== input.newBase.config.os || imageArch && input.newBase.config.architecture && imageArch !== input.newBase.config.architecture) {
    throw new RebaseError(`${where2}: the new base is ${input.newBase.config.os}/${input.newBase.config.architecture}, the image ${imageOs}/${imageArch}`);
  }
  const oldBaseLayers = image.layers.slice(0, oldCount);
  const appLayers = image.layers.slice(oldCount);
  const newBaseLayers = input.newBase.manifest.layers.map((l) => baseLayerFor(image, l, `new base ${input.newBaseName} ${input.platform}`));
  const config = cloneJson(imageConfig);
  config.rootfs = { ...config.rootfs ?? {}, type: "layers", diff_ids: [...newDiffIds, ...imageDiffIds.slice(oldCount)] };
  const imageHistory = imageConfig.history;
  if (imageHistory !== void 0 && imageHistory.length > 0) {
    if (!historyMatchesLayers(imageHistory, imageDiffIds.length)) {
      delete config.history;
      notes.push(`${input.platform}: the image's history does not match its layers (${imageHistory.filter(nonEmpty).length} entries made layers, ${imageDiffIds.length} layers); history dropped`);
    } else {
      let split;
      if (oldHistory !== void 0 && historyMatchesLayers(oldHistory, oldCount) && imageHistory.slice(0, oldHistory.length).filter(nonEmpty).length === oldCount) {
        split = oldHistory.length;
      } else {
        split = afterNthLayer(imageHistory, oldCount);
        notes.push(`${input.platform}: the old base's history is not known or does not line up; split the image's history after its ${oldCount}th layer entry`);
      }
      let newHistory = input.newBase.config.history ?? [];
      if (!historyMatchesLayers(newHistory, newDiffIds.length)) {
        newHistory = newDiffIds.map(() => ({ created_by: `layer of ${input.newBaseName} (strata rebase)` }));
        notes.push(`${input.platform}: the new base's history does not match its layers; one placeholder entry per base layer`);
      }
      config.history = [...cloneJson(newHistory), ...cloneJson(imageHistory.slice(split))];
    }
  }
  const inner = config.config ?? {};
  const labels = { ...inner.Labels ?? {} };
  labels[OCI_BASE_NAME] = input.newBaseName;
  labels[OCI_BASE_DIGEST] = input.newBaseDigest;
  const lifecycle = labels[LIFECYCLE_METADATA_LABEL];
  if (lifecycle !== void 0) {
    try {
      labels[LIFECYCLE_METADATA_LABEL] = updateLifecycleLabel(lifecycle, {
        topLayer: newDiffIds[newDiffIds.length - 1] ?? "",
        reference: `${input.newBaseRepository}@${input.newBase.digest}`
      });
    } catch (e) {
      throw new RebaseError(`${where2}: the ${LIFECYCLE_METADATA_LABEL} label is not JSON (${e.message}); refusing to leave it naming the old run image`);
    }
  }
  config.config = { ...inner, Labels: labels };
  const configDoc = documentOf(image.config.mediaType, config);
  const oci = isOciManifest(image);
  const manifestJson = {
    schemaVersion: 2,
    ...image.mediaType !== void 0 ? { mediaType: image.mediaType } : {},
    config: descriptorJson({ mediaType: image.config.mediaType, digest: configDoc.digest, size: configDoc.size }, oci),
    layers: [...newBaseLayers, ...appLayers].map((l) => descriptorJson(l, oci))
  };
  if (oci) {
    manifestJson.annotations = { ...image.annotations ?? {}, [OCI_BASE_NAME]: input.newBaseName, [OCI_BASE_DIGEST]: input.newBaseDigest };
  }
  if (image.subject) notes.push(`${input.platform}: the image's subject (${image.subject.digest}) was dropped; it described the old image`);
  const manifestDoc = documentOf(image.mediaType ?? OCI_MANIFEST, manifestJson);
  return {
    platform: input.platform,
    sourceDigest: input.sourceDigest,
    manifest: manifestDoc,
    config: configDoc,
    configDocument: config,
    oldBaseLayers,
    newBaseLayers,
    appLayers,
    newBaseManifestDigest: input.newBase.digest
  };
}
function droppedReason(d, runnable) {
  if (runnable.has(d.digest)) return void 0;
  if (d.annotations?.["vnd.docker.reference.type"] === "attestation-manifest") {
    return `attestation manifest ${d.digest} dropped: it attests the old image (for ${d.annotations["vnd.docker.reference.digest"] ?? "an old manifest"}), not the rebased one`;
  }
  return `index entry ${d.digest} (${d.mediaType || "no media type"}${d.platform ? `, ${platformKey(d.platform)}` : ""}) dropped: not a platform image that can be rebased`;
}
function planRebase(input) {
  const notes = [];
  const newBaseDigest = input.newBase.digest;
  const platforms = imagePlatforms2(input.image);
  if (platforms.length === 0) throw new RebaseError(`image ${input.image.reference} has no platform images to rebase`);
  const planned = platforms.map((p) => {
    const image = manifestOf(input.image, p.digest, `image ${p.platform}`);
    const newDigest = matchPlatform(input.newBase, p.platform);
    if (newDigest === void 0) {
      throw new RebaseError(
        `the new base ${input.newBaseName} has no ${p.platform} image (it has ${imagePlatforms2(input.newBase).map((x) => x.platform).join(", ") || "none"})`
      );
    }
    const newBase = { ...manifestOf(input.newBase, newDigest, `new base ${p.platform}`), digest: newDigest };
    let oldBase;
    if (isTopLayerBase(input.oldBase)) {
      oldBase = input.oldBase;
    } else {
      const oldDigest = matchPlatform(input.oldBase, p.platform);
      if (oldDigest === void 0) throw new RebaseError(`the old base ${input.oldBase.reference} has no ${p.platform} image`);
      oldBase = manifestOf(input.oldBase, oldDigest, `old base ${p.platform}`);
    }
    return planPlatformRebase(
      {
        platform: p.platform,
        sourceDigest: p.digest,
        image,
        oldBase,
        newBase,
        newBaseName: input.newBaseName,
        newBaseDigest,
        newBaseRepository: input.newBaseRepository
      },
      notes
    );
  });
  let root;
  if (input.image.root.kind === "manifest") {
    root = planned[0].manifest;
  } else {
    root = planIndex(input.image.root, planned, { name: input.newBaseName, digest: newBaseDigest }, notes);
  }
  return { root, platforms: planned, sourceDigest: input.image.digest, newBase: { name: input.newBaseName, digest: newBaseDigest }, notes };
}
function planIndex(index, platforms, base, notes = []) {
  const bySource = new Map(platforms.map((p) => [p.sourceDigest, p]));
  const runnable = new Set(platformDescriptors(index).map((d) => d.digest));
  const oci = index.mediaType === void 0 || baseMediaType(index.mediaType) === OCI_INDEX;
  const manifests = [];
  for (const d of index.manifests) {
    const why = droppedReason(d, runnable);
    if (why !== void 0) {
      notes.push(why);
      continue;
    }
    const p = bySource.get(d.digest);
    if (p === void 0) throw new RebaseError(`index entry ${d.digest} (${platformKey(d.platform)}) has no rebased manifest`);
    manifests.push(descriptorJson({ ...d, mediaType: p.manifest.mediaType, digest: p.manifest.digest, size: p.manifest.size }, oci));
  }
  const json = {
    schemaVersion: 2,
    ...index.mediaType !== void 0 ? { mediaType: index.mediaType } : {},
    manifests
  };
  if (oci) json.annotations = { ...index.annotations ?? {}, [OCI_BASE_NAME]: base.name, [OCI_BASE_DIGEST]: base.digest };
  return documentOf(index.mediaType ?? (oci ? OCI_INDEX : DOCKER_MANIFEST_LIST), json);
}

// src/rebase/push.ts
function repoKey(ref) {
  return `${ref.registry}/${ref.repository}`;
}
function sameRepo(a, b) {
  return a.registry === b.registry && a.repository === b.repository;
}
async function pool(items, limit, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  });
  await Promise.all(workers);
}
async function ensureBlob(writer, target, source, blob) {
  if (await writer.blobExists(target, blob.digest)) return "exists";
  let uploadUrl;
  if (source.registry === target.registry && !sameRepo(source, target)) {
    const mount = await writer.mountBlob(target, blob.digest, source.repository);
    if (mount.mounted) return "mounted";
    uploadUrl = mount.uploadUrl;
  }
  await writer.copyBlob(source, target, blob, uploadUrl);
  return "copied";
}
async function ensureDocumentBlob(writer, target, doc) {
  if (await writer.blobExists(target, doc.digest)) return "exists";
  await writer.uploadBlob(target, doc.digest, doc.bytes);
  return "uploaded";
}
async function pushRebase(opts) {
  const { writer, plan, logger } = opts;
  const blobs = { exists: 0, mounted: 0, copied: 0, uploaded: 0 };
  const pushed = [];
  const byRepo = /* @__PURE__ */ new Map();
  for (const t of opts.targets) {
    const key = repoKey(t);
    const entry = byRepo.get(key) ?? { repo: { registry: t.registry, repository: t.repository }, tags: [] };
    if (t.tag !== void 0 && !entry.tags.includes(t.tag)) entry.tags.push(t.tag);
    byRepo.set(key, entry);
  }
  for (const { repo, tags } of byRepo.values()) {
    const layers = /* @__PURE__ */ new Map();
    for (const p of plan.platforms) {
      for (const l of p.newBaseLayers) if (!layers.has(l.digest)) layers.set(l.digest, { blob: l, source: opts.newBaseRepository });
      for (const l of p.appLayers) if (!layers.has(l.digest)) layers.set(l.digest, { blob: l, source: opts.imageRepository });
    }
    await pool([...layers.values()], opts.concurrency ?? 4, async ({ blob, source }) => {
      const outcome = await ensureBlob(writer, repo, source, blob);
      blobs[outcome]++;
      logger.debug(`${repoKey(repo)}: layer ${blob.digest} ${outcome}${outcome === "mounted" || outcome === "copied" ? ` from ${repoKey(source)}` : ""}`);
    });
    const configs = new Map(plan.platforms.map((p) => [p.config.digest, p.config]));
    for (const config of configs.values()) blobs[await ensureDocumentBlob(writer, repo, config)]++;
    if (plan.platforms.length > 1 || plan.root.digest !== plan.platforms[0]?.manifest.digest) {
      for (const p of plan.platforms) {
        await writer.putManifest(repo, p.manifest.digest, p.manifest);
      }
    }
    await writer.putManifest(repo, plan.root.digest, plan.root);
    pushed.push(formatReference({ ...repo, digest: plan.root.digest }));
    for (const tag of tags) {
      await writer.putManifest(repo, tag, plan.root);
      pushed.push(formatReference({ ...repo, tag }));
      logger.info(`pushed ${formatReference({ ...repo, tag })}@${plan.root.digest}`);
    }
  }
  return { digest: plan.root.digest, pushed, blobs };
}

// src/rebase/rebase.ts
var TAG_ONLY = /^[\w][\w.-]{0,127}$/;
function withoutDigest(ref) {
  return { registry: ref.registry, repository: ref.repository, ...ref.tag !== void 0 ? { tag: ref.tag } : {} };
}
function baseName(ref, digest) {
  return ref.tag !== void 0 ? formatReference(withoutDigest(ref)) : formatReference({ registry: ref.registry, repository: ref.repository, digest });
}
async function fetchImageDocuments(client, ref, digest, platforms) {
  const root = await client.getManifest(ref, digest);
  const docs = { reference: formatReference(ref), digest: root.digest, root: root.document, manifests: {}, configs: {} };
  let wanted;
  if (root.document.kind === "index") {
    const all = platformDescriptors(root.document).map((d) => d.digest);
    const chosen = platforms ? platforms.map((p) => matchPlatform(docs, p)).filter((d) => d !== void 0) : all;
    wanted = [...new Set(chosen)].map((d) => ({ digest: d }));
  } else {
    wanted = [{ digest: root.digest, manifest: root.document }];
  }
  for (const w of wanted) {
    let manifest = w.manifest;
    if (manifest === void 0) {
      const child = await client.getManifest(ref, w.digest);
      if (child.document.kind !== "manifest") throw new RebaseError(`${formatReference(ref)}: ${w.digest} is a nested index; not supported`);
      manifest = child.document;
      docs.manifests[w.digest] = manifest;
    }
    if (docs.configs[manifest.config.digest] === void 0) docs.configs[manifest.config.digest] = await client.getConfig(ref, manifest.config.digest);
  }
  return docs;
}
function firstConfig(docs) {
  const first = imagePlatforms2(docs)[0];
  if (!first) return void 0;
  const manifest = docs.root.kind === "manifest" ? docs.root : docs.manifests[first.digest];
  return manifest ? docs.configs[manifest.config.digest] : void 0;
}
function parseRef(input, what) {
  try {
    return parseReference(input);
  } catch (e) {
    throw new RebaseError(`${what}: ${e.message}`);
  }
}
function resolveOldBase(labels, oldBase) {
  if (oldBase !== void 0) {
    const ref = parseRef(oldBase, "--old-base");
    if (ref.digest === void 0) {
      throw new RebaseError(`--old-base ${JSON.stringify(oldBase)} needs a digest (REF@sha256:\u2026): a tag resolves to today's base, not the one the image was built on`);
    }
    return { ref, ...ref.tag !== void 0 ? { name: formatReference(withoutDigest(ref)) } : {}, digest: ref.digest, from: "--old-base" };
  }
  const name = labels[OCI_BASE_NAME]?.trim();
  if (name) {
    const ref = parseRef(name, `the image's ${OCI_BASE_NAME} label`);
    const digest = ref.digest ?? labels[OCI_BASE_DIGEST]?.trim();
    if (!digest) {
      throw new RebaseError(`the image's ${OCI_BASE_NAME} label names ${name} but no ${OCI_BASE_DIGEST} records which digest it was built on; pass --old-base REF@DIGEST`);
    }
    return { ref: { ...ref, digest }, ...ref.tag !== void 0 ? { name: formatReference(withoutDigest(ref)) } : {}, digest, from: `the ${OCI_BASE_NAME} / base.digest labels` };
  }
  const run = runImageFromLabel(labels[LIFECYCLE_METADATA_LABEL]);
  if (run.reference || run.topLayer) {
    const from = `the run image in the ${LIFECYCLE_METADATA_LABEL} label`;
    let ref;
    if (run.reference && run.reference.lastIndexOf("@") > 0) {
      try {
        ref = parseReference(run.reference);
      } catch {
        ref = void 0;
      }
    }
    const imageName = run.image ? parseRef(run.image, `runImage.image ${JSON.stringify(run.image)}`) : void 0;
    return {
      ...ref ? { ref } : {},
      ...imageName ? { name: formatReference(withoutDigest(imageName)) } : ref?.tag !== void 0 ? { name: formatReference(withoutDigest(ref)) } : {},
      ...ref?.digest ? { digest: ref.digest } : {},
      ...run.topLayer ? { topLayer: run.topLayer } : {},
      from
    };
  }
  throw new RebaseError(
    `no base image is known for this image: it has neither the ${OCI_BASE_NAME} / ${OCI_BASE_DIGEST} labels nor a buildpack ${LIFECYCLE_METADATA_LABEL} label; pass --old-base REF@DIGEST`
  );
}
function resolveTargets(image, tags) {
  if (!tags || tags.length === 0) return [withoutDigest(image).tag !== void 0 ? withoutDigest(image) : { registry: image.registry, repository: image.repository }];
  return tags.map((t) => {
    const v = t.trim();
    if (TAG_ONLY.test(v) && !v.includes(":")) return { registry: image.registry, repository: image.repository, tag: v };
    const ref = parseRef(v, `--tag ${JSON.stringify(v)}`);
    if (ref.digest !== void 0) throw new RebaseError(`--tag ${JSON.stringify(v)} has a digest; a tag is what gets written (the digest is the result's)`);
    return ref;
  });
}
async function rebaseImage(opts) {
  const { client, logger } = opts;
  const imageRef = parseRef(opts.image, "IMAGE");
  const targets = resolveTargets(imageRef, opts.tags);
  const image = await fetchImageDocuments(client, imageRef);
  const platforms = imagePlatforms2(image).map((p) => p.platform);
  const labels = { ...firstConfig(image)?.config?.Labels ?? {} };
  const old = resolveOldBase(labels, opts.oldBase);
  logger.info(`image     ${formatReference(imageRef)} (${image.digest}), ${platforms.join(", ")}`);
  logger.info(`old base  ${old.name ?? old.ref?.repository ?? "(unnamed)"}${old.digest ? `@${old.digest}` : ""}${old.topLayer && !old.digest ? ` (top layer ${old.topLayer})` : ""}: from ${old.from}`);
  const newInput = opts.newBase ?? old.name;
  if (newInput === void 0) {
    throw new RebaseError(`the old base (${old.ref ? formatReference(old.ref) : old.topLayer}) has no tag to resolve again; pass --new-base REF`);
  }
  const newRef = parseRef(newInput, opts.newBase !== void 0 ? "--new-base" : "the old base");
  const newDigest = newRef.digest ?? (await client.headDigest(newRef)).digest;
  const newName = baseName(newRef, newDigest);
  logger.info(`new base  ${newName}@${newDigest}`);
  const newBase = await fetchImageDocuments(client, newRef, newDigest, platforms);
  const base = {
    image: formatReference(imageRef),
    previousDigest: image.digest,
    oldBase: { ...old.name ? { name: old.name } : {}, ...old.digest ? { digest: old.digest } : {}, ...old.topLayer ? { topLayer: old.topLayer } : {}, from: old.from },
    newBase: { name: newName, digest: newDigest }
  };
  const newPlatformDigests = new Set(imagePlatforms2(newBase).map((p) => p.digest));
  if (old.digest !== void 0 && (old.digest === newDigest || newPlatformDigests.has(old.digest))) {
    const message2 = `${base.image} is already on the current base ${newName}@${newDigest}; nothing to do`;
    logger.info(message2);
    return { status: "up-to-date", message: message2, ...base, digest: image.digest, platforms: [], pushed: [], notes: [] };
  }
  let oldBase;
  if (old.ref) {
    try {
      oldBase = await fetchImageDocuments(client, old.ref, old.digest, platforms);
    } catch (e) {
      if (!(old.topLayer && e instanceof RegistryError && e.status === 404)) throw e;
      logger.warning(`the old run image ${formatReference(old.ref)} is gone (${e.message}); splitting at runImage.topLayer ${old.topLayer}`);
      oldBase = { topLayer: old.topLayer, reference: formatReference(old.ref) };
    }
  } else {
    oldBase = { topLayer: old.topLayer, ...old.name ? { reference: old.name } : {} };
  }
  const plan = planRebase({
    image,
    oldBase,
    newBase,
    newBaseName: newName,
    newBaseRepository: `${newRef.registry}/${newRef.repository}`
  });
  for (const note of plan.notes) logger.info(`note: ${note}`);
  const platformResults = plan.platforms.map((p) => ({
    platform: p.platform,
    previousDigest: p.sourceDigest,
    digest: p.manifest.digest,
    oldBaseLayers: p.oldBaseLayers.length,
    newBaseLayers: p.newBaseLayers.length,
    appLayers: p.appLayers.length
  }));
  for (const p of platformResults) {
    logger.info(`${p.platform.padEnd(14)} ${p.oldBaseLayers} base layer(s) \u2192 ${p.newBaseLayers}, ${p.appLayers} app layer(s) kept: ${p.digest}`);
  }
  const targetText = targets.map((t) => formatReference(t)).join(", ");
  if (opts.dryRun) {
    const message2 = `dry run: would push ${plan.root.digest} to ${targetText}`;
    logger.info(message2);
    return { status: "dry-run", message: message2, ...base, digest: plan.root.digest, platforms: platformResults, pushed: [], notes: plan.notes, plan };
  }
  if (!opts.writer) throw new RebaseError("rebaseImage needs a writer unless dryRun is set");
  const pushed = await pushRebase({
    writer: opts.writer,
    plan,
    imageRepository: { registry: imageRef.registry, repository: imageRef.repository },
    newBaseRepository: { registry: newRef.registry, repository: newRef.repository },
    targets,
    logger
  });
  const b = pushed.blobs;
  const message = `rebased ${base.image} onto ${newName}@${newDigest}: ${plan.root.digest} (layers: ${b.exists} present, ${b.mounted} mounted, ${b.copied} copied)`;
  logger.info(message);
  return { status: "rebased", message, ...base, digest: plan.root.digest, platforms: platformResults, pushed: pushed.pushed, blobs: b, notes: plan.notes, plan };
}

// src/cli/rebase-command.ts
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
async function createRebaseRegistry(env, logger = terminalLogger()) {
  let dockerConfig;
  const file = await readDockerConfigFile(env, env.HOME || homedir());
  if (file) {
    try {
      dockerConfig = parseDockerConfig(file.content, file.path);
    } catch (e) {
      logger.warning(`Ignoring the docker config: ${e.message}`);
    }
  }
  const options = {
    fetch: globalThis.fetch,
    credentials: createCredentialResolver({ dockerConfig }),
    timeoutMs: 3e4,
    logger
  };
  return { client: new RegistryClient(options), writer: new RegistryWriter(options) };
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
  strata detect [path]                          say how the app at path would be built, and why
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
      registry: (image) => createRunRegistryClient({ env: process.env, logger: terminalLogger(), image }),
      exec: exec2,
      out,
      err: process.stderr,
      now: () => /* @__PURE__ */ new Date()
    });
  }
  if (argv[0] === "rebase") {
    return runRebaseCommand(argv.slice(1), { registry: () => createRebaseRegistry(process.env), out, err: process.stderr });
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
      comment: "never"
    };
    const readInput = (name) => raw[name] ?? "";
    if (command === "detect") {
      const decision = await decide({ files: createContextFiles() }, parseInputs(readInput, github));
      out.write(`${decision.mode}	${decision.reason}
`);
      return 0;
    }
    if (command === "build") {
      const outputs = memoryOutputs();
      await runMain({
        readInput,
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
          process.env.RUNNER_TOOL_CACHE ??= join(homedir2(), ".cache", "strata", "tools");
          process.env.RUNNER_TEMP ??= tmpdir();
          return import("./chunks/tool-cache-GOO2Y5ZN.mjs");
        }
      });
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
