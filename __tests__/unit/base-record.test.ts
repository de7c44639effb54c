import { describe, expect, it } from 'vitest';
import { baseAnnotations, LIFECYCLE_METADATA_LABEL, namedBase, OCI_BASE_DIGEST, OCI_BASE_NAME, recordedBase } from '../../src/image/labels.js';

const d1 = `sha256:${'1'.repeat(64)}`;
const d2 = `sha256:${'2'.repeat(64)}`;

describe('recordedBase', () => {
  it.each([
    ['nothing', undefined, {}, undefined],
    ['labels only (docker build, older Strata)', undefined, { [OCI_BASE_NAME]: 'node:20', [OCI_BASE_DIGEST]: d1 }, { name: 'node:20', digest: d1, from: 'labels' }],
    [
      'annotations updated by crane rebase, labels stale',
      { [OCI_BASE_NAME]: 'docker.io/library/node:20', [OCI_BASE_DIGEST]: d2 },
      { [OCI_BASE_NAME]: 'node:20', [OCI_BASE_DIGEST]: d1 },
      { name: 'docker.io/library/node:20', digest: d2, from: 'annotations' },
    ],
    ['annotations without a digest', { [OCI_BASE_NAME]: 'node:20' }, {}, { name: 'node:20', from: 'annotations' }],
    ['other annotations only', { 'org.opencontainers.image.description': 'x' }, { [OCI_BASE_NAME]: 'node:20' }, { name: 'node:20', from: 'labels' }],
  ])('%s', (_n, annotations, labels, expected) => {
    expect(recordedBase(annotations, labels)).toEqual(expected);
  });
});

describe('baseAnnotations', () => {
  it('writes name (without a pinned digest) and digest, only when the digest is known', () => {
    expect(baseAnnotations({ name: `node:20@${d1}`, digest: d1 })).toEqual([`${OCI_BASE_NAME}=node:20`, `${OCI_BASE_DIGEST}=${d1}`]);
    expect(baseAnnotations({ name: 'node:20' })).toEqual([]);
    expect(baseAnnotations(undefined)).toEqual([]);
  });
});

describe('namedBase: one precedence (annotations, OCI labels, lifecycle run image)', () => {
  const D = `sha256:${'c'.repeat(64)}`;
  // The lifecycle label as pack 0.40 / lifecycle 0.20 write it (trimmed to runImage).
  const lifecycle = JSON.stringify({ runImage: { topLayer: 'sha256:t', reference: `index.docker.io/paketobuildpacks/run-jammy-base@${D}`, image: 'paketobuildpacks/run-jammy-base:latest' } });
  const annotations = { [OCI_BASE_NAME]: 'docker.io/library/node:22-slim', [OCI_BASE_DIGEST]: D };
  const labels = { [OCI_BASE_NAME]: 'docker.io/library/node:20-slim' };
  it.each([
    ['annotations over labels and lifecycle', annotations, { ...labels, [LIFECYCLE_METADATA_LABEL]: lifecycle }, { kind: 'recorded', name: 'docker.io/library/node:22-slim', digest: D, from: 'annotations' }],
    ['OCI labels over lifecycle', undefined, { ...labels, [LIFECYCLE_METADATA_LABEL]: lifecycle }, { kind: 'recorded', name: 'docker.io/library/node:20-slim', from: 'labels' }],
    ['lifecycle run image last', undefined, { [LIFECYCLE_METADATA_LABEL]: lifecycle }, { kind: 'run-image', run: { image: 'paketobuildpacks/run-jammy-base:latest', reference: `index.docker.io/paketobuildpacks/run-jammy-base@${D}`, topLayer: 'sha256:t' } }],
    ['nothing', undefined, { [LIFECYCLE_METADATA_LABEL]: 'not json' }, undefined],
  ])('%s', (_, a, l, expected) => expect(namedBase(a, l)).toEqual(expected));
});
