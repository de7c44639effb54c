import { describe, expect, it } from 'vitest';
import {
  cacheKeyFor,
  classifyHit,
  isCacheKeyFile,
  MAX_KEY_LENGTH,
  saveKeyFor,
  selectCacheKeyFiles,
  slug,
  type CacheKeyInput,
} from '../../src/cache/keys.js';

const buildpack: CacheKeyInput = {
  os: 'Linux',
  arch: 'X64',
  subject: { mode: 'buildpack', builder: 'paketobuildpacks/builder-jammy-base:0.4' },
  lockfiles: { 'package-lock.json': '{"lockfileVersion":3}' },
};
const dockerfile: CacheKeyInput = {
  os: 'Linux',
  arch: 'ARM64',
  subject: { mode: 'dockerfile', image: 'ghcr.io/acme/app', platforms: ['linux/arm64', 'linux/amd64'] },
  lockfiles: { Dockerfile: 'FROM busybox', 'go.sum': 'x' },
};

describe('cacheKeyFor', () => {
  it('builds readable keys that fall back from most to least specific', () => {
    const keys = cacheKeyFor(buildpack);
    expect(keys.primary).toMatch(/^strata-v1-Linux-X64-buildpack-paketobuildpacks\/builder-jammy-base:0\.4@[0-9a-f]{8}-[0-9a-f]{16}$/);
    expect(keys.restoreKeys).toHaveLength(2);
    expect(keys.primary.startsWith(keys.restoreKeys[0]!)).toBe(true);
    expect(keys.restoreKeys[0]!.startsWith(keys.restoreKeys[1]!)).toBe(true);
    expect(keys.restoreKeys[1]).toBe('strata-v1-Linux-X64-buildpack-');
  });

  it.each<[string, CacheKeyInput, CacheKeyInput, 'same' | 'differ']>([
    ['lockfile content', buildpack, { ...buildpack, lockfiles: { 'package-lock.json': '{"lockfileVersion":2}' } }, 'differ'],
    ['lockfile set', buildpack, { ...buildpack, lockfiles: { ...buildpack.lockfiles, 'yarn.lock': '' } }, 'differ'],
    ['lockfile order', dockerfile, { ...dockerfile, lockfiles: { 'go.sum': 'x', Dockerfile: 'FROM busybox' } }, 'same'],
    ['builder', buildpack, { ...buildpack, subject: { mode: 'buildpack', builder: 'heroku/builder:24' } }, 'differ'],
    ['platform order', dockerfile, { ...dockerfile, subject: { mode: 'dockerfile', image: 'ghcr.io/acme/app', platforms: ['linux/amd64', 'linux/arm64'] } }, 'same'],
    ['platform set', dockerfile, { ...dockerfile, subject: { mode: 'dockerfile', image: 'ghcr.io/acme/app', platforms: ['linux/amd64'] } }, 'differ'],
    ['arch', buildpack, { ...buildpack, arch: 'ARM64' }, 'differ'],
    ['name/content boundary', { ...buildpack, lockfiles: { ab: 'c' } }, { ...buildpack, lockfiles: { a: 'bc' } }, 'differ'],
  ])('%s: keys %s', (_what, a, b, expected) => {
    const same = cacheKeyFor(a).primary === cacheKeyFor(b).primary;
    expect(same).toBe(expected === 'same');
  });

  it('keeps builders that share a name prefix from matching each other', () => {
    const short = cacheKeyFor({ ...buildpack, subject: { mode: 'buildpack', builder: 'acme/builder' } });
    const long = cacheKeyFor({ ...buildpack, subject: { mode: 'buildpack', builder: 'acme/builder-jammy' } });
    expect(long.primary.startsWith(short.restoreKeys[0]!)).toBe(false);
    expect(short.primary.startsWith(long.restoreKeys[0]!)).toBe(false);
  });

  it('marks a context without lockfiles', () => {
    expect(cacheKeyFor({ ...buildpack, lockfiles: {} }).primary).toMatch(/-nolockfiles$/);
  });

  it.each([
    ['commas and spaces', { ...buildpack, subject: { mode: 'buildpack' as const, builder: 'a, b,c\td' } }],
    ['a huge image name', { ...dockerfile, subject: { mode: 'dockerfile' as const, image: 'r/'.repeat(600), platforms: ['linux/amd64'] } }],
    ['huge os/arch', { ...buildpack, os: 'L,'.repeat(300), arch: 'x'.repeat(900) }],
    ['empty builder', { ...buildpack, subject: { mode: 'buildpack' as const, builder: '' } }],
  ])('stays within GitHub key rules with %s', (_what, input) => {
    const keys = cacheKeyFor(input);
    for (const key of [keys.primary, ...keys.restoreKeys, saveKeyFor(keys.primary, 'fp')]) {
      expect(key.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
      expect(key).not.toMatch(/[,\s]/);
    }
  });

  it('keeps long names apart by the hash even when the readable part is cut', () => {
    const a = cacheKeyFor({ ...dockerfile, subject: { mode: 'dockerfile', image: `${'r'.repeat(300)}/a`, platforms: [] } });
    const b = cacheKeyFor({ ...dockerfile, subject: { mode: 'dockerfile', image: `${'r'.repeat(300)}/b`, platforms: [] } });
    expect(a.restoreKeys[0]).not.toBe(b.restoreKeys[0]);
  });
});

describe('slug', () => {
  it.each([
    ['a,b', 10, 'a_b'],
    ['  spaced out  ', 20, 'spaced_out'],
    ['tab\tand\nnewline', 40, 'tab_and_newline'],
    ['', 5, '_'],
    ['abcdef', 3, 'abc'],
  ])('slug(%j, %d) = %j', (value, max, expected) => {
    expect(slug(value, max)).toBe(expected);
  });
});

describe('saveKeyFor', () => {
  it('extends the primary key, so the primary key prefix-matches it, and depends on the content', () => {
    const primary = cacheKeyFor(buildpack).primary;
    expect(saveKeyFor(primary, 'one').startsWith(`${primary}-`)).toBe(true);
    expect(saveKeyFor(primary, 'one')).toBe(saveKeyFor(primary, 'one'));
    expect(saveKeyFor(primary, 'one')).not.toBe(saveKeyFor(primary, 'two'));
  });
});

describe('classifyHit', () => {
  const primary = 'strata-v1-Linux-X64-buildpack-b@12345678-0123456789abcdef';
  it.each([
    [undefined, 'miss'],
    ['', 'miss'],
    [primary, 'exact'],
    [saveKeyFor(primary, 'fp'), 'exact'],
    ['strata-v1-Linux-X64-buildpack-b@12345678-fedcba9876543210', 'partial'],
    ['strata-v1-Linux-X64-buildpack-other@87654321-0123456789abcdef', 'partial'],
    [`${primary}0`, 'partial'],
  ] as const)('matched %j -> %s', (matched, expected) => {
    expect(classifyHit(primary, matched)).toBe(expected);
  });
});

describe('which files feed the key', () => {
  it.each([
    ['package-lock.json', 'buildpack', true],
    ['npm-shrinkwrap.json', 'dockerfile', true],
    ['pnpm-lock.yaml', 'buildpack', true],
    ['go.sum', 'buildpack', true],
    ['build.gradle.kts', 'buildpack', true],
    ['App.csproj', 'buildpack', true],
    ['uv.lock', 'dockerfile', true],
    ['project.toml', 'buildpack', true],
    ['project.toml', 'dockerfile', false],
    ['Dockerfile', 'dockerfile', true],
    ['Dockerfile', 'buildpack', false],
    ['Dockerfile.prod', 'dockerfile', true],
    ['api.Dockerfile', 'dockerfile', true],
    ['Containerfile', 'dockerfile', true],
    ['README.md', 'dockerfile', false],
    ['package.json', 'buildpack', false],
    ['csproj', 'buildpack', false],
  ] as const)('%s in %s mode: %s', (name, mode, expected) => {
    expect(isCacheKeyFile(name, mode)).toBe(expected);
  });

  it('selects and sorts from a listing', () => {
    expect(selectCacheKeyFiles(['src', 'yarn.lock', 'Dockerfile', 'README.md', 'go.mod'], 'dockerfile')).toEqual([
      'Dockerfile',
      'go.mod',
      'yarn.lock',
    ]);
  });
});
