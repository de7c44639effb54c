// Registry documents -> ImageSummary. Sizes are the manifests' compressed blob sizes, so no layer
// is ever downloaded to describe an image.
import type { Descriptor, ImageConfig, ImageIndex, ImageManifest, ManifestDocument } from '../registry/manifest.js';
import { isImageManifestMediaType } from '../registry/media-types.js';
import type { HistoryEntry, ImageSummary, LayerInfo, PlatformImage } from './types.js';
import { platformString } from './platforms.js';

export interface RegistryImageDocuments {
  /** The reference as the user wrote it (kept for the report). */
  reference: string;
  /** Digest of the top-level document. */
  digest: string;
  root: ManifestDocument;
  /** Platform manifests of an index, by digest (unused for a single manifest). */
  manifests: Record<string, ImageManifest>;
  /** Configs by digest. */
  configs: Record<string, ImageConfig>;
}

const ATTESTATION_TYPE = 'attestation-manifest';

/**
 * The index entries that are runnable images. BuildKit stores provenance/SBOM attestations as
 * extra manifests with platform unknown/unknown; counting them would add phantom platforms.
 */
export function platformDescriptors(index: ImageIndex): Descriptor[] {
  return index.manifests.filter((d) => {
    if (d.annotations?.['vnd.docker.reference.type'] === ATTESTATION_TYPE) return false;
    if (d.platform?.os === 'unknown' && d.platform.architecture === 'unknown') return false;
    // A nested index or an artifact is not one platform's image.
    if (d.mediaType !== '' && !isImageManifestMediaType(d.mediaType)) return false;
    return true;
  });
}

export function summarizeRegistryImage(docs: RegistryImageDocuments): ImageSummary {
  const platforms: PlatformImage[] = [];
  if (docs.root.kind === 'index') {
    for (const d of platformDescriptors(docs.root)) {
      const manifest = docs.manifests[d.digest];
      if (manifest === undefined) throw new Error(`Summary of ${docs.reference}: manifest ${d.digest} was not fetched`);
      platforms.push(platformImage(docs, d.digest, manifest, d.platform));
    }
  } else {
    platforms.push(platformImage(docs, docs.digest, docs.root, undefined));
  }
  return { reference: docs.reference, digest: docs.digest, source: 'registry', sizeKind: 'compressed', platforms };
}

function platformImage(docs: RegistryImageDocuments, manifestDigest: string, manifest: ImageManifest, indexPlatform: Descriptor['platform']): PlatformImage {
  const config = docs.configs[manifest.config.digest];
  if (config === undefined) throw new Error(`Summary of ${docs.reference}: config ${manifest.config.digest} was not fetched`);
  const diffIds = config.rootfs?.diff_ids ?? [];
  const layers: LayerInfo[] = manifest.layers.map((l, i) => ({
    digest: l.digest,
    size: l.size,
    ...(l.mediaType ? { mediaType: l.mediaType } : {}),
    ...(diffIds[i] !== undefined ? { diffId: diffIds[i] } : {}),
  }));
  // The index's platform is authoritative (it is what clients select by); the config's is the
  // fallback for single-manifest images.
  const platform = platformString(indexPlatform ?? { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) });
  return {
    platform,
    manifestDigest,
    configDigest: manifest.config.digest,
    ...(config.created ? { created: config.created } : {}),
    layers,
    history: historyEntries(config),
    labels: { ...(config.config?.Labels ?? {}) },
    ...(manifest.annotations && Object.keys(manifest.annotations).length > 0 ? { annotations: { ...manifest.annotations } } : {}),
  };
}

export function historyEntries(config: ImageConfig): HistoryEntry[] {
  return (config.history ?? []).map((h) => ({
    ...(h.created ? { created: h.created } : {}),
    ...(h.created_by ? { createdBy: h.created_by } : {}),
    ...(h.comment ? { comment: h.comment } : {}),
    emptyLayer: h.empty_layer === true,
  }));
}
