// The report's chart: size by layer group as a horizontal Mermaid bar chart, one row per group,
// so labels never collide however many groups there are or however long their names (the rows
// grow the chart downwards; labels are cut short, the tables above have the full text). Pure.
//
// Against a baseline each row is one bar in three colours drawn over each other from the axis:
// blue up to the smaller of the two sizes, then orange to this PR's size when the group grew or
// grey to the baseline's when it shrank. Blue + orange is this PR, blue + grey the baseline: both
// sizes on one row, and the change is the coloured end. (Mermaid's xychart draws the series of a
// row at the same place, so side-by-side bars are not possible; a line would join unrelated groups.)
// Mermaid starts bars at the axis line, half a tick label left of the 0 tick: a 0 B group shows a
// stub a few pixels long. The tables have the exact sizes.
import type { LayerOrigin } from '../compare/attribution.js';
import { originLabel } from '../compare/attribution.js';
import type { PlatformComparison } from '../compare/diff.js';
import { mermaidLabel, truncate } from './escape.js';
import { imageName } from './words.js';

const CHART_GROUPS = 12;
const LABEL_LENGTH = 30;
/** GitHub's palette: blue (shared), orange (growth), grey (shrinkage). */
const GROWTH = '#fb8f44';
const SHRINKAGE = '#afb8c1';
const SHARED = '#0969da';

interface Group {
  label: string;
  before: number;
  after: number;
}

/** Markdown lines for the chart, or nothing when there are fewer than two groups to compare. */
export function sizeChart(platform: PlatformComparison, compared: boolean): string[] {
  const groups = chartGroups(platform);
  if (groups.length < 2) return [];
  const peak = Math.max(...groups.map((g) => Math.max(g.before, g.after)));
  const [unit, divisor] = peak >= 1e9 ? ['GB', 1e9] : peak >= 1e6 ? ['MB', 1e6] : peak >= 1e3 ? ['kB', 1e3] : ['B', 1];
  const value = (bytes: number) => String(Number((bytes / divisor).toFixed(2)));
  const series = (pick: (g: Group) => number) => `  bar [${groups.map((g) => value(pick(g))).join(', ')}]`;
  const top = niceCeiling(peak / divisor);
  const labels = uniqueLabels(groups);
  const lines = [
    '```mermaid',
    '---',
    'config:',
    '  xyChart:',
    '    width: 820',
    `    height: ${160 + 32 * groups.length}`,
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${compared ? `${GROWTH}, ${SHRINKAGE}, ${SHARED}` : SHARED}"`,
    '---',
    'xychart-beta horizontal',
    `  title "Size by layer group, ${mermaidLabel(platform.platform)} (${unit})"`,
    `  x-axis [${labels.map((l) => `"${l}"`).join(', ')}]`,
    `  y-axis "${unit}" 0 --> ${top}`,
  ];
  if (compared) {
    // Later series are drawn over earlier ones: the longer end first, the shared part last.
    lines.push(series((g) => (g.after > g.before ? g.after : 0)));
    lines.push(series((g) => (g.before > g.after ? g.before : 0)));
    lines.push(series((g) => Math.min(g.before, g.after)));
  } else {
    lines.push(series((g) => g.after));
  }
  const legend = [compared ? 'Blue and orange: this PR. Blue and grey: the baseline.' : 'Bars: this image.'];
  if (labels.some((l) => l.includes('…'))) legend.push('Long names are shortened; the tables above have them in full.');
  lines.push('```', '', `<sub>${legend.join(' ')}</sub>`, '');
  return lines;
}

/** Layers grouped by what made them, in image order; the smallest folded into one row past CHART_GROUPS. */
function chartGroups(platform: PlatformComparison): Group[] {
  const byKey = new Map<string, Group>();
  for (const c of platform.changes) {
    const label = chartLabel(c.origin);
    const g = byKey.get(label) ?? { label, before: 0, after: 0 };
    g.before += c.baseline?.size ?? 0;
    g.after += c.current?.size ?? 0;
    byKey.set(label, g);
  }
  const groups = [...byKey.values()];
  if (groups.length <= CHART_GROUPS) return groups;
  const size = (g: Group) => Math.max(g.before, g.after);
  const keep = new Set([...groups].sort((a, b) => size(b) - size(a)).slice(0, CHART_GROUPS - 1));
  const rest = groups.filter((g) => !keep.has(g));
  return [
    ...groups.filter((g) => keep.has(g)),
    { label: `${rest.length} other layer groups`, before: sum(rest.map((g) => g.before)), after: sum(rest.map((g) => g.after)) },
  ];
}

/** Short names: a row label has room for a few words. */
function chartLabel(origin: LayerOrigin): string {
  if (origin.kind === 'base') return `base ${imageName(origin.reference).replace(/@.*$/, '').split('/').at(-1)}`;
  if (origin.kind === 'buildpack') return `${origin.buildpack.replace(/@.*$/, '').split('/').at(-1)} ${origin.layer}`;
  return originLabel(origin);
}

/**
 * Row labels, cut to LABEL_LENGTH. Labels that would read the same once cut (ten `RUN curl
 * https://…` lines) show where they differ instead; Mermaid merges rows with equal labels, so any
 * still equal get a number.
 */
function uniqueLabels(groups: Group[]): string[] {
  const full = groups.map((g) => mermaidLabel(g.label, Number.MAX_SAFE_INTEGER));
  const labels = full.map((text) => truncate(text, LABEL_LENGTH));
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => byLabel.set(label, [...(byLabel.get(label) ?? []), i]));
  for (const rows of byLabel.values()) {
    if (rows.length < 2) continue;
    const shared = commonPrefixLength(rows.map((i) => full[i]!));
    for (const i of rows) {
      // Keep the instruction's keyword: `RUN …tool-3/v1.2.3/…` still says what made the layer.
      const keyword = /^[A-Z]+ /.exec(full[i]!)?.[0] ?? '';
      // Start at the path segment or word where they part, when it is near.
      const text = full[i]!;
      const boundary = Math.max(text.lastIndexOf('/', shared - 1), text.lastIndexOf(' ', shared - 1));
      const from = Math.max(keyword.length, boundary >= shared - 16 ? boundary + 1 : shared - 8);
      if (from > keyword.length) labels[i] = truncate(`${keyword}…${full[i]!.slice(from)}`, LABEL_LENGTH);
    }
  }
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n > 1 ? `${label} ${n}` : label;
  });
}

function commonPrefixLength(texts: string[]): number {
  let n = 0;
  while (texts.every((t) => n < t.length && t[n] === texts[0]![n])) n++;
  return n;
}

/** The axis end: a round number at or above the peak, so the ticks are round too. */
export function niceCeiling(peak: number): number {
  if (peak <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(peak));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * power >= peak - 1e-9)!;
  return Number((step * power).toPrecision(12));
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
