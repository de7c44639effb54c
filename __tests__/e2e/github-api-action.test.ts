// GitHub API faults through the bundled action on a pull request: what the user sees is one
// warning line and a green build, within the documented bound; a run that cannot report marks the
// previous sticky comment as outdated. The client-level rows are in github-api-faults.test.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registryWithBase, requireDocker, workspaceFrom } from '../support/docker.js';
import { GITHUB_FAULTS, startFakeGitHub, type FakeGitHub } from '../support/github-api.js';
import type { TestRegistry } from '../support/registry.js';
import { ActionJob } from '../support/runner.js';

const repository = 'octo-org/api-app';
const COMMENTS = /^\/repos\/octo-org\/api-app\/issues\/5\/comments$/;
let registry: TestRegistry;
let base: string;

beforeAll(async () => {
  await requireDocker();
  ({ registry, base } = await registryWithBase());
});

afterAll(async () => {
  await registry?.stop();
});

const pr = {
  number: 5,
  pull_request: { number: 5, base: { ref: 'main', repo: { full_name: repository } }, head: { ref: 'feature', sha: 'c0ffee00'.repeat(5), repo: { full_name: repository } } },
  repository: { default_branch: 'main', full_name: repository },
};

function job(github: FakeGitHub, workspace: string): ActionJob {
  return new ActionJob({
    workspace,
    repository,
    eventName: 'pull_request',
    ref: 'refs/pull/5/merge',
    event: pr,
    with: { image: `${registry.host}/octo-org/api-app`, push: 'true', 'build-args': `BASE=${base}`, cache: 'false' },
    env: { GITHUB_API_URL: github.url, GITHUB_TOKEN: 'ghs_fakeInstallationToken000000000000000' },
  });
}

it('403 rate limit with reset in an hour: the build is green, the comment skipped with one warning, no wait', async () => {
  const github = await startFakeGitHub({ owner: 'octo-org', repo: 'api-app' });
  try {
    github.inject({ method: 'POST', path: COMMENTS, fault: GITHUB_FAULTS.rateLimit(3600) });
    const started = performance.now();
    const run = await job(github, workspaceFrom('examples/dockerfile-app')).main();
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const warnings = run.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings.filter((w) => w.includes('GitHub'))).toEqual([
      expect.stringMatching(/^PR comment not written \(rate-limited\): GitHub rate limit \(lifts in 3[56]\d\ds; Strata waits at most 20s\)\. The report is in the job summary and the report-markdown output\.$/),
    ]);
    expect(run.summary).toContain('### Image report');
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    // An installation token's comments are github-actions[bot]'s: GET /user (refused) is not asked.
    expect(github.requests.filter((r) => r.path.split('?')[0] === '/user')).toEqual([]);
    expect(performance.now() - started).toBeLessThan(120_000);
    expect(github.contractViolations).toEqual([]);
  } finally {
    await github.stop();
  }
}, 180_000);

it('a run whose build fails marks the previous report comment as outdated, and only ours', async () => {
  const github = await startFakeGitHub({ owner: 'octo-org', repo: 'api-app' });
  try {
    const workspace = workspaceFrom('examples/dockerfile-app');
    const first = await job(github, workspace).main();
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    const [ours] = github.comments(5);
    expect(ours!.body).toContain('### Image report');
    const marker = ours!.body.split('\n')[0]!;
    github.seed(5, `${marker}\nsomebody else's copy`, 'mallory');

    writeFileSync(join(workspace, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nRUN exit 3\n`);
    const failed = await job(github, workspace).main();
    expect(failed.exitCode).toBe(1);
    const [mine, theirs] = github.comments(5);
    expect(mine!.body.split('\n').slice(0, 2)).toEqual([
      marker,
      expect.stringMatching(/^> \[!WARNING\]$/),
    ]);
    expect(mine!.body).toMatch(/^> \*\*Outdated:\*\* this report describes an earlier commit: for commit `c0ffee0`, the build failed \(\[run 4242\]\(https:\/\/github\.com\/octo-org\/api-app\/actions\/runs\/4242\)\)\.$/m);
    expect(mine!.body).toContain('### Image report');
    expect(theirs!.body).toBe(`${marker}\nsomebody else's copy`);
    expect(github.comments(5)).toHaveLength(2);
    expect(github.contractViolations).toEqual([]);
  } finally {
    await github.stop();
  }
}, 240_000);
