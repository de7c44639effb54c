// Restore before the build and save after it, the same way for both modes. The cache only ever
// speeds a build up: a failing or hanging service costs a warning, never the build, and a cache is
// saved only after a successful build and only when it changed.
import type { Logger } from '../adapters.js';
import { CacheEntryExistsError } from './actions-cache.js';
import { classifyHit, saveKeyFor, type CacheHit, type CacheKeys } from './keys.js';
import { decideCacheSave, describeSkip } from './skip-save.js';
import type { CacheStore } from './store.js';

export interface RestoreBuildCacheArgs {
  store: CacheStore;
  logger: Logger;
  paths: string[];
  keys: CacheKeys;
  /** Fingerprint of the restored cache (fingerprint.ts), taken before afterRestore changes owners. */
  fingerprint: () => Promise<string | undefined>;
  /** Runs after a hit, e.g. restoreOwnership(); its failure is a warning. */
  afterRestore?: () => Promise<void>;
  /** Removes what a failed restore may have half-extracted, so the build never uses it. */
  discard: () => Promise<void>;
}

export interface RestoredBuildCache {
  hit: CacheHit;
  matchedKey?: string;
  fingerprint?: string;
}

export async function restoreBuildCache(args: RestoreBuildCacheArgs): Promise<RestoredBuildCache> {
  const { store, logger, keys } = args;
  if (!store.isAvailable()) {
    logger.info('No Actions cache service in this environment; building without a restored cache.');
    return { hit: 'miss' };
  }
  let matchedKey: string | undefined;
  try {
    // Bounded by the store (bounds.ts): it gives a stalled call up and says why.
    matchedKey = await store.restore(args.paths, keys.primary, keys.restoreKeys, 'archive');
  } catch (error) {
    await args.discard().catch((e: unknown) => logger.warning(`Could not remove a partly restored build cache: ${messageOf(e)}`));
    logger.warning(`Build cache not restored, building without it: ${messageOf(error)}`);
    return { hit: 'miss' };
  }
  const hit = classifyHit(keys.primary, matchedKey);
  if (matchedKey === undefined) {
    logger.info(`No build cache found for "${keys.primary}" or its restore keys.`);
    return { hit };
  }
  let fingerprint: string | undefined;
  let unreadable = false;
  try {
    fingerprint = await args.fingerprint();
  } catch (error) {
    unreadable = true;
    logger.warning(`Could not fingerprint the restored build cache: ${messageOf(error)}`);
  }
  if (!unreadable && fingerprint === undefined) {
    // @actions/cache extracts to the paths as they were when saved (relative to the workspace), so
    // an entry saved under another $HOME lands in that home, not where the build looks: a hit in
    // name only. Every saved entry had a fingerprint, so none here means nothing usable arrived.
    logger.warning(
      `Build cache "${matchedKey}" was restored, but not where the build reads it (was it saved by a job with another $HOME?): building without it.`,
    );
    return { hit: 'miss' };
  }
  logger.info(`Build cache restored from "${matchedKey}" (${hit} hit).`);
  if (args.afterRestore) await attempt(logger, 'Could not finish restoring the build cache', args.afterRestore);
  return { hit, matchedKey, ...(fingerprint === undefined ? {} : { fingerprint }) };
}

export interface SaveBuildCacheArgs {
  store: CacheStore;
  logger: Logger;
  paths: string[];
  keys: CacheKeys;
  buildSucceeded: boolean;
  restored: RestoredBuildCache;
  /** Fingerprint of the cache now (fingerprint.ts). */
  fingerprint: () => Promise<string | undefined>;
  /** Readies the files for tar, e.g. prepareCacheForSave(); not ok means the save is skipped. */
  beforeSave?: () => Promise<{ ok: true } | { ok: false; reason: string }>;
  /** True when the main step was cancelled: nothing it left is saved. */
  cancelled?: boolean;
}

export interface SavedBuildCache {
  saved: boolean;
  /** Archive bytes uploaded; 0 when nothing was. */
  bytes: number;
  /** The key saved under, or that would have been. */
  key?: string;
  reason: string;
}

export async function saveBuildCache(args: SaveBuildCacheArgs): Promise<SavedBuildCache> {
  const { store, logger } = args;
  const skip = (reason: string, key?: string): SavedBuildCache => {
    logger.info(reason.charAt(0).toUpperCase() + reason.slice(1) + '.');
    return { saved: false, bytes: 0, reason, ...(key === undefined ? {} : { key }) };
  };
  if (args.cancelled) return skip('the build was cancelled, cache not saved');
  if (!args.buildSucceeded) return skip(describeSkip('build-failed'));
  if (!store.isAvailable()) return skip('no Actions cache service in this environment, cache not saved');

  if (args.beforeSave) {
    const ready = await attempt(logger, 'Could not prepare the build cache for saving', args.beforeSave);
    if (!ready?.ok) {
      const reason = `build cache not saved: ${ready ? ready.reason : 'preparing it failed'}`;
      if (ready) logger.warning(reason.charAt(0).toUpperCase() + reason.slice(1));
      return { saved: false, bytes: 0, reason };
    }
  }
  let fingerprintNow: string | undefined;
  try {
    fingerprintNow = await args.fingerprint();
  } catch (error) {
    const reason = `build cache not saved: cannot read it (${messageOf(error)})`;
    logger.warning(reason.charAt(0).toUpperCase() + reason.slice(1));
    return { saved: false, bytes: 0, reason };
  }
  const decision = decideCacheSave({
    buildSucceeded: true,
    hit: args.restored.hit,
    fingerprintAfterRestore: args.restored.fingerprint,
    fingerprintNow,
  });
  if (!decision.save) return skip(describeSkip(decision.reason), args.restored.matchedKey);

  const key = saveKeyFor(args.keys.primary, fingerprintNow!);
  try {
    const bytes = await store.save(args.paths, key, 'archive');
    logger.info(`Build cache saved as "${key}" (${bytes} bytes uploaded).`);
    return { saved: true, bytes, key, reason: 'saved' };
  } catch (error) {
    // Another job saved exactly this content under the same key first: nothing is lost.
    if (error instanceof CacheEntryExistsError) return skip(`build cache "${key}" already exists, nothing uploaded`, key);
    const reason = `build cache not saved (the build is unaffected): ${messageOf(error)}`;
    logger.warning(reason.charAt(0).toUpperCase() + reason.slice(1));
    return { saved: false, bytes: 0, key, reason };
  }
}

async function attempt<T>(logger: Logger, what: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (error) {
    logger.warning(`${what}: ${messageOf(error)}`);
    return undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
