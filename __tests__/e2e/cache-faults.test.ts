// The Actions cache service rows of the README's fault matrix: each fault injected at the protocol
// level by the loopback service (support/cache-service.ts), met by the real @actions/cache through
// src/cache/. For each: the call ends within its bound, the user sees one warning that names the
// fault, nothing half-written is left for the build, and a service that failed is not asked again.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StateStore } from '../../src/adapters.js';
import { createActionsCacheStore } from '../../src/cache/actions-cache.js';
import { CACHE_CALL_BOUNDS, createCacheBreaker, type CacheBreaker } from '../../src/cache/bounds.js';
import { restoreBuildCache, saveBuildCache, type RestoredBuildCache } from '../../src/cache/persist.js';
import type { CacheStore } from '../../src/cache/store.js';
import { buildkitCacheFingerprint } from '../../src/cache/fingerprint.js';
import { cacheKeyFor, type CacheKeys } from '../../src/cache/keys.js';
import { runPost } from '../../src/post-step.js';
import { CACHE_SERVICE_DOWN_STATE, CACHE_STATE } from '../../src/state-keys.js';
import { recordingLogger } from '../support/logger.js';
import { startCacheService, type CacheService } from '../support/cache-service.js';

const STALL_MS = 2_000;
const BOUNDS = {
  archive: { ...CACHE_CALL_BOUNDS.archive, stallMs: STALL_MS },
  snapshot: { ...CACHE_CALL_BOUNDS.snapshot, stallMs: STALL_MS },
};

let service: CacheService;
let work = '';
let cacheDir = '';
let savedEnv: Record<string, string | undefined> = {};
let stdoutLines: string[] = [];
let restoreStdout: () => void = () => undefined;
const { logger, log } = recordingLogger();
const warnings = (): string[] => log.filter((l) => l.level !== 'info').map((l) => l.message);
const redAnnotations = (): string[] => stdoutLines.filter((l) => l.startsWith('::error'));

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'strata-cache-faults-'));
  cacheDir = join(work, 'cache', 'buildkit');
  service = await startCacheService({ runnerTemp: join(work, 'runner-temp'), slowDownloadMs: 4 * STALL_MS });
  await mkdir(service.env.RUNNER_TEMP!, { recursive: true });
  for (const [name, value] of Object.entries({ ...service.env, GITHUB_WORKSPACE: work })) {
    savedEnv[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  stdoutLines = [];
  const write = process.stdout.write;
  process.stdout.write = function (this: unknown, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === 'string') stdoutLines.push(chunk);
    return (write as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
  };
  restoreStdout = () => (process.stdout.write = write);
});

afterEach(async () => {
  restoreStdout();
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  savedEnv = {};
  log.length = 0;
  await service.stop();
  try {
    execFileSync('umount', [join(work, 'cache')], { stdio: 'ignore' });
  } catch {
    // not mounted
  }
  await rm(work, { recursive: true, force: true });
});

const keys: CacheKeys = cacheKeyFor({
  os: 'Linux',
  arch: 'X64',
  subject: { mode: 'dockerfile', image: 'ghcr.io/octo-org/app', platforms: [] },
  lockfiles: { 'package-lock.json': 'lock-1' },
});

/** A BuildKit local cache export's shape: an OCI layout (index.json, blobs/sha256/...). */
async function writeBuildkitCache(blobBytes = 64 * 1024): Promise<void> {
  await rm(cacheDir, { recursive: true, force: true });
  await mkdir(join(cacheDir, 'blobs', 'sha256'), { recursive: true });
  // A fresh export each time: the fingerprint follows index.json.
  await writeFile(join(cacheDir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [], annotations: { run: randomBytes(4).toString('hex') } }));
  await writeFile(join(cacheDir, 'blobs', 'sha256', 'a'.repeat(64)), randomBytes(blobBytes));
}

function store(breaker: CacheBreaker = createCacheBreaker()): CacheStore {
  return createActionsCacheStore({ bounds: BOUNDS, breaker });
}

function restore(cacheStore: CacheStore): Promise<RestoredBuildCache> {
  return restoreBuildCache({
    store: cacheStore,
    logger,
    paths: [cacheDir],
    keys,
    fingerprint: () => buildkitCacheFingerprint(cacheDir),
    discard: () => rm(cacheDir, { recursive: true, force: true }),
  });
}

function save(cacheStore: CacheStore, restored: RestoredBuildCache = { hit: 'miss' }) {
  return saveBuildCache({
    store: cacheStore,
    logger,
    paths: [cacheDir],
    keys,
    buildSucceeded: true,
    restored,
    fingerprint: () => buildkitCacheFingerprint(cacheDir),
  });
}

/** A good entry in the service, and the cache directory gone, as on a fresh runner. */
async function seedEntry(blobBytes?: number): Promise<void> {
  await writeBuildkitCache(blobBytes);
  const seeded = await save(store());
  expect(seeded.saved, seeded.reason).toBe(true);
  await rm(cacheDir, { recursive: true, force: true });
  log.length = 0;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

describe('Actions cache service faults', () => {
  it('5xx: asked once more, then given up with the status; the save that follows does not ask again', async () => {
    await service.setFailMode('error500');
    const breaker = createCacheBreaker();
    const { value, ms } = await timed(() => restore(store(breaker)));
    expect(value).toEqual({ hit: 'miss' });
    // @actions/cache alone retries 5 times with backoff (~90 s over restore and save).
    expect(ms).toBeLessThan(10_000);
    expect(warnings()).toEqual([expect.stringMatching(/^Build cache not restored, building without it: .*answered HTTP 500 2 times/)]);
    expect(redAnnotations()).toEqual([]);

    const requests = service.requests.length;
    await writeBuildkitCache();
    const saved = await save(store(breaker));
    expect(saved).toMatchObject({ saved: false, reason: expect.stringMatching(/not asked again \(it failed earlier in this job\): restoring .* answered HTTP 500/) });
    expect(service.requests.length).toBe(requests);
  });

  it('hang: the restore is given up after the stall bound, and the post step (breaker carried in its state) asks nothing', async () => {
    await service.setFailMode('hang');
    const tripped: string[] = [];
    const breaker = createCacheBreaker(undefined, (reason) => tripped.push(reason));
    const { value, ms } = await timed(() => restore(store(breaker)));
    expect(value).toEqual({ hit: 'miss' });
    expect(ms).toBeGreaterThanOrEqual(STALL_MS);
    expect(ms).toBeLessThan(STALL_MS + 3_000);
    expect(warnings()[0]).toMatch(/made no progress for 2 s \(it accepted the request and did not answer\)/);
    expect(tripped).toHaveLength(1);

    // The post step: the state the main step left (as action-runtime.ts carries it).
    await writeBuildkitCache();
    const state: Record<string, string> = {
      [CACHE_SERVICE_DOWN_STATE]: tripped[0]!,
      [CACHE_STATE]: JSON.stringify({ spec: { kind: 'buildkit-local', path: cacheDir, dir: cacheDir, keys }, restored: { hit: 'miss' } }),
      'build-succeeded': 'true',
    };
    const stateStore: StateStore = { get: (n) => state[n] ?? '', set: (n, v) => (state[n] = v) };
    const requests = service.requests.length;
    const post = await timed(() =>
      runPost({
        state: stateStore,
        logger,
        exec: { run: async () => ({ exitCode: 1, stdout: '', stderr: '' }) },
        cacheStore: createActionsCacheStore({ bounds: BOUNDS, breaker: createCacheBreaker(stateStore.get(CACHE_SERVICE_DOWN_STATE)) }),
      }),
    );
    expect(post.ms).toBeLessThan(1_000);
    expect(service.requests.length).toBe(requests);
    expect(warnings().at(-1)).toMatch(/^Build cache not saved \(the build is unaffected\): the Actions cache service is not asked again/);
  });

  it('hang mid-download: given up once no byte arrived for the stall bound; nothing half-extracted is left', async () => {
    await seedEntry(256 * 1024);
    await service.setFailMode('stall-download');
    const { value, ms } = await timed(() => restore(store()));
    expect(value).toEqual({ hit: 'miss' });
    expect(ms).toBeLessThan(STALL_MS + 3_000);
    expect(warnings()[0]).toMatch(/made no progress for 2 s/);
    expect(existsSync(cacheDir)).toBe(false);
    // The call's temp dir (its partial archive) is gone too.
    expect(await readdir(service.env.RUNNER_TEMP!)).toEqual([]);
  });

  it('a slow download that keeps moving is not a hang: no fixed limit, only progress', async () => {
    await seedEntry(256 * 1024);
    await service.setFailMode('slow-download');
    const { value, ms } = await timed(() => restore(store()));
    // Twice the stall bound in all, but never a stall.
    expect(ms).toBeGreaterThan(2 * STALL_MS);
    expect(warnings()).toEqual([]);
    expect(value).toMatchObject({ hit: 'exact' });
  });

  it('403 on the download URL: reported as the refusal, not as a tar failure', async () => {
    await seedEntry();
    await service.setFailMode('blob403');
    expect(await restore(store())).toEqual({ hit: 'miss' });
    expect(warnings()).toEqual([expect.stringMatching(/the cache download URL 127\.0\.0\.1:\d+\/download\/1 answered HTTP 403$/)]);
    expect(warnings()[0]).not.toMatch(/tar|sig=/);
    expect(existsSync(cacheDir)).toBe(false);
    expect(redAnnotations()).toEqual([]);
  });

  it.each([
    ['truncated', 'truncate'],
    ['corrupt', 'corrupt'],
  ] as const)('a %s archive is never used: the partial extraction is removed, and a fresh cache can still be saved', async (_what, mode) => {
    await seedEntry(512 * 1024);
    await service.setFailMode(mode);
    const breaker = createCacheBreaker();
    expect(await restore(store(breaker))).toEqual({ hit: 'miss' });
    expect(warnings()).toEqual([expect.stringMatching(/^Build cache not restored, building without it: /)]);
    expect(existsSync(cacheDir)).toBe(false);
    expect(redAnnotations()).toEqual([]);
    if (mode === 'corrupt') {
      // A bad archive is not a bad service: the post step may replace the entry.
      expect(breaker.openReason).toBeUndefined();
      await service.setFailMode('none');
      await writeBuildkitCache();
      const again = await save(store(breaker), { hit: 'miss' });
      expect(again.saved, again.reason).toBe(true);
    }
  });

  it('disk full while extracting: the partial extraction is removed and the warning says so', async (ctx) => {
    await seedEntry(2 * 1024 * 1024);
    await mkdir(join(work, 'cache'), { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', join(work, 'cache')], { stdio: 'ignore' });
    } catch {
      ctx.skip(); // needs root and mount rights: the CI container and this machine have both
    }
    const breaker = createCacheBreaker();
    expect(await restore(store(breaker))).toEqual({ hit: 'miss' });
    expect(warnings()[0]).toMatch(/^Build cache not restored, building without it: .*No space left on device/s);
    expect(existsSync(cacheDir)).toBe(false);
    expect(breaker.openReason).toBeUndefined();
  });

  it('reservation outage: a warning with the status, not "another job may be creating this cache"', async () => {
    await service.setFailMode('reserve500');
    await writeBuildkitCache();
    const saved = await save(store());
    expect(saved).toMatchObject({ saved: false });
    expect(warnings()).toEqual([expect.stringMatching(/^Build cache not saved \(the build is unaffected\): .*500/)]);
    expect(stdoutLines.join('') + warnings().join('')).not.toMatch(/another job may be creating/);
    expect(service.entries()).toEqual([]);
  });

  it('409 on reservation (the key exists): told, not warned, nothing uploaded', async () => {
    await writeBuildkitCache();
    const cacheStore = store();
    await cacheStore.save([cacheDir], 'taken-key');
    const uploaded = service.bytesUploaded;
    await expect(cacheStore.save([cacheDir], 'taken-key')).rejects.toThrow(/already exists/);
    expect(service.bytesUploaded).toBe(uploaded);
    expect(redAnnotations()).toEqual([]);
  });

  it('an entry saved under another $HOME is not an exact hit: it lands in that home, not where BuildKit reads', async () => {
    const homeA = join(work, 'home-a');
    const homeB = join(work, 'home-b');
    const relative = '.cache/strata/buildkit-local/app';
    const withHome = async <T>(home: string, fn: () => Promise<T>): Promise<T> => {
      const before = process.env.HOME;
      process.env.HOME = home;
      try {
        return await fn();
      } finally {
        process.env.HOME = before;
      }
    };
    const at = (home: string) => ({ path: `~/${relative}`, dir: join(home, relative) });
    // Job 1, HOME=a: saves.
    cacheDir = at(homeA).dir;
    await writeBuildkitCache();
    const first = await withHome(homeA, () =>
      saveBuildCache({ store: store(), logger, paths: [at(homeA).path], keys, buildSucceeded: true, restored: { hit: 'miss' }, fingerprint: () => buildkitCacheFingerprint(at(homeA).dir) }),
    );
    expect(first.saved).toBe(true);
    // Job 2, HOME=b: the same `~/` path, so the same cache version: the service finds the entry.
    const restored = await withHome(homeB, () =>
      restoreBuildCache({
        store: store(),
        logger,
        paths: [at(homeB).path],
        keys,
        fingerprint: () => buildkitCacheFingerprint(at(homeB).dir),
        discard: () => rm(at(homeB).dir, { recursive: true, force: true }),
      }),
    );
    expect(restored).toEqual({ hit: 'miss' });
    expect(warnings()).toEqual([expect.stringMatching(/^Build cache ".*" was restored, but not where the build reads it \(was it saved by a job with another \$HOME\?\): building without it\.$/)]);
    expect(existsSync(at(homeB).dir)).toBe(false);
  });
});
