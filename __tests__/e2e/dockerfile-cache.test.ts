// Dockerfile mode with cache-backend "actions": BuildKit's cache exported to a local directory,
// carried between jobs by the real @actions/cache through the loopback cache service.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCacheService, type CacheService } from '../support/cache-service.js';
import { registryWithBase, requireDocker, run, workspaceFrom } from '../support/docker.js';
import type { TestRegistry } from '../support/registry.js';
import { ActionJob } from '../support/runner.js';

let registry: TestRegistry;
let cache: CacheService;
let base: string;

beforeAll(async () => {
  await requireDocker();
  ({ registry, base } = await registryWithBase());
  cache = await startCacheService({ runnerTemp: mkdtempSync(join(tmpdir(), 'strata-runner-temp-')) });
});

afterAll(async () => {
  await cache?.stop();
  await registry?.stop();
});

// Runners share a HOME path (/home/runner) but not its contents: tests keep the path and wipe the
// contents between jobs, so only the Actions cache can carry BuildKit's cache from one to the next.
// (@actions/cache restores to the path it saved from, relative to the workspace.)
const home = mkdtempSync(join(tmpdir(), 'strata-home-'));

function job(workspace: string, image: string): ActionJob {
  rmSync(join(home, '.cache'), { recursive: true, force: true });
  return new ActionJob({
    workspace,
    with: { image, push: 'true', 'cache-backend': 'actions', 'build-args': `BASE=${base}` },
    env: { ...cache.env, HOME: home },
  });
}

it('a second job gets a warm build from the restored BuildKit cache, and saves nothing new', async () => {
  const workspace = workspaceFrom('examples/dockerfile-app');
  const image = `${registry.host}/octo-org/cached-app`;

  const first = await job(workspace, image).run();
  expect(first.main.exitCode, first.main.stdout + first.main.stderr).toBe(0);
  expect(first.main.outputs['cache-hit']).toBe('miss');
  expect(first.main.stdout).toContain('BuildKit cache: local directory persisted through the Actions cache');
  expect(first.main.stdout).not.toMatch(/CACHED/);
  expect(first.post.exitCode).toBe(0);
  expect(first.post.stdout).toMatch(/Build cache saved as "strata-v1-Linux-X64-dockerfile-.*" \(\d+ bytes uploaded\)/);
  const saved = cache.entries().filter((e) => e.finalized);
  expect(saved).toHaveLength(1);
  expect(saved[0]!.key.startsWith(first.main.outputs['cache-key']!)).toBe(true);

  // Forget everything the engine's own BuildKit remembers, so only the restored cache can help.
  await run('docker', ['buildx', 'prune', '--all', '--force']);

  const uploadedBefore = cache.bytesUploaded;
  const second = await job(workspace, image).run();
  expect(second.main.exitCode, second.main.stdout + second.main.stderr).toBe(0);
  expect(second.main.outputs['cache-hit']).toBe('exact');
  expect(second.main.outputs['cache-key']).toBe(first.main.outputs['cache-key']);
  // The RUN step came from the restored cache.
  expect(second.main.stdout + second.main.stderr).toMatch(/RUN mkdir -p \/out[^\n]*\n(#\d+ [^\n]*\n)*?#\d+ CACHED/);
  expect(second.post.exitCode).toBe(0);
  // A cold export (no --cache-from) without a provenance attestation carries one unreferenced
  // record a warm one doesn't (BuildKit 0.29; with provenance on, both match). So the second job
  // saves once, and from then on an unchanged cache is never uploaded again.
  if (!second.post.stdout.includes('Cache unchanged, nothing uploaded.')) {
    await run('docker', ['buildx', 'prune', '--all', '--force']);
    const settled = cache.bytesUploaded;
    const third = await job(workspace, image).run();
    expect(third.main.exitCode, third.main.stdout + third.main.stderr).toBe(0);
    expect(third.main.outputs['cache-hit']).toBe('exact');
    expect(third.post.stdout).toContain('Cache unchanged, nothing uploaded.');
    expect(cache.bytesUploaded).toBe(settled);
  } else {
    expect(cache.bytesUploaded).toBe(uploadedBefore);
  }
}, 240_000);

it('a failed build saves no cache', async () => {
  const workspace = workspaceFrom('examples/dockerfile-app');
  writeFileSync(join(workspace, 'Dockerfile'), `FROM ${base}\nRUN exit 7\n`);
  const before = cache.entries().length;
  const { main, post } = await job(workspace, `${registry.host}/octo-org/cache-broken`).run();
  expect(main.exitCode).toBe(1);
  expect(post.exitCode).toBe(0);
  expect(cache.entries().length).toBe(before);
}, 120_000);

it('a cache service that accepts and never answers costs one stall bound in the whole job, not ~40 minutes', async () => {
  const hung = await startCacheService({ runnerTemp: mkdtempSync(join(tmpdir(), 'strata-runner-temp-')) });
  try {
    await hung.setFailMode('hang');
    const workspace = workspaceFrom('examples/dockerfile-app');
    rmSync(join(home, '.cache'), { recursive: true, force: true });
    const job = new ActionJob({
      workspace,
      with: { image: `${registry.host}/octo-org/cache-hung`, push: 'true', 'cache-backend': 'actions', 'build-args': `BASE=${base}` },
      env: { ...hung.env, HOME: home },
    });
    const started = performance.now();
    const main = await job.main();
    const mainMs = performance.now() - started;
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    expect(main.outputs['cache-hit']).toBe('miss');
    expect(main.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
      expect.stringMatching(/^Build cache not restored, building without it: restoring ".*" was given up: the cache service made no progress for 30 s/),
    ]);
    expect(main.state['cache-service-down']).toMatch(/made no progress for 30 s/);
    // The restore's stall bound (30 s) and a build.
    expect(mainMs).toBeLessThan(90_000);

    const requests = hung.requests.length;
    const postStarted = Date.now();
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(Date.now() - postStarted).toBeLessThan(10_000);
    expect(hung.requests.length).toBe(requests);
    expect(post.annotations.map((a) => a.message)).toEqual([expect.stringMatching(/^Build cache not saved \(the build is unaffected\): the Actions cache service is not asked again \(it failed earlier in this job\): /)]);
  } finally {
    await hung.stop();
  }
}, 180_000);
