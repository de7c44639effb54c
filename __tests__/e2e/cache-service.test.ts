// The real, unmodified @actions/cache (through src/cache/actions-cache.ts) against the loopback
// cache service: what a job sees on a GitHub runner, minus GitHub.
import { createHash, randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Exec } from '../../src/adapters.js';
import { CacheEntryExistsError, createActionsCacheStore } from '../../src/cache/actions-cache.js';
import { buildpackCacheFingerprint } from '../../src/cache/fingerprint.js';
import { cacheKeyFor, saveKeyFor, type CacheKeys } from '../../src/cache/keys.js';
import { prepareCacheForSave, restoreOwnership } from '../../src/cache/ownership.js';
import { restoreBuildCache, saveBuildCache, type RestoredBuildCache } from '../../src/cache/persist.js';
import { CACHE_CALL_BOUNDS, type CacheBreaker } from '../../src/cache/bounds.js';
import type { CacheStore } from '../../src/cache/store.js';
import { recordingLogger } from '../support/logger.js';
import { startCacheService, type CacheService } from '../support/cache-service.js';
import { IS_ROOT, itAsRoot, rootOnly } from '../support/root.js';

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/';

let service: CacheService;
let work = '';
let cacheDir = '';
let savedEnv: Record<string, string | undefined> = {};
let stdoutLines: string[] = [];
let restoreStdout: () => void = () => undefined;
const { logger, log } = recordingLogger();
const noSudo: Exec = { run: async () => ({ exitCode: 1, stdout: '', stderr: 'no sudo in this test' }) };
const warnings = (): string[] => log.filter((l) => l.level !== 'info').map((l) => l.message);

function setEnv(env: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(env)) {
    if (!(name in savedEnv)) savedEnv[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'strata-cache-e2e-'));
  cacheDir = join(work, 'pack-cache');
  service = await startCacheService({ runnerTemp: join(work, 'runner-temp') });
  await mkdir(service.env.RUNNER_TEMP!, { recursive: true });
  setEnv({ ...service.env, GITHUB_WORKSPACE: work });
  // Watch what reaches the job log: an ::error:: line would be a red annotation on the run.
  stdoutLines = [];
  const write = process.stdout.write;
  process.stdout.write = function (this: unknown, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === 'string') stdoutLines.push(chunk);
    return (write as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
  };
  restoreStdout = () => (process.stdout.write = write);
});

afterEach(async (context) => {
  // Whatever a test did, @actions/cache (the real client) and the emulation kept to the service's
  // message definitions, unless the test sent something else on purpose.
  if (!context.task.name.includes('contract')) expect(service.contractViolations).toEqual([]);
  restoreStdout();
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  savedEnv = {};
  log.length = 0;
  await service.stop();
  await rm(work, { recursive: true, force: true });
});

/** A lifecycle bind cache as the builder leaves it: uid 1000, 0700 dirs, 0600 files (chown: root only). */
async function writeLifecycleCache(layers: Record<string, string>, metadata = '{"buildpacks":[]}'): Promise<void> {
  await rm(cacheDir, { recursive: true, force: true });
  const committed = join(cacheDir, 'build-cache', 'committed');
  await mkdir(committed, { recursive: true });
  await writeFile(join(committed, 'io.buildpacks.lifecycle.cache.metadata'), metadata);
  for (const [name, content] of Object.entries(layers)) await writeFile(join(committed, `sha256:${name}.tar`), content);
  for (const path of [join(cacheDir, 'build-cache'), committed]) {
    await chown(path, 1000, 1000);
    await chmod(path, 0o700);
  }
  for (const name of await readdir(committed)) {
    await chown(join(committed, name), 1000, 1000);
    await chmod(join(committed, name), 0o600);
  }
}

function keysFor(lockfile: string): CacheKeys {
  return cacheKeyFor({
    os: 'Linux',
    arch: 'X64',
    subject: { mode: 'buildpack', builder: 'paketobuildpacks/builder-jammy-base' },
    lockfiles: { 'package-lock.json': lockfile },
  });
}

/** Bounds short enough for a test: 2 s without progress gives a call up. */
const TEST_BOUNDS = {
  archive: { ...CACHE_CALL_BOUNDS.archive, stallMs: 2_000 },
  snapshot: { ...CACHE_CALL_BOUNDS.snapshot, stallMs: 2_000 },
};
const store = (breaker?: CacheBreaker) => createActionsCacheStore({ bounds: TEST_BOUNDS, ...(breaker ? { breaker } : {}) });

function restore(keys: CacheKeys, cacheStore: CacheStore = store()): Promise<RestoredBuildCache> {
  return restoreBuildCache({
    store: cacheStore,
    logger,
    paths: [cacheDir],
    keys,
    fingerprint: () => buildpackCacheFingerprint(cacheDir),
    afterRestore: () => restoreOwnership(cacheDir, { exec: noSudo, logger }),
    discard: () => rm(cacheDir, { recursive: true, force: true }),
  });
}

function save(keys: CacheKeys, restored: RestoredBuildCache, extra: { buildSucceeded?: boolean; store?: CacheStore } = {}) {
  return saveBuildCache({
    store: extra.store ?? store(),
    logger,
    paths: [cacheDir],
    keys,
    buildSucceeded: extra.buildSucceeded ?? true,
    restored,
    fingerprint: () => buildpackCacheFingerprint(cacheDir),
    beforeSave: () => prepareCacheForSave(cacheDir, { exec: noSudo, logger }),
  });
}

describe('build cache through the real @actions/cache and the loopback service', () => {
  itAsRoot('miss, save, then an exact hit that restores contents, owners and modes', async () => {
    const keys = keysFor('lock-1');
    expect(await restore(keys)).toEqual({ hit: 'miss' });

    await writeLifecycleCache({ aa: 'layer a', bb: 'layer b' });
    const saved = await save(keys, { hit: 'miss' });
    expect(saved).toMatchObject({ saved: true, key: saveKeyFor(keys.primary, (await buildpackCacheFingerprint(cacheDir))!) });
    // The size we report is the archive that went over the wire.
    expect(saved.bytes).toBeGreaterThan(0);
    expect(saved.bytes).toBe(service.bytesUploaded);
    expect(service.entries()).toMatchObject([{ key: saved.key, size: saved.bytes, finalized: true }]);

    await rm(cacheDir, { recursive: true });
    const restored = await restore(keys);
    expect(restored).toMatchObject({ hit: 'exact', matchedKey: saved.key });
    expect(restored.fingerprint).toBeDefined();
    const layer = join(cacheDir, 'build-cache', 'committed', 'sha256:aa.tar');
    expect(await readFile(layer, 'utf8')).toBe('layer a');
    const st = await stat(layer);
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([1000, 1000, 0o600]);
    expect(warnings()).toEqual([]);
  });

  itAsRoot('uploads 0 bytes when the restored cache is unchanged, and saves a changed one under a new key', async () => {
    const keys = keysFor('lock-1');
    await writeLifecycleCache({ aa: 'layer a' });
    const first = await save(keys, { hit: 'miss' });
    await rm(cacheDir, { recursive: true });

    const restored = await restore(keys);
    expect(restored.hit).toBe('exact');
    const uploadedBefore = service.bytesUploaded;
    const requestsBefore = service.requests.length;
    const unchanged = await save(keys, restored);
    expect(unchanged).toMatchObject({ saved: false, bytes: 0, reason: 'cache unchanged, nothing uploaded' });
    expect(log.map((l) => l.message)).toContain('Cache unchanged, nothing uploaded.');
    expect(service.bytesUploaded).toBe(uploadedBefore);
    expect(service.requests.slice(requestsBefore)).toEqual([]);

    // A new buildpack version changes the layers under the same lockfile.
    await writeLifecycleCache({ aa: 'layer a', cc: 'layer c' });
    const changed = await save(keys, restored);
    expect(changed.saved).toBe(true);
    expect(changed.key).not.toBe(first.key);
    await rm(cacheDir, { recursive: true });
    // The newest entry for the primary key wins.
    expect(await restore(keys)).toMatchObject({ hit: 'exact', matchedKey: changed.key });
    expect(await readFile(join(cacheDir, 'build-cache', 'committed', 'sha256:cc.tar'), 'utf8')).toBe('layer c');
  });

  itAsRoot('falls back to a restore key when the lockfile changed (partial hit), then saves', async () => {
    await writeLifecycleCache({ aa: 'old deps' });
    const old = await save(keysFor('lock-1'), { hit: 'miss' });
    await rm(cacheDir, { recursive: true });

    const keys = keysFor('lock-2');
    const restored = await restore(keys);
    expect(restored).toMatchObject({ hit: 'partial', matchedKey: old.key });
    expect(await readFile(join(cacheDir, 'build-cache', 'committed', 'sha256:aa.tar'), 'utf8')).toBe('old deps');
    // Unchanged content after a partial hit still earns its own, more specific entry.
    const saved = await save(keys, restored);
    expect(saved.saved).toBe(true);
    expect(saved.key!.startsWith(keys.primary)).toBe(true);
  });

  itAsRoot('misses when only other paths (another cache version) were saved', async () => {
    await writeLifecycleCache({ aa: 'x' });
    const keys = keysFor('lock-1');
    await createActionsCacheStore().save([cacheDir, join(work, 'other')], keys.primary);
    expect(await restore(keys)).toEqual({ hit: 'miss' });
  });

  itAsRoot('never overwrites an entry: a second save of the same key is refused and uploads nothing', async () => {
    await writeLifecycleCache({ aa: 'x' });
    const cache = createActionsCacheStore();
    const bytes = await cache.save([cacheDir], 'immutable-key');
    expect(bytes).toBe(service.bytesUploaded);
    await writeLifecycleCache({ bb: 'different' });
    await expect(cache.save([cacheDir], 'immutable-key')).rejects.toBeInstanceOf(CacheEntryExistsError);
    expect(service.bytesUploaded).toBe(bytes);
    expect(service.entries()).toHaveLength(1);
    expect(service.requests.filter((r) => r.path === `${TWIRP}CreateCacheEntry`).map((r) => r.status)).toEqual([200, 409]);

    // Two jobs with the same content: the second one is told, not warned.
    await writeLifecycleCache({ aa: 'same' });
    const keys = keysFor('lock-1');
    expect((await save(keys, { hit: 'miss' })).saved).toBe(true);
    const second = await save(keys, { hit: 'miss' });
    expect(second).toMatchObject({ saved: false, bytes: 0, reason: expect.stringMatching(/already exists, nothing uploaded$/) });
    expect(warnings()).toEqual([]);
  });

  itAsRoot('does not save after a failed build', async () => {
    await writeLifecycleCache({ aa: 'x' });
    expect(await save(keysFor('lock-1'), { hit: 'miss' }, { buildSucceeded: false })).toMatchObject({ saved: false, reason: 'build failed, cache not saved' });
    expect(service.requests).toEqual([]);
  });

  itAsRoot('restores owners and modes that a non-root extract would lose, from the manifest', async () => {
    const keys = keysFor('lock-1');
    await writeLifecycleCache({ aa: 'x' });
    await save(keys, { hit: 'miss' });
    await rm(cacheDir, { recursive: true });
    expect((await restore(keys)).hit).toBe('exact');
    // What tar run as the runner user leaves: everything its own, modes through its umask.
    const committed = join(cacheDir, 'build-cache', 'committed');
    for (const path of [join(cacheDir, 'build-cache'), committed, join(committed, 'sha256:aa.tar')]) await chown(path, 1001, 1001);
    await chmod(committed, 0o755);
    await chmod(join(committed, 'sha256:aa.tar'), 0o644);

    await restoreOwnership(cacheDir, { exec: noSudo, logger });
    const file = await stat(join(committed, 'sha256:aa.tar'));
    expect([file.uid, file.gid, file.mode & 0o7777]).toEqual([1000, 1000, 0o600]);
    expect((await stat(committed)).mode & 0o7777).toBe(0o700);
  });

  it('uploads an archive past the 128 MiB single-shot limit in blocks, and restores it byte for byte', async () => {
    const dir = join(work, 'big');
    await mkdir(dir);
    // Random bytes, so zstd cannot shrink the archive back under the limit.
    const data = randomBytes(130 * 1024 * 1024);
    await writeFile(join(dir, 'blob'), data);
    const digest = createHash('sha256').update(data).digest('hex');
    const cache = createActionsCacheStore();
    const bytes = await cache.save([dir], 'big-key');
    expect(bytes).toBeGreaterThan(128 * 1024 * 1024);
    expect(bytes).toBe(service.bytesUploaded);
    const puts = service.requests.filter((r) => r.method === 'PUT').map((r) => r.path.replace(/^.*\?/, '?'));
    expect(puts.filter((p) => p === '?comp=block').length).toBeGreaterThanOrEqual(3);
    expect(puts.at(-1)).toBe('?comp=blocklist');

    await rm(dir, { recursive: true });
    expect(await cache.restore([dir], 'big-key', [])).toBe('big-key');
    expect(createHash('sha256').update(await readFile(join(dir, 'blob'))).digest('hex')).toBe(digest);
  }, 120_000);
});

describe('a cache service that fails costs a warning, never the build', () => {
  const outages = [
    ['refuses connections', 'refuse'],
    ['answers 500', 'error500'],
    ['hangs', 'hang'],
  ] as const;

  it.each(outages)('restore when the service %s', async (_what, mode) => {
    await service.setFailMode(mode);
    const started = performance.now();
    expect(await restore(keysFor('lock-1'))).toEqual({ hit: 'miss' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(warnings()).toEqual([expect.stringMatching(/^Build cache not restored, building without it: /)]);
    expect(stdoutLines.filter((l) => l.startsWith('::error'))).toEqual([]);
  });

  it.skipIf(!IS_ROOT).each(outages)(rootOnly('save when the service %s'), async (_what, mode) => {
    await writeLifecycleCache({ aa: 'x' });
    await service.setFailMode(mode);
    const started = performance.now();
    const saved = await save(keysFor('lock-1'), { hit: 'miss' });
    expect(saved).toMatchObject({ saved: false, bytes: 0 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(warnings()).toEqual([expect.stringMatching(/^Build cache not saved \(the build is unaffected\): /)]);
    expect(stdoutLines.filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(service.entries().filter((e) => e.finalized)).toEqual([]);
  });

  it('reports the service error itself when the call fails fast', async () => {
    await service.setFailMode('refuse');
    await restore(keysFor('lock-1'));
    expect(warnings()[0]).toMatch(/ECONNREFUSED/);
    expect(stdoutLines.filter((l) => /^::(error|warning)::Failed to restore/.test(l))).toEqual([]);
  });
});

describe('what BuildKit\'s gha backend (its Go client) needs from the emulation', () => {
  const twirp = (method: string, body: object) =>
    fetch(`${service.url}${TWIRP}${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service.env.ACTIONS_RUNTIME_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<Record<string, string | boolean>>);

  it('checks every request and response against the contract @actions/cache ships (cache.proto\'s messages)', async () => {
    await twirp('GetCacheEntryDownloadURL', { key: 'k', version: 'v', restore_keys: ['k'] });
    expect(service.contractViolations).toEqual([]);
    // A field the service does not define, and a wrong type: the real service would refuse both.
    await twirp('GetCacheEntryDownloadURL', { key: 'k', version: 'v', restoreKeys: ['k'], lookup_only: true });
    await twirp('FinalizeCacheEntryUpload', { key: 'k', version: 'v', size_bytes: 'ten' });
    expect(service.contractViolations).toHaveLength(2);
    expect(service.contractViolations[0]).toMatch(/^GetCacheEntryDownloadURL request .*lookup_only/);
    expect(service.contractViolations[1]).toMatch(/^FinalizeCacheEntryUpload request .*size_bytes/);
  });

  it('resumes a download at an offset (x-ms-range, as the Azure SDK sends it) and logs the keys and entries it served', async () => {
    const blob = randomBytes(1000);
    const entry = { key: 'buildkit-blob-1-sha256:abc', version: 'v' };
    const { signed_upload_url: upload } = await twirp('CreateCacheEntry', entry);
    expect((await fetch(String(upload), { method: 'PUT', body: blob })).status).toBe(201);
    expect(await twirp('FinalizeCacheEntryUpload', { ...entry, size_bytes: String(blob.length) })).toMatchObject({ ok: true });
    const { signed_download_url: download } = await twirp('GetCacheEntryDownloadURL', { ...entry, restore_keys: [entry.key] });

    const tail = await fetch(String(download), { headers: { 'x-ms-range': 'bytes=600-' } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe('bytes 600-999/1000');
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(blob.subarray(600));
    const middle = await fetch(String(download), { headers: { range: 'bytes=10-19' } });
    expect(Buffer.from(await middle.arrayBuffer())).toEqual(blob.subarray(10, 20));
    expect((await fetch(String(download), { headers: { 'x-ms-range': 'bytes=1000-' } })).status).toBe(416);
    const whole = await fetch(String(download));
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(blob);

    expect(service.requests.filter((r) => r.path.startsWith(TWIRP)).map((r) => r.key)).toEqual([entry.key, entry.key, entry.key]);
    expect(service.requests.filter((r) => r.method !== 'POST').map((r) => [r.method, r.status, r.entry])).toEqual([
      ['PUT', 201, 1],
      ['GET', 206, 1],
      ['GET', 206, 1],
      ['GET', 416, 1],
      ['GET', 200, 1],
    ]);
  });
});
