// A small counting reverse proxy for the bench: everything sent to it goes to one upstream (the
// loopback registry, the GitHub API emulation, the Docker Engine API's socket), and every request
// is recorded with its method, path, status and timing, so two clients' requests are counted the
// same way (a forward proxy would not see skopeo: Go never proxies loopback addresses) and a
// document fetched twice shows up as a path requested twice.
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProxiedRequest {
  method: string;
  path: string;
  status: number;
  /** Epoch ms when the request arrived and when its answer ended. */
  at: number;
  end: number;
  /** The User-Agent's first word: tells a build's own registry reads from the action's. */
  agent: string;
}

export interface CountingProxy {
  /** host:port, or the socket's path for a proxy on a Unix socket (DOCKER_HOST=unix://<host>). */
  host: string;
  /** Every HTTP request forwarded, in arrival order. */
  requests: ProxiedRequest[];
  /** Connections that never spoke HTTP (skopeo's HTTPS attempt before it falls back to HTTP). */
  nonHttp: number;
  stop(): Promise<void>;
}

/**
 * A proxy to `target`: host:port on loopback TCP, or `{ socketPath }` for the Docker Engine API
 * (then it listens on a Unix socket of its own, and passes upgraded connections such as BuildKit's
 * /session and /grpc through as raw streams).
 */
export async function startCountingProxy(target: string | { socketPath: string }): Promise<CountingProxy> {
  const upstream = typeof target === 'string' ? { hostname: target.split(':')[0], port: Number(target.split(':')[1]) } : { socketPath: target.socketPath };
  const sockets = new Set<Socket>();
  const proxy: CountingProxy = { host: '', requests: [], nonHttp: 0, stop: async () => undefined };
  const record = (req: IncomingMessage): ProxiedRequest => {
    const seen: ProxiedRequest = { method: req.method ?? '?', path: (req.url ?? '').split('?')[0]!, status: 0, at: Date.now(), end: 0, agent: (req.headers['user-agent'] ?? '').split(/[\s/]/)[0] ?? '' };
    proxy.requests.push(seen);
    return seen;
  };
  const server: Server = createServer((req, res) => {
    const seen = record(req);
    res.on('finish', () => (seen.end = Date.now()));
    const up = httpRequest({ ...upstream, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      seen.status = answer.statusCode ?? 502;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    up.on('error', (e) => res.destroy(e));
    req.pipe(up);
  });
  server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const seen = record(req);
    seen.status = 101;
    const raw = typeof target === 'string' ? connect(upstream.port!, upstream.hostname) : connect(target.socketPath);
    raw.on('connect', () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      raw.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) raw.write(head);
      raw.pipe(client);
      client.pipe(raw);
    });
    const close = () => {
      seen.end ||= Date.now();
      raw.destroy();
      client.destroy();
    };
    raw.on('error', close);
    raw.on('close', close);
    client.on('error', close);
    client.on('close', close);
  });
  server.on('clientError', (_err, socket) => {
    proxy.nonHttp++;
    // An HTTP answer to a TLS hello, as Go's server sends: BuildKit then retries in plain HTTP
    // (a closed socket it takes for a failure), as skopeo does either way.
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  if (typeof target === 'string') {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  } else {
    proxy.host = join(mkdtempSync(join(tmpdir(), 'strata-bench-engine-')), 'docker.sock');
    await new Promise<void>((resolve) => server.listen(proxy.host, resolve));
    // The runner user's steps reach the engine through it too (as through the real socket).
    chmodSync(proxy.host, 0o666);
  }
  proxy.stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return proxy;
}

/** Manifests and blobs (configs): the documents, as opposed to the /v2/ ping and token requests. */
export const isDocument = (r: ProxiedRequest) => /^\/v2\/.+\/(manifests|blobs)\/[^/]+$/.test(r.path);

/** `GET /v2/x/manifests/1` -> how many times, for the requests of one run. */
export function countByRequest(requests: readonly ProxiedRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(`${r.method} ${r.path}`, (counts.get(`${r.method} ${r.path}`) ?? 0) + 1);
  return counts;
}

/** "yes", or "no: GET .../manifests/sha256:abcd x3, ..." for the document requests sent more than once. */
export function fetchedOnce(requests: readonly ProxiedRequest[]): string {
  const twice = [...countByRequest(requests.filter(isDocument))].filter(([, n]) => n > 1);
  return twice.length === 0 ? 'yes' : `no: ${twice.map(([k, n]) => `${shortPath(k)} x${n}`).join(', ')}`;
}

/** `GET /v2/bench/report-app/blobs/sha256:0123456789ab…` -> `GET report-app/blobs/sha256:0123456789ab`. */
export function shortPath(request: string): string {
  return request.replace(/\/v2\/(?:[^ ]+\/)?([^/ ]+)\/(manifests|blobs|tags)\//, '$1/$2/').replace(/(sha256:[0-9a-f]{12})[0-9a-f]+/, '$1');
}

