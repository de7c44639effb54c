import { describe, expect, it } from 'vitest';
import { originLabel } from '../../src/compare/attribution.js';
import { compareImages, diffLayers, type LayerChange } from '../../src/compare/diff.js';
import { attributeLayers } from '../../src/compare/attribution.js';
import {
  alpineBaseLayers,
  baselineImage,
  buildpackBaseline,
  buildpackPr,
  engineImage,
  multiBaseline,
  multiPr,
  nodeBaseLayers,
  prImage,
} from '../fixtures/compare/images.js';

const rows = (changes: LayerChange[]) => changes.map((c) => [c.status, originLabel(c.origin), c.delta]);

describe('compareImages: Dockerfile image, base branch vs PR', () => {
  const comparison = compareImages({ baseline: baselineImage, current: prImage, baselineBases: nodeBaseLayers, currentBases: nodeBaseLayers });
  const [amd64] = comparison.platforms;

  it('classifies every layer, pairing changed layers by instruction, in image order', () => {
    expect(comparison.status).toBe('compared');
    expect(rows(amd64!.changes)).toEqual([
      ['unchanged', 'base image node:20.11-slim', 0],
      ['unchanged', 'WORKDIR /app', 0],
      ['changed', 'COPY package.json package-lock.json ./', 3_500],
      ['changed', 'RUN npm ci --omit=dev', 6_550_000],
      ['removed', 'RUN apt-get update && apt-get install -y --no-install-recommends curl', -6_230_000],
      ['changed', 'COPY . .', 7_000],
      ['added', 'RUN npm run build', 3_120_000],
    ]);
  });

  it('aggregates the base image into one row that counts its layers', () => {
    const base = amd64!.changes[0]!;
    expect(base.current!.digests).toHaveLength(4);
    expect(base.current!.size).toBe(29_150_000 + 41_320_000 + 1_180_000 + 451);
  });

  it('totals and deltas in bytes and percent', () => {
    expect(amd64!.baselineSize).toBe(71_650_451 + 93 + 412_000 + 38_400_000 + 6_230_000 + 1_904_000);
    expect(amd64!.delta).toBe(3_500 + 6_550_000 - 6_230_000 + 7_000 + 3_120_000);
    expect(amd64!.deltaPercent).toBeCloseTo((amd64!.delta! / amd64!.baselineSize!) * 100, 10);
    const npm = amd64!.changes[3]!;
    expect(npm.deltaPercent).toBeCloseTo((6_550_000 / 38_400_000) * 100, 10);
  });

  it('the identical image compares as all unchanged', () => {
    const same = compareImages({ baseline: prImage, current: prImage, baselineBases: nodeBaseLayers, currentBases: nodeBaseLayers });
    expect(same.platforms[0]!.delta).toBe(0);
    expect(same.platforms[0]!.changes.every((c) => c.status === 'unchanged')).toBe(true);
  });
});

describe('compareImages: refusals and missing baselines', () => {
  it('never subtracts compressed from uncompressed sizes, and says why', () => {
    const c = compareImages({ baseline: baselineImage, current: engineImage });
    expect(c.status).toBe('incomparable');
    expect(c.reason).toContain('compressed');
    expect(c.reason).toContain('uncompressed');
    for (const p of c.platforms) {
      expect(p.delta).toBeUndefined();
      expect(p.baselineSize).toBeUndefined();
    }
  });

  it('lists the current image alone when there is no baseline', () => {
    const c = compareImages({ current: prImage, noBaselineReason: 'no image at ghcr.io/acme/shop:main yet' });
    expect(c.status).toBe('no-baseline');
    expect(c.reason).toBe('no image at ghcr.io/acme/shop:main yet');
    expect(c.platforms[0]!.currentSize).toBe(prImage.platforms[0]!.layers.reduce((s, l) => s + l.size, 0));
    expect(c.platforms[0]!.changes.every((ch) => ch.status === 'added')).toBe(true);
  });
});

describe('compareImages: buildpack images', () => {
  const c = compareImages({ baseline: buildpackBaseline, current: buildpackPr });

  it('pairs layers by buildpack and layer name', () => {
    expect(rows(c.platforms[0]!.changes)).toEqual([
      ['unchanged', 'base image index.docker.io/paketobuildpacks/run-jammy-base:latest', 0],
      ['changed', 'paketo-buildpacks/node-engine@4.1.7 › node', 0],
      ['changed', 'paketo-buildpacks/npm-install@1.5.2 › launch-modules', 1_500_000],
      ['changed', 'buildpacks app', 0],
      ['unchanged', 'buildpacks launcher', 0],
      ['changed', 'buildpacks config', 0],
    ]);
  });
});

describe('compareImages: multi-platform', () => {
  const c = compareImages({ baseline: multiBaseline, current: multiPr, baselineBases: alpineBaseLayers, currentBases: alpineBaseLayers });

  it('matches platforms by os/arch/variant (arm64 = arm64/v8), skips attestations, reports new platforms', () => {
    expect(c.platforms.map((p) => [p.platform, p.presence, p.delta])).toEqual([
      ['linux/amd64', 'both', 850_000],
      ['linux/arm64/v8', 'both', 850_000],
      ['linux/arm/v7', 'added', undefined],
    ]);
  });

  it('reports a platform the PR no longer builds', () => {
    const fewer = { ...multiPr, platforms: [multiPr.platforms[0]!] };
    const r = compareImages({ baseline: multiBaseline, current: fewer });
    expect(r.platforms.map((p) => [p.platform, p.presence])).toEqual([
      ['linux/amd64', 'both'],
      ['linux/arm64', 'removed'],
    ]);
    expect(r.platforms[1]!.changes.every((ch) => ch.status === 'removed')).toBe(true);
  });
});

describe('diffLayers', () => {
  const img = prImage.platforms[0]!;

  it('pairs repeated instructions in order of appearance', () => {
    const copy = (digest: string, size: number, index: number) => ({ digest, size, index, origin: { kind: 'instruction' as const, instruction: 'COPY . .' } });
    const changes = diffLayers([copy('sha256:a', 10, 0), copy('sha256:b', 20, 1)], [copy('sha256:c', 15, 0), copy('sha256:b', 20, 1)]);
    expect(changes.map((ch) => [ch.status, ch.baseline?.digests[0], ch.current?.digests[0]])).toEqual([
      ['changed', 'sha256:a', 'sha256:c'],
      ['unchanged', 'sha256:b', 'sha256:b'],
    ]);
  });

  it('shows a base image bump as one changed row naming both tags', () => {
    const before = attributeLayers(img, { reference: 'node:20.11-slim', layerCount: 4 });
    const bumped = attributeLayers(
      { ...img, layers: img.layers.map((l, i) => (i < 4 ? { ...l, digest: `${l.digest}-new`, size: l.size + 100 } : l)) },
      { reference: 'node:20.12-slim', layerCount: 4 },
    );
    const [base, ...rest] = diffLayers(before, bumped);
    expect(base).toMatchObject({ status: 'changed', delta: 400, origin: { kind: 'base', reference: 'node:20.12-slim' }, baselineOrigin: { kind: 'base', reference: 'node:20.11-slim' } });
    expect(rest.every((r) => r.status === 'unchanged')).toBe(true);
  });
});
