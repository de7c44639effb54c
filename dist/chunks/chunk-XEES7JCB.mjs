import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  createHash
} from "./chunk-IKMFQSA6.mjs";

// src/cache/keys.ts
var CACHE_KEY_FORMAT = "strata-v1";
var LOCKFILE_NAMES = /* @__PURE__ */ new Set([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "bun.lock",
  "go.sum",
  "go.mod",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
  "gradle.lockfile",
  "requirements.txt",
  "poetry.lock",
  "Pipfile.lock",
  "pyproject.toml",
  "uv.lock",
  "Gemfile.lock",
  "composer.lock",
  "Cargo.lock",
  "packages.lock.json"
]);
var LOCKFILE_PATTERNS = [/\.csproj$/, /\.fsproj$/, /\.vbproj$/];
var BUILDPACK_DESCRIPTORS = /* @__PURE__ */ new Set(["project.toml"]);
var DOCKERFILE_DESCRIPTORS = /* @__PURE__ */ new Set(["Dockerfile", "Containerfile", ".dockerignore"]);
var DOCKERFILE_PATTERNS = [/^Dockerfile\..+$/, /\.Dockerfile$/, /^Containerfile\..+$/];
function isCacheKeyFile(name, mode) {
  if (LOCKFILE_NAMES.has(name) || LOCKFILE_PATTERNS.some((p) => p.test(name))) return true;
  if (mode === "buildpack") return BUILDPACK_DESCRIPTORS.has(name);
  return DOCKERFILE_DESCRIPTORS.has(name) || DOCKERFILE_PATTERNS.some((p) => p.test(name));
}
function selectCacheKeyFiles(names, mode) {
  return names.filter((name) => isCacheKeyFile(name, mode)).sort();
}
function cacheKeyFor(input) {
  const platform = `${CACHE_KEY_FORMAT}-${slug(input.os, 16)}-${slug(input.arch, 16)}`;
  const modeRoot = `${platform}-${input.subject.mode}-`;
  const raw = modeIdentity(input.subject);
  const subjectPrefix = `${modeRoot}${identityPart(raw, slug(raw, 200))}-`;
  return {
    primary: `${subjectPrefix}${lockfilesHash(input.lockfiles)}`,
    restoreKeys: [subjectPrefix, modeRoot]
  };
}
function saveKeyFor(primaryKey, fingerprint) {
  return `${primaryKey}-${sha256(fingerprint).slice(0, 12)}`;
}
function classifyHit(primaryKey, matchedKey) {
  if (matchedKey === void 0 || matchedKey === "") return "miss";
  if (matchedKey === primaryKey || matchedKey.startsWith(`${primaryKey}-`)) return "exact";
  return "partial";
}
function identityPart(identity, readable) {
  return `${readable}@${sha256(identity).slice(0, 8)}`;
}
function slug(value, maxLength) {
  const cleaned = value.trim().replace(/[,\s\u0000-\u001f\u007f]+/g, "_");
  return (cleaned === "" ? "_" : cleaned).slice(0, maxLength);
}
function modeIdentity(subject) {
  if (subject.mode === "buildpack") return subject.builder;
  const platforms = [...subject.platforms].sort().join("+");
  return platforms === "" ? subject.image : `${subject.image}+${platforms}`;
}
function lockfilesHash(lockfiles) {
  const names = Object.keys(lockfiles).sort();
  if (names.length === 0) return "nolockfiles";
  const hash = createHash("sha256");
  for (const name of names) hash.update(`${name}\0${lockfiles[name]}\0`);
  return hash.digest("hex").slice(0, 16);
}
function sha256(value) {
  return createHash("sha256").update(value).digest("hex");
}

export {
  selectCacheKeyFiles,
  cacheKeyFor,
  saveKeyFor,
  classifyHit,
  identityPart,
  slug
};
