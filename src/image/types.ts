// What Strata knows about a built or published image, independent of where it was read from.

/** One entry of the config's history, as the image config records it. */
export interface HistoryEntry {
  created?: string;
  createdBy?: string;
  comment?: string;
  emptyLayer: boolean;
}

export interface LayerInfo {
  /** Blob digest in a registry; the diffID for images read from the engine. */
  digest: string;
  /** Bytes: compressed (registry blob size) or uncompressed (engine), see ImageSummary.sizeKind. */
  size: number;
  mediaType?: string;
  /** Digest of the uncompressed tar (config rootfs.diff_ids), when known. */
  diffId?: string;
}

export interface PlatformImage {
  /** os/arch or os/arch/variant */
  platform: string;
  manifestDigest: string;
  configDigest: string;
  /** Config `created`, RFC 3339. */
  created?: string;
  layers: LayerInfo[];
  history: HistoryEntry[];
  labels: Record<string, string>;
  /** The platform manifest's annotations (registry images only). */
  annotations?: Record<string, string>;
}

export interface ImageSummary {
  /** The reference it was read as, e.g. 127.0.0.1:5000/app:pr-3 */
  reference: string;
  /** Digest the reference resolved to (index digest for multi-platform images). */
  digest: string;
  source: 'registry' | 'engine';
  sizeKind: 'compressed' | 'uncompressed';
  platforms: PlatformImage[];
}
