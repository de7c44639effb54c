import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryClient, nextPagePath, parseRetryAfter } from '../../src/registry/client.js';
import type { RegistryClientOptions } from '../../src/registry/client.js';
import { serveHttp } from '../support/registry.js';

const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
const MANIFEST = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
  config: { mediaType: 'application/vnd.docker.container.image.v1+json', digest: 'sha256:c', size: 2 },
  layers: [],
});

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>) {
  const s = await serveHttp(handler);
  servers.push(s);
  return s;
}

function client(extra: Partial<RegistryClientOptions> = {}) {
  const sleeps: number[] = [];
  const c = new RegistryClient({ fetch, sleep: async (ms) => void sleeps.push(ms), retryBaseMs: 100, ...extra });
  return { c, sleeps };
}

describe('retries', () => {
  it('honours Retry-After in seconds on 429', async () => {
    let n = 0;
    const s = await serve((_req, res) => {
      if (++n < 3) return void res.writeHead(429, { 'Retry-After': '2' }).end('slow down');
      res.writeHead(200, { 'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json', 'Docker-Content-Digest': sha(MANIFEST) }).end(MANIFEST);
    });
    const { c, sleeps } = client();
    const m = await c.getManifest(`${s.host}/app:1`);
    expect(m.digest).toBe(sha(MANIFEST));
    expect(sleeps).toEqual([2000, 2000]);
    expect(c.requestCount).toBe(3);
  });

  it('honours Retry-After as an HTTP date, capped at maxRetryWaitMs', async () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const dates = ['Thu, 01 Jan 2026 00:00:05 GMT', 'Thu, 01 Jan 2026 01:00:00 GMT'];
    let n = 0;
    const s = await serve((_req, res) => {
      const d = dates[n++];
      if (d) return void res.writeHead(503, { 'Retry-After': d }).end();
      res.writeHead(200, { 'Docker-Content-Digest': sha(MANIFEST), 'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json' }).end();
    });
    const { c, sleeps } = client({ now: () => now, maxRetryWaitMs: 10_000 });
    await c.headDigest(`${s.host}/app:1`);
    expect(sleeps).toEqual([5000, 10_000]);
  });

  it('backs off exponentially on 5xx and then reports the last status', async () => {
    const s = await serve((_req, res) => void res.writeHead(502, { 'Content-Type': 'text/plain' }).end('bad gateway'));
    const { c, sleeps } = client({ retries: 3 });
    await expect(c.getManifest(`${s.host}/app:1`)).rejects.toThrow(/^Manifest 127\.0\.0\.1:\d+\/app:1 failed \(HTTP 502: bad gateway\)$/);
    expect(sleeps).toEqual([100, 200, 400]);
    expect(c.requestCount).toBe(4);
  });

  it('does not retry a 404, and quotes the registry error code', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }));
    });
    const { c, sleeps } = client();
    const err = (await c.getManifest(`${s.host}/app:nope`).catch((e: unknown) => e)) as Error & { status?: number; code?: string };
    expect(err).toMatchObject({ status: 404, code: 'MANIFEST_UNKNOWN' });
    expect(err.message).toMatch(/Manifest 127\.0\.0\.1:\d+\/app:nope not found \(HTTP 404: MANIFEST_UNKNOWN manifest unknown\)/);
    expect(sleeps).toEqual([]);
  });

  it('times out a request that never answers, retrying first', async () => {
    const s = await serve(() => {
      /* never respond */
    });
    const { c, sleeps } = client({ timeoutMs: 150, retries: 1 });
    const started = performance.now();
    await expect(c.headDigest(`${s.host}/app:1`)).rejects.toThrow(/HEAD http:\/\/127\.0\.0\.1:\d+\/v2\/app\/manifests\/1 timed out after 150 ms \(2 attempts\)/);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(sleeps).toEqual([100]);
  });

  it('retries a refused connection', async () => {
    const s = await serve(() => undefined);
    const host = s.host;
    await s.close();
    const { c, sleeps } = client({ retries: 2 });
    await expect(c.listTags(`${host}/app`)).rejects.toThrow(/failed: fetch failed \(ECONNREFUSED\) \(3 attempts\)/);
    expect(sleeps).toEqual([100, 200]);
  });
});

describe('manifests and blobs', () => {
  it('sends the full Accept list and falls back to GET when HEAD has no digest', async () => {
    const seen: string[] = [];
    const s = await serve((req, res) => {
      seen.push(`${req.method} ${req.headers.accept}`);
      res.writeHead(200, { 'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json' });
      res.end(req.method === 'HEAD' ? undefined : MANIFEST);
    });
    const { c } = client();
    expect(await c.headDigest(`${s.host}/app:1`)).toEqual({ digest: sha(MANIFEST), mediaType: 'application/vnd.docker.distribution.manifest.v2+json', size: MANIFEST.length });
    const accept = 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';
    expect(seen).toEqual([`HEAD ${accept}`, `GET ${accept}`]);
  });

  it('rejects a manifest whose content does not match the digest asked for', async () => {
    const s = await serve((_req, res) => void res.writeHead(200, { 'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json' }).end(MANIFEST));
    const { c } = client();
    const wrong = `sha256:${'0'.repeat(64)}`;
    await expect(c.getManifest(`${s.host}/app`, wrong)).rejects.toThrow(`has digest ${sha(MANIFEST)}, expected ${wrong}`);
  });

  it('follows a blob redirect without forwarding credentials to the other origin', async () => {
    const config = JSON.stringify({ architecture: 'amd64', os: 'linux' });
    const storageSeen: (string | undefined)[] = [];
    const storage = await serve((req, res) => {
      storageSeen.push(req.headers.authorization);
      res.writeHead(200).end(config);
    });
    const reg = await serve((req, res) => {
      if (req.headers.authorization !== 'Basic dTpwYXNzd29yZA==') {
        return void res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="r"' }).end();
      }
      res.writeHead(307, { Location: `${storage.url}/blob?sig=1` }).end();
    });
    const { c } = client({ credentials: () => ({ kind: 'basic', username: 'u', password: 'password' }) });
    expect(await c.getConfig(`${reg.host}/app`, sha(config))).toEqual({ architecture: 'amd64', os: 'linux' });
    expect(storageSeen).toEqual([undefined]);
  });

  it('checks the config digest', async () => {
    const s = await serve((_req, res) => void res.writeHead(200).end('{"os":"linux"}'));
    const { c } = client();
    await expect(c.getConfig(`${s.host}/app`, `sha256:${'1'.repeat(64)}`)).rejects.toThrow(/Config 127\.0\.0\.1:\d+\/app@sha256:1+ has digest sha256:[0-9a-f]{64}; the registry sent different content/);
  });

  it('runs requests for different images concurrently', async () => {
    let inFlight = 0;
    let peak = 0;
    const s = await serve(async (_req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 100));
      inFlight--;
      res.writeHead(200, { 'Docker-Content-Digest': sha(MANIFEST) }).end();
    });
    const { c } = client();
    await Promise.all(['a', 'b', 'c'].map((r) => c.headDigest(`${s.host}/${r}:1`)));
    expect(peak).toBe(3);
  });

  it('uses https for non-loopback registries unless marked insecure', async () => {
    const urls: string[] = [];
    const fakeFetch = (async (url: string | URL) => {
      urls.push(String(url));
      return new Response(null, { status: 200, headers: { 'Docker-Content-Digest': 'sha256:x' } });
    }) as typeof fetch;
    await new RegistryClient({ fetch: fakeFetch }).headDigest('ghcr.io/o/a:1');
    await new RegistryClient({ fetch: fakeFetch }).headDigest('busybox');
    await new RegistryClient({ fetch: fakeFetch, insecure: ['registry.lan:5000'] }).headDigest('registry.lan:5000/a');
    await new RegistryClient({ fetch: fakeFetch }).headDigest('localhost:5000/a');
    expect(urls).toEqual([
      'https://ghcr.io/v2/o/a/manifests/1',
      'https://registry-1.docker.io/v2/library/busybox/manifests/latest',
      'http://registry.lan:5000/v2/a/manifests/latest',
      'http://localhost:5000/v2/a/manifests/latest',
    ]);
  });
});

describe('listTags', () => {
  it('follows Link rel="next" pages (relative and absolute) with n=', async () => {
    const all = Array.from({ length: 7 }, (_, i) => `t${i}`);
    const seen: string[] = [];
    const s = await serve((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      seen.push(`${url.pathname}${url.search}`);
      const n = Number(url.searchParams.get('n') ?? 100);
      const last = url.searchParams.get('last');
      const start = last ? all.indexOf(last) + 1 : 0;
      const page = all.slice(start, start + n);
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (start + n < all.length) {
        const next = `/v2/app/tags/list?n=${n}&last=${page.at(-1)}`;
        // alternate forms, as different registries send them
        headers.Link = start === 0 ? `<${next}>; rel="next"` : `<http://${req.headers.host}${next}>; rel=next`;
      }
      res.writeHead(200, headers).end(JSON.stringify({ name: 'app', tags: page }));
    });
    const { c } = client();
    expect(await c.listTags(`${s.host}/app`, { pageSize: 3 })).toEqual(all);
    expect(seen).toEqual(['/v2/app/tags/list?n=3', '/v2/app/tags/list?n=3&last=t2', '/v2/app/tags/list?n=3&last=t5']);
    const { c: limited } = client();
    expect(await limited.listTags(`${s.host}/app`, { pageSize: 3, maxPages: 2 })).toEqual(all.slice(0, 6));
  });

  it('treats tags: null (an empty repository) as no tags', async () => {
    const s = await serve((_req, res) => void res.writeHead(200).end('{"name":"app","tags":null}'));
    expect(await client().c.listTags(`${s.host}/app`)).toEqual([]);
  });
});

describe('header parsing', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['3', 3000],
    ['0', 0],
    [' 10 ', 10_000],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('Retry-After %j -> %j ms', (value, ms) => expect(parseRetryAfter(value, now)).toBe(ms));

  it.each([
    ['</v2/a/tags/list?n=2&last=b>; rel="next"', '/v2/a/tags/list?n=2&last=b'],
    ['<https://r.example/v2/a/tags/list?last=b>; rel="next"', '/v2/a/tags/list?last=b'],
    ['<https://r.example/docs>; rel="help", </v2/a/tags/list?last=z>; rel="next"', '/v2/a/tags/list?last=z'],
    ['</v2/a/tags/list?last=b>; rel="prev"', undefined],
    [null, undefined],
  ])('Link %j -> %j', (link, path) => expect(nextPagePath(link, 'http://127.0.0.1:5000/v2/a/tags/list')).toBe(path));
});
