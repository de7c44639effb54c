// The Markdown body shared by the PR comment and the job summary. Pure: a Report in, a string
// out, always under GitHub's comment limit (detail is trimmed, least useful first, with a note).
import type { LayerChange, PlatformComparison } from '../compare/diff.js';
import { originLabel, type LayerOrigin } from '../compare/attribution.js';
import type { BaseFreshness, FreshnessVerdict } from '../compare/freshness.js';
import { escapeMarkdown, inlineCode, mermaidLabel, tableCode, truncate } from './escape.js';
import type { BaselineOrigin, Report } from './report.js';
import { formatBytes, formatChange } from './units.js';

/** GitHub rejects issue comment bodies over 65,536 characters with a 422. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  /** Characters available for the body; leave room for the marker the comment adds. */
  maxLength?: number;
  /** Longest instruction shown in a cell before it is cut. */
  instructionLength?: number;
}

/** How much detail a rendering keeps; trimming lowers these until the body fits. */
interface Detail {
  unchanged: boolean;
  /** Changed rows kept per platform, largest |delta| first. */
  changedRows: number;
  chart: boolean;
  otherPlatformLayers: boolean;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const max = options.maxLength ?? GITHUB_COMMENT_LIMIT - 500;
  const instructionLength = options.instructionLength ?? 160;
  const most = Math.max(0, ...report.comparison.platforms.map((p) => p.changes.length));
  const attempts: Detail[] = [{ unchanged: true, changedRows: most, chart: true, otherPlatformLayers: true }];
  attempts.push({ ...attempts[0]!, unchanged: false });
  attempts.push({ ...attempts[1]!, otherPlatformLayers: false });
  for (let rows = Math.min(most, 200); rows >= 10; rows = Math.floor(rows / 2)) attempts.push({ ...attempts[2]!, changedRows: rows });
  attempts.push({ unchanged: false, changedRows: 0, chart: false, otherPlatformLayers: false });

  for (const detail of attempts) {
    const body = render(report, detail, instructionLength);
    if (body.length <= max) return body;
  }
  // Only a pathological freshness table gets here; cut the text itself rather than fail to post.
  const note = '\n\n_Report cut to fit GitHub’s comment size limit; the job summary and report JSON have it all._\n';
  return render(report, attempts.at(-1)!, 60).slice(0, max - note.length) + note;
}

function render(report: Report, detail: Detail, instructionLength: number): string {
  const out: string[] = [];
  const trimmed: string[] = [];
  out.push(`### Image report: ${inlineCode(report.image.reference.split('@')[0]!)}`, '');
  out.push(headline(report), '');
  if (report.sizeCheck) {
    const word = { passed: 'Size check passed', failed: '**Size check failed**', 'not-checked': 'Size check skipped' }[report.sizeCheck.status];
    out.push(`${word}: ${escapeMarkdown(report.sizeCheck.message)}.`, '');
  }
  const stale = report.staleBases.length;
  if (stale > 0) out.push(`${stale} of ${report.freshness.length} base images ${stale === 1 ? 'needs' : 'need'} attention (see Base images).`, '');

  const compared = report.comparison.status === 'compared';
  const platforms = report.comparison.platforms;
  if (platforms.length > 1) out.push(...platformTable(platforms, compared), '');

  platforms.forEach((platform, i) => {
    const section = layerSection(platform, compared, detail, instructionLength, trimmed);
    if (i === 0 || platforms.length === 1) {
      out.push(`#### Layers · ${escapeMarkdown(platform.platform)}`, '', ...section, '');
    } else if (detail.otherPlatformLayers) {
      out.push(`<details><summary>Layers · ${escapeMarkdown(platform.platform)}</summary>`, '', ...section, '', '</details>', '');
    } else {
      trimmed.push(`layer tables of ${platforms.length - 1} more platforms`);
    }
  });

  if (report.freshness.length > 0) out.push('#### Base images', '', ...freshnessTable(report), '');
  if (report.layerReuse) out.push(`Build cache: ${report.layerReuse}.`, '');

  const first = platforms.find((p) => p.presence !== 'removed');
  if (detail.chart && first) out.push(...chart(first, compared));
  else if (first) trimmed.push('the chart');

  if (trimmed.length > 0) {
    out.push(`_Trimmed to fit GitHub’s comment size limit: ${[...new Set(trimmed)].join(', ')} not shown. The job summary and report JSON have the full list._`, '');
  }
  out.push(`<sub>${footer(report)}</sub>`, '');
  return out.join('\n');
}

const ORIGIN_WORDS: Record<BaselineOrigin, string> = {
  'compare-to': 'the compare-to input',
  'base-branch': 'the base branch',
  'default-branch-snapshot': 'the snapshot saved from the default branch',
};

function headline(report: Report): string {
  const h = report.headline;
  const where = h.platform ? ` (${escapeMarkdown(h.platform)}${h.platformCount > 1 ? `, 1 of ${h.platformCount} platforms` : ''})` : '';
  const size = `**${formatBytes(h.size)}** ${h.sizeKind}${where}`;
  const c = report.comparison;
  if (c.status === 'compared' && report.baseline) {
    const change = h.delta === undefined ? 'not comparable' : h.delta === 0 ? 'no change' : `**${formatChange(h.delta, h.deltaPercent)}**`;
    return `${size}: ${change} against ${inlineCode(report.baseline.reference)}.`;
  }
  return `${size}. No size comparison: ${escapeMarkdown(c.reason ?? 'no baseline')}.`;
}

function platformTable(platforms: PlatformComparison[], compared: boolean): string[] {
  if (!compared) {
    return ['| Platform | Size | Layers |', '|---|---:|---:|', ...platforms.map((p) => `| ${escapeMarkdown(p.platform)} | ${formatBytes(p.currentSize ?? 0)} | ${layerCount(p)} |`)];
  }
  const rows = platforms.map((p) => {
    const before = p.baselineSize === undefined ? '—' : formatBytes(p.baselineSize);
    const after = p.currentSize === undefined ? '—' : formatBytes(p.currentSize);
    const change = p.presence === 'added' ? 'new platform' : p.presence === 'removed' ? 'platform removed' : formatChange(p.delta ?? 0, p.deltaPercent);
    return `| ${escapeMarkdown(p.platform)} | ${before} | ${after} | ${change} |`;
  });
  return ['| Platform | Baseline | This PR | Change |', '|---|---:|---:|---:|', ...rows];
}

function layerCount(p: PlatformComparison): number {
  return sum(p.changes.map((c) => (c.current ?? c.baseline)!.digests.length));
}

function layerSection(platform: PlatformComparison, compared: boolean, detail: Detail, width: number, trimmed: string[]): string[] {
  if (!compared || platform.presence !== 'both') {
    const rows = platform.changes.map((c) => `| ${layerLabel(c, width)} | ${formatBytes((c.current ?? c.baseline)!.size)} |`);
    const kept = detail.unchanged ? rows : rows.slice(0, Math.max(detail.changedRows, 0));
    if (kept.length < rows.length) trimmed.push(`${rows.length - kept.length} layer rows`);
    return kept.length > 0 ? ['| Layer | Size |', '|---|---:|', ...kept] : [`${rows.length} layers.`];
  }
  const changed = platform.changes.filter((c) => c.status !== 'unchanged');
  const unchanged = platform.changes.filter((c) => c.status === 'unchanged');
  const out: string[] = [];
  if (changed.length === 0) {
    out.push('No layer changed.');
  } else {
    const keep = new Set([...changed].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, detail.changedRows));
    const rows = changed.filter((c) => keep.has(c)).map((c) => changedRow(c, width));
    if (rows.length < changed.length) trimmed.push(`${changed.length - rows.length} changed layers (the smallest changes)`);
    if (rows.length > 0) out.push('| Layer | Status | Baseline | This PR | Change |', '|---|---|---:|---:|---:|', ...rows);
  }
  if (unchanged.length > 0) {
    const size = formatBytes(unchanged.reduce((sum, c) => sum + (c.current?.size ?? 0), 0));
    const summary = `${unchanged.length} unchanged ${unchanged.length === 1 ? 'layer' : 'layers'}, ${size}`;
    if (detail.unchanged) {
      const rows = unchanged.map((c) => `| ${layerLabel(c, width)} | ${formatBytes(c.current?.size ?? 0)} |`);
      out.push('', `<details><summary>${summary}</summary>`, '', '| Layer | Size |', '|---|---:|', ...rows, '', '</details>');
    } else {
      out.push('', `${summary} (not listed).`);
      trimmed.push('unchanged layers');
    }
  }
  return out;
}

function changedRow(c: LayerChange, width: number): string {
  const before = c.baseline ? formatBytes(c.baseline.size) : '—';
  const after = c.current ? formatBytes(c.current.size) : '—';
  return `| ${layerLabel(c, width)} | ${c.status} | ${before} | ${after} | ${formatChange(c.delta, c.deltaPercent)} |`;
}

function layerLabel(c: LayerChange, width: number): string {
  const label = originCell(c.origin, width, c);
  if (c.baselineOrigin && c.baselineOrigin.kind === c.origin.kind && c.origin.kind === 'base') {
    return `${originCell(c.baselineOrigin, width, c)} → ${inlineRef(c.origin)}`;
  }
  return label;
}

function inlineRef(origin: LayerOrigin): string {
  return origin.kind === 'base' ? tableCode(origin.reference) : '';
}

function originCell(origin: LayerOrigin, width: number, c: LayerChange): string {
  switch (origin.kind) {
    case 'base': {
      const layers = (c.current ?? c.baseline)!.digests.length;
      return `base image ${tableCode(origin.reference)}${layers > 1 ? ` (${layers} layers)` : ''}`;
    }
    case 'instruction':
      return tableCode(truncate(origin.instruction, width));
    case 'buildpack':
      return `${tableCode(origin.buildpack)} layer ${tableCode(origin.layer)}`;
    case 'lifecycle':
      return `buildpacks ${escapeMarkdown(origin.layer)} layer`;
    case 'unknown': {
      const digest = (c.current ?? c.baseline)!.digests[0] ?? '';
      return `layer ${tableCode(truncate(digest, 19))}`;
    }
  }
}

const VERDICT_WORDS: Record<FreshnessVerdict, string> = {
  fresh: 'up to date',
  'tag-moved': '**tag moved**',
  'newer-version': '**newer version**',
  'too-old': '**too old**',
  unknown: 'unknown',
};

function freshnessTable(report: Report): string[] {
  const rows = report.freshness.map((f: BaseFreshness) => {
    const stage = f.use.runtime ? `${escapeMarkdown(f.use.stage)} (final image)` : escapeMarkdown(f.use.stage);
    const age = f.ageDays === undefined ? '—' : `${f.ageDays} ${f.ageDays === 1 ? 'day' : 'days'}`;
    const notes = f.reasons.map((r) => escapeMarkdown(truncate(r, 300))).join('<br>');
    return `| ${tableCode(truncate(f.use.reference, 120))} | ${stage} | ${VERDICT_WORDS[f.verdict]} | ${age} | ${notes} |`;
  });
  const ageNote = report.maxBaseAge === undefined ? [] : ['', `Bases older than ${report.maxBaseAge} days (max-base-age) are flagged.`];
  return ['| Image | Stage | Status | Age | Notes |', '|---|---|---|---:|---|', ...rows, ...ageNote];
}

const CHART_GROUPS = 8;

/** Bars for this PR, a line for the baseline: xychart-beta overlaps two bar series. */
function chart(platform: PlatformComparison, compared: boolean): string[] {
  const groups = new Map<string, { before: number; after: number }>();
  for (const c of platform.changes) {
    const key = chartKey(c.origin);
    const g = groups.get(key) ?? { before: 0, after: 0 };
    g.before += c.baseline?.size ?? 0;
    g.after += c.current?.size ?? 0;
    groups.set(key, g);
  }
  if (groups.size < 2) return [];
  let entries = [...groups.entries()];
  if (entries.length > CHART_GROUPS) {
    const biggest = [...entries].sort((a, b) => Math.max(b[1].before, b[1].after) - Math.max(a[1].before, a[1].after));
    const keep = new Set(biggest.slice(0, CHART_GROUPS - 1).map(([k]) => k));
    const rest = entries.filter(([k]) => !keep.has(k));
    entries = entries.filter(([k]) => keep.has(k));
    entries.push([`${rest.length} other layers`, { before: sum(rest.map(([, g]) => g.before)), after: sum(rest.map(([, g]) => g.after)) }]);
  }
  const peak = Math.max(...entries.map(([, g]) => Math.max(g.before, g.after)));
  const [unit, divisor] = peak >= 1e9 ? ['GB', 1e9] : peak >= 1e6 ? ['MB', 1e6] : ['kB', 1e3];
  const values = (pick: (g: { before: number; after: number }) => number) =>
    entries.map(([, g]) => Number((pick(g) / divisor).toFixed(2))).join(', ');
  const seen = new Map<string, number>();
  const labels = entries.map(([k]) => {
    const label = mermaidLabel(k);
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return `"${n > 1 ? `${label} ${n}` : label}"`;
  });
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title "Size by layer group, ${mermaidLabel(platform.platform)} (${unit})"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "${unit}"`,
    `  bar [${values((g) => g.after)}]`,
  ];
  if (compared) lines.push(`  line [${values((g) => g.before)}]`);
  lines.push('```', '', compared ? '<sub>Bars: this PR. Line: baseline.</sub>' : '<sub>Bars: this image.</sub>', '');
  return lines;
}

/** Short names: the x-axis has room for a few words per bar. */
function chartKey(origin: LayerOrigin): string {
  if (origin.kind === 'base') return 'base image';
  if (origin.kind === 'buildpack') return `${origin.buildpack.replace(/@.*$/, '').split('/').at(-1)} ${origin.layer}`;
  return originLabel(origin);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function footer(report: Report): string {
  const kind =
    report.image.sizeKind === 'compressed'
      ? 'Sizes are compressed layer blobs as stored in the registry (what a pull downloads)'
      : 'Sizes are uncompressed layers as the local engine stores them (what the disk holds)';
  const parts = [`${kind}; manifests and configs are not counted. SI units (1 MB = 1,000,000 bytes).`];
  if (report.baseline) {
    const origin = report.baseline.origin ? ` from ${ORIGIN_WORDS[report.baseline.origin]}` : '';
    parts.push(`Baseline: ${inlineCode(report.baseline.reference)}${origin} (${inlineCode(truncate(report.baseline.digest, 19))}).`);
  } else {
    parts.push('No baseline image.');
  }
  parts.push(`This build: ${inlineCode(truncate(report.image.digest, 19))}.`);
  return parts.join(' ');
}
