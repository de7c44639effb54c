// The rebase plan's pieces, each on its own: the document model (which platform manifest goes
// with which), the base/app split and history splice, and the label rewrite. Histories follow
// what BuildKit writes for `FROM node:20-slim` + a COPY and a RUN (empty_layer entries for ENV,
// CMD and the like); the lifecycle label follows what pack 0.36's lifecycle writes.
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_METADATA_LABEL, OCI_BASE_DIGEST, OCI_BASE_NAME } from '../../src/image/labels.js';
import type { ConfigHistory } from '../../src/registry/manifest.js';
import { matchPlatformAmong, type PlatformManifest } from '../../src/rebase/documents.js';
import { afterNthLayer, baseLayerCount, spliceHistory, type HistorySplice } from '../../src/rebase/history.js';
import { rebasedAnnotations, rebasedLabels } from '../../src/rebase/labels.js';

const candidates = (...platforms: string[]): PlatformManifest[] => platforms.map((platform, i) => ({ platform, digest: `sha256:${i}` }));

describe('matchPlatformAmong', () => {
  it.each([
    { among: ['linux/amd64', 'linux/arm64'], wanted: 'linux/arm64', digest: 'sha256:1' },
    { among: ['linux/amd64', 'linux/arm64/v8'], wanted: 'linux/arm64', digest: 'sha256:1' }, // arm64 means v8
    { among: ['linux/arm/v6', 'linux/arm/v7'], wanted: 'linux/arm/v7', digest: 'sha256:1' },
    { among: ['linux/arm/v6', 'linux/arm/v7'], wanted: 'linux/arm', digest: 'sha256:1' }, // linux/arm means v7
    { among: ['linux/arm/v5', 'linux/arm/v6'], wanted: 'linux/arm/v7', digest: undefined }, // two other arms: which one is unknown
    { among: ['linux/arm/v6'], wanted: 'linux/arm/v7', digest: 'sha256:0' }, // the only arm
    { among: ['linux/amd64'], wanted: 'unknown/unknown', digest: 'sha256:0' }, // a config without a platform, one-platform base
    { among: ['linux/amd64', 'linux/arm64'], wanted: 'unknown/unknown', digest: undefined },
    { among: ['linux/amd64'], wanted: 'linux/arm64', digest: undefined },
    { among: ['linux/arm64'], wanted: 'linux/amd64', digest: undefined }, // linux/arm must not match linux/arm64 either
  ])('$wanted among $among -> $digest', ({ among, wanted, digest }) => {
    expect(matchPlatformAmong(candidates(...among), wanted)).toBe(digest);
  });
});

describe('baseLayerCount', () => {
  const image = ['sha256:b1', 'sha256:b2', 'sha256:a1'];
  it.each([
    { base: { diffIds: ['sha256:b1', 'sha256:b2'] }, count: 2 },
    { base: { diffIds: [] }, count: 0 }, // FROM scratch
    { base: { topLayer: 'sha256:b2' }, count: 2 }, // pack rebase: runImage.topLayer
    { base: { topLayer: 'sha256:a1' }, count: 3 },
  ])('$base -> $count base layers', ({ base, count }) => {
    expect(baseLayerCount(image, base, 'image linux/amd64')).toBe(count);
  });

  it.each([
    { base: { diffIds: ['sha256:b1', 'sha256:XX'] }, error: /image linux\/amd64: the old base's layers are not a prefix of the image's layers \(they differ at layer 1: base sha256:XX, image sha256:b2\)/ },
    { base: { diffIds: [...image, 'sha256:more'] }, error: /differ at layer 3: base sha256:more, image \(none\)/ },
    { base: { topLayer: 'sha256:gone' }, error: new RegExp(`the run image's top layer sha256:gone \\(runImage.topLayer of ${LIFECYCLE_METADATA_LABEL}\\) is not among the image's layers`) },
  ])('refuses $base', ({ base, error }) => {
    expect(() => baseLayerCount(image, base, 'image linux/amd64')).toThrow(error);
  });
});

describe('spliceHistory', () => {
  const layer = (created_by: string): ConfigHistory => ({ created_by });
  const empty = (created_by: string): ConfigHistory => ({ created_by, empty_layer: true });
  // node:20-slim-like base: ADD rootfs, CMD; the app: COPY, ENV, RUN.
  const oldHistory = [layer('ADD rootfs.tar.xz /'), empty('CMD ["bash"]')];
  const appHistory = [layer('COPY . /app'), empty('ENV NODE_ENV=production'), layer('RUN npm ci')];
  const newHistory = [layer('ADD rootfs.tar.xz / # new'), layer('RUN apt-get upgrade'), empty('CMD ["bash"]')];
  const splice = (over: Partial<HistorySplice>): ReturnType<typeof spliceHistory> =>
    spliceHistory({
      platform: 'linux/amd64',
      imageHistory: [...oldHistory, ...appHistory],
      imageLayers: 3,
      oldLayers: 1,
      oldHistory,
      newHistory,
      newLayers: 2,
      newBaseName: 'docker.io/library/node:20-slim',
      ...over,
    });

  it('the new base\'s entries, then the image\'s after the old base\'s', () => {
    expect(splice({})).toEqual({ history: [...newHistory, ...appHistory], notes: [] });
  });

  it.each([
    {
      name: 'old base history unknown (a buildpack top layer): split after the first n layer entries',
      over: { oldHistory: undefined },
      // The old base's trailing CMD (an empty layer) stays: nothing says it was the base's.
      history: [...newHistory, empty('CMD ["bash"]'), ...appHistory],
      notes: ["linux/amd64: the old base's history is not known or does not line up; split the image's history after its first 1 layer entries"],
    },
    {
      name: 'new base history does not match its layers: one placeholder per base layer',
      over: { newHistory: [layer('one entry')] },
      history: [{ created_by: 'layer of docker.io/library/node:20-slim (strata rebase)' }, { created_by: 'layer of docker.io/library/node:20-slim (strata rebase)' }, ...appHistory],
      notes: ["linux/amd64: the new base's history does not match its layers; one placeholder entry per base layer"],
    },
    {
      name: 'image history does not match its layers: dropped',
      over: { imageLayers: 4 },
      history: undefined,
      notes: ["linux/amd64: the image's history does not match its layers (3 entries made layers, 4 layers); history dropped"],
    },
    { name: 'no history: none', over: { imageHistory: undefined }, history: undefined, notes: [] },
    { name: 'an empty history stays empty', over: { imageHistory: [] }, history: [], notes: [] },
  ])('$name', ({ over, history, notes }) => {
    const out = splice(over);
    expect(out.history).toEqual(history);
    expect(out.notes).toEqual(notes);
  });

  it('returns copies: the splice never shares entries with its inputs', () => {
    const out = splice({});
    out.history![0]!.created_by = 'changed';
    expect(newHistory[0]!.created_by).toBe('ADD rootfs.tar.xz / # new');
  });

  it.each([
    { n: 0, at: 0 },
    { n: 1, at: 1 },
    { n: 2, at: 3 }, // past the base's CMD (an empty layer) to the COPY
    { n: 3, at: 5 },
    { n: 9, at: 5 },
  ])('afterNthLayer($n) = $at', ({ n, at }) => {
    expect(afterNthLayer([...oldHistory, ...appHistory], n)).toBe(at);
  });
});

describe('the label rewrite', () => {
  const base = { name: 'ghcr.io/acme/run:jammy', digest: 'sha256:new', topLayer: 'sha256:top', runImageReference: 'ghcr.io/acme/run@sha256:newamd64' };

  it('names the new base, keeping other labels and their order', () => {
    const out = rebasedLabels({ a: '1', [OCI_BASE_NAME]: 'old', z: '2' }, base, 'image linux/amd64');
    expect(Object.entries(out)).toEqual([
      ['a', '1'],
      [OCI_BASE_NAME, 'ghcr.io/acme/run:jammy'],
      ['z', '2'],
      [OCI_BASE_DIGEST, 'sha256:new'],
    ]);
  });

  it('points a buildpack image\'s lifecycle label at the new run image', () => {
    const label = JSON.stringify({ app: [{ sha: 'sha256:app' }], runImage: { topLayer: 'sha256:old', reference: 'ghcr.io/acme/run@sha256:old', image: 'ghcr.io/acme/run:jammy' }, stack: { runImage: { image: 'x' } } });
    const out = rebasedLabels({ [LIFECYCLE_METADATA_LABEL]: label }, base, 'image linux/amd64');
    expect(JSON.parse(out[LIFECYCLE_METADATA_LABEL]!)).toEqual({
      app: [{ sha: 'sha256:app' }],
      runImage: { topLayer: 'sha256:top', reference: 'ghcr.io/acme/run@sha256:newamd64', image: 'ghcr.io/acme/run:jammy' },
      stack: { runImage: { image: 'x' } },
    });
  });

  it('refuses a lifecycle label that is not JSON, quoting where', () => {
    expect(() => rebasedLabels({ [LIFECYCLE_METADATA_LABEL]: '{not json' }, base, 'image linux/amd64 (sha256:abc)')).toThrow(
      /^image linux\/amd64 \(sha256:abc\): the io\.buildpacks\.lifecycle\.metadata label is not JSON \(.+\); refusing to leave it naming the old run image$/,
    );
  });

  it('annotations: the rest kept, the base replaced', () => {
    expect(rebasedAnnotations({ 'org.opencontainers.image.source': 'https://github.com/acme/app', [OCI_BASE_DIGEST]: 'sha256:old' }, base)).toEqual({
      'org.opencontainers.image.source': 'https://github.com/acme/app',
      [OCI_BASE_DIGEST]: 'sha256:new',
      [OCI_BASE_NAME]: 'ghcr.io/acme/run:jammy',
    });
    expect(rebasedAnnotations(undefined, base)).toEqual({ [OCI_BASE_NAME]: 'ghcr.io/acme/run:jammy', [OCI_BASE_DIGEST]: 'sha256:new' });
  });
});
