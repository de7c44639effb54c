import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// src/registry/media-types.ts
var OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
var OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
var OCI_LAYER_NONDISTRIBUTABLE_GZIP = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
var DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
var DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
var DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
var DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
var DOCKER_FOREIGN_LAYER = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
var DOCKER_MANIFEST_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
var DOCKER_MANIFEST_SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";
var MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST];
var MANIFEST_ACCEPT_HEADER = MANIFEST_ACCEPT.join(", ");
function baseMediaType(mediaType) {
  return mediaType.split(";")[0].trim().toLowerCase();
}
function isIndexMediaType(mediaType) {
  if (mediaType === void 0) return false;
  const t = baseMediaType(mediaType);
  return t === OCI_INDEX || t === DOCKER_MANIFEST_LIST;
}
function isImageManifestMediaType(mediaType) {
  if (mediaType === void 0) return false;
  const t = baseMediaType(mediaType);
  return t === OCI_MANIFEST || t === DOCKER_MANIFEST;
}
function isSchema1MediaType(mediaType) {
  if (mediaType === void 0) return false;
  const t = baseMediaType(mediaType);
  return t === DOCKER_MANIFEST_SCHEMA1 || t === DOCKER_MANIFEST_SCHEMA1_SIGNED;
}
function classifyManifest(contentType, body) {
  for (const candidate of [contentType, mediaTypeField(body)]) {
    if (isIndexMediaType(candidate)) return "index";
    if (isImageManifestMediaType(candidate)) return "manifest";
  }
  if (typeof body === "object" && body !== null) {
    if (Array.isArray(body.manifests)) return "index";
    if (Array.isArray(body.layers)) return "manifest";
  }
  return void 0;
}
function mediaTypeField(body) {
  if (typeof body !== "object" || body === null) return void 0;
  const t = body.mediaType;
  return typeof t === "string" ? t : void 0;
}

export {
  OCI_INDEX,
  OCI_MANIFEST,
  OCI_CONFIG,
  OCI_LAYER_GZIP,
  OCI_LAYER_NONDISTRIBUTABLE_GZIP,
  DOCKER_MANIFEST_LIST,
  DOCKER_CONFIG,
  DOCKER_LAYER,
  DOCKER_FOREIGN_LAYER,
  MANIFEST_ACCEPT_HEADER,
  baseMediaType,
  isImageManifestMediaType,
  isSchema1MediaType,
  classifyManifest
};
