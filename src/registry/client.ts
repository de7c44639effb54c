// A small distribution-API client: manifests, config blobs and tags, nothing that downloads
// layers. fetch is handed in so tests run it against real loopback servers. The HTTP side (auth,
// retries, timeouts, errors) is RegistryTransport's, shared with RegistryWriter.
import { DOCKER_CONFIG, MANIFEST_ACCEPT_HEADER, OCI_CONFIG } from './media-types.js';
import { parseImageConfig, parseManifest } from './manifest.js';
import type { ImageConfig, ManifestDocument } from './manifest.js';
import { formatReference, manifestReference, toReference } from './reference.js';
import type { ImageReference } from './reference.js';
import { isNotFound, RegistryError, RegistryTransport } from './transport.js';
import type { RegistryClientOptions } from './transport.js';

export { parseRetryAfter } from './transport.js';
export type { RegistryClientOptions } from './transport.js';

export interface DigestResult {
  digest: string;
  mediaType: string;
  size: number;
}

export interface ManifestResult extends DigestResult {
  raw: string;
  document: ManifestDocument;
}

export interface ListTagsOptions {
  /** `n=` per page; registries may cap it. */
  pageSize?: number;
  /** Stops following `Link: rel="next"` after this many pages. */
  maxPages?: number;
}

export class RegistryClient {
  /** The HTTP side; hand it (or this client) to a RegistryWriter to share its tokens and count. */
  readonly transport: RegistryTransport;

  constructor(source: RegistryClientOptions | RegistryTransport) {
    this.transport = source instanceof RegistryTransport ? source : new RegistryTransport(source);
  }

  /** HTTP requests sent so far through this client's transport (token requests and retries included). */
  get requestCount(): number {
    return this.transport.requestCount;
  }

  /** The digest a tag resolves to now: HEAD (free of Docker Hub pull limits), GET if HEAD lacks it. */
  async headDigest(refInput: ImageReference | string): Promise<DigestResult> {
    const ref = toReference(refInput);
    const what = formatReference(ref);
    const path = `manifests/${manifestReference(ref)}`;
    const head = await this.transport.send(ref, path, { method: 'HEAD', headers: { Accept: MANIFEST_ACCEPT_HEADER }, what: `Manifest ${what}` });
    const digest = head.headers.get('docker-content-digest');
    if (digest) {
      return {
        digest,
        mediaType: head.headers.get('content-type') ?? '',
        size: Number(head.headers.get('content-length') ?? 0),
      };
    }
    const full = await this.getManifest(ref);
    return { digest: full.digest, mediaType: full.mediaType, size: full.size };
  }

  /**
   * Whether the registry has the image (one HEAD): false when it answers "not found"; throws when
   * it cannot say (auth, network, 5xx), which is not the same as absent.
   */
  async exists(refInput: ImageReference | string): Promise<boolean> {
    try {
      await this.headDigest(refInput);
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  /** A manifest or index, by the reference's tag/digest or by an explicit digest in its repository. */
  async getManifest(refInput: ImageReference | string, digest?: string): Promise<ManifestResult> {
    const ref = toReference(refInput);
    const target = digest ?? manifestReference(ref);
    const what = digest ? `${ref.registry}/${ref.repository}@${digest}` : formatReference(ref);
    loadCryptoSoon();
    const res = await this.transport.send(ref, `manifests/${target}`, { method: 'GET', headers: { Accept: MANIFEST_ACCEPT_HEADER }, what: `Manifest ${what}` });
    const bytes = Buffer.from(await res.arrayBuffer());
    const computed = sha256Of(bytes);
    const expected = target.includes(':') ? target : res.headers.get('docker-content-digest');
    if (expected?.startsWith('sha256:') && expected !== computed) {
      throw new RegistryError(`Manifest ${what} has digest ${computed}, expected ${expected}; the registry sent different content`);
    }
    const raw = bytes.toString('utf8');
    const mediaType = res.headers.get('content-type') ?? '';
    const document = parseManifest(raw, mediaType || undefined, what);
    return { digest: expected ?? computed, mediaType: mediaType || document.mediaType || '', size: bytes.length, raw, document };
  }

  /** The image config blob. Layer blobs are never fetched: sizes come from the manifest. */
  async getConfig(repo: ImageReference | string, digest: string): Promise<ImageConfig> {
    const ref = toReference(repo);
    const what = `${ref.registry}/${ref.repository}@${digest}`;
    loadCryptoSoon();
    const res = await this.transport.send(ref, `blobs/${digest}`, {
      method: 'GET',
      headers: { Accept: `${OCI_CONFIG}, ${DOCKER_CONFIG}, application/json, */*` },
      what: `Config ${what}`,
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (digest.startsWith('sha256:')) {
      const computed = sha256Of(bytes);
      if (computed !== digest) throw new RegistryError(`Config ${what} has digest ${computed}; the registry sent different content`);
    }
    return parseImageConfig(bytes.toString('utf8'), what);
  }

  /** Every tag of a repository, following `Link: <...>; rel="next"` pages. */
  async listTags(repo: ImageReference | string, options: ListTagsOptions = {}): Promise<string[]> {
    const ref = toReference(repo);
    const maxPages = options.maxPages ?? 50;
    const what = `Tags of ${ref.registry}/${ref.repository}`;
    let path: string | undefined = `tags/list${options.pageSize ? `?n=${options.pageSize}` : ''}`;
    const tags: string[] = [];
    for (let page = 0; path !== undefined; page++) {
      if (page >= maxPages) {
        this.transport.debug(`${what}: stopped after ${maxPages} pages (${tags.length} tags)`);
        break;
      }
      const res = await this.transport.send(ref, path, { method: 'GET', headers: { Accept: 'application/json' }, what });
      const body = (await res.json().catch(() => undefined)) as { tags?: unknown } | undefined;
      if (body === undefined) throw new RegistryError(`${what}: the registry answered with something other than JSON`);
      if (Array.isArray(body.tags)) for (const t of body.tags) if (typeof t === 'string') tags.push(t);
      path = nextPagePath(res.headers.get('link'), res.url || this.transport.url(ref, path));
    }
    return tags;
  }
}

/** The `rel="next"` target of a Link header as a path+query on the registry, or undefined. */
export function nextPagePath(link: string | null | undefined, currentUrl: string): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!m) continue;
    const rels = /;\s*rel="?([^";]*)"?/i.exec(m[2]!)?.[1]?.split(/\s+/) ?? [];
    if (!rels.includes('next')) continue;
    // A malformed target (`<//>`, found by the property test) ends the listing instead of throwing.
    if (!URL.canParse(m[1]!, currentUrl)) return undefined;
    const next = new URL(m[1]!, currentUrl);
    return `${next.pathname}${next.search}`;
  }
  return undefined;
}

/** `sha256:<hex>` of a document, to check it is what its digest says. */
function sha256Of(bytes: Buffer): string {
  return `sha256:${process.getBuiltinModule('node:crypto').createHash('sha256').update(bytes).digest('hex')}`;
}

let cryptoLoading = false;
/**
 * node:crypto is ~40 internal modules (~6 ms to load, measured), and a short `strata report` has
 * no time to spare: it loads while the registry answers the first request, not with this module.
 * setImmediate runs after the loop's poll, which connects and writes the request.
 */
function loadCryptoSoon(): void {
  if (cryptoLoading) return;
  cryptoLoading = true;
  setImmediate(() => process.getBuiltinModule('node:crypto'));
}
