// Strata's rebase cross-checked against a reference implementation: go-containerregistry's
// `crane rebase` (crane 0.20, from testenv). Images built with buildx on revision 1 of a real
// busybox base (testenv base-image.sh), the base tag moved to revision 2, then rebased by both
// onto the same new base. Both must end with the same layers and diff IDs; where they differ
// (media types, index handling, annotations, labels, created), the difference asserted here is
// the one the README's rebase section explains.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebaseImage, type RebaseResult } from '../../src/rebase/rebase.js';
import { RegistryClient } from '../../src/registry/client.js';
import { RegistryWriter } from '../../src/registry/writer.js';
import { pushBaseImage, requireDocker, run } from '../support/docker.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

const BIG = { maxBuffer: 16 * 1024 * 1024 };
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
const DOCKER_LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';
const BASE_NAME = 'org.opencontainers.image.base.name';
const BASE_DIGEST = 'org.opencontainers.image.base.digest';

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os: string; architecture: string };
  annotations?: Record<string, string>;
}
interface Manifest {
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
  manifests?: Descriptor[];
  annotations?: Record<string, string>;
}
interface Config {
  created?: string;
  architecture: string;
  os: string;
  rootfs: { diff_ids: string[] };
  history?: { created_by?: string; empty_layer?: boolean }[];
  config?: { Labels?: Record<string, string>; Cmd?: string[]; Env?: string[] };
}

let registry: TestRegistry;
const tempDirs: string[] = [];
const quiet = { info: () => undefined, debug: () => undefined, warning: () => undefined };

const crane = (...args: string[]) => run('crane', [...args, '--insecure'], BIG);
const manifestOf = async (ref: string) => JSON.parse((await crane('manifest', ref)).stdout) as Manifest;
const configOf = async (ref: string) => JSON.parse((await crane('config', ref)).stdout) as Config;
const digestOf = async (ref: string) => (await crane('digest', ref)).stdout.trim();
const repoOf = (ref: string) => ref.replace(/:[^/:]+$/, '');

function strataRebase(image: string, tag: string, oldBase?: string): Promise<RebaseResult> {
  const options = { fetch: globalThis.fetch, retries: 1, retryBaseMs: 50 };
  return rebaseImage({ client: new RegistryClient(options), writer: new RegistryWriter(options), image, tags: [tag], oldBase, logger: quiet });
}

/** `crane rebase`, as its docs show it: the old base by digest, the new one by tag. */
function craneRebase(image: string, oldBase: string, newBase: string, tag: string, ...flags: string[]) {
  return crane('rebase', image, '--old_base', oldBase, '--new_base', newBase, '--tag', tag, ...flags);
}

/** A COPY-only app (no RUN: it builds for any platform without emulation), pushed by buildx. */
async function buildApp(ref: string, base: string, opts: { platforms?: string; attest?: boolean; oci?: boolean }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'strata-crosscheck-'));
  tempDirs.push(dir);
  writeFileSync(join(dir, 'Dockerfile'), [`FROM ${base}`, 'COPY app.txt /app/app.txt', 'CMD ["cat", "/app/app.txt"]', ''].join('\n'));
  writeFileSync(join(dir, 'app.txt'), `app ${ref}\n`);
  const [name, digest] = base.split('@');
  const args = ['buildx', 'build', `--provenance=${opts.attest ? 'mode=min' : 'false'}`, '--label', `${BASE_NAME}=${name}`, '--label', `${BASE_DIGEST}=${digest}`];
  if (opts.platforms) args.push('--platform', opts.platforms);
  args.push('--output', `type=image,name=${ref},push=true${opts.oci ? ',oci-mediatypes=true' : ''}`, dir);
  await run('docker', args, BIG);
}

/** What both rebases must agree on, per platform manifest. */
async function expectSameImage(strataRef: string, craneRef: string): Promise<{ strata: { manifest: Manifest; config: Config }; crane: { manifest: Manifest; config: Config } }> {
  const strata = { manifest: await manifestOf(strataRef), config: await configOf(strataRef) };
  const other = { manifest: await manifestOf(craneRef), config: await configOf(craneRef) };
  // The same layer blobs, in the same order, with the same sizes and the same diff IDs.
  expect(strata.manifest.layers.map((l) => [l.digest, l.size])).toEqual(other.manifest.layers.map((l) => [l.digest, l.size]));
  expect(strata.config.rootfs.diff_ids).toEqual(other.config.rootfs.diff_ids);
  // The same history (the new base's, then the image's own) and the same runtime config.
  expect(strata.config.history?.map((h) => h.created_by)).toEqual(other.config.history?.map((h) => h.created_by));
  expect({ ...strata.config.config, Labels: undefined }).toEqual({ ...other.config.config, Labels: undefined });
  expect([strata.config.os, strata.config.architecture]).toEqual([other.config.os, other.config.architecture]);
  return { strata, crane: other };
}

let base: string;
let oldBase: string;
let newDigest: string;
let multiBase: string;
let oldMulti: string;
const apps = {} as Record<'docker' | 'oci' | 'attested' | 'multi', string>;

beforeAll(async () => {
  await requireDocker();
  registry = await startRegistry();
  base = `${registry.host}/library/busybox:1.36`;
  multiBase = `${registry.host}/library/busybox:multi`;
  await pushBaseImage(base, { revision: 1 });
  await pushBaseImage(multiBase, { revision: 1, platforms: 'linux/amd64,linux/arm64' });
  oldBase = `${base}@${await digestOf(base)}`;
  oldMulti = `${multiBase}@${await digestOf(multiBase)}`;
  apps.docker = `${registry.host}/acme/docker-types:1`;
  apps.oci = `${registry.host}/acme/oci-types:1`;
  apps.attested = `${registry.host}/acme/attested:1`;
  apps.multi = `${registry.host}/acme/multi:1`;
  await buildApp(apps.docker, oldBase, {});
  await buildApp(apps.oci, oldBase, { oci: true });
  await buildApp(apps.attested, oldBase, { attest: true });
  await buildApp(apps.multi, oldMulti, { platforms: 'linux/amd64,linux/arm64', attest: true });
  // Upstream rebuilt both base tags.
  await pushBaseImage(base, { revision: 2 });
  await pushBaseImage(multiBase, { revision: 2, platforms: 'linux/amd64,linux/arm64' });
  newDigest = await digestOf(base);
}, 300_000);

afterAll(async () => {
  // buildx also leaves some of what it pushed in the engine's image store.
  await run('docker', ['image', 'rm', '--force', ...Object.values(apps)]).catch(() => undefined);
  await registry?.stop();
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

describe('a single-platform image', () => {
  it('Docker media types: the same layers and diff IDs; crane leaves the base label stale, zeroes created, and annotates a v2s2 manifest', async () => {
    const original = { manifest: await manifestOf(apps.docker), config: await configOf(apps.docker) };
    expect(original.manifest.mediaType).toBe(DOCKER_MANIFEST);
    const result = await strataRebase(apps.docker, `${repoOf(apps.docker)}:strata`);
    expect(result.status).toBe('rebased');
    await craneRebase(apps.docker, oldBase, base, `${repoOf(apps.docker)}:crane`);

    const both = await expectSameImage(`${repoOf(apps.docker)}:strata`, `${repoOf(apps.docker)}:crane`);
    const newBaseLayers = (await manifestOf(base)).layers.map((l) => l.digest);
    expect(both.strata.manifest.layers.map((l) => l.digest).slice(0, newBaseLayers.length)).toEqual(newBaseLayers);
    // Both keep a Docker image Docker-typed.
    for (const side of [both.strata, both.crane]) {
      expect(side.manifest.mediaType).toBe(DOCKER_MANIFEST);
      expect(side.manifest.config.mediaType).toBe(DOCKER_CONFIG);
      expect(side.manifest.layers.map((l) => l.mediaType)).toEqual([DOCKER_LAYER, DOCKER_LAYER]);
    }
    // The base labels: Strata moves them to the new base; crane keeps the old digest in them.
    expect(both.strata.config.config?.Labels).toMatchObject({ [BASE_NAME]: base, [BASE_DIGEST]: newDigest });
    expect(both.crane.config.config?.Labels).toMatchObject({ [BASE_NAME]: base, [BASE_DIGEST]: oldBase.split('@')[1] });
    // created: Strata keeps the image's; crane writes the zero time.
    expect(both.strata.config.created).toBe(original.config.created);
    expect(both.crane.config.created).toBe('0001-01-01T00:00:00Z');
    // Annotations: a Docker v2s2 manifest has no such field; Strata writes none, crane adds them anyway.
    expect(both.strata.manifest.annotations).toBeUndefined();
    expect(both.crane.manifest.annotations).toEqual({ [BASE_NAME]: base, [BASE_DIGEST]: newDigest });
  });

  it('OCI media types: Strata keeps the image OCI; crane converts the manifest and config to the base\'s Docker types around an OCI layer', async () => {
    expect((await manifestOf(apps.oci)).mediaType).toBe(OCI_MANIFEST);
    expect((await strataRebase(apps.oci, `${repoOf(apps.oci)}:strata`)).status).toBe('rebased');
    await craneRebase(apps.oci, oldBase, base, `${repoOf(apps.oci)}:crane`);

    const both = await expectSameImage(`${repoOf(apps.oci)}:strata`, `${repoOf(apps.oci)}:crane`);
    expect(both.strata.manifest.mediaType).toBe(OCI_MANIFEST);
    expect(both.strata.manifest.config.mediaType).toBe(OCI_CONFIG);
    expect(both.crane.manifest.mediaType).toBe(DOCKER_MANIFEST);
    expect(both.crane.manifest.config.mediaType).toBe(DOCKER_CONFIG);
    // Layer types as each blob was pushed (the base's are Docker-typed, the app's OCI) on both
    // sides: in Strata's OCI manifest that is allowed; in crane's Docker v2s2 one, an OCI layer type is not.
    expect(both.strata.manifest.layers.map((l) => l.mediaType)).toEqual([DOCKER_LAYER, OCI_LAYER]);
    expect(both.crane.manifest.layers.map((l) => l.mediaType)).toEqual([DOCKER_LAYER, OCI_LAYER]);
    // On an OCI manifest both record the new base in annotations.
    expect(both.strata.manifest.annotations).toEqual({ [BASE_NAME]: base, [BASE_DIGEST]: newDigest });
    expect(both.crane.manifest.annotations).toEqual({ [BASE_NAME]: base, [BASE_DIGEST]: newDigest });
  });

  it('an index with an attestation: crane refuses it; Strata rebases it, keeps an OCI index and drops the attestation, which attests the old digest', async () => {
    const index = await manifestOf(apps.attested);
    expect(index.mediaType).toBe(OCI_INDEX);
    const attestation = index.manifests!.find((m) => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')!;
    const platform = index.manifests!.find((m) => m.platform?.os === 'linux')!;
    expect(attestation.annotations?.['vnd.docker.reference.digest']).toBe(platform.digest);

    await expect(craneRebase(apps.attested, oldBase, base, `${repoOf(apps.attested)}:crane`)).rejects.toThrow(/rebasing an index is not yet supported/);

    const result = await strataRebase(apps.attested, `${repoOf(apps.attested)}:strata`);
    expect(result.status).toBe('rebased');
    expect(result.notes).toContainEqual(expect.stringMatching(new RegExp(`attestation manifest ${attestation.digest} dropped: it attests the old image \\(for ${platform.digest}\\)`)));
    const rebased = await manifestOf(`${repoOf(apps.attested)}:strata`);
    expect(rebased.mediaType).toBe(OCI_INDEX);
    expect(rebased.manifests!.map((m) => m.platform)).toEqual([{ os: 'linux', architecture: 'amd64' }]);
    expect(rebased.annotations).toEqual({ [BASE_NAME]: base, [BASE_DIGEST]: newDigest });

    // crane can rebase the platform manifest alone: the same layers and diff IDs as Strata's.
    await craneRebase(`${repoOf(apps.attested)}@${platform.digest}`, oldBase, base, `${repoOf(apps.attested)}:crane`);
    await expectSameImage(`${repoOf(apps.attested)}@${rebased.manifests![0]!.digest}`, `${repoOf(apps.attested)}:crane`);
  });
});

describe('a multi-platform image', () => {
  it('crane refuses the index; per platform, Strata\'s rebased manifests match crane\'s rebase of each platform manifest', async () => {
    const index = await manifestOf(apps.multi);
    await expect(craneRebase(apps.multi, oldMulti, multiBase, `${repoOf(apps.multi)}:crane`)).rejects.toThrow(/rebasing an index is not yet supported/);

    const result = await strataRebase(apps.multi, `${repoOf(apps.multi)}:strata`);
    expect(result.status).toBe('rebased');
    const rebased = await manifestOf(`${repoOf(apps.multi)}:strata`);
    const platformsOf = (m: Manifest) => m.manifests!.filter((d) => d.platform?.os === 'linux').map((d) => d.platform!.architecture);
    // The same platforms in the same order; the two attestations dropped.
    expect(platformsOf(rebased)).toEqual(platformsOf(index));
    expect(rebased.manifests).toHaveLength(2);
    expect(result.notes.filter((n) => n.startsWith('attestation manifest'))).toHaveLength(2);

    const oldBaseIndex = await manifestOf(oldMulti);
    const newBaseIndex = await manifestOf(multiBase);
    const entry = (m: Manifest, arch: string) => m.manifests!.find((d) => d.platform?.architecture === arch)!.digest;
    for (const arch of ['amd64', 'arm64']) {
      const craneTag = `${repoOf(apps.multi)}:crane-${arch}`;
      await craneRebase(`${repoOf(apps.multi)}@${entry(index, arch)}`, `${repoOf(multiBase)}@${entry(oldBaseIndex, arch)}`, `${repoOf(multiBase)}@${entry(newBaseIndex, arch)}`, craneTag);
      const both = await expectSameImage(`${repoOf(apps.multi)}@${entry(rebased, arch)}`, craneTag);
      expect(both.strata.config.architecture).toBe(arch);
      const newBaseLayers = (await manifestOf(`${repoOf(multiBase)}@${entry(newBaseIndex, arch)}`)).layers.map((l) => l.digest);
      expect(both.strata.manifest.layers.map((l) => l.digest).slice(0, newBaseLayers.length)).toEqual(newBaseLayers);
    }
  });
});
