// The rebase plan on synthetic documents shaped like what BuildKit and the lifecycle push: OCI
// and Docker v2s2 manifests, a multi-platform index with an attestation manifest, a buildpack
// image's lifecycle label. Every output document is re-parsed and its digest recomputed.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseRebaseArgs } from '../../src/cli/rebase-command.js';
import { UsageError } from '../../src/cli/report-command.js';
import type { ConfigHistory, Descriptor, ImageConfig, ImageIndex, ImageManifest } from '../../src/registry/manifest.js';
import { parseManifest } from '../../src/registry/manifest.js';
import {
  DOCKER_CONFIG,
  DOCKER_LAYER,
  DOCKER_MANIFEST,
  OCI_CONFIG,
  OCI_INDEX,
  OCI_LAYER_GZIP,
  OCI_LAYER_ZSTD,
  OCI_MANIFEST,
} from '../../src/registry/media-types.js';
import { OCI_BASE_DIGEST, OCI_BASE_NAME } from '../../src/image/labels.js';
import { RebaseError, type ImageDocuments } from '../../src/rebase/documents.js';
import { updateLifecycleLabel } from '../../src/rebase/labels.js';
import { planRebase } from '../../src/rebase/plan.js';
import { pushRebase, type BlobWriter } from '../../src/rebase/push.js';
import { resolveOldBase, resolveTargets } from '../../src/rebase/rebase.js';

const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
const LIFECYCLE = 'io.buildpacks.lifecycle.metadata';

interface FakeLayer {
  descriptor: Descriptor;
  diffId: string;
}

function layer(name: string, mediaType = OCI_LAYER_GZIP): FakeLayer {
  return { descriptor: { mediaType, digest: sha(`blob ${name}`), size: 100 + name.length }, diffId: sha(`diff ${name}`) };
}

interface FakeImage {
  manifest: ImageManifest;
  config: ImageConfig;
  digest: string;
}

function makeImage(opts: {
  layers: FakeLayer[];
  history?: ConfigHistory[];
  labels?: Record<string, string>;
  docker?: boolean;
  arch?: string;
  created?: string;
  env?: string[];
}): FakeImage {
  const config: ImageConfig & Record<string, unknown> = {
    created: opts.created ?? '2026-01-02T03:04:05Z',
    architecture: opts.arch ?? 'amd64',
    os: 'linux',
    config: { Env: opts.env ?? ['PATH=/bin'], Cmd: ['/bin/sh'], Labels: opts.labels ?? null },
    rootfs: { type: 'layers', diff_ids: opts.layers.map((l) => l.diffId) },
    ...(opts.history ? { history: opts.history } : {}),
  };
  const configBytes = JSON.stringify(config);
  const manifest: ImageManifest = {
    kind: 'manifest',
    schemaVersion: 2,
    mediaType: opts.docker ? DOCKER_MANIFEST : OCI_MANIFEST,
    config: { mediaType: opts.docker ? DOCKER_CONFIG : OCI_CONFIG, digest: sha(configBytes), size: configBytes.length },
    layers: opts.layers.map((l) => l.descriptor),
  };
  return { manifest, config, digest: sha(JSON.stringify(manifest)) };
}

function single(reference: string, img: FakeImage): ImageDocuments {
  return { reference, digest: img.digest, root: img.manifest, manifests: {}, configs: { [img.manifest.config.digest]: img.config } };
}

function multi(reference: string, entries: { arch: string; img: FakeImage }[], extra: Descriptor[] = []): ImageDocuments {
  const root: ImageIndex = {
    kind: 'index',
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      ...entries.map((e) => ({ mediaType: OCI_MANIFEST, digest: e.img.digest, size: 500, platform: { os: 'linux', architecture: e.arch } })),
      ...extra,
    ],
  };
  const docs: ImageDocuments = { reference, digest: sha(JSON.stringify(root)), root, manifests: {}, configs: {} };
  for (const e of entries) {
    docs.manifests[e.img.digest] = e.img.manifest;
    docs.configs[e.img.manifest.config.digest] = e.img.config;
  }
  return docs;
}

const h = (created_by: string, empty = false): ConfigHistory => ({ created_by, ...(empty ? { empty_layer: true } : {}) });

// A base (2 layers + CMD), revision 2 of it (3 layers + ENV + CMD), an app on revision 1 (2 layers + CMD).
const b1 = [layer('base1-a'), layer('base1-b')];
const b2 = [layer('base2-a'), layer('base2-b'), layer('base2-c')];
const appLayers = [layer('app-1'), layer('app-2')];
const oldBaseHistory = [h('COPY rootfs / # base 1'), h('RUN extra # base 1'), h('CMD ["/bin/sh"]', true)];
const newBaseHistory = [h('COPY rootfs / # base 2'), h('RUN extra # base 2'), h('RUN more # base 2'), h('ENV X=2', true), h('CMD ["/bin/sh"]', true)];
const appHistory = [h('COPY app.txt /app/'), h('COPY more.txt /app/'), h('CMD ["cat"]', true)];

const BASE = '127.0.0.1:5000/library/busybox:1.36';
const BASE_REPO = '127.0.0.1:5000/library/busybox';

function fixture(opts: { docker?: boolean; baseLayerType?: string; labels?: Record<string, string> } = {}) {
  const oldBase = makeImage({ layers: b1, history: oldBaseHistory, docker: opts.docker });
  const newBaseLayers = opts.baseLayerType ? b2.map((l) => ({ ...l, descriptor: { ...l.descriptor, mediaType: opts.baseLayerType! } })) : b2;
  const newBase = makeImage({ layers: newBaseLayers, history: newBaseHistory, env: ['PATH=/usr/bin:/bin'] });
  const app = makeImage({
    layers: [...b1, ...appLayers],
    history: [...oldBaseHistory, ...appHistory],
    docker: opts.docker,
    labels: { 'org.example.app': 'yes', [OCI_BASE_NAME]: BASE, [OCI_BASE_DIGEST]: oldBase.digest, ...(opts.labels ?? {}) },
    created: '2026-05-05T05:05:05Z',
  });
  return { oldBase, newBase, app };
}

function reparse(doc: { bytes: Buffer; digest: string; size: number; mediaType: string }) {
  expect(sha(doc.bytes.toString('utf8'))).toBe(doc.digest);
  expect(doc.bytes.length).toBe(doc.size);
  return JSON.parse(doc.bytes.toString('utf8')) as Record<string, unknown> & { layers: Descriptor[]; config: Descriptor; annotations?: Record<string, string> };
}

describe('planRebase, one platform', () => {
  it('OCI: new base layers + the app layers, the config rewritten to match, created and the rest kept', () => {
    const { oldBase, newBase, app } = fixture();
    const plan = planRebase({ image: single('reg/app:1', app), oldBase: single(BASE, oldBase), newBase: single(BASE, newBase), newBaseName: BASE, newBaseRepository: BASE_REPO });
    expect(plan.sourceDigest).toBe(app.digest);
    expect(plan.root).toBe(plan.platforms[0]!.manifest);
    const p = plan.platforms[0]!;
    expect(p.platform).toBe('linux/amd64');
    expect(p.oldBaseLayers.map((l) => l.digest)).toEqual(b1.map((l) => l.descriptor.digest));
    expect(p.appLayers.map((l) => l.digest)).toEqual(appLayers.map((l) => l.descriptor.digest));

    const manifest = reparse(p.manifest);
    expect(p.manifest.mediaType).toBe(OCI_MANIFEST);
    expect(manifest.mediaType).toBe(OCI_MANIFEST);
    expect(manifest.layers).toEqual([...b2, ...appLayers].map((l) => l.descriptor));
    expect(manifest.config).toEqual({ mediaType: OCI_CONFIG, digest: p.config.digest, size: p.config.size });
    expect(manifest.annotations).toEqual({ [OCI_BASE_NAME]: BASE, [OCI_BASE_DIGEST]: newBase.digest });
    expect(parseManifest(p.manifest.bytes.toString(), OCI_MANIFEST, 'x').kind).toBe('manifest');

    const config = reparse(p.config) as unknown as ImageConfig & { config: { Env: string[]; Labels: Record<string, string> } };
    expect(config.rootfs).toEqual({ type: 'layers', diff_ids: [...b2, ...appLayers].map((l) => l.diffId) });
    expect(config.created).toBe('2026-05-05T05:05:05Z');
    // Inherited config stays as the image had it: a rebase does not re-derive Env from the base.
    expect(config.config.Env).toEqual(['PATH=/bin']);
    expect(config.config.Labels).toEqual({ 'org.example.app': 'yes', [OCI_BASE_NAME]: BASE, [OCI_BASE_DIGEST]: newBase.digest });
    expect(plan.notes).toEqual([]);
  });

  it('splices the history: the new base\'s entries, then the image\'s after the old base\'s', () => {
    const { oldBase, newBase, app } = fixture();
    const plan = planRebase({ image: single('reg/app:1', app), oldBase: single(BASE, oldBase), newBase: single(BASE, newBase), newBaseName: BASE, newBaseRepository: BASE_REPO });
    const history = plan.platforms[0]!.configDocument.history!;
    expect(history).toEqual([...newBaseHistory, ...appHistory]);
    expect(history.filter((e) => !e.empty_layer)).toHaveLength(plan.platforms[0]!.configDocument.rootfs!.diff_ids!.length);
  });

  it.each([
    ['the new base has no history', { newHistory: [] as ConfigHistory[], oldHistory: undefined }, /placeholder/],
    ['the old base\'s history does not line up', { newHistory: undefined, oldHistory: [h('one entry only')] }, /split the image's history after its first 2 layer entries/],
  ])('history when %s', (_, change, note) => {
    const { app } = fixture();
    const oldBase = makeImage({ layers: b1, history: change.oldHistory ?? oldBaseHistory });
    const newBase = makeImage({ layers: b2, history: change.newHistory ?? newBaseHistory });
    const plan = planRebase({ image: single('reg/app:1', app), oldBase: single(BASE, oldBase), newBase: single(BASE, newBase), newBaseName: BASE, newBaseRepository: BASE_REPO });
    const history = plan.platforms[0]!.configDocument.history!;
    expect(history.filter((e) => !e.empty_layer)).toHaveLength(5);
    expect(history.slice(-3)).toEqual(appHistory);
    expect(plan.notes.join('\n')).toMatch(note);
  });

  it('drops a history that does not match the layers, with a note', () => {
    const { oldBase, newBase } = fixture();
    const app = makeImage({ layers: [...b1, ...appLayers], history: [h('only one')] });
    const plan = planRebase({ image: single('reg/app:1', app), oldBase: single(BASE, oldBase), newBase: single(BASE, newBase), newBaseName: BASE, newBaseRepository: BASE_REPO });
    expect(plan.platforms[0]!.configDocument.history).toBeUndefined();
    expect(plan.notes.join('\n')).toMatch(/history does not match its layers.*dropped/);
  });

  it('Docker v2s2: OCI gzip base layers are relabelled (same bytes), no annotations are written', () => {
    const { oldBase, newBase, app } = fixture({ docker: true });
    const plan = planRebase({ image: single('reg/app:1', app), oldBase: single(BASE, oldBase), newBase: single(BASE, newBase), newBaseName: BASE, newBaseRepository: BASE_REPO });
    const p = plan.platforms[0]!;
    const manifest = reparse(p.manifest);
    expect(p.manifest.mediaType).toBe(DOCKER_MANIFEST);
    expect(manifest.mediaType).toBe(DOCKER_MANIFEST);
    expect(manifest.annotations).toBeUndefined();
    expect(manifest.config.mediaType).toBe(DOCKER_CONFIG);
    expect(manifest.layers.map((l) => l.mediaType)).toEqual([DOCKER_LAYER, DOCKER_LAYER, DOCKER_LAYER, OCI_LAYER_GZIP, OCI_LAYER_GZIP]);
    expect(manifest.layers.map((l) => l.digest)).toEqual([...b2, ...appLayers].map((l) => l.descriptor.digest));
    // The labels still record the base (a v2s2 manifest has no annotations).
    expect((p.configDocument.config!.Labels as Record<string, string>)[OCI_BASE_DIGEST]).toBe(newBase.digest);
  });

  it('Docker v2s2 onto a zstd base: refused, v2s2 has no such layer type', () => {
    const { oldBase, newBase, app } = fixture({ docker: true, baseLayerType: OCI_LAYER_ZSTD });
    expect(() => planRebase({ image: single('reg/app:1', app), oldBase: single(BASE, oldBase), newBase: single(BASE, newBase), newBaseName: BASE, newBaseRepository: BASE_REPO })).toThrow(
      /cannot carry/,
    );
  });

  it('OCI onto a Docker v2s2 base: the base layer descriptors are kept as they are (mixed types)', () => {
    const { oldBase, newBase, app } = fixture({ baseLayerType: DOCKER_LAYER });
    const plan = planRebase({ image: single('reg/app:1', app), oldBase: single(BASE, oldBase), newBase: single(BASE, newBase), newBaseName: BASE, newBaseRepository: BASE_REPO });
    expect(reparse(plan.root).layers.map((l) => l.mediaType)).toEqual([DOCKER_LAYER, DOCKER_LAYER, DOCKER_LAYER, OCI_LAYER_GZIP, OCI_LAYER_GZIP]);
  });

  it.each([
    ['a different first layer', [layer('other-a'), b1[1]!]],
    ['more layers than the image has', [...b1, ...appLayers, layer('extra')]],
    ['the right layers in the wrong order', [b1[1]!, b1[0]!]],
  ])('refuses when the old base is not a prefix of the image: %s', (_, oldLayers) => {
    const { newBase, app } = fixture();
    const oldBase = makeImage({ layers: oldLayers });
    expect(() => planRebase({ image: single('reg/app:1', app), oldBase: single(BASE, oldBase), newBase: single(BASE, newBase), newBaseName: BASE, newBaseRepository: BASE_REPO })).toThrow(
      /old base's layers are not a prefix of the image's layers/,
    );
  });

  it('refuses an image whose manifest and config disagree on the layer count', () => {
    const { oldBase, newBase, app } = fixture();
    const broken = { ...app, config: { ...app.config, rootfs: { type: 'layers', diff_ids: [b1[0]!.diffId] } } };
    expect(() => planRebase({ image: single('reg/app:1', broken), oldBase: single(BASE, oldBase), newBase: single(BASE, newBase), newBaseName: BASE, newBaseRepository: BASE_REPO })).toThrow(
      RebaseError,
    );
  });
});

describe('buildpack images', () => {
  const label = JSON.stringify({
    app: [{ sha: 'sha256:app' }],
    buildpacks: [{ key: 'example/node', version: '1.0.0' }],
    runImage: { image: 'reg/run:jammy', topLayer: b1[1]!.diffId, reference: `reg/run@${sha('old run manifest')}` },
    stack: { runImage: { image: 'reg/run:jammy' } },
  });

  it('updates runImage.topLayer and runImage.reference, keeping the rest of the label', () => {
    const { newBase } = fixture();
    const app = makeImage({ layers: [...b1, ...appLayers], history: [...oldBaseHistory, ...appHistory], labels: { [LIFECYCLE]: label } });
    const plan = planRebase({ image: single('reg/app:1', app), oldBase: { topLayer: b1[1]!.diffId }, newBase: single('reg/run:jammy', newBase), newBaseName: 'reg/run:jammy', newBaseRepository: 'reg/run' });
    const labels = plan.platforms[0]!.configDocument.config!.Labels as Record<string, string>;
    const metadata = JSON.parse(labels[LIFECYCLE]!) as Record<string, { topLayer?: string; reference?: string; image?: string }>;
    expect(metadata.runImage).toEqual({ image: 'reg/run:jammy', topLayer: b2[2]!.diffId, reference: `reg/run@${newBase.digest}` });
    expect(Object.keys(metadata)).toEqual(['app', 'buildpacks', 'runImage', 'stack']);
    expect(metadata.app).toEqual([{ sha: 'sha256:app' }]);
    expect(plan.platforms[0]!.appLayers).toHaveLength(2);
    // With only the top layer known, the history splits right after that many layer entries: the
    // old base's trailing CMD stays with the app's entries.
    expect(plan.platforms[0]!.configDocument.history).toEqual([...newBaseHistory, oldBaseHistory[2], ...appHistory]);
    expect(plan.notes.join('\n')).toMatch(/split the image's history after its first 2 layer entries/);
  });

  it('refuses when runImage.topLayer is not one of the image\'s layers', () => {
    const { newBase, app } = fixture();
    expect(() => planRebase({ image: single('reg/app:1', app), oldBase: { topLayer: sha('elsewhere') }, newBase: single(BASE, newBase), newBaseName: BASE, newBaseRepository: BASE_REPO })).toThrow(
      /top layer .* is not among the image's layers/,
    );
  });

  it('updateLifecycleLabel adds runImage when the label lacks it', () => {
    expect(JSON.parse(updateLifecycleLabel('{"app":[]}', { topLayer: 'sha256:t', reference: 'r@sha256:x' }))).toEqual({ app: [], runImage: { topLayer: 'sha256:t', reference: 'r@sha256:x' } });
  });
});

describe('multi-platform', () => {
  function fixtures() {
    const old = { amd64: makeImage({ layers: b1, history: oldBaseHistory }), arm64: makeImage({ layers: [layer('b1-arm')], history: [h('arm base')], arch: 'arm64' }) };
    const fresh = { amd64: makeImage({ layers: b2, history: newBaseHistory }), arm64: makeImage({ layers: [layer('b2-arm')], history: [h('arm base 2')], arch: 'arm64' }) };
    const appAmd = makeImage({ layers: [...b1, ...appLayers], history: [...oldBaseHistory, ...appHistory] });
    const appArm = makeImage({ layers: [layer('b1-arm'), ...appLayers], history: [h('arm base'), ...appHistory], arch: 'arm64' });
    const attestation: Descriptor = {
      mediaType: OCI_MANIFEST,
      digest: sha('attestation'),
      size: 800,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': appAmd.digest },
    };
    return {
      image: multi('reg/app:1', [{ arch: 'amd64', img: appAmd }, { arch: 'arm64', img: appArm }], [attestation]),
      oldBase: multi(BASE, [{ arch: 'arm64', img: old.arm64 }, { arch: 'amd64', img: old.amd64 }]),
      newBase: multi(BASE, [{ arch: 'amd64', img: fresh.amd64 }, { arch: 'arm64', img: fresh.arm64 }]),
      fresh,
      appAmd,
      appArm,
    };
  }

  it('plans each platform against the matching base manifest, and a new index with the same platforms, attestations dropped', () => {
    const f = fixtures();
    const plan = planRebase({ image: f.image, oldBase: f.oldBase, newBase: f.newBase, newBaseName: BASE, newBaseRepository: BASE_REPO });
    expect(plan.platforms.map((p) => [p.platform, p.sourceDigest, p.newBaseManifestDigest])).toEqual([
      ['linux/amd64', f.appAmd.digest, f.fresh.amd64.digest],
      ['linux/arm64', f.appArm.digest, f.fresh.arm64.digest],
    ]);
    expect(reparse(plan.platforms[1]!.manifest).layers.map((l) => l.digest)).toEqual([layer('b2-arm').descriptor.digest, ...appLayers.map((l) => l.descriptor.digest)]);
    const index = reparse(plan.root) as unknown as { mediaType: string; manifests: Descriptor[]; annotations: Record<string, string> };
    expect(plan.root.mediaType).toBe(OCI_INDEX);
    expect(index.manifests).toEqual([
      { mediaType: OCI_MANIFEST, digest: plan.platforms[0]!.manifest.digest, size: plan.platforms[0]!.manifest.size, platform: { os: 'linux', architecture: 'amd64' } },
      { mediaType: OCI_MANIFEST, digest: plan.platforms[1]!.manifest.digest, size: plan.platforms[1]!.manifest.size, platform: { os: 'linux', architecture: 'arm64' } },
    ]);
    expect(index.annotations).toEqual({ [OCI_BASE_NAME]: BASE, [OCI_BASE_DIGEST]: f.newBase.digest });
    expect(plan.notes).toEqual([expect.stringMatching(/^attestation manifest sha256:.* dropped: it attests the old image/)]);
    // Every platform records the tag's (index) digest as its base.digest.
    for (const p of plan.platforms) expect((p.configDocument.config!.Labels as Record<string, string>)[OCI_BASE_DIGEST]).toBe(f.newBase.digest);
  });

  it('refuses when the new base lacks one of the image\'s platforms', () => {
    const f = fixtures();
    const amdOnly = multi(BASE, [{ arch: 'amd64', img: f.fresh.amd64 }]);
    expect(() => planRebase({ image: f.image, oldBase: f.oldBase, newBase: amdOnly, newBaseName: BASE, newBaseRepository: BASE_REPO })).toThrow(/has no linux\/arm64 image/);
  });
});

describe('where the old base and the targets come from', () => {
  const d = sha('x');
  it.each([
    ['--old-base wins', { [OCI_BASE_NAME]: 'reg/a:1', [OCI_BASE_DIGEST]: d }, `reg/b:2@${d}`, { name: 'docker.io/reg/b:2', digest: d, from: '--old-base' }],
    ['the OCI labels', { [OCI_BASE_NAME]: '127.0.0.1:5000/base:1', [OCI_BASE_DIGEST]: d }, undefined, { name: '127.0.0.1:5000/base:1', digest: d }],
    ['a base.name with the digest in it', { [OCI_BASE_NAME]: `127.0.0.1:5000/base:1@${d}` }, undefined, { name: '127.0.0.1:5000/base:1', digest: d }],
    [
      'the buildpack run image',
      { [LIFECYCLE]: JSON.stringify({ runImage: { image: 'ghcr.io/x/run:jammy', reference: `ghcr.io/x/run@${d}`, topLayer: 'sha256:t' } }) },
      undefined,
      { name: 'ghcr.io/x/run:jammy', digest: d, topLayer: 'sha256:t' },
    ],
  ])('%s', (_, labels, flag, expected) => {
    expect(resolveOldBase(labels, flag)).toMatchObject(expected);
  });

  it('the manifest\'s annotations win over stale labels (an image crane rebase moved)', () => {
    const stale = { [OCI_BASE_NAME]: '127.0.0.1:5000/base:1', [OCI_BASE_DIGEST]: sha('old') };
    const annotations = { [OCI_BASE_NAME]: '127.0.0.1:5000/base:1', [OCI_BASE_DIGEST]: d };
    expect(resolveOldBase(stale, undefined, annotations)).toMatchObject({ digest: d, from: expect.stringContaining('annotations') });
    expect(resolveOldBase(stale, undefined, {})).toMatchObject({ digest: sha('old'), from: expect.stringContaining('labels') });
  });

  it.each([
    [{}, undefined, /no base image is known/],
    [{ [OCI_BASE_NAME]: 'reg.io/base:1' }, undefined, /no org.opencontainers.image.base.digest/],
    [{}, 'reg.io/base:1', /needs a digest/],
  ])('refuses without a usable old base: %j %s', (labels, flag, message) => {
    expect(() => resolveOldBase(labels as Record<string, string>, flag)).toThrow(message);
  });

  it('targets: the image\'s tag by default, bare tags in its repository, full references as given', () => {
    const image = { registry: 'reg.io', repository: 'acme/app', tag: '1' };
    expect(resolveTargets(image, [])).toEqual([image]);
    expect(resolveTargets({ registry: 'reg.io', repository: 'acme/app', digest: d }, undefined)).toEqual([{ registry: 'reg.io', repository: 'acme/app' }]);
    expect(resolveTargets(image, ['rebased', 'other.io/x/y:2'])).toEqual([
      { registry: 'reg.io', repository: 'acme/app', tag: 'rebased' },
      { registry: 'other.io', repository: 'x/y', tag: '2' },
    ]);
    expect(() => resolveTargets(image, [`reg.io/acme/app@${d}`])).toThrow(/has a digest/);
  });

  it('parseRebaseArgs', () => {
    expect(parseRebaseArgs(['reg.io/app:1', '--old-base', `b:1@${d}`, '--new-base', 'b:2', '-t', 'x', '--tag', 'y', '--dry-run'])).toEqual({
      image: 'reg.io/app:1',
      oldBase: `b:1@${d}`,
      newBase: 'b:2',
      tags: ['x', 'y'],
      dryRun: true,
      json: false,
      help: false,
    });
    expect(() => parseRebaseArgs([])).toThrow(UsageError);
    expect(() => parseRebaseArgs(['a', 'b'])).toThrow(/one IMAGE only/);
    expect(() => parseRebaseArgs(['a', '--old-base', 'b:1'])).toThrow(/needs a digest/);
    expect(() => parseRebaseArgs(['a', '--bogus'])).toThrow(UsageError);
  });
});

describe('pushRebase order', () => {
  it('blobs (skip / mount / copy), then configs, platform manifests, the index by digest, then the tags', async () => {
    const calls: string[] = [];
    const present = new Set([appLayers[0]!.descriptor.digest, appLayers[1]!.descriptor.digest]);
    const writer: BlobWriter = {
      blobExists: async (_repo, digest) => {
        calls.push(`head ${digest.slice(7, 13)}`);
        return present.has(digest);
      },
      mountBlob: async (_repo, digest, from) => {
        calls.push(`mount ${digest.slice(7, 13)} from ${from}`);
        // The registry refuses the arm64 base layer's mount: copy it.
        return digest === layer('b2-arm').descriptor.digest ? { mounted: false, uploadUrl: 'http://reg/upload/1' } : { mounted: true };
      },
      copyBlob: async (_from, _to, blob, uploadUrl) => void calls.push(`copy ${blob.digest.slice(7, 13)} via ${uploadUrl}`),
      uploadBlob: async (_repo, digest) => void calls.push(`upload ${digest.slice(7, 13)}`),
      putManifest: async (_repo, reference, doc) => {
        calls.push(`put ${reference.startsWith('sha256:') ? reference.slice(7, 13) : reference}`);
        return doc.digest;
      },
    };
    const f = (() => {
      const old = { amd64: makeImage({ layers: b1 }), arm64: makeImage({ layers: [layer('b1-arm')], arch: 'arm64' }) };
      const fresh = { amd64: makeImage({ layers: b2 }), arm64: makeImage({ layers: [layer('b2-arm')], arch: 'arm64' }) };
      return {
        image: multi('reg/app:1', [
          { arch: 'amd64', img: makeImage({ layers: [...b1, ...appLayers] }) },
          { arch: 'arm64', img: makeImage({ layers: [layer('b1-arm'), ...appLayers], arch: 'arm64' }) },
        ]),
        oldBase: multi(BASE, [{ arch: 'amd64', img: old.amd64 }, { arch: 'arm64', img: old.arm64 }]),
        newBase: multi(BASE, [{ arch: 'amd64', img: fresh.amd64 }, { arch: 'arm64', img: fresh.arm64 }]),
      };
    })();
    const plan = planRebase({ ...f, newBaseName: BASE, newBaseRepository: BASE_REPO });
    const result = await pushRebase({
      writer,
      plan,
      imageRepository: { registry: '127.0.0.1:5000', repository: 'acme/app' },
      newBaseRepository: { registry: '127.0.0.1:5000', repository: 'library/busybox' },
      targets: [{ registry: '127.0.0.1:5000', repository: 'acme/app', tag: '1' }, { registry: '127.0.0.1:5000', repository: 'acme/app', tag: 'latest' }],
      logger: { info: () => undefined, debug: () => undefined },
      concurrency: 1,
    });
    expect(result.blobs).toEqual({ exists: 2, mounted: 3, copied: 1, uploaded: 2 });
    const short = (x: string) => x.slice(7, 13);
    const firstManifest = calls.findIndex((c) => c.startsWith('put'));
    expect(calls.slice(0, firstManifest).every((c) => !c.startsWith('put'))).toBe(true);
    expect(calls).toContain(`copy ${short(layer('b2-arm').descriptor.digest)} via http://reg/upload/1`);
    // App layers are present in the image's repository: never mounted or copied.
    for (const l of appLayers) expect(calls.filter((c) => c.includes(short(l.descriptor.digest)))).toEqual([`head ${short(l.descriptor.digest)}`]);
    expect(calls.slice(firstManifest)).toEqual([
      `put ${short(plan.platforms[0]!.manifest.digest)}`,
      `put ${short(plan.platforms[1]!.manifest.digest)}`,
      `put ${short(plan.root.digest)}`,
      'put 1',
      'put latest',
    ]);
    expect(result.pushed).toEqual([`127.0.0.1:5000/acme/app@${plan.root.digest}`, '127.0.0.1:5000/acme/app:1', '127.0.0.1:5000/acme/app:latest']);
  });
});
