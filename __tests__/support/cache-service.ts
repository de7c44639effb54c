// A loopback emulation of the GitHub Actions cache service, protocol v2, for e2e tests that run
// the real, unmodified @actions/cache against it. It speaks what that client sends:
//   - twirp JSON: POST /twirp/github.actions.results.api.v1.CacheService/<Method>
//   - Azure Blob uploads the SDK makes for a path-style (IP host) URL: Put Blob, or Put Block +
//     Put Block List once the archive passes the SDK's 128 MiB single-shot limit
//   - a plain GET download (the client only uses the Azure SDK for *.blob.core.windows.net);
//     BuildKit's gha backend downloads through the Azure SDK, which resumes at an offset with an
//     `x-ms-range` header, so ranges are honoured (206)
// v1 REST (_apis/artifactcache) is not served: github.com no longer offers it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Faults injected at the protocol level:
 * - `error500`, `hang`, `refuse`: the whole service answers 500, accepts and never answers, or is gone;
 * - `reserve500`: only CreateCacheEntry answers 500 (a reservation outage, not a conflict);
 * - `hang-upload`: lookups work, reservations and uploads accept and never answer (an export hangs);
 * - `blob403`: the download URL refuses with Azure's AuthenticationFailed (an expired signature);
 * - `truncate`: the download announces the full length, sends half and cuts the connection;
 * - `corrupt`: the download has the right length with garbage in the middle;
 * - `stall-download`: the download sends its headers and a first chunk, then nothing more;
 * - `slow-download`: the download trickles in over `slowDownloadMs`, always moving.
 */
export type FailMode =
  | 'none'
  | 'error500'
  | 'hang'
  | 'refuse'
  | 'reserve500'
  | 'hang-upload'
  | 'blob403'
  | 'truncate'
  | 'corrupt'
  | 'stall-download'
  | 'slow-download';

export interface CacheServiceEntry {
  id: number;
  key: string;
  version: string;
  /** Bytes of the committed blob; 0 until the upload is committed. */
  size: number;
  finalized: boolean;
  createdAt: number;
}

export interface LoggedRequest {
  method: string;
  /** Path plus the query parameters that tell Azure operations apart (comp, blockid). */
  path: string;
  status: number;
  /** The cache key a twirp call named (BuildKit's keys carry its scope: `index-<scope>-...`). */
  key?: string;
  /** The entry a blob upload or download touched. */
  entry?: number;
}

export interface CacheService {
  url: string;
  /** What a step needs in process.env for @actions/cache to use this service (v2). */
  env: Record<string, string | undefined>;
  entries(): CacheServiceEntry[];
  /** Blob bytes received by Put Blob / Put Block, over the service's lifetime. */
  readonly bytesUploaded: number;
  readonly requests: LoggedRequest[];
  setFailMode(mode: FailMode): Promise<void>;
  stop(): Promise<void>;
  /**
   * Twirp requests received and responses sent that the service's definition does not allow
   * (the message types @actions/cache ships, generated from results/api/v1/cache.proto).
   */
  readonly contractViolations: string[];
}

interface TwirpMessageType {
  fromJson(json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}
interface TwirpMethod {
  name: string;
  I: TwirpMessageType;
  O: TwirpMessageType;
}

/**
 * The cache service's contract as @actions/cache ships it: its generated protobuf-ts service
 * definition (not exported by the package, so loaded by path). fromJson is strict: an unknown
 * field or a value of the wrong type throws, which is how a drift of the emulation (or of a client,
 * BuildKit's included) from the real service's messages shows.
 */
async function cacheServiceMethods(): Promise<Map<string, TwirpMethod>> {
  const file = resolve(import.meta.dirname, '../../node_modules/@actions/cache/lib/generated/results/api/v1/cache.js');
  const generated = (await import(pathToFileURL(file).href)) as { CacheService: { methods: TwirpMethod[] } };
  return new Map(generated.CacheService.methods.map((m) => [m.name, m]));
}

function violation(kind: 'request' | 'response', method: string, type: TwirpMessageType, json: unknown): string | undefined {
  try {
    type.fromJson(json, { ignoreUnknownFields: false });
    return undefined;
  } catch (error) {
    return `${method} ${kind} ${JSON.stringify(json)}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export interface CacheServiceOptions {
  token?: string;
  /** RUNNER_TEMP for the client's archives; a fresh temp dir when omitted. */
  runnerTemp?: string;
  /** How long a `slow-download` takes in all. */
  slowDownloadMs?: number;
}

interface StoredEntry extends CacheServiceEntry {
  blob?: Buffer;
  blocks: Map<string, Buffer>;
}

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.CacheService/';
const BLOB_PREFIX = '/devstoreaccount1/actions-cache/';

/** GitHub's lookup order: for the key, then each restore key: exact match, then newest prefix match. */
export function matchCacheEntry<E extends Pick<CacheServiceEntry, 'key' | 'version' | 'createdAt' | 'id'>>(
  entries: readonly E[],
  keys: readonly string[],
  version: string,
): E | undefined {
  const candidates = entries
    .filter((e) => e.version === version)
    .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  for (const key of keys) {
    const hit = candidates.find((e) => e.key === key) ?? candidates.find((e) => e.key.startsWith(key));
    if (hit) return hit;
  }
  return undefined;
}

/** Block ids in a Put Block List body, in order (<Latest>, <Committed> and <Uncommitted> alike). */
export function parseBlockList(xml: string): string[] {
  return [...xml.matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\//g)].map((m) => m[1]!);
}

export async function startCacheService(options: CacheServiceOptions = {}): Promise<CacheService> {
  const token = options.token ?? runtimeToken();
  const runnerTemp = options.runnerTemp ?? (await mkdtemp(join(tmpdir(), 'strata-runner-temp-')));
  const stored: StoredEntry[] = [];
  const requests: LoggedRequest[] = [];
  const methods = await cacheServiceMethods();
  const contractViolations: string[] = [];
  const sockets = new Set<Socket>();
  let failMode: FailMode = 'none';
  let bytesUploaded = 0;
  let nextId = 1;
  // Entries made in the same millisecond still need a newest-first order.
  let clock = 0;
  let baseUrl = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://loopback');
    const comp = url.searchParams.get('comp');
    const logged: LoggedRequest = { method: req.method ?? '', path: url.pathname + (comp ? `?comp=${comp}` : ''), status: 0 };
    requests.push(logged);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      logged.status = status;
      const payload = Buffer.isBuffer(body) ? body : Buffer.from(body === undefined ? '' : JSON.stringify(body));
      res.writeHead(status, { 'content-length': String(payload.length), ...headers });
      res.end(payload);
    };
    const twirpError = (status: number, code: string, msg: string): void =>
      send(status, { code, msg }, { 'content-type': 'application/json' });

    if (failMode === 'hang') return; // the socket stays open until stop()
    const isUpload = (req.method === 'PUT' && url.pathname.startsWith(BLOB_PREFIX)) || url.pathname === `${TWIRP_PREFIX}CreateCacheEntry`;
    if (failMode === 'hang-upload' && isUpload) return;
    const body = await readBody(req);
    if (failMode === 'error500') return twirpError(500, 'internal', 'emulated cache service outage');
    if (failMode === 'reserve500' && url.pathname === `${TWIRP_PREFIX}CreateCacheEntry`) return twirpError(500, 'internal', 'emulated reservation outage');

    if (req.method === 'POST' && url.pathname.startsWith(TWIRP_PREFIX)) {
      if (req.headers.authorization !== `Bearer ${token}`) {
        return twirpError(401, 'unauthenticated', `bad or missing runtime token: ${JSON.stringify(req.headers.authorization)}`);
      }
      let request: Record<string, unknown>;
      try {
        request = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        return twirpError(400, 'malformed', 'request body is not JSON');
      }
      if (typeof request.key === 'string') logged.key = request.key;
      const method = url.pathname.slice(TWIRP_PREFIX.length);
      const contract = methods.get(method);
      const requestProblem = contract ? violation('request', method, contract.I, request) : `${method}: not a method of CacheService`;
      if (requestProblem) contractViolations.push(requestProblem);
      const ok = (payload: object): void => {
        const responseProblem = contract && violation('response', method, contract.O, payload);
        if (responseProblem) contractViolations.push(responseProblem);
        send(200, payload, { 'content-type': 'application/json' });
      };
      return twirp(method, request, ok, twirpError);
    }
    if (req.method === 'PUT' && url.pathname.startsWith(BLOB_PREFIX)) {
      const entry = stored.find((e) => e.id === Number(url.pathname.slice(BLOB_PREFIX.length)));
      logged.entry = entry?.id;
      if (!entry || entry.finalized) return send(404, undefined);
      const azureHeaders = { etag: `"0x${entry.id}"`, 'x-ms-request-id': `req-${requests.length}`, 'x-ms-version': '2025-01-05' };
      if (comp === 'block') {
        entry.blocks.set(url.searchParams.get('blockid') ?? '', body);
        bytesUploaded += body.length;
      } else if (comp === 'blocklist') {
        const parts = parseBlockList(body.toString('utf8')).map((id) => entry.blocks.get(id));
        if (parts.some((p) => p === undefined)) return send(400, undefined);
        entry.blob = Buffer.concat(parts as Buffer[]);
        entry.blocks.clear();
      } else {
        entry.blob = body;
        bytesUploaded += body.length;
      }
      return send(201, undefined, azureHeaders);
    }
    if (req.method === 'GET' && url.pathname.startsWith('/download/')) {
      const entry = stored.find((e) => e.id === Number(url.pathname.slice('/download/'.length)));
      logged.entry = entry?.id;
      if (!entry?.finalized || !entry.blob) return send(404, undefined);
      const range = byteRange(req.headers['x-ms-range'] ?? req.headers.range, entry.blob.length);
      if (range === 'unsatisfiable') return send(416, undefined, { 'content-range': `bytes */${entry.blob.length}` });
      // BuildKit's Azure SDK resumes at an offset: a ranged read is served whole when no fault is injected.
      if (range && failMode === 'none') {
        return send(206, entry.blob.subarray(range.start, range.end + 1), {
          'content-type': 'application/octet-stream',
          'content-range': `bytes ${range.start}-${range.end}/${entry.blob.length}`,
        });
      }
      return download(entry.blob, res, logged);
    }
    send(404, undefined);
  };

  /** The download, with the fault the mode asks for. */
  const download = (blob: Buffer, res: ServerResponse, logged: LoggedRequest): void => {
    if (failMode === 'blob403') {
      logged.status = 403;
      const xml = '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request. Signed expiry time has passed.</Message></Error>';
      res.writeHead(403, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(xml)), 'x-ms-error-code': 'AuthenticationFailed' });
      res.end(xml);
      return;
    }
    logged.status = 200;
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(blob.length) });
    const half = Math.floor(blob.length / 2);
    switch (failMode) {
      case 'truncate':
        res.write(blob.subarray(0, half), () => res.socket?.destroy());
        return;
      case 'corrupt': {
        const bad = Buffer.from(blob);
        bad.fill(0xa5, Math.floor(blob.length / 4), Math.floor((blob.length * 3) / 4));
        res.end(bad);
        return;
      }
      case 'stall-download':
        res.write(blob.subarray(0, Math.min(half, 1024))); // then nothing, until stop()
        return;
      case 'slow-download': {
        const pieces = 20;
        const size = Math.ceil(blob.length / pieces);
        let i = 0;
        const timer = setInterval(() => {
          const piece = blob.subarray(i * size, (i + 1) * size);
          i++;
          if (i >= pieces || piece.length === 0) {
            clearInterval(timer);
            res.end(piece);
          } else res.write(piece);
        }, (options.slowDownloadMs ?? 4_000) / pieces);
        return;
      }
      default:
        res.end(blob);
    }
  };

  const twirp = (
    method: string,
    request: Record<string, unknown>,
    ok: (payload: object) => void,
    fail: (status: number, code: string, msg: string) => void,
  ): void => {
    const key = String(request.key ?? '');
    const version = String(request.version ?? '');
    switch (method) {
      case 'GetCacheEntryDownloadURL': {
        const restoreKeys = Array.isArray(request.restore_keys) ? request.restore_keys.map(String) : [];
        const hit = matchCacheEntry(stored.filter((e) => e.finalized), [key, ...restoreKeys], version);
        if (!hit) return ok({ ok: false, signed_download_url: '', matched_key: '' });
        return ok({ ok: true, signed_download_url: `${baseUrl}/download/${hit.id}?sig=emulated`, matched_key: hit.key });
      }
      case 'CreateCacheEntry': {
        if (key.length === 0 || key.length > 512 || key.includes(',')) {
          return fail(400, 'invalid_argument', `invalid cache key: ${JSON.stringify(key)}`);
        }
        // Entries are immutable: GitHub answers a second reservation of key+version with a conflict.
        if (stored.some((e) => e.key === key && e.version === version)) {
          return fail(409, 'already_exists', `cache entry with the same key, version, and scope already exists: ${JSON.stringify(key)}`);
        }
        const entry: StoredEntry = { id: nextId++, key, version, size: 0, finalized: false, createdAt: ++clock, blocks: new Map() };
        stored.push(entry);
        return ok({ ok: true, signed_upload_url: `${baseUrl}${BLOB_PREFIX}${entry.id}?sig=emulated` });
      }
      case 'FinalizeCacheEntryUpload': {
        const entry = stored.find((e) => e.key === key && e.version === version && !e.finalized);
        if (!entry?.blob) return ok({ ok: false, entry_id: '0', message: `no uploaded blob for key ${JSON.stringify(key)}` });
        if (String(entry.blob.length) !== String(request.size_bytes)) {
          return ok({ ok: false, entry_id: '0', message: `size_bytes ${String(request.size_bytes)} != uploaded ${entry.blob.length}` });
        }
        entry.finalized = true;
        entry.size = entry.blob.length;
        return ok({ ok: true, entry_id: String(entry.id) });
      }
      default:
        return fail(404, 'bad_route', `no such method: ${JSON.stringify(method)}`);
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server, 0);
  baseUrl = `http://127.0.0.1:${port}`;

  const closeServer = (): Promise<void> =>
    new Promise((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  return {
    url: baseUrl,
    env: {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: `${baseUrl}/`,
      ACTIONS_RUNTIME_TOKEN: token,
      RUNNER_TEMP: runnerTemp,
      // github.com, so the client does not take this for GHES and fall back to v1.
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_CACHE_URL: undefined,
      ACTIONS_CACHE_MODE: undefined,
    },
    entries: () => stored.map(({ blob: _blob, blocks: _blocks, ...entry }) => ({ ...entry })),
    get bytesUploaded() {
      return bytesUploaded;
    },
    requests,
    contractViolations,
    async setFailMode(mode) {
      const wasRefusing = failMode === 'refuse';
      failMode = mode;
      // A real refusal (ECONNREFUSED) needs the port closed, not a reset connection.
      if (mode === 'refuse') await closeServer();
      else if (wasRefusing) await listen(server, port);
    },
    stop: closeServer,
  };
}

/**
 * A JWT-shaped runtime token, as the runner hands one out. BuildKit's gha backend parses it (it
 * refuses a token without `nbf`/`exp`, and reads the cache scopes from `ac`); nothing verifies the
 * signature, so an unsigned one is enough.
 */
export function runtimeToken(scopes: Array<{ Scope: string; Permission: number }> = [{ Scope: 'refs/heads/main', Permission: 3 }]): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { nbf: now - 60, exp: now + 6 * 3600, ac: JSON.stringify(scopes) };
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.emulated-signature`;
}

/** `bytes=START-[END]` (Azure's x-ms-range or HTTP Range) -> inclusive bounds; undefined: the whole blob. */
export function byteRange(header: string | string[] | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d+)-(\d*)$/.exec(String(header ?? '').trim());
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
