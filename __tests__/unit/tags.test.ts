import { describe, expect, it } from 'vitest';
import { baseBranchTag, defaultTagNames, resolveTags, sanitizeTag, semverTags } from '../../src/build/tags.js';

const sha = 'abcdef0123456789abcdef0123456789abcdef01';

describe('default tags', () => {
  it.each([
    ['branch push', { eventName: 'push', ref: 'refs/heads/main', sha }, ['main', 'sha-abcdef0']],
    ['branch with slashes', { eventName: 'push', ref: 'refs/heads/feature/Add_thing', sha }, ['feature-Add_thing', 'sha-abcdef0']],
    ['semver tag push', { eventName: 'push', ref: 'refs/tags/v1.2.3', sha }, ['1.2.3', '1.2', '1', 'latest', 'sha-abcdef0']],
    ['semver pre-release: no latest, no 1.2 or 1', { eventName: 'push', ref: 'refs/tags/v2.0.0-rc.1', sha }, ['2.0.0-rc.1', 'sha-abcdef0']],
    ['non-semver tag push', { eventName: 'push', ref: 'refs/tags/release-2024', sha }, ['release-2024', 'sha-abcdef0']],
    ['the default branch gets latest', { eventName: 'push', ref: 'refs/heads/main', sha, defaultBranch: 'main' }, ['main', 'latest', 'sha-abcdef0']],
    ['another branch does not', { eventName: 'push', ref: 'refs/heads/develop', sha, defaultBranch: 'main' }, ['develop', 'sha-abcdef0']],
    [
      'pull request uses the head commit',
      { eventName: 'pull_request', ref: 'refs/pull/7/merge', sha, pullRequest: { number: 7, baseRef: 'main', headRef: 'x', headSha: '1234567999', fork: false } },
      ['pr-7', 'sha-1234567'],
    ],
    ['schedule on no ref', { eventName: 'schedule', ref: '', sha }, ['sha-abcdef0']],
  ])('%s', (_n, github, expected) => {
    expect(defaultTagNames(github)).toEqual(expected);
  });
});

describe('tag-latest', () => {
  const main = { eventName: 'push', ref: 'refs/heads/main', sha, defaultBranch: 'main' };
  const feature = { eventName: 'push', ref: 'refs/heads/feature', sha, defaultBranch: 'main' };
  const release = { eventName: 'push', ref: 'refs/tags/v1.2.3', sha };
  it.each([
    ['auto', main, ['main', 'latest', 'sha-abcdef0']],
    ['false', main, ['main', 'sha-abcdef0']],
    ['false', release, ['1.2.3', '1.2', '1', 'sha-abcdef0']],
    ['true', feature, ['feature', 'latest', 'sha-abcdef0']],
  ] as const)('%s on %j', (tagLatest, github, expected) => {
    expect(defaultTagNames(github, tagLatest)).toEqual(expected);
  });

  it('explicit tags win over every default', () => {
    expect(resolveTags('ghcr.io/o/app', ['edge'], release, 'true')).toEqual(['ghcr.io/o/app:edge']);
  });
});

describe('semverTags', () => {
  it.each([
    ['v1.2.3', { names: ['1.2.3', '1.2', '1'], stable: true }],
    ['1.2.3', { names: ['1.2.3', '1.2', '1'], stable: true }],
    ['v0.4.0', { names: ['0.4.0', '0.4', '0'], stable: true }],
    ['v1.2.3-beta.2', { names: ['1.2.3-beta.2'], stable: false }],
    ['v1.2.3+build.5', { names: ['1.2.3', '1.2', '1'], stable: true }],
    ['v1.2', undefined],
    ['v01.2.3', undefined],
    ['release-1.2.3', undefined],
  ])('%s', (tag, expected) => {
    expect(semverTags(tag)).toEqual(expected);
  });
});

describe('docker/metadata-action\'s outputs, as they are', () => {
  // The `tags` output of metadata-action (images: ghcr.io/o/app, its common configuration, on v1.2.3).
  const metadataTags = 'ghcr.io/o/app:1.2.3\nghcr.io/o/app:1.2\nghcr.io/o/app:1\nghcr.io/o/app:latest\nghcr.io/o/app:sha-abcdef0';
  it('takes the tags output as full references', async () => {
    const { parseList } = await import('../../src/inputs.js');
    expect(resolveTags('ghcr.io/o/app', parseList(metadataTags), { eventName: 'push', ref: 'refs/tags/v1.2.3', sha })).toEqual(metadataTags.split('\n'));
  });
});

describe('resolveTags', () => {
  const gh = { eventName: 'push', ref: 'refs/heads/main', sha };
  it.each([
    [[], ['ghcr.io/o/app:main', 'ghcr.io/o/app:sha-abcdef0']],
    [['v1', 'latest'], ['ghcr.io/o/app:v1', 'ghcr.io/o/app:latest']],
    [['v1', 'docker.io/o/app:v1', 'mirror.example.com/app'], ['ghcr.io/o/app:v1', 'docker.io/o/app:v1', 'mirror.example.com/app']],
    [['v1', 'v1'], ['ghcr.io/o/app:v1']],
  ])('%j', (entries, expected) => {
    expect(resolveTags('ghcr.io/o/app', entries, gh)).toEqual(expected);
  });

  it('rejects an invalid tag name, quoting it', () => {
    expect(() => resolveTags('ghcr.io/o/app', ['-bad'], gh)).toThrow(/Input "tags" has an invalid value "-bad"/);
    expect(() => resolveTags('ghcr.io/o/app', ['a'.repeat(129)], gh)).toThrow(/at most 128/);
  });
});

describe('sanitizeTag and the base branch tag', () => {
  it.each([
    ['main', 'main'],
    ['dependabot/npm_and_yarn/lodash-4.17.21', 'dependabot-npm_and_yarn-lodash-4.17.21'],
    ['.hidden', 'hidden'],
    ['a b@c', 'a-b-c'],
  ])('%s -> %s', (input, expected) => expect(sanitizeTag(input)).toBe(expected));

  it('points at the base branch of a pull request', () => {
    expect(baseBranchTag('ghcr.io/o/app', { pullRequest: { number: 1, baseRef: 'release/1.x', headRef: 'h', headSha: 's', fork: false } })).toBe('ghcr.io/o/app:release-1.x');
    expect(baseBranchTag('ghcr.io/o/app', {})).toBeUndefined();
  });
});
