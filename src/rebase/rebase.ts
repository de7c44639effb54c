// `strata rebase`: move an image onto its base tag's current digest without a rebuild, the way
// `crane rebase` and `pack rebase` do. Reads manifests and configs (never layers), plans the new
// documents (plan.ts), and writes them registry side (push.ts).
//
// Which base the image is on, in order: --old-base REF@DIGEST; the image's
// org.opencontainers.image.base.name (+ base.digest) labels; the buildpack lifecycle label's run
// image (runImage.reference, or runImage.topLayer alone when that manifest is gone). The new base
// is --new-base, or the old base's tag as it resolves now.
import type { Logger } from '../adapters.js';
import { LIFECYCLE_METADATA_LABEL, OCI_BASE_DIGEST, OCI_BASE_NAME, namedBase, type RunImageMetadata } from '../image/labels.js';
import type { RegistryClient } from '../registry/client.js';
import { isNotFound } from '../registry/transport.js';
import { readImageDocuments } from '../registry/documents.js';
import { formatReference, parseReference } from '../registry/reference.js';
import type { ImageReference } from '../registry/reference.js';
import type { BlobOutcome } from '../registry/writer.js';
import { RebaseError, firstPlatform, indexPlatforms, matchPlatformAmong, platformManifests, type ImageDocuments, type OldBase } from './documents.js';
import { planRebase, type RebasePlan } from './plan.js';
import { pushRebase, type BlobWriter } from './push.js';

export interface RebaseOptions {
  /** Reads (manifests, configs, digests). */
  client: Pick<RegistryClient, 'getManifest' | 'getConfig' | 'headDigest'>;
  /** Writes; needed unless dryRun. */
  writer?: BlobWriter;
  /** The image to rebase: a tag or a digest reference. */
  image: string;
  /** REF@DIGEST of the base the image was built on (default: from its labels). */
  oldBase?: string;
  /** The base to move onto (default: the old base's tag, resolved now). */
  newBase?: string;
  /**
   * References to write the result to: full references, or bare tag names in the image's
   * repository. Default: the image's own tag (by digest only when IMAGE was a digest).
   */
  tags?: string[];
  logger: Pick<Logger, 'info' | 'debug' | 'warning'>;
  /** Plan, print, write nothing. */
  dryRun?: boolean;
}

export interface RebasePlatformResult {
  platform: string;
  previousDigest: string;
  digest: string;
  oldBaseLayers: number;
  newBaseLayers: number;
  appLayers: number;
}

export interface RebaseResult {
  status: 'rebased' | 'up-to-date' | 'dry-run';
  /** One line for people. */
  message: string;
  image: string;
  previousDigest: string;
  /** The rebased image's digest (the current one when up to date). */
  digest: string;
  oldBase: { name?: string; digest?: string; topLayer?: string; from: string };
  newBase: { name: string; digest: string };
  platforms: RebasePlatformResult[];
  /** References written (none for a dry run or when up to date). */
  pushed: string[];
  blobs?: Record<BlobOutcome, number>;
  notes: string[];
  /** The plan itself (documents and bytes), for callers that want to inspect it. */
  plan?: RebasePlan;
}

interface ResolvedOldBase {
  /** Where the documents are, by digest; undefined with a topLayer-only base. */
  ref?: ImageReference;
  /** A tag reference to resolve for the new base. */
  name?: string;
  digest?: string;
  topLayer?: string;
  from: string;
}

const TAG_ONLY = /^[\w][\w.-]{0,127}$/;

function withoutDigest(ref: ImageReference): ImageReference {
  return { registry: ref.registry, repository: ref.repository, ...(ref.tag !== undefined ? { tag: ref.tag } : {}) };
}

/** `reg/repo:tag` when there is a tag; `reg/repo@digest` otherwise. */
function baseName(ref: ImageReference, digest: string): string {
  return ref.tag !== undefined ? formatReference(withoutDigest(ref)) : formatReference({ registry: ref.registry, repository: ref.repository, digest });
}

/**
 * Reads a reference's top document and, for the wanted platforms (default all), manifests and
 * configs: concurrently, through the run's reader (registry/documents.ts).
 */
export function fetchImageDocuments(
  client: RebaseOptions['client'],
  ref: ImageReference,
  digest?: string,
  platforms?: readonly string[],
): Promise<ImageDocuments> {
  return readImageDocuments(client, ref, {
    ...(digest !== undefined ? { digest } : {}),
    displayName: formatReference(ref),
    ...(platforms ? { choose: (entries) => platforms.map((p) => matchPlatformAmong(indexPlatforms(entries), p)) } : {}),
    nestedIndex: (_reference, d) => new RebaseError(`${formatReference(ref)}: ${d} is a nested index; not supported`),
  });
}

function parseRef(input: string, what: string): ImageReference {
  try {
    return parseReference(input);
  } catch (e) {
    throw new RebaseError(`${what}: ${(e as Error).message}`);
  }
}

/**
 * Which base the image is on: --old-base, else the base.name/base.digest the image records (its
 * manifest's annotations first: a registry-side rebase by crane updates those, not the labels),
 * else the buildpack lifecycle label.
 */
export function resolveOldBase(labels: Record<string, string>, oldBase?: string, annotations?: Record<string, string>): ResolvedOldBase {
  if (oldBase !== undefined) {
    const ref = parseRef(oldBase, '--old-base');
    if (ref.digest === undefined) {
      throw new RebaseError(`--old-base ${JSON.stringify(oldBase)} needs a digest (REF@sha256:…): a tag resolves to today's base, not the one the image was built on`);
    }
    return { ref, ...(ref.tag !== undefined ? { name: formatReference(withoutDigest(ref)) } : {}), digest: ref.digest, from: '--old-base' };
  }
  const named = namedBase(annotations, labels);
  if (named?.kind === 'recorded') {
    const recorded = named;
    const { name } = recorded;
    const where = recorded.from === 'annotations' ? 'annotation' : 'label';
    const ref = parseRef(name, `the image's ${OCI_BASE_NAME} ${where}`);
    const digest = ref.digest ?? recorded.digest;
    if (!digest) {
      throw new RebaseError(`the image's ${OCI_BASE_NAME} ${where} names ${name} but no ${OCI_BASE_DIGEST} records which digest it was built on; pass --old-base REF@DIGEST`);
    }
    return { ref: { ...ref, digest }, ...(ref.tag !== undefined ? { name: formatReference(withoutDigest(ref)) } : {}), digest, from: `the ${OCI_BASE_NAME} / base.digest ${where}s` };
  }
  const run: RunImageMetadata = named?.kind === 'run-image' ? named.run : {};
  if (run.reference || run.topLayer) {
    const from = `the run image in the ${LIFECYCLE_METADATA_LABEL} label`;
    let ref: ImageReference | undefined;
    // runImage.reference is repo@digest when the image was published; a local image id otherwise.
    if (run.reference && run.reference.lastIndexOf('@') > 0) {
      try {
        ref = parseReference(run.reference);
      } catch {
        ref = undefined;
      }
    }
    const imageName = run.image ? parseRef(run.image, `runImage.image ${JSON.stringify(run.image)}`) : undefined;
    return {
      ...(ref ? { ref } : {}),
      ...(imageName ? { name: formatReference(withoutDigest(imageName)) } : ref?.tag !== undefined ? { name: formatReference(withoutDigest(ref)) } : {}),
      ...(ref?.digest ? { digest: ref.digest } : {}),
      ...(run.topLayer ? { topLayer: run.topLayer } : {}),
      from,
    };
  }
  throw new RebaseError(
    `no base image is known for this image: it has neither the ${OCI_BASE_NAME} / ${OCI_BASE_DIGEST} labels nor a buildpack ${LIFECYCLE_METADATA_LABEL} label; pass --old-base REF@DIGEST`,
  );
}

/** --tag values (full references or bare tags) → targets; default: the image's own tag. */
export function resolveTargets(image: ImageReference, tags: readonly string[] | undefined): ImageReference[] {
  if (!tags || tags.length === 0) return [withoutDigest(image).tag !== undefined ? withoutDigest(image) : { registry: image.registry, repository: image.repository }];
  return tags.map((t) => {
    const v = t.trim();
    if (TAG_ONLY.test(v) && !v.includes(':')) return { registry: image.registry, repository: image.repository, tag: v };
    const ref = parseRef(v, `--tag ${JSON.stringify(v)}`);
    if (ref.digest !== undefined) throw new RebaseError(`--tag ${JSON.stringify(v)} has a digest; a tag is what gets written (the digest is the result's)`);
    return ref;
  });
}

export async function rebaseImage(opts: RebaseOptions): Promise<RebaseResult> {
  const { client, logger } = opts;
  const imageRef = parseRef(opts.image, 'IMAGE');
  const targets = resolveTargets(imageRef, opts.tags);

  const image = await fetchImageDocuments(client, imageRef);
  const platforms = platformManifests(image).map((p) => p.platform);
  const first = firstPlatform(image);
  const labels = { ...(first.config?.config?.Labels ?? {}) };
  const old = resolveOldBase(labels, opts.oldBase, first.manifest?.annotations);
  logger.info(`image     ${formatReference(imageRef)} (${image.digest}), ${platforms.join(', ')}`);
  logger.info(`old base  ${old.name ?? old.ref?.repository ?? '(unnamed)'}${old.digest ? `@${old.digest}` : ''}${old.topLayer && !old.digest ? ` (top layer ${old.topLayer})` : ''}: from ${old.from}`);

  // The new base: as given, or the old base's tag now.
  const newInput = opts.newBase ?? old.name;
  if (newInput === undefined) {
    throw new RebaseError(`the old base (${old.ref ? formatReference(old.ref) : old.topLayer}) has no tag to resolve again; pass --new-base REF`);
  }
  const newRef = parseRef(newInput, opts.newBase !== undefined ? '--new-base' : 'the old base');
  const newDigest = newRef.digest ?? (await client.headDigest(newRef)).digest;
  const newName = baseName(newRef, newDigest);
  logger.info(`new base  ${newName}@${newDigest}`);
  const newBase = await fetchImageDocuments(client, newRef, newDigest, platforms);

  const base = {
    image: formatReference(imageRef),
    previousDigest: image.digest,
    oldBase: { ...(old.name ? { name: old.name } : {}), ...(old.digest ? { digest: old.digest } : {}), ...(old.topLayer ? { topLayer: old.topLayer } : {}), from: old.from },
    newBase: { name: newName, digest: newDigest },
  };

  // Already there: the same digest, or (a buildpack label records the platform manifest) one of
  // the new base's platform manifests.
  const newPlatformDigests = new Set(platformManifests(newBase).map((p) => p.digest));
  // With only runImage.topLayer known (a buildpack image whose run image was not published by
  // digest): already there when the new base's top layer is that layer.
  const newTop = firstPlatform(newBase).config?.rootfs?.diff_ids?.at(-1);
  const sameTop = old.digest === undefined && old.topLayer !== undefined && newTop === old.topLayer;
  if (sameTop || (old.digest !== undefined && (old.digest === newDigest || newPlatformDigests.has(old.digest)))) {
    const message = `${base.image} is already on the current base ${newName}@${newDigest}; nothing to do`;
    logger.info(message);
    return { status: 'up-to-date', message, ...base, digest: image.digest, platforms: [], pushed: [], notes: [] };
  }

  let oldBase: OldBase;
  if (old.ref) {
    try {
      oldBase = await fetchImageDocuments(client, old.ref, old.digest, platforms);
    } catch (e) {
      // A buildpack image can do without: the label's topLayer marks where its base ends.
      if (!(old.topLayer && isNotFound(e))) throw e;
      logger.warning(`the old run image ${formatReference(old.ref)} is gone (${e.message}); splitting at runImage.topLayer ${old.topLayer}`);
      oldBase = { topLayer: old.topLayer, reference: formatReference(old.ref) };
    }
  } else {
    oldBase = { topLayer: old.topLayer!, ...(old.name ? { reference: old.name } : {}) };
  }

  const plan = planRebase({
    image,
    oldBase,
    newBase,
    newBaseName: newName,
    newBaseRepository: `${newRef.registry}/${newRef.repository}`,
  });
  for (const note of plan.notes) logger.info(`note: ${note}`);
  const platformResults = plan.platforms.map((p) => ({
    platform: p.platform,
    previousDigest: p.sourceDigest,
    digest: p.manifest.digest,
    oldBaseLayers: p.oldBaseLayers.length,
    newBaseLayers: p.newBaseLayers.length,
    appLayers: p.appLayers.length,
  }));
  for (const p of platformResults) {
    logger.info(`${p.platform.padEnd(14)} ${p.oldBaseLayers} base layer(s) → ${p.newBaseLayers}, ${p.appLayers} app layer(s) kept: ${p.digest}`);
  }

  const targetText = targets.map((t) => formatReference(t)).join(', ');
  if (opts.dryRun) {
    const message = `dry run: would push ${plan.root.digest} to ${targetText}`;
    logger.info(message);
    return { status: 'dry-run', message, ...base, digest: plan.root.digest, platforms: platformResults, pushed: [], notes: plan.notes, plan };
  }
  if (!opts.writer) throw new RebaseError('rebaseImage needs a writer unless dryRun is set');
  const pushed = await pushRebase({
    writer: opts.writer,
    plan,
    imageRepository: { registry: imageRef.registry, repository: imageRef.repository },
    newBaseRepository: { registry: newRef.registry, repository: newRef.repository },
    targets,
    logger,
  });
  const b = pushed.blobs;
  const message = `rebased ${base.image} onto ${newName}@${newDigest}: ${plan.root.digest} (layers: ${b.exists} present, ${b.mounted} mounted, ${b.copied} copied)`;
  logger.info(message);
  return { status: 'rebased', message, ...base, digest: plan.root.digest, platforms: platformResults, pushed: pushed.pushed, blobs: b, notes: plan.notes, plan };
}
