// A small distribution-API client: manifests, config blobs and tags, nothing that downloads
// layers. fetch is handed in so tests run it against real loopback servers.
import { createHash } from 'node:crypto';
import type { Logger } from '../adapters.js';
import { RegistryAuthError, RegistryAuthenticator, describeFetchError, redact, serverMessage } from './auth.js';
import type { CredentialResolver } from './auth.js';
import { DOCKER_CONFIG, MANIFEST_ACCEPT_HEADER, OCI_CONFIG } from './media-types.js';
import { parseImageConfig, parseManifest } from './manifest.js';
import type { ImageConfig, ManifestDocument } from './manifest.js';
import { apiHost, formatReference, isLoopbackRegistry, manifestReference, toReference } from './reference.js';
import type { ImageReference } from './reference.js';

export interface RegistryClientOptions {
  fetch: typeof globalThis.fetch;
  credentials?: CredentialResolver;
  /** true: plain HTTP for every registry; a list: for those hosts. Loopback is always HTTP. */
  insecure?: boolean | readonly string[];
  /** Per request, including token requests. */
  timeoutMs?: number;
  /** Retries after the first attempt, on 429, 5xx, timeouts and network errors. */
  retries?: number;
  retryBaseMs?: number;
  /** Upper bound on any one wait, whatever Retry-After asks for. */
  maxRetryWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  logger?: Pick<Logger, 'debug'>;
}

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

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

export class RegistryClient {
  private readonly auth: RegistryAuthenticator;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private requests = 0;

  constructor(private readonly options: RegistryClientOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.auth = new RegistryAuthenticator({
      fetch: options.fetch,
      ...(options.credentials ? { credentials: options.credentials } : {}),
      now: this.now,
      timeoutMs: options.timeoutMs ?? 30_000,
      insecure: options.insecure === true,
      ...(options.logger ? { logger: options.logger } : {}),
      onRequest: () => this.requests++,
    });
  }

  /** HTTP requests sent so far (token requests and retries included). */
  get requestCount(): number {
    return this.requests;
  }

  /** The digest a tag resolves to now: HEAD (free of Docker Hub pull limits), GET if HEAD lacks it. */
  async headDigest(refInput: ImageReference | string): Promise<DigestResult> {
    const ref = toReference(refInput);
    const what = formatReference(ref);
    const path = `manifests/${manifestReference(ref)}`;
    const head = await this.send(ref, path, { method: 'HEAD', accept: MANIFEST_ACCEPT_HEADER, what: `Manifest ${what}` });
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

  /** A manifest or index, by the reference's tag/digest or by an explicit digest in its repository. */
  async getManifest(refInput: ImageReference | string, digest?: string): Promise<ManifestResult> {
    const ref = toReference(refInput);
    const target = digest ?? manifestReference(ref);
    const what = digest ? `${ref.registry}/${ref.repository}@${digest}` : formatReference(ref);
    const res = await this.send(ref, `manifests/${target}`, { method: 'GET', accept: MANIFEST_ACCEPT_HEADER, what: `Manifest ${what}` });
    const bytes = Buffer.from(await res.arrayBuffer());
    const computed = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
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
    const res = await this.send(ref, `blobs/${digest}`, {
      method: 'GET',
      accept: `${OCI_CONFIG}, ${DOCKER_CONFIG}, application/json, */*`,
      what: `Config ${what}`,
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (digest.startsWith('sha256:')) {
      const computed = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
      if (computed !== digest) throw new RegistryError(`Config ${what} has digest ${computed}; the registry sent different content`);
    }
    return parseImageConfig(bytes.toString('utf8'), what);
  }

  /** Every tag of a repository, following `Link: <…>; rel="next"` pages. */
  async listTags(repo: ImageReference | string, options: ListTagsOptions = {}): Promise<string[]> {
    const ref = toReference(repo);
    const maxPages = options.maxPages ?? 50;
    const what = `Tags of ${ref.registry}/${ref.repository}`;
    let path: string | undefined = `tags/list${options.pageSize ? `?n=${options.pageSize}` : ''}`;
    const tags: string[] = [];
    for (let page = 0; path !== undefined; page++) {
      if (page >= maxPages) {
        this.options.logger?.debug(`${what}: stopped after ${maxPages} pages (${tags.length} tags)`);
        break;
      }
      const res = await this.send(ref, path, { method: 'GET', accept: 'application/json', what });
      const body = (await res.json().catch(() => undefined)) as { tags?: unknown } | undefined;
      if (body === undefined) throw new RegistryError(`${what}: the registry answered with something other than JSON`);
      if (Array.isArray(body.tags)) for (const t of body.tags) if (typeof t === 'string') tags.push(t);
      path = nextPagePath(res.headers.get('link'), res.url || this.url(ref, path));
    }
    return tags;
  }

  private scheme(registry: string): 'http' | 'https' {
    const insecure = this.options.insecure;
    if (isLoopbackRegistry(registry) || insecure === true) return 'http';
    if (Array.isArray(insecure) && insecure.includes(registry)) return 'http';
    return 'https';
  }

  private url(ref: ImageReference, path: string): string {
    // A path from a Link header is absolute already ("/v2/…").
    const base = `${this.scheme(ref.registry)}://${apiHost(ref.registry)}`;
    return path.startsWith('/v2/') ? `${base}${path}` : `${base}/v2/${ref.repository}/${path}`;
  }

  /** One logical request: auth (at most one challenge round) on top of retries. */
  private async send(ref: ImageReference, path: string, req: { method: string; accept: string; what: string }): Promise<Response> {
    const scope = `repository:${ref.repository}:pull`;
    const url = this.url(ref, path);
    let authorization = await this.auth.authorize(ref.registry, scope);
    let res = await this.fetchWithRetry(url, req, authorization, ref.registry);
    if (res.status === 401) {
      const challenge = res.headers.get('www-authenticate');
      await res.body?.cancel();
      authorization = await this.auth.respondToChallenge(ref.registry, challenge, scope);
      res = await this.fetchWithRetry(url, req, authorization, ref.registry);
      if (res.status === 401) {
        await res.body?.cancel();
        throw new RegistryAuthError(
          `Registry ${ref.registry} rejected the credentials sent ${this.auth.describeIdentity(ref.registry)} for ${req.what} (HTTP 401)`,
          ref.registry,
          401,
        );
      }
    }
    if (!res.ok) throw await this.errorFor(res, req, ref.registry);
    return res;
  }

  private async fetchWithRetry(url: string, req: { method: string; accept: string; what: string }, authorization: string | undefined, registry: string): Promise<Response> {
    const retries = this.options.retries ?? 3;
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const headers: Record<string, string> = { Accept: req.accept, 'User-Agent': 'strata' };
    if (authorization) headers.Authorization = authorization;
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      let res: Response;
      try {
        res = await this.options.fetch(url, { method: req.method, headers, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
      } catch (e) {
        const timedOut = (e as Error)?.name === 'TimeoutError';
        const why = timedOut ? `timed out after ${timeoutMs} ms` : `failed: ${describeFetchError(e)}`;
        if (attempt >= retries) {
          throw new RegistryError(`${req.what}: ${req.method} ${url} ${why} (${attempt + 1} attempt${attempt ? 's' : ''})`);
        }
        const wait = this.backoff(attempt);
        this.options.logger?.debug(`${req.method} ${url} ${why}; retrying in ${wait} ms`);
        await this.sleep(wait);
        continue;
      }
      if (!RETRYABLE.has(res.status) || attempt >= retries) return res;
      const wait = Math.min(parseRetryAfter(res.headers.get('retry-after'), this.now()) ?? this.backoff(attempt), this.maxWait());
      await res.body?.cancel();
      this.options.logger?.debug(`${req.method} ${url} answered ${res.status} on ${registry}; retrying in ${wait} ms`);
      await this.sleep(wait);
    }
  }

  private backoff(attempt: number): number {
    return Math.min((this.options.retryBaseMs ?? 500) * 2 ** attempt, this.maxWait());
  }

  private maxWait(): number {
    return this.options.maxRetryWaitMs ?? 30_000;
  }

  private async errorFor(res: Response, req: { method: string; what: string }, registry: string): Promise<Error> {
    const text = req.method === 'HEAD' ? '' : await res.text().catch(() => '');
    const detail = redact(serverMessage(text), this.auth.secretsFor(registry));
    const code = /^[A-Z_]+/.exec(detail)?.[0];
    const summary = res.status === 404 ? 'not found' : res.status === 403 ? 'access denied' : `failed`;
    const message = `${req.what} ${summary} (HTTP ${res.status}${detail ? `: ${detail}` : ''})`;
    if (res.status === 403) return new RegistryAuthError(`${message} ${this.auth.describeIdentity(registry)}`, registry, 403);
    return new RegistryError(message, res.status, code);
  }
}

/**
 * Retry-After as delta-seconds or an HTTP date, in ms from now; undefined when absent or
 * unreadable (the caller then falls back to exponential backoff).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** The `rel="next"` target of a Link header as a path+query on the registry, or undefined. */
export function nextPagePath(link: string | null | undefined, currentUrl: string): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!m) continue;
    const rels = /;\s*rel="?([^";]*)"?/i.exec(m[2]!)?.[1]?.split(/\s+/) ?? [];
    if (!rels.includes('next')) continue;
    const next = new URL(m[1]!, currentUrl);
    return `${next.pathname}${next.search}`;
  }
  return undefined;
}
