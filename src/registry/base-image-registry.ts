// The registry as the base-image freshness checks (compare/gather) see it, and its adapter over
// RegistryClient. It lives here, not in compare/, so the registry stage imports no later stage.
import { createdFromAnnotations } from '../image/labels.js';
import { findPlatform } from '../image/platforms.js';
import { platformDescriptors } from '../image/summary.js';
import type { RegistryClient } from './client.js';
import type { Descriptor } from './manifest.js';
import { readImageDocuments } from './documents.js';

/**
 * The little Strata needs from a registry to judge base images. References are as written in a
 * Dockerfile (`node:20.11-slim`, `ghcr.io/o/base:1`); the client normalises Docker Hub names
 * (library/, registry-1.docker.io) and handles auth. Methods throw on failure with a message
 * fit for a reader and free of credentials.
 */
export interface BaseImageRegistry {
  /**
   * The digest a tag resolves to now: Docker-Content-Digest from a HEAD sent with the index and
   * manifest media types in Accept, so a multi-platform tag yields its index digest. HEAD does
   * not count against Docker Hub's pull limit.
   */
  headDigest(reference: string): Promise<string>;
  /** Every tag of a repository (`node`, `ghcr.io/o/base`), following Link rel="next". */
  listTags(repository: string): Promise<string[]>;
  /**
   * When the image at a tag or digest reference was built (RFC 3339); for an index, the `platform`
   * image (or the first). As its annotations state it (the index's descriptor for a platform), else
   * its config's `created`. Optional: without it there is no age.
   * `platform` may still be on its way (the report starts this before it has read the image
   * whose platform it is): it is waited for only when the reference is an index.
   */
  getImageCreated?(reference: string, platform?: string | PromiseLike<string | undefined>): Promise<string | undefined>;
  /**
   * Digests of the platform manifests listed in the index at a reference ([] for a single
   * manifest). Optional: it prevents a false "tag moved" when the build recorded a platform
   * manifest digest and the tag resolves to the index.
   */
  listPlatformDigests?(reference: string): Promise<string[]>;
}

/** The freshness facts' view of the registry. */
export function baseImageRegistry(client: RegistryClient): BaseImageRegistry {
  return {
    headDigest: async (reference) => (await client.headDigest(reference)).digest,
    listTags: (repository) => client.listTags(repository),
    async getImageCreated(reference, platform) {
      const root = await client.getManifest(reference);
      const wanted = root.document.kind === 'index' ? await platform : undefined;
      // One platform's manifest of an index: the wanted one, else the first.
      const choose = (entries: readonly Descriptor[]) => {
        const described = entries.filter((m) => m.platform);
        return (wanted ? findPlatform(described, wanted) : undefined) ?? described[0];
      };
      // A date the manifest (or the index, for the platform) states saves reading the config: one
      // or two round trips fewer for the usual base, an official image.
      const stated = createdFromAnnotations(root.document.kind === 'index' ? choose(platformDescriptors(root.document))?.annotations : root.document.annotations);
      if (stated) return stated;
      // By the digest just read, so a tag is not asked twice.
      const docs = await readImageDocuments(client, reference, { digest: root.digest, choose: (entries) => [choose(entries)?.digest] });
      const manifest = docs.root.kind === 'manifest' ? docs.root : Object.values(docs.manifests)[0];
      return manifest ? docs.configs[manifest.config.digest]?.created : undefined;
    },
    async listPlatformDigests(reference) {
      const root = await client.getManifest(reference);
      // Attestation manifests are not platforms: a build never records one as its base.
      return root.document.kind === 'index' ? platformDescriptors(root.document).map((m) => m.digest) : [];
    },
  };
}
