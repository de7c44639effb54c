// The baseline the report compares against: the `compare-to` image, the base branch's image, or a
// snapshot of the default branch's image kept in the Actions cache (so the report works even when
// nothing is pushed). Which one, and why there is none, is part of the report.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from '../adapters.js';
import type { BasesByPlatform } from '../compare/diff.js';
import { identityPart, slug } from '../cache/keys.js';
import type { CacheStore } from '../cache/store.js';
import type { ImageSummary } from '../image/types.js';

export const SNAPSHOT_FORMAT = 'strata-baseline-v1';

export interface BaselineSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** The image as the registry has it and/or as the engine has it (compressed vs uncompressed). */
  summaries: ImageSummary[];
  bases?: BasesByPlatform;
  sha: string;
}

/** Pure: the cache entry a snapshot of `image` lives in. */
export function snapshotLocation(image: string, platforms: readonly string[], home: string, sha: string) {
  const identity = `${image}${platforms.length ? `+${[...platforms].sort().join('+')}` : ''}`;
  const name = slug(identity.replace(/[^a-zA-Z0-9._+-]+/g, '_'), 180);
  // The service prefix-matches restore keys: identityPart keeps app from finding app-worker's.
  const prefix = `${SNAPSHOT_FORMAT}-${identityPart(identity, name)}-`;
  const relative = `.cache/strata/baseline/${name}.json`;
  return { path: `~/${relative}`, file: join(home, relative), key: `${prefix}${sha.slice(0, 12) || 'unknown'}`, restoreKeys: [prefix] };
}

/** Pure: of the candidates, the first whose sizes are of the same kind as the current image's. */
export function pickComparable(current: ImageSummary, candidates: ReadonlyArray<ImageSummary | undefined>): ImageSummary | undefined {
  return candidates.find((c) => c && c.sizeKind === current.sizeKind) ?? candidates.find((c) => c !== undefined);
}

export async function loadSnapshot(
  store: CacheStore,
  location: ReturnType<typeof snapshotLocation>,
  logger: Logger,
): Promise<BaselineSnapshot | undefined> {
  if (!store.isAvailable()) return undefined;
  try {
    const matched = await store.restore([location.path], location.key, location.restoreKeys, 'snapshot');
    if (!matched) return undefined;
    const snapshot = JSON.parse(await readFile(location.file, 'utf8')) as BaselineSnapshot;
    return snapshot.format === SNAPSHOT_FORMAT ? snapshot : undefined;
  } catch (e) {
    logger.warning(`Baseline snapshot not restored: ${(e as Error).message}`);
    return undefined;
  }
}

export async function saveSnapshot(
  store: CacheStore,
  location: ReturnType<typeof snapshotLocation>,
  snapshot: BaselineSnapshot,
  logger: Logger,
): Promise<void> {
  if (!store.isAvailable()) return;
  try {
    await mkdir(dirname(location.file), { recursive: true });
    await writeFile(location.file, JSON.stringify(snapshot));
    await store.save([location.path], location.key, 'snapshot');
    logger.info(`Baseline snapshot saved for pull requests to compare against ("${location.key}").`);
  } catch (e) {
    // The same commit built twice (a re-run) finds its snapshot already saved: nothing is lost.
    logger.info(`Baseline snapshot not saved: ${(e as Error).message}`);
  }
}
