// Media types of the OCI image spec and Docker's v2 schema 2, which registries serve side by side.

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const OCI_LAYER_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';
export const OCI_LAYER_NONDISTRIBUTABLE_GZIP = 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip';

export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
export const DOCKER_LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
export const DOCKER_FOREIGN_LAYER = 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip';
export const DOCKER_MANIFEST_SCHEMA1 = 'application/vnd.docker.distribution.manifest.v1+json';
export const DOCKER_MANIFEST_SCHEMA1_SIGNED = 'application/vnd.docker.distribution.manifest.v1+prettyjws';

/**
 * Sent on every manifest request. Without the list types a registry resolves a multi-platform
 * tag to one platform's manifest (Dependabot learnt this), and without v2s2 older registries fall
 * back to schema 1.
 */
export const MANIFEST_ACCEPT: readonly string[] = [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST];
export const MANIFEST_ACCEPT_HEADER = MANIFEST_ACCEPT.join(', ');

export type ManifestKind = 'index' | 'manifest';

/** Strips parameters such as `; charset=utf-8` that some servers add. */
export function baseMediaType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

export function isIndexMediaType(mediaType: string | undefined): boolean {
  if (mediaType === undefined) return false;
  const t = baseMediaType(mediaType);
  return t === OCI_INDEX || t === DOCKER_MANIFEST_LIST;
}

export function isImageManifestMediaType(mediaType: string | undefined): boolean {
  if (mediaType === undefined) return false;
  const t = baseMediaType(mediaType);
  return t === OCI_MANIFEST || t === DOCKER_MANIFEST;
}

export function isSchema1MediaType(mediaType: string | undefined): boolean {
  if (mediaType === undefined) return false;
  const t = baseMediaType(mediaType);
  return t === DOCKER_MANIFEST_SCHEMA1 || t === DOCKER_MANIFEST_SCHEMA1_SIGNED;
}

export function isConfigMediaType(mediaType: string | undefined): boolean {
  if (mediaType === undefined) return false;
  const t = baseMediaType(mediaType);
  return t === OCI_CONFIG || t === DOCKER_CONFIG;
}

/** Any filesystem layer blob, compressed or not, OCI or Docker. */
export function isLayerMediaType(mediaType: string | undefined): boolean {
  if (mediaType === undefined) return false;
  const t = baseMediaType(mediaType);
  return t.startsWith('application/vnd.oci.image.layer.') || t.startsWith('application/vnd.docker.image.rootfs.');
}

/**
 * Index or single manifest. The Content-Type header wins; the body's own `mediaType` is next;
 * OCI makes that field optional, so the shape (`manifests` vs `layers`) decides last.
 */
export function classifyManifest(contentType: string | undefined, body: unknown): ManifestKind | undefined {
  for (const candidate of [contentType, mediaTypeField(body)]) {
    if (isIndexMediaType(candidate)) return 'index';
    if (isImageManifestMediaType(candidate)) return 'manifest';
  }
  if (typeof body === 'object' && body !== null) {
    if (Array.isArray((body as { manifests?: unknown }).manifests)) return 'index';
    if (Array.isArray((body as { layers?: unknown }).layers)) return 'manifest';
  }
  return undefined;
}

function mediaTypeField(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const t = (body as { mediaType?: unknown }).mediaType;
  return typeof t === 'string' ? t : undefined;
}
