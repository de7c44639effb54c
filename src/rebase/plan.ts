// What a rebase writes, computed from registry documents alone (`crane rebase` / `pack rebase`):
// the image's base layers are swapped for the new base's, its own ("app") layers are kept, and
// the config and manifest are rewritten to match. Pure: documents in, documents (bytes and
// digests) out; nothing here talks to a registry, and no layer blob is ever needed.
//
// Unsafe in general, as crane says: the app layers were built against the old base's files
// (an ABI, a libc, a user database); a rebase only swaps them. Config fields the image inherited
// from the old base (Env, User, WorkingDir, …) are kept as the image has them, not re-derived
// from the new base. Callers should present it that way.
import { createHash } from 'node:crypto';
import { platformDescriptors, type RegistryImageDocuments } from '../image/summary.js';
import { platformKey, platformString, samePlatform } from '../image/platforms.js';
import type { ConfigHistory, Descriptor, ImageConfig, ImageIndex, ImageManifest, Platform } from '../registry/manifest.js';
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

import { LIFECYCLE_METADATA_LABEL, OCI_BASE_DIGEST, OCI_BASE_NAME } from '../image/labels.js';
export { OCI_BASE_DIGEST, OCI_BASE_NAME };

/** An image as fetched: the top document and, per platform, its manifest and config. */
export type ImageDocuments = RegistryImageDocuments;

/**
 * A buildpack image's old base needs no documents: `runImage.topLayer` (the diffID of the run
 * image's top layer) says where the base ends, which is how `pack rebase` works.
 */
export interface TopLayerBase {
  topLayer: string;
  /** For messages: the run image as the label names it. */
  reference?: string;
}

export type OldBase = ImageDocuments | TopLayerBase;

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

export class RebaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RebaseError';
  }
}

/** Canonical bytes for a document we write (compact JSON; its digest is what gets pushed). */
export function documentOf(mediaType: string, value: unknown): PlannedDocument {
  const bytes = Buffer.from(JSON.stringify(value), 'utf8');
  return { mediaType, digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, size: bytes.length, bytes };
}

export function isTopLayerBase(base: object): base is TopLayerBase {
  return typeof (base as TopLayerBase).topLayer === 'string';
}

function platformOf(p: Partial<Platform> | undefined): string {
  return platformString(p ? { os: p.os, architecture: p.architecture, ...(p.variant ? { variant: p.variant } : {}) } : undefined);
}

/**
 * The platform manifests of an image, with the platform each is for: the index's runnable
 * entries, or the single manifest with the platform its config states.
 */
export function platformManifests(docs: ImageDocuments): { platform: string; digest: string; descriptor?: Descriptor }[] {
  if (docs.root.kind === 'index') {
    return platformDescriptors(docs.root).map((d) => ({ platform: platformOf(d.platform), digest: d.digest, descriptor: d }));
  }
  const config = docs.configs[docs.root.config.digest];
  return [{ platform: platformOf({ os: config?.os, architecture: config?.architecture, ...(config?.variant ? { variant: config.variant } : {}) }), digest: docs.digest }];
}

/**
 * The manifest digest of `docs` for a platform: exact os/arch/variant first; a variantless
 * entry matches a wanted variant (and the reverse) only when it is the only one of that arch.
 */
export function matchPlatform(docs: ImageDocuments, platform: string): string | undefined {
  const candidates = platformManifests(docs);
  const exact = candidates.find((c) => samePlatform(c.platform, platform));
  if (exact) return exact.digest;
  // An image whose config names no platform can only go with a single-platform base.
  if (platform === 'unknown/unknown' && candidates.length === 1) return candidates[0]!.digest;
  const osArch = (p: string) => platformKey(p).split('/').slice(0, 2).join('/');
  const sameArch = candidates.filter((c) => osArch(c.platform) === osArch(platform));
  return sameArch.length === 1 ? sameArch[0]!.digest : undefined;
}

function manifestOf(docs: ImageDocuments, digest: string, what: string): { manifest: ImageManifest; config: ImageConfig } {
  const manifest = docs.root.kind === 'manifest' && digest === docs.digest ? docs.root : docs.manifests[digest];
  if (manifest === undefined) throw new RebaseError(`${what}: manifest ${digest} was not fetched`);
  const config = docs.configs[manifest.config.digest];
  if (config === undefined) throw new RebaseError(`${what}: config ${manifest.config.digest} was not fetched`);
  return { manifest, config };
}

function diffIdsOf(manifest: ImageManifest, config: ImageConfig, what: string): string[] {
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== manifest.layers.length) {
    throw new RebaseError(`${what} has ${manifest.layers.length} layers but its config lists ${diffIds.length} diff_ids; refusing to rebase an inconsistent image`);
  }
  return diffIds;
}

const nonEmpty = (h: ConfigHistory) => h.empty_layer !== true;

function historyMatchesLayers(history: readonly ConfigHistory[] | undefined, layers: number): boolean {
  return history !== undefined && history.filter(nonEmpty).length === layers;
}

/** Index just after the n-th history entry that made a layer (0 when n is 0). */
function afterNthLayer(history: readonly ConfigHistory[], n: number): number {
  if (n === 0) return 0;
  let seen = 0;
  for (let i = 0; i < history.length; i++) {
    if (nonEmpty(history[i]!) && ++seen === n) return i + 1;
  }
  return history.length;
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

function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Updates `io.buildpacks.lifecycle.metadata` the way the lifecycle's rebaser does:
 * runImage.topLayer = the new base's top diffID, runImage.reference = repo@manifest digest (the
 * platform manifest, as the lifecycle records it). Other fields are kept in their order.
 */
export function updateLifecycleLabel(label: string, update: { topLayer: string; reference: string; image?: string }): string {
  const parsed = JSON.parse(label) as Record<string, unknown>;
  const runImage = typeof parsed.runImage === 'object' && parsed.runImage !== null ? (parsed.runImage as Record<string, unknown>) : {};
  runImage.topLayer = update.topLayer;
  runImage.reference = update.reference;
  if (update.image !== undefined) runImage.image = update.image;
  parsed.runImage = runImage;
  return JSON.stringify(parsed);
}

interface PlatformInput {
  platform: string;
  sourceDigest: string;
  image: { manifest: ImageManifest; config: ImageConfig };
  oldBase: { manifest: ImageManifest; config: ImageConfig } | TopLayerBase;
  newBase: { manifest: ImageManifest; config: ImageConfig; digest: string };
  newBaseName: string;
  newBaseDigest: string;
  newBaseRepository: string;
}

/** One platform's rebase: the new config and manifest. Throws RebaseError when it is unsafe to tell. */
export function planPlatformRebase(input: PlatformInput, notes: string[] = []): PlatformRebase {
  const where = `image ${input.platform} (${input.sourceDigest})`;
  const { manifest: image, config: imageConfig } = input.image;
  const imageDiffIds = diffIdsOf(image, imageConfig, where);
  const newDiffIds = diffIdsOf(input.newBase.manifest, input.newBase.config, `new base ${input.newBaseName} ${input.platform}`);

  // Where the old base ends in the image.
  let oldCount: number;
  let oldHistory: ConfigHistory[] | undefined;
  if (isTopLayerBase(input.oldBase)) {
    const at = imageDiffIds.indexOf(input.oldBase.topLayer);
    if (at === -1) {
      throw new RebaseError(
        `${where}: the run image's top layer ${input.oldBase.topLayer} (runImage.topLayer of ${LIFECYCLE_METADATA_LABEL}) is not among the image's layers; cannot tell its base layers apart`,
      );
    }
    oldCount = at + 1;
  } else {
    const oldDiffIds = diffIdsOf(input.oldBase.manifest, input.oldBase.config, `old base ${input.platform}`);
    const firstDiff = oldDiffIds.findIndex((d, i) => imageDiffIds[i] !== d);
    if (oldDiffIds.length > imageDiffIds.length || firstDiff !== -1) {
      const at = firstDiff === -1 ? imageDiffIds.length : firstDiff;
      throw new RebaseError(
        `${where}: the old base's layers are not a prefix of the image's layers (they differ at layer ${at}: ` +
          `base ${oldDiffIds[at] ?? '(none)'}, image ${imageDiffIds[at] ?? '(none)'}); ` +
          'the image was not built on that base, so its base layers cannot be told apart. Pass the right --old-base REF@DIGEST',
      );
    }
    oldCount = oldDiffIds.length;
    oldHistory = input.oldBase.config.history;
  }

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

  const imageHistory = imageConfig.history;
  if (imageHistory !== undefined && imageHistory.length > 0) {
    if (!historyMatchesLayers(imageHistory, imageDiffIds.length)) {
      delete config.history;
      notes.push(`${input.platform}: the image's history does not match its layers (${imageHistory.filter(nonEmpty).length} entries made layers, ${imageDiffIds.length} layers); history dropped`);
    } else {
      let split: number;
      if (oldHistory !== undefined && historyMatchesLayers(oldHistory, oldCount) && imageHistory.slice(0, oldHistory.length).filter(nonEmpty).length === oldCount) {
        split = oldHistory.length;
      } else {
        split = afterNthLayer(imageHistory, oldCount);
        notes.push(`${input.platform}: the old base's history is not known or does not line up; split the image's history after its first ${oldCount} layer entries`);
      }
      let newHistory = input.newBase.config.history ?? [];
      if (!historyMatchesLayers(newHistory, newDiffIds.length)) {
        newHistory = newDiffIds.map(() => ({ created_by: `layer of ${input.newBaseName} (strata rebase)` }));
        notes.push(`${input.platform}: the new base's history does not match its layers; one placeholder entry per base layer`);
      }
      config.history = [...cloneJson(newHistory), ...cloneJson(imageHistory.slice(split))];
    }
  }

  const inner = config.config ?? {};
  const labels: Record<string, string> = { ...(inner.Labels ?? {}) };
  labels[OCI_BASE_NAME] = input.newBaseName;
  labels[OCI_BASE_DIGEST] = input.newBaseDigest;
  const lifecycle = labels[LIFECYCLE_METADATA_LABEL];
  if (lifecycle !== undefined) {
    try {
      labels[LIFECYCLE_METADATA_LABEL] = updateLifecycleLabel(lifecycle, {
        topLayer: newDiffIds[newDiffIds.length - 1] ?? '',
        reference: `${input.newBaseRepository}@${input.newBase.digest}`,
      });
    } catch (e) {
      throw new RebaseError(`${where}: the ${LIFECYCLE_METADATA_LABEL} label is not JSON (${(e as Error).message}); refusing to leave it naming the old run image`);
    }
  }
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
    manifestJson.annotations = { ...(image.annotations ?? {}), [OCI_BASE_NAME]: input.newBaseName, [OCI_BASE_DIGEST]: input.newBaseDigest };
  }
  if (image.subject) notes.push(`${input.platform}: the image's subject (${image.subject.digest}) was dropped; it described the old image`);
  const manifestDoc = documentOf(image.mediaType ?? OCI_MANIFEST, manifestJson);

  return {
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
  const notes: string[] = [];
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
    return planPlatformRebase(
      {
        platform: p.platform,
        sourceDigest: p.digest,
        image,
        oldBase,
        newBase,
        newBaseName: input.newBaseName,
        newBaseDigest,
        newBaseRepository: input.newBaseRepository,
      },
      notes,
    );
  });

  let root: PlannedDocument;
  if (input.image.root.kind === 'manifest') {
    root = planned[0]!.manifest;
  } else {
    root = planIndex(input.image.root, planned, { name: input.newBaseName, digest: newBaseDigest }, notes);
  }
  return { root, platforms: planned, sourceDigest: input.image.digest, newBase: { name: input.newBaseName, digest: newBaseDigest }, notes };
}

/** The new index: the same platform entries in the same order, pointing at the new manifests. */
export function planIndex(index: ImageIndex, platforms: readonly PlatformRebase[], base: { name: string; digest: string }, notes: string[] = []): PlannedDocument {
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
  if (oci) json.annotations = { ...(index.annotations ?? {}), [OCI_BASE_NAME]: base.name, [OCI_BASE_DIGEST]: base.digest };
  return documentOf(index.mediaType ?? (oci ? OCI_INDEX : DOCKER_MANIFEST_LIST), json);
}
