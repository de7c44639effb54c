// The PR report end to end: two revisions of a multi-platform app in a loopback registry, a base
// image whose tag moved in between, the bundled action run twice on the pull request against a
// protocol-level emulation of GitHub's comments API. On each registry kind (distribution v2.8, v3).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { pushBaseImage, registryWithBase, requireDocker, run, skopeoInspect, workspaceFrom } from '../support/docker.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-api.js';
import { REGISTRY_KINDS, type TestRegistry } from '../support/registry.js';
import { ActionJob } from '../support/runner.js';

describe.each(REGISTRY_KINDS)('%s', (kind) => {
  let registry: TestRegistry;
  let github: FakeGitHub;
  let base: string;
  const repository = 'octo-org/report-app';

  beforeAll(async () => {
    await requireDocker();
    ({ registry, base } = await registryWithBase({ platforms: 'linux/amd64,linux/arm64', revision: 1, created: '2025-01-01T00:00:00Z' }, kind));
    github = await startFakeGitHub({ owner: 'octo-org', repo: 'report-app' });
  });

  afterAll(async () => {
    // Every request the bundled action sent, and every emulated answer, is GitHub's documented shape.
    expect(github?.contractViolations ?? []).toEqual([]);
    await github?.stop();
    await registry?.stop();
  });

  /** Layer sizes per platform as skopeo (an independent client) reads the manifests. */
  async function skopeoLayerSizes(ref: string): Promise<Record<string, number>> {
    const raw = async (r: string) => JSON.parse((await run('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${r}`])).stdout);
    const index = await raw(ref);
    const repo = ref.replace(/:[^/:]+$/, '');
    const sizes: Record<string, number> = {};
    for (const m of index.manifests) {
      if (m.platform.os === 'unknown') continue;
      const manifest = await raw(`${repo}@${m.digest}`);
      sizes[`${m.platform.os}/${m.platform.architecture}`] = manifest.layers.reduce((t: number, l: { size: number }) => t + l.size, 0);
    }
    return sizes;
  }

  it('reports layer deltas and the moved base in one sticky comment', async () => {
    const image = `${registry.host}/octo-org/report-app`;
    const workspace = workspaceFrom('__tests__/fixtures/report-app');
    // The Dockerfile's base is pinned by digest (as Renovate pins), so the PR still builds on the
    // revision the tag pointed at before upstream rebuilt it.
    const pinned = `${base}@${(await skopeoInspect(base)).Digest as string}`;
    const common = { image, push: 'true', platforms: 'linux/amd64,linux/arm64', 'build-args': `BASE=${pinned}`, 'max-base-age': '30' };

    // The base branch's image.
    const onMain = new ActionJob({ workspace, ref: 'refs/heads/main', eventName: 'push', repository, with: common, event: { repository: { default_branch: 'main', full_name: repository } } });
    const mainRun = await onMain.main();
    expect(mainRun.exitCode, mainRun.stdout + mainRun.stderr).toBe(0);

    // Upstream rebuilds the base under the same tag; the PR adds a large layer and changes a file.
    await pushBaseImage(base, { platforms: 'linux/amd64,linux/arm64', revision: 2, created: '2025-01-01T00:00:00Z' });
    writeFileSync(join(workspace, 'app.sh'), '#!/bin/sh\necho report fixture v2\n');
    writeFileSync(join(workspace, 'data', 'big.bin'), randomBytes(300_000));

    const event = {
      number: 7,
      pull_request: {
        number: 7,
        base: { ref: 'main', repo: { full_name: repository } },
        head: { ref: 'feature/bigger', sha: 'feedface00112233445566778899aabbccddeeff', repo: { full_name: repository } },
      },
      repository: { default_branch: 'main', full_name: repository },
    };
    const other = github.seed(7, '<!-- strata:report:not-ours -->\nLooks good to me', 'octocat');
    const prJob = () =>
      new ActionJob({
        workspace,
        eventName: 'pull_request',
        ref: 'refs/pull/7/merge',
        repository,
        event,
        with: common,
        env: { GITHUB_API_URL: github.url, GITHUB_TOKEN: 'ghs_fakeInstallationToken000000000000000' },
      });

    const first = await prJob().main();
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    const report = JSON.parse(readFileSync(first.outputs['report-json']!, 'utf8')) as Report;

    // Sizes are the manifests' layer sizes, as skopeo reads them, per platform.
    const prSizes = await skopeoLayerSizes(`${image}:pr-7`);
    const mainSizes = await skopeoLayerSizes(`${image}:main`);
    expect(report.baseline?.origin).toBe('base-branch');
    for (const p of report.comparison.platforms) {
      expect(p.currentSize).toBe(prSizes[p.platform]);
      expect(p.baselineSize).toBe(mainSizes[p.platform]);
      expect(p.delta).toBe(prSizes[p.platform]! - mainSizes[p.platform]!);
    }
    expect(Object.keys(prSizes).sort()).toEqual(report.comparison.platforms.map((p) => p.platform).sort());
    expect(first.outputs.size).toBe(String(report.comparison.platforms[0]!.currentSize));
    expect(Number(first.outputs['size-delta'])).toBeGreaterThan(300_000);

    // The moved base tag is flagged: in the report, the output, and as an annotation on the FROM line.
    expect(first.outputs['stale-bases']).toBe(pinned);
    expect(report.freshness[0]).toMatchObject({ verdict: 'tag-moved' });
    expect(first.annotations.some((a) => a.level === 'warning' && a.properties.includes('file=Dockerfile') && a.properties.includes('line=3'))).toBe(true);

    // One comment, by the bot, with the marker; the reviewer's comment untouched.
    const ours = github.comments(7).filter((c) => c.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toMatch(/^<!-- strata:report:/);
    expect(ours[0]!.body).toContain('tag moved');
    expect(ours[0]!.body).toContain('COPY data/ /app/data/');
    expect(first.outputs['comment-url']).toBe(ours[0]!.html_url);
    expect(first.summary).toContain('### Image report');
    expect(existsSync(first.outputs['report-json']!.replace(/\.json$/, '.md'))).toBe(true);
    // The token never reaches the comment, the outputs or the log; the only place it appears is the
    // ::add-mask:: command that tells the runner to mask it.
    const log = first.stdout.replace(/^::add-mask::.*$/m, '');
    expect(JSON.stringify(first.outputs) + ours[0]!.body + log).not.toContain('ghs_fakeInstallationToken');

    // The second run on the same PR edits (or leaves) the same comment: still exactly one.
    const second = await prJob().main();
    expect(second.exitCode, second.stdout + second.stderr).toBe(0);
    expect(github.comments(7).filter((c) => c.user.login === 'github-actions[bot]')).toHaveLength(1);
    expect(github.comments(7).find((c) => c.id === other.id)!.body).toBe('<!-- strata:report:not-ours -->\nLooks good to me');
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);

    // A matrix leg with its own comment-key keeps its own comment.
    const leg = new ActionJob({
      workspace,
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      repository,
      event,
      with: { ...common, 'comment-key': 'leg-b' },
      env: { GITHUB_API_URL: github.url, GITHUB_TOKEN: 'ghs_fakeInstallationToken000000000000000' },
    });
    expect((await leg.main()).exitCode).toBe(0);
    const bots = github.comments(7).filter((c) => c.user.login === 'github-actions[bot]');
    expect(bots).toHaveLength(2);
    expect(bots[1]!.body.split('\n')[0]).toMatch(/\|leg-b -->$/);
  }, 300_000);

  it('a comment that cannot be posted costs a warning, never the build', async () => {
    const forbidden = await startFakeGitHub({ owner: 'octo-org', repo: 'report-app', forbidComments: true });
    try {
      const workspace = workspaceFrom('__tests__/fixtures/report-app');
      const job = new ActionJob({
        workspace,
        eventName: 'pull_request',
        repository,
        event: { number: 8, pull_request: { number: 8, base: { ref: 'main' }, head: { ref: 'x', sha: 'abc1234', repo: { full_name: repository } } } },
        with: { image: `${registry.host}/octo-org/report-app`, push: 'true', 'build-args': `BASE=${base}` },
        env: { GITHUB_API_URL: forbidden.url },
      });
      const main = await job.main();
      expect(main.exitCode, main.stdout + main.stderr).toBe(0);
      expect(main.annotations.some((a) => a.level === 'warning' && a.message.startsWith('PR comment not written (forbidden)'))).toBe(true);
      expect(main.outputs['report-markdown']).toMatch(/^<!-- strata:report:/);
      expect(main.outputs['comment-url']).toBeUndefined();
    } finally {
      await forbidden.stop();
    }
  }, 180_000);
});
