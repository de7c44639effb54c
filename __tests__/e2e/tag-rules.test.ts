// metadata-action's tag rules through the bundled action: a v1.2.3 tag push gets 1.2.3, 1.2, 1,
// latest and sha-<7> in the registry, and the OCI labels metadata-action adds from the payload.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registryWithBase, requireDocker, run, skopeoInspect, workspaceFrom } from '../support/docker.js';
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

const sha = '5eed0123456789abcdef0123456789abcdef0123';

it('a semver tag push gets the semver tags and latest; a pre-release only its version', async () => {
  const image = `${registry.host}/octo-org/tagged-app`;
  const workspace = workspaceFrom('examples/dockerfile-app');
  // Trimmed from a real push event payload for a tag.
  const event = {
    ref: 'refs/tags/v1.2.3',
    head_commit: { id: sha, timestamp: '2024-05-01T12:00:00+02:00' },
    repository: { full_name: 'octo-org/tagged-app', name: 'tagged-app', default_branch: 'main', description: 'A tagged app', html_url: 'https://github.com/octo-org/tagged-app', license: { spdx_id: 'MIT' } },
  };
  const release = await new ActionJob({ workspace, sha, ref: 'refs/tags/v1.2.3', event, repository: 'octo-org/tagged-app', with: { image, push: 'true', 'build-args': `BASE=${base}` } }).main();
  expect(release.exitCode, release.stdout + release.stderr).toBe(0);
  expect(release.outputs.tags!.split('\n')).toEqual(['1.2.3', '1.2', '1', 'latest', 'sha-5eed012'].map((t) => `${image}:${t}`));
  const { stdout } = await run('skopeo', ['list-tags', '--tls-verify=false', `docker://${image}`]);
  expect((JSON.parse(stdout) as { Tags: string[] }).Tags.sort()).toEqual(['1', '1.2', '1.2.3', 'latest', 'sha-5eed012']);
  const labels = (await skopeoInspect(`${image}:1.2.3`)).Labels as Record<string, string>;
  expect(labels).toMatchObject({
    'org.opencontainers.image.title': 'tagged-app',
    'org.opencontainers.image.description': 'A tagged app',
    'org.opencontainers.image.url': 'https://github.com/octo-org/tagged-app',
    'org.opencontainers.image.source': 'https://github.com/octo-org/tagged-app',
    'org.opencontainers.image.version': '1.2.3',
    'org.opencontainers.image.revision': sha,
    'org.opencontainers.image.licenses': 'MIT',
    // No git checkout here: the head commit's time from the payload.
    'org.opencontainers.image.created': '2024-05-01T10:00:00.000Z',
  });

  const rc = await new ActionJob({
    workspace, sha, ref: 'refs/tags/v1.3.0-rc.1', event: { ...event, ref: 'refs/tags/v1.3.0-rc.1' }, repository: 'octo-org/tagged-app',
    with: { image, push: 'true', 'build-args': `BASE=${base}` },
  }).main();
  expect(rc.exitCode, rc.stdout + rc.stderr).toBe(0);
  expect(rc.outputs.tags!.split('\n')).toEqual([`${image}:1.3.0-rc.1`, `${image}:sha-5eed012`]);
  // latest still points at the release.
  expect((await skopeoInspect(`${image}:latest`)).Digest).toBe(release.outputs.digest);
}, 240_000);
