// Buildpack mode through the bundled action, as the runner runs it: an app without a Dockerfile is
// detected and built by the pack test double into a loopback registry, and its layer cache goes
// through the real @actions/cache and the loopback cache service between jobs.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCacheService, type CacheService } from '../support/cache-service.js';
import { requireDocker, skopeoInspect, workspaceFrom } from '../support/docker.js';
import { preparePackDouble, type PackDouble } from '../support/pack-double/index.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { ActionJob } from '../support/runner.js';

let registry: TestRegistry;
let cache: CacheService;
let pack: PackDouble;
// Runners share the HOME path but not its contents; each job starts with an empty ~/.cache.
const home = mkdtempSync(join(tmpdir(), 'strata-home-'));

beforeAll(async () => {
  await requireDocker();
  registry = await startRegistry();
  cache = await startCacheService({ runnerTemp: mkdtempSync(join(tmpdir(), 'strata-runner-temp-')) });
  pack = await preparePackDouble(registry.host);
});

afterAll(async () => {
  await cache?.stop();
  await registry?.stop();
});

function job(workspace: string, image: string): ActionJob {
  rmSync(join(home, '.cache'), { recursive: true, force: true });
  return new ActionJob({
    workspace,
    with: { image, push: 'true', 'buildpack-builder': pack.builder },
    env: { ...cache.env, ...pack.env, HOME: home },
  });
}

function committedLayers(): string[] {
  const root = join(home, '.cache/strata/buildpack');
  const [dir] = readdirSync(root);
  return readdirSync(join(root, dir!, 'build-cache/committed')).map((n) => join(root, dir!, 'build-cache/committed', n));
}

it('detects the app, builds it with buildpacks, and carries the layer cache between jobs', async () => {
  const workspace = workspaceFrom('__tests__/fixtures/buildpack-node-app');
  const image = `${registry.host}/octo-org/node-app`;

  // 1. Cold: a miss, a real build, a save.
  const first = await job(workspace, image).run();
  expect(first.main.exitCode, first.main.stdout + first.main.stderr).toBe(0);
  expect(first.main.outputs.mode).toBe('buildpack');
  expect(first.main.outputs['mode-reason']).toBe('no Dockerfile; package.json found, so Cloud Native Buildpacks build it');
  expect(first.main.outputs['buildpack-builder']).toBe(pack.builder);
  expect(first.main.outputs['cache-hit']).toBe('miss');
  expect(first.main.stdout).not.toContain('reusing cached layer');
  expect((await skopeoInspect(`${image}:main`)).Digest).toBe(first.main.outputs.digest);
  expect(first.post.stdout).toMatch(/Build cache saved as "strata-v1-Linux-X64-buildpack-[^"]+" \(\d+ bytes uploaded\)/);
  expect(cache.entries().filter((e) => e.finalized)).toHaveLength(1);

  // 2. Warm, same lockfile: an exact hit, the buildpack reuses its layer, nothing uploaded.
  const uploaded = cache.bytesUploaded;
  const second = await job(workspace, image).run();
  expect(second.main.exitCode, second.main.stdout + second.main.stderr).toBe(0);
  expect(second.main.outputs['cache-hit']).toBe('exact');
  expect(second.main.stdout).toContain('reusing cached layer');
  // The restored files belong to the builder's user again (uid 1000), as the lifecycle left them.
  for (const file of committedLayers()) expect(statSync(file).uid, file).toBe(1000);
  expect(second.post.stdout).toContain('Cache unchanged, nothing uploaded.');
  expect(cache.bytesUploaded).toBe(uploaded);

  // 3. A lockfile change: a partial hit through the restore key, a rebuilt layer, a new save.
  writeFileSync(join(workspace, 'package-lock.json'), JSON.stringify({ name: 'fixture', lockfileVersion: 3, packages: { '': { version: '1.0.1' } } }));
  const third = await job(workspace, image).run();
  expect(third.main.exitCode, third.main.stdout + third.main.stderr).toBe(0);
  expect(third.main.outputs['cache-hit']).toBe('partial');
  expect(third.main.outputs['cache-key']).not.toBe(first.main.outputs['cache-key']);
  expect(third.post.stdout).toMatch(/Build cache saved as/);
  expect(cache.bytesUploaded).toBeGreaterThan(uploaded);
  expect(cache.entries().filter((e) => e.finalized)).toHaveLength(2);
}, 300_000);

it('a failed buildpack build fails the step with pack\'s output and saves nothing', async () => {
  const workspace = workspaceFrom('__tests__/fixtures/buildpack-node-app');
  // Recognised as an app (Procfile), but the fixture buildpack only detects package.json.
  rmSync(join(workspace, 'package.json'));
  writeFileSync(join(workspace, 'Procfile'), 'web: node index.js\n');
  const before = cache.entries().length;
  const { main, post } = await job(workspace, `${registry.host}/octo-org/no-detect`).run();
  expect(main.exitCode).toBe(1);
  const [error] = main.annotations.filter((a) => a.level === 'error');
  expect(error?.message).toMatch(/^pack build failed \(exit \d+\):/);
  expect(error?.message).not.toMatch(/\n\s+at /);
  expect(post.exitCode).toBe(0);
  expect(cache.entries().length).toBe(before);
}, 120_000);
