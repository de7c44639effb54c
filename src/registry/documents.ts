// The one reader of image documents (manifests, indexes, configs) for a run: the report, the
// freshness checks, rebase and the CLI all read through it, so a document two of them need is
// fetched once. Manifests and configs are content-addressed: a digest names its bytes forever,
// so registry + repository + digest is a safe memo key for the reader's whole life. The memo
// holds promises, so concurrent asks for one document share one request; a failed request is
// dropped from the memo, as a retry may succeed. What it returns is shared by every asker:
// documents are read-only (the rebase plan clones what it rewrites).
//
// Tags are not content-addressed: a tag read now may name another digest after a push. A reader
// remembers what a tag resolved to only when made with `rememberTags` (`strata report`: it
// writes nothing, and one report should see one state of each tag). A reader whose run writes
// tags (rebase, or the action's client, made before the build pushes) asks the registry again.
import type { Descriptor, ImageConfig, ImageIndex, ImageManifest } from './manifest.js';
import { RegistryClient } from './client.js';
import type { DigestResult, ManifestResult } from './client.js';
import { formatReference, manifestReference, toReference } from './reference.js';
import type { ImageReference } from './reference.js';
import type { RegistryClientOptions, RegistryTransport } from './transport.js';
import { platformDescriptors, type RegistryImageDocuments } from '../image/summary.js';

export interface ImageDocumentReaderOptions {
  /**
   * Remember tag -> digest for the reader's life (a second read of the tag, HEAD or GET, asks
   * no one). Only for readers whose run pushes nothing: default false.
   */
  rememberTags?: boolean;
}

export class ImageDocumentReader extends RegistryClient {
  private readonly rememberTags: boolean;
  /** `registry/repository@digest` -> the manifest or index. */
  private readonly manifests = new Map<string, Promise<ManifestResult>>();
  /** `registry/repository@digest` -> the config blob, parsed. */
  private readonly configs = new Map<string, Promise<ImageConfig>>();
  /** `registry/repository:tag` -> what the tag resolved to (rememberTags only). */
  private readonly tags = new Map<string, Promise<DigestResult>>();

  constructor(source: RegistryClientOptions | RegistryTransport, options: ImageDocumentReaderOptions = {}) {
    super(source);
    this.rememberTags = options.rememberTags ?? false;
  }

  /** HEAD, unless the manifest (or, with rememberTags, the tag) has been read already. */
  override async headDigest(refInput: ImageReference | string): Promise<DigestResult> {
    const ref = toReference(refInput);
    if (ref.digest !== undefined) {
      const known = this.manifests.get(documentKey(ref, ref.digest));
      return known ? digestOf(await known) : super.headDigest(ref);
    }
    if (!this.rememberTags) return super.headDigest(ref);
    return remembered(this.tags, tagKey(ref), () => super.headDigest(ref));
  }

  override async getManifest(refInput: ImageReference | string, digest?: string): Promise<ManifestResult> {
    const ref = toReference(refInput);
    const target = digest ?? ref.digest;
    if (target !== undefined) return this.manifestByDigest(ref, target);
    const key = tagKey(ref);
    const resolved = this.rememberTags ? this.tags.get(key) : undefined;
    if (resolved) return this.manifestByDigest(ref, (await resolved).digest);
    // Read by tag, then keep it by the digest it turned out to have.
    const read = super.getManifest(ref).then((result) => {
      const byDigest = documentKey(ref, result.digest);
      if (!this.manifests.has(byDigest)) this.manifests.set(byDigest, Promise.resolve(result));
      return result;
    });
    if (this.rememberTags) remembered(this.tags, key, () => read.then(digestOf)).catch(() => undefined);
    return read;
  }

  override getConfig(repo: ImageReference | string, digest: string): Promise<ImageConfig> {
    const ref = toReference(repo);
    return remembered(this.configs, documentKey(ref, digest), () => super.getConfig(ref, digest));
  }

  private manifestByDigest(ref: ImageReference, digest: string): Promise<ManifestResult> {
    return remembered(this.manifests, documentKey(ref, digest), () => super.getManifest(ref, digest));
  }
}

/** The memoised value of `key`, or `fetch()`'s, kept unless it fails (a retry may succeed). */
function remembered<T>(memo: Map<string, Promise<T>>, key: string, fetch: () => Promise<T>): Promise<T> {
  const known = memo.get(key);
  if (known) return known;
  const pending = fetch();
  memo.set(key, pending);
  pending.catch(() => {
    if (memo.get(key) === pending) memo.delete(key);
  });
  return pending;
}

function documentKey(ref: ImageReference, digest: string): string {
  return `${ref.registry}/${ref.repository}@${digest}`;
}

function tagKey(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}:${manifestReference(ref)}`;
}

function digestOf(m: DigestResult): DigestResult {
  return { digest: m.digest, mediaType: m.mediaType, size: m.size };
}

export interface ReadDocumentsOptions {
  /** Read this digest in the reference's repository rather than what the reference names. */
  digest?: string;
  /** For an index: the digests of the platform manifests to read (default: every platform's). */
  choose?: (platforms: Descriptor[], index: ImageIndex) => readonly (string | undefined)[];
  /** The error for an index entry that is an index itself. */
  nestedIndex?: (reference: string, digest: string) => Error;
  /** The reference as reported (default: the reference, formatted). */
  displayName?: string;
}

/**
 * An image's documents: its top document and, for the chosen platforms, each manifest and its
 * config, read concurrently. Layer blobs are never requested.
 */
export async function readImageDocuments(
  reader: Pick<RegistryClient, 'getManifest' | 'getConfig'>,
  refInput: ImageReference | string,
  options: ReadDocumentsOptions = {},
): Promise<RegistryImageDocuments> {
  const ref = toReference(refInput);
  const reference = options.displayName ?? (typeof refInput === 'string' ? refInput : formatReference(ref));
  const root = await reader.getManifest(ref, options.digest);
  const docs: RegistryImageDocuments = { reference, digest: root.digest, root: root.document, manifests: {}, configs: {} };
  const readConfig = async (manifest: ImageManifest) => {
    docs.configs[manifest.config.digest] = await reader.getConfig(ref, manifest.config.digest);
  };
  if (root.document.kind === 'manifest') {
    await readConfig(root.document);
    return docs;
  }
  const index = root.document;
  const platforms = platformDescriptors(index);
  const chosen = options.choose ? options.choose(platforms, index) : platforms.map((d) => d.digest);
  const digests = [...new Set(chosen.filter((d): d is string => d !== undefined))];
  await Promise.all(
    digests.map(async (digest) => {
      const child = await reader.getManifest(ref, digest);
      if (child.document.kind !== 'manifest') {
        throw options.nestedIndex?.(reference, digest) ?? new Error(`${reference}: index entry ${digest} is an index itself, not a platform image`);
      }
      docs.manifests[digest] = child.document;
      await readConfig(child.document);
    }),
  );
  return docs;
}
