// Dockerfile mode with cache-backend "actions": BuildKit's local cache dir, carried between runs
// by the Actions cache. BuildKit's local exporter only ever adds blobs, so each build exports to a
// fresh "<dir>-new" that then replaces the old dir; the saved cache holds what this build used.
import { rename, rm, stat } from 'node:fs/promises';

export interface BuildkitCacheEntries {
  cacheFrom: string[];
  cacheTo: string[];
}

/** Pure: the --cache-from / --cache-to values (see buildkitLocalCacheArgs for the flags). */
export function buildkitLocalCacheEntries(dir: string, { restored = true }: { restored?: boolean } = {}): BuildkitCacheEntries {
  // buildx splits these values as CSV; a comma or quote in the path would split the path itself.
  if (dir === '' || /[,"]/.test(dir)) throw new Error(`BuildKit cache dir ${JSON.stringify(dir)} must be non-empty and contain no comma or quote`);
  return {
    // Without a restored cache there is nothing to import; BuildKit would only warn about it.
    cacheFrom: restored ? [`type=local,src=${dir}`] : [],
    cacheTo: [`type=local,dest=${newCacheDir(dir)},mode=max`],
  };
}

export function buildkitLocalCacheArgs(dir: string, options?: { restored?: boolean }): string[] {
  const { cacheFrom, cacheTo } = buildkitLocalCacheEntries(dir, options);
  return [...cacheFrom.flatMap((v) => ['--cache-from', v]), ...cacheTo.flatMap((v) => ['--cache-to', v])];
}

export function newCacheDir(dir: string): string {
  return `${dir.replace(/\/+$/, '')}-new`;
}

export type FinalizeOutcome = 'replaced' | 'kept' | 'discarded';

/**
 * After the build: on success, "<dir>-new" replaces "<dir>" ('replaced'; 'kept' when the build
 * exported nothing). After a failure the export may be partial, so it is deleted ('discarded')
 * and the restored dir stays as it was.
 */
export async function finalizeBuildkitLocalCache(dir: string, buildSucceeded: boolean): Promise<FinalizeOutcome> {
  const exported = newCacheDir(dir);
  if (!buildSucceeded) {
    await rm(exported, { recursive: true, force: true });
    return 'discarded';
  }
  if (!(await isDirectory(exported))) return 'kept';
  await rm(dir, { recursive: true, force: true });
  await rename(exported, dir);
  return 'replaced';
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
