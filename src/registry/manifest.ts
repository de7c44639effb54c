// The documents a registry serves (index, manifest, config), checked just enough that later code
// can rely on their shape. Registries and builders vary, so optional fields stay optional.
import { classifyManifest, isSchema1MediaType } from './media-types.js';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  platform?: Platform;
  artifactType?: string;
}

export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
  'os.version'?: string;
}

export interface ImageIndex {
  kind: 'index';
  schemaVersion: number;
  mediaType?: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

export interface ImageManifest {
  kind: 'manifest';
  schemaVersion: number;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
  subject?: Descriptor;
}

export type ManifestDocument = ImageIndex | ImageManifest;

export interface ConfigHistory {
  created?: string;
  author?: string;
  created_by?: string;
  comment?: string;
  empty_layer?: boolean;
}

/** The parts of an image config Strata reads (image-spec config.md). */
export interface ImageConfig {
  created?: string;
  architecture?: string;
  os?: string;
  variant?: string;
  config?: { Labels?: Record<string, string> | null } & Record<string, unknown>;
  rootfs?: { type?: string; diff_ids?: string[] };
  history?: ConfigHistory[];
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

/** Parses a manifest or index body; `where` names it in errors (reference or digest). */
export function parseManifest(raw: string, contentType: string | undefined, where: string): ManifestDocument {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (e) {
    throw new ManifestError(`Manifest of ${where} is not JSON (${(e as Error).message})`);
  }
  if (typeof body !== 'object' || body === null) throw new ManifestError(`Manifest of ${where} is not a JSON object`);
  const b = body as Record<string, unknown>;
  if (isSchema1MediaType(contentType) || isSchema1MediaType(b.mediaType as string) || b.schemaVersion === 1) {
    throw new ManifestError(`Manifest of ${where} is Docker schema 1, which is deprecated and not supported; push it again with a current client`);
  }
  const kind = classifyManifest(contentType, body);
  if (kind === undefined) {
    throw new ManifestError(`Manifest of ${where} has unsupported media type ${JSON.stringify(contentType ?? b.mediaType ?? null)}`);
  }
  const common = {
    schemaVersion: typeof b.schemaVersion === 'number' ? b.schemaVersion : 2,
    ...(typeof b.mediaType === 'string' ? { mediaType: b.mediaType } : {}),
    ...(isStringRecord(b.annotations) ? { annotations: b.annotations } : {}),
  };
  if (kind === 'index') {
    if (!Array.isArray(b.manifests)) throw new ManifestError(`Index of ${where} has no "manifests" array`);
    return { kind, ...common, manifests: b.manifests.map((d, i) => descriptor(d, `${where} manifests[${i}]`)) };
  }
  if (!Array.isArray(b.layers)) throw new ManifestError(`Manifest of ${where} has no "layers" array`);
  return {
    kind,
    ...common,
    config: descriptor(b.config, `${where} config`),
    layers: b.layers.map((d, i) => descriptor(d, `${where} layers[${i}]`)),
    ...(b.subject !== undefined ? { subject: descriptor(b.subject, `${where} subject`) } : {}),
  };
}

export function parseImageConfig(raw: string, where: string): ImageConfig {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (e) {
    throw new ManifestError(`Config ${where} is not JSON (${(e as Error).message})`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ManifestError(`Config ${where} is not a JSON object`);
  return body;
}

function descriptor(value: unknown, where: string): Descriptor {
  if (typeof value !== 'object' || value === null) throw new ManifestError(`Descriptor ${where} is missing or not an object`);
  const d = value as Record<string, unknown>;
  if (typeof d.digest !== 'string' || !d.digest.includes(':')) {
    throw new ManifestError(`Descriptor ${where} has an invalid digest ${JSON.stringify(d.digest ?? null)}`);
  }
  if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
    throw new ManifestError(`Descriptor ${where} has an invalid size ${JSON.stringify(d.size ?? null)}`);
  }
  const out: Descriptor = { mediaType: typeof d.mediaType === 'string' ? d.mediaType : '', digest: d.digest, size: d.size };
  if (isStringRecord(d.annotations)) out.annotations = d.annotations;
  if (typeof d.artifactType === 'string') out.artifactType = d.artifactType;
  if (typeof d.platform === 'object' && d.platform !== null) {
    const p = d.platform as Record<string, unknown>;
    /* eslint-disable @typescript-eslint/no-base-to-string -- the registry's JSON fields, as text */
    out.platform = {
      architecture: String(p.architecture ?? ''),
      os: String(p.os ?? ''),
      /* eslint-enable @typescript-eslint/no-base-to-string */
      ...(typeof p.variant === 'string' ? { variant: p.variant } : {}),
      ...(typeof p['os.version'] === 'string' ? { 'os.version': p['os.version'] } : {}),
    };
  }
  return out;
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}
