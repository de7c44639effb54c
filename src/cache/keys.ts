// Cache keys for the build caches. Pure: the caller reads the files and hands in their contents.
import { createHash } from 'node:crypto';

/** Bumped when the layout of what we save changes, so old entries stop matching. */
export const CACHE_KEY_FORMAT = 'strata-v1';

/** GitHub rejects keys longer than this. */
export const MAX_KEY_LENGTH = 512;

export type CacheHit = 'exact' | 'partial' | 'miss';

export type CacheSubject =
  | { mode: 'buildpack'; builder: string }
  | { mode: 'dockerfile'; image: string; platforms: readonly string[] };

export interface CacheKeyInput {
  os: string;
  arch: string;
  subject: CacheSubject;
  /** Lockfile / descriptor name (or path relative to the context) -> content. */
  lockfiles: Readonly<Record<string, string>>;
}

export interface CacheKeys {
  primary: string;
  /** Most to least specific; each is a prefix the service matches newest-first. */
  restoreKeys: string[];
}

const LOCKFILE_NAMES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'bun.lock',
  'go.sum',
  'go.mod',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'gradle.lockfile',
  'requirements.txt',
  'poetry.lock',
  'Pipfile.lock',
  'pyproject.toml',
  'uv.lock',
  'Gemfile.lock',
  'composer.lock',
  'Cargo.lock',
  'packages.lock.json',
]);
const LOCKFILE_PATTERNS = [/\.csproj$/, /\.fsproj$/, /\.vbproj$/];
const BUILDPACK_DESCRIPTORS = new Set(['project.toml']);
const DOCKERFILE_DESCRIPTORS = new Set(['Dockerfile', 'Containerfile', '.dockerignore']);
const DOCKERFILE_PATTERNS = [/^Dockerfile\..+$/, /\.Dockerfile$/, /^Containerfile\..+$/];

/** Whether a file (by base name) feeds the cache key in this mode. */
export function isCacheKeyFile(name: string, mode: CacheSubject['mode']): boolean {
  if (LOCKFILE_NAMES.has(name) || LOCKFILE_PATTERNS.some((p) => p.test(name))) return true;
  if (mode === 'buildpack') return BUILDPACK_DESCRIPTORS.has(name);
  return DOCKERFILE_DESCRIPTORS.has(name) || DOCKERFILE_PATTERNS.some((p) => p.test(name));
}

/** The entries of a directory listing that feed the cache key, sorted for a stable hash. */
export function selectCacheKeyFiles(names: readonly string[], mode: CacheSubject['mode']): string[] {
  return names.filter((name) => isCacheKeyFile(name, mode)).sort();
}

export function cacheKeyFor(input: CacheKeyInput): CacheKeys {
  const platform = `${CACHE_KEY_FORMAT}-${slug(input.os, 16)}-${slug(input.arch, 16)}`;
  const modeRoot = `${platform}-${input.subject.mode}-`;
  const raw = modeIdentity(input.subject);
  // The readable part is cut to fit; the short hash of the whole identity keeps two builders
  // whose names share a prefix (builder vs builder-jammy) from prefix-matching each other.
  const subjectPrefix = `${modeRoot}${identityPart(raw, slug(raw, 200))}-`;
  return {
    primary: `${subjectPrefix}${lockfilesHash(input.lockfiles)}`,
    restoreKeys: [subjectPrefix, modeRoot],
  };
}

/**
 * The key a cache is saved under: the primary key plus a hash of the cache's content fingerprint.
 * Entries are immutable, so a cache that changed under the same lockfiles (new buildpack
 * version, new base image) could never be saved under the bare primary key again; the restore
 * still finds it, because the service prefix-matches the primary key (newest first).
 */
export function saveKeyFor(primaryKey: string, fingerprint: string): string {
  return `${primaryKey}-${sha256(fingerprint).slice(0, 12)}`;
}

/**
 * exact: an entry made for these same inputs (the primary key, or a saveKeyFor() of it);
 * partial: found through a restore key; miss: nothing restored.
 */
export function classifyHit(primaryKey: string, matchedKey: string | undefined): CacheHit {
  if (matchedKey === undefined || matchedKey === '') return 'miss';
  if (matchedKey === primaryKey || matchedKey.startsWith(`${primaryKey}-`)) return 'exact';
  return 'partial';
}

/**
 * `<readable>@<8 hex of identity>`: the readable part may be cut or folded to fit a key, so the
 * short hash of the whole identity keeps two subjects whose names share a prefix (builder vs
 * builder-jammy, app vs app-worker) from prefix-matching each other in the cache service.
 */
export function identityPart(identity: string, readable: string): string {
  return `${readable}@${sha256(identity).slice(0, 8)}`;
}

/** Makes a value safe inside a key: GitHub forbids commas; whitespace and control chars just hurt. */
export function slug(value: string, maxLength: number): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = value.trim().replace(/[,\s\u0000-\u001f\u007f]+/g, '_');
  return (cleaned === '' ? '_' : cleaned).slice(0, maxLength);
}

function modeIdentity(subject: CacheSubject): string {
  if (subject.mode === 'buildpack') return subject.builder;
  const platforms = [...subject.platforms].sort().join('+');
  return platforms === '' ? subject.image : `${subject.image}+${platforms}`;
}

function lockfilesHash(lockfiles: Readonly<Record<string, string>>): string {
  const names = Object.keys(lockfiles).sort();
  if (names.length === 0) return 'nolockfiles';
  const hash = createHash('sha256');
  for (const name of names) hash.update(`${name}\0${lockfiles[name]}\0`);
  return hash.digest('hex').slice(0, 16);
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
