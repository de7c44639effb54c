// What a rebase writes, computed from registry documents alone (`crane rebase` / `pack rebase`):
// the image's base layers are swapped for the new base's, its own ("app") layers are kept, and
// the config and manifest are rewritten to match. Pure: documents in, documents (bytes and
// digests) out; nothing here talks to a registry, and no layer blob is ever needed.
//
// Unsafe in general, as crane says: the app layers were built against the old base's files
// (an ABI, a libc, a user database); a rebase only swaps them. Config fields the image inherited
// from the old base (Env, User, WorkingDir, …) are kept as the image has them, not re-derived
// from the new base. Callers should present it that way.
//
// Its parts: documents.ts (which platform manifests, matched how), history.ts (where the base
// ends, the new history), labels.ts (what the image records about its base); here, the new
// layer lists, configs, manifests and index, and the notes a reader should see.
import { createHash } from 'node:crypto';
import { platformDescriptors } from '../image/summary.js';
import type { Descriptor, ImageConfig, ImageIndex, ImageManifest } from '../registry/manifest.js';
import {
  DOCKER_FOREIGN_LAYER,
  DOCKER_LAYER,
  DOCKER_MANIFEST_LIST,
  OCI_INDEX,
  OCI_LAYER_GZIP,
  OCI_LAYER_NONDISTRIBUTABLE_GZIP,
  OCI_MANIFEST,
  baseMediaType,
} from '../registry/media-types.js';
import {
  RebaseError,
  diffIdsOf,
  isTopLayerBase,
  manifestOf,
  matchPlatform,
  platformManifests,
  platformOf,
  type ImageDocuments,
  type OldBase,
  type PlatformDocuments,
  type TopLayerBase,
} from './documents.js';
import { baseLayerCount, cloneJson, spliceHistory } from './history.js';
import { rebasedAnnotations, rebasedLabels, type NewBaseRecord } from './labels.js';

export interface RebasePlanInput {
  image: ImageDocuments;
  oldBase: OldBase;
  newBase: ImageDocuments;
  /** The new base's name as recorded in `base.name` (a tag reference, fully qualified). */
  newBaseName: string;
  /** `registry/repository` of the new base, for the buildpack label's runImage.reference. */
  newBaseRepository: string;
}

/** A document to upload: its bytes and the descriptor that points at them. */
export interface PlannedDocument {
  mediaType: string;
  digest: string;
  size: number;
  bytes: Buffer;
}

export interface PlatformRebase {
  /** os/arch[/variant] */
  platform: string;
  /** The image's manifest digest for this platform, before the rebase. */
  sourceDigest: string;
  manifest: PlannedDocument;
  config: PlannedDocument;
  /** The new config as an object (what `config` holds). */
  configDocument: ImageConfig;
  /** The image's layers that came from the old base (dropped). */
  oldBaseLayers: Descriptor[];
  /** The new base's layers (they must be made present in the target repository). */
  newBaseLayers: Descriptor[];
  /** The image's own layers, kept byte for byte. */
  appLayers: Descriptor[];
  /** The new base's manifest for this platform. */
  newBaseManifestDigest: string;
}

export interface RebasePlan {
  /** What the image's reference will point at: the new index, or the single manifest. */
  root: PlannedDocument;
  /** Per platform, in the order of the image's index. */
  platforms: PlatformRebase[];
  /** The image's digest before the rebase. */
  sourceDigest: string;
  newBase: { name: string; digest: string };
  /** Things a reader should know: dropped attestations, history that could not be spliced, … */
  notes: string[];
}

/** Canonical bytes for a document we write (compact JSON; its digest is what gets pushed). */
export function documentOf(mediaType: string, value: unknown): PlannedDocument {
  const bytes = Buffer.from(JSON.stringify(value), 'utf8');
  return { mediaType, digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, size: bytes.length, bytes };
}

function isOciManifest(manifest: ImageManifest): boolean {
  // OCI makes mediaType optional in the manifest; its absence means OCI (Docker v2s2 requires it).
  return manifest.mediaType === undefined || baseMediaType(manifest.mediaType) === OCI_MANIFEST;
}

/**
 * A new-base layer descriptor as it goes into the image's manifest.
 *
 * - An OCI image keeps Docker-typed base layers as they are: registries accept mixed layer media
 *   types in an OCI manifest, clients read both, and relabelling would gain nothing.
 * - A Docker v2s2 image has one layer type (gzip tar). An OCI gzip layer is the same bytes, so it
 *   is relabelled; an OCI zstd or uncompressed layer has no v2s2 type, so the rebase is refused
 *   rather than writing a manifest Docker clients may not pull.
 * - Foreign / non-distributable layers (Windows bases) live outside the registry and cannot be
 *   mounted or copied: refused.
 */
function baseLayerFor(image: ImageManifest, layer: Descriptor, what: string): Descriptor {
  const type = baseMediaType(layer.mediaType);
  if (type === DOCKER_FOREIGN_LAYER || type.includes('.nondistributable.') || type === OCI_LAYER_NONDISTRIBUTABLE_GZIP) {
    throw new RebaseError(`${what}: layer ${layer.digest} is a foreign (non-distributable) layer (${layer.mediaType}); rebasing onto it is not supported`);
  }
  if (isOciManifest(image)) return { ...layer };
  if (type === DOCKER_LAYER) {
    const { annotations: _a, ...rest } = layer;
    return rest;
  }
  if (type === OCI_LAYER_GZIP) return { mediaType: DOCKER_LAYER, digest: layer.digest, size: layer.size };
  throw new RebaseError(
    `${what}: layer ${layer.digest} has media type ${layer.mediaType}, which a Docker v2s2 manifest cannot carry; push the image as OCI, or use a gzip-compressed base`,
  );
}

function descriptorJson(d: Descriptor, oci: boolean): Record<string, unknown> {
  return {
    mediaType: d.mediaType,
    digest: d.digest,
    size: d.size,
    ...(oci && d.annotations && Object.keys(d.annotations).length ? { annotations: d.annotations } : {}),
    ...(oci && d.artifactType ? { artifactType: d.artifactType } : {}),
    ...(d.platform ? { platform: d.platform } : {}),
  };
}

interface PlatformInput {
  platform: string;
  sourceDigest: string;
  image: PlatformDocuments;
  oldBase: PlatformDocuments | TopLayerBase;
  newBase: PlatformDocuments & { digest: string };
  newBaseName: string;
  newBaseDigest: string;
  newBaseRepository: string;
}

/** One platform's rebase: the new config and manifest, and notes for a reader. Throws RebaseError when it is unsafe to tell. */
export function planPlatformRebase(input: PlatformInput): { platform: PlatformRebase; notes: string[] } {
  const where = `image ${input.platform} (${input.sourceDigest})`;
  const { manifest: image, config: imageConfig } = input.image;
  const imageDiffIds = diffIdsOf(image, imageConfig, where);
  const newDiffIds = diffIdsOf(input.newBase.manifest, input.newBase.config, `new base ${input.newBaseName} ${input.platform}`);

  // Where the old base ends in the image.
  const oldBase = isTopLayerBase(input.oldBase)
    ? input.oldBase
    : { diffIds: diffIdsOf(input.oldBase.manifest, input.oldBase.config, `old base ${input.platform}`), history: input.oldBase.config.history };
  const oldCount = baseLayerCount(imageDiffIds, oldBase, where);

  const imageOs = imageConfig.os;
  const imageArch = imageConfig.architecture;
  if ((imageOs && input.newBase.config.os && imageOs !== input.newBase.config.os) || (imageArch && input.newBase.config.architecture && imageArch !== input.newBase.config.architecture)) {
    throw new RebaseError(`${where}: the new base is ${input.newBase.config.os}/${input.newBase.config.architecture}, the image ${imageOs}/${imageArch}`);
  }

  const oldBaseLayers = image.layers.slice(0, oldCount);
  const appLayers = image.layers.slice(oldCount);
  const newBaseLayers = input.newBase.manifest.layers.map((l) => baseLayerFor(image, l, `new base ${input.newBaseName} ${input.platform}`));

  // Config: the image's own, with the rootfs and history spliced and the base recorded.
  const config = cloneJson(imageConfig) as ImageConfig & Record<string, unknown>;
  config.rootfs = { ...(config.rootfs ?? {}), type: 'layers', diff_ids: [...newDiffIds, ...imageDiffIds.slice(oldCount)] };

  const spliced = spliceHistory({
    platform: input.platform,
    imageHistory: imageConfig.history,
    imageLayers: imageDiffIds.length,
    oldLayers: oldCount,
    oldHistory: isTopLayerBase(oldBase) ? undefined : oldBase.history,
    newHistory: input.newBase.config.history,
    newLayers: newDiffIds.length,
    newBaseName: input.newBaseName,
  });
  const notes = spliced.notes;
  if (spliced.history === undefined) delete config.history;
  else config.history = spliced.history;

  const record = { name: input.newBaseName, digest: input.newBaseDigest };
  const inner = config.config ?? {};
  const labels = rebasedLabels(
    inner.Labels ?? {},
    { ...record, topLayer: newDiffIds[newDiffIds.length - 1] ?? '', runImageReference: `${input.newBaseRepository}@${input.newBase.digest}` },
    where,
  );
  config.config = { ...inner, Labels: labels };

  const configDoc = documentOf(image.config.mediaType, config);

  const oci = isOciManifest(image);
  const manifestJson: Record<string, unknown> = {
    schemaVersion: 2,
    ...(image.mediaType !== undefined ? { mediaType: image.mediaType } : {}),
    config: descriptorJson({ mediaType: image.config.mediaType, digest: configDoc.digest, size: configDoc.size }, oci),
    layers: [...newBaseLayers, ...appLayers].map((l) => descriptorJson(l, oci)),
  };
  if (oci) {
    manifestJson.annotations = rebasedAnnotations(image.annotations, record);
  }
  if (image.subject) notes.push(`${input.platform}: the image's subject (${image.subject.digest}) was dropped; it described the old image`);
  const manifestDoc = documentOf(image.mediaType ?? OCI_MANIFEST, manifestJson);

  const platform: PlatformRebase = {
    platform: input.platform,
    sourceDigest: input.sourceDigest,
    manifest: manifestDoc,
    config: configDoc,
    configDocument: config,
    oldBaseLayers,
    newBaseLayers,
    appLayers,
    newBaseManifestDigest: input.newBase.digest,
  };
  return { platform, notes };
}

/** Why an index entry is not carried over, or undefined when it is a platform image. */
function droppedReason(d: Descriptor, runnable: Set<string>): string | undefined {
  if (runnable.has(d.digest)) return undefined;
  if (d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') {
    return `attestation manifest ${d.digest} dropped: it attests the old image (for ${d.annotations['vnd.docker.reference.digest'] ?? 'an old manifest'}), not the rebased one`;
  }
  return `index entry ${d.digest} (${d.mediaType || 'no media type'}${d.platform ? `, ${platformOf(d.platform)}` : ''}) dropped: not a platform image that can be rebased`;
}

/**
 * The whole rebase: per platform of the image, the old and new base's matching manifests; for an
 * index, a new index with the same platforms in the same order.
 */
export function planRebase(input: RebasePlanInput): RebasePlan {
  const newBaseDigest = input.newBase.digest;
  const platforms = platformManifests(input.image);
  if (platforms.length === 0) throw new RebaseError(`image ${input.image.reference} has no platform images to rebase`);

  const planned = platforms.map((p) => {
    const image = manifestOf(input.image, p.digest, `image ${p.platform}`);
    const newDigest = matchPlatform(input.newBase, p.platform);
    if (newDigest === undefined) {
      throw new RebaseError(
        `the new base ${input.newBaseName} has no ${p.platform} image (it has ${platformManifests(input.newBase).map((x) => x.platform).join(', ') || 'none'})`,
      );
    }
    const newBase = { ...manifestOf(input.newBase, newDigest, `new base ${p.platform}`), digest: newDigest };
    let oldBase: PlatformInput['oldBase'];
    if (isTopLayerBase(input.oldBase)) {
      oldBase = input.oldBase;
    } else {
      const oldDigest = matchPlatform(input.oldBase, p.platform);
      if (oldDigest === undefined) throw new RebaseError(`the old base ${input.oldBase.reference} has no ${p.platform} image`);
      oldBase = manifestOf(input.oldBase, oldDigest, `old base ${p.platform}`);
    }
    return planPlatformRebase({
      platform: p.platform,
      sourceDigest: p.digest,
      image,
      oldBase,
      newBase,
      newBaseName: input.newBaseName,
      newBaseDigest,
      newBaseRepository: input.newBaseRepository,
    });
  });
  const platformPlans = planned.map((p) => p.platform);
  const notes = planned.flatMap((p) => p.notes);

  let root: PlannedDocument;
  if (input.image.root.kind === 'manifest') {
    root = platformPlans[0]!.manifest;
  } else {
    const index = planIndex(input.image.root, platformPlans, { name: input.newBaseName, digest: newBaseDigest });
    root = index.document;
    notes.push(...index.notes);
  }
  return { root, platforms: platformPlans, sourceDigest: input.image.digest, newBase: { name: input.newBaseName, digest: newBaseDigest }, notes };
}

/** The new index: the same platform entries in the same order, pointing at the new manifests; notes say what was dropped. */
export function planIndex(index: ImageIndex, platforms: readonly PlatformRebase[], base: NewBaseRecord): { document: PlannedDocument; notes: string[] } {
  const notes: string[] = [];
  const bySource = new Map(platforms.map((p) => [p.sourceDigest, p]));
  const runnable = new Set(platformDescriptors(index).map((d) => d.digest));
  const oci = index.mediaType === undefined || baseMediaType(index.mediaType) === OCI_INDEX;
  const manifests: Record<string, unknown>[] = [];
  for (const d of index.manifests) {
    const why = droppedReason(d, runnable);
    if (why !== undefined) {
      notes.push(why);
      continue;
    }
    const p = bySource.get(d.digest);
    if (p === undefined) throw new RebaseError(`index entry ${d.digest} (${platformOf(d.platform)}) has no rebased manifest`);
    manifests.push(descriptorJson({ ...d, mediaType: p.manifest.mediaType, digest: p.manifest.digest, size: p.manifest.size }, oci));
  }
  const json: Record<string, unknown> = {
    schemaVersion: 2,
    ...(index.mediaType !== undefined ? { mediaType: index.mediaType } : {}),
    manifests,
  };
  if (oci) json.annotations = rebasedAnnotations(index.annotations, base);
  return { document: documentOf(index.mediaType ?? (oci ? OCI_INDEX : DOCKER_MANIFEST_LIST), json), notes };
}
