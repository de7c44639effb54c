// Cancellation as the runner does it: SIGINT to the step's node process, then SIGTERM a moment
// later, while `docker buildx build` is running a long RUN step in the real engine. The step says
// once that it was cancelled, no build process (nor the RUN's container process) keeps running,
// and the post step saves nothing. Runs the bundled action (npm run bundle) like the runner does.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCacheService, type CacheService } from '../support/cache-service.js';
import { registryWithBase, requireDocker, workspaceFrom } from '../support/docker.js';
import type { TestRegistry } from '../support/registry.js';
import { ActionJob } from '../support/runner.js';

let registry: TestRegistry;
let cache: CacheService;
let base: string;

beforeAll(async () => {
  await requireDocker();
  ({ registry, base } = await registryWithBase());
  cache = await startCacheService();
});

afterAll(async () => {
  await cache?.stop();
  await registry?.stop();
});

function processes(pattern: string): string {
  try {
    return execFileSync('pgrep', ['-af', pattern], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

it('SIGINT then SIGTERM mid-build: the build is stopped, the step says so once, the post step saves nothing', async () => {
  const workspace = workspaceFrom('examples/dockerfile-app');
  const marker = `strata-cancel-${process.pid}-${Date.now()}`;
  writeFileSync(join(workspace, 'Dockerfile'), `ARG BASE\nFROM $BASE\nRUN echo ${marker} && sleep 120\n`);
  const job = new ActionJob({
    workspace,
    with: { image: `${registry.host}/octo-org/cancelled`, 'cache-backend': 'actions', 'build-args': `BASE=${base}` },
    env: cache.env,
  });

  let signalled = 0;
  const main = await job.main((output, step) => {
    // The RUN step is running in the engine: cancel as the runner does.
    if (signalled === 0 && output.includes(`echo ${marker}`) && processes(`sleep 120`).includes('sleep 120')) {
      signalled = Date.now();
      step.kill('SIGINT');
      setTimeout(() => step.kill('SIGTERM'), 1_000);
    }
  });
  expect(signalled, main.stdout + main.stderr).toBeGreaterThan(0);
  // SIGTERM came 1 s after SIGINT; the step ended soon after, not after the 120 s RUN.
  expect(Date.now() - signalled).toBeLessThan(15_000);
  expect(main.exitCode).not.toBe(0);
  const cancelLines = main.annotations.filter((a) => a.level === 'error');
  expect(cancelLines.map((a) => a.message)).toEqual(['Strata was cancelled (SIGINT): the build was stopped and no cache will be saved.']);
  expect(main.state.cancelled).toBe('SIGINT');
  // Nothing of the build keeps running: not the buildx client, not the RUN's process in the engine.
  expect(await until(() => processes(workspace) === '' && processes(`echo ${marker}`) === '', 10_000), processes(workspace)).toBe(true);

  const requestsBefore = cache.requests.length;
  const post = await job.post();
  expect(post.exitCode).toBe(0);
  expect(post.stdout).toContain('The build was cancelled (SIGINT): no build cache is saved.');
  expect(cache.requests.slice(requestsBefore)).toEqual([]);
  expect(cache.entries()).toEqual([]);
}, 180_000);
