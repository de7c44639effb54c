// The report as plain text for the CLI and the Actions log. Pure. Untrusted text goes through
// plainText so a crafted instruction cannot smuggle terminal escape sequences into the log.
import { originLabel, type LayerOrigin } from '../compare/attribution.js';
import type { LayerChange } from '../compare/diff.js';
import { plainText, truncate } from './escape.js';
import type { Report } from './report.js';
import { formatBytes, formatChange } from './units.js';
import { count, imageName, listing, VERDICT_WORDS } from './words.js';

export interface TerminalOptions {
  /** Unchanged layers are listed one by one only when asked (--verbose). */
  verbose?: boolean;
  width?: number;
}

export function renderTerminal(report: Report, options: TerminalOptions = {}): string {
  const width = options.width ?? 100;
  const out: string[] = [];
  const h = report.headline;
  const compared = report.comparison.status === 'compared';
  out.push(`Image ${plainText(imageName(report.image.reference))}`);
  const size = `${formatBytes(h.size)} ${h.sizeKind}${h.platform ? ` (${plainText(h.platform)})` : ''}`;
  if (compared && report.baseline) {
    const change = h.delta === undefined ? 'not comparable' : h.delta === 0 ? 'no change' : formatChange(h.delta, h.deltaPercent);
    out.push(`  ${size}: ${change} against ${plainText(imageName(report.baseline.reference))}`);
  } else {
    out.push(`  ${size}; no size comparison: ${plainText(report.comparison.reason ?? 'no baseline')}`);
  }
  if (report.sizeCheck) {
    const status = { passed: 'passed', failed: 'FAILED', 'not-checked': 'skipped' }[report.sizeCheck.status];
    out.push(`  size check ${status}: ${plainText(report.sizeCheck.message)}`);
  }

  for (const platform of report.comparison.platforms) {
    out.push('');
    if (!compared || platform.presence !== 'both') {
      const what = platform.presence === 'removed' ? 'platform removed' : compared ? 'new platform' : formatBytes(platform.currentSize ?? 0);
      out.push(`Layers ${plainText(platform.platform)} (${what})`);
      for (const c of platform.changes) out.push(`  ${pad(formatBytes((c.current ?? c.baseline)!.size), 9)}  ${label(c, width)}`);
      continue;
    }
    out.push(
      `Layers ${plainText(platform.platform)}: ${formatBytes(platform.baselineSize ?? 0)} -> ${formatBytes(platform.currentSize ?? 0)} ` +
        `(${formatChange(platform.delta ?? 0, platform.deltaPercent)})`,
    );
    // Rebuilt layers of the same size read like unchanged ones, as in the Markdown report.
    const rebuilt = (c: LayerChange) => c.status === 'changed' && c.delta === 0;
    const quiet = platform.changes.filter((c) => c.status === 'unchanged' || rebuilt(c));
    for (const c of platform.changes) {
      if (quiet.includes(c) && !options.verbose) continue;
      const sizes = `${pad(c.baseline ? formatBytes(c.baseline.size) : '-', 9)} -> ${pad(c.current ? formatBytes(c.current.size) : '-', 9)}`;
      const change = quiet.includes(c) ? '' : formatChange(c.delta, c.deltaPercent);
      out.push(`  ${pad(rebuilt(c) ? 'rebuilt' : c.status, 9)} ${sizes}  ${pad(change, 19)} ${label(c, width)}`);
    }
    if (quiet.length > 0 && !options.verbose) {
      const same = quiet.filter(rebuilt).length;
      const what = [quiet.length > same ? count(quiet.length - same, 'unchanged layer') : '', same > 0 ? `${count(same, 'layer')} rebuilt with the same size` : ''];
      out.push(`  ${listing(what.filter(Boolean))}, ${formatBytes(quiet.reduce((s, c) => s + (c.current?.size ?? 0), 0))}`);
    }
  }

  if (report.freshness.length > 0) {
    out.push('', 'Base images');
    for (const f of report.freshness) {
      const age = f.ageDays === undefined ? '' : `, ${count(f.ageDays, 'day')} old`;
      const name = f.verdict === 'unresolved' ? '(unresolved FROM)' : plainText(imageName(f.use.reference));
      out.push(`  ${name} [${plainText(f.use.stage)}]: ${VERDICT_WORDS[f.verdict]}${age}`);
      for (const reason of f.reasons) out.push(`    - ${plainText(reason)}`);
    }
  }
  if (report.layerReuse) out.push('', `Build cache: ${report.layerReuse.replaceAll('`', '')}.`);
  out.push('', report.image.sizeKind === 'compressed' ? 'Sizes: compressed registry blobs.' : 'Sizes: uncompressed engine layers.');
  return out.join('\n') + '\n';
}

function label(c: LayerChange, width: number): string {
  const text = (o: LayerOrigin) => plainText(o.kind === 'base' ? `base image ${imageName(o.reference)}` : originLabel(o));
  const now = text(c.origin);
  const full = c.baselineOrigin && c.origin.kind === 'base' ? `${text(c.baselineOrigin)} -> ${now}` : now;
  return truncate(full, width);
}

function pad(text: string, length: number): string {
  return text.padEnd(length);
}
