import { describe, expect, it } from 'vitest';
import { packBuildArgs, type PackBuildPlan } from '../../src/build/pack-args.js';

const base: PackBuildPlan = {
  image: 'ghcr.io/o/app:sha-abc',
  extraTags: [],
  builder: 'paketobuildpacks/builder-jammy-base',
  path: '/ws/app',
  pullPolicy: 'if-not-present',
  publish: false,
  env: [],
  reportDir: '/tmp/report',
};

describe('packBuildArgs', () => {
  it.each<[string, Partial<PackBuildPlan>, string[]]>([
    [
      'minimal: no cache, loaded into the engine',
      {},
      ['build', 'ghcr.io/o/app:sha-abc', '--builder', 'paketobuildpacks/builder-jammy-base', '--path', '/ws/app', '--trust-builder',
        '--pull-policy', 'if-not-present', '--report-output-dir', '/tmp/report'],
    ],
    [
      'everything',
      {
        cacheDir: '/runner/_temp/cnb',
        publish: true,
        extraTags: ['ghcr.io/o/app:latest', 'ghcr.io/o/app:pr-7'],
        env: ['BP_NODE_VERSION=22.*', 'JAVA_OPTS=-Xmx1g,-Xss1m'],
        runImage: 'paketobuildpacks/run-jammy-base:0.1.216',
        descriptor: '/ws/app/ci.project.toml',
        pullPolicy: 'always',
      },
      ['build', 'ghcr.io/o/app:sha-abc', '--builder', 'paketobuildpacks/builder-jammy-base', '--path', '/ws/app', '--trust-builder',
        '--cache', 'type=build;format=bind;source=/runner/_temp/cnb',
        '--pull-policy', 'always', '--publish',
        '--tag', 'ghcr.io/o/app:latest', '--tag', 'ghcr.io/o/app:pr-7',
        '--env', 'BP_NODE_VERSION=22.*', '--env', 'JAVA_OPTS=-Xmx1g,-Xss1m',
        '--run-image', 'paketobuildpacks/run-jammy-base:0.1.216',
        '--report-output-dir', '/tmp/report',
        '--descriptor', '/ws/app/ci.project.toml'],
    ],
    [
      'a cache dir with spaces stays one argv entry',
      { cacheDir: '/tmp/my cache' },
      ['build', 'ghcr.io/o/app:sha-abc', '--builder', 'paketobuildpacks/builder-jammy-base', '--path', '/ws/app', '--trust-builder',
        '--cache', 'type=build;format=bind;source=/tmp/my cache', '--pull-policy', 'if-not-present', '--report-output-dir', '/tmp/report'],
    ],
    [
      'the image itself is not repeated as --tag',
      { extraTags: ['ghcr.io/o/app:sha-abc', 'ghcr.io/o/app:latest'] },
      ['build', 'ghcr.io/o/app:sha-abc', '--builder', 'paketobuildpacks/builder-jammy-base', '--path', '/ws/app', '--trust-builder',
        '--pull-policy', 'if-not-present', '--tag', 'ghcr.io/o/app:latest', '--report-output-dir', '/tmp/report'],
    ],
  ])('%s', (_name, overrides, argv) => {
    expect(packBuildArgs({ ...base, ...overrides })).toEqual(argv);
  });

  const head = ['build', 'ghcr.io/o/app:sha-abc', '--builder', 'paketobuildpacks/builder-jammy-base', '--path', '/ws/app', '--trust-builder', '--pull-policy', 'if-not-present'];
  const tail = ['--report-output-dir', '/tmp/report'];
  it.each<[string, Partial<PackBuildPlan>, string[]]>([
    ['buildpacks, in order', { buildpacks: ['paketo-buildpacks/nodejs', 'docker://gcr.io/paketo-buildpacks/npm-start:1.0.0'] }, ['--buildpack', 'paketo-buildpacks/nodejs', '--buildpack', 'docker://gcr.io/paketo-buildpacks/npm-start:1.0.0']],
    ['buildpack-env-file', { envFile: 'build.env' }, ['--env-file', 'build.env']],
    ['network', { network: 'host' }, ['--network', 'host']],
    ['volumes', { volumes: ['/tmp/certs:/certs', '/tmp/data:/data:rw'] }, ['--volume', '/tmp/certs:/certs', '--volume', '/tmp/data:/data:rw']],
    ['default-process', { defaultProcess: 'web' }, ['--default-process', 'web']],
    ['creation-time', { creationTime: '1700000000' }, ['--creation-time', '1700000000']],
    ['sbom-output-dir', { sbomOutputDir: 'sbom' }, ['--sbom-output-dir', 'sbom']],
    [
      'service bindings: a read-only volume and its root, never a secret as --env',
      { bindingsDir: '/runner/_temp/strata-bindings-x/bindings', env: ['BP_NODE_VERSION=22.*'] },
      ['--env', 'BP_NODE_VERSION=22.*', '--env', 'SERVICE_BINDING_ROOT=/platform/bindings', '--volume', '/runner/_temp/strata-bindings-x/bindings:/platform/bindings:ro'],
    ],
  ])('%s', (_name, overrides, middle) => {
    expect(packBuildArgs({ ...base, ...overrides })).toEqual([...head, ...middle, ...tail]);
  });

  it('cache-image goes with --publish', () => {
    expect(packBuildArgs({ ...base, publish: true, cacheImage: 'ghcr.io/o/app-cache' })).toEqual([...head, '--publish', '--cache-image', 'ghcr.io/o/app-cache', ...tail]);
    expect(() => packBuildArgs({ ...base, cacheImage: 'ghcr.io/o/app-cache' })).toThrow('pack build cache image "ghcr.io/o/app-cache": pack writes a cache image only when it publishes');
  });

  it.each<[Partial<PackBuildPlan>, string]>([
    [{ image: '' }, 'pack build image "": an image reference is required.'],
    [{ cacheDir: '/tmp/a;b' }, `pack build cache directory "/tmp/a;b": must not contain ";" or '"' (pack parses --cache as ;-separated CSV).`],
    [{ env: ['=x'] }, 'pack build env "=x": each entry must be KEY=VALUE.'],
    [{ env: ['NOVALUE'] }, 'pack build env "NOVALUE": each entry must be KEY=VALUE.'],
  ])('rejects %j', (overrides, message) => {
    expect(() => packBuildArgs({ ...base, ...overrides })).toThrow(message);
  });
});
