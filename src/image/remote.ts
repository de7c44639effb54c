// Reads an image from a registry as an ImageSummary: its documents through the run's reader
// (registry/documents.ts: concurrent, each fetched once), summarised. Layer blobs are never requested.
import type { RegistryClient } from '../registry/client.js';
import { readImageDocuments } from '../registry/documents.js';
import type { ImageReference } from '../registry/reference.js';
import { summarizeRegistryImage } from './summary.js';
import type { ImageSummary } from './types.js';

type Client = Pick<RegistryClient, 'getManifest' | 'getConfig'>;

export async function readImageSummary(client: Client, refInput: ImageReference | string, displayName?: string): Promise<ImageSummary> {
  return summarizeRegistryImage(await readImageDocuments(client, refInput, displayName !== undefined ? { displayName } : {}));
}
