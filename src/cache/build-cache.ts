// The build cache of one run, from restore (main step) to save (post step): where it lives, its
// keys, and how each mode's cache is fingerprinted and prepared. The spec travels to the post step
// as JSON in the step state (no secrets in it).
import { rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ContextFiles, Exec, Logger } from '../adapters.js';
import { finalizeBuildkitLocalCache } from './buildkit-local.js';
import { buildkitCacheFingerprint, buildpackCacheFingerprint } from './fingerprint.js';
import { cacheKeyFor, selectCacheKeyFiles, slug, type CacheKeys, type CacheSubject } from './keys.js';
import { prepareCacheForSave, restoreOwnership } from './ownership.js';
import { restoreBuildCache, saveBuildCache, type RestoredBuildCache, type SavedBuildCache } from './persist.js';
import type { CacheStore } from './store.js';

export interface BuildCacheSpec {
  kind: 'buildkit-local' | 'buildpack';
  /**
   * The path as given to the Actions cache. It feeds the cache version, so it must be the same
   * string in every job: a `~/` path is, where RUNNER_TEMP-based absolute paths need not be.
   */
  path: string;
  /** The same directory, expanded, for the builder and the file system. */
  dir: string;
  keys: CacheKeys;
}

export interface CacheState {
  spec: BuildCacheSpec;
  restored: RestoredBuildCache;
}

/** Pure: where a subject's cache lives and what it is keyed by. */
export function buildCacheSpec(opts: {
  subject: CacheSubject;
  lockfiles: Record<string, string>;
  os: string;
  arch: string;
  home: string;
}): BuildCacheSpec {
  const keys = cacheKeyFor({ os: opts.os, arch: opts.arch, subject: opts.subject, lockfiles: opts.lockfiles });
  const kind = opts.subject.mode === 'buildpack' ? 'buildpack' : 'buildkit-local';
  // One directory per subject (builder, or image + platforms): the key minus its lockfile hash.
  const name = slug(keys.restoreKeys[0]!.replace(/-$/, '').replace(/[^a-zA-Z0-9._@+-]+/g, '_'), 200);
  const relative = `.cache/strata/${kind}/${name}`;
  return { kind, path: `~/${relative}`, dir: join(opts.home, relative), keys };
}

/** The lockfiles and descriptors in the context that feed the key, with their contents. */
export async function readCacheKeyFiles(files: ContextFiles, context: string, mode: CacheSubject['mode']): Promise<Record<string, string>> {
  const names = selectCacheKeyFiles(await files.list(context), mode);
  const entries = await Promise.all(names.map(async (n) => [n, (await files.read(join(context, n))) ?? ''] as const));
  return Object.fromEntries(entries);
}

export function runnerPlatform(env: Record<string, string | undefined>): { os: string; arch: string; home: string } {
  return {
    os: env.RUNNER_OS ?? process.platform,
    arch: env.RUNNER_ARCH ?? process.arch,
    home: env.HOME || homedir(),
  };
}

interface Deps {
  store: CacheStore;
  logger: Logger;
  exec: Exec;
}

function fingerprintOf(spec: BuildCacheSpec): () => Promise<string | undefined> {
  return () => (spec.kind === 'buildpack' ? buildpackCacheFingerprint(spec.dir) : buildkitCacheFingerprint(spec.dir));
}

export async function restoreForBuild(spec: BuildCacheSpec, deps: Deps): Promise<RestoredBuildCache> {
  return restoreBuildCache({
    store: deps.store,
    logger: deps.logger,
    paths: [spec.path],
    keys: spec.keys,
    fingerprint: fingerprintOf(spec),
    // Only the lifecycle's files belong to another user (the builder's); BuildKit's are ours.
    afterRestore: spec.kind === 'buildpack' ? () => restoreOwnership(spec.dir, deps) : undefined,
    discard: () => rm(spec.dir, { recursive: true, force: true }),
  });
}

/** Right after the build: BuildKit's fresh export replaces the old local cache (or is dropped on failure). */
export async function settleAfterBuild(spec: BuildCacheSpec, buildSucceeded: boolean): Promise<void> {
  if (spec.kind === 'buildkit-local') await finalizeBuildkitLocalCache(spec.dir, buildSucceeded);
}

export async function saveAfterBuild(state: CacheState, buildSucceeded: boolean, deps: Deps, cancelled = false): Promise<SavedBuildCache> {
  const { spec } = state;
  return saveBuildCache({
    store: deps.store,
    logger: deps.logger,
    paths: [spec.path],
    keys: spec.keys,
    buildSucceeded,
    cancelled,
    restored: state.restored,
    fingerprint: fingerprintOf(spec),
    beforeSave: spec.kind === 'buildpack' ? () => prepareCacheForSave(spec.dir, deps) : undefined,
  });
}
