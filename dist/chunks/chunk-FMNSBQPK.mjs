import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  readFileSync
} from "./chunk-AFJQPEMD.mjs";
import {
  join
} from "./chunk-I2GFJFAX.mjs";

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
  let json;
  try {
    json = JSON.parse(content);
  } catch {
    throw new Error(`Docker config ${path} is not valid JSON`);
  }
  const result = { auths: /* @__PURE__ */ new Map(), credHelpers: {}, notes: [] };
  if (typeof json !== "object" || json === null) return result;
  const cfg = json;
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

export {
  ReferenceError,
  normalizeRegistry,
  parseReference,
  toReference,
  formatReference,
  familiarReference,
  manifestReference,
  apiHost,
  isLoopbackRegistry,
  repositoryOf,
  tagOf,
  digestOf,
  normalizeAuthKey,
  parseDockerConfig,
  lookupDockerCredentials,
  dockerConfigDir,
  readDockerConfigFile
};
