// Words and names the Markdown and terminal reports share, so both say the same thing the same
// way: verdicts, counts, and image references in the one form a report uses. Pure.
import type { FreshnessVerdict } from '../compare/freshness.js';
import { familiarReference, parseReference } from '../registry/reference.js';

export const VERDICT_WORDS: Record<FreshnessVerdict, string> = {
  fresh: 'up to date',
  'tag-moved': 'tag moved',
  'newer-version': 'newer version',
  'too-old': 'too old',
  unknown: 'unknown',
  unresolved: 'unresolved',
};

/** "1 layer", "2 layers"; `plural` for irregular words. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * One name per image in a report: the short form people write (`node:20`, not
 * `index.docker.io/library/node:20`), whichever form the build or registry recorded.
 * Text that is not a reference (a hand-written run image name) is kept as it is.
 */
export function imageName(reference: string): string {
  try {
    return familiarReference(parseReference(reference));
  } catch {
    return reference;
  }
}

/** For a narrow cell: the name with its digest cut to 12 hex digits, as `docker images` shows IDs. */
export function shortImageName(reference: string): string {
  return imageName(reference).replace(/@(sha256:[0-9a-f]{12})[0-9a-f]{52}$/, '@$1');
}
