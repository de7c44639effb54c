// Reads an image from a registry: the index (if any), each platform's manifest and config,
// fetched concurrently. Layer blobs are never requested.
import type { RegistryClient } from '../registry/client.js';
import type { ImageConfig, ImageManifest } from '../registry/manifest.js';
import { toReference } from '../registry/reference.js';
import type { ImageReference } from '../registry/reference.js';
import { platformDescriptors, summarizeRegistryImage } from './summary.js';
import type { ImageSummary } from './types.js';

type Client = Pick<RegistryClient, 'getManifest' | 'getConfig'>;

export async function readImageSummary(client: Client, refInput: ImageReference | string, displayName?: string): Promise<ImageSummary> {
  const ref = toReference(refInput);
  const reference = displayName ?? (typeof refInput === 'string' ? refInput : `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`);
  const root = await client.getManifest(ref);
  const manifests: Record<string, ImageManifest> = {};
  const configs: Record<string, ImageConfig> = {};

  const readConfig = async (digest: string) => {
    if (configs[digest] === undefined) configs[digest] = await client.getConfig(ref, digest);
  };

  if (root.document.kind === 'index') {
    await Promise.all(
      platformDescriptors(root.document).map(async (d) => {
        const child = await client.getManifest(ref, d.digest);
        if (child.document.kind !== 'manifest') {
          throw new Error(`${reference}: index entry ${d.digest} is an index itself, not a platform image`);
        }
        manifests[d.digest] = child.document;
        await readConfig(child.document.config.digest);
      }),
    );
  } else {
    await readConfig(root.document.config.digest);
  }
  return summarizeRegistryImage({ reference, digest: root.digest, root: root.document, manifests, configs });
}
