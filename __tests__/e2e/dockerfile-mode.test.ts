// The bundled action, run as the Actions runner runs it, building a multi-stage Dockerfile app
// with the real engine and pushing it to a real loopback registry.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const sha = 'c0ffee0123456789abcdef0123456789abcdef01';

describe('dockerfile mode, end to end', () => {
  it('builds a multi-stage app, pushes it, and reports what the registry serves', async () => {
    const workspace = workspaceFrom('examples/dockerfile-app');
    const image = `${registry.host}/octo-org/hello-app`;
    const job = new ActionJob({
      workspace,
      sha,
      ref: 'refs/heads/main',
      with: { image, push: 'true', 'build-args': `BASE=${base}` },
    });
    const { main, post } = await job.run();
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);

    expect(main.outputs.mode).toBe('dockerfile');
    expect(main.outputs['mode-reason']).toBe('Dockerfile found, so BuildKit builds it');
    expect(main.outputs.tags!.split('\n')).toEqual([`${image}:main`, `${image}:sha-c0ffee0`]);
    expect(main.outputs.image).toBe(`${image}:main`);

    // The digest output is what the registry serves for every tag.
    const served = await skopeoInspect(`${image}:main`);
    expect(main.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(served.Digest).toBe(main.outputs.digest);
    expect((await skopeoInspect(`${image}:sha-c0ffee0`)).Digest).toBe(main.outputs.digest);
    expect(main.outputs['image-id']).toMatch(/^sha256:/);
    expect(JSON.parse(main.outputs.metadata!)['containerimage.digest']).toBe(main.outputs.digest);

    // OCI labels from the workflow run.
    const labels = served.Labels as Record<string, string>;
    expect(labels['org.opencontainers.image.source']).toBe('https://github.com/octo-org/hello-app');
    expect(labels['org.opencontainers.image.revision']).toBe(sha);
    expect(Date.parse(labels['org.opencontainers.image.created']!)).toBeGreaterThan(Date.now() - 10 * 60_000);

    // The base image was recorded with the digest the registry has for it.
    const baseDigest = (await skopeoInspect(base)).Digest as string;
    expect(main.stdout).toContain(`Base image (runtime): ${base}@${baseDigest}`);

    // The image is real: it runs.
    const { stdout } = await run('docker', ['run', '--rm', `${image}:main`]);
    expect(stdout).toMatch(/^hello from the Strata example \(built \d{4}\)/);

    expect(post.exitCode, post.stdout + post.stderr).toBe(0);
  }, 180_000);

  it('fails the step with buildx\'s error, not a stack trace', async () => {
    const workspace = workspaceFrom('examples/dockerfile-app');
    writeFileSync(join(workspace, 'Dockerfile'), `FROM ${base}\nRUN echo about to fail && exit 3\n`);
    const job = new ActionJob({ workspace, with: { image: `${registry.host}/octo-org/broken`, push: 'true' } });
    const main = await job.main();
    expect(main.exitCode).toBe(1);
    const errors = main.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('docker buildx build failed:');
    expect(errors[0]!.message).toMatch(/ERROR: (failed to build: )?failed to solve: process "\/bin\/sh -c echo about to fail && exit 3" did not complete successfully: exit code: 3$/);
    expect(errors[0]!.message).not.toMatch(/\n\s+at /);
    expect(main.state['build-succeeded']).toBeUndefined();
    // The job summary carries the same error, for whoever opens the run's page.
    expect(main.summary).toContain('### Strata: the step failed');
    expect(main.summary).toContain('exit code: 3');
  }, 120_000);

  it('fails before building on a bad input, naming it', async () => {
    const workspace = workspaceFrom('examples/dockerfile-app');
    const job = new ActionJob({ workspace, with: { image: `${registry.host}/octo-org/x`, push: 'sometimes' } });
    const main = await job.main();
    expect(main.exitCode).toBe(1);
    expect(main.annotations.map((a) => a.message)).toEqual(['Input "push" has an invalid value "sometimes": use true or false.']);
    expect(main.stdout).not.toContain('docker buildx build');
  }, 60_000);
});
