import { describe, expect, it } from 'vitest';
import { baseAnnotations, OCI_BASE_DIGEST, OCI_BASE_NAME, recordedBase } from '../../src/image/labels.js';

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
