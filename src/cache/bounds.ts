// How long a call to the Actions cache service may take, and when it is given up: pure policy,
// judged from what the call adapter (call-watch.ts) observed. A call is never held to one fixed
// limit: it may take as long as bytes keep moving, and is given up once nothing moved for
// `stallMs`. Extraction moves no bytes over the network, so it gets a deadline sized to the
// archive. The service is asked once more after a 5xx, never a third time: the cache only speeds a
// build up, and @actions/cache's own retries (5 attempts with backoff) cost ~90 s against a
// service that answers 500 to everything.

/** What a call moves decides its bounds: a JSON snapshot of a few kB, or a build cache archive. */
export type CacheCallSize = 'snapshot' | 'archive';

export interface CacheCallBounds {
  /** No byte sent or received and no step taken for this long: the call is given up. */
  stallMs: number;
  /** Extraction may take this long plus `extractMsPerMiB` for each MiB of archive. */
  extractBaseMs: number;
  extractMsPerMiB: number;
  /** Responses with a 5xx status allowed before the call is given up. */
  serverErrorsAllowed: number;
}

export const CACHE_CALL_BOUNDS: Readonly<Record<CacheCallSize, CacheCallBounds>> = {
  snapshot: { stallMs: 10_000, extractBaseMs: 10_000, extractMsPerMiB: 0, serverErrorsAllowed: 1 },
  // 100 ms per MiB is 10 MiB/s, well under what tar + zstd manage on a runner.
  archive: { stallMs: 30_000, extractBaseMs: 60_000, extractMsPerMiB: 100, serverErrorsAllowed: 1 },
};

export type CachePhase = 'request' | 'extract';

export interface ObservedResponse {
  status: number;
  /** `service` for the cache API (twirp), `blob` for the storage URLs archives move through. */
  target: 'service' | 'blob';
  method: string;
  /** host + path, never the query: signed URLs carry their signature there. */
  where: string;
}

export interface CacheCallObservation {
  nowMs: number;
  /** Last time a byte moved or the call took a step. */
  lastProgressMs: number;
  phase: CachePhase;
  phaseStartedMs: number;
  /** The archive's size, once known. */
  archiveBytes?: number;
  responses: readonly ObservedResponse[];
}

export type CacheCallVerdict = { go: true } | { go: false; reason: string };

/** Pure: whether a running call may go on, and if not, why (a sentence fragment for a warning). */
export function judgeCacheCall(o: CacheCallObservation, bounds: CacheCallBounds): CacheCallVerdict {
  const refused = o.responses.find((r) => r.target === 'blob' && r.method === 'GET' && r.status >= 400);
  if (refused) return { go: false, reason: `the cache download URL ${refused.where} answered HTTP ${refused.status}` };
  const serverErrors = o.responses.filter((r) => r.status >= 500);
  if (serverErrors.length > bounds.serverErrorsAllowed) {
    const last = serverErrors.at(-1)!;
    return { go: false, reason: `the cache service answered HTTP ${last.status} ${serverErrors.length} times (${last.method} ${last.where})` };
  }
  if (o.phase === 'extract') {
    const limit = extractLimitMs(o.archiveBytes ?? 0, bounds);
    if (o.nowMs - o.phaseStartedMs > limit) return { go: false, reason: `extracting the ${o.archiveBytes ?? 0}-byte archive took longer than ${seconds(limit)}` };
    return { go: true };
  }
  if (o.nowMs - o.lastProgressMs > bounds.stallMs) {
    return { go: false, reason: `the cache service made no progress for ${seconds(bounds.stallMs)} (it accepted the request and did not answer)` };
  }
  return { go: true };
}

export function extractLimitMs(archiveBytes: number, bounds: CacheCallBounds): number {
  return bounds.extractBaseMs + Math.ceil(archiveBytes / (1024 * 1024)) * bounds.extractMsPerMiB;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

/**
 * Pure: whether a failed call says the service is unusable for the rest of the step (a hang, an
 * outage, a refused or denied request) or only that this one archive was bad (tar failed on it,
 * the disk filled up): after a bad archive the post step's save may still repair the entry.
 */
export function isServiceFault(message: string): boolean {
  return !/\b(tar|zstd|gzip)\b.*(failed|exit code)|No space left on device|Incomplete download|Unexpected EOF|corrupt/i.test(message);
}

/** A circuit breaker over the cache service for one step (and, through the step state, its post step). */
export interface CacheBreaker {
  /** Why the service is not asked any more, or undefined while it still is. */
  readonly openReason: string | undefined;
  trip(reason: string): void;
}

export function createCacheBreaker(initialReason?: string, onTrip?: (reason: string) => void): CacheBreaker {
  let reason = initialReason || undefined;
  return {
    get openReason() {
      return reason;
    },
    trip(why) {
      if (reason) return;
      reason = why;
      onTrip?.(why);
    },
  };
}
