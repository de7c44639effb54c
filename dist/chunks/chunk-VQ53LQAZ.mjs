import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  isAbsolute,
  relative,
  resolve,
  sep
} from "./chunk-I2GFJFAX.mjs";

// src/inputs-build.ts
var SECRET_ID = /^[A-Za-z0-9_.][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_.-]+)?$/;
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function secretInputError(input, line, accepted) {
  const e = new InputError(input, `line ${line}`, accepted);
  e.message = `Input "${input}" has an invalid entry on line ${line} (not shown: it may hold a secret): ${accepted}`;
  return e;
}
function secretLines(raw) {
  const lines = raw.split(/\r?\n/);
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    if (!line.startsWith('"')) {
      out.push(line);
      continue;
    }
    let text = line.slice(1);
    while (!/(^|[^"])("")*"$/.test(text) && i + 1 < lines.length) text += `
${lines[++i]}`;
    out.push(text.replace(/"$/, "").replace(/""/g, '"'));
  }
  return out;
}
function splitPairs(input, lines, what) {
  return lines.map((line, i) => {
    const eq = line.indexOf("=");
    const id = eq > 0 ? line.slice(0, eq).trim() : "";
    const rest = eq > 0 ? line.slice(eq + 1).trim() : "";
    if (!SECRET_ID.test(id) || rest === "") {
      throw secretInputError(input, i + 1, `each line must be id=${what}, with an id made of letters, digits and _ . - (and at most one /).`);
    }
    return [id, rest];
  });
}
function secretInputs(read) {
  const secrets = [];
  for (const [id, value] of splitPairs("secrets", secretLines(read("secrets")), "value")) secrets.push({ id, value });
  for (const [id, path] of splitPairs("secret-files", parseList(read("secret-files"), { commas: false }), "path")) {
    if (/[,"]/.test(path)) throw new InputError("secret-files", path, "the path must not contain a comma or a double quote.");
    secrets.push({ id, path });
  }
  for (const [id, env] of splitPairs("secret-envs", parseList(read("secret-envs"), { commas: false }), "ENV_NAME")) {
    if (!ENV_NAME.test(env)) throw new InputError("secret-envs", `${id}=${env}`, "each line must be id=ENV_NAME, naming an environment variable of the step.");
    secrets.push({ id, env });
  }
  const seen = /* @__PURE__ */ new Set();
  for (const s of secrets) {
    if (seen.has(s.id)) throw new InputError("secrets", s.id, "each secret id may be given once across secrets, secret-files and secret-envs.");
    seen.add(s.id);
  }
  return secrets;
}
function notAFlag(name, value) {
  if (value.startsWith("-")) throw new InputError(name, value, 'a value must not start with "-" (it would be read as a flag).');
  return value;
}
function entries(read, name, pattern, accepted, commas = false) {
  const list = parseList(read(name), { commas });
  for (const e of list) if (!pattern.test(notAFlag(name, e))) throw new InputError(name, e, accepted);
  return list;
}
function optionalMatching(read, name, pattern, accepted) {
  const raw = read(name).trim();
  if (raw === "") return void 0;
  if (!pattern.test(notAFlag(name, raw))) throw new InputError(name, raw, accepted);
  return raw;
}
function choice(read, name, allowed, fallback) {
  const raw = read(name).trim().toLowerCase();
  if (raw === "") return fallback;
  if (allowed.includes(raw)) return raw;
  throw new InputError(name, read(name).trim(), `use one of ${allowed.join(", ")}.`);
}
function flag(read, name) {
  const raw = read(name).trim();
  if (raw === "") return false;
  if (/^(true|yes|1)$/i.test(raw)) return true;
  if (/^(false|no|0)$/i.test(raw)) return false;
  throw new InputError(name, raw, "use true or false.");
}
var ATTEST_VALUE = /^(true|false|[a-z-]+=[^\s]+(,[a-z-]+=[^\s]+)*)$/i;
function parseBuildOptionInputs(read, ctx) {
  const cacheImage = optionalMatching(read, "cache-image", /^[^\s]+$/, "use an image reference such as ghcr.io/owner/app-cache.");
  if (cacheImage !== void 0 && !ctx.push) {
    throw new InputError("cache-image", cacheImage, "pack keeps a cache image only when it publishes to the registry: set push: true, or leave cache-image empty.");
  }
  return {
    secrets: secretInputs(read),
    ssh: entries(read, "ssh", /^[A-Za-z0-9_.][A-Za-z0-9_.-]*(=[^\s=]+)?$/, "each line must be default or id=path[,path] (an agent socket or key files)."),
    buildContexts: entries(read, "build-contexts", /^[^\s=]+=\S+$/, "each line must be name=value, such as alpine=docker-image://alpine@sha256:\u2026 or src=../src."),
    annotations: entries(read, "annotations", /^([a-z-]+(\[[^\]]+\])?(,[a-z-]+(\[[^\]]+\])?)*:)?[^\s=:]+(:[^\s=]+)*=.*$/, "each line must be key=value, optionally prefixed by a level: index:, manifest:, manifest-descriptor: or index-descriptor:."),
    provenance: optionalMatching(read, "provenance", ATTEST_VALUE, "use true, false, or buildx's form such as mode=max."),
    sbom: optionalMatching(read, "sbom", ATTEST_VALUE, "use true, false, or buildx's form such as generator=docker/buildkit-syft-scanner."),
    attests: entries(read, "attests", /^type=[a-z]+(,.+)?$/, "each line must start with type=, such as type=sbom or type=provenance,mode=max."),
    pull: flag(read, "pull"),
    network: optionalMatching(read, "network", /^[A-Za-z0-9_.:-]+$/, "use a network mode such as host, none or default."),
    addHosts: entries(read, "add-hosts", /^[^\s=:]+[=:]\S+$/, "each entry must be host:ip (or host=ip), such as docker:10.180.0.1.", true),
    shmSize: optionalMatching(read, "shm-size", /^\d+[bkmg]?$/i, "use a size such as 2g or 512m."),
    ulimits: entries(read, "ulimit", /^[a-z]+=-?\d+(:-?\d+)?$/, "each line must be type=soft[:hard], such as nofile=1024:1024."),
    noCacheFilters: entries(read, "no-cache-filters", /^[A-Za-z0-9_.-]+$/, "each entry must be a Dockerfile stage name.", true),
    allow: entries(read, "allow", /^(network\.host|security\.insecure|device(=.+)?)$/, "use network.host, security.insecure or device[=name].", true),
    outputs: entries(read, "outputs", /^(type=[a-z]+(,.*)?|[^\s,=]+)$/, "each line must be a buildx output such as type=local,dest=out or type=oci,dest=image.tar."),
    call: choice(read, "call", ["build", "check"], "build"),
    checkFailsOn: choice(read, "check-fails-on", ["error", "warning"], "error"),
    tagLatest: choice(read, "tag-latest", ["auto", "true", "false"], "auto"),
    buildpacks: entries(read, "buildpacks", /^\S+$/, "each entry must be a buildpack id (paketo-buildpacks/nodejs), id@version, or a URI (docker://\u2026, urn:cnb:\u2026, a path).", true),
    buildpackEnvFile: optional(read, "buildpack-env-file"),
    volumes: entries(read, "volumes", /^[^\s:]+:\/[^\s:]*(:(ro|rw))?$/, "each line must be host-path:/container-path[:ro|rw] (read-only unless :rw)."),
    defaultProcess: optionalMatching(read, "default-process", /^[A-Za-z0-9_.-]+$/, "use a process type such as web or worker."),
    creationTime: optionalMatching(read, "creation-time", /^(now|\d+)$/, "use now or a Unix time in seconds, such as 1700000000 (default: the commit's time)."),
    sbomOutputDir: optional(read, "sbom-output-dir"),
    cacheImage
  };
}
function optional(read, name) {
  const raw = read(name).trim();
  return raw === "" ? void 0 : notAFlag(name, raw);
}
function inputsIgnoredBy(mode, i) {
  const dockerfileOnly = [
    ["ssh", i.ssh.length > 0],
    ["build-contexts", i.buildContexts.length > 0],
    ["annotations", i.annotations.length > 0],
    ["provenance", i.provenance !== void 0],
    ["sbom", i.sbom !== void 0],
    ["attests", i.attests.length > 0],
    ["add-hosts", i.addHosts.length > 0],
    ["shm-size", i.shmSize !== void 0],
    ["ulimit", i.ulimits.length > 0],
    ["no-cache-filters", i.noCacheFilters.length > 0],
    ["allow", i.allow.length > 0],
    ["outputs", i.outputs.length > 0]
  ];
  const buildpackOnly = [
    ["buildpacks", i.buildpacks.length > 0],
    ["buildpack-env-file", i.buildpackEnvFile !== void 0],
    ["volumes", i.volumes.length > 0],
    ["default-process", i.defaultProcess !== void 0],
    ["creation-time", i.creationTime !== void 0],
    ["sbom-output-dir", i.sbomOutputDir !== void 0],
    ["cache-image", i.cacheImage !== void 0]
  ];
  return (mode === "dockerfile" ? buildpackOnly : dockerfileOnly).filter(([, set]) => set).map(([name]) => name);
}
function secretValues(secrets, env) {
  const values = [];
  for (const s of secrets) {
    const value = "value" in s ? s.value : "env" in s ? env[s.env] : void 0;
    if (!value) continue;
    values.push(value);
    for (const line of value.split(/\r?\n/)) if (line.trim().length > 0 && line !== value) values.push(line);
  }
  return values;
}
function redactSecrets(text, values) {
  return [...values].sort((a, b) => b.length - a.length).reduce((t, v) => v ? t.split(v).join("***") : t, text);
}

// src/inputs.ts
var InputError = class extends Error {
  constructor(input, value, accepted, { secret = false } = {}) {
    const quoted = secret ? "(value hidden: the input is a secret)" : JSON.stringify(value);
    super(`Input "${input}" has an invalid value ${quoted}: ${accepted}`);
    this.input = input;
    this.value = value;
    this.accepted = accepted;
    this.name = "InputError";
  }
  input;
  value;
  accepted;
};
var MULTI_LINE_INPUTS = /* @__PURE__ */ new Set([
  "tags",
  "platforms",
  "build-args",
  "labels",
  "cache-from",
  "cache-to",
  "buildpack-env",
  "registry-password",
  // build-push-action's and pack's list inputs (src/inputs-build.ts)
  "secrets",
  "secret-files",
  "secret-envs",
  "ssh",
  "build-contexts",
  "annotations",
  "attests",
  "add-hosts",
  "ulimit",
  "no-cache-filters",
  "allow",
  "outputs",
  "buildpacks",
  "volumes"
]);
var SECRET_INPUTS = ["github-token", "registry-password", "secrets"];
var ARGV_INPUTS = ["context", "file", "target", "buildx-builder", "buildpack-builder", "run-image", "descriptor", "compare-to"];
function guardedReader(read) {
  return (name) => {
    const raw = read(name);
    const secret = SECRET_INPUTS.includes(name);
    const bad = MULTI_LINE_INPUTS.has(name) ? /[\x00-\x08\x0b-\x1f\x7f]/ : /[\x00-\x08\x0a-\x1f\x7f]/;
    const m = bad.exec(raw);
    if (m) {
      const what = m[0] === "\r" ? "a carriage return (CR)" : m[0] === "\n" ? "a line break" : "a control character";
      const where = MULTI_LINE_INPUTS.has(name) ? "Put one entry per line, without CR (save the workflow with LF line endings)." : "It takes a single line: remove line breaks and control characters.";
      throw new InputError(name, raw, `it contains ${what}. ${where}`, { secret });
    }
    if (ARGV_INPUTS.includes(name) && raw.trim().startsWith("-")) {
      throw new InputError(name, raw.trim(), 'it must not start with "-" (it would be read as a command-line flag).');
    }
    return raw;
  };
}
function leavesRoot(rel) {
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}
function insideWorkspace(name, path, workspace) {
  if (workspace === void 0) return path;
  const rel = relative(resolve(workspace), resolve(workspace, path));
  if (!leavesRoot(rel)) return path;
  throw new InputError(name, path, "use a path inside the workspace (relative to the repository root, without ../ leading out of it).");
}
function parseList(raw, { commas = true } = {}) {
  const parts = commas ? raw.split(/[\n,]/) : raw.split("\n");
  return parts.map((s) => s.trim()).filter((s) => s.length > 0 && !s.startsWith("#"));
}
var TRUE = ["true", "True", "TRUE", "yes", "1"];
var FALSE = ["false", "False", "FALSE", "no", "0"];
function bool(read, name, fallback) {
  const raw = read(name).trim();
  if (raw === "") return fallback;
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw new InputError(name, raw, "use true or false.");
}
function oneOf(read, name, allowed, fallback) {
  const raw = read(name).trim();
  if (raw === "") return fallback;
  const lower = raw.toLowerCase();
  if (allowed.includes(lower)) return lower;
  throw new InputError(name, raw, `use one of ${allowed.join(", ")}.`);
}
function optional2(read, name) {
  const raw = read(name).trim();
  return raw === "" ? void 0 : raw;
}
function keyValues(read, name) {
  const entries2 = listOf(read, name, { commas: false });
  for (const entry of entries2) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*=/.test(entry)) {
      throw new InputError(name, entry, "each line must be KEY=VALUE, with a key made of letters, digits and _ . -");
    }
  }
  return entries2;
}
var REPOSITORY = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
function listOf(read, name, options) {
  const entries2 = parseList(read(name), options);
  const flag2 = entries2.find((e) => e.startsWith("-"));
  if (flag2 !== void 0) throw new InputError(name, flag2, 'an entry must not start with "-" (it would be read as a command-line flag).');
  return entries2;
}
var PLATFORM_OS = ["linux", "windows", "darwin", "freebsd", "netbsd", "openbsd", "dragonfly", "solaris", "illumos", "aix", "android", "ios", "plan9", "js", "wasip1"];
var PLATFORM_ARCH = [
  "amd64",
  "arm64",
  "arm",
  "386",
  "ppc64le",
  "ppc64",
  "s390x",
  "riscv64",
  "loong64",
  "mips",
  "mipsle",
  "mips64",
  "mips64le",
  "wasm",
  "x86_64",
  "x86-64",
  "aarch64",
  "armhf",
  "armel",
  "i386",
  "i686"
];
var PLATFORM_FORM = `os/arch[/variant], such as linux/amd64, linux/arm64 or linux/arm/v7 (os: ${PLATFORM_OS.slice(0, 3).join(", ")}, ...; arch: ${PLATFORM_ARCH.slice(0, 8).join(", ")}, ...)`;
function platformOk(p) {
  if (p === "local") return true;
  const [os, arch, variant, ...rest] = p.split("/");
  if (rest.length > 0 || !os || !arch) return false;
  if (!PLATFORM_OS.includes(os) || !PLATFORM_ARCH.includes(arch)) return false;
  return variant === void 0 || /^v[0-9]+(?:\.[0-9]+)?$/.test(variant);
}
function sizeThreshold(read, name) {
  const raw = read(name).trim();
  if (raw === "") return void 0;
  const m = /^(\d+(?:\.\d+)?)\s*(%|b|kb|mb|gb|kib|mib|gib)?$/i.exec(raw);
  if (!m) {
    throw new InputError(name, raw, "use a size such as 5MB, 500kB or 1048576 (bytes), or a percentage such as 10%.");
  }
  const value = Number(m[1]);
  const unit = (m[2] ?? "b").toLowerCase();
  if (unit === "%") return { kind: "percent", value };
  const factor = {
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3
  };
  return { kind: "bytes", value: Math.round(value * factor[unit]) };
}
function parseInputs(rawRead, github, options = {}) {
  const read = guardedReader(rawRead);
  const path = (name) => {
    const value = optional2(read, name);
    return value === void 0 ? void 0 : insideWorkspace(name, value, options.workspace);
  };
  const defaultImage = `${registryHostFor(github.serverUrl)}/${github.repository}`.toLowerCase();
  const imageRaw = optional2(read, "image");
  const image = (imageRaw ?? defaultImage).replace(/\/+$/, "");
  if (imageRaw !== void 0 && !REPOSITORY.test(image)) {
    throw new InputError(
      "image",
      imageRaw,
      'use a lowercase repository reference without a tag, such as ghcr.io/owner/app or 127.0.0.1:5000/app (tags go in "tags").'
    );
  }
  if (imageRaw === void 0 && !github.repository) {
    throw new InputError("image", "", 'set "image" (no GITHUB_REPOSITORY to default to ghcr.io/OWNER/REPO).');
  }
  const platforms = listOf(read, "platforms");
  for (const p of platforms) {
    if (!platformOk(p)) throw new InputError("platforms", p, `not a platform BuildKit knows: use ${PLATFORM_FORM}.`);
  }
  const maxBaseAgeRaw = optional2(read, "max-base-age");
  let maxBaseAge;
  if (maxBaseAgeRaw !== void 0) {
    maxBaseAge = /^[0-9]{1,6}$/.test(maxBaseAgeRaw) ? Number(maxBaseAgeRaw) : NaN;
    if (!Number.isInteger(maxBaseAge) || maxBaseAge <= 0) {
      throw new InputError("max-base-age", maxBaseAgeRaw, "use a whole number of days greater than 0, such as 90.");
    }
  }
  const packVersion = optional2(read, "pack-version")?.replace(/^v/, "");
  if (packVersion !== void 0 && !/^\d+\.\d+\.\d+$/.test(packVersion)) {
    throw new InputError("pack-version", read("pack-version").trim(), "use a pack release version such as 0.40.6.");
  }
  const push = bool(read, "push", false);
  const load = bool(read, "load", false);
  const registryUsername = optional2(read, "registry-username");
  const registryPassword = optional2(read, "registry-password");
  if (registryUsername === void 0 !== (registryPassword === void 0)) {
    const missing = registryUsername === void 0 ? "registry-username" : "registry-password";
    throw new InputError(missing, "", "set both registry-username and registry-password, or neither.");
  }
  return {
    mode: oneOf(read, "mode", ["auto", "dockerfile", "buildpack"], "auto"),
    context: path("context") ?? ".",
    file: path("file"),
    image,
    tags: listOf(read, "tags"),
    push,
    load,
    platforms,
    target: optional2(read, "target"),
    buildArgs: keyValues(read, "build-args"),
    labels: keyValues(read, "labels"),
    cacheFrom: listOf(read, "cache-from", { commas: false }),
    cacheTo: listOf(read, "cache-to", { commas: false }),
    noCache: bool(read, "no-cache", false),
    buildxBuilder: optional2(read, "buildx-builder"),
    githubToken: read("github-token").trim(),
    buildpackBuilder: optional2(read, "buildpack-builder"),
    runImage: optional2(read, "run-image"),
    buildpackEnv: keyValues(read, "buildpack-env"),
    packVersion,
    descriptor: path("descriptor"),
    cache: bool(read, "cache", true),
    cacheBackend: oneOf(read, "cache-backend", ["auto", "gha", "actions"], "auto"),
    rebase: bool(read, "rebase", false),
    comment: oneOf(read, "comment", ["auto", "always", "never"], "auto"),
    commentKey: optional2(read, "comment-key"),
    commentAuthor: githubLogin(read, "comment-author"),
    compareTo: optional2(read, "compare-to"),
    failOnSizeIncrease: sizeThreshold(read, "fail-on-size-increase"),
    maxBaseAge,
    registryUsername,
    registryPassword,
    ...parseBuildOptionInputs(read, { push })
  };
}
function githubLogin(read, name) {
  const raw = optional2(read, name);
  if (raw === void 0 || /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/.test(raw)) return raw;
  throw new InputError(name, raw, "use the GitHub login the comments are posted as, such as my-app[bot] for a GitHub App's installation token.");
}
function registryHostFor(serverUrl) {
  let host = "github.com";
  try {
    host = new URL(serverUrl).host;
  } catch {
  }
  return host === "github.com" ? "ghcr.io" : `containers.${host}`;
}

export {
  inputsIgnoredBy,
  secretValues,
  redactSecrets,
  InputError,
  SECRET_INPUTS,
  leavesRoot,
  parseList,
  parseInputs
};
