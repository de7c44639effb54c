// Fixtures are real documents captured with skopeo from images that BuildKit pushed to the
// loopback registry (OCI index with provenance attestations, Docker manifest list, v2s2, OCI).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { historyEntries, platformDescriptors, summarizeRegistryImage } from '../../src/image/summary.js';
import { parseManifest } from '../../src/registry/manifest.js';
import type { ImageConfig, ImageManifest } from '../../src/registry/manifest.js';
import { parseEngineHistory, parseEngineInspect, summarizeEngineImage, layerRows } from '../../src/image/engine.js';

interface Bundle {
  reference: string;
  digest: string;
  root: unknown;
  manifests: Record<string, unknown>;
  configs: Record<string, ImageConfig>;
}

function load(name: string) {
  const b = JSON.parse(readFileSync(new URL(`../fixtures/registry/${name}.json`, import.meta.url), 'utf8')) as Bundle;
  const manifests: Record<string, ImageManifest> = {};
  for (const [d, m] of Object.entries(b.manifests)) manifests[d] = parseManifest(JSON.stringify(m), undefined, d) as ImageManifest;
  return { bundle: b, docs: { reference: b.reference, digest: b.digest, root: parseManifest(JSON.stringify(b.root), undefined, b.reference), manifests, configs: b.configs } };
}

describe('summarizeRegistryImage', () => {
  it.each([
    ['oci-index-with-attestations', 'application/vnd.oci.image.layer.v1.tar+gzip', ['linux/amd64', 'linux/arm64']],
    ['docker-manifest-list', 'application/vnd.docker.image.rootfs.diff.tar.gzip', ['linux/amd64', 'linux/arm64']],
    ['oci-manifest', 'application/vnd.oci.image.layer.v1.tar+gzip', ['linux/amd64']],
    ['docker-v2s2-manifest', 'application/vnd.docker.image.rootfs.diff.tar.gzip', ['linux/amd64']],
  ])('%s', (name, layerType, platforms) => {
    const { bundle, docs } = load(name);
    const summary = summarizeRegistryImage(docs);
    expect(summary.source).toBe('registry');
    expect(summary.sizeKind).toBe('compressed');
    expect(summary.digest).toBe(bundle.digest);
    expect(summary.reference).toBe(bundle.reference);
    expect(summary.platforms.map((p) => p.platform)).toEqual(platforms);
    for (const p of summary.platforms) {
      const manifest = (docs.root.kind === 'index' ? docs.manifests[p.manifestDigest] : docs.root) as ImageManifest;
      const config = bundle.configs[p.configDigest]!;
      expect(p.configDigest).toBe(manifest.config.digest);
      // sizes are exactly the manifest's descriptor sizes, in stack order
      expect(p.layers.map((l) => [l.digest, l.size])).toEqual(manifest.layers.map((l) => [l.digest, l.size]));
      expect(p.layers.every((l) => l.mediaType === layerType)).toBe(true);
      expect(p.layers.map((l) => l.diffId)).toEqual(config.rootfs!.diff_ids);
      expect(p.layers).toHaveLength(2);
      expect(p.labels).toEqual({ 'org.opencontainers.image.source': 'https://github.com/acme/app' });
      expect(p.created).toBe(config.created);
      expect(p.history.map((h) => h.emptyLayer)).toEqual([true, false, true, true, true, true, false]);
      expect(p.history.at(-1)).toMatchObject({ createdBy: 'COPY hello.txt /hello.txt # buildkit', comment: 'buildkit.dockerfile.v0' });
      expect(p.history.filter((h) => !h.emptyLayer)).toHaveLength(p.layers.length);
    }
    if (docs.root.kind === 'index') expect(summary.platforms[0]!.manifestDigest).not.toBe(summary.platforms[1]!.manifestDigest);
    else expect(summary.platforms[0]!.manifestDigest).toBe(bundle.digest);
  });

  it('skips attestation manifests of an index', () => {
    const { docs } = load('oci-index-with-attestations');
    if (docs.root.kind !== 'index') throw new Error('fixture is an index');
    expect(docs.root.manifests).toHaveLength(4);
    expect(platformDescriptors(docs.root).map((d) => d.platform?.architecture)).toEqual(['amd64', 'arm64']);
  });

  it('skips unknown/unknown without the annotation, the annotation without unknown/unknown, and nested indexes', () => {
    const root = parseManifest(
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:1', size: 1, platform: { os: 'unknown', architecture: 'unknown' } },
          { mediaType: 'application/vnd.oci.image.index.v1+json', digest: 'sha256:2', size: 1 },
          { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:4', size: 1, platform: { os: 'linux', architecture: 'amd64' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } },
          { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:3', size: 1, platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
        ],
      }),
      'application/vnd.oci.image.index.v1+json',
      'test',
    );
    if (root.kind !== 'index') throw new Error('index expected');
    expect(platformDescriptors(root).map((d) => d.digest)).toEqual(['sha256:3']);
  });

  it('names a platform with its variant, and tolerates null labels and no history', () => {
    const manifest = parseManifest(
      JSON.stringify({ schemaVersion: 2, config: { mediaType: 'x', digest: 'sha256:c', size: 2 }, layers: [] }),
      undefined,
      'test',
    );
    const summary = summarizeRegistryImage({
      reference: 'r',
      digest: 'sha256:m',
      root: manifest,
      manifests: {},
      configs: { 'sha256:c': { os: 'linux', architecture: 'arm', variant: 'v7', config: { Labels: null } } },
    });
    expect(summary.platforms[0]).toEqual({ platform: 'linux/arm/v7', manifestDigest: 'sha256:m', configDigest: 'sha256:c', layers: [], history: [], labels: {} });
  });

  it('says which document is missing', () => {
    const { docs } = load('docker-manifest-list');
    expect(() => summarizeRegistryImage({ ...docs, configs: {} })).toThrow(/config sha256:[0-9a-f]{64} was not fetched/);
  });

  it('keeps empty_layer flags from history', () => {
    expect(historyEntries({ history: [{ created_by: 'ENV A=1', empty_layer: true }, { created_by: 'RUN x' }] })).toEqual([
      { createdBy: 'ENV A=1', emptyLayer: true },
      { createdBy: 'RUN x', emptyLayer: false },
    ]);
  });
});

describe('parseManifest', () => {
  it.each([
    ['{', undefined, /not JSON/],
    ['{"schemaVersion":1,"fsLayers":[]}', 'application/vnd.docker.distribution.manifest.v1+prettyjws', /schema 1/],
    ['{"schemaVersion":2,"mediaType":"application/vnd.foo"}', 'application/vnd.foo', /unsupported media type "application\/vnd.foo"/],
    ['{"schemaVersion":2,"config":{"digest":"sha256:a","size":1},"layers":[{"digest":"sha256:b","size":-1}]}', undefined, /layers\[0\] has an invalid size -1/],
    ['{"schemaVersion":2,"config":{"digest":"nope","size":1},"layers":[]}', undefined, /config has an invalid digest "nope"/],
  ])('rejects %s', (raw, type, message) => {
    expect(() => parseManifest(raw, type, 'img:1')).toThrow(message);
  });
});

describe('engine images', () => {
  const inspect = readFileSync(new URL('../fixtures/engine/inspect.json', import.meta.url), 'utf8');
  const history = readFileSync(new URL('../fixtures/engine/history.jsonl', import.meta.url), 'utf8');

  it('summarizes docker image inspect + docker history', () => {
    const summary = summarizeEngineImage('probe:1', parseEngineInspect(inspect, 'probe:1'), parseEngineHistory(history, 'probe:1'));
    expect(summary).toMatchObject({ source: 'engine', sizeKind: 'uncompressed', reference: 'probe:1' });
    const [p] = summary.platforms;
    expect(p!.platform).toBe('linux/amd64');
    expect(p!.labels).toEqual({ x: 'y' });
    // base COPY, WORKDIR, RUN echo, RUN true (the last is an empty tar, still a layer)
    expect(p!.layers.map((l) => l.size)).toEqual([2002944, 8192, 20480, 4096]);
    expect(p!.layers.map((l) => l.diffId)).toEqual(JSON.parse(inspect).RootFS.Layers);
    expect(p!.history.map((h) => [h.createdBy, h.emptyLayer])).toEqual([
      ['ARG TARGETARCH', true],
      ['COPY rootfs-amd64/ / # buildkit', false],
      ['ENV PATH=/bin', true],
      ['CMD ["/bin/sh"]', true],
      ['WORKDIR /app', false],
      ['ENV A=1', true],
      ['RUN /bin/sh -c echo hi >/hi # buildkit', false],
      ['RUN /bin/sh -c true # buildkit', false],
      ['LABEL x=y', true],
    ]);
  });

  it('counts a zero-byte layer from a non-metadata instruction', () => {
    const rows = [
      { createdBy: 'COPY a /', size: 10 },
      { createdBy: 'ENV X=1', size: 0 },
      { createdBy: 'RUN true', size: 0 },
    ];
    expect(layerRows(rows, 2)).toEqual([true, false, true]);
    expect(layerRows(rows, 1)).toEqual([true, false, false]);
  });

  it('leaves sizes at 0 rather than misattributing them when rows and layers disagree', () => {
    const summary = summarizeEngineImage('x', { Id: 'sha256:i', RootFS: { Layers: ['sha256:a', 'sha256:b'] } }, [{ createdBy: 'ENV A=1', size: 0 }]);
    expect(summary.platforms[0]!.layers.map((l) => l.size)).toEqual([0, 0]);
  });

  it.each([
    [() => parseEngineInspect('[]', 'x:1'), /The Docker engine's inspect of x:1 holds no image/],
    [() => parseEngineInspect('Error: nope', 'x:1'), /other than JSON: "Error: nope"/],
    [() => parseEngineHistory('{"Size":"lots"}', 'x:1'), /line 1 has an unreadable size "lots"/],
  ])('errors clearly (%#)', (fn, message) => {
    expect(fn).toThrow(message);
  });

  it('reads human-readable sizes when the engine ignores --human=false', () => {
    expect(parseEngineHistory('{"CreatedBy":"RUN x","Size":"4.26MB"}\n', 'x').map((r) => r.size)).toEqual([4260000]);
  });
});
