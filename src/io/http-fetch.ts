// Strata's HTTP client: the part of fetch() the registry code and Octokit use, over node:http.
//
// Why not Node's own fetch: its implementation (undici) is compiled on first use, ~40-70 ms of CPU
// on a hosted runner, which is most of what a short `strata report` or the report stage costs
// (issue 12's profile; in the action it was the last ~50 ms before the PR comment); node:http
// loads in ~10 ms. The subset is small and
// kept to fetch's rules where they matter for registries: redirects followed (blob GETs go to a
// storage host) with Authorization dropped on a cross-origin hop, 303 (and 301/302 after a POST)
// turning into a GET, the signal covering the body as well as the headers, network errors as
// TypeError('fetch failed', { cause }) and a timeout as the signal's reason (TimeoutError).
// A streamed request body (a layer copied by rebase) goes to the real fetch: it is rare, long, and
// its cost is the upload, not the client's start-up.
import type { IncomingHttpHeaders, IncomingMessage, RequestOptions, request as Request } from 'node:http';
import { Readable } from 'node:stream';

/** The request options the registry code passes. */
export interface HttpRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  redirect?: 'follow';
  signal?: AbortSignal;
  duplex?: 'half';
}

/** The part of a fetch Response the registry code reads. */
export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly url: string;
  readonly redirected: boolean;
  /** get(), and [name, value] pairs (names lower-case) as fetch's Headers iterates them (Octokit reads every header). */
  readonly headers: { get(name: string): string | null; [Symbol.iterator](): Iterator<[string, string]> };
  readonly body: ReadableStream<Uint8Array> | null;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

export type HttpFetch = (url: string, init?: HttpRequestInit) => Promise<HttpResponse>;

const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

// Written without parameter properties: Node's type stripping (tests run this file directly) refuses them.
class NodeHeaders {
  private readonly raw: IncomingHttpHeaders;
  constructor(raw: IncomingHttpHeaders) {
    this.raw = raw;
  }
  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    if (v === undefined) return null;
    return Array.isArray(v) ? v.join(', ') : String(v);
  }
  *[Symbol.iterator](): Iterator<[string, string]> {
    for (const name of Object.keys(this.raw).sort()) yield [name, this.get(name)!];
  }
}

class NodeResponse implements HttpResponse {
  private stream: ReadableStream<Uint8Array> | undefined;
  private used = false;

  private readonly message: IncomingMessage;
  readonly url: string;
  readonly redirected: boolean;
  private readonly signal: AbortSignal | undefined;

  constructor(message: IncomingMessage, url: string, redirected: boolean, signal: AbortSignal | undefined) {
    this.message = message;
    this.url = url;
    this.redirected = redirected;
    this.signal = signal;
  }

  get status(): number {
    return this.message.statusCode ?? 0;
  }
  get statusText(): string {
    return this.message.statusMessage ?? '';
  }
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  get headers(): NodeHeaders {
    return new NodeHeaders(this.message.headers);
  }
  get body(): ReadableStream<Uint8Array> | null {
    if (this.used) return null;
    this.stream ??= Readable.toWeb(this.message) as unknown as ReadableStream<Uint8Array>;
    return this.stream;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  async text(): Promise<string> {
    return (await this.bytes()).toString('utf8');
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  private async bytes(): Promise<Buffer> {
    if (this.used || this.stream) throw new TypeError('Body has already been read');
    this.used = true;
    const message = this.message;
    const signal = this.signal;
    // Events, not `for await`: the stream's async iterator is a cost on every response, cold.
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      message.on('data', (chunk: Buffer) => chunks.push(chunk));
      message.once('end', () => resolve(Buffer.concat(chunks)));
      // The signal covers the body too: a stalled body ends as the timeout, like fetch's.
      message.once('error', (e) => reject(signal?.aborted ? abortReason(signal) : new TypeError('fetch failed', { cause: e })));
      // A connection closed before the body ended ends it without an error event.
      message.once('close', () => {
        if (!message.complete) reject(signal?.aborted ? abortReason(signal) : new TypeError('fetch failed', { cause: new Error('the connection closed before the body ended') }));
      });
    });
  }
}

/** What fetch rejects with when its signal fires: the signal's reason (a TimeoutError for AbortSignal.timeout). */
function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('This operation was aborted', 'AbortError');
}

function sendOnce(url: URL, method: string, headers: Record<string, string>, body: string | Uint8Array | undefined, signal: AbortSignal | undefined): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const options: RequestOptions = { method, headers, ...(signal ? { signal } : {}) };
    const start = (request: typeof Request) => {
      const req = request(url, options, (res) => {
        // A response without a body is drained here: an unread one keeps its socket busy (and the
        // process alive) until the server's keep-alive timeout, ~5 s after the last request.
        if (method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304) res.resume();
        resolve(res);
      });
      req.on('error', (e) => reject(signal?.aborted ? abortReason(signal) : new TypeError('fetch failed', { cause: e })));
      req.end(body);
    };
    // getBuiltinModule, not import: an ES import of node:http reads all its exports, and the lazy
    // WebSocket/MessageEvent ones load undici, the very cost this module avoids. TLS is loaded only
    // for the registries that need it.
    if (url.protocol === 'http:') start(process.getBuiltinModule('node:http').request);
    else if (url.protocol === 'https:') start(process.getBuiltinModule('node:https').request);
    else reject(new TypeError('fetch failed', { cause: new Error(`unsupported protocol ${JSON.stringify(url.protocol)}`) }));
  });
}

/**
 * Whether a request body is a stream: what is neither text nor bytes. Asking `instanceof
 * ReadableStream` would load the web streams (the global is lazy) for every request.
 */
export function isStreamBody(body: HttpRequestInit['body']): body is ReadableStream<Uint8Array> {
  return body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array);
}

/** fetch() for the registry code, over node:http; see the top of the file for the rules kept. */
export const httpFetch: HttpFetch = async (input, init = {}) => {
  if (isStreamBody(init.body)) return (await globalThis.fetch(input, init));
  let url = new URL(input);
  let method = (init.method ?? 'GET').toUpperCase();
  let body: string | Uint8Array | undefined = init.body;
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  for (let hop = 0; ; hop++) {
    const res = await sendOnce(url, method, headers, body, init.signal);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (!REDIRECTS.has(status) || location === undefined) return new NodeResponse(res, url.href, hop > 0, init.signal);
    res.resume();
    if (hop >= MAX_REDIRECTS) throw new TypeError('fetch failed', { cause: new Error(`more than ${MAX_REDIRECTS} redirects, the last to ${location}`) });
    const next = new URL(location, url);
    if (next.origin !== url.origin) {
      // fetch's rule: credentials for one host are not handed to another.
      for (const name of Object.keys(headers)) if (/^(authorization|cookie|proxy-authorization)$/i.test(name)) delete headers[name];
    }
    if (((status === 301 || status === 302) && method === 'POST') || (status === 303 && method !== 'GET' && method !== 'HEAD')) {
      method = 'GET';
      body = undefined;
      for (const name of Object.keys(headers)) if (/^content-(type|length|encoding|language|location)$/i.test(name)) delete headers[name];
    }
    url = next;
  }
};

