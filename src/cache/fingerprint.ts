// Cheap content fingerprints of cache directories, to tell "unchanged since restore" without
// hashing gigabytes: both caches name their blobs by digest, so metadata plus names is enough.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const LIFECYCLE_CACHE_METADATA = 'io.buildpacks.lifecycle.cache.metadata';

/** Pure: the fingerprint of a lifecycle cache from its metadata file and committed entry names. */
export function lifecycleFingerprint(metadata: string | undefined, committedNames: readonly string[]): string | undefined {
  const layers = committedNames.filter((name) => name.endsWith('.tar')).sort();
  if (metadata === undefined && layers.length === 0) return undefined;
  return JSON.stringify({ metadata: metadata ?? null, layers });
}

/**
 * Fingerprint of a buildpack bind cache. `dir` is the lifecycle cache dir (holding committed/),
 * or the bind source pack was given: pack appends /build-cache to that itself.
 * Undefined when there is no cache there yet.
 */
export async function buildpackCacheFingerprint(dir: string): Promise<string | undefined> {
  for (const cacheDir of [dir, join(dir, 'build-cache')]) {
    const committed = join(cacheDir, 'committed');
    const names = await readdirIfExists(committed);
    if (names === undefined) continue;
    return lifecycleFingerprint(await readIfExists(join(committed, LIFECYCLE_CACHE_METADATA)), names);
  }
  return undefined;
}

/** Fingerprint of a BuildKit local cache dir: its index.json names every blob by digest. */
export async function buildkitCacheFingerprint(dir: string): Promise<string | undefined> {
  return readIfExists(join(dir, 'index.json'));
}

async function readdirIfExists(dir: string): Promise<string[] | undefined> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
