// Whether a build cache is worth uploading. Pure: fingerprints come from fingerprint.ts.
import type { CacheHit } from './keys.js';

export interface SaveDecisionInput {
  buildSucceeded: boolean;
  hit: CacheHit;
  /** Fingerprint of the cache dir right after restore; undefined when nothing was restored. */
  fingerprintAfterRestore: string | undefined;
  /** Fingerprint now, after the build; undefined when the cache dir is missing or empty. */
  fingerprintNow: string | undefined;
}

export type SaveDecision =
  | { save: true }
  | { save: false; reason: 'build-failed' | 'nothing-to-save' | 'unchanged' };

export function decideCacheSave(input: SaveDecisionInput): SaveDecision {
  // A failed build may have left a half-written cache; restoring that later is worse than a miss.
  if (!input.buildSucceeded) return { save: false, reason: 'build-failed' };
  if (input.fingerprintNow === undefined) return { save: false, reason: 'nothing-to-save' };
  // Only an exact hit proves the stored entry is the one we started from; after a partial hit an
  // unchanged cache still deserves its own, more specific key.
  if (input.hit === 'exact' && input.fingerprintAfterRestore === input.fingerprintNow) {
    return { save: false, reason: 'unchanged' };
  }
  return { save: true };
}

/** What a reason means in the log. */
export function describeSkip(reason: Exclude<SaveDecision, { save: true }>['reason']): string {
  switch (reason) {
    case 'build-failed':
      return 'build failed, cache not saved';
    case 'nothing-to-save':
      return 'no build cache to save';
    case 'unchanged':
      return 'cache unchanged, nothing uploaded';
  }
}
