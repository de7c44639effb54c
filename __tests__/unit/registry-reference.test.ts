import { describe, expect, it } from 'vitest';
import {
  apiHost,
  digestOf,
  familiarReference,
  formatReference,
  isLoopbackRegistry,
  manifestReference,
  parseReference,
  repositoryOf,
  tagOf,
} from '../../src/registry/reference.js';
import {
  MANIFEST_ACCEPT,
  classifyManifest,
  isConfigMediaType,
  isIndexMediaType,
  isImageManifestMediaType,
  isLayerMediaType,
} from '../../src/registry/media-types.js';

const D = `sha256:${'a'.repeat(64)}`;

describe('parseReference', () => {
  it.each([
    ['busybox', { registry: 'docker.io', repository: 'library/busybox', tag: 'latest' }],
    ['busybox:1.36', { registry: 'docker.io', repository: 'library/busybox', tag: '1.36' }],
    ['library/busybox', { registry: 'docker.io', repository: 'library/busybox', tag: 'latest' }],
    ['docker.io/busybox', { registry: 'docker.io', repository: 'library/busybox', tag: 'latest' }],
    ['index.docker.io/library/node:20-alpine', { registry: 'docker.io', repository: 'library/node', tag: '20-alpine' }],
    ['registry-1.docker.io/bitnami/redis', { registry: 'docker.io', repository: 'bitnami/redis', tag: 'latest' }],
    ['bitnami/redis:7.2', { registry: 'docker.io', repository: 'bitnami/redis', tag: '7.2' }],
    ['ghcr.io/owner/repo/app:pr-3', { registry: 'ghcr.io', repository: 'owner/repo/app', tag: 'pr-3' }],
    ['localhost/app', { registry: 'localhost', repository: 'app', tag: 'latest' }],
    ['localhost:5000/app:v1', { registry: 'localhost:5000', repository: 'app', tag: 'v1' }],
    ['127.0.0.1:5000/library/busybox:1.35', { registry: '127.0.0.1:5000', repository: 'library/busybox', tag: '1.35' }],
    [`node@${D}`, { registry: 'docker.io', repository: 'library/node', digest: D }],
    [`node:20@${D}`, { registry: 'docker.io', repository: 'library/node', tag: '20', digest: D }],
    [`127.0.0.1:5000/app@${D}`, { registry: '127.0.0.1:5000', repository: 'app', digest: D }],
    ['[::1]:5000/app:x', { registry: '[::1]:5000', repository: 'app', tag: 'x' }],
    ['my-registry.example.com:443/a__b/c-d.e:T_1.0-rc', { registry: 'my-registry.example.com:443', repository: 'a__b/c-d.e', tag: 'T_1.0-rc' }],
    ['  busybox  ', { registry: 'docker.io', repository: 'library/busybox', tag: 'latest' }],
    ['GHCR.IO/owner/app', { registry: 'ghcr.io', repository: 'owner/app', tag: 'latest' }],
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toEqual(expected);
  });

  it.each([
    ['', /is empty/],
    ['Busybox', /must be lowercase/],
    ['ghcr.io/Owner/app', /"Owner".*lowercase/],
    ['app:', /tag ""/],
    ['app:-bad', /tag "-bad"/],
    [`app:${'x'.repeat(129)}`, /tag/],
    ['app@sha256:abc', /64 lowercase hex/],
    ['app@nodigest', /algorithm:hex/],
    ['ghcr.io/', /repository name is missing/],
    ['a//b', /path component ""/],
    ['app_/x', /path component "app_"/],
    ['ex ample.com/app', /host "ex ample.com"/],
  ])('rejects %j', (input, message) => {
    expect(() => parseReference(input)).toThrow(message);
  });

  it('quotes the input in the error', () => {
    expect(() => parseReference('Foo/Bar')).toThrow('Invalid image reference "Foo/Bar"');
  });
});

describe('reference parts as written (repositoryOf, tagOf, digestOf)', () => {
  // The ad hoc copies these replace (tag-flavour, report/produce, build/pack, dockerfile-mode)
  // disagreed on the rows marked "differed"; the grammar decides.
  it.each([
    ['node:20.11-slim', 'node', '20.11-slim', undefined],
    ['127.0.0.1:5000/app:pr-3', '127.0.0.1:5000/app', 'pr-3', undefined],
    [`ghcr.io/o/base:1@${D}`, 'ghcr.io/o/base', '1', D],
    ['localhost:5000/app', 'localhost:5000/app', undefined, undefined],
    [`alpine@${D}`, 'alpine', undefined, D],
    // No implied `latest`: the tag as written.
    ['node', 'node', undefined, undefined],
    // differed: tag-flavour took any text after `@` as the digest; a short sha256 makes the
    // reference invalid, and an invalid reference has no tag or digest to act on.
    ['ghcr.io/o/base:1@sha256:abc', 'ghcr.io/o/base', undefined, undefined],
    // differed: build/pack took `repo@latest` to be pinned to the digest "latest".
    ['app@latest', 'app', undefined, undefined],
    // differed: report/produce only stripped sha256 digests, leaving `app@sha512:…` whole.
    [`app:1@sha512:${'b'.repeat(128)}`, 'app', '1', `sha512:${'b'.repeat(128)}`],
    // differed: dockerfile-mode's version regex took an invalid tag; the grammar does not.
    ['app:-dash', 'app', undefined, undefined],
  ])('%s', (ref, repo, tag, digest) => {
    expect(repositoryOf(ref)).toBe(repo);
    expect(tagOf(ref)).toBe(tag);
    expect(digestOf(ref)).toBe(digest);
  });

  it('a bare image id (what pack records for a daemon export) has no registry digest', () => {
    expect(digestOf(D)).toBeUndefined();
    expect(digestOf(undefined)).toBeUndefined();
  });
});

describe('formatting', () => {
  it.each([
    ['busybox', 'docker.io/library/busybox:latest', 'busybox:latest'],
    ['bitnami/redis:7', 'docker.io/bitnami/redis:7', 'bitnami/redis:7'],
    [`127.0.0.1:5000/app:1@${D}`, `127.0.0.1:5000/app:1@${D}`, `127.0.0.1:5000/app:1@${D}`],
    ['docker.io/library/a/b', 'docker.io/library/a/b:latest', 'library/a/b:latest'],
  ])('%s', (input, full, familiar) => {
    const ref = parseReference(input);
    expect(formatReference(ref)).toBe(full);
    expect(familiarReference(ref)).toBe(familiar);
    expect(parseReference(formatReference(ref))).toEqual(ref);
  });

  it('uses the digest over the tag for manifest requests', () => {
    expect(manifestReference(parseReference(`a:1@${D}`))).toBe(D);
    expect(manifestReference(parseReference('a:1'))).toBe('1');
  });
});

describe('hosts', () => {
  it.each([
    ['docker.io', 'registry-1.docker.io'],
    ['index.docker.io', 'registry-1.docker.io'],
    ['ghcr.io', 'ghcr.io'],
    ['127.0.0.1:5000', '127.0.0.1:5000'],
  ])('api host of %s is %s', (registry, host) => expect(apiHost(registry)).toBe(host));

  it.each([
    ['127.0.0.1:5000', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['localhost:5000', true],
    ['[::1]:5000', true],
    ['128.0.0.1:5000', false],
    ['127.0.0.1.nip.io', false],
    ['ghcr.io', false],
    ['10.0.0.1:5000', false],
  ])('%s loopback: %s', (registry, loopback) => expect(isLoopbackRegistry(registry)).toBe(loopback));
});

describe('media types', () => {
  it('accepts every index and manifest type', () => {
    expect(MANIFEST_ACCEPT).toEqual([
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.v2+json',
    ]);
  });

  it.each([
    ['application/vnd.oci.image.index.v1+json', undefined, 'index'],
    ['application/vnd.docker.distribution.manifest.list.v2+json; charset=utf-8', undefined, 'index'],
    ['application/vnd.oci.image.manifest.v1+json', undefined, 'manifest'],
    ['application/vnd.docker.distribution.manifest.v2+json', undefined, 'manifest'],
    // registries that answer application/json: the body decides
    ['application/json', { mediaType: 'application/vnd.oci.image.index.v1+json' }, 'index'],
    ['application/json', { schemaVersion: 2, manifests: [] }, 'index'],
    [undefined, { schemaVersion: 2, config: {}, layers: [] }, 'manifest'],
    ['application/vnd.docker.distribution.manifest.v1+prettyjws', {}, undefined],
  ])('%s classifies as %s', (contentType, body, kind) => {
    expect(classifyManifest(contentType, body)).toBe(kind);
  });

  it('classifies configs and layers', () => {
    expect(isConfigMediaType('application/vnd.oci.image.config.v1+json')).toBe(true);
    expect(isConfigMediaType('application/vnd.docker.container.image.v1+json')).toBe(true);
    expect(isConfigMediaType('application/vnd.oci.image.layer.v1.tar+gzip')).toBe(false);
    expect(isLayerMediaType('application/vnd.oci.image.layer.v1.tar+zstd')).toBe(true);
    expect(isLayerMediaType('application/vnd.docker.image.rootfs.diff.tar.gzip')).toBe(true);
    expect(isLayerMediaType('application/vnd.in-toto+json')).toBe(false);
    expect(isIndexMediaType('application/vnd.oci.image.manifest.v1+json')).toBe(false);
    expect(isImageManifestMediaType('application/vnd.docker.distribution.manifest.list.v2+json')).toBe(false);
  });
});
