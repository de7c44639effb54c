import { describe, expect, it } from 'vitest';
import { baseBranchTag, defaultTagNames, resolveTags, sanitizeTag } from '../../src/build/tags.js';

const sha = 'abcdef0123456789abcdef0123456789abcdef01';

describe('default tags', () => {
  it.each([
    ['branch push', { eventName: 'push', ref: 'refs/heads/main', sha }, ['main', 'sha-abcdef0']],
    ['branch with slashes', { eventName: 'push', ref: 'refs/heads/feature/Add_thing', sha }, ['feature-Add_thing', 'sha-abcdef0']],
    ['tag push', { eventName: 'push', ref: 'refs/tags/v1.2.3', sha }, ['v1.2.3', 'sha-abcdef0']],
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
