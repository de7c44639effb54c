import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat
} from "./chunk-LN2W4AOD.mjs";
import {
  tmpdir
} from "./chunk-QYXCPXHB.mjs";
import {
  join
} from "./chunk-I2GFJFAX.mjs";

// src/cache/bounds.ts
var CACHE_CALL_BOUNDS = {
  snapshot: { stallMs: 1e4, extractBaseMs: 1e4, extractMsPerMiB: 0, serverErrorsAllowed: 1 },
  // 100 ms per MiB is 10 MiB/s, well under what tar + zstd manage on a runner.
  archive: { stallMs: 3e4, extractBaseMs: 6e4, extractMsPerMiB: 100, serverErrorsAllowed: 1 }
};
function judgeCacheCall(o, bounds) {
  const refused = o.responses.find((r) => r.target === "blob" && r.method === "GET" && r.status >= 400);
  if (refused) return { go: false, reason: `the cache download URL ${refused.where} answered HTTP ${refused.status}` };
  const serverErrors = o.responses.filter((r) => r.status >= 500);
  if (serverErrors.length > bounds.serverErrorsAllowed) {
    const last = serverErrors.at(-1);
    return { go: false, reason: `the cache service answered HTTP ${last.status} ${serverErrors.length} times (${last.method} ${last.where})` };
  }
  if (o.phase === "extract") {
    const limit = extractLimitMs(o.archiveBytes ?? 0, bounds);
    if (o.nowMs - o.phaseStartedMs > limit) return { go: false, reason: `extracting the ${o.archiveBytes ?? 0}-byte archive took longer than ${seconds(limit)}` };
    return { go: true };
  }
  if (o.nowMs - o.lastProgressMs > bounds.stallMs) {
    return { go: false, reason: `the cache service made no progress for ${seconds(bounds.stallMs)} (it accepted the request and did not answer)` };
  }
  return { go: true };
}
function extractLimitMs(archiveBytes, bounds) {
  return bounds.extractBaseMs + Math.ceil(archiveBytes / (1024 * 1024)) * bounds.extractMsPerMiB;
}
function seconds(ms) {
  return `${Math.round(ms / 1e3)} s`;
}
function isServiceFault(message) {
  return !/\b(tar|zstd|gzip)\b.*(failed|exit code)|No space left on device|Incomplete download|Unexpected EOF|corrupt/i.test(message);
}
function createCacheBreaker(initialReason, onTrip) {
  let reason = initialReason || void 0;
  return {
    get openReason() {
      return reason;
    },
    trip(why) {
      if (reason) return;
      reason = why;
      onTrip?.(why);
    }
  };
}

// node-builtin:node:async_hooks
var m = /* @__PURE__ */ process.getBuiltinModule("node:async_hooks");
var AsyncLocalStorage = /* @__PURE__ */ (() => m.AsyncLocalStorage)();

// node-builtin:node:diagnostics_channel
var m2 = /* @__PURE__ */ process.getBuiltinModule("node:diagnostics_channel");
var subscribe = /* @__PURE__ */ (() => m2.subscribe)();
var unsubscribe = /* @__PURE__ */ (() => m2.unsubscribe)();

// src/cache/call-watch.ts
function parseCoreOutput(chunk) {
  const line = chunk.replace(/\r?\n$/, "");
  const command = /^::(error|warning|debug)(?: [^:]*)?::(.*)$/s.exec(line);
  if (!command) return { command: "info", text: line };
  const text = command[2].replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
  return { command: command[1], text };
}
var CacheCallAbandonedError = class extends Error {
  constructor(what, reason) {
    super(`${what} was given up: ${reason}`);
    this.what = what;
    this.reason = reason;
    this.name = "CacheCallAbandonedError";
  }
  what;
  reason;
};
var REQUEST_START = "http.client.request.start";
var RESPONSE_FINISH = "http.client.response.finish";
var currentCall = new AsyncLocalStorage();
async function watchCacheCall(call, options) {
  const runnerTemp = process.env.RUNNER_TEMP;
  const callTemp = await mkdtemp(join(runnerTemp || tmpdir(), "strata-cache-call-"));
  const sockets = /* @__PURE__ */ new Set();
  const responses = [];
  const started = Date.now();
  let lastProgressMs = started;
  let lastBytes = 0;
  let phase = "request";
  let phaseStartedMs = started;
  let archiveBytes;
  let abandoned = false;
  const context = { abandoned: false, onLine: options.onLine };
  const ownRequests = /* @__PURE__ */ new WeakSet();
  const progress = () => {
    lastProgressMs = Math.max(lastProgressMs, Date.now());
  };
  const onRequest = (message) => {
    const { request } = message;
    if (currentCall.getStore() !== context) return;
    ownRequests.add(request);
    if (request.socket) sockets.add(request.socket);
    request.once("socket", (s) => sockets.add(s));
  };
  const onResponse = (message) => {
    const { request, response } = message;
    if (!ownRequests.has(request)) return;
    const path = request.path.split("?")[0];
    responses.push({
      status: response.statusCode ?? 0,
      target: path.startsWith("/twirp/") ? "service" : "blob",
      method: request.method,
      where: `${String(request.getHeader("host") ?? request.host)}${path}`
    });
    progress();
  };
  subscribe(REQUEST_START, onRequest);
  subscribe(RESPONSE_FINISH, onResponse);
  const toolErrors = [];
  let partial = "";
  const collectToolErrors = (chunk) => {
    const lines = (partial + (typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : "")).split("\n");
    partial = lines.pop().slice(-4096);
    for (const line of lines) if (/^\S*\b(tar|zstd|zstdmt|gzip|unzstd): /.test(line) && toolErrors.length < 20) toolErrors.push(line.trim());
  };
  const stdout = process.stdout;
  const write = stdout.write;
  const hook = function(chunk, ...rest) {
    const owner = currentCall.getStore();
    if (owner !== context) {
      if (owner?.abandoned && typeof chunk === "string" && owner.onLine(parseCoreOutput(chunk))) return true;
      return write.call(this, chunk, ...rest);
    }
    if (!abandoned) collectToolErrors(chunk);
    if (typeof chunk === "string") {
      const line = parseCoreOutput(chunk);
      if (!abandoned) {
        if (!/^Sent \d+ of \d+/.test(line.text)) progress();
        const backoff = /Retrying request in (\d+) ms/.exec(line.text);
        if (backoff) lastProgressMs = Date.now() + Number(backoff[1]);
        const size = /^Cache Size: ~\d+ MB \((\d+) B\)$/.exec(line.text);
        if (size) {
          phase = "extract";
          phaseStartedMs = Date.now();
          archiveBytes = Number(size[1]);
        }
      }
      if (options.onLine(line)) return true;
    }
    return write.call(this, chunk, ...rest);
  };
  stdout.write = hook;
  const stderr = process.stderr;
  const writeErr = stderr.write;
  const errHook = function(chunk, ...rest) {
    if (currentCall.getStore() === context) collectToolErrors(chunk);
    return writeErr.call(this, chunk, ...rest);
  };
  stderr.write = errHook;
  process.env.RUNNER_TEMP = callTemp;
  const finish = () => {
    unsubscribe(REQUEST_START, onRequest);
    unsubscribe(RESPONSE_FINISH, onResponse);
    if (stderr.write === errHook) stderr.write = writeErr;
    if (runnerTemp === void 0) delete process.env.RUNNER_TEMP;
    else process.env.RUNNER_TEMP = runnerTemp;
  };
  let timer;
  const watchdog = new Promise((_resolve, reject) => {
    timer = setInterval(() => {
      void (async () => {
        const bytes = [...sockets].reduce((n, s) => n + s.bytesRead + s.bytesWritten, 0) + await treeBytes(callTemp);
        if (bytes !== lastBytes) {
          lastBytes = bytes;
          progress();
        }
        const verdict = judgeCacheCall({ nowMs: Date.now(), lastProgressMs, phase, phaseStartedMs, archiveBytes, responses }, options.bounds);
        if (!verdict.go && !abandoned) {
          abandoned = true;
          context.abandoned = true;
          reject(new CacheCallAbandonedError(options.what, verdict.reason));
        }
      })();
    }, options.pollMs ?? 500);
    timer.unref();
  });
  try {
    const result = await Promise.race([currentCall.run(context, call), watchdog]);
    return { result, responses, toolErrors };
  } catch (error) {
    if (abandoned) {
      for (const s of sockets) s.destroy();
      await killArchivers();
      await rm(callTemp, { recursive: true, force: true }).catch(() => void 0);
    }
    throw error;
  } finally {
    clearInterval(timer);
    finish();
    if (!abandoned && stdout.write === hook) stdout.write = write;
    if (!abandoned) await rm(callTemp, { recursive: true, force: true }).catch(() => void 0);
  }
}
async function treeBytes(dir) {
  let total = 0;
  try {
    for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name)).catch(() => ({ size: 0 }))).size;
    }
  } catch {
  }
  return total;
}
async function killArchivers() {
  let pids;
  try {
    pids = (await readdir("/proc")).filter((p) => /^\d+$/.test(p));
  } catch {
    return;
  }
  const ours = /* @__PURE__ */ new Set([String(process.pid)]);
  for (let pass = 0; pass < 2; pass++) {
    for (const pid of pids) {
      const stat2 = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
      const m3 = /^\d+ \((.*)\) \S+ (\d+)/s.exec(stat2);
      if (m3 && ours.has(m3[2]) && !ours.has(pid) && /^(tar|gtar|zstd|zstdmt|gzip|pigz)$/.test(m3[1])) ours.add(pid);
    }
  }
  ours.delete(String(process.pid));
  for (const pid of ours) {
    try {
      process.kill(Number(pid), "SIGKILL");
    } catch {
    }
  }
}

// src/cache/actions-cache.ts
var CacheEntryExistsError = class extends Error {
  constructor(key) {
    super(`cache entry "${key}" already exists`);
    this.key = key;
    this.name = "CacheEntryExistsError";
  }
  key;
};
function cacheServiceAvailable(env) {
  if (!env.ACTIONS_RUNTIME_TOKEN) return false;
  const v2 = Boolean(env.ACTIONS_CACHE_SERVICE_V2) && !isGhes(env.GITHUB_SERVER_URL);
  return v2 ? Boolean(env.ACTIONS_RESULTS_URL) : Boolean(env.ACTIONS_CACHE_URL);
}
function interpretCacheLog(line) {
  const size = line.command === "debug" ? /^File Size: (\d+)$/.exec(line.text) : null;
  if (size) return { kind: "archive-size", bytes: Number(size[1]) };
  if (line.command === "debug" && line.text.startsWith("Failed to reserve cache: ")) {
    return /\(409\)/.test(line.text) ? { kind: "key-taken" } : { kind: "failure", message: line.text };
  }
  if (line.command === "info" && line.text.startsWith("Failed to save: Unable to reserve cache with key ")) {
    return { kind: "reservation-summary" };
  }
  if (line.command === "error" || line.command === "warning") {
    if (/^(Failed to (save|restore): |uploadCacheArchiveSDK: |Cache reservation failed: )/.test(line.text)) {
      return { kind: "failure", message: line.text };
    }
  }
  return { kind: "other" };
}
function createActionsCacheStore(options = {}) {
  const load = options.load ?? (() => import("./cache-C3UF6EZZ.mjs"));
  const breaker = options.breaker ?? createCacheBreaker();
  let queue = Promise.resolve();
  const serial = (fn) => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => void 0);
    return run;
  };
  const guarded = (what, size, call) => serial(async () => {
    if (breaker.openReason) throw new CacheServiceDownError(breaker.openReason);
    const cache = await load();
    const log = { failures: [], keyTaken: false, archiveBytes: void 0 };
    const bounds = options.bounds?.[size] ?? CACHE_CALL_BOUNDS[size];
    try {
      const { result, responses, toolErrors } = await watchCacheCall(() => call(cache, log), {
        what,
        bounds,
        onLine: (line) => {
          const meaning = interpretCacheLog(line);
          if (meaning.kind === "archive-size") log.archiveBytes = meaning.bytes;
          if (meaning.kind === "key-taken") log.keyTaken = true;
          if (meaning.kind === "failure") log.failures.push(meaning.message);
          return meaning.kind === "failure" || meaning.kind === "reservation-summary";
        }
      });
      if (log.failures.length > 0) throw new Error(describeFailure(log.failures, responses, toolErrors));
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof CacheEntryExistsError) && isServiceFault(message)) breaker.trip(message);
      throw error;
    }
  });
  return {
    isAvailable: () => cacheServiceAvailable(options.env ?? process.env),
    restore: (paths, primaryKey, restoreKeys, size = "archive") => guarded(`restoring "${primaryKey}"`, size, (cache) => cache.restoreCache(paths, primaryKey, restoreKeys)),
    lookup: (paths, primaryKey, restoreKeys) => guarded(`looking up "${primaryKey}"`, "snapshot", (cache) => cache.restoreCache(paths, primaryKey, restoreKeys, { lookupOnly: true })),
    save: async (paths, key, size = "archive") => {
      let log;
      const result = await guarded(`saving "${key}"`, size, async (cache, watched) => {
        log = watched;
        const id = await cache.saveCache(paths, key);
        if (watched.keyTaken) throw new CacheEntryExistsError(key);
        return id;
      });
      if (result === -1) throw new Error(`@actions/cache did not save "${key}" (see its log above)`);
      return log?.archiveBytes ?? 0;
    }
  };
}
var CacheServiceDownError = class extends Error {
  constructor(earlier) {
    super(`the Actions cache service is not asked again (it failed earlier in this job): ${earlier}`);
    this.earlier = earlier;
    this.name = "CacheServiceDownError";
  }
  earlier;
};
function describeFailure(failures, responses, toolErrors = []) {
  const refused = responses.find((r) => r.target === "blob" && r.status >= 400);
  if (refused) return `the cache ${refused.method === "GET" ? "download" : "upload"} URL ${refused.where} answered HTTP ${refused.status}`;
  const why = toolErrors.find((l) => /No space left on device|Disk quota exceeded/.test(l)) ?? toolErrors.find((l) => !/Exiting with failure status|Error is not recoverable/.test(l));
  return failures.join("; ") + (why ? ` (${why})` : "");
}
function isGhes(serverUrl) {
  const host = new URL(serverUrl || "https://github.com").hostname.trimEnd().toUpperCase();
  return host !== "GITHUB.COM" && !host.endsWith(".GHE.COM") && !host.endsWith(".LOCALHOST");
}

export {
  createCacheBreaker,
  parseCoreOutput,
  CacheEntryExistsError,
  cacheServiceAvailable,
  interpretCacheLog,
  createActionsCacheStore,
  CacheServiceDownError,
  describeFailure
};
