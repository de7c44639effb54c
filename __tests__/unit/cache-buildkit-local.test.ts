import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildkitLocalCacheArgs, buildkitLocalCacheEntries, finalizeBuildkitLocalCache } from '../../src/cache/buildkit-local.js';
import { buildkitCacheFingerprint } from '../../src/cache/fingerprint.js';

describe('buildkitLocalCacheEntries', () => {
  it.each([
    ['/tmp/bk', true, { cacheFrom: ['type=local,src=/tmp/bk'], cacheTo: ['type=local,dest=/tmp/bk-new,mode=max'] }],
    ['/tmp/bk/', true, { cacheFrom: ['type=local,src=/tmp/bk/'], cacheTo: ['type=local,dest=/tmp/bk-new,mode=max'] }],
    ['/tmp/bk', false, { cacheFrom: [], cacheTo: ['type=local,dest=/tmp/bk-new,mode=max'] }],
  ])('%s (restored: %s)', (dir, restored, expected) => {
    expect(buildkitLocalCacheEntries(dir, { restored })).toEqual(expected);
  });

  it.each(['', '/tmp/a,b', '/tmp/"q"'])('refuses %j, quoting it', (dir) => {
    expect(() => buildkitLocalCacheEntries(dir)).toThrow(JSON.stringify(dir));
  });

  it('gives the flags', () => {
    expect(buildkitLocalCacheArgs('/c')).toEqual(['--cache-from', 'type=local,src=/c', '--cache-to', 'type=local,dest=/c-new,mode=max']);
  });
});

describe('finalizeBuildkitLocalCache', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });
  const setup = async (withNew: boolean): Promise<string> => {
    root = await mkdtemp(join(tmpdir(), 'strata-bk-'));
    const dir = join(root, 'cache');
    await mkdir(join(dir, 'blobs'), { recursive: true });
    await writeFile(join(dir, 'index.json'), 'old');
    await writeFile(join(dir, 'blobs', 'stale'), 'unused by the new build');
    if (withNew) {
      await mkdir(join(`${dir}-new`, 'blobs'), { recursive: true });
      await writeFile(join(`${dir}-new`, 'index.json'), 'new');
    }
    return dir;
  };

  it.each([
    ['success with an export: the new dir replaces the old one', true, true, 'replaced', 'new', false],
    ['success without an export: the old dir stays', true, false, 'kept', 'old', true],
    ['failure: the partial export is dropped', false, true, 'discarded', 'old', true],
  ] as const)('%s', async (_what, succeeded, withNew, outcome, index, staleKept) => {
    const dir = await setup(withNew);
    expect(await finalizeBuildkitLocalCache(dir, succeeded)).toBe(outcome);
    expect(await readFile(join(dir, 'index.json'), 'utf8')).toBe(index);
    expect(await buildkitCacheFingerprint(dir)).toBe(index);
    expect(existsSync(join(dir, 'blobs', 'stale'))).toBe(staleKept);
    expect(existsSync(`${dir}-new`)).toBe(false);
  });
});
