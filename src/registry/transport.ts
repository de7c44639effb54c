// The HTTP transport under RegistryClient (reads) and RegistryWriter (writes): one place for the
// scheme and URL rules, authentication (at most one challenge round per request), retries with
// backoff that honour Retry-After, per-request timeouts, request counting, and the mapping of
// failed answers to RegistryError / RegistryAuthError with messages free of credentials.
import type { Logger } from '../adapters.js';
import { RegistryAuthError, RegistryAuthenticator, describeFetchError, redact, serverMessage } from './auth.js';
import type { CredentialResolver } from './auth.js';
import { apiHost, isLoopbackRegistry } from './reference.js';
import type { ImageReference } from './reference.js';
import { isStreamBody, type HttpFetch, type HttpRequestInit, type HttpResponse } from '../io/http-fetch.js';

export interface RegistryClientOptions {
  /** httpFetch (src/io/http-fetch.ts) in a run; Node's fetch or a test double fits too. */
  fetch: HttpFetch;
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

export class RegistryError extends Error {
  readonly status?: number;
  readonly code?: string;

  constructor(message: string, status?: number, code?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.name = 'RegistryError';
  }
}

/** The registry answered that the manifest or blob is not there (404): an answer, not a failure. */
export function isNotFound(e: unknown): e is RegistryError {
  return e instanceof RegistryError && e.status === 404;
}

export type RequestBody = NonNullable<HttpRequestInit['body']>;

export interface TransportRequest {
  method: string;
  /** Names the request in errors and logs: `Manifest ghcr.io/o/a:1`, `Upload of sha256:… to …`. */
  what: string;
  /** Sent as they are, after `User-Agent` (Accept, Content-Type, Content-Length, …). */
  headers?: Record<string, string>;
  /** Called for each attempt, so a stream body is reopened rather than replayed. */
  body?: () => Promise<RequestBody | undefined>;
  /** Statuses that are an answer rather than an error (404 for a HEAD, 202 for a mount, …); default: any 2xx. */
  ok?: readonly number[];
  /** false: the body cannot be sent twice cheaply (a streamed layer); no retry on 5xx or network errors. */
  retry?: boolean;
  /** Space-separated token scopes; default `repository:<name>:pull`. */
  scope?: string;
  /**
   * The two sides' message wording, kept as it was. `write`: a 401 quotes the server's reason
   * and, like a 403, names the token scope the request needed; a network failure does not count
   * attempts; retry logs do not name the registry.
   */
  wording?: 'read' | 'write';
}

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

export class RegistryTransport {
  private readonly options: RegistryClientOptions;
  private readonly auth: RegistryAuthenticator;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private requests = 0;

  constructor(options: RegistryClientOptions) {
    this.options = options;
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

  debug(message: string): void {
    this.options.logger?.debug(message);
  }

  /**
   * The URL of `path` on ref's registry: relative to `/v2/<name>/` (`manifests/1`), absolute on
   * the registry (`/v2/...`, as Link headers give it), or a whole URL (an upload session's Location).
   */
  url(ref: ImageReference, path: string): string {
    if (/^https?:\/\//i.test(path)) return path;
    const base = `${this.scheme(ref.registry)}://${apiHost(ref.registry)}`;
    return path.startsWith('/v2/') ? `${base}${path}` : `${base}/v2/${ref.repository}/${path}`;
  }

  /**
   * One logical request: auth (at most one challenge round) on top of retries. Resolves with the
   * answer when its status is one of `req.ok`; throws RegistryError or RegistryAuthError otherwise.
   */
  async send(ref: ImageReference, path: string, req: TransportRequest): Promise<HttpResponse> {
    const scope = req.scope ?? `repository:${ref.repository}:pull`;
    const url = this.url(ref, path);
    let authorization = await this.auth.authorize(ref.registry, scope);
    let res = await this.fetchWithRetry(url, req, authorization, ref.registry);
    if (res.status === 401) {
      const challenge = res.headers.get('www-authenticate');
      await res.body?.cancel();
      authorization = await this.auth.respondToChallenge(ref.registry, challenge, scope);
      res = await this.fetchWithRetry(url, req, authorization, ref.registry);
      if (res.status === 401) throw await this.unauthorized(res, req, ref.registry, scope);
    }
    if (req.ok ? !req.ok.includes(res.status) : !res.ok) throw await this.errorFor(res, req, ref.registry, scope);
    return res;
  }

  /**
   * Runs an operation of several requests again, after the usual backoff, when it failed in a way
   * a retry may cure (a network error, a dropped stream, 408/429/5xx); auth errors and other
   * answers are final. `describe` gives the debug line logged before each retry.
   */
  async retryTransient<T>(run: (attempt: number) => Promise<T>, describe: (error: Error, waitMs: number) => string): Promise<T> {
    const retries = this.options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        return await run(attempt);
      } catch (e) {
        // Auth and 4xx answers will not change on a retry; a dropped stream or a 5xx may.
        const status = (e as RegistryError).status;
        const transient = !(e instanceof RegistryAuthError) && (status === undefined || RETRYABLE.has(status));
        if (!transient || attempt >= retries) throw e;
        const wait = this.backoff(attempt);
        this.debug(describe(e as Error, wait));
        await this.sleep(wait);
      }
    }
  }

  private scheme(registry: string): 'http' | 'https' {
    const insecure = this.options.insecure;
    if (isLoopbackRegistry(registry) || insecure === true) return 'http';
    if (Array.isArray(insecure) && insecure.includes(registry)) return 'http';
    return 'https';
  }

  private async fetchWithRetry(url: string, req: TransportRequest, authorization: string | undefined, registry: string): Promise<HttpResponse> {
    const retries = req.retry === false ? 0 : (this.options.retries ?? 3);
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const write = req.wording === 'write';
    const shown = redactUrl(url);
    const headers: Record<string, string> = { 'User-Agent': 'strata', ...(req.headers ?? {}) };
    if (authorization) headers.Authorization = authorization;
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      const body = req.body ? await req.body() : undefined;
      const streamed = isStreamBody(body);
      let res: HttpResponse;
      try {
        res = await this.options.fetch(url, {
          method: req.method,
          headers,
          redirect: 'follow',
          ...(body !== undefined ? { body } : {}),
          // Node's fetch needs this for a stream body; the upload then goes out as it is read.
          ...(streamed ? { duplex: 'half' } : {}),
          // A streamed layer may take long; the per-request timeout is for the small requests.
          ...(streamed ? {} : { signal: AbortSignal.timeout(timeoutMs) }),
        });
      } catch (e) {
        if (streamed) await body.cancel().catch(() => undefined);
        const why = (e as Error)?.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : `failed: ${describeFetchError(e)}`;
        if (attempt >= retries) {
          const attempts = write ? '' : ` (${attempt + 1} attempt${attempt ? 's' : ''})`;
          throw new RegistryError(`${req.what}: ${req.method} ${shown} ${why}${attempts}`);
        }
        const wait = this.backoff(attempt);
        this.debug(`${req.method} ${shown} ${why}; retrying in ${wait} ms`);
        await this.sleep(wait);
        continue;
      }
      if (streamed && res.status >= 300) {
        // Answered before taking the whole body (auth, a refused upload): stop reading the source.
        await body.cancel().catch(() => undefined);
      }
      if (!RETRYABLE.has(res.status) || attempt >= retries) return res;
      const wait = Math.min(parseRetryAfter(res.headers.get('retry-after'), this.now()) ?? this.backoff(attempt), this.maxWait());
      await res.body?.cancel();
      this.debug(`${req.method} ${shown} answered ${res.status}${write ? '' : ` on ${registry}`}; retrying in ${wait} ms`);
      await this.sleep(wait);
    }
  }

  private backoff(attempt: number): number {
    return Math.min((this.options.retryBaseMs ?? 500) * 2 ** attempt, this.maxWait());
  }

  private maxWait(): number {
    return this.options.maxRetryWaitMs ?? 30_000;
  }

  /** A 401 even after answering the challenge. */
  private async unauthorized(res: HttpResponse, req: TransportRequest, registry: string, scope: string): Promise<RegistryAuthError> {
    if (req.wording !== 'write') {
      await res.body?.cancel();
      return new RegistryAuthError(`Registry ${registry} rejected the credentials sent ${this.auth.describeIdentity(registry)} for ${req.what} (HTTP 401)`, registry, 401);
    }
    const text = await res.text().catch(() => '');
    const detail = redact(serverMessage(text), this.auth.secretsFor(registry));
    return new RegistryAuthError(
      `Registry ${registry} refused ${req.what} ${this.auth.describeIdentity(registry)} (HTTP 401${detail ? `: ${detail}` : ''}); ` +
        `it needs the token scope ${JSON.stringify(scope)}`,
      registry,
      401,
    );
  }

  private async errorFor(res: HttpResponse, req: TransportRequest, registry: string, scope: string): Promise<Error> {
    const text = req.method === 'HEAD' ? '' : await res.text().catch(() => '');
    const detail = redact(serverMessage(text), this.auth.secretsFor(registry));
    const code = /^[A-Z_]+/.exec(detail)?.[0];
    const summary = res.status === 404 ? 'not found' : res.status === 403 ? 'access denied' : 'failed';
    const message = `${req.what} ${summary} (HTTP ${res.status}${detail ? `: ${detail}` : ''})`;
    if (res.status === 403) {
      const needs = req.wording === 'write' ? `; it needs the token scope ${JSON.stringify(scope)}` : '';
      return new RegistryAuthError(`${message} ${this.auth.describeIdentity(registry)}${needs}`, registry, 403);
    }
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

/** Upload URLs carry opaque session state (`_state=`); keep it out of errors and logs. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.searchParams.has('_state')) return url;
    u.searchParams.set('_state', '…');
    return u.toString();
  } catch {
    return url;
  }
}
