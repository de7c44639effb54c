// Newer tags "of the same flavour", the way Renovate and Dependabot choose them: a tag is a
// candidate only if it keeps the prefix, the suffix and the precision of the current one, so
// node:20.11-slim may become 20.12-slim but never 21-alpine or 20.12.1-slim. Pure.

export interface TagVersion {
  tag: string;
  /** Text before the version, e.g. "v" or "jdk-". */
  prefix: string;
  /** Numeric parts: 20.11 -> [20, 11]. Their count is the tag's precision. */
  numbers: number[];
  /** Digits of each part as written; "0012" and "12" differ in flavour (dates vs counters). */
  widths: number[];
  /** Text after the version, e.g. "-slim", "-alpine3.19", "" for none. */
  suffix: string;
  /** Prerelease marker glued to or just after the version: rc1, -beta.2... */
  prerelease?: string;
}

export interface NewerTags {
  /** Same major, higher minor or patch; best (highest) first. */
  minor: string[];
  /** Higher major; best first. Reported apart: Renovate only proposes them when asked. */
  major: string[];
}

// prefix: anything not ending in a digit (so "v", "jdk-", "python3-" are not allowed to eat the
// version); version: dotted numbers; prerelease: letters+digits glued on (3.13.0rc1) or a
// hyphenated well-known word (1.2.0-rc.1); suffix: the rest, starting with - or _.
const TAG =
  /^(?<prefix>(?:.*?[^\d.])??)(?<version>\d+(?:\.\d+)*)(?<pre>(?:a|b|rc|alpha|beta|pre|preview|dev)\.?\d*|-(?:alpha|beta|rc|pre|preview|dev|snapshot|nightly|canary)(?:[.-]?\d+)*(?=$|[-_]))?(?<suffix>[-_+].*)?$/i;

export function parseTag(tag: string): TagVersion | undefined {
  const m = TAG.exec(tag);
  if (!m?.groups) return undefined;
  const { prefix = '', version = '', pre, suffix = '' } = m.groups;
  // A prefix that ends in a letter glued to the digits (e.g. "alpine3") is part of the name, not a
  // separator; only accept prefixes ending in a separator or a lone "v".
  if (prefix !== '' && !/(?:^v|[-_.])$/i.test(prefix)) return undefined;
  const parts = version.split('.');
  const parsed: TagVersion = {
    tag,
    prefix,
    numbers: parts.map(Number),
    widths: parts.map((p) => p.length),
    suffix,
  };
  if (pre) parsed.prerelease = pre.replace(/^-/, '');
  if (/(?:^|[-_.])(?:alpha|beta|rc|pre|preview|dev|snapshot|nightly|canary)(?:$|[-_.\d])/i.test(suffix)) {
    parsed.prerelease = suffix.replace(/^[-_+]/, '');
  }
  return parsed;
}

/** Negative when a < b. Missing parts count as 0; they only meet when precisions match anyway. */
export function compareVersions(a: TagVersion, b: TagVersion): number {
  const length = Math.max(a.numbers.length, b.numbers.length);
  for (let i = 0; i < length; i++) {
    const diff = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Same flavour: same prefix, suffix and precision, and numbers that look alike. A single-number
 * tag of 6+ digits is a date (ubuntu:20240101) and only compares with dates of the same width,
 * so node:20 never "upgrades" to a date-stamped build.
 */
export function sameFlavour(a: TagVersion, b: TagVersion): boolean {
  if (a.prefix !== b.prefix || a.suffix.toLowerCase() !== b.suffix.toLowerCase()) return false;
  if (a.numbers.length !== b.numbers.length) return false;
  const dateLike = (w: number) => w >= 6;
  return a.widths.every((w, i) => dateLike(w) === dateLike(b.widths[i]!) && (!dateLike(w) || w === b.widths[i]));
}

/**
 * Tags in `allTags` newer than `current` and of the same flavour, prereleases ignored. Undefined
 * when `current` is not a versioned tag (latest, bookworm, a digest) or is itself a prerelease:
 * there is no flavour to follow then.
 */
export function newerTags(current: string, allTags: readonly string[]): NewerTags | undefined {
  const base = parseTag(current);
  if (!base || base.prerelease !== undefined) return undefined;
  const candidates = allTags
    .map(parseTag)
    .filter((t): t is TagVersion => t !== undefined && t.prerelease === undefined)
    .filter((t) => sameFlavour(base, t) && compareVersions(t, base) > 0)
    .sort((a, b) => compareVersions(b, a) || a.tag.localeCompare(b.tag));
  const unique = (tags: TagVersion[]) => [...new Set(tags.map((t) => t.tag))];
  return {
    // With one number there is no minor to move to: node:20 -> node:22 is a major.
    minor: unique(candidates.filter((t) => base.numbers.length > 1 && t.numbers[0] === base.numbers[0])),
    major: unique(candidates.filter((t) => base.numbers.length === 1 || t.numbers[0] !== base.numbers[0])),
  };
}
