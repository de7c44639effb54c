import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeLayerReuse, parseLifecycleLog } from '../../src/build/lifecycle-log.js';
import { lifecycleNetwork, previousImageCandidates } from '../../src/build/buildpack-mode.js';
import { packBuildArgs } from '../../src/build/pack-args.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/lifecycle', name), 'utf8');

describe('parseLifecycleLog (real lifecycle 0.21 output)', () => {
  it('a changed lockfile: both layers restored from the cache, deps rebuilt, config reused', () => {
    expect(parseLifecycleLog(fixture('lockfile-changed.log'))).toEqual({
      restoredFromCache: ['strata-test/node:deps', 'strata-test/node:npm-cache'],
      reused: ['strata-test/node:config'],
      added: ['strata-test/node:deps'],
      previousImageFound: true,
    });
  });

  it('nothing from the cache, both layers identical to the previous image', () => {
    const reuse = parseLifecycleLog(fixture('previous-image-no-cache.log'));
    expect(reuse.restoredFromCache).toEqual([]);
    expect(reuse.reused).toEqual(['strata-test/node:config', 'strata-test/node:deps']);
    expect(reuse.added).toEqual([]);
  });

  it.each([
    ['no previous image', '===> ANALYZING\nImage with name "r/app:pr-7" not found\n', false],
    ['named previous image missing', '===> ANALYZING\nPrevious image with name "r/app:main" not found\n', false],
    ['previous image found', '===> ANALYZING\nRestoring data for SBOM from previous image\n', true],
    ['no analyzer at all (pack failed first)', 'ERROR: failed to build\n', false],
  ])('%s', (_name, log, found) => {
    expect(parseLifecycleLog(log).previousImageFound).toBe(found);
  });

  it('ignores the lifecycle\'s own layers and colour codes', () => {
    const log = "\u001b[32mReusing layer 'buildpacksio/lifecycle:launcher'\u001b[0m\nAdding layer 'buildpacksio/lifecycle:config'\nReusing layer 'bp/x:deps'\n";
    expect(parseLifecycleLog(log)).toMatchObject({ reused: ['bp/x:deps'], added: [] });
  });
});

describe('describeLayerReuse', () => {
  it.each([
    [{ restoredFromCache: ['a:b'], reused: ['a:b', 'a:c'], added: [], previousImageFound: true }, 'r/app:main',
      '2 of 2 buildpack layers reused (`a:b`, `a:c`); restored from the layer cache: `a:b`; previous image r/app:main'],
    [{ restoredFromCache: [], reused: [], added: ['a:b'], previousImageFound: false }, undefined,
      '0 of 1 buildpack layer reused; rebuilt: `a:b`; nothing restored from the layer cache; no previous image'],
    [{ restoredFromCache: [], reused: ['we`ird'], added: [], previousImageFound: true }, 'r/app:main',
      "1 of 1 buildpack layer reused (`we'ird`); nothing restored from the layer cache; previous image r/app:main"],
  ])('%#', (reuse, previous, line) => {
    expect(describeLayerReuse(reuse, previous)).toBe(line);
  });
});

describe('previousImageCandidates', () => {
  const image = 'ghcr.io/o/app';
  it.each([
    ['branch push', [`${image}:main`, `${image}:sha-0123456`], {}, [`${image}:main`]],
    ['push with a default branch', [`${image}:feature-x`], { defaultBranch: 'main' }, [`${image}:feature-x`, `${image}:main`]],
    ['pull request', [`${image}:pr-7`], { defaultBranch: 'main', pullRequest: { baseRef: 'release/1.x' } }, [`${image}:pr-7`, `${image}:release-1.x`, `${image}:main`]],
    ['pull request on the default branch: no duplicate', [`${image}:pr-7`], { defaultBranch: 'main', pullRequest: { baseRef: 'main' } }, [`${image}:pr-7`, `${image}:main`]],
  ])('%s', (_name, tags, github, expected) => {
    expect(previousImageCandidates(tags, image, github as never)).toEqual(expected);
  });
});

describe('lifecycleNetwork', () => {
  it.each([
    [['ghcr.io/o/app:1', 'paketobuildpacks/builder-jammy-base'], undefined],
    [['127.0.0.1:5000/o/app:1', 'paketobuildpacks/builder-jammy-base'], 'host'],
    [['ghcr.io/o/app:1', 'localhost:5000/builder:1'], 'host'],
    [['ghcr.io/o/app:1', undefined, '[::1]:5000/run:1'], 'host'],
    [['not a reference!'], undefined],
  ])('%j -> %s', (refs, network) => {
    expect(lifecycleNetwork(refs)).toBe(network);
  });
});

describe('packBuildArgs: network and previous image', () => {
  const plan = { image: 'r/app:pr-7', extraTags: [], builder: 'b', path: '.', pullPolicy: 'if-not-present' as const, publish: false, env: [], reportDir: '/r' };
  it('passes both', () => {
    expect(packBuildArgs({ ...plan, network: 'host', previousImage: 'r/app:main' }).slice(-4)).toEqual(['--network', 'host', '--previous-image', 'r/app:main']);
  });
  it('leaves out a previous image that is the image itself (pack\'s default)', () => {
    expect(packBuildArgs({ ...plan, previousImage: 'r/app:pr-7' })).not.toContain('--previous-image');
  });
});
