// The report as data: what markdown.ts, terminal.ts and the JSON output all render from, plus
// the fail-on-size-increase verdict. Pure: everything, including the clock, is passed in.
import type { BaseFreshness } from '../compare/freshness.js';
import { isStale } from '../compare/freshness.js';
import type { Comparison, ImageSide, PlatformComparison } from '../compare/diff.js';
import type { SizeThreshold } from '../inputs.js';
import { formatBytes, formatChange } from './units.js';
import { listing } from './words.js';

/** Where the baseline image came from, so readers know what "before" means. */
export type BaselineOrigin = 'compare-to' | 'base-branch' | 'default-branch-snapshot';

export interface SizeCheck {
  threshold: SizeThreshold;
  /** not-checked: no comparable baseline; the step does not fail on what it cannot measure. */
  status: 'passed' | 'failed' | 'not-checked';
  message: string;
  /** The platform that grew the most (by the threshold's measure). */
  worst?: PlatformGrowth;
  /** Every platform that grew past the threshold, most first (failed only). */
  exceeded?: PlatformGrowth[];
}

export interface PlatformGrowth {
  platform: string;
  delta: number;
  deltaPercent?: number;
}

export interface Headline {
  /** The first platform: the one the `size` output reports. */
  platform?: string;
  platformCount: number;
  size: number;
  delta?: number;
  deltaPercent?: number;
  sizeKind: ImageSide['sizeKind'];
}

export interface Report {
  schemaVersion: 1;
  generatedAt: string;
  image: ImageSide;
  baseline?: ImageSide & { origin?: BaselineOrigin };
  headline: Headline;
  comparison: Comparison;
  freshness: BaseFreshness[];
  /** References of stale bases (the `stale-bases` output). */
  staleBases: string[];
  maxBaseAge?: number;
  sizeCheck?: SizeCheck;
  /** Buildpack mode: what the lifecycle reused (Markdown: layer names in code spans). */
  layerReuse?: string;
}

export interface ReportInput {
  comparison: Comparison;
  freshness: BaseFreshness[];
  baselineOrigin?: BaselineOrigin;
  failOnSizeIncrease?: SizeThreshold;
  maxBaseAge?: number;
  now: Date;
}

export function buildReport(input: ReportInput): Report {
  const { comparison } = input;
  const first = comparison.platforms.find((p) => p.presence !== 'removed');
  const headline: Headline = {
    platformCount: comparison.platforms.filter((p) => p.presence !== 'removed').length,
    size: first?.currentSize ?? 0,
    sizeKind: comparison.current.sizeKind,
  };
  if (first) headline.platform = first.platform;
  if (comparison.status === 'compared' && first?.delta !== undefined) {
    headline.delta = first.delta;
    if (first.deltaPercent !== undefined) headline.deltaPercent = first.deltaPercent;
  }

  const report: Report = {
    schemaVersion: 1,
    generatedAt: input.now.toISOString(),
    image: comparison.current,
    headline,
    comparison,
    freshness: input.freshness,
    staleBases: input.freshness.filter(isStale).map((f) => f.use.reference),
  };
  if (comparison.baseline) {
    report.baseline = input.baselineOrigin ? { ...comparison.baseline, origin: input.baselineOrigin } : comparison.baseline;
  }
  if (input.maxBaseAge !== undefined) report.maxBaseAge = input.maxBaseAge;
  if (input.failOnSizeIncrease) report.sizeCheck = checkSizeIncrease(comparison, input.failOnSizeIncrease);
  return report;
}

export function describeThreshold(threshold: SizeThreshold): string {
  return threshold.kind === 'percent' ? `${threshold.value}%` : formatBytes(threshold.value);
}

/**
 * Fails when any platform present on both sides grew by more than the threshold (equal passes).
 * Platforms new in this build have nothing to grow from and are left out.
 */
export function checkSizeIncrease(comparison: Comparison, threshold: SizeThreshold): SizeCheck {
  const limit = describeThreshold(threshold);
  const skipped = (why: string): SizeCheck => ({ threshold, status: 'not-checked', message: `fail-on-size-increase (${limit}) needs a comparable baseline: ${why}` });
  if (comparison.status !== 'compared') return skipped(comparison.reason ?? 'no baseline');
  const measure = (p: PlatformComparison): number | undefined =>
    threshold.kind === 'percent' ? p.deltaPercent : p.delta;
  const both = comparison.platforms
    .filter((p) => p.presence === 'both' && measure(p) !== undefined)
    .sort((a, b) => measure(b)! - measure(a)!);
  if (both.length === 0) return skipped('no platform is in both images');
  const growth = (p: PlatformComparison): PlatformGrowth => {
    const g: PlatformGrowth = { platform: p.platform, delta: p.delta ?? 0 };
    if (p.deltaPercent !== undefined) g.deltaPercent = p.deltaPercent;
    return g;
  };
  const worst = growth(both[0]!);
  const exceeded = both.filter((p) => measure(p)! > threshold.value).map(growth);
  if (exceeded.length === 0) {
    return {
      threshold,
      status: 'passed',
      worst,
      message: `the largest change, ${formatChange(worst.delta, worst.deltaPercent)} on ${worst.platform}, is within fail-on-size-increase (${limit})`,
    };
  }
  const grew = exceeded.map((g, i) => `${g.platform}${i === 0 ? ' grew by' : ' by'} ${formatChange(g.delta, g.deltaPercent)}`);
  return { threshold, status: 'failed', worst, exceeded, message: `${listing(grew)}, more than fail-on-size-increase (${limit}) allows` };
}
