// Indexes that carry BuildKit attestation manifests (unknown/unknown, vnd.docker.reference.type:
// attestation-manifest), as Docker Hub's official images and any `--provenance` push do: the
// report's platform list, the base's freshness and the rebase read past them. Everything here is
// pushed with real provenance to a loopback registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { registryWithBase, requireDocker, run, workspaceFrom } from '../support/docker.js';
import type { TestRegistry } from '../support/registry.js';
import { ActionJob } from '../support/runner.js';

let registry: TestRegistry;
let busybox: string;

beforeAll(async () => {
  await requireDocker();
  ({ registry, base: busybox } = await registryWithBase());
});

afterAll(async () => {
  await registry?.stop();
});

/** A base image pushed by buildx with a provenance attestation, at `revision`. */
async function pushAttestedBase(ref: string, revision: number): Promise<void> {
  const dir = workspaceFrom('examples/dockerfile-app');
  writeFileSync(join(dir, 'Dockerfile'), `FROM ${busybox}\nRUN echo ${revision} > /etc/attested-revision\n`);
  await run('docker', ['buildx', 'build', '--push', '--provenance=mode=max', '-t', ref, dir], { maxBuffer: 16 * 1024 * 1024 });
}

const raw = async (ref: string) =>
  JSON.parse((await run('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${ref}`])).stdout) as {
    manifests?: Array<{ platform?: { os: string } }>;
  };

it('an attested base and an attested image: one platform in the report, a fresh base, and a rebase that drops the stale attestation', async () => {
  const base = `${registry.host}/library/attested:1`;
  await pushAttestedBase(base, 1);
  expect((await raw(base)).manifests!.map((m) => m.platform?.os)).toEqual(['linux', 'unknown']);

  const image = `${registry.host}/octo-org/attested-app`;
  const workspace = workspaceFrom('examples/dockerfile-app');
  writeFileSync(join(workspace, 'Dockerfile'), `FROM ${base}\nCOPY app.sh /app.sh\nCMD ["cat", "/etc/attested-revision"]\n`);
  const build = await new ActionJob({ workspace, with: { image, push: 'true', tags: 'stable', provenance: 'mode=max' } }).main();
  expect(build.exitCode, build.stdout + build.stderr).toBe(0);
  expect((await raw(`${image}:stable`)).manifests!.map((m) => m.platform?.os)).toEqual(['linux', 'unknown']);

  const report = JSON.parse(readFileSync(build.outputs['report-json']!, 'utf8')) as Report;
  expect(report.comparison.platforms.map((p) => p.platform)).toEqual(['linux/amd64']);
  expect(report.headline.platformCount).toBe(1);
  expect(report.freshness.map((f) => [f.use.reference, f.verdict])).toEqual([[base, 'fresh']]);

  // Upstream rebuilds the base (with a new attestation); the image moves onto it.
  await pushAttestedBase(base, 2);
  const rebase = await new ActionJob({ workspace, eventName: 'schedule', with: { image, tags: 'stable', rebase: 'true', push: 'true' } }).main();
  expect(rebase.exitCode, rebase.stdout + rebase.stderr).toBe(0);
  expect(rebase.outputs.rebased).toBe('true');
  expect(rebase.stdout).toMatch(/attestation manifest sha256:[0-9a-f]{64} dropped/);
  expect((await raw(`${image}:stable`)).manifests!.map((m) => m.platform?.os)).toEqual(['linux']);
  const { stdout } = await run('docker', ['run', '--rm', '--pull', 'always', `${image}:stable`]);
  expect(stdout.trim()).toBe('2');
}, 240_000);
