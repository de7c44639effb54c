import { describe, expect, it } from 'vitest';
import { contextFromEnv } from '../../src/context.js';

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

  it('reads the head commit\'s time and the repository\'s metadata from a push payload', () => {
    // Trimmed from a real push event payload (github.com docs' example shape).
    const push = {
      head_commit: { id: 'abc', timestamp: '2024-05-01T12:00:00+02:00' },
      repository: {
        full_name: 'octo-org/app', name: 'app', default_branch: 'main', description: 'The app', html_url: 'https://github.com/octo-org/app',
        license: { key: 'mit', spdx_id: 'MIT' },
      },
    };
    expect(contextFromEnv({ ...env, GITHUB_EVENT_NAME: 'push' }, push)).toMatchObject({
      headCommitTimestamp: '2024-05-01T12:00:00+02:00',
      repositoryInfo: { name: 'app', description: 'The app', htmlUrl: 'https://github.com/octo-org/app', license: 'MIT' },
    });
    const unknownLicense = { repository: { ...push.repository, description: null, license: { spdx_id: 'NOASSERTION' } } };
    expect(contextFromEnv(env, unknownLicense).repositoryInfo).toEqual({ name: 'app', htmlUrl: 'https://github.com/octo-org/app' });
  });
});
