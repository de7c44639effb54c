// CacheStore over @actions/cache. The package is imported on first use, not at startup: it pulls
// in the Azure SDK, and runs without a cache service (the CLI) never need it.
//
// @actions/cache reports through @actions/core rather than to its caller: saveCache() returns
// -1 for every failure, restoreCache() returns undefined for failures and misses alike, neither
// returns the archive size, and a 5xx becomes an ::error:: annotation. So while a call runs we
// read the workflow-command lines it writes (one stdout write each): "File Size: N" gives the
// bytes uploaded, and its "Failed to save/restore" lines are held back and turned into a thrown
// error, which the caller reports as one warning (an unavailable cache must not mark the run red).
// The lines are pinned by __tests__/e2e/cache-service.test.ts against the installed version.
import type { CacheStore } from './store.js';

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

export interface CacheLogLine {
  command: 'error' | 'warning' | 'debug' | 'info';
  text: string;
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

/** Pure: one stdout write of @actions/core back into a command and its unescaped text. */
export function parseCoreOutput(chunk: string): CacheLogLine {
  const line = chunk.replace(/\r?\n$/, '');
  const command = /^::(error|warning|debug)(?: [^:]*)?::(.*)$/s.exec(line);
  if (!command) return { command: 'info', text: line };
  const text = command[2]!.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  return { command: command[1] as CacheLogLine['command'], text };
}

export interface ActionsCacheStoreOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** Where @actions/cache comes from; tests keep the default (the real package). */
  load?: () => Promise<ActionsCacheModule>;
}

export function createActionsCacheStore(options: ActionsCacheStoreOptions = {}): CacheStore {
  const load = options.load ?? (() => import('@actions/cache'));
  // Output is read per call, so calls must not overlap; they run one after another.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    isAvailable: () => cacheServiceAvailable(options.env ?? process.env),

    restore: (paths, primaryKey, restoreKeys) =>
      serial(async () => {
        const cache = await load();
        const { result, failures } = await watchCacheLog(() => cache.restoreCache(paths, primaryKey, restoreKeys));
        if (failures.length > 0) throw new Error(failures.join('; '));
        return result;
      }),

    save: (paths, key) =>
      serial(async () => {
        const cache = await load();
        const { result, failures, keyTaken, archiveBytes } = await watchCacheLog(() => cache.saveCache(paths, key));
        if (keyTaken) throw new CacheEntryExistsError(key);
        if (result === -1 || failures.length > 0) {
          throw new Error(failures.length > 0 ? failures.join('; ') : `@actions/cache did not save "${key}" (see its log above)`);
        }
        return archiveBytes ?? 0;
      }),
  };
}

interface WatchedCall<T> {
  result: T;
  failures: string[];
  keyTaken: boolean;
  archiveBytes: number | undefined;
}

async function watchCacheLog<T>(call: () => Promise<T>): Promise<WatchedCall<T>> {
  const watched: Omit<WatchedCall<T>, 'result'> = { failures: [], keyTaken: false, archiveBytes: undefined };
  const stdout = process.stdout;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with stdout as `this`
  const write = stdout.write;
  const hook = function (this: typeof stdout, chunk: unknown, ...rest: unknown[]): boolean {
    if (typeof chunk === 'string') {
      const meaning = interpretCacheLog(parseCoreOutput(chunk));
      if (meaning.kind === 'archive-size') watched.archiveBytes = meaning.bytes;
      if (meaning.kind === 'key-taken') watched.keyTaken = true;
      if (meaning.kind === 'failure') watched.failures.push(meaning.message);
      if (meaning.kind === 'failure' || meaning.kind === 'reservation-summary') return true;
    }
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof stdout.write;
  stdout.write = hook;
  try {
    const result = await call();
    return { result, ...watched };
  } finally {
    // Undo only our own layer: if something patched stdout after us, putting back the write we
    // saw would silently drop its patch.
    if (stdout.write === hook) stdout.write = write;
  }
}

function isGhes(serverUrl: string | undefined): boolean {
  const host = new URL(serverUrl || 'https://github.com').hostname.trimEnd().toUpperCase();
  return host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST');
}
