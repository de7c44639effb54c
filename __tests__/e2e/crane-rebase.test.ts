// The base recorded where OCI tools look for it: Strata writes org.opencontainers.image.base.*
// as manifest annotations (as well as labels), and reads the annotations first. The real
// `crane rebase` moves a Strata-built image onto its base's new revision, updating the
// annotations and leaving the config's labels stale; Strata's report must then call the base
// fresh (not "tag moved") and `rebase: true` must find nothing to do (not refuse).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { pushBaseImage, registryWithBase, requireDocker, run, skopeoInspect, workspaceFrom } from '../support/docker.js';
import type { TestRegistry } from '../support/registry.js';
import { ActionJob, distPath } from '../support/runner.js';

let registry: TestRegistry;
let base: string;

beforeAll(async () => {
  await requireDocker();
  ({ registry, base } = await registryWithBase({ revision: 1 }));
});

afterAll(async () => {
  await registry?.stop();
});

const raw = async (ref: string) =>
  JSON.parse((await run('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${ref}`])).stdout) as { annotations?: Record<string, string> };

it('an image crane rebase moved is fresh to the report and up to date to strata rebase', async () => {
  const image = `${registry.host}/octo-org/crane-moved`;
  const workspace = workspaceFrom('examples/dockerfile-app');
  const build = await new ActionJob({ workspace, with: { image, push: 'true', tags: 'stable', provenance: 'false', 'build-args': `BASE=${base}` } }).main();
  expect(build.exitCode, build.stdout + build.stderr).toBe(0);
  const oldDigest = (await skopeoInspect(base)).Digest as string;
  expect((await raw(`${image}:stable`)).annotations).toMatchObject({
    'org.opencontainers.image.base.name': base,
    'org.opencontainers.image.base.digest': oldDigest,
  });

  await pushBaseImage(base, { revision: 2 });
  const newDigest = (await skopeoInspect(base)).Digest as string;
  // crane reads the old and new base from the annotations Strata wrote.
  await promisify(execFile)('crane', ['rebase', '--insecure', `${image}:stable`, '-t', `${image}:stable`]);
  expect((await raw(`${image}:stable`)).annotations?.['org.opencontainers.image.base.digest']).toBe(newDigest);
  const labels = (await skopeoInspect(`${image}:stable`)).Labels as Record<string, string>;
  expect(labels['org.opencontainers.image.base.digest']).toBe(oldDigest);
  expect((await run('docker', ['run', '--rm', '--pull', 'always', `${image}:stable`, 'cat', '/etc/base-revision'])).stdout.trim()).toBe('2');

  const { stdout } = await promisify(execFile)(process.execPath, [distPath('cli.mjs'), 'report', `${image}:stable`, '--json']);
  const report = JSON.parse(stdout) as Report;
  expect(report.freshness.map((f) => [f.use.reference, f.use.digest, f.verdict])).toEqual([[base, newDigest, 'fresh']]);

  const rebase = await new ActionJob({ workspace, eventName: 'schedule', with: { image, tags: 'stable', rebase: 'true' } }).main();
  expect(rebase.exitCode, rebase.stdout + rebase.stderr).toBe(0);
  expect(rebase.outputs.rebased).toBe('false');
  expect(rebase.stdout).toContain('base.digest annotations');
}, 240_000);
