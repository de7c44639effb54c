// Reproducible by default: two builds of one commit, the second from the cache, push one digest.
// The creation time comes from the commit (git in the workspace), not the clock.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registryWithBase, requireDocker, skopeoInspect, workspaceFrom } from '../support/docker.js';
import type { TestRegistry } from '../support/registry.js';
import { ActionJob } from '../support/runner.js';

let registry: TestRegistry;
let base: string;

beforeAll(async () => {
  await requireDocker();
  ({ registry, base } = await registryWithBase());
});

afterAll(async () => {
  await registry?.stop();
});

it('two cached rebuilds of one commit give one digest, created at the commit\'s time', async () => {
  const workspace = workspaceFrom('examples/dockerfile-app');
  const git = (...args: string[]) => execFileSync('git', ['-C', workspace, ...args], { encoding: 'utf8' });
  const committed = '2024-03-04T05:06:07Z';
  git('init', '-q');
  git('add', '-A');
  execFileSync('git', ['-C', workspace, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'app'], {
    env: { ...process.env, GIT_COMMITTER_DATE: committed, GIT_AUTHOR_DATE: committed },
  });
  const sha = git('rev-parse', 'HEAD').trim();
  const image = `${registry.host}/octo-org/repro-app`;
  const build = (tag: string) => new ActionJob({ workspace, sha, with: { image, push: 'true', tags: tag, 'build-args': `BASE=${base}` } }).main();

  // The same tag both times (a re-run): a tag is also the image's version label.
  const first = await build('release');
  expect(first.exitCode, first.stdout + first.stderr).toBe(0);
  expect(first.stdout).toContain(`Image creation time: ${new Date(committed).toISOString()}, the commit's`);
  const second = await build('release');
  expect(second.exitCode, second.stdout + second.stderr).toBe(0);

  expect(second.outputs.digest).toMatch(/^sha256:/);
  expect(second.outputs.digest).toBe(first.outputs.digest);
  const inspected = await skopeoInspect(`${image}:release`);
  expect(inspected.Created).toBe(committed);
  expect((inspected.Labels as Record<string, string>)['org.opencontainers.image.created']).toBe(new Date(committed).toISOString());
}, 240_000);
