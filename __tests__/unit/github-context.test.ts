import { describe, expect, it } from 'vitest';
import { contextFromEnv } from '../../src/github/context.js';

const env = {
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_REPOSITORY: 'octo-org/app',
  GITHUB_SHA: 'merge0000',
  GITHUB_REF: 'refs/pull/12/merge',
  GITHUB_JOB: 'image',
};

// Trimmed from a real pull_request event payload: only the fields Strata reads.
const payload = (headRepo: string | null) => ({
  number: 12,
  pull_request: {
    number: 12,
    base: { ref: 'main', repo: { full_name: 'octo-org/app' } },
    head: { ref: 'feature/x', sha: 'head1234567', repo: headRepo === null ? null : { full_name: headRepo } },
  },
  repository: { full_name: 'octo-org/app', default_branch: 'main' },
});

describe('contextFromEnv', () => {
  it.each([
    ['same repository', 'octo-org/app', false],
    ['a fork', 'someone/app', true],
    // A deleted fork's head repo is null; its token is read-only all the same.
    ['a deleted fork', null, true],
  ])('a pull request from %s', (_n, headRepo, fork) => {
    const ctx = contextFromEnv(env, payload(headRepo));
    expect(ctx.pullRequest).toEqual({ number: 12, baseRef: 'main', headRef: 'feature/x', headSha: 'head1234567', fork });
    expect(ctx.defaultBranch).toBe('main');
  });

  it('has no pull request on a push', () => {
    const ctx = contextFromEnv({ ...env, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }, { repository: { default_branch: 'main' } });
    expect(ctx.pullRequest).toBeUndefined();
    expect(ctx).toMatchObject({ eventName: 'push', ref: 'refs/heads/main', repository: 'octo-org/app', serverUrl: 'https://github.com', apiUrl: 'https://api.github.com' });
  });
});
