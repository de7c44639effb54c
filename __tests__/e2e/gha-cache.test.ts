// Dockerfile mode with Strata's defaults (cache-backend auto): on buildx >= 0.21 that is BuildKit's
// own gha backend, which talks to the Actions cache service v2 itself (twirp + blob PUT/GET). Here
// it talks to the loopback emulation, and a "second fresh runner" (BuildKit's cache pruned, the
// local image gone) must get its steps from what the first job uploaded.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ghaScope } from '../../src/build/buildkit-cache.js';
import { startCacheService, type CacheService, type LoggedRequest } from '../support/cache-service.js';
import { registryWithBase, requireDocker, run } from '../support/docker.js';
import type { TestRegistry } from '../support/registry.js';
import { ActionJob, type StepRun } from '../support/runner.js';

let registry: TestRegistry;
let cache: CacheService;
let base: string;
const repository = 'octo-org/two-images';

beforeAll(async () => {
  await requireDocker();
  ({ registry, base } = await registryWithBase());
  cache = await startCacheService({ runnerTemp: mkdtempSync(join(tmpdir(), 'strata-runner-temp-')) });
});

/** Tags this file's jobs leave in the engine (the default tags on a push to main). */
const built: string[] = [];

afterAll(async () => {
  // BuildKit's Go client and @actions/cache both kept to the cache service's messages.
  expect(cache?.contractViolations ?? []).toEqual([]);
  await forgetLocally(...built);
  await cache?.stop();
  await registry?.stop();
});

/**
 * An app whose RUN step takes a moment. The nonce makes its steps unique to this test run: the
 * engine is shared, and another test building the same Dockerfile on the same (deterministic)
 * busybox base would otherwise put the same steps back into BuildKit's local cache.
 */
function app(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `strata-ws-${name}-`));
  const nonce = `${name}-${randomUUID()}`;
  writeFileSync(
    join(dir, 'Dockerfile'),
    [
      `FROM ${base} AS build`,
      `RUN sleep 2 && mkdir -p /out && echo ${nonce} > /out/built`,
      `FROM ${base}`,
      'COPY --from=build /out /app',
      'CMD ["cat", "/app/built"]',
      '',
    ].join('\n'),
  );
  return dir;
}

function job(workspace: string, image: string): ActionJob {
  built.push(`${image}:main`, `${image}:sha-0123456`);
  // Nothing but the image and its base: cache-backend, cache and the rest stay at their defaults.
  return new ActionJob({ workspace, repository, with: { image, push: 'true' }, env: cache.env });
}

const log = (step: StepRun) => step.stdout + step.stderr;
/** Whether BuildKit's plain progress says the RUN step was CACHED (`#N [build 2/2] RUN ...`, then `#N CACHED`). */
function runCached(step: StepRun): boolean {
  const id = /^#(\d+) \[build \d+\/\d+\] RUN sleep 2/m.exec(log(step))?.[1];
  expect(id, log(step)).toBeDefined();
  return new RegExp(`^#${id} CACHED$`, 'm').test(log(step));
}
const since = (mark: number) => cache.requests.slice(mark);
const twirpKeys = (requests: LoggedRequest[], method: string) =>
  requests.filter((r) => r.path.endsWith(`/${method}`)).map((r) => r.key ?? '');
const downloads = (requests: LoggedRequest[]) => requests.filter((r) => r.method === 'GET' && r.path.startsWith('/download/') && r.status < 300);

/** The image a second runner would not have: gone from the engine, so BuildKit cannot reuse its layers. */
async function forgetLocally(...refs: string[]): Promise<void> {
  for (const ref of refs) await run('docker', ['image', 'rm', '--force', ref]).catch(() => undefined);
}

it('a second fresh runner gets its steps from the gha cache; two images keep separate scopes', async () => {
  const api = { workspace: app('api'), image: `${registry.host}/octo-org/api` };
  const worker = { workspace: app('worker'), image: `${registry.host}/octo-org/worker` };
  const scopes = { api: ghaScope(api.image, []), worker: ghaScope(worker.image, []) };
  expect(scopes.api).not.toBe(scopes.worker);

  // Job 1 on two runners: cold builds that upload their caches.
  const cold: Record<string, StepRun> = {};
  const coldRequests: Record<string, LoggedRequest[]> = {};
  for (const [name, target] of Object.entries({ api, worker })) {
    const mark = cache.requests.length;
    const { main, post } = await job(target.workspace, target.image).run();
    expect(main.exitCode, log(main)).toBe(0);
    expect(post.exitCode, log(post)).toBe(0);
    expect(main.stdout).toContain(
      `BuildKit cache: BuildKit's gha backend restores and saves it through the GitHub Actions cache itself, during the build (scope ${scopes[name as 'api']}).`,
    );
    expect(post.stdout).toContain("Nothing to save in the post step: BuildKit's gha backend saved the cache during the build");
    expect(runCached(main), log(main)).toBe(false);
    cold[name] = main;
    coldRequests[name] = since(mark);
  }
  const indexKeys = (requests: LoggedRequest[]) => twirpKeys(requests, 'CreateCacheEntry').filter((k) => k.startsWith('index-'));
  // Each image wrote its own index, under its own scope, and uploaded blobs for its layers.
  expect(indexKeys(coldRequests.api!)).toEqual([expect.stringMatching(new RegExp(`^index-${scopes.api}-`))]);
  expect(indexKeys(coldRequests.worker!)).toEqual([expect.stringMatching(new RegExp(`^index-${scopes.worker}-`))]);
  const entries = cache.entries().filter((e) => e.finalized);
  expect(entries.filter((e) => e.key.startsWith('buildkit-blob-')).length).toBeGreaterThan(0);
  expect(cache.bytesUploaded).toBeGreaterThan(0);

  // A second fresh runner: BuildKit's cache and the local images are gone (the engine is shared:
  // this prunes everyone's build cache, which other tests do too, and only once here).
  await run('docker', ['buildx', 'prune', '--all', '--force']);
  await forgetLocally(...built);

  const warmRequests: Record<string, LoggedRequest[]> = {};
  for (const [name, target] of Object.entries({ api, worker })) {
    const mark = cache.requests.length;
    const uploadedBefore = cache.bytesUploaded;
    const { main, post } = await job(target.workspace, target.image).run();
    expect(main.exitCode, log(main)).toBe(0);
    expect(post.exitCode, log(post)).toBe(0);
    const scope = scopes[name as 'api'];
    expect(log(main)).toContain(`importing cache manifest from gha:`);
    // The RUN step (and so the image) came from the gha cache: nothing local could serve it.
    expect(runCached(main), log(main)).toBe(true);
    expect(main.annotations.filter((a) => a.level === 'warning')).toEqual([]);
    const requests = since(mark);
    warmRequests[name] = requests;
    // It looked its own scope up, and downloaded that index and the blobs it lists.
    const lookups = twirpKeys(requests, 'GetCacheEntryDownloadURL');
    expect(lookups.some((k) => k.startsWith(`index-${scope}-`))).toBe(true);
    expect(lookups.filter((k) => k.startsWith('index-')).every((k) => k.startsWith(`index-${scope}-`))).toBe(true);
    const got = downloads(requests).map((r) => entries.find((e) => e.id === r.entry)?.key ?? `new entry ${r.entry}`);
    expect(got).toContainEqual(expect.stringMatching(new RegExp(`^index-${scope}-`)));
    expect(got.some((k) => k.startsWith('buildkit-blob-'))).toBe(true);
    // Same steps, same blobs: the warm export uploads no layer again.
    expect(twirpKeys(requests, 'CreateCacheEntry').filter((k) => k.startsWith('buildkit-blob-'))).toEqual([]);
    expect(cache.bytesUploaded - uploadedBefore).toBeLessThan(64 * 1024);
  }
  // The worker never read the api's index, nor the api the worker's.
  const indexDownloads = (requests: LoggedRequest[]) =>
    downloads(requests).map((r) => entries.find((e) => e.id === r.entry)?.key ?? '').filter((k) => k.startsWith('index-'));
  expect(indexDownloads(warmRequests.api!).every((k) => k.includes(scopes.api))).toBe(true);
  expect(indexDownloads(warmRequests.worker!).every((k) => k.includes(scopes.worker))).toBe(true);
}, 600_000);

it.each(['refuse', 'error500'] as const)('a cache service that is down (%s) costs a warning, never the build', async (mode) => {
  const target = { workspace: app(`down-${mode}`), image: `${registry.host}/octo-org/down-${mode.toLowerCase()}` };
  await cache.setFailMode(mode);
  try {
    const { main, post } = await job(target.workspace, target.image).run();
    expect(main.exitCode, log(main)).toBe(0);
    expect(post.exitCode, log(post)).toBe(0);
    expect(main.outputs.digest).toMatch(/^sha256:/);
    // Strata asks the service itself first (BuildKit's gha backend has no timeout): a service that
    // is down is one warning, and BuildKit builds without the gha cache instead of erroring under it.
    const why = mode === 'refuse' ? /ECONNREFUSED/ : /HTTP 500/;
    const warnings = main.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings, log(main)).toEqual([expect.stringMatching(/^Building without BuildKit's gha cache: the Actions cache service did not answer a lookup/)]);
    expect(warnings[0]).toMatch(why);
    expect(main.stdout).not.toMatch(/--cache-(from|to) type=gha/);
  } finally {
    await cache.setFailMode('none');
  }
}, 240_000);
