// Layer diff between the baseline image (base branch) and this build, per platform. Pure.
import { imagePlatforms, platformKey, samePlatform } from '../image/platforms.js';
import type { ImageSummary } from '../image/types.js';
import { attributeLayers, originLabel, type AttributedLayer, type BaseLayers, type LayerOrigin } from './attribution.js';

export type ChangeStatus = 'unchanged' | 'added' | 'removed' | 'changed';

/** One side of a change: a single layer, or the several layers of a base image added up. */
export interface LayerSide {
  /** Position of the (first) layer in its image, 0 = bottom. */
  index: number;
  digests: string[];
  size: number;
}

export interface LayerChange {
  status: ChangeStatus;
  /** Origin on this build's side (the baseline's for removed layers). */
  origin: LayerOrigin;
  /** The baseline's origin when it reads differently, e.g. a base image moved to a new tag. */
  baselineOrigin?: LayerOrigin;
  baseline?: LayerSide;
  current?: LayerSide;
  /** Bytes, current minus baseline (added: +size, removed: -size, unchanged: 0). */
  delta: number;
  /** Percent of the baseline size; undefined when there is no baseline size to divide by. */
  deltaPercent?: number;
}

export interface PlatformComparison {
  /** os/arch[/variant], as this build names it (the baseline's name for a removed platform). */
  platform: string;
  presence: 'both' | 'added' | 'removed';
  /** Sum of layer sizes; manifests and configs are not counted. */
  baselineSize?: number;
  currentSize?: number;
  delta?: number;
  deltaPercent?: number;
  /** Base image layers appear as one aggregated change. */
  changes: LayerChange[];
}

export interface ImageSide {
  reference: string;
  digest: string;
  source: ImageSummary['source'];
  sizeKind: ImageSummary['sizeKind'];
}

export type ComparisonStatus = 'compared' | 'no-baseline' | 'incomparable';

export interface Comparison {
  status: ComparisonStatus;
  /** Why there are no deltas (status other than 'compared'). */
  reason?: string;
  current: ImageSide;
  baseline?: ImageSide;
  /** Without a comparable baseline, every layer is listed as 'added' and no platform has a delta. */
  platforms: PlatformComparison[];
}

/** Base image layers per platform; the key '*' applies to platforms not listed. */
export type BasesByPlatform = Record<string, BaseLayers>;

export interface DiffInput {
  current: ImageSummary;
  baseline?: ImageSummary;
  currentBases?: BasesByPlatform;
  baselineBases?: BasesByPlatform;
  /** Shown when there is no baseline, e.g. "no image at ghcr.io/o/app:main yet". */
  noBaselineReason?: string;
}

export function compareImages(input: DiffInput): Comparison {
  const { current, baseline } = input;
  const currentSide = side(current);
  if (!baseline) {
    return {
      status: 'no-baseline',
      reason: input.noBaselineReason ?? 'no baseline image to compare with',
      current: currentSide,
      platforms: listOnly(current, input.currentBases),
    };
  }
  if (baseline.sizeKind !== current.sizeKind) {
    // Compressed registry blobs and uncompressed engine layers differ by 2-4x and have different
    // digests (blob vs diffID): any delta between them would be an artefact, so refuse.
    return {
      status: 'incomparable',
      reason:
        `the baseline ${baseline.reference} has ${baseline.sizeKind} sizes (read from the ${baseline.source}) ` +
        `and this image has ${current.sizeKind} sizes (read from the ${current.source}); ` +
        'sizes of different kinds cannot be subtracted',
      current: currentSide,
      baseline: side(baseline),
      platforms: listOnly(current, input.currentBases),
    };
  }

  const platforms: PlatformComparison[] = [];
  const baselineByKey = new Map(imagePlatforms(baseline).map((p) => [platformKey(p.platform), p]));
  for (const image of imagePlatforms(current)) {
    const key = platformKey(image.platform);
    const before = baselineByKey.get(key);
    baselineByKey.delete(key);
    const now = attributeLayers(image, baseFor(input.currentBases, image.platform));
    if (!before) {
      platforms.push({ ...onlyOneSide(image.platform, now, 'added') });
      continue;
    }
    const then = attributeLayers(before, baseFor(input.baselineBases, before.platform));
    const currentSize = total(now);
    const baselineSize = total(then);
    platforms.push({
      platform: image.platform,
      presence: 'both',
      baselineSize,
      currentSize,
      delta: currentSize - baselineSize,
      deltaPercent: percent(currentSize - baselineSize, baselineSize),
      changes: diffLayers(then, now),
    });
  }
  for (const before of baselineByKey.values()) {
    const then = attributeLayers(before, baseFor(input.baselineBases, before.platform));
    platforms.push(onlyOneSide(before.platform, then, 'removed'));
  }
  return { status: 'compared', current: currentSide, baseline: side(baseline), platforms };
}

function side(summary: ImageSummary): ImageSide {
  return { reference: summary.reference, digest: summary.digest, source: summary.source, sizeKind: summary.sizeKind };
}

function baseFor(bases: BasesByPlatform | undefined, platform: string): BaseLayers | undefined {
  if (!bases) return undefined;
  for (const [key, value] of Object.entries(bases)) {
    if (key !== '*' && samePlatform(key, platform)) return value;
  }
  return bases['*'];
}

function listOnly(summary: ImageSummary, bases: BasesByPlatform | undefined): PlatformComparison[] {
  return imagePlatforms(summary).map((image) =>
    onlyOneSide(image.platform, attributeLayers(image, baseFor(bases, image.platform)), 'added'),
  );
}

function onlyOneSide(platform: string, layers: AttributedLayer[], presence: 'added' | 'removed'): PlatformComparison {
  const size = total(layers);
  const changes = aggregateBase(
    layers.map((l) => {
      const s = { index: l.index, digests: [l.digest], size: l.size };
      return presence === 'added'
        ? { status: 'added' as const, origin: l.origin, current: s, delta: l.size }
        : { status: 'removed' as const, origin: l.origin, baseline: s, delta: -l.size };
    }),
  );
  return presence === 'added'
    ? { platform, presence, currentSize: size, changes }
    : { platform, presence, baselineSize: size, changes };
}

function total(layers: AttributedLayer[]): number {
  return layers.reduce((sum, l) => sum + l.size, 0);
}

function percent(delta: number, of: number | undefined): number | undefined {
  return of ? (delta / of) * 100 : undefined;
}

/** Base layers pair with base layers whatever the tag; everything else pairs by its label. */
function pairingKey(origin: LayerOrigin): string {
  return origin.kind === 'base' ? 'base' : `${origin.kind}:${originLabel(origin)}`;
}

/**
 * Matches layers by digest first (identical content, wherever it sits), then pairs what is left
 * by attribution so that "RUN npm ci produced different bytes" reads as one changed row rather
 * than an unrelated removal and addition. Repeated keys pair in order of appearance.
 */
export function diffLayers(baseline: AttributedLayer[], current: AttributedLayer[]): LayerChange[] {
  const byDigest = new Map<string, AttributedLayer[]>();
  for (const layer of baseline) byDigest.set(layer.digest, [...(byDigest.get(layer.digest) ?? []), layer]);

  const pairs: Array<{ before?: AttributedLayer; after?: AttributedLayer }> = [];
  const used = new Set<AttributedLayer>();
  const unmatched: AttributedLayer[] = [];
  for (const after of current) {
    const before = byDigest.get(after.digest)?.shift();
    if (before) {
      used.add(before);
      pairs.push({ before, after });
    } else {
      unmatched.push(after);
    }
  }
  const leftByKey = new Map<string, AttributedLayer[]>();
  for (const before of baseline) {
    if (used.has(before)) continue;
    const key = pairingKey(before.origin);
    leftByKey.set(key, [...(leftByKey.get(key) ?? []), before]);
  }
  for (const after of unmatched) {
    const before = leftByKey.get(pairingKey(after.origin))?.shift();
    if (before) used.add(before);
    pairs.push({ before, after });
  }
  for (const before of baseline) if (!used.has(before)) pairs.push({ before });

  // Removed layers sit just above the layer that sat below them in the baseline.
  const positionOfBaseline = new Map<number, number>();
  for (const p of pairs) if (p.before && p.after) positionOfBaseline.set(p.before.index, p.after.index);
  const position = (p: (typeof pairs)[number]): number => {
    if (p.after) return p.after.index;
    for (let i = p.before!.index - 1; i >= 0; i--) {
      const at = positionOfBaseline.get(i);
      if (at !== undefined) return at + 0.5;
    }
    return -0.5;
  };
  const ordered = pairs
    .map((p, order) => ({ p, at: position(p), order }))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map(({ p }) => toChange(p.before, p.after));
  return aggregateBase(ordered);
}

function toChange(before: AttributedLayer | undefined, after: AttributedLayer | undefined): LayerChange {
  const sideOf = (l: AttributedLayer): LayerSide => ({ index: l.index, digests: [l.digest], size: l.size });
  if (before && after) {
    const delta = after.size - before.size;
    const status: ChangeStatus = before.digest === after.digest ? 'unchanged' : 'changed';
    const change: LayerChange = { status, origin: after.origin, baseline: sideOf(before), current: sideOf(after), delta };
    if (status === 'changed') change.deltaPercent = percent(delta, before.size);
    if (originLabel(before.origin) !== originLabel(after.origin)) change.baselineOrigin = before.origin;
    return change;
  }
  if (after) return { status: 'added', origin: after.origin, current: sideOf(after), delta: after.size };
  return { status: 'removed', origin: before!.origin, baseline: sideOf(before!), delta: -before!.size };
}

/** Folds the base image's layers into one row: reviewers act on "the base moved", not on layer 3 of 7. */
function aggregateBase(changes: LayerChange[]): LayerChange[] {
  const isBase = (c: LayerChange) => c.origin.kind === 'base' || c.baselineOrigin?.kind === 'base';
  const base = changes.filter(isBase);
  if (base.length === 0) return changes;

  const merge = (sides: Array<LayerSide | undefined>): LayerSide | undefined => {
    const present = sides.filter((s): s is LayerSide => s !== undefined);
    if (present.length === 0) return undefined;
    return {
      index: Math.min(...present.map((s) => s.index)),
      digests: present.flatMap((s) => s.digests),
      size: present.reduce((sum, s) => sum + s.size, 0),
    };
  };
  const baseline = merge(base.map((c) => c.baseline));
  const current = merge(base.map((c) => c.current));
  const delta = (current?.size ?? 0) - (baseline?.size ?? 0);
  const status: ChangeStatus = base.every((c) => c.status === 'unchanged')
    ? 'unchanged'
    : baseline && current
      ? 'changed'
      : current
        ? 'added'
        : 'removed';
  const currentOrigin = base.find((c) => c.current && c.origin.kind === 'base')?.origin;
  const baselineOrigin = base.map((c) => c.baselineOrigin ?? (c.baseline ? c.origin : undefined)).find((o) => o?.kind === 'base');
  const merged: LayerChange = { status, origin: currentOrigin ?? baselineOrigin ?? base[0]!.origin, delta };
  if (baseline) merged.baseline = baseline;
  if (current) merged.current = current;
  if (status === 'changed') merged.deltaPercent = percent(delta, baseline?.size);
  if (currentOrigin && baselineOrigin && originLabel(currentOrigin) !== originLabel(baselineOrigin)) {
    merged.baselineOrigin = baselineOrigin;
  }
  const first = changes.indexOf(base[0]!);
  const rest = changes.filter((c) => !isBase(c));
  rest.splice(first, 0, merged);
  return rest;
}
