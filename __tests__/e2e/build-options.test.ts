// build-push-action's options end to end through the bundled action, read back with skopeo (an
// independent client): a named build context, annotations at manifest and index level, a
// provenance attestation, and `call: check` findings as annotations on Dockerfile lines.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registryWithBase, requireDocker, run, workspaceFrom } from '../support/docker.js';
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

interface Raw {
  mediaType?: string;
  annotations?: Record<string, string>;
  manifests?: Array<{ digest: string; platform?: { os: string; architecture: string }; annotations?: Record<string, string> }>;
  layers?: Array<{ digest: string; mediaType: string; annotations?: Record<string, string> }>;
}
const raw = async (ref: string): Promise<Raw> => JSON.parse((await run('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${ref}`])).stdout) as Raw;
const blob = async (repo: string, digest: string): Promise<string> => (await fetch(`http://${repo.replace('/', '/v2/')}/blobs/${digest}`)).text();

it('a build context, manifest and index annotations, and provenance reach the registry', async () => {
  const image = `${registry.host}/octo-org/options-app`;
  const workspace = workspaceFrom('examples/dockerfile-app');
  const extra = join(workspace, '..', `extra-${Date.now()}`);
  mkdirSync(extra);
  writeFileSync(join(extra, 'note.txt'), 'from the named context\n');
  writeFileSync(join(workspace, 'Dockerfile'), [`FROM ${base}`, 'COPY --from=notes note.txt /note.txt', 'CMD ["cat", "/note.txt"]', ''].join('\n'));
  const job = new ActionJob({
    workspace,
    with: {
      image,
      push: 'true',
      tags: 'opts',
      'build-contexts': `notes=${extra}`,
      annotations: 'org.opencontainers.image.description=built with named contexts\nindex:org.opencontainers.image.vendor=Octo Org',
      provenance: 'mode=max',
    },
  });
  const main = await job.main();
  expect(main.exitCode, main.stdout + main.stderr).toBe(0);
  expect(main.stdout).toContain(`--build-context notes=${extra}`);

  // The image has the named context's file.
  expect((await run('docker', ['run', '--rm', `${image}:opts`])).stdout).toBe('from the named context\n');

  // The index carries the index annotation, the platform manifest the manifest one.
  const index = await raw(`${image}:opts`);
  expect(index.annotations?.['org.opencontainers.image.vendor']).toBe('Octo Org');
  const platform = index.manifests!.find((m) => m.platform?.os === 'linux')!;
  const manifest = await raw(`${image}@${platform.digest}`);
  expect(manifest.annotations?.['org.opencontainers.image.description']).toBe('built with named contexts');

  // The provenance attestation: an unknown/unknown entry pointing at the image, SLSA inside.
  const attestation = index.manifests!.find((m) => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')!;
  expect(attestation.platform).toMatchObject({ os: 'unknown', architecture: 'unknown' });
  expect(attestation.annotations?.['vnd.docker.reference.digest']).toBe(platform.digest);
  const statement = (await raw(`${image}@${attestation.digest}`)).layers!.find((l) => l.annotations?.['in-toto.io/predicate-type']?.includes('slsa.dev/provenance'))!;
  const provenance = JSON.parse(await blob(image, statement.digest)) as { predicate: Record<string, unknown> };
  // mode=max records the build's configuration (buildDefinition in SLSA v1, buildConfig in v0.2).
  expect(JSON.stringify(provenance.predicate)).toMatch(/"(buildConfig|buildDefinition)"/);
}, 180_000);

it('call: check puts findings on their Dockerfile lines, builds nothing, and fails on warnings when asked', async () => {
  const workspace = workspaceFrom('examples/dockerfile-app');
  writeFileSync(join(workspace, 'Dockerfile'), [`FROM ${base} as Build`, 'CMD ["a"]', 'CMD ["b"]', ''].join('\n'));
  const image = `${registry.host}/octo-org/checked-app`;

  const lenient = await new ActionJob({ workspace, with: { image, push: 'true', call: 'check' } }).main();
  expect(lenient.exitCode, lenient.stdout + lenient.stderr).toBe(0);
  const warnings = lenient.annotations.filter((a) => a.level === 'warning');
  expect(warnings.map((a) => a.properties)).toEqual(
    expect.arrayContaining(['title=Build check StageNameCasing,file=Dockerfile,line=1', 'title=Build check MultipleInstructionsDisallowed,file=Dockerfile,line=2']),
  );
  expect(lenient.outputs['check-findings']).toBe(String(warnings.length));
  expect(lenient.stdout).toContain('--call=check,format=json');
  // Nothing was pushed.
  await expect(raw(`${image}:main`)).rejects.toThrow();

  const strict = await new ActionJob({ workspace, with: { image, call: 'check', 'check-fails-on': 'warning' } }).main();
  expect(strict.exitCode).toBe(1);
  expect(strict.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toContain(`Build checks: ${warnings.length} warnings.`);
}, 120_000);
