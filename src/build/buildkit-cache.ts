// Where BuildKit's cache goes when the user didn't say. Pure: a decision from facts about the
// run (is there an Actions cache service?) and the builder (can it export caches at all?).
import { createHash } from 'node:crypto';
import type { CacheBackend } from '../inputs.js';

export interface BuilderFacts {
  /** buildx driver: docker, docker-container, kubernetes, remote, cloud. */
  driver: string;
  /** The docker driver exports caches only with the containerd image store. */
  containerdStore: boolean;
  /** buildx version, e.g. 0.13.1; undefined when only the classic builder is there. */
  buildxVersion?: string;
}

export interface RunFacts {
  /** ACTIONS_RUNTIME_TOKEN and a cache URL are present (only inside a JavaScript action). */
  actionsCacheAvailable: boolean;
  /** ACTIONS_CACHE_SERVICE_V2 is set: the gha backend needs buildx >= 0.21 to speak it. */
  cacheServiceV2: boolean;
}

export type BuildkitCachePlan =
  | { kind: 'user'; cacheFrom: string[]; cacheTo: string[] }
  | { kind: 'gha'; scope: string; cacheFrom: string[]; cacheTo: string[]; note: string; postNote: string }
  | { kind: 'local'; note: string }
  | { kind: 'none'; note: string };

export interface BuildkitCacheRequest {
  cache: boolean;
  backend: CacheBackend;
  cacheFrom: readonly string[];
  cacheTo: readonly string[];
  noCache: boolean;
  image: string;
  platforms: readonly string[];
}

export function canExportCache(builder: BuilderFacts): boolean {
  if (!builder.buildxVersion) return false;
  return builder.driver !== 'docker' || builder.containerdStore;
}

/** Compares dotted versions numerically; a missing part counts as 0. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = version.split(/[.+-]/).map((p) => Number.parseInt(p, 10) || 0);
  const b = minimum.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < b.length; i++) {
    if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i]!;
  }
  return true;
}

/**
 * A gha scope per image and platform set, so images and matrix legs don't overwrite each other.
 * The short hash of the exact identity keeps `app` and `app-worker` apart wherever a scope is
 * matched as a prefix, and `a/b` apart from `a-b`, which the readable part folds together.
 */
export function ghaScope(image: string, platforms: readonly string[]): string {
  const sorted = [...platforms].sort();
  const base = image.replace(/[^a-zA-Z0-9._-]+/g, '-');
  const plat = sorted.length > 0 ? `-${sorted.join('+').replace(/[^a-zA-Z0-9.+_-]+/g, '-')}` : '';
  const hash = createHash('sha256').update(`${image}\0${sorted.join(',')}`).digest('hex').slice(0, 8);
  return `strata-${base}${plat}-${hash}`;
}

export function planBuildkitCache(req: BuildkitCacheRequest, builder: BuilderFacts, run: RunFacts): BuildkitCachePlan {
  if (req.cacheFrom.length > 0 || req.cacheTo.length > 0) {
    return { kind: 'user', cacheFrom: [...req.cacheFrom], cacheTo: [...req.cacheTo] };
  }
  if (!req.cache) return { kind: 'none', note: 'BuildKit cache export is off (input "cache" is false).' };
  if (!canExportCache(builder)) {
    const why = !builder.buildxVersion
      ? 'buildx is not installed, and the classic builder cannot export caches'
      : `the buildx builder uses the "${builder.driver}" driver without the containerd image store, which cannot export caches`;
    return {
      kind: 'none',
      note: `Building without cache export: ${why}. To enable it, add docker/setup-buildx-action before Strata (docker-container driver) or turn on Docker's containerd image store.`,
    };
  }
  if (!run.actionsCacheAvailable) {
    return { kind: 'none', note: 'Building without cache export: this run has no GitHub Actions cache service (outside Actions, BuildKit keeps its own local cache).' };
  }
  const ghaUsable = !run.cacheServiceV2 || versionAtLeast(builder.buildxVersion!, '0.21.0');
  if (req.backend === 'actions' || !ghaUsable) {
    const why =
      req.backend === 'actions'
        ? 'cache-backend is "actions"'
        : `buildx ${builder.buildxVersion} cannot speak the Actions cache service v2 (needs buildx >= 0.21)`;
    return { kind: 'local', note: `BuildKit cache: local directory persisted through the Actions cache (${why}).` };
  }
  const scope = ghaScope(req.image, req.platforms);
  return {
    kind: 'gha',
    scope,
    // ignore-error: an Actions cache outage must cost a cold build, never a failed one.
    cacheFrom: [`type=gha,scope=${scope}`],
    cacheTo: [`type=gha,scope=${scope},mode=max,ignore-error=true`],
    note: `BuildKit cache: BuildKit's gha backend restores and saves it through the GitHub Actions cache itself, during the build (scope ${scope}).`,
    // The post step saves caches Strata carries; this one BuildKit saved already.
    postNote: `Nothing to save in the post step: BuildKit's gha backend saved the cache during the build (scope ${scope}).`,
  };
}
