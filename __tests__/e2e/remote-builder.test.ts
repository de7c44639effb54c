// Builds on a remote BuildKit: buildkitd (OCI worker) on loopback TCP, attached with
// `docker buildx create --driver remote` and named by input `buildx-builder` — the path teams take
// when builds outgrow a runner. The action runs unchanged: it pushes to a loopback registry, carries
// BuildKit's cache through the gha backend (the loopback Actions cache service emulation) so that
// a later job on an emptied builder gets a warm build, and posts the PR report.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { startRemoteBuilder, type RemoteBuilder } from '../support/buildkitd.js';
import { startCacheService, type CacheService } from '../support/cache-service.js';
import { registryWithBase, requireDocker, run, skopeoInspect, workspaceFrom } from '../support/docker.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-api.js';
import type { TestRegistry } from '../support/registry.js';
import { ActionJob } from '../support/runner.js';

let registry: TestRegistry;
let cache: CacheService;
let github: FakeGitHub;
let builder: RemoteBuilder;
let base: string;
const repository = 'octo-org/remote-app';

beforeAll(async () => {
  await requireDocker();
  ({ registry, base } = await registryWithBase({ revision: 1 }));
  cache = await startCacheService();
  github = await startFakeGitHub({ owner: 'octo-org', repo: 'remote-app' });
  builder = await startRemoteBuilder({ name: 'strata-remote' });
}, 120_000);

afterAll(async () => {
  const violations = github?.contractViolations ?? [];
  await builder?.stop();
  await github?.stop();
  await cache?.stop();
  await registry?.stop();
  // Every request the bundled action sent, and every emulated answer, is GitHub's documented shape.
  expect(violations).toEqual([]);
});

/** The amd64 manifest's layer bytes, as skopeo (an independent client) reads them. */
async function layerBytes(ref: string): Promise<number> {
  let manifest = (await skopeoInspect(ref, '--raw')) as { manifests?: { digest: string; platform: { architecture: string } }[]; layers?: { size: number }[] };
  const entry = manifest.manifests?.find((m) => m.platform.architecture === 'amd64');
  if (entry) manifest = (await skopeoInspect(`${ref.replace(/:[^/:]+$/, '')}@${entry.digest}`, '--raw'));
  return manifest.layers!.reduce((t, l) => t + l.size, 0);
}

it('builds and pushes on a remote BuildKit, warms a fresh builder from the gha cache, and reports', async () => {
  const workspace = workspaceFrom('examples/dockerfile-app');
  const image = `${registry.host}/octo-org/remote-app`;
  const common = { image, push: 'true', 'buildx-builder': builder.name, 'build-args': `BASE=${base}` };

  const onMain = new ActionJob({ workspace, repository, with: common, env: cache.env, event: { repository: { default_branch: 'main', full_name: repository } } });
  const first = await onMain.run();
  const log1 = first.main.stdout + first.main.stderr;
  expect(first.main.exitCode, log1 + builder.log()).toBe(0);
  // Built by the remote builder, with the cache going to the Actions cache service.
  expect(first.main.stdout).toMatch(/docker buildx build .*--builder strata-remote/);
  expect(first.main.stdout).toMatch(/BuildKit cache: BuildKit's gha backend/);
  expect(log1).not.toMatch(/#\d+ CACHED/);
  const pushed = await skopeoInspect(`${image}:main`);
  expect(first.main.outputs.digest).toBe(pushed.Digest);
  expect(cache.entries().filter((e) => e.finalized).length).toBeGreaterThan(0);
  const mainReport = JSON.parse(readFileSync(first.main.outputs['report-json']!, 'utf8')) as Report;
  expect(mainReport.comparison.platforms[0]!.currentSize).toBe(await layerBytes(`${image}:main`));

  // A new runner's builder remembers nothing: only the gha cache can make the next build warm.
  await run('docker', ['buildx', 'prune', '--builder', builder.name, '--all', '--force']);

  const event = {
    number: 3,
    pull_request: {
      number: 3,
      base: { ref: 'main', repo: { full_name: repository } },
      head: { ref: 'feature/x', sha: 'c0ffee00112233445566778899aabbccddeeff00', repo: { full_name: repository } },
    },
    repository: { default_branch: 'main', full_name: repository },
  };
  const pr = new ActionJob({
    workspace,
    eventName: 'pull_request',
    ref: 'refs/pull/3/merge',
    repository,
    event,
    with: common,
    env: { ...cache.env, GITHUB_API_URL: github.url, GITHUB_TOKEN: 'ghs_fakeInstallationToken000000000000000' },
  });
  const requestsBefore = cache.requests.length;
  const second = await pr.run();
  const log2 = second.main.stdout + second.main.stderr;
  expect(second.main.exitCode, log2 + builder.log()).toBe(0);
  // The RUN step came from the gha cache, which the remote builder downloaded.
  expect(cache.requests.slice(requestsBefore).filter((r) => r.method === 'GET' && r.path.startsWith('/download/') && r.status === 200).length).toBeGreaterThan(0);
  expect(log2).toMatch(/RUN mkdir -p \/out[^\n]*\n(#\d+ [^\n]*\n)*?#\d+ CACHED/);
  expect(second.post.exitCode).toBe(0);

  // The report compares with the base branch's image, as on the engine's own builder.
  const report = JSON.parse(readFileSync(second.main.outputs['report-json']!, 'utf8')) as Report;
  expect(report.baseline?.origin).toBe('base-branch');
  const prImage = await skopeoInspect(`${image}:pr-3`);
  expect(second.main.outputs.digest).toBe(prImage.Digest);
  expect(report.comparison.platforms.map((p) => p.platform)).toEqual(['linux/amd64']);
  expect(report.comparison.platforms[0]!.currentSize).toBe(await layerBytes(`${image}:pr-3`));
  const comments = github.comments(3).filter((c) => c.user.login === 'github-actions[bot]');
  expect(comments).toHaveLength(1);
  expect(comments[0]!.body).toMatch(/^<!-- strata:report:/);
  expect(second.main.outputs['comment-url']).toBe(comments[0]!.html_url);
}, 600_000);
