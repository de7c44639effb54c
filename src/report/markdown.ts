// The Markdown body shared by the PR comment and the job summary. Pure: a Report in, a string
// out, always under GitHub's comment limit (detail is trimmed, least useful first, with a note).
import type { LayerOrigin } from '../compare/attribution.js';
import type { LayerChange, PlatformComparison } from '../compare/diff.js';
import { isStale, type BaseFreshness } from '../compare/freshness.js';
import { sizeChart } from './chart.js';
import { escapeMarkdown, inlineCode, tableCode, truncate, truncateWords, wrappable } from './escape.js';
import { describeThreshold, type BaselineOrigin, type Report, type SizeCheck } from './report.js';
import { formatBytes, formatChange, unbreakable } from './units.js';
import { count, imageName, listing, shortImageName, VERDICT_WORDS } from './words.js';

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
  const cells: CellContext = { width: instructionLength, shortened: new Set() };
  out.push(`### Image report: ${inlineCode(imageName(report.image.reference.split('@')[0]!))}`, '');
  out.push(headline(report), '');
  if (report.sizeCheck) out.push(sizeCheckLine(report.sizeCheck), '');
  const attention = attentionLine(report);
  if (attention) out.push(attention, '');

  const compared = report.comparison.status === 'compared';
  const platforms = report.comparison.platforms;
  if (platforms.length > 1) out.push(...platformTable(platforms, compared), '');

  platforms.forEach((platform, i) => {
    const section = layerSection(platform, compared, detail, cells, trimmed);
    if (i === 0 || platforms.length === 1) {
      out.push(`#### Layers · ${escapeMarkdown(platform.platform)}`, '', ...section, '');
    } else if (detail.otherPlatformLayers) {
      out.push(`<details><summary>Layers · ${escapeMarkdown(platform.platform)}</summary>`, '', ...section, '', '</details>', '');
    } else {
      trimmed.push(`layer tables of ${platforms.length - 1} more platforms`);
    }
  });

  if (report.freshness.length > 0) out.push('#### Base images', '', ...freshnessTable(report, cells), '');
  if (cells.shortened.size > 0) {
    const refs = [...cells.shortened].map((r) => `- ${inlineCode(r)}`);
    out.push('<details><summary>Full image references</summary>', '', ...refs, '', '</details>', '');
  }
  if (report.layerReuse) out.push(`Build cache: ${report.layerReuse}.`, '');

  const first = platforms.find((p) => p.presence !== 'removed');
  if (detail.chart && first) out.push(...sizeChart(first, compared));
  else if (first) trimmed.push('the chart');

  if (trimmed.length > 0) {
    out.push(`_Trimmed to fit GitHub’s comment size limit: ${[...new Set(trimmed)].join(', ')} not shown. The job summary and report JSON have the full list._`, '');
  }
  out.push(`<sub>${footer(report)}</sub>`, '');
  return out.join('\n');
}

/** What table cells need to know: how long an instruction may be, and which references they cut. */
interface CellContext {
  width: number;
  /** Full references shown shortened in a cell; listed in full below the tables. */
  shortened: Set<string>;
}

const ORIGIN_WORDS: Record<BaselineOrigin, string> = {
  'compare-to': 'the compare-to input',
  'base-branch': 'the base branch',
  'default-branch-snapshot': 'the snapshot saved from the default branch',
};

/** A size or change as Markdown: never split over two lines. */
function size(bytes: number): string {
  return unbreakable(formatBytes(bytes));
}

function change(bytes: number, percent?: number): string {
  return unbreakable(formatChange(bytes, percent));
}

function headline(report: Report): string {
  const h = report.headline;
  const where = h.platform ? ` (${escapeMarkdown(h.platform)}${h.platformCount > 1 ? `, 1 of ${h.platformCount} platforms` : ''})` : '';
  const total = `**${size(h.size)}** ${h.sizeKind}${where}`;
  const c = report.comparison;
  if (c.status === 'compared' && report.baseline) {
    const delta = h.delta === undefined ? 'not comparable' : h.delta === 0 ? 'no change' : `**${change(h.delta, h.deltaPercent)}**`;
    return `${total}: ${delta} against ${inlineCode(imageName(report.baseline.reference))}.`;
  }
  return `${total}. No size comparison: ${escapeMarkdown(c.reason ?? 'no baseline')}.`;
}

/** Built from the check's fields: the headline already says why a check could not run. */
function sizeCheckLine(check: SizeCheck): string {
  const limit = `fail-on-size-increase (${unbreakable(describeThreshold(check.threshold))})`;
  if (check.status === 'not-checked') return `Size check skipped: ${limit} needs a comparable baseline.`;
  if (check.status === 'passed' || !check.exceeded?.length) {
    const worst = check.worst;
    return worst
      ? `Size check passed: the largest change, ${change(worst.delta, worst.deltaPercent)} on ${escapeMarkdown(worst.platform)}, is within ${limit}.`
      : `Size check passed: within ${limit}.`;
  }
  const grew = check.exceeded.map((g, i) => `${escapeMarkdown(g.platform)}${i === 0 ? ' grew by' : ' by'} ${change(g.delta, g.deltaPercent)}`);
  return `**Size check failed**: ${listing(grew)}, more than ${limit} allows.`;
}

function attentionLine(report: Report): string | undefined {
  const stale = report.staleBases.length;
  const total = report.freshness.length;
  if (stale === 0) return undefined;
  const see = '(see Base images)';
  if (total === 1) return `The base image needs attention ${see}.`;
  if (stale === total) return `${total === 2 ? 'Both' : `All ${total}`} base images need attention ${see}.`;
  return `${stale} of ${total} base images ${stale === 1 ? 'needs' : 'need'} attention ${see}.`;
}

function platformTable(platforms: PlatformComparison[], compared: boolean): string[] {
  if (!compared) {
    return ['| Platform | Size | Layers |', '|---|---:|---:|', ...platforms.map((p) => `| ${escapeMarkdown(p.platform)} | ${size(p.currentSize ?? 0)} | ${layerCount(p)} |`)];
  }
  const rows = platforms.map((p) => {
    const before = p.baselineSize === undefined ? '—' : size(p.baselineSize);
    const after = p.currentSize === undefined ? '—' : size(p.currentSize);
    const delta = p.presence === 'added' ? 'new platform' : p.presence === 'removed' ? 'platform removed' : change(p.delta ?? 0, p.deltaPercent);
    return `| ${escapeMarkdown(p.platform)} | ${delta} | ${before} | ${after} |`;
  });
  return [`| Platform | Change | Baseline | ${THIS_PR} |`, '|---|---:|---:|---:|', ...rows];
}

const THIS_PR = unbreakable('This PR');

function layerCount(p: PlatformComparison): number {
  return sum(p.changes.map((c) => (c.current ?? c.baseline)!.digests.length));
}

/** A layer whose digest changed but whose size did not: rebuilt, most likely with the same content. */
function rebuiltSameSize(c: LayerChange): boolean {
  return c.status === 'changed' && c.delta === 0;
}

function layerSection(platform: PlatformComparison, compared: boolean, detail: Detail, cells: CellContext, trimmed: string[]): string[] {
  if (!compared || platform.presence !== 'both') {
    const rows = platform.changes.map((c) => `| ${layerLabel(c, cells)} | ${size((c.current ?? c.baseline)!.size)} |`);
    const kept = detail.unchanged ? rows : rows.slice(0, Math.max(detail.changedRows, 0));
    if (kept.length < rows.length) trimmed.push(`${rows.length - kept.length} layer rows`);
    return kept.length > 0 ? ['| Layer | Size |', '|---|---:|', ...kept] : [`${rows.length} layers.`];
  }
  const quiet = platform.changes.filter((c) => c.status === 'unchanged' || rebuiltSameSize(c));
  const changed = platform.changes.filter((c) => !quiet.includes(c));
  const out: string[] = [];
  if (changed.length === 0) {
    out.push('No layer changed size.');
  } else {
    const keep = new Set([...changed].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, detail.changedRows));
    const rows = changed.filter((c) => keep.has(c)).map((c) => changedRow(c, cells));
    if (rows.length < changed.length) trimmed.push(`${changed.length - rows.length} changed layers (the smallest changes)`);
    if (rows.length > 0) out.push(`| Status | Layer | Change | Baseline | ${THIS_PR} |`, '|---|---|---:|---:|---:|', ...rows);
  }
  if (quiet.length > 0) {
    const rebuilt = quiet.filter(rebuiltSameSize).length;
    const unchanged = quiet.length - rebuilt;
    const what = [unchanged > 0 ? count(unchanged, 'unchanged layer') : '', rebuilt > 0 ? `${count(rebuilt, 'layer')} rebuilt with the same size` : ''];
    const summary = `${listing(what.filter(Boolean))}, ${size(sum(quiet.map((c) => c.current?.size ?? 0)))}`;
    if (detail.unchanged) {
      const rows = quiet.map((c) =>
        rebuilt > 0
          ? `| ${layerLabel(c, cells)} | ${rebuiltSameSize(c) ? 'rebuilt, same size' : 'unchanged'} | ${size(c.current?.size ?? 0)} |`
          : `| ${layerLabel(c, cells)} | ${size(c.current?.size ?? 0)} |`,
      );
      const head = rebuilt > 0 ? ['| Layer | Status | Size |', '|---|---|---:|'] : ['| Layer | Size |', '|---|---:|'];
      out.push('', `<details><summary>${summary}</summary>`, '', ...head, ...rows, '', '</details>');
    } else {
      out.push('', `${summary} (not listed).`);
      trimmed.push('unchanged layers');
    }
  }
  return out;
}

function changedRow(c: LayerChange, cells: CellContext): string {
  const before = c.baseline ? size(c.baseline.size) : '—';
  const after = c.current ? size(c.current.size) : '—';
  return `| ${c.status} | ${layerLabel(c, cells)} | ${change(c.delta, c.deltaPercent)} | ${before} | ${after} |`;
}

function layerLabel(c: LayerChange, cells: CellContext): string {
  const label = originCell(c.origin, cells, c);
  if (c.baselineOrigin && c.baselineOrigin.kind === c.origin.kind && c.origin.kind === 'base') {
    return `${originCell(c.baselineOrigin, cells, c)} → ${referenceCell(c.origin.reference, cells)}`;
  }
  return label;
}

/** An image reference in a cell: digests cut to 12 hex digits, on their own line (the full one is listed below). */
function referenceCell(reference: string, cells: CellContext): string {
  const short = shortImageName(reference);
  if (short !== imageName(reference)) cells.shortened.add(imageName(reference));
  const at = short.indexOf('@');
  const name = tableCode(wrappable(at === -1 ? short : short.slice(0, at)));
  return at === -1 ? name : `${name}<br>${tableCode(short.slice(at))}`;
}

function originCell(origin: LayerOrigin, cells: CellContext, c: LayerChange): string {
  switch (origin.kind) {
    case 'base': {
      const layers = (c.current ?? c.baseline)!.digests.length;
      return `base image ${referenceCell(origin.reference, cells)}${layers > 1 ? ` (${layers} layers)` : ''}`;
    }
    case 'instruction':
      return tableCode(truncateWords(wrappable(truncate(origin.instruction, cells.width)), WORD_LENGTH));
    case 'buildpack':
      return `${tableCode(origin.buildpack)} layer ${tableCode(truncateWords(origin.layer, WORD_LENGTH))}`;
    case 'lifecycle':
      return `buildpacks ${escapeMarkdown(truncateWords(origin.layer, WORD_LENGTH))} layer`;
    case 'unknown': {
      const digest = (c.current ?? c.baseline)!.digests[0] ?? '';
      return `layer ${tableCode(truncate(digest, 19))}`;
    }
  }
}

/** Longest unbroken word in a cell: ~45 monospace characters take a third of the column. */
const WORD_LENGTH = 45;

function verdictCell(f: BaseFreshness): string {
  const words = VERDICT_WORDS[f.verdict];
  return isStale(f) ? `**${words}**` : words;
}

function freshnessTable(report: Report, cells: CellContext): string[] {
  const rows = report.freshness.map((f: BaseFreshness) => {
    const stage = f.use.runtime ? `${escapeMarkdown(f.use.stage)} (final image)` : escapeMarkdown(f.use.stage);
    const age = f.ageDays === undefined ? '—' : unbreakable(count(f.ageDays, 'day'));
    const notes = f.reasons.map((r) => escapeMarkdown(truncateWords(wrappable(truncate(r, 300)), WORD_LENGTH))).join('<br>');
    const reference = f.verdict === 'unresolved' ? '—' : referenceCell(f.use.reference, cells);
    return `| ${verdictCell(f)} | ${reference} | ${age} | ${stage} | ${notes} |`;
  });
  const ageNote = report.maxBaseAge === undefined ? [] : ['', `Bases older than ${report.maxBaseAge} days (max-base-age) are flagged.`];
  return ['| Status | Base image | Age | Stage | Notes |', '|---|---|---:|---|---|', ...rows, ...ageNote];
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
    parts.push(`Baseline: ${inlineCode(imageName(report.baseline.reference))}${origin} (${inlineCode(truncate(report.baseline.digest, 19))}).`);
  } else {
    parts.push('No baseline image.');
  }
  parts.push(`This build: ${inlineCode(truncate(report.image.digest, 19))}.`);
  return parts.join(' ');
}
