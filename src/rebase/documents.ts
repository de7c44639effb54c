// The rebase's document model: an image as fetched (top document, platform manifests, configs),
// which platform manifests it has, which of a base's goes with an image platform, and the layer
// diffIDs a config lists for a manifest. Pure: documents in, facts out.
import { platformDescriptors, type RegistryImageDocuments } from '../image/summary.js';
import { platformKey, platformString, samePlatform } from '../image/platforms.js';
import type { Descriptor, ImageConfig, ImageManifest, Platform } from '../registry/manifest.js';

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

/** One platform's manifest and the config it points at. */
export interface PlatformDocuments {
  manifest: ImageManifest;
  config: ImageConfig;
}

export interface PlatformManifest {
  /** os/arch[/variant] */
  platform: string;
  digest: string;
  descriptor?: Descriptor;
}

export class RebaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RebaseError';
  }
}

export function isTopLayerBase(base: object): base is TopLayerBase {
  return typeof (base as TopLayerBase).topLayer === 'string';
}

export function platformOf(p: Partial<Platform> | undefined): string {
  return platformString(p ? { os: p.os, architecture: p.architecture, ...(p.variant ? { variant: p.variant } : {}) } : undefined);
}

/** An index's runnable entries, with the platform each is for. */
export function indexPlatforms(entries: readonly Descriptor[]): PlatformManifest[] {
  return entries.map((d) => ({ platform: platformOf(d.platform), digest: d.digest, descriptor: d }));
}

/**
 * The platform manifests of an image, with the platform each is for: the index's runnable
 * entries, or the single manifest with the platform its config states.
 */
export function platformManifests(docs: ImageDocuments): PlatformManifest[] {
  if (docs.root.kind === 'index') return indexPlatforms(platformDescriptors(docs.root));
  const config = docs.configs[docs.root.config.digest];
  return [{ platform: platformOf({ os: config?.os, architecture: config?.architecture, ...(config?.variant ? { variant: config.variant } : {}) }), digest: docs.digest }];
}

/**
 * The manifest digest among `candidates` for a platform: exact os/arch/variant first; a
 * variantless entry matches a wanted variant (and the reverse) only when it is the only one of
 * that arch.
 */
export function matchPlatformAmong(candidates: readonly PlatformManifest[], platform: string): string | undefined {
  const exact = candidates.find((c) => samePlatform(c.platform, platform));
  if (exact) return exact.digest;
  // An image whose config names no platform can only go with a single-platform base.
  if (platform === 'unknown/unknown' && candidates.length === 1) return candidates[0]!.digest;
  const osArch = (p: string) => platformKey(p).split('/').slice(0, 2).join('/');
  const sameArch = candidates.filter((c) => osArch(c.platform) === osArch(platform));
  return sameArch.length === 1 ? sameArch[0]!.digest : undefined;
}

/** The manifest digest of `docs` for a platform (matchPlatformAmong its platform manifests). */
export function matchPlatform(docs: ImageDocuments, platform: string): string | undefined {
  return matchPlatformAmong(platformManifests(docs), platform);
}

/** The fetched manifest at `digest` and its config; throws when either was not fetched. */
export function manifestOf(docs: ImageDocuments, digest: string, what: string): PlatformDocuments {
  const manifest = docs.root.kind === 'manifest' && digest === docs.digest ? docs.root : docs.manifests[digest];
  if (manifest === undefined) throw new RebaseError(`${what}: manifest ${digest} was not fetched`);
  const config = docs.configs[manifest.config.digest];
  if (config === undefined) throw new RebaseError(`${what}: config ${manifest.config.digest} was not fetched`);
  return { manifest, config };
}

/** The first platform's manifest and config (an image's labels are read from there). */
export function firstPlatform(docs: ImageDocuments): Partial<PlatformDocuments> {
  const first = platformManifests(docs)[0];
  if (!first) return {};
  const manifest = docs.root.kind === 'manifest' ? docs.root : docs.manifests[first.digest];
  return manifest ? { manifest, config: docs.configs[manifest.config.digest] } : {};
}

/** The config's diffIDs, one per manifest layer; an image where they disagree is refused. */
export function diffIdsOf(manifest: ImageManifest, config: ImageConfig, what: string): string[] {
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== manifest.layers.length) {
    throw new RebaseError(`${what} has ${manifest.layers.length} layers but its config lists ${diffIds.length} diff_ids; refusing to rebase an inconsistent image`);
  }
  return diffIds;
}
