// The run's image-document reader (src/registry/documents.ts) against a real distribution
// registry on loopback, counting what the registry itself logs having answered. The images are
// shaped like BuildKit's pushes: a multi-platform OCI base (an index over linux/amd64 and
// linux/arm64, like docker.io/library/busybox) and two single-platform app images on it whose
// configs carry the org.opencontainers.image.base.* labels.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImageSummary } from '../../src/image/remote.js';
import { baseImageRegistry } from '../../src/registry/base-image-registry.js';
import { basesFor } from '../../src/report/known-bases.js';
import type { Logger } from '../../src/adapters.js';
import { RegistryClient } from '../../src/registry/client.js';
import { ImageDocumentReader } from '../../src/registry/documents.js';
import { OCI_CONFIG, OCI_INDEX, OCI_LAYER_GZIP, OCI_MANIFEST } from '../../src/registry/media-types.js';
import { RegistryWriter } from '../../src/registry/writer.js';
import { startRegistry, type RegistryRequest, type TestRegistry } from '../support/registry.js';

const sha = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

interface Pushed {
  digest: string;
  mediaType: string;
  size: number;
  bytes: Buffer;
}

let registry: TestRegistry;
let writer: RegistryWriter;
let base: { index: Pushed; amd64: Pushed; arm64: Pushed; amd64Config: string; arm64Config: string };
let apps: { one: Pushed; two: Pushed; oneConfig: string; twoConfig: string };

function doc(mediaType: string, value: unknown): Pushed {
  const bytes = Buffer.from(JSON.stringify(value));
  return { digest: sha(bytes), mediaType, size: bytes.length, bytes };
}

async function blob(repo: string, bytes: Buffer): Promise<{ digest: string; size: number }> {
  const digest = sha(bytes);
  await writer.uploadBlob(`${registry.host}/${repo}`, digest, bytes);
  return { digest, size: bytes.length };
}

/** A platform image: its layers and config as blobs, and the manifest that points at them (not yet put). */
async function image(repo: string, platform: { os: string; architecture: string }, layers: Buffer[], labels: Record<string, string> = {}): Promise<{ manifest: Pushed; config: string }> {
  const layerDescs = await Promise.all(layers.map(async (l) => ({ mediaType: OCI_LAYER_GZIP, ...(await blob(repo, l)) })));
  const config = Buffer.from(
    JSON.stringify({
      ...platform,
      created: '2026-11-30T12:00:00Z',
      config: { Labels: labels },
      rootfs: { type: 'layers', diff_ids: layers.map((l) => sha(Buffer.concat([l, Buffer.from('uncompressed')]))) },
      history: layers.map((_, i) => ({ created_by: `RUN step ${i}` })),
    }),
  );
  const configDesc = await blob(repo, config);
  return { manifest: doc(OCI_MANIFEST, { schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: OCI_CONFIG, ...configDesc }, layers: layerDescs }), config: configDesc.digest };
}

async function put(repo: string, reference: string, d: Pushed): Promise<void> {
  await writer.putManifest(`${registry.host}/${repo}`, reference, d);
}

beforeAll(async () => {
  registry = await startRegistry();
  writer = new RegistryWriter({ fetch });
  const baseLayer = { amd64: randomBytes(64), arm64: randomBytes(64) };
  const amd64 = await image('library/base', { os: 'linux', architecture: 'amd64' }, [baseLayer.amd64]);
  const arm64 = await image('library/base', { os: 'linux', architecture: 'arm64' }, [baseLayer.arm64]);
  await put('library/base', amd64.manifest.digest, amd64.manifest);
  await put('library/base', arm64.manifest.digest, arm64.manifest);
  const entry = (m: Pushed, architecture: string) => ({ mediaType: m.mediaType, digest: m.digest, size: m.size, platform: { os: 'linux', architecture } });
  const index = doc(OCI_INDEX, { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [entry(amd64.manifest, 'amd64'), entry(arm64.manifest, 'arm64')] });
  await put('library/base', '1', index);
  base = { index, amd64: amd64.manifest, arm64: arm64.manifest, amd64Config: amd64.config, arm64Config: arm64.config };

  const labels = { 'org.opencontainers.image.base.name': `${registry.host}/library/base:1`, 'org.opencontainers.image.base.digest': index.digest };
  const one = await image('acme/app', { os: 'linux', architecture: 'amd64' }, [baseLayer.amd64, randomBytes(100)], labels);
  const two = await image('acme/app', { os: 'linux', architecture: 'amd64' }, [baseLayer.amd64, randomBytes(200)], labels);
  await put('acme/app', '1', one.manifest);
  await put('acme/app', '2', two.manifest);
  apps = { one: one.manifest, two: two.manifest, oneConfig: one.config, twoConfig: two.config };
}, 60_000);

afterAll(async () => {
  await registry?.stop();
});

/** The requests the registry answered while `fn` ran, as `METHOD path` lines. */
async function requestsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const before = (await registry.requests()).length;
  await fn();
  return (await registry.requests()).slice(before).map((r: RegistryRequest) => `${r.method} ${r.path}`);
}

const manifestPath = (repo: string, ref: string) => `/v2/${repo}/manifests/${ref}`;
const blobPath = (repo: string, digest: string) => `/v2/${repo}/blobs/${digest}`;

/** What `strata report acme/app:2 --baseline acme/app:1` reads: both images, their base per image, the base's freshness. */
async function readAsAReport(client: RegistryClient): Promise<void> {
  const host = registry.host;
  const baseByDigest = `${host}/library/base@${base.index.digest}`;
  await Promise.all([readImageSummary(client, `${host}/acme/app:2`), readImageSummary(client, `${host}/acme/app:1`)]);
  await Promise.all([readImageSummary(client, baseByDigest), readImageSummary(client, baseByDigest)]);
  const freshness = baseImageRegistry(client);
  await Promise.all([freshness.headDigest(`${host}/library/base:1`), freshness.getImageCreated!(baseByDigest, 'linux/amd64'), freshness.listPlatformDigests!(baseByDigest)]);
}

describe('ImageDocumentReader', () => {
  it('two images on one base: each manifest and config is fetched once, and the tag resolved by one HEAD', async () => {
    const seen = await requestsDuring(() => readAsAReport(new ImageDocumentReader({ fetch }, { rememberTags: true })));
    expect(seen.sort()).toEqual(
      [
        `GET ${manifestPath('acme/app', '1')}`,
        `GET ${manifestPath('acme/app', '2')}`,
        `GET ${blobPath('acme/app', apps.oneConfig)}`,
        `GET ${blobPath('acme/app', apps.twoConfig)}`,
        `GET ${manifestPath('library/base', base.index.digest)}`,
        `GET ${manifestPath('library/base', base.amd64.digest)}`,
        `GET ${manifestPath('library/base', base.arm64.digest)}`,
        `GET ${blobPath('library/base', base.amd64Config)}`,
        `GET ${blobPath('library/base', base.arm64Config)}`,
        `HEAD ${manifestPath('library/base', '1')}`,
      ].sort(),
    );
  });

  it('the same reads through a client without the memo fetch the base documents again (what the reader saves)', async () => {
    const seen = await requestsDuring(() => readAsAReport(new RegistryClient({ fetch })));
    expect(seen.filter((r) => r === `GET ${manifestPath('library/base', base.index.digest)}`).length).toBeGreaterThanOrEqual(3);
    expect(seen.filter((r) => r === `GET ${blobPath('library/base', base.amd64Config)}`).length).toBeGreaterThanOrEqual(3);
  });

  it('concurrent asks for one document share one request', async () => {
    const reader = new ImageDocumentReader({ fetch }, { rememberTags: true });
    const host = registry.host;
    const seen = await requestsDuring(() =>
      Promise.all([
        ...[1, 2, 3].map(() => reader.getManifest(`${host}/library/base`, base.index.digest)),
        ...[1, 2, 3].map(() => reader.getConfig(`${host}/library/base`, base.amd64Config)),
        ...[1, 2, 3].map(() => reader.getManifest(`${host}/acme/app:2`)),
        ...[1, 2, 3].map(() => reader.headDigest(`${host}/acme/app:1`)),
      ]),
    );
    expect(seen.sort()).toEqual(
      [
        `GET ${manifestPath('library/base', base.index.digest)}`,
        `GET ${blobPath('library/base', base.amd64Config)}`,
        `GET ${manifestPath('acme/app', '2')}`,
        `HEAD ${manifestPath('acme/app', '1')}`,
      ].sort(),
    );
  });

  it('a failed request is not remembered: the next ask goes to the registry again', async () => {
    const reader = new ImageDocumentReader({ fetch, retries: 0 });
    const late = await image('acme/late', { os: 'linux', architecture: 'amd64' }, [randomBytes(32)]);
    const ref = `${registry.host}/acme/late`;
    const path = manifestPath('acme/late', late.manifest.digest);

    const first = await requestsDuring(() => expect(reader.getManifest(ref, late.manifest.digest)).rejects.toMatchObject({ status: 404 }));
    expect(first).toEqual([`GET ${path}`]);

    await put('acme/late', late.manifest.digest, late.manifest);
    const second = await requestsDuring(async () => {
      expect((await reader.getManifest(ref, late.manifest.digest)).digest).toBe(late.manifest.digest);
      expect((await reader.getManifest(ref, late.manifest.digest)).digest).toBe(late.manifest.digest);
    });
    expect(second).toEqual([`GET ${path}`]);
  });

  it('HEAD is answered from a manifest already fetched (by digest; by tag when tags are remembered)', async () => {
    const reader = new ImageDocumentReader({ fetch }, { rememberTags: true });
    const host = registry.host;
    await reader.getManifest(`${host}/library/base`, base.index.digest);
    await reader.getManifest(`${host}/acme/app:2`);
    const seen = await requestsDuring(async () => {
      expect(await reader.headDigest(`${host}/library/base@${base.index.digest}`)).toEqual({ digest: base.index.digest, mediaType: OCI_INDEX, size: base.index.size });
      expect((await reader.headDigest(`${host}/acme/app:2`)).digest).toBe(apps.two.digest);
      // Never read: one HEAD.
      expect((await reader.headDigest(`${host}/acme/app:1`)).digest).toBe(apps.one.digest);
    });
    expect(seen).toEqual([`HEAD ${manifestPath('acme/app', '1')}`]);
  });

  it('without rememberTags (a run that pushes), a tag is asked again and a moved tag is seen', async () => {
    const host = registry.host;
    const moving = await image('acme/moving', { os: 'linux', architecture: 'amd64' }, [randomBytes(16)]);
    const moved = await image('acme/moving', { os: 'linux', architecture: 'amd64' }, [randomBytes(16)]);
    await put('acme/moving', 'latest', moving.manifest);

    const fresh = new ImageDocumentReader({ fetch });
    const remembering = new ImageDocumentReader({ fetch }, { rememberTags: true });
    expect((await fresh.getManifest(`${host}/acme/moving:latest`)).digest).toBe(moving.manifest.digest);
    expect((await remembering.getManifest(`${host}/acme/moving:latest`)).digest).toBe(moving.manifest.digest);
    await put('acme/moving', 'latest', moved.manifest);

    const seen = await requestsDuring(async () => {
      expect((await fresh.headDigest(`${host}/acme/moving:latest`)).digest).toBe(moved.manifest.digest);
      expect((await fresh.getManifest(`${host}/acme/moving:latest`)).digest).toBe(moved.manifest.digest);
      // One report sees one state of a tag.
      expect((await remembering.headDigest(`${host}/acme/moving:latest`)).digest).toBe(moving.manifest.digest);
    });
    expect(seen).toEqual([`HEAD ${manifestPath('acme/moving', 'latest')}`, `GET ${manifestPath('acme/moving', 'latest')}`]);
  });
});

describe('baseImageRegistry().getImageCreated: the date an image states, else its config', () => {
  // As Docker Official Images are published (docker-library/meta-scripts): each manifest and, per
  // platform, the index's descriptor carry org.opencontainers.image.created.
  const CREATED = 'org.opencontainers.image.created';
  const annotated = (m: Pushed, annotations: Record<string, string>) => doc(m.mediaType, { ...JSON.parse(m.bytes.toString('utf8')), annotations });
  const dated = (reference: string, platform?: string) => baseImageRegistry(new ImageDocumentReader({ fetch })).getImageCreated!(reference, platform);

  it("an official-image-shaped index: the wanted platform's descriptor dates it, and only the index is read", async () => {
    const amd64 = annotated((await image('library/official', { os: 'linux', architecture: 'amd64' }, [randomBytes(32)])).manifest, { [CREATED]: '2026-11-01T00:00:00Z' });
    const arm64 = annotated((await image('library/official', { os: 'linux', architecture: 'arm64' }, [randomBytes(32)])).manifest, { [CREATED]: '2026-11-02T00:00:00Z' });
    for (const m of [amd64, arm64]) await put('library/official', m.digest, m);
    const entry = (m: Pushed, architecture: string, created: string) => ({ mediaType: m.mediaType, digest: m.digest, size: m.size, platform: { os: 'linux', architecture }, annotations: { [CREATED]: created } });
    const index = doc(OCI_INDEX, { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [entry(amd64, 'amd64', '2026-11-01T00:00:00Z'), entry(arm64, 'arm64', '2026-11-02T00:00:00Z')] });
    await put('library/official', '1', index);
    const ref = `${registry.host}/library/official@${index.digest}`;

    let created: string | undefined;
    const seen = await requestsDuring(async () => (created = await dated(ref, 'linux/arm64')));
    expect(created).toBe('2026-11-02T00:00:00Z');
    expect(seen).toEqual([`GET ${manifestPath('library/official', index.digest)}`]);
    expect(await dated(ref)).toBe('2026-11-01T00:00:00Z');
  });

  it('a single manifest: its annotation dates it without its config', async () => {
    const m = annotated((await image('acme/dated', { os: 'linux', architecture: 'amd64' }, [randomBytes(32)])).manifest, { [CREATED]: '2026-10-05T08:00:00Z' });
    await put('acme/dated', 'v1', m);
    let created: string | undefined;
    const seen = await requestsDuring(async () => (created = await dated(`${registry.host}/acme/dated:v1`)));
    expect(created).toBe('2026-10-05T08:00:00Z');
    expect(seen).toEqual([`GET ${manifestPath('acme/dated', 'v1')}`]);
  });

  it('an annotation that is not a date is not used: the config dates the image', async () => {
    const built = await image('acme/undated', { os: 'linux', architecture: 'amd64' }, [randomBytes(32)]);
    const m = annotated(built.manifest, { [CREATED]: 'last tuesday' });
    await put('acme/undated', 'v1', m);
    let created: string | undefined;
    const seen = await requestsDuring(async () => (created = await dated(`${registry.host}/acme/undated:v1`)));
    expect(created).toBe('2026-11-30T12:00:00Z');
    expect(seen.sort()).toEqual([`GET ${blobPath('acme/undated', built.config)}`, `GET ${manifestPath('acme/undated', 'v1')}`].sort());
  });
});

describe('basesFor: the base found in the image by blob, its configs read only when blobs differ', () => {
  const logger: Logger = { info: () => {}, warning: () => {}, error: () => {}, debug: () => {}, group: (_n, fn) => fn() };
  const baseUse = () => ({ reference: `${registry.host}/library/base:1`, digest: base.index.digest, stage: 'runtime', runtime: true });

  it("an image that starts with the base's blobs: the base's manifests alone, no config", async () => {
    const client = new ImageDocumentReader({ fetch });
    const image = await readImageSummary(client, `${registry.host}/acme/app:1`);
    let found: unknown;
    const seen = await requestsDuring(async () => (found = await basesFor(client, image, [baseUse()], logger)));
    expect(found).toEqual({ '*': { reference: baseUse().reference }, 'linux/amd64': { reference: baseUse().reference, layerCount: 1 } });
    expect(seen.sort()).toEqual([`GET ${manifestPath('library/base', base.index.digest)}`, `GET ${manifestPath('library/base', base.amd64.digest)}`].sort());
  });

  it('an image whose base layer was recompressed (another blob, the same diff ID): the configs decide', async () => {
    // The app's first layer is the base's content in another blob, as a zstd rebuild makes it.
    const baseConfig = await new ImageDocumentReader({ fetch }).getConfig(`${registry.host}/library/base`, base.amd64Config);
    const other = await blob('acme/zstd', randomBytes(80));
    const own = await blob('acme/zstd', randomBytes(90));
    const config = await blob(
      'acme/zstd',
      Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', config: {}, rootfs: { type: 'layers', diff_ids: [baseConfig.rootfs!.diff_ids![0], sha(randomBytes(8))] }, history: [{ created_by: 'base' }, { created_by: 'RUN app' }] })),
    );
    const manifest = doc(OCI_MANIFEST, { schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: OCI_CONFIG, ...config }, layers: [other, own].map((l) => ({ mediaType: OCI_LAYER_GZIP, ...l })) });
    await put('acme/zstd', '1', manifest);
    const client = new ImageDocumentReader({ fetch });
    const image = await readImageSummary(client, `${registry.host}/acme/zstd:1`);
    let found: unknown;
    const seen = await requestsDuring(async () => (found = await basesFor(client, image, [baseUse()], logger)));
    expect(found).toEqual({ '*': { reference: baseUse().reference }, 'linux/amd64': { reference: baseUse().reference, layerCount: 1 } });
    expect(seen).toContain(`GET ${blobPath('library/base', base.amd64Config)}`);
  });
});

describe('RegistryClient.exists: not found is an answer, a registry that cannot say is an error', () => {
  it('true for an image, false for a tag the registry does not have, one HEAD each', async () => {
    const client = new RegistryClient({ fetch });
    const seen = await requestsDuring(async () => {
      expect(await client.exists(`${registry.host}/acme/app:1`)).toBe(true);
      expect(await client.exists(`${registry.host}/acme/app:never-pushed`)).toBe(false);
    });
    expect(seen).toEqual([`HEAD ${manifestPath('acme/app', '1')}`, `HEAD ${manifestPath('acme/app', 'never-pushed')}`]);
  });

  it('throws when the registry fails to answer (a 503 is not "absent")', async () => {
    const failing: typeof fetch = async () => new Response(null, { status: 503 });
    await expect(new RegistryClient({ fetch: failing, retries: 0 }).exists(`${registry.host}/acme/app:1`)).rejects.toMatchObject({ status: 503 });
  });
});
