// `rebase: true` through the bundled action: an image built by Strata records its base
// (org.opencontainers.image.base.*), upstream rebuilds the base under the same tag, and a later
// job moves the image onto it without a rebuild. On each registry kind (distribution v2.8, v3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushBaseImage, registryWithBase, requireDocker, run, skopeoInspect, workspaceFrom } from '../support/docker.js';
import { REGISTRY_KINDS, type TestRegistry } from '../support/registry.js';
import { ActionJob } from '../support/runner.js';

describe.each(REGISTRY_KINDS)('%s', (kind) => {
  let registry: TestRegistry;
  let base: string;

  beforeAll(async () => {
    await requireDocker();
    ({ registry, base } = await registryWithBase({ revision: 1 }, kind));
  });

  afterAll(async () => {
    await registry?.stop();
  });

  it('moves a pushed image onto its base\'s new digest, keeping the app layers', async () => {
    const image = `${registry.host}/octo-org/rebased`;
    const workspace = workspaceFrom('examples/dockerfile-app');
    const build = await new ActionJob({ workspace, with: { image, push: 'true', tags: 'stable', 'build-args': `BASE=${base}` } }).main();
    expect(build.exitCode, build.stdout + build.stderr).toBe(0);
    const built = await skopeoInspect(`${image}:stable`);
    const labels = built.Labels as Record<string, string>;
    expect(labels['org.opencontainers.image.base.name']).toBe(base);
    expect(labels['org.opencontainers.image.base.digest']).toBe((await skopeoInspect(base)).Digest);

    await pushBaseImage(base, { revision: 2 });
    const newBase = await skopeoInspect(base);

    // push: false (the default) plans the rebase and pushes nothing.
    const planned = await new ActionJob({ workspace, eventName: 'schedule', with: { image, tags: 'stable', rebase: 'true' } }).main();
    expect(planned.exitCode, planned.stdout + planned.stderr).toBe(0);
    expect(planned.stdout).toContain('push is false: the rebase was planned, nothing was pushed. Set push: true to move the tags.');
    expect(planned.outputs.rebased).toBe('false');
    expect(planned.outputs.digest).toBe(built.Digest);
    expect((await skopeoInspect(`${image}:stable`)).Digest).toBe(built.Digest);

    // A scheduled job: no checkout needed beyond the workspace, no build.
    const rebase = await new ActionJob({ workspace, eventName: 'schedule', with: { image, tags: 'stable', rebase: 'true', push: 'true' } }).main();
    expect(rebase.exitCode, rebase.stdout + rebase.stderr).toBe(0);
    expect(rebase.outputs.mode).toBe('rebase');
    expect(rebase.outputs.rebased).toBe('true');
    expect(rebase.stdout).not.toContain('docker buildx build');
    const after = await skopeoInspect(`${image}:stable`);
    expect(after.Digest).toBe(rebase.outputs.digest);
    expect(after.Digest).not.toBe(built.Digest);
    // The base's layers changed, the app's did not.
    const baseLayers = (newBase.Layers as string[]).length;
    expect((after.Layers as string[]).slice(0, baseLayers)).toEqual(newBase.Layers);
    expect((after.Layers as string[]).slice(baseLayers)).toEqual((built.Layers as string[]).slice(baseLayers));
    expect((after.Labels as Record<string, string>)['org.opencontainers.image.base.digest']).toBe(newBase.Digest);
    const { stdout } = await run('docker', ['run', '--rm', '--pull', 'always', `${image}:stable`, 'cat', '/etc/base-revision']);
    expect(stdout.trim()).toBe('2');

    const again = await new ActionJob({ workspace, eventName: 'schedule', with: { image, tags: 'stable', rebase: 'true', push: 'true' } }).main();
    expect(again.exitCode).toBe(0);
    expect(again.outputs.rebased).toBe('false');
    expect(again.outputs.digest).toBe(after.Digest);
  }, 240_000);
});
