// The Actions cache, as the pipeline sees it. The real implementation wraps @actions/cache
// (src/cache/actions-cache.ts, loaded lazily); tests use it against the loopback cache service.
// Every call is bounded by what it moves (bounds.ts): `size` says which.
import type { CacheCallSize } from './bounds.js';

export interface CacheStore {
  /** False when the run has no cache service (no ACTIONS_RESULTS_URL/ACTIONS_CACHE_URL), e.g. the CLI. */
  isAvailable(): boolean;
  /** Restores `paths`; returns the key that matched, or undefined on a miss. Throws on service errors. */
  restore(paths: string[], primaryKey: string, restoreKeys: string[], size?: CacheCallSize): Promise<string | undefined>;
  /** Asks whether an entry exists, downloading nothing; returns the key that matched. Throws on service errors. */
  lookup(paths: string[], primaryKey: string, restoreKeys: string[]): Promise<string | undefined>;
  /** Saves `paths` under `key`; returns the archive size in bytes that was uploaded. Throws on errors. */
  save(paths: string[], key: string, size?: CacheCallSize): Promise<number>;
}
