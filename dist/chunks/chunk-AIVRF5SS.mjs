import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// src/inputs.ts
import { isAbsolute, relative, resolve, sep } from "node:path";
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
var MULTI_LINE_INPUTS = /* @__PURE__ */ new Set(["tags", "platforms", "build-args", "labels", "cache-from", "cache-to", "buildpack-env", "registry-password"]);
var SECRET_INPUTS = ["github-token", "registry-password"];
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
function optional(read, name) {
  const raw = read(name).trim();
  return raw === "" ? void 0 : raw;
}
function keyValues(read, name) {
  const entries = listOf(read, name, { commas: false });
  for (const entry of entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*=/.test(entry)) {
      throw new InputError(name, entry, "each line must be KEY=VALUE, with a key made of letters, digits and _ . -");
    }
  }
  return entries;
}
var REPOSITORY = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
function listOf(read, name, options) {
  const entries = parseList(read(name), options);
  const flag = entries.find((e) => e.startsWith("-"));
  if (flag !== void 0) throw new InputError(name, flag, 'an entry must not start with "-" (it would be read as a command-line flag).');
  return entries;
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
    const value = optional(read, name);
    return value === void 0 ? void 0 : insideWorkspace(name, value, options.workspace);
  };
  const defaultImage = `${registryHostFor(github.serverUrl)}/${github.repository}`.toLowerCase();
  const imageRaw = optional(read, "image");
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
  const maxBaseAgeRaw = optional(read, "max-base-age");
  let maxBaseAge;
  if (maxBaseAgeRaw !== void 0) {
    maxBaseAge = /^[0-9]{1,6}$/.test(maxBaseAgeRaw) ? Number(maxBaseAgeRaw) : NaN;
    if (!Number.isInteger(maxBaseAge) || maxBaseAge <= 0) {
      throw new InputError("max-base-age", maxBaseAgeRaw, "use a whole number of days greater than 0, such as 90.");
    }
  }
  const packVersion = optional(read, "pack-version")?.replace(/^v/, "");
  if (packVersion !== void 0 && !/^\d+\.\d+\.\d+$/.test(packVersion)) {
    throw new InputError("pack-version", read("pack-version").trim(), "use a pack release version such as 0.40.6.");
  }
  const push = bool(read, "push", false);
  const load = bool(read, "load", false);
  const registryUsername = optional(read, "registry-username");
  const registryPassword = optional(read, "registry-password");
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
    target: optional(read, "target"),
    buildArgs: keyValues(read, "build-args"),
    labels: keyValues(read, "labels"),
    cacheFrom: listOf(read, "cache-from", { commas: false }),
    cacheTo: listOf(read, "cache-to", { commas: false }),
    noCache: bool(read, "no-cache", false),
    buildxBuilder: optional(read, "buildx-builder"),
    githubToken: read("github-token").trim(),
    buildpackBuilder: optional(read, "buildpack-builder"),
    runImage: optional(read, "run-image"),
    buildpackEnv: keyValues(read, "buildpack-env"),
    packVersion,
    descriptor: path("descriptor"),
    cache: bool(read, "cache", true),
    cacheBackend: oneOf(read, "cache-backend", ["auto", "gha", "actions"], "auto"),
    rebase: bool(read, "rebase", false),
    comment: oneOf(read, "comment", ["auto", "always", "never"], "auto"),
    commentKey: optional(read, "comment-key"),
    compareTo: optional(read, "compare-to"),
    failOnSizeIncrease: sizeThreshold(read, "fail-on-size-increase"),
    maxBaseAge,
    registryUsername,
    registryPassword
  };
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
  InputError,
  leavesRoot,
  parseInputs
};
