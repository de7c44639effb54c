// Sizes for people: SI units (kB = 1000 bytes), as registries and `docker images` print them,
// three significant digits. Pure.

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  if (abs < 1000) return `${bytes} B`;
  let value = abs;
  let unit = 0;
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2;
  return `${bytes < 0 ? '-' : ''}${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** +1.20 MB, -340 kB, ±0 B */
export function formatDelta(bytes: number): string {
  if (bytes === 0) return '±0 B';
  return bytes > 0 ? `+${formatBytes(bytes)}` : formatBytes(bytes);
}

/** +3.4%, -0.5%, <0.1% for tiny non-zero changes; undefined stays empty. */
export function formatPercent(percent: number | undefined): string {
  if (percent === undefined || !Number.isFinite(percent)) return '';
  if (percent === 0) return '±0%';
  if (Math.abs(percent) < 0.05) return percent > 0 ? '+<0.1%' : '-<0.1%';
  return `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%`;
}

/** "+1.20 MB (+3.4%)", or just the bytes when there is no percentage. */
export function formatChange(bytes: number, percent?: number): string {
  const p = formatPercent(percent);
  return p ? `${formatDelta(bytes)} (${p})` : formatDelta(bytes);
}

/** A size or change that must not wrap mid-value in a narrow column ("922 kB", not "922 / kB"). */
export function unbreakable(text: string): string {
  return text.replace(/ /g, '\u00a0');
}
