// httpFetch (src/io/http-fetch.ts) against a real loopback HTTP server, each case side by side with
// Node's own fetch: where the registry code reads it, the two must answer alike.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFetch, type HttpFetch } from '../../src/io/http-fetch.js';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

let a: Server;
let b: Server;
let originA: string;
let originB: string;
const seen: Seen[] = [];

function handler(other: () => string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      seen.push({ method: req.method!, url: url.pathname, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), body: Buffer.concat(chunks).toString() });
      const to = url.searchParams.get('to');
      if (url.pathname.startsWith('/redirect/')) {
        const status = Number(url.pathname.split('/')[2]);
        res.writeHead(status, { Location: to === 'other' ? `${other()}/final` : '/final' });
        res.end('moved');
        return;
      }
      if (url.pathname === '/loop') {
        res.writeHead(302, { Location: '/loop' });
        res.end();
        return;
      }
      if (url.pathname === '/slow-headers') return; // never answers
      if (url.pathname === '/cut-body') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
        res.write('{"partial":');
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      if (url.pathname === '/slow-body') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.write('part');
        return; // never ends
      }
      res.writeHead(200, { 'Content-Type': 'application/json', 'Docker-Content-Digest': 'sha256:abc', 'WWW-Authenticate': 'Bearer realm="r"' });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ path: url.pathname, method: req.method }));
    });
  };
}

beforeAll(async () => {
  a = createServer(handler(() => originB));
  b = createServer(handler(() => originA));
  await Promise.all([a, b].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
  originA = `http://127.0.0.1:${(a.address() as AddressInfo).port}`;
  // "localhost" makes it another origin on the same machine.
  originB = `http://localhost:${(b.address() as AddressInfo).port}`;
});

afterAll(async () => {
  a.closeAllConnections();
  b.closeAllConnections();
  await Promise.all([a, b].map((s) => new Promise((r) => s.close(r))));
});

const clients: Array<[string, HttpFetch]> = [
  ['httpFetch', httpFetch],
  ['Node fetch', globalThis.fetch],
];

async function request(f: HttpFetch, path: string, init: Parameters<HttpFetch>[1] = {}) {
  seen.length = 0;
  const res = await f(`${originA}${path}`, { redirect: 'follow', ...init });
  const text = init.method === 'HEAD' ? '' : await res.text();
  return {
    status: res.status,
    ok: res.ok,
    url: res.url,
    redirected: res.redirected,
    digest: res.headers.get('docker-content-digest'),
    contentType: res.headers.get('Content-Type'),
    missing: res.headers.get('x-none'),
    // Every header, as Octokit reads them; not the date (it may tick between the two requests) nor
    // the hop-by-hop ones, which answer how each client asked to keep its connection.
    all: [...res.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)),
    text,
    seen: [...seen],
  };
}

describe('httpFetch answers as Node fetch does', () => {
  it.each([
    ['GET', '/v2/x/manifests/1', {}],
    ['HEAD', '/v2/x/manifests/1', { method: 'HEAD' }],
    ['POST with a body', '/token', { method: 'POST', body: 'grant_type=password', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }],
    ['same-origin 307 keeps the method, body and Authorization', '/redirect/307', { method: 'POST', body: 'x', headers: { Authorization: 'Bearer t' } }],
    ['cross-origin 302 drops Authorization', '/redirect/302?to=other', { headers: { Authorization: 'Bearer secret' } }],
    ['303 after a PUT becomes a GET without a body', '/redirect/303', { method: 'PUT', body: 'data' }],
    ['302 after a POST becomes a GET', '/redirect/302', { method: 'POST', body: 'data' }],
    ['301 keeps a HEAD a HEAD', '/redirect/301?to=other', { method: 'HEAD', headers: { Authorization: 'Basic x' } }],
  ] as const)('%s', async (_name, path, init) => {
    const ours = await request(httpFetch, path, init);
    const theirs = await request(globalThis.fetch, path, init);
    expect(ours).toEqual(theirs);
  });

  it('drops Authorization on the cross-origin hop only (the case the table relies on)', async () => {
    const r = await request(httpFetch, '/redirect/302?to=other', { headers: { Authorization: 'Bearer secret' } });
    expect(r.seen.map((s) => s.authorization)).toEqual(['Bearer secret', undefined]);
    expect(r.url).toBe(`${originB}/final`);
    expect(r.redirected).toBe(true);
  });

  it.each(clients)('%s: a redirect loop ends in a TypeError', async (_name, f) => {
    await expect(f(`${originA}/loop`, { redirect: 'follow' })).rejects.toThrow(TypeError);
  });

  it.each(clients)('%s: a refused connection is TypeError("fetch failed") with the code as cause', async (_name, f) => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const err = (await f(`http://127.0.0.1:${port}/`).catch((e: unknown) => e)) as TypeError & { cause?: { code?: string } };
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe('fetch failed');
    expect(err.cause?.code).toBe('ECONNREFUSED');
  });

  it.each(clients)('%s: the signal times out waiting for headers with a TimeoutError', async (_name, f) => {
    const err = (await f(`${originA}/slow-headers`, { signal: AbortSignal.timeout(150) }).catch((e: unknown) => e)) as Error;
    expect(err.name).toBe('TimeoutError');
  });

  it.each(clients)('%s: a body cut short by the connection is a TypeError, not a short document', async (_name, f) => {
    const res = await f(`${originA}/cut-body`);
    expect(res.status).toBe(200);
    const err = (await res.text().catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(TypeError);
  });

  it.each(clients)('%s: the signal covers the body too', async (_name, f) => {
    const res = await f(`${originA}/slow-body`, { signal: AbortSignal.timeout(200) });
    expect(res.status).toBe(200);
    const err = (await res.text().catch((e: unknown) => e)) as Error;
    expect(err.name).toBe('TimeoutError');
  });

  it.each(clients)('%s: json() and arrayBuffer(); a body reads once', async (_name, f) => {
    const res = await f(`${originA}/v2/`);
    expect(await res.json()).toEqual({ path: '/v2/', method: 'GET' });
    await expect(res.text()).rejects.toThrow(TypeError);
    const bytes = await (await f(`${originA}/v2/`)).arrayBuffer();
    expect(Buffer.from(bytes).toString()).toContain('"path":"/v2/"');
  });

  it('body is a web stream that can be read or cancelled', async () => {
    const res = await httpFetch(`${originA}/v2/`);
    const reader = res.body!.getReader();
    let text = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += Buffer.from(r.value).toString();
    expect(JSON.parse(text)).toEqual({ path: '/v2/', method: 'GET' });
    const other = await httpFetch(`${originA}/v2/`);
    await other.body!.cancel();
  });

  it('a streamed request body goes to Node fetch (uploads of copied layers)', async () => {
    seen.length = 0;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('layer bytes'));
        c.close();
      },
    });
    const res = await httpFetch(`${originA}/upload`, { method: 'PUT', body, duplex: 'half' });
    expect(res.status).toBe(200);
    expect(seen).toEqual([{ method: 'PUT', url: '/upload', body: 'layer bytes' }]);
  });
});

describe('httpFetch leaves nothing behind', () => {
  it('a process that only sent HEADs exits at once, not at the server keep-alive timeout', async () => {
    // Asynchronously: the server answering the child runs in this process.
    const { execFile } = await import('node:child_process');
    const { resolve } = await import('node:path');
    const moduleUrl = new URL(`file://${resolve(__dirname, '../../src/io/http-fetch.ts')}`).href;
    // The module is TypeScript; the child strips its types (Node 22.6+ does so by default from 23.6).
    const script = `const { httpFetch } = await import(${JSON.stringify(moduleUrl)}); for (let i = 0; i < 3; i++) { const r = await httpFetch(${JSON.stringify(`${originA}/v2/x/manifests/1`)}, { method: 'HEAD' }); if (r.status !== 200) process.exit(3); }`;
    const started = performance.now();
    const child = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const p = execFile(process.execPath, ['--experimental-strip-types', '--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 }, (_e, _out, stderr) =>
        done({ code: p.exitCode, stderr }),
      );
    });
    expect(child.stderr).toBe('');
    expect(child.code).toBe(0);
    // Node's http server keeps an idle connection for 5 s: well under that means nothing held it.
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('httpFetch over TLS (the GitHub API, and most registries), as Node fetch', () => {
  it.each([
    ['httpFetch', 'httpFetch'],
    ['Node fetch', 'fetch'],
  ])('%s: trusts what NODE_EXTRA_CA_CERTS adds, refuses an unknown issuer', async (_name, client) => {
    const { execFile, execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join, resolve } = await import('node:path');
    const { createServer: createHttpsServer } = await import('node:https');
    const dir = mkdtempSync(join(tmpdir(), 'strata-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ path: req.url, ua: req.headers['user-agent'] ?? null }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/user`;
    const moduleUrl = new URL(`file://${resolve(__dirname, '../../src/io/http-fetch.ts')}`).href;
    const script = `const { httpFetch } = await import(${JSON.stringify(moduleUrl)}); const f = ${client};
      try { const r = await f(${JSON.stringify(url)}, { headers: { 'User-Agent': 'strata-action' } }); console.log(JSON.stringify({ status: r.status, body: await r.json() })); }
      catch (e) { console.log(JSON.stringify({ error: e.name + ': ' + e.message, cause: e.cause?.code ?? null })); }`;
    const run = (env: NodeJS.ProcessEnv) =>
      new Promise<unknown>((done, fail) =>
        execFile(process.execPath, ['--experimental-strip-types', '--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000, env }, (e, out) => (e ? fail(new Error(`child failed: ${e.message}`)) : done(JSON.parse(out)))),
      );
    try {
      const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
      expect(await run({ ...env, NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') })).toEqual({ status: 200, body: { path: '/user', ua: 'strata-action' } });
      expect(await run(env)).toEqual({ error: 'TypeError: fetch failed', cause: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
