// Buildpack mode through the bundled action, as the runner runs it (uid 1001), on the REAL pack
// and lifecycle (built from source by scripts/test-builder.sh) in the real engine, with images
// in a loopback registry and the layer cache going through the real @actions/cache and the
// loopback cache service. Every job is a fresh runner: new HOME (so no bind directory), the app's
// and builders' images and pack's volumes gone. The evidence of reuse is the lifecycle's own log.
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freshRunner, publishTestBuilders, type TestBuilders } from '../support/buildpacks.js';
import { startCacheService, type CacheService } from '../support/cache-service.js';
import { requireDocker, skopeoInspect, workspaceFrom } from '../support/docker.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { describeAsRoot } from '../support/root.js';
import { ActionJob, RUNNER_USER, type JobOptions } from '../support/runner.js';

let registry: TestRegistry;
let cache: CacheService;
let builders: TestBuilders;
// Runners share the HOME path (/home/runner on GitHub) but not its contents: each job gets it empty.
const home = mkdtempSync(join(tmpdir(), 'strata-home-'));

beforeAll(async () => {
  await requireDocker();
  registry = await startRegistry();
  cache = await startCacheService({ runnerTemp: mkdtempSync(join(tmpdir(), 'strata-runner-temp-')) });
  builders = await publishTestBuilders(registry.host);
}, 600_000);

afterAll(async () => {
  // BuildKit's Go client and @actions/cache both kept to the cache service's messages.
  expect(cache?.contractViolations ?? []).toEqual([]);
  await cache?.stop();
  await registry?.stop();
});

/** One job on a fresh runner, as uid 1001, with an empty HOME. */
async function job(workspace: string, image: string, builder: string, opts: Partial<JobOptions> = {}): Promise<{ job: ActionJob; home: string }> {
  await freshRunner(image, `${registry.host}/strata-test/builder`, `${registry.host}/strata-test/run`);
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home);
  const job = new ActionJob({
    workspace,
    user: RUNNER_USER,
    ...opts,
    with: { image, push: 'true', 'buildpack-builder': builder, ...opts.with },
    env: { ...cache.env, HOME: home, ...opts.env },
  });
  return { job, home };
}

/** Files of the bind cache under a job's HOME (pack appends build-cache/). */
function bindCacheEntries(home: string): string[] {
  const root = join(home, '.cache/strata/buildpack');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === '.strata-ownership.json') continue;
      found.push(path);
      if (lstatSync(path).isDirectory()) walk(path);
    }
  };
  for (const dir of readdirSync(root)) walk(join(root, dir, 'build-cache'));
  return found;
}

const ADD_DEPENDENCY = JSON.stringify({
  name: 'buildpack-node-app',
  version: '1.0.0',
  lockfileVersion: 3,
  packages: {
    '': { name: 'buildpack-node-app', version: '1.0.0', dependencies: { 'left-pad': '1.3.0', 'is-number': '7.0.0' } },
    'node_modules/left-pad': { version: '1.3.0' },
    'node_modules/is-number': { version: '7.0.0' },
  },
});

describeAsRoot('buildpack mode on the real pack and lifecycle', () => {
  it('cold, then a fresh runner restores the layer cache and the lifecycle reuses it; a lockfile change rebuilds only that layer', async () => {
    const workspace = workspaceFrom('__tests__/fixtures/buildpack-node-app');
    const image = `${registry.host}/octo-org/node-app`;

    // 1. Cold: a miss, the buildpack installs, the image is pushed, the cache is saved.
    const cold = await (await job(workspace, image, builders.uid1001)).job.run();
    expect(cold.main.exitCode, cold.main.stdout + cold.main.stderr).toBe(0);
    expect(cold.main.outputs.mode).toBe('buildpack');
    expect(cold.main.outputs['buildpack-builder']).toBe(builders.uid1001);
    expect(cold.main.outputs['cache-hit']).toBe('miss');
    expect(cold.main.stdout).toContain('strata-test/node: installing dependencies');
    expect(cold.main.stdout).toContain('left-pad@1.3.0: downloading');
    expect(cold.main.stdout).toMatch(/--network host/);
    expect(cold.main.outputs['reused-layers']).toBe('');
    expect((await skopeoInspect(`${image}:main`)).Digest).toBe(cold.main.outputs.digest);
    // The run image is the base the report and rebase key on: its digest and top layer are recorded.
    const metadata = JSON.parse(cold.main.outputs.metadata!) as { runImage?: { image?: string; topLayer?: string } };
    const runConfig = (await skopeoInspect(builders.runImage(1001), '--config')) as { rootfs: { diff_ids: string[] } };
    expect(metadata.runImage?.image).toBe(builders.runImage(1001));
    expect(metadata.runImage?.topLayer).toBe(runConfig.rootfs.diff_ids.at(-1));
    expect(cold.post.stdout).toMatch(/Build cache saved as "strata-v1-Linux-X64-buildpack-[^"]+" \(\d+ bytes uploaded\)/);
    expect(cache.entries().filter((e) => e.finalized)).toHaveLength(1);

    // 2. A fresh runner, same lockfile: an exact hit, and the lifecycle says it restored and reused.
    const uploaded = cache.bytesUploaded;
    const warm = await (await job(workspace, image, builders.uid1001)).job.run();
    expect(warm.main.exitCode, warm.main.stdout + warm.main.stderr).toBe(0);
    expect(warm.main.outputs['cache-hit']).toBe('exact');
    expect(warm.main.stdout).toContain('Restoring data for "strata-test/node:deps" from cache');
    expect(warm.main.stdout).toContain('Restoring data for "strata-test/node:npm-cache" from cache');
    expect(warm.main.stdout).toContain('strata-test/node: reusing layer deps');
    expect(warm.main.stdout).not.toContain('installing dependencies');
    // The exporter took the unchanged layers from the previous image (the branch tag pushed by job 1).
    expect(warm.main.stdout).toContain(`Previous image: ${image}:main`);
    expect(warm.main.outputs['reused-layers']?.split('\n').sort()).toEqual(['strata-test/node:config', 'strata-test/node:deps']);
    expect(warm.main.stdout).toMatch(/Buildpack layers: 2 of 2 buildpack layers reused/);
    // Same inputs, same lifecycle: the same image.
    expect(warm.main.outputs.digest).toBe(cold.main.outputs.digest);
    expect(warm.post.stdout).toContain('Cache unchanged, nothing uploaded.');
    expect(cache.bytesUploaded).toBe(uploaded);

    // 3. A new dependency: a partial hit; the deps layer is rebuilt, the old package comes from the
    //    restored npm cache, only the new one is downloaded; the new cache is saved.
    writeFileSync(join(workspace, 'package-lock.json'), ADD_DEPENDENCY);
    const changed = await (await job(workspace, image, builders.uid1001)).job.run();
    expect(changed.main.exitCode, changed.main.stdout + changed.main.stderr).toBe(0);
    expect(changed.main.outputs['cache-hit']).toBe('partial');
    expect(changed.main.outputs['cache-key']).not.toBe(cold.main.outputs['cache-key']);
    expect(changed.main.stdout).toContain('strata-test/node: installing dependencies');
    expect(changed.main.stdout).toContain('left-pad@1.3.0: from the npm cache');
    expect(changed.main.stdout).toContain('is-number@7.0.0: downloading');
    expect(changed.main.outputs['reused-layers']).toBe('strata-test/node:config');
    expect(changed.post.stdout).toMatch(/Build cache saved as/);
    expect(cache.bytesUploaded).toBeGreaterThan(uploaded);
    expect(cache.entries().filter((e) => e.finalized)).toHaveLength(2);
  }, 600_000);

  it('a pull request build (not pushed) reuses launch layers from the base branch image, pulled as its previous image', async () => {
    const workspace = workspaceFrom('__tests__/fixtures/buildpack-node-app');
    const image = `${registry.host}/octo-org/pr-app`;
    const main = await (await job(workspace, image, builders.uid1001)).job.run();
    expect(main.main.exitCode, main.main.stdout + main.main.stderr).toBe(0);

    const { job: pr } = await job(workspace, image, builders.uid1001, {
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      event: { number: 7, pull_request: { number: 7, head: { sha: 'abcdef0123456789abcdef0123456789abcdef01', repo: { full_name: 'octo-org/hello-app' } }, base: { ref: 'main', repo: { full_name: 'octo-org/hello-app' } } }, repository: { default_branch: 'main', full_name: 'octo-org/hello-app' } },
      with: { push: 'false', comment: 'never' },
    });
    const run1 = await pr.main();
    expect(run1.exitCode, run1.stdout + run1.stderr).toBe(0);
    expect(run1.stdout).toContain(`Previous image: ${image}:main`);
    expect(run1.stdout).toMatch(new RegExp(`^pack build .* --previous-image ${image}:main$`, 'm'));
    expect(run1.stdout).not.toMatch(/^pack build .* --publish/m);
    expect(run1.outputs['reused-layers']?.split('\n')).toContain('strata-test/node:config');
  }, 300_000);

  it('as uid 1001, a restore gives the 1000:1000 builder its files back before any lifecycle runs', async () => {
    const workspace = workspaceFrom('__tests__/fixtures/buildpack-node-app');
    const image = `${registry.host}/octo-org/owned-app`;
    const cold = await (await job(workspace, image, builders.uid1000)).job.run();
    expect(cold.main.exitCode, cold.main.stdout + cold.main.stderr).toBe(0);
    expect(cold.post.stdout).toMatch(/Build cache saved as/);

    // A run image that does not exist: the cache is restored, then pack fails before any
    // lifecycle container could chown the directory. What is on disk is what Strata's restore left.
    const { job: restoreOnly } = await job(workspace, image, builders.uid1000, { with: { 'run-image': `${registry.host}/strata-test/run:missing` } });
    const main = await restoreOnly.main();
    expect(main.exitCode).toBe(1);
    expect(main.outputs['cache-hit']).toBe('exact');
    expect(main.stdout).toMatch(/Cache files given back their builder's owners and modes \(\d+ entries, uid 1001 restored them\)/);
    const entries = bindCacheEntries(home);
    expect(entries.length).toBeGreaterThan(2);
    for (const path of entries) {
      const stat = lstatSync(path);
      expect(`${stat.uid}:${stat.gid}`, path).toBe('1000:1000');
    }
    expect((await restoreOnly.post()).stdout).not.toMatch(/Build cache saved/);

    // And the real lifecycle builds on it as 1000:1000 from a runner that is uid 1001.
    const warm = await (await job(workspace, image, builders.uid1000)).job.run();
    expect(warm.main.exitCode, warm.main.stdout + warm.main.stderr).toBe(0);
    expect(warm.main.outputs['cache-hit']).toBe('exact');
    expect(warm.main.stdout).toContain('strata-test/node: reusing layer deps');
    expect(warm.post.stdout).toContain('Cache unchanged, nothing uploaded.');
  }, 600_000);

  it('secrets reach the buildpack as a read-only service binding, never as env or in anything Strata writes', async () => {
    const workspace = workspaceFrom('__tests__/fixtures/buildpack-node-app');
    const value = `//registry.test/:_authToken=npm_${randomBytes(12).toString('hex')}`;
    const { job: bound } = await job(workspace, `${registry.host}/octo-org/bound-app`, builders.uid1000, { with: { secrets: `npmrc/.npmrc=${value}` } });
    const { main, post } = await bound.run();
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    // The 1000:1000 builder read the file our uid 1001 wrote: what it hashed is the secret.
    expect(main.stdout).toContain(`strata-test/node: binding npmrc: .npmrc sha256=${createHash('sha256').update(value).digest('hex')}`);
    expect(main.stdout).toMatch(/--volume \S+:\/platform\/bindings:ro/);
    // The runner consumes ::add-mask:: lines (that is how the value gets masked); everything else must lack it.
    const unmasked = (text: string) => text.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    expect(main.stdout).toContain(`::add-mask::${value}`);
    for (const text of [main.stdout, main.stderr, post.stdout, main.summary, JSON.stringify(main.outputs), JSON.stringify(main.state)]) {
      expect(unmasked(text)).not.toContain(value);
    }
    // The bindings are gone with the build.
    expect(readdirSync(cache.env.RUNNER_TEMP!, { recursive: true }).some((p) => String(p).includes('strata-bindings-'))).toBe(false);
  }, 300_000);

  it('a failed buildpack build fails the step with pack\'s output and saves nothing', async () => {
    const workspace = workspaceFrom('__tests__/fixtures/buildpack-node-app');
    // Recognised as an app (Procfile), but the fixture buildpack only detects package.json.
    rmSync(join(workspace, 'package.json'));
    writeFileSync(join(workspace, 'Procfile'), 'web: node index.js\n');
    const before = cache.entries().length;
    const { main, post } = await (await job(workspace, `${registry.host}/octo-org/no-detect`, builders.uid1001)).job.run();
    expect(main.exitCode).toBe(1);
    const [error] = main.annotations.filter((a) => a.level === 'error');
    expect(error?.message).toMatch(/^pack build failed \(exit \d+\):/);
    expect(error?.message).toMatch(/No buildpack groups passed detection/);
    expect(error?.message).not.toMatch(/\n\s+at /);
    expect(post.exitCode).toBe(0);
    expect(cache.entries().length).toBe(before);
  }, 300_000);
});

