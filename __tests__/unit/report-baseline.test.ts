import { describe, expect, it } from 'vitest';
import { pickComparable, snapshotLocation } from '../../src/report/baseline.js';
import type { ImageSummary } from '../../src/image/types.js';

const summary = (sizeKind: ImageSummary['sizeKind'], reference: string): ImageSummary => ({
  reference,
  digest: 'sha256:' + '0'.repeat(64),
  source: sizeKind === 'compressed' ? 'registry' : 'engine',
  sizeKind,
  platforms: [],
});

describe('snapshotLocation', () => {
  it('keys a snapshot by image and platform set, newest commit first by prefix', () => {
    const loc = snapshotLocation('ghcr.io/o/app', ['linux/arm64', 'linux/amd64'], '/home/runner', 'abcdef0123456789');
    expect(loc.path).toBe('~/.cache/strata/baseline/ghcr.io_o_app+linux_amd64+linux_arm64.json');
    expect(loc.file).toBe('/home/runner/.cache/strata/baseline/ghcr.io_o_app+linux_amd64+linux_arm64.json');
    expect(loc.restoreKeys).toEqual([expect.stringMatching(/^strata-baseline-v1-ghcr\.io_o_app\+linux_amd64\+linux_arm64@[0-9a-f]{8}-$/)]);
    expect(loc.key).toBe(`${loc.restoreKeys[0]}abcdef012345`);
    // The platform order does not matter.
    expect(snapshotLocation('ghcr.io/o/app', ['linux/amd64', 'linux/arm64'], '/home/runner', 'abcdef0123456789').key).toBe(loc.key);
  });

  it('separates images whose names share a prefix only by the key separator', () => {
    const a = snapshotLocation('ghcr.io/o/app', [], '/h', 'sha');
    const b = snapshotLocation('ghcr.io/o/app-worker', [], '/h', 'sha');
    expect(b.key.startsWith(a.restoreKeys[0]!)).toBe(false);
  });
});

describe('pickComparable', () => {
  it.each([
    ['prefers the same kind', 'uncompressed', ['compressed', 'uncompressed'], 'uncompressed'],
    ['takes the first when none matches', 'uncompressed', ['compressed'], 'compressed'],
    ['keeps order among the same kind', 'compressed', ['compressed', 'compressed'], 'compressed'],
  ] as const)('%s', (_n, current, candidates, expected) => {
    const picked = pickComparable(summary(current, 'cur'), candidates.map((k, i) => summary(k, `c${i}`)));
    expect(picked?.sizeKind).toBe(expected);
    if (candidates.filter((k) => k === expected).length > 1) expect(picked?.reference).toBe('c0');
  });

  it('is undefined without candidates', () => {
    expect(pickComparable(summary('compressed', 'x'), [undefined])).toBeUndefined();
  });
});
