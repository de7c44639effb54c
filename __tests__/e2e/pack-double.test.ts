// Buildpack mode end to end: src/build/pack.ts drives the pack TEST DOUBLE (pack-double.mjs),
// which runs the fixture buildpack as uid 1000 in the real engine, keeps a bind cache in the
// lifecycle's layout and pushes a real image to a loopback registry.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/adapters.js';
import { PackBuildError, runPackBuild } from '../../src/build/pack.js';
import type { PackBuildPlan } from '../../src/build/pack-args.js';
import { createExec } from '../../src/io/exec.js';
import { requireDocker, skopeoInspect, workspaceFrom } from '../support/docker.js';
import { packDoubleEnv, preparePackDouble, type PackDouble } from '../support/pack-double/index.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

const CACHE_METADATA = 'io.buildpacks.lifecycle.cache.metadata';

interface CacheMetadata {
  buildpacks: { key: string; version: string; layers: Record<string, { sha: string; data: Record<string, string>; build: boolean; launch: boolean; cache: boolean }> }[];
}

describe('pack adapter + pack test double (real engine, loopback registry)', () => {
  let registry: TestRegistry;
  let pd: PackDouble;
  let work: string;
  let app: string;
  let cacheRoot: string;
  let output = '';
  const logger: Logger = {
    info: (m) => void (output += `${m}\n`),
    warning: (m) => void (output += `warning: ${m}\n`),
    error: (m) => void (output += `error: ${m}\n`),
    debug: () => undefined,
    group: (_n, fn) => fn(),
  };
  const exec = createExec({ out: (s) => void (output += s), err: (s) => void (output += s) });

  const plan = (overrides: Partial<PackBuildPlan> = {}): PackBuildPlan => ({
    image: `${registry.host}/strata/node-app:1`,
    extraTags: [],
    builder: pd.builder,
    path: app,
    cacheDir: cacheRoot,
    pullPolicy: 'if-not-present',
    publish: true,
    env: ['STRATA_TEST_GREETING=hello'],
    reportDir: join(work, `report-${Math.random().toString(36).slice(2)}`),
    ...overrides,
  });
  const build = async (overrides: Partial<PackBuildPlan> = {}) => {
    output = '';
    return runPackBuild(plan(overrides), { exec, logger, env: pd.env });
  };
  const committed = () => join(cacheRoot, 'build-cache', 'committed');
  const readCacheMetadata = () => readFileSync(join(committed(), CACHE_METADATA), 'utf8');

  beforeAll(async () => {
    await requireDocker();
    registry = await startRegistry();
    pd = await preparePackDouble(registry.host);
    work = await mkdtemp(join(tmpdir(), 'strata-pack-e2e-'));
    app = workspaceFrom('__tests__/fixtures/buildpack-node-app');
    cacheRoot = join(work, 'cnb');
  });
  afterAll(async () => {
    await registry?.stop();
    if (work) await rm(work, { recursive: true, force: true });
    if (app) await rm(app, { recursive: true, force: true });
  });

  it('first build: pushes one layer per launch layer on top of the run image, with lifecycle labels', { timeout: 120_000 }, async () => {
    const result = await build({ extraTags: [`${registry.host}/strata/node-app:latest`] });
    expect(output).toContain('installing dependencies: cache miss');
    expect(output).toContain('platform env STRATA_TEST_GREETING=hello');
    expect(output).toMatch(/pack build .* --cache "type=build;format=bind;source=.*\/cnb" --pull-policy if-not-present --publish/);

    const runManifest = await skopeoInspect(pd.runImage);
    const runConfig = (await skopeoInspect(pd.runImage, '--config')) as { rootfs: { diff_ids: string[] } };
    expect(result).toMatchObject({
      mode: 'buildpack',
      tags: [`${registry.host}/strata/node-app:1`, `${registry.host}/strata/node-app:latest`],
      pushed: true,
      builder: pd.builder,
      baseImages: [{ reference: pd.runImage, stage: 'run-image', runtime: true, digest: runManifest['Digest'] }],
    });
    expect(result.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.metadata).toMatchObject({
      image: { tags: result.tags, digest: result.digest },
      runImage: { image: pd.runImage, topLayer: runConfig.rootfs.diff_ids.at(-1) },
    });

    const image = await skopeoInspect(`${registry.host}/strata/node-app@${result.digest}`);
    const config = (await skopeoInspect(`${registry.host}/strata/node-app@${result.digest}`, '--config')) as { rootfs: { diff_ids: string[] } };
    expect(await skopeoInspect(`${registry.host}/strata/node-app:latest`)).toMatchObject({ Digest: result.digest });
    const runLayers = runConfig.rootfs.diff_ids;
    const diffIds = config.rootfs.diff_ids;
    // run image layers + the two launch layers (deps, app), in that order.
    expect(diffIds).toHaveLength(runLayers.length + 2);
    expect(diffIds.slice(0, runLayers.length)).toEqual(runLayers);
    expect(image['Layers']).toHaveLength(runLayers.length + 2);

    const labels = image['Labels'] as Record<string, string>;
    const lifecycle = JSON.parse(labels['io.buildpacks.lifecycle.metadata']!);
    expect(lifecycle.runImage).toEqual({
      topLayer: runLayers.at(-1),
      reference: `${pd.runImage.replace(/:1$/, '')}@${runManifest['Digest']}`,
      image: pd.runImage,
    });
    expect(lifecycle.buildpacks).toEqual([
      {
        key: 'strata-test/node-deps',
        version: '0.0.1',
        layers: {
          app: { sha: diffIds[runLayers.length], data: {}, build: false, launch: true, cache: false },
          deps: { sha: diffIds[runLayers.length + 1], data: { 'lockfile-sha256': expect.stringMatching(/^[0-9a-f]{64}$/) }, build: true, launch: true, cache: true },
        },
      },
    ]);
    const buildMeta = JSON.parse(labels['io.buildpacks.build.metadata']!);
    expect(buildMeta.buildpacks).toEqual([{ id: 'strata-test/node-deps', version: '0.0.1' }]);
    expect(buildMeta.processes[0]).toMatchObject({ type: 'web', command: ['node', '/layers/strata-test_node-deps/app/index.js'] });

    // The bind cache: pack's <source>/build-cache, in the lifecycle's committed/ layout.
    const meta = JSON.parse(readCacheMetadata()) as CacheMetadata;
    const deps = meta.buildpacks[0]!.layers['deps']!;
    expect(meta.buildpacks).toEqual([{ key: 'strata-test/node-deps', version: '0.0.1', layers: { deps } }]);
    expect(deps).toMatchObject({ build: true, launch: true, cache: true, data: { 'lockfile-sha256': lifecycle.buildpacks[0].layers.deps.data['lockfile-sha256'] } });
    expect(readdirSync(committed()).sort()).toEqual([CACHE_METADATA, `${deps.sha}.tar`].sort());
    const tar = readFileSync(join(committed(), `${deps.sha}.tar`));
    expect(`sha256:${createHash('sha256').update(tar).digest('hex')}`).toBe(deps.sha);
    for (const p of [join(cacheRoot, 'build-cache'), committed(), join(committed(), CACHE_METADATA), join(committed(), `${deps.sha}.tar`)]) {
      expect({ p, uid: statSync(p).uid, gid: statSync(p).gid }).toEqual({ p, uid: 1000, gid: 1000 });
    }
  });

  it('second build (loaded into the engine): reuses the cached layer and leaves the cache as it was', { timeout: 120_000 }, async () => {
    const before = readCacheMetadata();
    const tarsBefore = readdirSync(committed()).sort();
    const result = await build({ publish: false, image: `${registry.host}/strata/node-app:local` });
    expect(output).toContain('reusing cached layer deps');
    expect(output).not.toContain('installing dependencies');
    expect(readCacheMetadata()).toBe(before);
    expect(readdirSync(committed()).sort()).toEqual(tarsBefore);

    const runManifest = await skopeoInspect(pd.runImage);
    expect(result).toMatchObject({
      pushed: false,
      digest: undefined,
      imageId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      baseImages: [{ reference: pd.runImage, stage: 'run-image', runtime: true, digest: runManifest['Digest'] }],
    });
  });

  it('a lockfile change rebuilds the layer and drops the stale cache entry', { timeout: 120_000 }, async () => {
    const old = JSON.parse(readCacheMetadata()) as CacheMetadata;
    const lock = join(app, 'package-lock.json');
    writeFileSync(lock, readFileSync(lock, 'utf8').replace('"version": "1.0.0"', '"version": "1.0.1"'));
    await build();
    expect(output).toContain('installing dependencies: cache miss');
    const now = JSON.parse(readCacheMetadata()) as CacheMetadata;
    const [oldDeps, newDeps] = [old.buildpacks[0]!.layers['deps']!, now.buildpacks[0]!.layers['deps']!];
    expect(newDeps.data['lockfile-sha256']).not.toBe(oldDeps.data['lockfile-sha256']);
    expect(newDeps.sha).not.toBe(oldDeps.sha);
    expect(readdirSync(committed()).sort()).toEqual([CACHE_METADATA, `${newDeps.sha}.tar`].sort());
  });

  it('a failed build throws pack\'s last lines, not a stack trace', { timeout: 120_000 }, async () => {
    const empty = await mkdtemp(join(work, 'no-package-json-'));
    writeFileSync(join(empty, 'README.md'), 'nothing to build\n');
    const err = await build({ path: empty }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(PackBuildError);
    expect((err as Error).message).toBe(
      [
        'pack build failed (exit 1):',
        '======== Results ========',
        'skip: strata-test/node-deps@0.0.1',
        'ERROR: No buildpack groups passed detection.',
        'ERROR: failed to build: executing lifecycle: failed with status code: 20',
      ].join('\n'),
    );
  });
});

describe('pack test double: command line contract', () => {
  const exec = createExec({ out: () => undefined, err: () => undefined });
  const pack = (...args: string[]) => exec.run('pack', args, { env: packDoubleEnv() });

  it('prints a version that names it as the double', async () => {
    expect(await pack('--version')).toEqual({ exitCode: 0, stdout: '0.40.6+test-double\n', stderr: '' });
  });

  it.each([
    [['build', 'app', '--builder', 'b', '--bogus'], 'ERROR: unknown flag: --bogus\n'],
    [['build', '--builder', 'b'], 'ERROR: accepts 1 arg(s), received 0\n'],
    [['build', 'app', '--builder', 'b', '--trust-builder', '--pull-policy', 'sometimes'], 'ERROR: invalid pull policy sometimes\n'],
    [['build', 'app', '--builder'], 'ERROR: flag needs an argument: --builder\n'],
    // buildpacks/pack#2450: an untrusted builder never mounts a bind cache.
    [['build', 'app', '--builder', 'b', '--cache', 'type=build;format=bind;source=/tmp/x'],
      'ERROR: failed to build: executing lifecycle: failed to create volume cache: stat /cache: no such file or directory\n'],
    [['rebase', 'app'], 'ERROR: pack test double implements only "build" and "--version", not "rebase"\n'],
  ])('pack %j fails like pack', async (args, stderr) => {
    expect(await pack(...args)).toEqual({ exitCode: 1, stdout: '', stderr });
  });
});
