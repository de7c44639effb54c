// CacheStore over @actions/cache. The package is imported on first use, not at startup: it pulls
// in the Azure SDK, and runs without a cache service (the CLI) never need it.
//
// @actions/cache reports through @actions/core rather than to its caller: saveCache() returns
// -1 for every failure, restoreCache() returns undefined for failures and misses alike, neither
// returns the archive size, and a 5xx becomes an ::error:: annotation. So each call runs under
// watch (call-watch.ts): "File Size: N" gives the bytes uploaded, its "Failed to save/restore"
// lines are held back and turned into a thrown error, which the caller reports as one warning (an
// unavailable cache must not mark the run red), and a call that stops making progress is given
// up within bounds.ts's limits. A service that failed or hung is not asked again (the breaker).
// The lines are pinned by __tests__/e2e/cache-service.test.ts against the installed version.
import { CACHE_CALL_BOUNDS, createCacheBreaker, isServiceFault, type CacheBreaker, type CacheCallBounds, type CacheCallSize, type ObservedResponse } from './bounds.js';
import { watchCacheCall, type CacheLogLine } from './call-watch.js';
import type { CacheStore } from './store.js';

export { parseCoreOutput, type CacheLogLine } from './call-watch.js';

type ActionsCacheModule = typeof import('@actions/cache');

/** The key is taken: entries are immutable, and this one already exists (or is being written). */
export class CacheEntryExistsError extends Error {
  constructor(readonly key: string) {
    super(`cache entry "${key}" already exists`);
    this.name = 'CacheEntryExistsError';
  }
}

/** Mirrors @actions/cache's isFeatureAvailable(), plus the token its client refuses to run without. */
export function cacheServiceAvailable(env: Readonly<Record<string, string | undefined>>): boolean {
  if (!env.ACTIONS_RUNTIME_TOKEN) return false;
  const v2 = Boolean(env.ACTIONS_CACHE_SERVICE_V2) && !isGhes(env.GITHUB_SERVER_URL);
  return v2 ? Boolean(env.ACTIONS_RESULTS_URL) : Boolean(env.ACTIONS_CACHE_URL);
}

export type CacheLogMeaning =
  | { kind: 'archive-size'; bytes: number }
  | { kind: 'failure'; message: string }
  | { kind: 'key-taken' }
  /** @actions/cache's misleading summary of a reservation failure; the caller logs its own. */
  | { kind: 'reservation-summary' }
  | { kind: 'other' };

/** Pure: what one line @actions/cache logged tells us. */
export function interpretCacheLog(line: CacheLogLine): CacheLogMeaning {
  const size = line.command === 'debug' ? /^File Size: (\d+)$/.exec(line.text) : null;
  if (size) return { kind: 'archive-size', bytes: Number(size[1]) };
  // Every reservation failure (a conflict, but also an outage) reaches the log as "another job may
  // be creating this cache"; only the debug line before it tells a 409 conflict from the rest.
  if (line.command === 'debug' && line.text.startsWith('Failed to reserve cache: ')) {
    return /\(409\)/.test(line.text) ? { kind: 'key-taken' } : { kind: 'failure', message: line.text };
  }
  if (line.command === 'info' && line.text.startsWith('Failed to save: Unable to reserve cache with key ')) {
    return { kind: 'reservation-summary' };
  }
  if (line.command === 'error' || line.command === 'warning') {
    if (/^(Failed to (save|restore): |uploadCacheArchiveSDK: |Cache reservation failed: )/.test(line.text)) {
      return { kind: 'failure', message: line.text };
    }
  }
  return { kind: 'other' };
}

export interface ActionsCacheStoreOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** Where @actions/cache comes from; tests keep the default (the real package). */
  load?: () => Promise<ActionsCacheModule>;
  /** Shared by every call of the step (restore, save, baseline snapshots); a fresh one when omitted. */
  breaker?: CacheBreaker;
  /** Overrides CACHE_CALL_BOUNDS (tests shorten them). */
  bounds?: Partial<Record<CacheCallSize, CacheCallBounds>>;
}

export function createActionsCacheStore(options: ActionsCacheStoreOptions = {}): CacheStore {
  const load = options.load ?? (() => import('@actions/cache'));
  const breaker = options.breaker ?? createCacheBreaker();
  // Output is read per call, so calls must not overlap; they run one after another.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  /** One call, watched and bounded; a failure that says the service is unusable opens the breaker. */
  const guarded = <T>(what: string, size: CacheCallSize, call: (cache: ActionsCacheModule, watched: CallLog) => Promise<T>) =>
    serial(async () => {
      if (breaker.openReason) throw new CacheServiceDownError(breaker.openReason);
      const cache = await load();
      const log: CallLog = { failures: [], keyTaken: false, archiveBytes: undefined };
      const bounds = options.bounds?.[size] ?? CACHE_CALL_BOUNDS[size];
      try {
        const { result, responses, toolErrors } = await watchCacheCall(() => call(cache, log), {
          what,
          bounds,
          onLine: (line) => {
            const meaning = interpretCacheLog(line);
            if (meaning.kind === 'archive-size') log.archiveBytes = meaning.bytes;
            if (meaning.kind === 'key-taken') log.keyTaken = true;
            if (meaning.kind === 'failure') log.failures.push(meaning.message);
            return meaning.kind === 'failure' || meaning.kind === 'reservation-summary';
          },
        });
        if (log.failures.length > 0) throw new Error(describeFailure(log.failures, responses, toolErrors));
        return result;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!(error instanceof CacheEntryExistsError) && isServiceFault(message)) breaker.trip(message);
        throw error;
      }
    });

  return {
    isAvailable: () => cacheServiceAvailable(options.env ?? process.env),

    restore: (paths, primaryKey, restoreKeys, size = 'archive') =>
      guarded(`restoring "${primaryKey}"`, size, (cache) => cache.restoreCache(paths, primaryKey, restoreKeys)),

    lookup: (paths, primaryKey, restoreKeys) =>
      guarded(`looking up "${primaryKey}"`, 'snapshot', (cache) => cache.restoreCache(paths, primaryKey, restoreKeys, { lookupOnly: true })),

    save: async (paths, key, size = 'archive') => {
      let log: CallLog | undefined;
      const result = await guarded(`saving "${key}"`, size, async (cache, watched) => {
        log = watched;
        const id = await cache.saveCache(paths, key);
        // A 409: the entry exists already. Not a service fault: the breaker stays closed.
        if (watched.keyTaken) throw new CacheEntryExistsError(key);
        return id;
      });
      if (result === -1) throw new Error(`@actions/cache did not save "${key}" (see its log above)`);
      return log?.archiveBytes ?? 0;
    },
  };
}

interface CallLog {
  failures: string[];
  keyTaken: boolean;
  archiveBytes: number | undefined;
}

/** The service is not asked again in this step (nor its post step): it failed or hung before. */
export class CacheServiceDownError extends Error {
  constructor(readonly earlier: string) {
    super(`the Actions cache service is not asked again (it failed earlier in this job): ${earlier}`);
    this.name = 'CacheServiceDownError';
  }
}

/**
 * Pure: one message for a failed call. A storage URL that refused us is named as such: @actions/cache
 * downloads the refusal's XML body as if it were the archive and then reports tar's failure on it.
 */
export function describeFailure(failures: readonly string[], responses: readonly ObservedResponse[], toolErrors: readonly string[] = []): string {
  const refused = responses.find((r) => r.target === 'blob' && r.status >= 400);
  if (refused) return `the cache ${refused.method === 'GET' ? 'download' : 'upload'} URL ${refused.where} answered HTTP ${refused.status}`;
  // tar's first complaint says why (a full disk, a cut archive); the rest repeat it per file.
  const why =
    toolErrors.find((l) => /No space left on device|Disk quota exceeded/.test(l)) ??
    toolErrors.find((l) => !/Exiting with failure status|Error is not recoverable/.test(l));
  return failures.join('; ') + (why ? ` (${why})` : '');
}

function isGhes(serverUrl: string | undefined): boolean {
  const host = new URL(serverUrl || 'https://github.com').hostname.trimEnd().toUpperCase();
  return host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST');
}
