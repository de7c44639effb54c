import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  normalizeRegistry
} from "./chunk-QVEN3ZVZ.mjs";

// src/registry/docker-config.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
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
    return { path, content: await readFile(path, "utf8") };
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw new Error(`Cannot read docker config ${path}: ${e.message}`, { cause: e });
  }
}

export {
  normalizeAuthKey,
  parseDockerConfig,
  lookupDockerCredentials,
  dockerConfigDir,
  readDockerConfigFile
};
