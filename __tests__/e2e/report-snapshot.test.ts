// The report when nothing is pushed: the default branch's build leaves a snapshot of its image in
// the Actions cache, and a pull request's build compares against it (engine sizes on both sides).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { startCacheService, type CacheService } from '../support/cache-service.js';
import { registryWithBase, requireDocker, workspaceFrom } from '../support/docker.js';
import type { TestRegistry } from '../support/registry.js';
import { ActionJob } from '../support/runner.js';

let registry: TestRegistry;
let cache: CacheService;
let base: string;
const repository = 'octo-org/snapshot-app';
const home = mkdtempSync(join(tmpdir(), 'strata-home-'));

beforeAll(async () => {
  await requireDocker();
  ({ registry, base } = await registryWithBase());
  cache = await startCacheService({ runnerTemp: mkdtempSync(join(tmpdir(), 'strata-runner-temp-')) });
});

afterAll(async () => {
  await cache?.stop();
  await registry?.stop();
});

function job(workspace: string, extra: { eventName: string; ref: string; event: unknown; with?: Record<string, string> }): ActionJob {
  rmSync(join(home, '.cache'), { recursive: true, force: true });
  return new ActionJob({
    workspace,
    repository,
    eventName: extra.eventName,
    ref: extra.ref,
    event: extra.event,
    with: { image: `${registry.host}/octo-org/snapshot-app`, push: 'false', 'build-args': `BASE=${base}`, comment: 'never', ...extra.with },
    env: { ...cache.env, HOME: home },
  });
}

const prEvent = {
  number: 3,
  pull_request: { number: 3, base: { ref: 'main', repo: { full_name: repository } }, head: { ref: 'grow', sha: 'abcdef1234567', repo: { full_name: repository } } },
  repository: { default_branch: 'main', full_name: repository },
};

it('compares a pull request with the default branch snapshot when nothing was pushed, and fails on growth when asked', async () => {
  const workspace = workspaceFrom('__tests__/fixtures/report-app');

  const onMain = await job(workspace, { eventName: 'push', ref: 'refs/heads/main', event: { repository: { default_branch: 'main', full_name: repository } } }).main();
  expect(onMain.exitCode, onMain.stdout + onMain.stderr).toBe(0);
  expect(onMain.stdout).toContain('Baseline snapshot saved');

  writeFileSync(join(workspace, 'data', 'big.bin'), randomBytes(200_000));
  const pr = await job(workspace, { eventName: 'pull_request', ref: 'refs/pull/3/merge', event: prEvent }).main();
  expect(pr.exitCode, pr.stdout + pr.stderr).toBe(0);
  const report = JSON.parse(readFileSync(pr.outputs['report-json']!, 'utf8')) as Report;
  expect(report.baseline?.origin).toBe('default-branch-snapshot');
  expect(report.comparison.status).toBe('compared');
  expect(report.image.sizeKind).toBe('uncompressed');
  // The added file is one new layer of at least its own size (engine sizes are disk usage).
  const added = report.comparison.platforms[0]!.changes.filter((c) => c.status !== 'unchanged');
  expect(added.length).toBeGreaterThan(0);
  expect(report.headline.delta).toBeGreaterThanOrEqual(200_000);
  expect(pr.summary).toContain('uncompressed');

  // fail-on-size-increase: the report is still published, then the step fails, saying why.
  const strict = await job(workspace, { eventName: 'pull_request', ref: 'refs/pull/3/merge', event: prEvent, with: { 'fail-on-size-increase': '10kB' } }).main();
  expect(strict.exitCode).toBe(1);
  expect(strict.summary).toContain('### Image report');
  const [error] = strict.annotations.filter((a) => a.level === 'error');
  expect(error?.message).toMatch(/10(\.0)? kB/);
}, 300_000);
