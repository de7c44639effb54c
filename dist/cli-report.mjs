import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// node-builtin:node:fs
var m = /* @__PURE__ */ process.getBuiltinModule("node:fs");
var readFileSync = /* @__PURE__ */ (() => m.readFileSync)();

// node-builtin:node:os
var m2 = /* @__PURE__ */ process.getBuiltinModule("node:os");
var homedir = /* @__PURE__ */ (() => m2.homedir)();

// node-builtin:node:path
var m3 = /* @__PURE__ */ process.getBuiltinModule("node:path");
var join = /* @__PURE__ */ (() => m3.join)();

// src/image/platforms.ts
var PlatformError = class extends Error {
  constructor(platform, reason) {
    super(`Invalid platform ${JSON.stringify(platform)}: ${reason}`);
    this.platform = platform;
    this.name = "PlatformError";
  }
  platform;
};
var COMPONENT = /^[a-z0-9_-]+$/;
function parsePlatform(text) {
  const parts = text.trim().toLowerCase().split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !COMPONENT.test(p))) {
    throw new PlatformError(text, "use os/arch[/variant], e.g. linux/amd64 or linux/arm/v7");
  }
  const [os, arch, variant = ""] = parts;
  return normalize({ os: os === "macos" ? "darwin" : os, architecture: arch, variant });
}
function normalize(p) {
  let { architecture: arch, variant } = p;
  switch (arch) {
    case "i386":
      arch = "386";
      variant = "";
      break;
    case "x86_64":
    case "x86-64":
    case "amd64":
      arch = "amd64";
      if (variant === "v1") variant = "";
      break;
    case "aarch64":
    case "arm64":
      arch = "arm64";
      if (variant === "8" || variant === "v8") variant = "";
      break;
    case "armhf":
      arch = "arm";
      variant = "v7";
      break;
    case "armel":
      arch = "arm";
      variant = "v6";
      break;
    case "arm":
      if (variant === "" || variant === "7") variant = "v7";
      else if (/^[568]$/.test(variant)) variant = `v${variant}`;
      break;
  }
  return { os: p.os, architecture: arch, variant };
}
function formatPlatform(p) {
  return [p.os, p.architecture, p.variant].filter(Boolean).join("/");
}
function platformKey(platform) {
  try {
    return formatPlatform(parsePlatform(platform));
  } catch {
    return platform.trim().toLowerCase();
  }
}
function samePlatform(a, b) {
  return platformKey(a) === platformKey(b);
}
function platformString(p) {
  const parts = [p?.os || "unknown", p?.architecture || "unknown"];
  if (p?.variant) parts.push(p.variant);
  return parts.join("/");
}
function findPlatform(entries, platform) {
  return entries.find((e) => e.platform !== void 0 && samePlatform(platformString(e.platform), platform));
}
function imagePlatforms(summary) {
  return summary.platforms.filter((p) => !p.platform.startsWith("unknown/"));
}

// src/image/engine.ts
var EngineImageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "EngineImageError";
  }
};
function engineInspectOf(json2, reference) {
  const first = Array.isArray(json2) ? json2[0] : json2;
  if (typeof first !== "object" || first === null || typeof first.Id !== "string") {
    throw new EngineImageError(`The Docker engine's inspect of ${reference} holds no image: ${JSON.stringify(JSON.stringify(json2 ?? null).slice(0, 120))}`);
  }
  return first;
}
function parseEngineInspect(stdout, reference) {
  let json2;
  try {
    json2 = JSON.parse(stdout);
  } catch {
    throw new EngineImageError(`docker image inspect ${reference} printed something other than JSON: ${JSON.stringify(stdout.slice(0, 120))}`);
  }
  return engineInspectOf(json2, reference);
}
function engineHistoryOf(json2, reference) {
  if (!Array.isArray(json2)) {
    throw new EngineImageError(`The Docker engine's history of ${reference} is not a list: ${JSON.stringify(JSON.stringify(json2 ?? null).slice(0, 120))}`);
  }
  return json2.map((row, i) => {
    const r = typeof row === "object" && row !== null ? row : {};
    if (typeof r.Size !== "number" || !Number.isFinite(r.Size) || r.Size < 0) {
      throw new EngineImageError(`The Docker engine's history of ${reference}, row ${i + 1}, has an unreadable size ${JSON.stringify(r.Size)}`);
    }
    const created = typeof r.Created === "number" && r.Created > 0 ? new Date(r.Created * 1e3).toISOString().replace(".000Z", "Z") : void 0;
    return {
      createdBy: typeof r.CreatedBy === "string" ? r.CreatedBy : "",
      size: r.Size,
      ...created ? { createdAt: created } : {},
      ...typeof r.Comment === "string" && r.Comment !== "" ? { comment: r.Comment } : {}
    };
  }).reverse();
}
function driverStatusOf(json2) {
  const rows = typeof json2 === "object" && json2 !== null && !Array.isArray(json2) ? json2.DriverStatus : json2;
  if (!Array.isArray(rows)) return [];
  return rows.filter((r) => Array.isArray(r) && r.length === 2 && r.every((v) => typeof v === "string"));
}
function parseEngineHistory(stdout, reference) {
  const rows = [];
  for (const [i, line] of stdout.split("\n").entries()) {
    if (line.trim() === "") continue;
    let row;
    try {
      row = JSON.parse(line);
    } catch {
      throw new EngineImageError(`docker history ${reference} line ${i + 1} is not JSON: ${JSON.stringify(line.slice(0, 120))}`);
    }
    const size = parseSize(row.Size);
    if (size === void 0) {
      throw new EngineImageError(`docker history ${reference} line ${i + 1} has an unreadable size ${JSON.stringify(row.Size)}`);
    }
    rows.push({
      createdBy: typeof row.CreatedBy === "string" ? row.CreatedBy : "",
      size,
      ...typeof row.CreatedAt === "string" && row.CreatedAt !== "" ? { createdAt: row.CreatedAt } : {},
      ...typeof row.Comment === "string" && row.Comment !== "" ? { comment: row.Comment } : {}
    });
  }
  return rows.reverse();
}
function parseSize(v) {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return void 0;
  if (/^\d+$/.test(v)) return Number(v);
  const m6 = /^([\d.]+)\s*([kMGT]?B)$/i.exec(v.trim());
  if (!m6) return void 0;
  const unit = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 }[m6[2].toLowerCase()];
  return Math.round(Number(m6[1]) * unit);
}
var METADATA_ONLY = /^(?:\/bin\/sh -c #\(nop\)\s*)?(?:ENV|LABEL|CMD|ENTRYPOINT|EXPOSE|USER|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL|VOLUME|MAINTAINER)\b/i;
function layerRows(history, layerCount) {
  const isLayer = history.map((h) => h.size > 0);
  let missing = layerCount - isLayer.filter(Boolean).length;
  for (let i = 0; i < history.length && missing > 0; i++) {
    if (!isLayer[i] && !METADATA_ONLY.test(history[i].createdBy)) {
      isLayer[i] = true;
      missing--;
    }
  }
  return isLayer;
}
function summarizeEngineImage(reference, inspect, history) {
  const diffIds = inspect.RootFS?.Layers ?? [];
  const isLayer = layerRows(history, diffIds.length);
  const layerSizes = history.filter((_, i) => isLayer[i]).map((h) => h.size);
  const aligned = layerSizes.length === diffIds.length;
  const layers = diffIds.map((diffId, i) => ({
    digest: diffId,
    size: aligned ? layerSizes[i] : 0,
    diffId
  }));
  const entries = history.map((h, i) => ({
    ...h.createdAt ? { created: h.createdAt } : {},
    ...h.createdBy ? { createdBy: h.createdBy } : {},
    ...h.comment ? { comment: h.comment } : {},
    emptyLayer: !isLayer[i]
  }));
  const platform = platformString({
    ...inspect.Os ? { os: inspect.Os } : {},
    ...inspect.Architecture ? { architecture: inspect.Architecture } : {},
    ...inspect.Variant ? { variant: inspect.Variant } : {}
  });
  return {
    reference,
    digest: inspect.Id,
    source: "engine",
    sizeKind: "uncompressed",
    platforms: [
      {
        platform,
        // With the containerd image store the image ID is the manifest digest; with the classic
        // store it is the config digest. Either way it identifies this platform's image.
        manifestDigest: inspect.Id,
        configDigest: inspect.Id,
        ...inspect.Created ? { created: inspect.Created } : {},
        layers,
        history: entries,
        labels: { ...inspect.Config?.Labels ?? {} }
      }
    ]
  };
}
async function readEngineImageSummary(engine, reference) {
  const [inspect, history] = await Promise.all([engine.image(reference), engine.history(reference)]);
  if (!inspect || !history) throw new EngineImageError(`No such image: ${reference} in the Docker engine at ${engine.address}`);
  return summarizeEngineImage(reference, inspect, history);
}

// src/registry/reference.ts
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_API_HOST = "registry-1.docker.io";
var DEFAULT_TAG = "latest";
var ReferenceError = class extends Error {
  constructor(reference, reason) {
    super(`Invalid image reference ${JSON.stringify(reference)}: ${reason}`);
    this.reference = reference;
    this.name = "ReferenceError";
  }
  reference;
};
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
var SHA256_HEX = /^[a-f0-9]{64}$/;
var HOST = /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;
var MAX_NAME_LENGTH = 255;
var HUB_ALIASES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);
function normalizeRegistry(host) {
  const lower = host.toLowerCase();
  return HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}
function splitReference(raw) {
  const at = raw.indexOf("@");
  const digest = at === -1 ? void 0 : raw.slice(at + 1);
  const named = at === -1 ? raw : raw.slice(0, at);
  const colon = named.indexOf(":", named.lastIndexOf("/") + 1);
  if (colon === -1) return { name: named, ...digest !== void 0 ? { digest } : {} };
  return { name: named.slice(0, colon), tag: named.slice(colon + 1), ...digest !== void 0 ? { digest } : {} };
}
function parseReference(input) {
  const raw = input.trim();
  if (raw === "") throw new ReferenceError(input, "it is empty");
  const { name: rest, tag, digest } = splitReference(raw);
  if (digest !== void 0) {
    if (!DIGEST.test(digest)) throw new ReferenceError(input, `digest ${JSON.stringify(digest)} is not algorithm:hex`);
    if (digest.startsWith("sha256:") && !SHA256_HEX.test(digest.slice(7))) {
      throw new ReferenceError(input, `sha256 digest ${JSON.stringify(digest)} must be 64 lowercase hex characters`);
    }
  }
  if (tag !== void 0 && !TAG.test(tag)) {
    throw new ReferenceError(input, `tag ${JSON.stringify(tag)} does not match [A-Za-z0-9_][A-Za-z0-9._-]{0,127}`);
  }
  let registry = DOCKER_HUB;
  let path = rest;
  const slash = rest.indexOf("/");
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase()) {
      if (!HOST.test(first)) throw new ReferenceError(input, `registry host ${JSON.stringify(first)} is not a valid host[:port]`);
      registry = normalizeRegistry(first);
      path = rest.slice(slash + 1);
    }
  }
  if (path === "") throw new ReferenceError(input, "the repository name is missing");
  for (const component of path.split("/")) {
    if (!PATH_COMPONENT.test(component)) {
      const why = component !== component.toLowerCase() ? "repository names must be lowercase" : "allowed are a-z, 0-9 and single separators . _ __ -";
      throw new ReferenceError(input, `path component ${JSON.stringify(component)} is invalid (${why})`);
    }
  }
  if (registry === DOCKER_HUB && !path.includes("/")) path = `library/${path}`;
  if (registry.length + 1 + path.length > MAX_NAME_LENGTH) {
    throw new ReferenceError(input, `the name is longer than ${MAX_NAME_LENGTH} characters`);
  }
  const shownTag = tag ?? (digest === void 0 ? DEFAULT_TAG : void 0);
  return { registry, repository: path, ...shownTag !== void 0 ? { tag: shownTag } : {}, ...digest !== void 0 ? { digest } : {} };
}
function toReference(ref) {
  return typeof ref === "string" ? parseReference(ref) : ref;
}
function formatReference(ref) {
  let out = `${ref.registry}/${ref.repository}`;
  if (ref.tag !== void 0) out += `:${ref.tag}`;
  if (ref.digest !== void 0) out += `@${ref.digest}`;
  return out;
}
function familiarReference(ref) {
  let name = `${ref.registry}/${ref.repository}`;
  const first = ref.repository.split("/")[0];
  if (ref.registry === DOCKER_HUB && !(first.includes(".") || first === "localhost")) {
    name = ref.repository.startsWith("library/") && ref.repository.split("/").length === 2 ? ref.repository.slice(8) : ref.repository;
  }
  if (ref.tag !== void 0) name += `:${ref.tag}`;
  if (ref.digest !== void 0) name += `@${ref.digest}`;
  return name;
}
function manifestReference(ref) {
  return ref.digest ?? ref.tag ?? DEFAULT_TAG;
}
function apiHost(registry) {
  return normalizeRegistry(registry) === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry;
}
function isLoopbackRegistry(registry) {
  let host = registry.toLowerCase();
  if (host.startsWith("[")) host = host.slice(1, host.indexOf("]"));
  else host = host.replace(/:\d+$/, "");
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1") return true;
  const octets = host.split(".");
  return octets.length === 4 && octets[0] === "127" && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}
function repositoryOf(reference) {
  return splitReference(reference.trim()).name;
}
function tagOf(reference) {
  if (reference === void 0 || !isValid(reference)) return void 0;
  return splitReference(reference.trim()).tag;
}
function digestOf(reference) {
  if (reference === void 0 || !isValid(reference)) return void 0;
  return splitReference(reference.trim()).digest;
}
function isValid(reference) {
  try {
    parseReference(reference);
    return true;
  } catch {
    return false;
  }
}

// src/registry/docker-config.ts
function normalizeAuthKey(key) {
  const withoutScheme = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const host = withoutScheme.split("/")[0] ?? "";
  return normalizeRegistry(host);
}
function parseDockerConfig(content, path = "config.json") {
  let json2;
  try {
    json2 = JSON.parse(content);
  } catch {
    throw new Error(`Docker config ${path} is not valid JSON`);
  }
  const result = { auths: /* @__PURE__ */ new Map(), credHelpers: {}, notes: [] };
  if (typeof json2 !== "object" || json2 === null) return result;
  const cfg = json2;
  if (typeof cfg.credsStore === "string" && cfg.credsStore !== "") {
    result.credsStore = cfg.credsStore;
    result.notes.push(`credsStore "${cfg.credsStore}" holds the credentials of the servers it lists`);
  }
  if (typeof cfg.credHelpers === "object" && cfg.credHelpers !== null) {
    for (const [k, v] of Object.entries(cfg.credHelpers)) {
      if (typeof v !== "string") continue;
      result.credHelpers[normalizeAuthKey(k)] = v;
      result.notes.push(`credential helper "${v}" holds the credentials for ${normalizeAuthKey(k)}`);
    }
  }
  const auths = typeof cfg.auths === "object" && cfg.auths !== null ? cfg.auths : {};
  for (const [key, entry] of Object.entries(auths)) {
    const host = normalizeAuthKey(key);
    const creds = entryCredentials(entry);
    if (creds === void 0) {
      result.notes.push(`auths entry for ${host} has no inline credentials`);
      continue;
    }
    result.auths.set(host, creds);
  }
  return result;
}
function entryCredentials(entry) {
  if (typeof entry !== "object" || entry === null) return void 0;
  const e = entry;
  let username = typeof e.username === "string" ? e.username : void 0;
  let password = typeof e.password === "string" ? e.password : void 0;
  if (typeof e.auth === "string" && e.auth !== "") {
    const decoded = Buffer.from(e.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) {
      username = decoded.slice(0, colon);
      password = decoded.slice(colon + 1);
    }
  }
  if (typeof e.identitytoken === "string" && e.identitytoken !== "") {
    return { kind: "identity-token", identityToken: e.identitytoken, ...username ? { username } : {} };
  }
  if (username !== void 0 && password !== void 0 && username !== "") return { kind: "basic", username, password };
  return void 0;
}
function lookupDockerCredentials(config, registry) {
  return config.auths.get(normalizeRegistry(registry));
}
function dockerConfigDir(env, homeDir) {
  return env.DOCKER_CONFIG && env.DOCKER_CONFIG !== "" ? env.DOCKER_CONFIG : join(homeDir, ".docker");
}
async function readDockerConfigFile(env, homeDir) {
  const path = join(dockerConfigDir(env, homeDir), "config.json");
  try {
    return { path, content: readFileSync(path, "utf8") };
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw new Error(`Cannot read docker config ${path}: ${e.message}`, { cause: e });
  }
}

// src/io/command-bounds.ts
var ENGINE_PROBE_MS = 2e4;
var REGISTRY_LOOKUP_MS = 9e4;
var ENGINE_API_MS = { ping: 5e3, read: 1e4 };
function commandTimeoutMs(command, args) {
  const name = command.split("/").at(-1);
  if (name.startsWith("docker-credential-")) return ENGINE_PROBE_MS;
  if (name === "pack") return args[0] === "build" ? void 0 : ENGINE_PROBE_MS;
  if (name === "docker-buildx") return commandTimeoutMs("docker", ["buildx", ...args]);
  if (name !== "docker") return void 0;
  const words = args.filter((a) => !a.startsWith("-"));
  const [first, second] = words;
  if (first === "build" || first === "buildx" && second === "build" || first === "push") return void 0;
  if (first === "buildx" && second === "imagetools") return REGISTRY_LOOKUP_MS;
  if (first === "pull") return void 0;
  return ENGINE_PROBE_MS;
}
function describeTimeout(command, args, ms) {
  const shown2 = [command.split("/").at(-1), ...args.slice(0, 4)].join(" ");
  return `\`${shown2}${args.length > 4 ? " ..." : ""}\` did not finish within ${Math.round(ms / 1e3)} s and was stopped`;
}

// src/io/docker-engine-cli.ts
function failure(args, r) {
  return new Error(`\`docker ${args.join(" ")}\` failed (exit ${r.exitCode}): ${(r.stderr || r.stdout).trim()}`);
}
var NO_SUCH_IMAGE = /No such image/i;
function createCliEngine(exec, address) {
  return {
    address,
    async image(reference) {
      const args = ["image", "inspect", "--format", "{{json .}}", reference];
      const r = await exec.run("docker", args);
      if (r.exitCode === 0) return parseEngineInspect(r.stdout, reference);
      if (NO_SUCH_IMAGE.test(r.stderr)) return void 0;
      throw failure(args, r);
    },
    async history(reference) {
      const args = ["history", "--no-trunc", "--human=false", "--format", "{{json .}}", reference];
      const r = await exec.run("docker", args);
      if (r.exitCode === 0) return parseEngineHistory(r.stdout, reference);
      if (NO_SUCH_IMAGE.test(r.stderr)) return void 0;
      throw failure(args, r);
    },
    async driverStatus() {
      const args = ["info", "--format", "{{json .DriverStatus}}"];
      const r = await exec.run("docker", args);
      if (r.exitCode !== 0) throw new Error((r.stderr || r.stdout).trim() || `\`docker ${args.join(" ")}\` failed (exit ${r.exitCode})`);
      try {
        return driverStatusOf(JSON.parse(r.stdout));
      } catch {
        throw new Error(`\`docker ${args.join(" ")}\` printed something other than JSON: ${JSON.stringify(r.stdout.slice(0, 120))}`);
      }
    }
  };
}

// src/io/docker-engine.ts
var DEFAULT_SOCKET = "/var/run/docker.sock";
function engineEndpoint(env, currentContext, configDir) {
  const host = env.DOCKER_HOST ?? "";
  if (host === "") {
    const context = env.DOCKER_CONTEXT || currentContext || "default";
    if (context !== "default") return { kind: "cli", reason: `docker context ${JSON.stringify(context)}` };
    return { kind: "unix", socketPath: DEFAULT_SOCKET, address: `unix://${DEFAULT_SOCKET}` };
  }
  let url;
  try {
    url = new URL(host);
  } catch {
    return { kind: "cli", reason: `DOCKER_HOST=${JSON.stringify(shown(host))}` };
  }
  if (url.protocol === "unix:") {
    const socketPath = host.slice("unix://".length) || DEFAULT_SOCKET;
    return { kind: "unix", socketPath, address: `unix://${socketPath}` };
  }
  const tlsVerify = (env.DOCKER_TLS_VERIFY ?? "") !== "";
  if (url.protocol !== "tcp:" || url.pathname !== "" && url.pathname !== "/" || !tlsVerify && (env.DOCKER_TLS ?? "") !== "") {
    return { kind: "cli", reason: `DOCKER_HOST=${JSON.stringify(shown(host))}` };
  }
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const port = url.port ? Number(url.port) : tlsVerify ? 2376 : 2375;
  return {
    kind: "tcp",
    host: hostname,
    port,
    ...tlsVerify ? { tls: { certDir: env.DOCKER_CERT_PATH || configDir } } : {},
    address: `tcp://${url.host.includes(":") || url.port ? url.host : `${url.host}:${port}`}`
  };
}
function shown(host) {
  return host.replace(/\/\/([^/@:]*):[^/@]*@/, "//$1:***@");
}
function currentContextOf(content) {
  if (content === void 0) return void 0;
  try {
    const json2 = JSON.parse(content);
    return typeof json2.currentContext === "string" && json2.currentContext !== "" ? json2.currentContext : void 0;
  } catch {
    return "unreadable config.json";
  }
}
var NEWEST_API = "1.51";
function apiVersionFor(engine) {
  if (!engine || !/^\d+\.\d+$/.test(engine)) return void 0;
  const [major, minor] = engine.split(".").map(Number);
  const [newestMajor, newestMinor] = NEWEST_API.split(".").map(Number);
  return major < newestMajor || major === newestMajor && minor < newestMinor ? engine : NEWEST_API;
}
var EngineCallError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "EngineCallError";
  }
};
var MAX_BODY = 32 * 1024 * 1024;
function get({ endpoint, request, tls }, path, timeoutMs) {
  const call = `GET ${path} on ${endpoint.address}`;
  return new Promise((resolve, reject) => {
    const options = {
      method: "GET",
      path,
      agent: false,
      ...endpoint.kind === "unix" ? { socketPath: endpoint.socketPath } : { host: endpoint.host, port: endpoint.port, ...tls }
    };
    const req = request(options, (res) => {
      const chunks = [];
      let size = 0;
      res.on("data", (d) => {
        size += d.length;
        if (size > MAX_BODY) req.destroy(new EngineCallError(`${call} answered more than ${MAX_BODY} bytes`));
        else chunks.push(d);
      });
      res.on("error", (e) => fail(e));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
      });
    });
    const fail = (e) => {
      clearTimeout(timer);
      reject(e instanceof EngineCallError ? e : new EngineCallError(`${call} failed: ${e.message}`));
    };
    const timer = setTimeout(() => req.destroy(new EngineCallError(`${call} did not answer within ${Math.round(timeoutMs / 1e3)} s`)), timeoutMs);
    req.on("error", fail);
    req.end();
  });
}
function json(answer, call) {
  try {
    return JSON.parse(answer.body);
  } catch {
    throw new EngineCallError(`${call} answered something other than JSON: ${JSON.stringify(answer.body.slice(0, 120))}`);
  }
}
function messageOf(answer) {
  try {
    const m6 = JSON.parse(answer.body).message;
    if (typeof m6 === "string") return m6;
  } catch {
  }
  return answer.body.trim().slice(0, 200);
}
function imagePath(reference) {
  return encodeURIComponent(reference).replace(/%2F/gi, "/").replace(/%3A/gi, ":").replace(/%40/gi, "@");
}
function readTls(certDir) {
  return { ca: readFileSync(join(certDir, "ca.pem")), cert: readFileSync(join(certDir, "cert.pem")), key: readFileSync(join(certDir, "key.pem")) };
}
function createApiEngine(endpoint, bounds = ENGINE_API_MS) {
  const tls = endpoint.kind === "tcp" && endpoint.tls ? readTls(endpoint.tls.certDir) : void 0;
  let transport;
  const connection = () => (
    // getBuiltinModule, not import(): an ES import of node:http reads every export, and its lazy
    // WebSocket/MessageEvent getters load undici (~10-20 ms) for nothing.
    transport ??= Promise.resolve(
      tls ? { endpoint, request: process.getBuiltinModule("node:https").request, tls } : { endpoint, request: process.getBuiltinModule("node:http").request }
    )
  );
  let prefix;
  const versionPrefix = () => prefix ??= connection().then(async (t) => {
    const answer = await get(t, "/_ping", bounds.ping);
    if (answer.status !== 200) throw new EngineCallError(`GET /_ping on ${endpoint.address} answered ${answer.status}: ${messageOf(answer)}`);
    const header = answer.headers["api-version"];
    const version = apiVersionFor(Array.isArray(header) ? header[0] : header);
    return version ? `/v${version}` : "";
  });
  const read = async (path, notFound) => {
    const full = `${await versionPrefix()}${path}`;
    const answer = await get(await connection(), full, bounds.read);
    if (answer.status === 404 && notFound === "undefined") return void 0;
    if (answer.status !== 200) throw new EngineCallError(`GET ${full} on ${endpoint.address} answered ${answer.status}: ${messageOf(answer)}`);
    return json(answer, `GET ${full} on ${endpoint.address}`);
  };
  return {
    address: endpoint.address,
    async image(reference) {
      const doc = await read(`/images/${imagePath(reference)}/json`, "undefined");
      return doc === void 0 ? void 0 : engineInspectOf(doc, reference);
    },
    async history(reference) {
      const doc = await read(`/images/${imagePath(reference)}/history`, "undefined");
      return doc === void 0 ? void 0 : engineHistoryOf(doc, reference);
    },
    async driverStatus() {
      return driverStatusOf(await read("/info", "error"));
    }
  };
}
function createDockerEngine({ env, exec, home = homedir() }) {
  const configDir = dockerConfigDir(env, home);
  const needsContext = (env.DOCKER_HOST ?? "") === "" && (env.DOCKER_CONTEXT ?? "") === "";
  const endpoint = engineEndpoint(env, needsContext ? currentContextOf(readOptional(join(configDir, "config.json"))) : void 0, configDir);
  if (endpoint.kind === "cli") return createCliEngine(exec, `the docker CLI's endpoint (${endpoint.reason})`);
  try {
    return createApiEngine(endpoint);
  } catch (e) {
    return createCliEngine(exec, `the docker CLI's endpoint (${endpoint.address}; TLS certificates unreadable here: ${e.message})`);
  }
}
function readOptional(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return void 0;
  }
}

// src/io/exec.ts
var running = /* @__PURE__ */ new Set();
function killGroup(child, signal) {
  if (child.pid === void 0) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
    }
  }
}
function createExec(write = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s)
}) {
  return {
    run(command, args, options = {}) {
      return new Promise((resolve) => {
        const { spawn } = process.getBuiltinModule("node:child_process");
        const child = spawn(command, args, {
          cwd: options.cwd,
          env: { ...process.env, ...options.env },
          stdio: ["pipe", "pipe", "pipe"],
          // Its own process group: killing the group reaches the docker CLI's plugins (buildx).
          detached: true
        });
        running.add(child);
        const out = [];
        const err = [];
        const lines = { out: "", err: "" };
        const onData = (stream, d) => {
          (stream === "out" ? out : err).push(d);
          if (options.stream) write[stream](d.toString());
          if (options.onLine) {
            const text = lines[stream] + d.toString();
            const parts = text.split("\n");
            lines[stream] = parts.pop();
            for (const line of parts) options.onLine(line, stream);
          }
        };
        child.stdout.on("data", (d) => onData("out", d));
        child.stderr.on("data", (d) => onData("err", d));
        const limit = options.timeoutMs === void 0 ? commandTimeoutMs(command, args) : options.timeoutMs || void 0;
        let timedOut = false;
        const timer = limit === void 0 ? void 0 : setTimeout(() => {
          timedOut = true;
          killGroup(child, "SIGKILL");
        }, limit);
        timer?.unref();
        const onAbort = () => killGroup(child, "SIGKILL");
        options.signal?.addEventListener("abort", onAbort, { once: true });
        let settled = false;
        const settle = (result) => {
          if (settled) return;
          settled = true;
          running.delete(child);
          if (timer) clearTimeout(timer);
          options.signal?.removeEventListener("abort", onAbort);
          resolve(result);
        };
        child.on("error", (e) => {
          settle({ exitCode: 127, stdout: "", stderr: `${command}: ${e.message}` });
        });
        child.on("close", (code, signal) => {
          if (options.onLine) {
            for (const s of ["out", "err"]) if (lines[s]) options.onLine(lines[s], s);
          }
          const stdout = Buffer.concat(out).toString();
          const stderr = Buffer.concat(err).toString();
          if (timedOut) return settle({ exitCode: 124, stdout, stderr: describeTimeout(command, args, limit), timedOut: true });
          settle({ exitCode: code ?? (signal ? 128 + signalNumber(signal) : 1), stdout, stderr, ...signal ? { signal } : {} });
        });
        child.stdin.on("error", () => void 0);
        child.stdin.end(options.input ?? "");
        if (options.onSpawn) child.once("spawn", options.onSpawn);
      });
    }
  };
}
function signalNumber(signal) {
  return { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 1;
}

// src/io/terminal.ts
function terminalLogger(stream = process.stderr, verbose = false) {
  return {
    info: (m6) => stream.write(`${m6}
`),
    warning: (m6, p) => stream.write(`warning: ${p?.file ? `${p.file}${p.startLine ? `:${p.startLine}` : ""}: ` : ""}${m6}
`),
    error: (m6) => stream.write(`error: ${m6}
`),
    debug: (m6) => {
      if (verbose) stream.write(`debug: ${m6}
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

// src/registry/auth.ts
function parseWwwAuthenticate(header) {
  const challenges = [];
  let i = 0;
  const n = header.length;
  const skip = (re) => {
    while (i < n && re.test(header[i])) i++;
  };
  const token = () => {
    const start = i;
    while (i < n && /[!#$%&'*+.^_`|~0-9A-Za-z-]/.test(header[i])) i++;
    return header.slice(start, i);
  };
  let current;
  while (i < n) {
    skip(/[\s,]/);
    if (i >= n) break;
    const word = token();
    if (word === "") {
      i++;
      continue;
    }
    skip(/\s/);
    if (header[i] === "=") {
      i++;
      skip(/\s/);
      let value;
      if (header[i] === '"') {
        i++;
        value = "";
        while (i < n && header[i] !== '"') {
          if (header[i] === "\\" && i + 1 < n) i++;
          value += header[i];
          i++;
        }
        i++;
      } else {
        const vs = i;
        while (i < n && header[i] !== ",") i++;
        value = header.slice(vs, i).trim();
      }
      if (current !== void 0) current.params[word.toLowerCase()] = value;
    } else {
      current = { scheme: word.toLowerCase(), params: /* @__PURE__ */ Object.create(null) };
      challenges.push(current);
    }
  }
  return challenges;
}
var RegistryAuthError = class extends Error {
  registry;
  status;
  constructor(message, registry, status) {
    super(message);
    this.registry = registry;
    this.status = status;
    this.name = "RegistryAuthError";
  }
};
function createCredentialResolver(sources) {
  const inputRegistry = sources.input ? normalizeRegistry(sources.input.registry) : void 0;
  return (registry) => {
    const host = normalizeRegistry(registry);
    if (sources.input && host === inputRegistry && sources.input.username !== "") {
      return { kind: "basic", username: sources.input.username, password: sources.input.password };
    }
    return sources.helpers?.get(host) ?? (sources.dockerConfig ? lookupDockerCredentials(sources.dockerConfig, host) : void 0);
  };
}
function redact(text, secrets) {
  let out = text;
  for (const s of secrets) if (s && s.length >= 3) out = out.split(s).join("***");
  return out;
}
var EXPIRY_MARGIN_MS = 5e3;
var DEFAULT_TOKEN_LIFETIME_S = 60;
var RegistryAuthenticator = class {
  schemes = /* @__PURE__ */ new Map();
  tokens = /* @__PURE__ */ new Map();
  inflight = /* @__PURE__ */ new Map();
  options;
  now;
  constructor(options) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }
  /**
   * The Authorization header for a request, when this registry's scheme is already known
   * (saving the 401 round trip); undefined means "try anonymously first".
   */
  async authorize(registry, scope) {
    const scheme = this.schemes.get(registry);
    if (scheme === void 0) return void 0;
    if (scheme.scheme === "basic") return this.basicHeader(registry);
    const token = await this.token(registry, scheme, scope);
    return `Bearer ${token.token}`;
  }
  /** Handles a 401: learns the scheme from the challenge and returns the header to retry with. */
  async respondToChallenge(registry, wwwAuthenticate, scope) {
    const challenges = parseWwwAuthenticate(wwwAuthenticate ?? "");
    const bearer = challenges.find((c) => c.scheme === "bearer" && c.params.realm);
    if (bearer) {
      const scheme = {
        scheme: "bearer",
        realm: bearer.params.realm,
        ...bearer.params.service !== void 0 ? { service: bearer.params.service } : {}
      };
      this.schemes.set(registry, scheme);
      const needed = bearer.params.scope && bearer.params.scope !== "" ? bearer.params.scope : scope;
      this.tokens.delete(this.tokenKey(registry, needed));
      const token = await this.token(registry, scheme, needed);
      return `Bearer ${token.token}`;
    }
    if (challenges.some((c) => c.scheme === "basic")) {
      this.schemes.set(registry, { scheme: "basic" });
      const header = this.basicHeader(registry);
      if (header === void 0) {
        throw new RegistryAuthError(
          `Registry ${registry} requires a user name and password (Basic auth) and none is configured: set the registry-username and registry-password inputs or run docker login`,
          registry,
          401
        );
      }
      return header;
    }
    throw new RegistryAuthError(
      `Registry ${registry} answered 401 with an unsupported challenge ${JSON.stringify(wwwAuthenticate ?? "")}`,
      registry,
      401
    );
  }
  /** Secrets that must never leave this process in text (for redacting server responses). */
  secretsFor(registry) {
    const creds = this.options.credentials?.(registry);
    const out = [];
    if (creds?.kind === "basic") out.push(creds.password, Buffer.from(`${creds.username}:${creds.password}`).toString("base64"));
    if (creds?.kind === "identity-token") out.push(creds.identityToken);
    for (const [key, t] of this.tokens) if (key.startsWith(`${registry}|`)) out.push(t.token);
    return out;
  }
  /** Who we authenticated as, for error messages. */
  describeIdentity(registry) {
    const creds = this.options.credentials?.(registry);
    if (creds === void 0) return "anonymously";
    if (creds.kind === "basic") return `as user ${JSON.stringify(creds.username)}`;
    return creds.username ? `with the identity token of ${JSON.stringify(creds.username)}` : "with an identity token";
  }
  basicHeader(registry) {
    const creds = this.options.credentials?.(registry);
    if (creds?.kind !== "basic") return void 0;
    return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}`;
  }
  tokenKey(registry, scope) {
    return `${registry}|${scope}`;
  }
  async token(registry, scheme, scope) {
    const key = this.tokenKey(registry, scope);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > this.now()) return cached;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const p = this.fetchToken(registry, scheme, scope).finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    const token = await p;
    this.tokens.set(key, token);
    return token;
  }
  async fetchToken(registry, scheme, scope) {
    let realm;
    try {
      realm = new URL(scheme.realm);
    } catch {
      throw new RegistryAuthError(`Registry ${registry} sent an invalid token realm ${JSON.stringify(scheme.realm)}`, registry);
    }
    const creds = this.options.credentials?.(registry);
    const realmIsSafe = realm.protocol === "https:" || isLoopbackRegistry(realm.host) || this.options.insecure === true;
    if (creds !== void 0 && !realmIsSafe) {
      throw new RegistryAuthError(
        `Registry ${registry} asks for credentials to be sent to ${realm.origin} over plain HTTP; refusing (use the insecure option if this is intended)`,
        registry
      );
    }
    const init = { signal: AbortSignal.timeout(this.options.timeoutMs ?? 3e4) };
    const headers = { "User-Agent": "strata" };
    const url = new URL(realm);
    if (creds?.kind === "identity-token") {
      const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: creds.identityToken, client_id: "strata" });
      if (scheme.service) form.set("service", scheme.service);
      if (scope) form.set("scope", scope);
      init.method = "POST";
      init.body = form.toString();
      headers["Content-Type"] = "application/x-www-form-urlencoded";
    } else {
      if (scheme.service) url.searchParams.set("service", scheme.service);
      for (const s of scope.split(" ").filter(Boolean)) url.searchParams.append("scope", s);
      if (creds?.kind === "basic") {
        headers.Authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}`;
      }
    }
    init.headers = headers;
    this.options.onRequest?.();
    this.options.logger?.debug(`registry ${registry}: requesting a token for ${JSON.stringify(scope)} from ${realm.origin}${realm.pathname}`);
    let res;
    try {
      res = await this.options.fetch(url.href, init);
    } catch (e) {
      throw new RegistryAuthError(`Token realm ${realm.origin}${realm.pathname} for ${registry} is unreachable: ${describeFetchError(e)}`, registry);
    }
    const text = await res.text();
    if (!res.ok) {
      const identity = this.describeIdentity(registry);
      const detail = redact(serverMessage(text), this.secretsFor(registry));
      const what = res.status === 401 || res.status === 403 ? `rejected the request ${identity}` : `failed ${identity}`;
      throw new RegistryAuthError(
        `Token realm ${realm.origin}${realm.pathname} for ${registry} ${what} (HTTP ${res.status}${detail ? `: ${detail}` : ""})`,
        registry,
        res.status
      );
    }
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new RegistryAuthError(`Token realm ${realm.origin}${realm.pathname} for ${registry} answered with something other than JSON`, registry);
    }
    const token = typeof body.token === "string" && body.token !== "" ? body.token : body.access_token;
    if (typeof token !== "string" || token === "") {
      throw new RegistryAuthError(`Token realm ${realm.origin}${realm.pathname} for ${registry} answered without a "token" or "access_token"`, registry);
    }
    const lifetime = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_LIFETIME_S;
    return { token, expiresAt: this.now() + lifetime * 1e3 };
  }
};
function serverMessage(text) {
  try {
    const body = JSON.parse(text);
    const first = body.errors?.[0];
    if (first) return [first.code, first.message].filter(Boolean).join(" ").slice(0, 200);
    if (typeof body.details === "string") return body.details.slice(0, 200);
    if (typeof body.error === "string") return body.error.slice(0, 200);
  } catch {
  }
  const plain = text.replace(/\s+/g, " ").trim();
  return plain.length > 200 ? `${plain.slice(0, 200)}\u2026` : plain;
}
function describeFetchError(e) {
  const err = e;
  if (err?.name === "TimeoutError") return "timed out";
  const cause = err?.cause?.code ?? err?.cause?.message;
  return cause ? `${err.message} (${cause})` : String(err?.message ?? e);
}

// src/registry/credential-helpers.ts
function parseHelperGet(stdout) {
  let answer;
  try {
    answer = JSON.parse(stdout);
  } catch {
    return void 0;
  }
  if (typeof answer.Secret !== "string" || answer.Secret === "") return void 0;
  const username = typeof answer.Username === "string" ? answer.Username : "";
  if (username === "<token>") return { kind: "identity-token", identityToken: answer.Secret };
  return username === "" ? void 0 : { kind: "basic", username, password: answer.Secret };
}
function parseHelperList(stdout) {
  try {
    const map = JSON.parse(stdout);
    return typeof map === "object" && map !== null && !Array.isArray(map) ? Object.keys(map) : [];
  } catch {
    return [];
  }
}
function helperQueries(config, storeServers) {
  const queries = /* @__PURE__ */ new Map();
  if (config.credsStore) {
    for (const server of storeServers) queries.set(normalizeAuthKey(server), { host: normalizeAuthKey(server), server, helper: config.credsStore });
  }
  for (const [host, helper] of Object.entries(config.credHelpers)) queries.set(host, { host, server: host, helper });
  return [...queries.values()];
}
async function readHelperCredentials(exec, config) {
  const credentials = /* @__PURE__ */ new Map();
  const notes = [];
  let storeServers = [];
  if (config.credsStore) {
    const listed = await exec.run(`docker-credential-${config.credsStore}`, ["list"]);
    if (listed.exitCode === 0) storeServers = parseHelperList(listed.stdout);
    else notes.push(`credential helper docker-credential-${config.credsStore} list failed (exit ${listed.exitCode})`);
  }
  await Promise.all(
    helperQueries(config, storeServers).map(async ({ host, server, helper }) => {
      const got = await exec.run(`docker-credential-${helper}`, ["get"], { input: server });
      const creds = got.exitCode === 0 ? parseHelperGet(got.stdout) : void 0;
      if (creds) credentials.set(host, creds);
      else notes.push(`credential helper docker-credential-${helper} gave no credentials for ${host} (exit ${got.exitCode})`);
    })
  );
  return { credentials, notes };
}

// src/registry/media-types.ts
var OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
var DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
var DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
var DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
var DOCKER_MANIFEST_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
var DOCKER_MANIFEST_SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";
var MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST];
var MANIFEST_ACCEPT_HEADER = MANIFEST_ACCEPT.join(", ");
function baseMediaType(mediaType) {
  return mediaType.split(";")[0].trim().toLowerCase();
}
function isIndexMediaType(mediaType) {
  if (mediaType === void 0) return false;
  const t = baseMediaType(mediaType);
  return t === OCI_INDEX || t === DOCKER_MANIFEST_LIST;
}
function isImageManifestMediaType(mediaType) {
  if (mediaType === void 0) return false;
  const t = baseMediaType(mediaType);
  return t === OCI_MANIFEST || t === DOCKER_MANIFEST;
}
function isSchema1MediaType(mediaType) {
  if (mediaType === void 0) return false;
  const t = baseMediaType(mediaType);
  return t === DOCKER_MANIFEST_SCHEMA1 || t === DOCKER_MANIFEST_SCHEMA1_SIGNED;
}
function classifyManifest(contentType, body) {
  for (const candidate of [contentType, mediaTypeField(body)]) {
    if (isIndexMediaType(candidate)) return "index";
    if (isImageManifestMediaType(candidate)) return "manifest";
  }
  if (typeof body === "object" && body !== null) {
    if (Array.isArray(body.manifests)) return "index";
    if (Array.isArray(body.layers)) return "manifest";
  }
  return void 0;
}
function mediaTypeField(body) {
  if (typeof body !== "object" || body === null) return void 0;
  const t = body.mediaType;
  return typeof t === "string" ? t : void 0;
}

// src/registry/manifest.ts
var ManifestError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ManifestError";
  }
};
function parseManifest(raw, contentType, where2) {
  let body;
  try {
    body = JSON.parse(raw);
  } catch (e) {
    throw new ManifestError(`Manifest of ${where2} is not JSON (${e.message})`);
  }
  if (typeof body !== "object" || body === null) throw new ManifestError(`Manifest of ${where2} is not a JSON object`);
  const b = body;
  if (isSchema1MediaType(contentType) || isSchema1MediaType(b.mediaType) || b.schemaVersion === 1) {
    throw new ManifestError(`Manifest of ${where2} is Docker schema 1, which is deprecated and not supported; push it again with a current client`);
  }
  const kind = classifyManifest(contentType, body);
  if (kind === void 0) {
    throw new ManifestError(`Manifest of ${where2} has unsupported media type ${JSON.stringify(contentType ?? b.mediaType ?? null)}`);
  }
  const common = {
    schemaVersion: typeof b.schemaVersion === "number" ? b.schemaVersion : 2,
    ...typeof b.mediaType === "string" ? { mediaType: b.mediaType } : {},
    ...isStringRecord(b.annotations) ? { annotations: b.annotations } : {}
  };
  if (kind === "index") {
    if (!Array.isArray(b.manifests)) throw new ManifestError(`Index of ${where2} has no "manifests" array`);
    return { kind, ...common, manifests: b.manifests.map((d, i) => descriptor(d, `${where2} manifests[${i}]`)) };
  }
  if (!Array.isArray(b.layers)) throw new ManifestError(`Manifest of ${where2} has no "layers" array`);
  return {
    kind,
    ...common,
    config: descriptor(b.config, `${where2} config`),
    layers: b.layers.map((d, i) => descriptor(d, `${where2} layers[${i}]`)),
    ...b.subject !== void 0 ? { subject: descriptor(b.subject, `${where2} subject`) } : {}
  };
}
function parseImageConfig(raw, where2) {
  let body;
  try {
    body = JSON.parse(raw);
  } catch (e) {
    throw new ManifestError(`Config ${where2} is not JSON (${e.message})`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ManifestError(`Config ${where2} is not a JSON object`);
  return body;
}
function descriptor(value, where2) {
  if (typeof value !== "object" || value === null) throw new ManifestError(`Descriptor ${where2} is missing or not an object`);
  const d = value;
  if (typeof d.digest !== "string" || !d.digest.includes(":")) {
    throw new ManifestError(`Descriptor ${where2} has an invalid digest ${JSON.stringify(d.digest ?? null)}`);
  }
  if (typeof d.size !== "number" || !Number.isSafeInteger(d.size) || d.size < 0) {
    throw new ManifestError(`Descriptor ${where2} has an invalid size ${JSON.stringify(d.size ?? null)}`);
  }
  const out = { mediaType: typeof d.mediaType === "string" ? d.mediaType : "", digest: d.digest, size: d.size };
  if (isStringRecord(d.annotations)) out.annotations = d.annotations;
  if (typeof d.artifactType === "string") out.artifactType = d.artifactType;
  if (typeof d.platform === "object" && d.platform !== null) {
    const p = d.platform;
    out.platform = {
      architecture: String(p.architecture ?? ""),
      os: String(p.os ?? ""),
      /* eslint-enable @typescript-eslint/no-base-to-string */
      ...typeof p.variant === "string" ? { variant: p.variant } : {},
      ...typeof p["os.version"] === "string" ? { "os.version": p["os.version"] } : {}
    };
  }
  return out;
}
function isStringRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");
}

// node-builtin:node:stream
var m4 = /* @__PURE__ */ process.getBuiltinModule("node:stream");
var Readable = /* @__PURE__ */ (() => m4.Readable)();

// src/io/http-fetch.ts
var MAX_REDIRECTS = 20;
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var NodeHeaders = class {
  raw;
  constructor(raw) {
    this.raw = raw;
  }
  get(name) {
    const v = this.raw[name.toLowerCase()];
    if (v === void 0) return null;
    return Array.isArray(v) ? v.join(", ") : String(v);
  }
  *[Symbol.iterator]() {
    for (const name of Object.keys(this.raw).sort()) yield [name, this.get(name)];
  }
};
var NodeResponse = class {
  stream;
  used = false;
  message;
  url;
  redirected;
  signal;
  constructor(message, url, redirected, signal) {
    this.message = message;
    this.url = url;
    this.redirected = redirected;
    this.signal = signal;
  }
  get status() {
    return this.message.statusCode ?? 0;
  }
  get statusText() {
    return this.message.statusMessage ?? "";
  }
  get ok() {
    return this.status >= 200 && this.status < 300;
  }
  get headers() {
    return new NodeHeaders(this.message.headers);
  }
  get body() {
    if (this.used) return null;
    this.stream ??= Readable.toWeb(this.message);
    return this.stream;
  }
  async arrayBuffer() {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  async text() {
    return (await this.bytes()).toString("utf8");
  }
  async json() {
    return JSON.parse(await this.text());
  }
  async bytes() {
    if (this.used || this.stream) throw new TypeError("Body has already been read");
    this.used = true;
    const message = this.message;
    const signal = this.signal;
    return new Promise((resolve, reject) => {
      const chunks = [];
      message.on("data", (chunk) => chunks.push(chunk));
      message.once("end", () => resolve(Buffer.concat(chunks)));
      message.once("error", (e) => reject(signal?.aborted ? abortReason(signal) : new TypeError("fetch failed", { cause: e })));
      message.once("close", () => {
        if (!message.complete) reject(signal?.aborted ? abortReason(signal) : new TypeError("fetch failed", { cause: new Error("the connection closed before the body ended") }));
      });
    });
  }
};
function abortReason(signal) {
  return signal.reason instanceof Error ? signal.reason : new DOMException("This operation was aborted", "AbortError");
}
function sendOnce(url, method, headers, body, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const options = { method, headers, ...signal ? { signal } : {} };
    const start = (request) => {
      const req = request(url, options, (res) => {
        if (method === "HEAD" || res.statusCode === 204 || res.statusCode === 304) res.resume();
        resolve(res);
      });
      req.on("error", (e) => reject(signal?.aborted ? abortReason(signal) : new TypeError("fetch failed", { cause: e })));
      req.end(body);
    };
    if (url.protocol === "http:") start(process.getBuiltinModule("node:http").request);
    else if (url.protocol === "https:") start(process.getBuiltinModule("node:https").request);
    else reject(new TypeError("fetch failed", { cause: new Error(`unsupported protocol ${JSON.stringify(url.protocol)}`) }));
  });
}
function isStreamBody(body) {
  return body !== void 0 && typeof body !== "string" && !(body instanceof Uint8Array);
}
var httpFetch = async (input, init = {}) => {
  if (isStreamBody(init.body)) return await globalThis.fetch(input, init);
  let url = new URL(input);
  let method = (init.method ?? "GET").toUpperCase();
  let body = init.body;
  const headers = { ...init.headers ?? {} };
  for (let hop = 0; ; hop++) {
    const res = await sendOnce(url, method, headers, body, init.signal);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (!REDIRECTS.has(status) || location === void 0) return new NodeResponse(res, url.href, hop > 0, init.signal);
    res.resume();
    if (hop >= MAX_REDIRECTS) throw new TypeError("fetch failed", { cause: new Error(`more than ${MAX_REDIRECTS} redirects, the last to ${location}`) });
    const next = new URL(location, url);
    if (next.origin !== url.origin) {
      for (const name of Object.keys(headers)) if (/^(authorization|cookie|proxy-authorization)$/i.test(name)) delete headers[name];
    }
    if ((status === 301 || status === 302) && method === "POST" || status === 303 && method !== "GET" && method !== "HEAD") {
      method = "GET";
      body = void 0;
      for (const name of Object.keys(headers)) if (/^content-(type|length|encoding|language|location)$/i.test(name)) delete headers[name];
    }
    url = next;
  }
};

// src/registry/transport.ts
var RegistryError = class extends Error {
  status;
  code;
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
    this.name = "RegistryError";
  }
};
function isNotFound(e) {
  return e instanceof RegistryError && e.status === 404;
}
var RETRYABLE = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
var RegistryTransport = class {
  options;
  auth;
  sleep;
  now;
  requests = 0;
  constructor(options) {
    this.options = options;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
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
  /** HTTP requests sent so far (token requests and retries included). */
  get requestCount() {
    return this.requests;
  }
  debug(message) {
    this.options.logger?.debug(message);
  }
  /**
   * The URL of `path` on ref's registry: relative to `/v2/<name>/` (`manifests/1`), absolute on
   * the registry (`/v2/...`, as Link headers give it), or a whole URL (an upload session's Location).
   */
  url(ref, path) {
    if (/^https?:\/\//i.test(path)) return path;
    const base = `${this.scheme(ref.registry)}://${apiHost(ref.registry)}`;
    return path.startsWith("/v2/") ? `${base}${path}` : `${base}/v2/${ref.repository}/${path}`;
  }
  /**
   * One logical request: auth (at most one challenge round) on top of retries. Resolves with the
   * answer when its status is one of `req.ok`; throws RegistryError or RegistryAuthError otherwise.
   */
  async send(ref, path, req) {
    const scope = req.scope ?? `repository:${ref.repository}:pull`;
    const url = this.url(ref, path);
    let authorization = await this.auth.authorize(ref.registry, scope);
    let res = await this.fetchWithRetry(url, req, authorization, ref.registry);
    if (res.status === 401) {
      const challenge = res.headers.get("www-authenticate");
      await res.body?.cancel();
      authorization = await this.auth.respondToChallenge(ref.registry, challenge, scope);
      res = await this.fetchWithRetry(url, req, authorization, ref.registry);
      if (res.status === 401) throw await this.unauthorized(res, req, ref.registry, scope);
    }
    if (req.ok ? !req.ok.includes(res.status) : !res.ok) throw await this.errorFor(res, req, ref.registry, scope);
    return res;
  }
  /**
   * Runs an operation of several requests again, after the usual backoff, when it failed in a way
   * a retry may cure (a network error, a dropped stream, 408/429/5xx); auth errors and other
   * answers are final. `describe` gives the debug line logged before each retry.
   */
  async retryTransient(run, describe) {
    const retries = this.options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        return await run(attempt);
      } catch (e) {
        const status = e.status;
        const transient = !(e instanceof RegistryAuthError) && (status === void 0 || RETRYABLE.has(status));
        if (!transient || attempt >= retries) throw e;
        const wait = this.backoff(attempt);
        this.debug(describe(e, wait));
        await this.sleep(wait);
      }
    }
  }
  scheme(registry) {
    const insecure = this.options.insecure;
    if (isLoopbackRegistry(registry) || insecure === true) return "http";
    if (Array.isArray(insecure) && insecure.includes(registry)) return "http";
    return "https";
  }
  async fetchWithRetry(url, req, authorization, registry) {
    const retries = req.retry === false ? 0 : this.options.retries ?? 3;
    const timeoutMs = this.options.timeoutMs ?? 3e4;
    const write = req.wording === "write";
    const shown2 = redactUrl(url);
    const headers = { "User-Agent": "strata", ...req.headers ?? {} };
    if (authorization) headers.Authorization = authorization;
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      const body = req.body ? await req.body() : void 0;
      const streamed = isStreamBody(body);
      let res;
      try {
        res = await this.options.fetch(url, {
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
        if (attempt >= retries) {
          const attempts = write ? "" : ` (${attempt + 1} attempt${attempt ? "s" : ""})`;
          throw new RegistryError(`${req.what}: ${req.method} ${shown2} ${why}${attempts}`);
        }
        const wait2 = this.backoff(attempt);
        this.debug(`${req.method} ${shown2} ${why}; retrying in ${wait2} ms`);
        await this.sleep(wait2);
        continue;
      }
      if (streamed && res.status >= 300) {
        await body.cancel().catch(() => void 0);
      }
      if (!RETRYABLE.has(res.status) || attempt >= retries) return res;
      const wait = Math.min(parseRetryAfter(res.headers.get("retry-after"), this.now()) ?? this.backoff(attempt), this.maxWait());
      await res.body?.cancel();
      this.debug(`${req.method} ${shown2} answered ${res.status}${write ? "" : ` on ${registry}`}; retrying in ${wait} ms`);
      await this.sleep(wait);
    }
  }
  backoff(attempt) {
    return Math.min((this.options.retryBaseMs ?? 500) * 2 ** attempt, this.maxWait());
  }
  maxWait() {
    return this.options.maxRetryWaitMs ?? 3e4;
  }
  /** A 401 even after answering the challenge. */
  async unauthorized(res, req, registry, scope) {
    if (req.wording !== "write") {
      await res.body?.cancel();
      return new RegistryAuthError(`Registry ${registry} rejected the credentials sent ${this.auth.describeIdentity(registry)} for ${req.what} (HTTP 401)`, registry, 401);
    }
    const text = await res.text().catch(() => "");
    const detail = redact(serverMessage(text), this.auth.secretsFor(registry));
    return new RegistryAuthError(
      `Registry ${registry} refused ${req.what} ${this.auth.describeIdentity(registry)} (HTTP 401${detail ? `: ${detail}` : ""}); it needs the token scope ${JSON.stringify(scope)}`,
      registry,
      401
    );
  }
  async errorFor(res, req, registry, scope) {
    const text = req.method === "HEAD" ? "" : await res.text().catch(() => "");
    const detail = redact(serverMessage(text), this.auth.secretsFor(registry));
    const code = /^[A-Z_]+/.exec(detail)?.[0];
    const summary = res.status === 404 ? "not found" : res.status === 403 ? "access denied" : "failed";
    const message = `${req.what} ${summary} (HTTP ${res.status}${detail ? `: ${detail}` : ""})`;
    if (res.status === 403) {
      const needs = req.wording === "write" ? `; it needs the token scope ${JSON.stringify(scope)}` : "";
      return new RegistryAuthError(`${message} ${this.auth.describeIdentity(registry)}${needs}`, registry, 403);
    }
    return new RegistryError(message, res.status, code);
  }
};
function parseRetryAfter(value, now) {
  if (value === null || value === void 0 || value.trim() === "") return void 0;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1e3;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return void 0;
  return Math.max(0, at - now);
}
function redactUrl(url) {
  try {
    const u = new URL(url);
    if (!u.searchParams.has("_state")) return url;
    u.searchParams.set("_state", "\u2026");
    return u.toString();
  } catch {
    return url;
  }
}

// src/registry/client.ts
var RegistryClient = class {
  /** The HTTP side; hand it (or this client) to a RegistryWriter to share its tokens and count. */
  transport;
  constructor(source) {
    this.transport = source instanceof RegistryTransport ? source : new RegistryTransport(source);
  }
  /** HTTP requests sent so far through this client's transport (token requests and retries included). */
  get requestCount() {
    return this.transport.requestCount;
  }
  /** The digest a tag resolves to now: HEAD (free of Docker Hub pull limits), GET if HEAD lacks it. */
  async headDigest(refInput) {
    const ref = toReference(refInput);
    const what = formatReference(ref);
    const path = `manifests/${manifestReference(ref)}`;
    const head = await this.transport.send(ref, path, { method: "HEAD", headers: { Accept: MANIFEST_ACCEPT_HEADER }, what: `Manifest ${what}` });
    const digest = head.headers.get("docker-content-digest");
    if (digest) {
      return {
        digest,
        mediaType: head.headers.get("content-type") ?? "",
        size: Number(head.headers.get("content-length") ?? 0)
      };
    }
    const full = await this.getManifest(ref);
    return { digest: full.digest, mediaType: full.mediaType, size: full.size };
  }
  /**
   * Whether the registry has the image (one HEAD): false when it answers "not found"; throws when
   * it cannot say (auth, network, 5xx), which is not the same as absent.
   */
  async exists(refInput) {
    try {
      await this.headDigest(refInput);
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }
  /** A manifest or index, by the reference's tag/digest or by an explicit digest in its repository. */
  async getManifest(refInput, digest) {
    const ref = toReference(refInput);
    const target = digest ?? manifestReference(ref);
    const what = digest ? `${ref.registry}/${ref.repository}@${digest}` : formatReference(ref);
    loadCryptoSoon();
    const res = await this.transport.send(ref, `manifests/${target}`, { method: "GET", headers: { Accept: MANIFEST_ACCEPT_HEADER }, what: `Manifest ${what}` });
    const bytes = Buffer.from(await res.arrayBuffer());
    const computed = sha256Of(bytes);
    const expected = target.includes(":") ? target : res.headers.get("docker-content-digest");
    if (expected?.startsWith("sha256:") && expected !== computed) {
      throw new RegistryError(`Manifest ${what} has digest ${computed}, expected ${expected}; the registry sent different content`);
    }
    const raw = bytes.toString("utf8");
    const mediaType = res.headers.get("content-type") ?? "";
    const document = parseManifest(raw, mediaType || void 0, what);
    return { digest: expected ?? computed, mediaType: mediaType || document.mediaType || "", size: bytes.length, raw, document };
  }
  /** The image config blob. Layer blobs are never fetched: sizes come from the manifest. */
  async getConfig(repo, digest) {
    const ref = toReference(repo);
    const what = `${ref.registry}/${ref.repository}@${digest}`;
    loadCryptoSoon();
    const res = await this.transport.send(ref, `blobs/${digest}`, {
      method: "GET",
      headers: { Accept: `${OCI_CONFIG}, ${DOCKER_CONFIG}, application/json, */*` },
      what: `Config ${what}`
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (digest.startsWith("sha256:")) {
      const computed = sha256Of(bytes);
      if (computed !== digest) throw new RegistryError(`Config ${what} has digest ${computed}; the registry sent different content`);
    }
    return parseImageConfig(bytes.toString("utf8"), what);
  }
  /** Every tag of a repository, following `Link: <...>; rel="next"` pages. */
  async listTags(repo, options = {}) {
    const ref = toReference(repo);
    const maxPages = options.maxPages ?? 50;
    const what = `Tags of ${ref.registry}/${ref.repository}`;
    let path = `tags/list${options.pageSize ? `?n=${options.pageSize}` : ""}`;
    const tags = [];
    for (let page = 0; path !== void 0; page++) {
      if (page >= maxPages) {
        this.transport.debug(`${what}: stopped after ${maxPages} pages (${tags.length} tags)`);
        break;
      }
      const res = await this.transport.send(ref, path, { method: "GET", headers: { Accept: "application/json" }, what });
      const body = await res.json().catch(() => void 0);
      if (body === void 0) throw new RegistryError(`${what}: the registry answered with something other than JSON`);
      if (Array.isArray(body.tags)) {
        for (const t of body.tags) if (typeof t === "string") tags.push(t);
      }
      path = nextPagePath(res.headers.get("link"), res.url || this.transport.url(ref, path));
    }
    return tags;
  }
};
function nextPagePath(link, currentUrl) {
  if (!link) return void 0;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m6 = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!m6) continue;
    const rels = /;\s*rel="?([^";]*)"?/i.exec(m6[2])?.[1]?.split(/\s+/) ?? [];
    if (!rels.includes("next")) continue;
    if (!URL.canParse(m6[1], currentUrl)) return void 0;
    const next = new URL(m6[1], currentUrl);
    return `${next.pathname}${next.search}`;
  }
  return void 0;
}
function sha256Of(bytes) {
  return `sha256:${process.getBuiltinModule("node:crypto").createHash("sha256").update(bytes).digest("hex")}`;
}
var cryptoLoading = false;
function loadCryptoSoon() {
  if (cryptoLoading) return;
  cryptoLoading = true;
  setImmediate(() => process.getBuiltinModule("node:crypto"));
}

// src/image/summary.ts
var ATTESTATION_TYPE = "attestation-manifest";
function platformDescriptors(index) {
  return index.manifests.filter((d) => {
    if (d.annotations?.["vnd.docker.reference.type"] === ATTESTATION_TYPE) return false;
    if (d.platform?.os === "unknown" && d.platform.architecture === "unknown") return false;
    if (d.mediaType !== "" && !isImageManifestMediaType(d.mediaType)) return false;
    return true;
  });
}
function summarizeRegistryImage(docs) {
  const platforms = [];
  if (docs.root.kind === "index") {
    for (const d of platformDescriptors(docs.root)) {
      const manifest = docs.manifests[d.digest];
      if (manifest === void 0) throw new Error(`Summary of ${docs.reference}: manifest ${d.digest} was not fetched`);
      platforms.push(platformImage(docs, d.digest, manifest, d.platform));
    }
  } else {
    platforms.push(platformImage(docs, docs.digest, docs.root, void 0));
  }
  return { reference: docs.reference, digest: docs.digest, source: "registry", sizeKind: "compressed", platforms };
}
function platformImage(docs, manifestDigest, manifest, indexPlatform) {
  const config = docs.configs[manifest.config.digest];
  if (config === void 0) throw new Error(`Summary of ${docs.reference}: config ${manifest.config.digest} was not fetched`);
  const diffIds = config.rootfs?.diff_ids ?? [];
  const layers = manifest.layers.map((l, i) => ({
    digest: l.digest,
    size: l.size,
    ...l.mediaType ? { mediaType: l.mediaType } : {},
    ...diffIds[i] !== void 0 ? { diffId: diffIds[i] } : {}
  }));
  const platform = platformString(indexPlatform ?? { os: config.os, architecture: config.architecture, ...config.variant ? { variant: config.variant } : {} });
  return {
    platform,
    manifestDigest,
    configDigest: manifest.config.digest,
    ...config.created ? { created: config.created } : {},
    layers,
    history: historyEntries(config),
    labels: { ...config.config?.Labels ?? {} },
    ...manifest.annotations && Object.keys(manifest.annotations).length > 0 ? { annotations: { ...manifest.annotations } } : {}
  };
}
function historyEntries(config) {
  return (config.history ?? []).map((h) => ({
    ...h.created ? { created: h.created } : {},
    ...h.created_by ? { createdBy: h.created_by } : {},
    ...h.comment ? { comment: h.comment } : {},
    emptyLayer: h.empty_layer === true
  }));
}

// src/registry/documents.ts
var ImageDocumentReader = class extends RegistryClient {
  rememberTags;
  /** `registry/repository@digest` -> the manifest or index. */
  manifests = /* @__PURE__ */ new Map();
  /** `registry/repository@digest` -> the config blob, parsed. */
  configs = /* @__PURE__ */ new Map();
  /** `registry/repository:tag` -> what the tag resolved to (rememberTags only). */
  tags = /* @__PURE__ */ new Map();
  constructor(source, options = {}) {
    super(source);
    this.rememberTags = options.rememberTags ?? false;
  }
  /** HEAD, unless the manifest (or, with rememberTags, the tag) has been read already. */
  async headDigest(refInput) {
    const ref = toReference(refInput);
    if (ref.digest !== void 0) {
      const known = this.manifests.get(documentKey(ref, ref.digest));
      return known ? digestOf2(await known) : super.headDigest(ref);
    }
    if (!this.rememberTags) return super.headDigest(ref);
    return remembered(this.tags, tagKey(ref), () => super.headDigest(ref));
  }
  async getManifest(refInput, digest) {
    const ref = toReference(refInput);
    const target = digest ?? ref.digest;
    if (target !== void 0) return this.manifestByDigest(ref, target);
    const key = tagKey(ref);
    const resolved = this.rememberTags ? this.tags.get(key) : void 0;
    if (resolved) return this.manifestByDigest(ref, (await resolved).digest);
    const read = super.getManifest(ref).then((result) => {
      const byDigest = documentKey(ref, result.digest);
      if (!this.manifests.has(byDigest)) this.manifests.set(byDigest, Promise.resolve(result));
      return result;
    });
    if (this.rememberTags) remembered(this.tags, key, () => read.then(digestOf2)).catch(() => void 0);
    return read;
  }
  getConfig(repo, digest) {
    const ref = toReference(repo);
    return remembered(this.configs, documentKey(ref, digest), () => super.getConfig(ref, digest));
  }
  manifestByDigest(ref, digest) {
    return remembered(this.manifests, documentKey(ref, digest), () => super.getManifest(ref, digest));
  }
};
function remembered(memo, key, fetch) {
  const known = memo.get(key);
  if (known) return known;
  const pending = fetch();
  memo.set(key, pending);
  pending.catch(() => {
    if (memo.get(key) === pending) memo.delete(key);
  });
  return pending;
}
function documentKey(ref, digest) {
  return `${ref.registry}/${ref.repository}@${digest}`;
}
function tagKey(ref) {
  return `${ref.registry}/${ref.repository}:${manifestReference(ref)}`;
}
function digestOf2(m6) {
  return { digest: m6.digest, mediaType: m6.mediaType, size: m6.size };
}
async function readImageDocuments(reader, refInput, options = {}) {
  const ref = toReference(refInput);
  const reference = options.displayName ?? (typeof refInput === "string" ? refInput : formatReference(ref));
  const root = await reader.getManifest(ref, options.digest);
  const docs = { reference, digest: root.digest, root: root.document, manifests: {}, configs: {} };
  const readConfig = async (manifest) => {
    docs.configs[manifest.config.digest] = await reader.getConfig(ref, manifest.config.digest);
  };
  if (root.document.kind === "manifest") {
    await readConfig(root.document);
    return docs;
  }
  const index = root.document;
  const platforms = platformDescriptors(index);
  const chosen = options.choose ? options.choose(platforms, index) : platforms.map((d) => d.digest);
  const digests = [...new Set(chosen.filter((d) => d !== void 0))];
  await Promise.all(
    digests.map(async (digest) => {
      const child = await reader.getManifest(ref, digest);
      if (child.document.kind !== "manifest") {
        throw options.nestedIndex?.(reference, digest) ?? new Error(`${reference}: index entry ${digest} is an index itself, not a platform image`);
      }
      docs.manifests[digest] = child.document;
      await readConfig(child.document);
    })
  );
  return docs;
}

// src/registry/for-run.ts
async function createRunRegistryClient(opts) {
  return new ImageDocumentReader(await runRegistryOptions(opts), { rememberTags: opts.rememberTags ?? false });
}
async function runRegistryOptions(opts) {
  let dockerConfig;
  const file = await readDockerConfigFile(opts.env, opts.env.HOME || homedir());
  if (file) {
    try {
      dockerConfig = parseDockerConfig(file.content, file.path);
      for (const note of dockerConfig.notes) opts.logger.debug(note);
    } catch (e) {
      opts.logger.warning(`Ignoring the docker config: ${e.message}`);
    }
  }
  let helpers;
  if (dockerConfig && (dockerConfig.credsStore || Object.keys(dockerConfig.credHelpers).length > 0)) {
    const read = await readHelperCredentials(opts.exec, dockerConfig);
    for (const note of read.notes) opts.logger.debug(note);
    helpers = read.credentials;
  }
  const input = opts.image && opts.username && opts.password ? { registry: parseReference(opts.image).registry, username: opts.username, password: opts.password } : void 0;
  return {
    fetch: httpFetch,
    credentials: createCredentialResolver({ input, dockerConfig, helpers }),
    timeoutMs: 3e4,
    logger: opts.logger
  };
}

// node-builtin:node:util
var m5 = /* @__PURE__ */ process.getBuiltinModule("node:util");
var parseArgs = /* @__PURE__ */ (() => m5.parseArgs)();

// src/image/labels.ts
var OCI_BASE_NAME = "org.opencontainers.image.base.name";
var OCI_BASE_DIGEST = "org.opencontainers.image.base.digest";
var OCI_CREATED = "org.opencontainers.image.created";
var LIFECYCLE_METADATA_LABEL = "io.buildpacks.lifecycle.metadata";
function recordedBase(annotations, labels) {
  const annotated = annotations?.[OCI_BASE_NAME]?.trim();
  if (annotated) {
    const digest = annotations?.[OCI_BASE_DIGEST]?.trim();
    return { name: annotated, ...digest ? { digest } : {}, from: "annotations" };
  }
  const labelled = labels?.[OCI_BASE_NAME]?.trim();
  if (labelled) {
    const digest = labels?.[OCI_BASE_DIGEST]?.trim();
    return { name: labelled, ...digest ? { digest } : {}, from: "labels" };
  }
  return void 0;
}
function createdFromAnnotations(annotations) {
  const stated = annotations?.[OCI_CREATED]?.trim();
  return stated && Number.isFinite(Date.parse(stated)) ? stated : void 0;
}
function runImageFromLabel(label2) {
  if (!label2) return {};
  let parsed;
  try {
    parsed = JSON.parse(label2);
  } catch {
    return {};
  }
  const runImage = parsed["runImage"] ?? {};
  const stack = parsed["stack"]?.["runImage"] ?? {};
  const s = (v) => typeof v === "string" && v !== "" ? v : void 0;
  return { image: s(runImage["image"]) ?? s(stack["image"]), reference: s(runImage["reference"]), topLayer: s(runImage["topLayer"]) };
}
function namedBase(annotations, labels) {
  const recorded = recordedBase(annotations, labels);
  if (recorded) return { kind: "recorded", ...recorded };
  const run = runImageFromLabel(labels?.[LIFECYCLE_METADATA_LABEL]);
  return run.image || run.reference || run.topLayer ? { kind: "run-image", run } : void 0;
}

// src/compare/attribution.ts
function originLabel(origin) {
  switch (origin.kind) {
    case "base":
      return `base image ${origin.reference}`;
    case "instruction":
      return origin.instruction;
    case "buildpack":
      return `${origin.buildpack} \u203A ${origin.layer}`;
    case "lifecycle":
      return `buildpacks ${origin.layer}`;
    case "unknown":
      return "unattributed layer";
  }
}
function cleanCreatedBy(createdBy) {
  let text = createdBy.trim();
  text = text.replace(/\s*#\s*buildkit\s*$/, "");
  const nop = /^\/bin\/sh -c #\(nop\)\s*/.exec(text);
  if (nop) return collapse(text.slice(nop[0].length));
  let prefix = "";
  const run = /^RUN\s+/.exec(text);
  if (run) {
    prefix = "RUN ";
    text = text.slice(run[0].length);
  }
  const args = /^\|(\d+)\s+/.exec(text);
  if (args) {
    text = text.slice(args[0].length);
    const shell = /(?:^|\s)(\/bin\/(?:ba)?sh -c |cmd \/S \/C )/.exec(text);
    text = shell ? text.slice(shell.index + shell[0].length - shell[1].length) : text.split(/\s+/).slice(Number(args[1])).join(" ");
    prefix = "RUN ";
  }
  const sh = /^\/bin\/(?:ba)?sh -c\s+/.exec(text);
  if (sh) {
    text = text.slice(sh[0].length);
    prefix = "RUN ";
  }
  return collapse(prefix + text);
}
function collapse(text) {
  return text.replace(/\s+/g, " ").trim();
}
function lifecycleMetadata(image) {
  const raw = image.labels[LIFECYCLE_METADATA_LABEL];
  if (!raw) return void 0;
  try {
    const parsed = JSON.parse(raw);
    return parsed && typeof parsed === "object" ? parsed : void 0;
  } catch {
    return void 0;
  }
}
function baseLayersFrom(use, image, base) {
  let count2 = 0;
  for (const baseLayer of base.layers) {
    const layer = image.layers[count2];
    if (!layer || !sameLayer(layer, baseLayer)) break;
    count2++;
  }
  return { reference: use.reference, layerCount: count2 };
}
function sameLayer(a, b) {
  if (a.diffId && b.diffId) return a.diffId === b.diffId;
  return a.digest === b.digest;
}
function attributeLayers(image, base) {
  const lifecycle = lifecycleMetadata(image);
  if (lifecycle) return attributeBuildpackLayers(image, lifecycle, base);
  const layered = image.history.filter((h) => !h.emptyLayer);
  const offset = layered.length - image.layers.length;
  const baseCount = Math.min(base?.layerCount ?? 0, image.layers.length);
  return image.layers.map((layer, index) => {
    if (base && index < baseCount) return { ...layer, index, origin: { kind: "base", reference: base.reference } };
    const entry = layered[index + offset];
    const createdBy = entry?.createdBy ? cleanCreatedBy(entry.createdBy) : "";
    const origin = createdBy ? { kind: "instruction", instruction: createdBy } : { kind: "unknown" };
    return { ...layer, index, origin };
  });
}
function attributeBuildpackLayers(image, meta, base) {
  const bySha = /* @__PURE__ */ new Map();
  for (const bp of meta.buildpacks ?? []) {
    const id = bp.key ?? "buildpack";
    const name = bp.version ? `${id}@${bp.version}` : id;
    for (const [layerName, layer] of Object.entries(bp.layers ?? {})) {
      if (layer?.sha) bySha.set(layer.sha, { kind: "buildpack", buildpack: name, layer: layerName });
    }
  }
  const apps = Array.isArray(meta.app) ? meta.app : meta.app ? [meta.app] : [];
  for (const app of apps) if (app.sha) bySha.set(app.sha, { kind: "lifecycle", layer: "app" });
  for (const key of ["config", "launcher", "process-types", "sbom", "extend"]) {
    const sha = meta[key]?.sha;
    if (sha) bySha.set(sha, { kind: "lifecycle", layer: key });
  }
  const runImageRef = base?.reference ?? meta.runImage?.image ?? meta.stack?.runImage?.image ?? "run image";
  let baseCount = base?.layerCount;
  if (baseCount === void 0 && meta.runImage?.topLayer) {
    const top = image.layers.findIndex((l) => (l.diffId ?? l.digest) === meta.runImage.topLayer);
    if (top >= 0) baseCount = top + 1;
  }
  return image.layers.map((layer, index) => {
    if (baseCount !== void 0 && index < baseCount) {
      return { ...layer, index, origin: { kind: "base", reference: runImageRef } };
    }
    const origin = bySha.get(layer.diffId ?? "") ?? bySha.get(layer.digest) ?? { kind: "unknown" };
    return { ...layer, index, origin };
  });
}

// src/compare/diff.ts
function compareImages(input) {
  const { current, baseline } = input;
  const currentSide = side(current);
  if (!baseline) {
    return {
      status: "no-baseline",
      reason: input.noBaselineReason ?? "no baseline image to compare with",
      current: currentSide,
      platforms: listOnly(current, input.currentBases)
    };
  }
  if (baseline.sizeKind !== current.sizeKind) {
    return {
      status: "incomparable",
      reason: `the baseline ${baseline.reference} has ${baseline.sizeKind} sizes (read from the ${baseline.source}) and this image has ${current.sizeKind} sizes (read from the ${current.source}); sizes of different kinds cannot be subtracted`,
      current: currentSide,
      baseline: side(baseline),
      platforms: listOnly(current, input.currentBases)
    };
  }
  const platforms = [];
  const baselineByKey = new Map(imagePlatforms(baseline).map((p) => [platformKey(p.platform), p]));
  for (const image of imagePlatforms(current)) {
    const key = platformKey(image.platform);
    const before = baselineByKey.get(key);
    baselineByKey.delete(key);
    const now = attributeLayers(image, baseFor(input.currentBases, image.platform));
    if (!before) {
      platforms.push({ ...onlyOneSide(image.platform, now, "added") });
      continue;
    }
    const then = attributeLayers(before, baseFor(input.baselineBases, before.platform));
    const currentSize = total(now);
    const baselineSize = total(then);
    platforms.push({
      platform: image.platform,
      presence: "both",
      baselineSize,
      currentSize,
      delta: currentSize - baselineSize,
      deltaPercent: percent(currentSize - baselineSize, baselineSize),
      changes: diffLayers(then, now)
    });
  }
  for (const before of baselineByKey.values()) {
    const then = attributeLayers(before, baseFor(input.baselineBases, before.platform));
    platforms.push(onlyOneSide(before.platform, then, "removed"));
  }
  return { status: "compared", current: currentSide, baseline: side(baseline), platforms };
}
function side(summary) {
  return { reference: summary.reference, digest: summary.digest, source: summary.source, sizeKind: summary.sizeKind };
}
function baseFor(bases, platform) {
  if (!bases) return void 0;
  for (const [key, value] of Object.entries(bases)) {
    if (key !== "*" && samePlatform(key, platform)) return value;
  }
  return bases["*"];
}
function listOnly(summary, bases) {
  return imagePlatforms(summary).map(
    (image) => onlyOneSide(image.platform, attributeLayers(image, baseFor(bases, image.platform)), "added")
  );
}
function onlyOneSide(platform, layers, presence) {
  const size = total(layers);
  const changes = aggregateBase(
    layers.map((l) => {
      const s = { index: l.index, digests: [l.digest], size: l.size };
      return presence === "added" ? { status: "added", origin: l.origin, current: s, delta: l.size } : { status: "removed", origin: l.origin, baseline: s, delta: -l.size };
    })
  );
  return presence === "added" ? { platform, presence, currentSize: size, changes } : { platform, presence, baselineSize: size, changes };
}
function total(layers) {
  return layers.reduce((sum, l) => sum + l.size, 0);
}
function percent(delta, of) {
  return of ? delta / of * 100 : void 0;
}
function pairingKey(origin) {
  return origin.kind === "base" ? "base" : `${origin.kind}:${originLabel(origin)}`;
}
function diffLayers(baseline, current) {
  const byDigest = /* @__PURE__ */ new Map();
  for (const layer of baseline) byDigest.set(layer.digest, [...byDigest.get(layer.digest) ?? [], layer]);
  const pairs = [];
  const used = /* @__PURE__ */ new Set();
  const unmatched = [];
  for (const after of current) {
    const before = byDigest.get(after.digest)?.shift();
    if (before) {
      used.add(before);
      pairs.push({ before, after });
    } else {
      unmatched.push(after);
    }
  }
  const leftByKey = /* @__PURE__ */ new Map();
  for (const before of baseline) {
    if (used.has(before)) continue;
    const key = pairingKey(before.origin);
    leftByKey.set(key, [...leftByKey.get(key) ?? [], before]);
  }
  for (const after of unmatched) {
    const before = leftByKey.get(pairingKey(after.origin))?.shift();
    if (before) used.add(before);
    pairs.push({ before, after });
  }
  for (const before of baseline) if (!used.has(before)) pairs.push({ before });
  const positionOfBaseline = /* @__PURE__ */ new Map();
  for (const p of pairs) if (p.before && p.after) positionOfBaseline.set(p.before.index, p.after.index);
  const position = (p) => {
    if (p.after) return p.after.index;
    for (let i = p.before.index - 1; i >= 0; i--) {
      const at = positionOfBaseline.get(i);
      if (at !== void 0) return at + 0.5;
    }
    return -0.5;
  };
  const ordered = pairs.map((p, order) => ({ p, at: position(p), order })).sort((a, b) => a.at - b.at || a.order - b.order).map(({ p }) => toChange(p.before, p.after));
  return aggregateBase(ordered);
}
function toChange(before, after) {
  const sideOf = (l) => ({ index: l.index, digests: [l.digest], size: l.size });
  if (before && after) {
    const delta = after.size - before.size;
    const status = before.digest === after.digest ? "unchanged" : "changed";
    const change = { status, origin: after.origin, baseline: sideOf(before), current: sideOf(after), delta };
    if (status === "changed") change.deltaPercent = percent(delta, before.size);
    if (originLabel(before.origin) !== originLabel(after.origin)) change.baselineOrigin = before.origin;
    return change;
  }
  if (after) return { status: "added", origin: after.origin, current: sideOf(after), delta: after.size };
  return { status: "removed", origin: before.origin, baseline: sideOf(before), delta: -before.size };
}
function aggregateBase(changes) {
  const isBase = (c) => c.origin.kind === "base" || c.baselineOrigin?.kind === "base";
  const base = changes.filter(isBase);
  if (base.length === 0) return changes;
  const merge = (sides) => {
    const present = sides.filter((s) => s !== void 0);
    if (present.length === 0) return void 0;
    return {
      index: Math.min(...present.map((s) => s.index)),
      digests: present.flatMap((s) => s.digests),
      size: present.reduce((sum, s) => sum + s.size, 0)
    };
  };
  const baseline = merge(base.map((c) => c.baseline));
  const current = merge(base.map((c) => c.current));
  const delta = (current?.size ?? 0) - (baseline?.size ?? 0);
  const status = base.every((c) => c.status === "unchanged") ? "unchanged" : baseline && current ? "changed" : current ? "added" : "removed";
  const currentOrigin = base.find((c) => c.current && c.origin.kind === "base")?.origin;
  const baselineOrigin = base.map((c) => c.baselineOrigin ?? (c.baseline ? c.origin : void 0)).find((o) => o?.kind === "base");
  const merged = { status, origin: currentOrigin ?? baselineOrigin ?? base[0].origin, delta };
  if (baseline) merged.baseline = baseline;
  if (current) merged.current = current;
  if (status === "changed") merged.deltaPercent = percent(delta, baseline?.size);
  if (currentOrigin && baselineOrigin && originLabel(currentOrigin) !== originLabel(baselineOrigin)) {
    merged.baselineOrigin = baselineOrigin;
  }
  const first = changes.indexOf(base[0]);
  const rest = changes.filter((c) => !isBase(c));
  rest.splice(first, 0, merged);
  return rest;
}

// src/compare/tag-flavour.ts
var TAG2 = /^(?<prefix>(?:.*?[^\d.])??)(?<version>\d+(?:\.\d+)*)(?<pre>(?:a|b|rc|alpha|beta|pre|preview|dev)\.?\d*|-(?:alpha|beta|rc|pre|preview|dev|snapshot|nightly|canary)(?:[.-]?\d+)*(?=$|[-_]))?(?<suffix>[-_+].*)?$/i;
function parseTag(tag) {
  const m6 = TAG2.exec(tag);
  if (!m6?.groups) return void 0;
  const { prefix = "", version = "", pre, suffix = "" } = m6.groups;
  if (prefix !== "" && !/(?:^v|[-_.])$/i.test(prefix)) return void 0;
  const parts = version.split(".");
  const parsed = {
    tag,
    prefix,
    numbers: parts.map(Number),
    widths: parts.map((p) => p.length),
    suffix
  };
  if (pre) parsed.prerelease = pre.replace(/^-/, "");
  if (/(?:^|[-_.])(?:alpha|beta|rc|pre|preview|dev|snapshot|nightly|canary)(?:$|[-_.\d])/i.test(suffix)) {
    parsed.prerelease = suffix.replace(/^[-_+]/, "");
  }
  return parsed;
}
function compareVersions(a, b) {
  const length = Math.max(a.numbers.length, b.numbers.length);
  for (let i = 0; i < length; i++) {
    const diff = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
function sameFlavour(a, b) {
  if (a.prefix !== b.prefix || a.suffix.toLowerCase() !== b.suffix.toLowerCase()) return false;
  if (a.numbers.length !== b.numbers.length) return false;
  const dateLike = (w) => w >= 6;
  return a.widths.every((w, i) => dateLike(w) === dateLike(b.widths[i]) && (!dateLike(w) || w === b.widths[i]));
}
function newerTags(current, allTags) {
  const base = parseTag(current);
  if (!base || base.prerelease !== void 0) return void 0;
  const candidates = allTags.map(parseTag).filter((t) => t !== void 0 && t.prerelease === void 0).filter((t) => sameFlavour(base, t) && compareVersions(t, base) > 0).sort((a, b) => compareVersions(b, a) || a.tag.localeCompare(b.tag));
  const unique = (tags) => [...new Set(tags.map((t) => t.tag))];
  return {
    // With one number there is no minor to move to: node:20 -> node:22 is a major.
    minor: unique(candidates.filter((t) => base.numbers.length > 1 && t.numbers[0] === base.numbers[0])),
    major: unique(candidates.filter((t) => base.numbers.length === 1 || t.numbers[0] !== base.numbers[0]))
  };
}

// src/compare/freshness.ts
function unresolvedFreshness(u) {
  return {
    use: { reference: "unresolved", stage: u.stage, runtime: u.runtime, line: u.line, ...u.file ? { file: u.file } : {} },
    verdict: "unresolved",
    findings: ["unresolved"],
    reasons: [`${u.reason}; set the build arg to have it checked`]
  };
}
var DAY_MS = 864e5;
var FIXED_DATE_BEFORE = Date.UTC(2e3, 0, 1);
function shortDigest(digest) {
  const [algorithm, hex = ""] = digest.split(":");
  return hex ? `${algorithm}:${hex.slice(0, 12)}` : digest;
}
function isStale(freshness) {
  return freshness.verdict === "tag-moved" || freshness.verdict === "newer-version" || freshness.verdict === "too-old";
}
function assessBases(facts, options) {
  return facts.map((f) => assessBase(f, options));
}
function assessBase(facts, options) {
  const { use } = facts;
  const tag = tagOf(use.reference);
  const pinned = digestOf(use.reference);
  const builtFrom = use.digest ?? pinned;
  const findings = [];
  const reasons = [];
  const result = { use, verdict: "unknown", findings, reasons };
  if (builtFrom) result.builtFrom = builtFrom;
  if (facts.currentDigest) result.currentDigest = facts.currentDigest;
  let checked = false;
  const tagRef = tag ? use.reference.split("@")[0] : void 0;
  if (tagRef && facts.currentDigest && builtFrom) {
    checked = true;
    const same = facts.currentDigest === builtFrom || (facts.currentPlatformDigests ?? []).includes(builtFrom);
    if (!same) {
      findings.push("tag-moved");
      const fix = pinned ? "update the pinned digest to pick it up" : "a rebuild without cache picks it up";
      reasons.push(
        `tag ${tagRef} now points to ${shortDigest(facts.currentDigest)} (built from ${shortDigest(builtFrom)}) \u2014 ${fix}`
      );
    }
  }
  if (tag && facts.tags) {
    const newer = newerTags(tag, facts.tags);
    if (newer) {
      checked = true;
      result.newer = newer;
      if (newer.minor.length > 0) {
        findings.push("newer-version");
        const also = newer.minor.length > 1 ? ` (also ${newer.minor.slice(1, 4).join(", ")}${newer.minor.length > 4 ? ", \u2026" : ""})` : "";
        reasons.push(`${newer.minor[0]} available${also}`);
      }
      if (newer.major.length > 0) reasons.push(`major version ${newer.major[0]} available`);
    }
  }
  if (facts.created) {
    const created = Date.parse(facts.created);
    if (Number.isFinite(created) && created >= FIXED_DATE_BEFORE) {
      checked = true;
      result.ageDays = Math.max(0, Math.floor((options.now.getTime() - created) / DAY_MS));
      if (options.maxBaseAge !== void 0 && result.ageDays > options.maxBaseAge) {
        findings.push("too-old");
        reasons.push(`base is ${result.ageDays} days old (max-base-age ${options.maxBaseAge})`);
      }
    } else if (Number.isFinite(created)) {
      reasons.push(`age unknown: the image records a fixed creation date (${facts.created.slice(0, 10)})`);
    }
  }
  if (facts.error) reasons.push(`could not check everything: ${facts.error}`);
  if (findings.length > 0) {
    result.verdict = findings[0];
  } else if (checked) {
    result.verdict = "fresh";
  } else if (!facts.error) {
    reasons.push(
      tag ? `nothing to compare: ${use.reference} has no recorded digest, no versioned tag and no creation date` : `${use.reference} is pinned by digest only; no tag to follow`
    );
  }
  return result;
}

// src/compare/gather.ts
async function gatherBaseFacts(registry, uses, options = {}) {
  const checkable = uses.filter((u) => u.reference !== "scratch");
  const byReference = /* @__PURE__ */ new Map();
  const limit = limiter(options.concurrency ?? 4);
  for (const use of checkable) {
    const key = `${use.reference} ${use.digest ?? ""}`;
    if (!byReference.has(key)) byReference.set(key, factsFor(registry, use, options, limit));
  }
  return Promise.all(checkable.map(async (use) => ({ use, ...await byReference.get(`${use.reference} ${use.digest ?? ""}`) })));
}
async function factsFor(registry, use, options, limit) {
  const errors = [];
  const attempt = async (what, fn) => {
    try {
      return await limit(fn);
    } catch (error) {
      errors.push(`${what}: ${redact2(error instanceof Error ? error.message : String(error))}`);
      return void 0;
    }
  };
  const tag = tagOf(use.reference);
  const tagRef = tag ? use.reference.split("@")[0] : void 0;
  const datedRef = use.digest ? `${repositoryOf(use.reference)}@${use.digest}` : use.reference;
  const [created, currentDigest, tags] = await Promise.all([
    registry.getImageCreated ? attempt(`reading when ${datedRef} was built`, () => registry.getImageCreated(datedRef, options.platform)) : void 0,
    tagRef ? attempt(`resolving ${tagRef}`, () => registry.headDigest(tagRef)) : void 0,
    tag && !options.skipTags ? attempt(`listing tags of ${repositoryOf(use.reference)}`, () => registry.listTags(repositoryOf(use.reference))) : void 0
  ]);
  let currentPlatformDigests;
  if (currentDigest && use.digest && currentDigest !== use.digest && registry.listPlatformDigests && tagRef) {
    currentPlatformDigests = await attempt(`reading the index of ${tagRef}`, () => registry.listPlatformDigests(`${repositoryOf(use.reference)}@${currentDigest}`));
  }
  const facts = {};
  if (currentDigest) facts.currentDigest = currentDigest;
  if (currentPlatformDigests) facts.currentPlatformDigests = currentPlatformDigests;
  if (tags) facts.tags = tags;
  if (created) facts.created = created;
  if (errors.length > 0) facts.error = errors.join("; ");
  return facts;
}
function redact2(message) {
  return message.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]");
}
function limiter(max) {
  let active = 0;
  const waiting = [];
  return async (fn) => {
    if (active >= max) await new Promise((resolve) => waiting.push(resolve));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

// src/image/remote.ts
async function readImageSummary(client, refInput, displayName) {
  return summarizeRegistryImage(await readImageDocuments(client, refInput, displayName !== void 0 ? { displayName } : {}));
}

// src/registry/base-image-registry.ts
function baseImageRegistry(client) {
  return {
    headDigest: async (reference) => (await client.headDigest(reference)).digest,
    listTags: (repository) => client.listTags(repository),
    async getImageCreated(reference, platform) {
      const root = await client.getManifest(reference);
      const wanted = root.document.kind === "index" ? await platform : void 0;
      const choose = (entries) => {
        const described = entries.filter((m6) => m6.platform);
        return (wanted ? findPlatform(described, wanted) : void 0) ?? described[0];
      };
      const stated = createdFromAnnotations(root.document.kind === "index" ? choose(platformDescriptors(root.document))?.annotations : root.document.annotations);
      if (stated) return stated;
      const docs = await readImageDocuments(client, reference, { digest: root.digest, choose: (entries) => [choose(entries)?.digest] });
      const manifest = docs.root.kind === "manifest" ? docs.root : Object.values(docs.manifests)[0];
      return manifest ? docs.configs[manifest.config.digest]?.created : void 0;
    },
    async listPlatformDigests(reference) {
      const root = await client.getManifest(reference);
      return root.document.kind === "index" ? platformDescriptors(root.document).map((m6) => m6.digest) : [];
    }
  };
}

// src/report/baseline.ts
function pickComparable(current, candidates) {
  return candidates.find((c) => c && c.sizeKind === current.sizeKind) ?? candidates.find((c) => c !== void 0);
}

// src/report/known-bases.ts
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
  return basesNamed(imagePlatforms(image)[0]);
}
function basesNamed(first) {
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
function knownBases(image, references) {
  return knownBasesNamed(imagePlatforms(image)[0], references);
}
function knownBasesFromAnnotations(annotations, references) {
  return recordedBase(annotations, void 0) ? knownBasesNamed({ annotations }, references) : void 0;
}
function knownBasesNamed(first, references) {
  if (references.length === 0) return basesNamed(first);
  const recorded = recordedBase(first?.annotations, first?.labels);
  const labelled = recorded?.name;
  const labelledDigest = recorded?.digest;
  const uses = references.map((reference, i) => {
    const runtime = i === references.length - 1;
    const use = { reference, stage: runtime ? "final" : `stage ${i}`, runtime };
    if (labelled && labelledDigest && !reference.includes("@") && sameRepositoryAndTag(reference, labelled)) use.digest = labelledDigest;
    return use;
  });
  return { uses, from: "--base" };
}
function baseEntryFor(entries, found) {
  return found ?? (entries.length === 1 ? entries[0] : void 0);
}
async function baseLayersByBlob(client, at, image, runtime) {
  const root = (await client.getManifest(at)).document;
  const described = root.kind === "index" ? platformDescriptors(root) : [];
  const found = await Promise.all(
    image.platforms.map(async (p) => {
      let manifest = root;
      if (root.kind === "index") {
        const entry = baseEntryFor(described, findPlatform(described, p.platform));
        if (!entry) return "none";
        manifest = (await client.getManifest(at, entry.digest)).document;
      }
      if (manifest.kind !== "manifest" || manifest.layers.length === 0) return void 0;
      const layers = baseLayersFrom(runtime, p, { layers: manifest.layers.map((l) => ({ digest: l.digest, size: l.size })) });
      return layers.layerCount === manifest.layers.length ? layers : void 0;
    })
  );
  if (found.includes(void 0)) return void 0;
  const byPlatform = { "*": { reference: runtime.reference } };
  image.platforms.forEach((p, i) => {
    const layers = found[i];
    if (layers && layers !== "none") byPlatform[p.platform] = layers;
  });
  return byPlatform;
}
async function basesFor(client, image, uses, logger) {
  const runtime = uses.find((u) => u.runtime);
  if (!runtime || image.source !== "registry") return runtime ? { "*": { reference: runtime.reference } } : void 0;
  try {
    const at = runtime.digest ? `${repositoryOf(runtime.reference)}@${runtime.digest}` : runtime.reference;
    const byBlobs = await baseLayersByBlob(client, at, image, runtime);
    if (byBlobs) return byBlobs;
    const base = await readImageSummary(client, at, runtime.reference);
    const byPlatform = { "*": { reference: runtime.reference } };
    for (const p of image.platforms) {
      const match = baseEntryFor(base.platforms, base.platforms.find((b) => samePlatform(b.platform, p.platform)));
      if (match) byPlatform[p.platform] = baseLayersFrom(runtime, p, match);
    }
    return byPlatform;
  } catch (e) {
    logger.debug(`Base image ${runtime.reference} not read for attribution: ${e.message}`);
    return { "*": { reference: runtime.reference } };
  }
}

// src/report/units.ts
var UNITS = ["B", "kB", "MB", "GB", "TB"];
function formatBytes(bytes) {
  const abs = Math.abs(bytes);
  if (abs < 1e3) return `${bytes} B`;
  let value = abs;
  let unit = 0;
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1e3;
    unit++;
  }
  const digits = value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2;
  return `${bytes < 0 ? "-" : ""}${value.toFixed(digits)} ${UNITS[unit]}`;
}
function formatDelta(bytes) {
  if (bytes === 0) return "\xB10 B";
  return bytes > 0 ? `+${formatBytes(bytes)}` : formatBytes(bytes);
}
function formatPercent(percent2) {
  if (percent2 === void 0 || !Number.isFinite(percent2)) return "";
  if (percent2 === 0) return "\xB10%";
  if (Math.abs(percent2) < 0.05) return percent2 > 0 ? "+<0.1%" : "-<0.1%";
  return `${percent2 > 0 ? "+" : ""}${percent2.toFixed(1)}%`;
}
function formatChange(bytes, percent2) {
  const p = formatPercent(percent2);
  return p ? `${formatDelta(bytes)} (${p})` : formatDelta(bytes);
}

// src/report/words.ts
var VERDICT_WORDS = {
  fresh: "up to date",
  "tag-moved": "tag moved",
  "newer-version": "newer version",
  "too-old": "too old",
  unknown: "unknown",
  unresolved: "unresolved"
};
function count(n, singular, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}
function listing(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
function imageName(reference) {
  try {
    return familiarReference(parseReference(reference));
  } catch {
    return reference;
  }
}

// src/report/report.ts
function buildReport(input) {
  const { comparison } = input;
  const first = comparison.platforms.find((p) => p.presence !== "removed");
  const headline = {
    platformCount: comparison.platforms.filter((p) => p.presence !== "removed").length,
    size: first?.currentSize ?? 0,
    sizeKind: comparison.current.sizeKind
  };
  if (first) headline.platform = first.platform;
  if (comparison.status === "compared" && first?.delta !== void 0) {
    headline.delta = first.delta;
    if (first.deltaPercent !== void 0) headline.deltaPercent = first.deltaPercent;
  }
  const report = {
    schemaVersion: 1,
    generatedAt: input.now.toISOString(),
    image: comparison.current,
    headline,
    comparison,
    freshness: input.freshness,
    staleBases: input.freshness.filter(isStale).map((f) => f.use.reference)
  };
  if (comparison.baseline) {
    report.baseline = input.baselineOrigin ? { ...comparison.baseline, origin: input.baselineOrigin } : comparison.baseline;
  }
  if (input.maxBaseAge !== void 0) report.maxBaseAge = input.maxBaseAge;
  if (input.failOnSizeIncrease) report.sizeCheck = checkSizeIncrease(comparison, input.failOnSizeIncrease);
  return report;
}
function describeThreshold(threshold) {
  return threshold.kind === "percent" ? `${threshold.value}%` : formatBytes(threshold.value);
}
function checkSizeIncrease(comparison, threshold) {
  const limit = describeThreshold(threshold);
  const skipped = (why) => ({ threshold, status: "not-checked", message: `fail-on-size-increase (${limit}) needs a comparable baseline: ${why}` });
  if (comparison.status !== "compared") return skipped(comparison.reason ?? "no baseline");
  const measure = (p) => threshold.kind === "percent" ? p.deltaPercent : p.delta;
  const both = comparison.platforms.filter((p) => p.presence === "both" && measure(p) !== void 0).sort((a, b) => measure(b) - measure(a));
  if (both.length === 0) return skipped("no platform is in both images");
  const growth = (p) => {
    const g = { platform: p.platform, delta: p.delta ?? 0 };
    if (p.deltaPercent !== void 0) g.deltaPercent = p.deltaPercent;
    return g;
  };
  const worst = growth(both[0]);
  const exceeded = both.filter((p) => measure(p) > threshold.value).map(growth);
  if (exceeded.length === 0) {
    return {
      threshold,
      status: "passed",
      worst,
      message: `the largest change, ${formatChange(worst.delta, worst.deltaPercent)} on ${worst.platform}, is within fail-on-size-increase (${limit})`
    };
  }
  const grew = exceeded.map((g, i) => `${g.platform}${i === 0 ? " grew by" : " by"} ${formatChange(g.delta, g.deltaPercent)}`);
  return { threshold, status: "failed", worst, exceeded, message: `${listing(grew)}, more than fail-on-size-increase (${limit}) allows` };
}

// src/report/assemble.ts
var ImageReadError = class extends Error {
  constructor(reference, attempts) {
    super(`cannot read image ${JSON.stringify(reference)}: ${attempts.join("; ")}`);
    this.reference = reference;
    this.name = "ImageReadError";
  }
  reference;
};
var oneLine = (text) => text.replace(/\s+/g, " ").trim();
var messageOf2 = (e) => oneLine(e instanceof Error ? e.message : String(e));
async function readImage(source, adapters) {
  const { reference } = source;
  const at = source.registry === void 0 ? reference : source.registry;
  const fromRegistry = async () => at === null ? void 0 : readImageSummary(adapters.client, at, reference);
  const fromEngine = () => readEngineImageSummary(adapters.engine, reference);
  const registryMiss = (e) => `its registry: ${messageOf2(e)}`;
  const engineMiss = (e) => `the local Docker engine: ${messageOf2(e)}`;
  if (source.engine === "alongside") {
    const [registry, engine] = await Promise.allSettled([fromRegistry(), fromEngine()]);
    if (registry.status === "rejected") throw new ImageReadError(reference, [registryMiss(registry.reason)]);
    const out = [registry.value, engine.status === "fulfilled" ? engine.value : void 0].filter((s) => s !== void 0);
    if (out.length === 0) throw new ImageReadError(reference, [engineMiss(engine.reason)]);
    return out.map((summary) => ({ summary }));
  }
  let registryError;
  try {
    const summary = await fromRegistry();
    if (summary) return [{ summary }];
  } catch (e) {
    registryError = messageOf2(e);
  }
  const missed = registryError === void 0 ? [] : [`its registry: ${registryError}`];
  if (source.engine === "never") throw new ImageReadError(reference, missed.length > 0 ? missed : ["not in a registry, and the local engine is not asked"]);
  try {
    return [{ summary: await fromEngine(), ...registryError === void 0 ? {} : { fallback: registryError } }];
  } catch (e) {
    throw new ImageReadError(reference, [...missed, engineMiss(e)]);
  }
}
async function chooseBaseline(request, reads, current) {
  const tried = [];
  let chosen;
  for (const [i, candidate] of request.baselines.entries()) {
    const read = reads[i];
    if (read.status === "rejected") {
      tried.push(messageOf2(read.reason));
      continue;
    }
    const summary = pickComparable(current, read.value.map((r) => r.summary));
    chosen = { read: read.value.find((r) => r.summary === summary), origin: candidate.origin };
    break;
  }
  if (request.snapshot && (!chosen || chosen.read.summary.sizeKind !== current.sizeKind)) {
    const snapshot = await request.snapshot();
    const summary = snapshot ? pickComparable(current, snapshot.summaries) : void 0;
    if (summary && (!chosen || summary.sizeKind === current.sizeKind)) {
      chosen = { read: { summary }, origin: "default-branch-snapshot", bases: snapshot.bases };
    } else if (!snapshot) {
      tried.push("no default-branch snapshot in the Actions cache");
    }
  }
  return { chosen, tried };
}
async function basesFromManifest(client, source, references) {
  if (source.registry === null) return void 0;
  const at = source.registry ?? source.reference;
  try {
    let manifest = (await client.getManifest(at)).document;
    if (manifest.kind === "index") {
      const first = platformDescriptors(manifest)[0];
      if (!first) return void 0;
      manifest = (await client.getManifest(at, first.digest)).document;
    }
    return manifest.kind === "manifest" ? knownBasesFromAnnotations(manifest.annotations, references)?.uses : void 0;
  } catch {
    return void 0;
  }
}
function sameUses(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
async function assembleReport(adapters, request) {
  const { client, logger } = adapters;
  const named = "uses" in request.bases ? Promise.resolve(request.bases.uses) : basesFromManifest(client, request.current, request.bases.references);
  const reads = Promise.all([readImage(request.current, adapters), Promise.allSettled(request.baselines.map((b) => readImage(b, adapters)))]);
  const platformOf = (image2) => request.platform ?? imagePlatforms(image2)[0]?.platform;
  const early = named.then(
    (uses) => uses ? {
      uses,
      facts: gatherBaseFacts(baseImageRegistry(client), uses, {
        platform: request.platform ?? reads.then(([current2]) => platformOf(current2[0].summary), () => void 0)
      })
    } : void 0
  );
  const [current, baselineReads] = await reads;
  const image = current[0].summary;
  const bases = "references" in request.bases ? knownBases(image, request.bases.references) : { uses: [...request.bases.uses] };
  const platform = platformOf(image);
  const started = await early;
  const facts = started && sameUses(started.uses, bases.uses) ? started.facts : gatherBaseFacts(baseImageRegistry(client), bases.uses, platform ? { platform } : {});
  const [currentBases, { chosen, tried }] = await Promise.all([basesFor(client, image, bases.uses, logger), chooseBaseline(request, baselineReads, image)]);
  let baselineBases = chosen?.bases ?? currentBases;
  if (chosen && !chosen.bases) {
    const own = basesFromLabels(chosen.read.summary);
    if (own.uses.length > 0) baselineBases = await basesFor(client, chosen.read.summary, own.uses, logger) ?? currentBases;
  }
  const compared = chosen ? pickComparable(chosen.read.summary, current.map((r) => r.summary)) ?? image : image;
  const baselineError = chosen ? void 0 : tried.join("; ") || void 0;
  const comparison = compareImages({
    current: compared,
    baseline: chosen?.read.summary,
    currentBases: compared === image ? currentBases : void 0,
    baselineBases,
    noBaselineReason: baselineError ?? request.noBaselineReason
  });
  const now = adapters.now();
  const unresolved = "unresolved" in request.bases ? request.bases.unresolved ?? [] : [];
  const freshness = [...assessBases(await facts, { now, maxBaseAge: request.maxBaseAge }), ...unresolved.map(unresolvedFreshness)];
  const report = buildReport({
    comparison,
    freshness,
    baselineOrigin: chosen?.origin,
    failOnSizeIncrease: request.failOnSizeIncrease,
    maxBaseAge: request.maxBaseAge,
    now
  });
  return {
    report,
    current,
    currentBases,
    ...chosen ? { baseline: chosen.read } : {},
    ...baselineError ? { baselineError } : {},
    bases
  };
}

// src/report/escape.ts
function oneLine2(text) {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
}
function plainText(text) {
  return oneLine2(text.replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, "").replace(/\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, ""));
}
function truncate(text, maxLength) {
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  return `${chars.slice(0, Math.max(0, maxLength - 1)).join("")}\u2026`;
}

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
var oneLine3 = (text) => text.replace(/\s+/g, " ").trim();
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
      for (const line of sources) if (line.note) logger.info(`note: ${oneLine3(line.text)}`);
    } else {
      deps.out.write(`${sources.map((l) => l.text).join("\n")}

${renderTerminal(result.report)}`);
    }
    return 0;
  } catch (e) {
    logger.error(oneLine3(e instanceof Error ? e.message : String(e)));
    return 1;
  }
}

// src/cli/report-main.ts
function reportMain(argv, out = process.stdout) {
  const exec = createExec();
  return runReportCommand(argv, {
    registry: (image) => createRunRegistryClient({ env: process.env, exec, logger: terminalLogger(), image, rememberTags: true }),
    engine: createDockerEngine({ env: process.env, exec }),
    out,
    err: process.stderr,
    now: () => /* @__PURE__ */ new Date()
  });
}
export {
  reportMain
};
