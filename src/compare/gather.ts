// Adapter: asks the registry what freshness.ts needs to know about each base image. Failures
// become `error` facts, never throws: a flaky registry must not fail the build or the report.
import type { BaseImageUse } from '../build/types.js';
import type { BaseImageFacts } from './freshness.js';
import type { BaseImageRegistry } from '../registry/base-image-registry.js';
import { repositoryOf, tagOf } from '../registry/reference.js';

export interface GatherOptions {
  /** Platform whose config dates the base, e.g. linux/amd64 (waited for only for an index). */
  platform?: string | PromiseLike<string | undefined>;
  /** Registry requests in flight at once. */
  concurrency?: number;
  /** Skip listing tags (a repository with tens of thousands of tags is slow to page through). */
  skipTags?: boolean;
}

/** Facts for every distinct base image reference, in the order of `uses`. */
export async function gatherBaseFacts(
  registry: BaseImageRegistry,
  uses: readonly BaseImageUse[],
  options: GatherOptions = {},
): Promise<BaseImageFacts[]> {
  const checkable = uses.filter((u) => u.reference !== 'scratch');
  // One lookup per reference: multi-stage Dockerfiles often start several stages FROM the same image.
  const byReference = new Map<string, Promise<Omit<BaseImageFacts, 'use'>>>();
  const limit = limiter(options.concurrency ?? 4);
  for (const use of checkable) {
    const key = `${use.reference} ${use.digest ?? ''}`;
    if (!byReference.has(key)) byReference.set(key, factsFor(registry, use, options, limit));
  }
  return Promise.all(checkable.map(async (use) => ({ use, ...(await byReference.get(`${use.reference} ${use.digest ?? ''}`)!) })));
}

async function factsFor(
  registry: BaseImageRegistry,
  use: BaseImageUse,
  options: GatherOptions,
  limit: Limit,
): Promise<Omit<BaseImageFacts, 'use'>> {
  const errors: string[] = [];
  const attempt = async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await limit(fn);
    } catch (error) {
      errors.push(`${what}: ${redact(error instanceof Error ? error.message : String(error))}`);
      return undefined;
    }
  };

  const tag = tagOf(use.reference);
  const tagRef = tag ? use.reference.split('@')[0]! : undefined;
  const datedRef = use.digest ? `${repositoryOf(use.reference)}@${use.digest}` : use.reference;
  // The date first: it may take two round trips (manifest, then config) where the others take one.
  const [created, currentDigest, tags] = await Promise.all([
    registry.getImageCreated ? attempt(`reading when ${datedRef} was built`, () => registry.getImageCreated!(datedRef, options.platform)) : undefined,
    tagRef ? attempt(`resolving ${tagRef}`, () => registry.headDigest(tagRef)) : undefined,
    tag && !options.skipTags ? attempt(`listing tags of ${repositoryOf(use.reference)}`, () => registry.listTags(repositoryOf(use.reference))) : undefined,
  ]);
  let currentPlatformDigests: string[] | undefined;
  if (currentDigest && use.digest && currentDigest !== use.digest && registry.listPlatformDigests && tagRef) {
    currentPlatformDigests = await attempt(`reading the index of ${tagRef}`, () => registry.listPlatformDigests!(`${repositoryOf(use.reference)}@${currentDigest}`));
  }

  const facts: Omit<BaseImageFacts, 'use'> = {};
  if (currentDigest) facts.currentDigest = currentDigest;
  if (currentPlatformDigests) facts.currentPlatformDigests = currentPlatformDigests;
  if (tags) facts.tags = tags;
  if (created) facts.created = created;
  if (errors.length > 0) facts.error = errors.join('; ');
  return facts;
}

/** Belt and braces: registry errors sometimes echo the Authorization header they were sent. */
export function redact(message: string): string {
  return message.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]');
}

type Limit = <T>(fn: () => Promise<T>) => Promise<T>;

function limiter(max: number): Limit {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (fn) => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

