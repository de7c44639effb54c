// Is each base image still what its tag means today? Three signals, strongest first:
// the tag moved (a rebuild picks up fixes), a newer tag of the same flavour exists, and age.
// Age is weak evidence (publishers control `created`; reproducible builds pin it), so it only
// speaks when the user set max-base-age. Pure: facts gathered elsewhere, `now` passed in.
import type { AnnotationProperties } from '../adapters.js';
import type { BaseImageUse, UnresolvedBaseUse } from '../build/types.js';
import { digestOf, tagOf } from '../registry/reference.js';
import { newerTags, type NewerTags } from './tag-flavour.js';

/** What an adapter found out about one base image (see gather.ts). Every field but `use` is optional. */
export interface BaseImageFacts {
  use: BaseImageUse;
  /** Digest the tag resolves to now (for a multi-platform tag, the index digest). */
  currentDigest?: string;
  /** Digests of the platform manifests inside currentDigest when it is an index. */
  currentPlatformDigests?: string[];
  /** When the image built from was built (RFC 3339): its org.opencontainers.image.created annotation, else its config's `created`. */
  created?: string;
  /** Every tag of the repository. */
  tags?: string[];
  /** Why facts are missing, already phrased for a reader ("registry answered 401 ..."). */
  error?: string;
}

export type FreshnessVerdict = 'fresh' | 'tag-moved' | 'newer-version' | 'too-old' | 'unknown' | 'unresolved';

/**
 * The report's row for a base Strata could not resolve: it says so, with why, instead of checking
 * an invented reference. Not stale (nothing to act on in the base), but never "up to date" either.
 */
export function unresolvedFreshness(u: UnresolvedBaseUse): BaseFreshness {
  return {
    use: { reference: 'unresolved', stage: u.stage, runtime: u.runtime, line: u.line, ...(u.file ? { file: u.file } : {}) },
    verdict: 'unresolved',
    findings: ['unresolved'],
    reasons: [`${u.reason}; set the build arg to have it checked`],
  };
}

export interface BaseFreshness {
  use: BaseImageUse;
  /** The most actionable finding; 'fresh' when nothing is wrong, 'unknown' when nothing could be checked. */
  verdict: FreshnessVerdict;
  /** Every finding that applies, most actionable first. */
  findings: FreshnessVerdict[];
  /** Sentences for the report, one per finding (plus notes such as major versions). */
  reasons: string[];
  ageDays?: number;
  /** Digest the build used, when known. */
  builtFrom?: string;
  currentDigest?: string;
  newer?: NewerTags;
}

export interface FreshnessOptions {
  now: Date;
  /** max-base-age in days; no age verdict without it. */
  maxBaseAge?: number;
}

const DAY_MS = 86_400_000;
// Reproducible builds stamp 1970-01-01 or 1980-01-01 (buildpacks' lifecycle): not an age.
const FIXED_DATE_BEFORE = Date.UTC(2000, 0, 1);

export function shortDigest(digest: string): string {
  const [algorithm, hex = ''] = digest.split(':');
  return hex ? `${algorithm}:${hex.slice(0, 12)}` : digest;
}

export function isStale(freshness: BaseFreshness): boolean {
  return freshness.verdict === 'tag-moved' || freshness.verdict === 'newer-version' || freshness.verdict === 'too-old';
}

export function assessBases(facts: readonly BaseImageFacts[], options: FreshnessOptions): BaseFreshness[] {
  return facts.map((f) => assessBase(f, options));
}

export function assessBase(facts: BaseImageFacts, options: FreshnessOptions): BaseFreshness {
  const { use } = facts;
  const tag = tagOf(use.reference);
  const pinned = digestOf(use.reference);
  const builtFrom = use.digest ?? pinned;
  const findings: FreshnessVerdict[] = [];
  const reasons: string[] = [];
  const result: BaseFreshness = { use, verdict: 'unknown', findings, reasons };
  if (builtFrom) result.builtFrom = builtFrom;
  if (facts.currentDigest) result.currentDigest = facts.currentDigest;
  let checked = false;

  const tagRef = tag ? use.reference.split('@')[0]! : undefined;
  if (tagRef && facts.currentDigest && builtFrom) {
    checked = true;
    // The build may record the platform manifest while the tag resolves to the index: that is
    // the same image, not a moved tag (regctl check-base trips over this).
    const same =
      facts.currentDigest === builtFrom || (facts.currentPlatformDigests ?? []).includes(builtFrom);
    if (!same) {
      findings.push('tag-moved');
      const fix = pinned ? 'update the pinned digest to pick it up' : 'a rebuild without cache picks it up';
      reasons.push(
        `tag ${tagRef} now points to ${shortDigest(facts.currentDigest)} (built from ${shortDigest(builtFrom)}) — ${fix}`,
      );
    }
  }

  if (tag && facts.tags) {
    const newer = newerTags(tag, facts.tags);
    if (newer) {
      checked = true;
      result.newer = newer;
      if (newer.minor.length > 0) {
        findings.push('newer-version');
        const also = newer.minor.length > 1 ? ` (also ${newer.minor.slice(1, 4).join(', ')}${newer.minor.length > 4 ? ', …' : ''})` : '';
        reasons.push(`${newer.minor[0]} available${also}`);
      }
      // Majors break things; say so without calling the base stale, as Renovate does by default.
      if (newer.major.length > 0) reasons.push(`major version ${newer.major[0]} available`);
    }
  }

  if (facts.created) {
    const created = Date.parse(facts.created);
    if (Number.isFinite(created) && created >= FIXED_DATE_BEFORE) {
      checked = true;
      result.ageDays = Math.max(0, Math.floor((options.now.getTime() - created) / DAY_MS));
      if (options.maxBaseAge !== undefined && result.ageDays > options.maxBaseAge) {
        findings.push('too-old');
        reasons.push(`base is ${result.ageDays} days old (max-base-age ${options.maxBaseAge})`);
      }
    } else if (Number.isFinite(created)) {
      reasons.push(`age unknown: the image records a fixed creation date (${facts.created.slice(0, 10)})`);
    }
  }

  if (facts.error) reasons.push(`could not check everything: ${facts.error}`);
  if (findings.length > 0) {
    result.verdict = findings[0]!;
  } else if (checked) {
    result.verdict = 'fresh';
  } else if (!facts.error) {
    reasons.push(
      tag
        ? `nothing to compare: ${use.reference} has no recorded digest, no versioned tag and no creation date`
        : `${use.reference} is pinned by digest only; no tag to follow`,
    );
  }
  return result;
}

export interface BaseAnnotation {
  message: string;
  properties: AnnotationProperties;
}

/** Stale bases as warnings on their FROM line (or without a location when the build did not record it). */
export function annotationsFor(freshness: readonly BaseFreshness[]): BaseAnnotation[] {
  return freshness.filter(isStale).map((f) => {
    const properties: AnnotationProperties = { title: `Stale base image ${f.use.reference}` };
    if (f.use.file) properties.file = f.use.file;
    if (f.use.file && f.use.line !== undefined) properties.startLine = f.use.line;
    return { message: f.reasons.filter((r) => !r.startsWith('could not')).join('; '), properties };
  });
}
