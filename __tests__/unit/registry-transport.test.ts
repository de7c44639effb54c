// The transport's write-side paths (bodies, non-replayable streams, scope-naming errors, a writer
// sharing a client's transport), which the read-only client tests do not reach.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/client.js';
import { RegistryTransport } from '../../src/registry/transport.js';
import { RegistryWriter } from '../../src/registry/writer.js';
import { serveHttp } from '../support/registry.js';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>) {
  const s = await serveHttp(handler);
  servers.push(s);
  return s;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const quick = { fetch, retryBaseMs: 10, sleep: async () => undefined };

describe('RegistryTransport', () => {
  it('reopens the body for every attempt, and does not retry a body that cannot be replayed', async () => {
    const received: string[] = [];
    let status = 503;
    const s = await serve(async (req, res) => {
      received.push(await bodyOf(req));
      res.writeHead(status).end();
    });
    const t = new RegistryTransport({ ...quick, retries: 2 });
    let opened = 0;
    const body = async () => `body ${++opened}`;
    status = 503;
    const answered = await t.send({ registry: s.host, repository: 'app' }, 'manifests/1', { method: 'PUT', what: 'Put', body, ok: [503] });
    expect(answered.status).toBe(503);
    expect(received).toEqual(['body 1', 'body 2', 'body 3']);
    expect(t.requestCount).toBe(3);

    received.length = 0;
    await expect(t.send({ registry: s.host, repository: 'app' }, 'manifests/1', { method: 'PUT', what: 'Put', body, retry: false })).rejects.toMatchObject({
      status: 503,
      message: 'Put failed (HTTP 503)',
    });
    expect(received).toEqual(['body 4']);
  });

  it('reopens a streamed body after an auth challenge and sends the retry with the credentials', async () => {
    const seen: { auth: string | undefined; body: string }[] = [];
    const s = await serve(async (req, res) => {
      seen.push({ auth: req.headers.authorization, body: await bodyOf(req) });
      if (!req.headers.authorization) return void res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="r"' }).end();
      res.writeHead(201).end();
    });
    const t = new RegistryTransport({ ...quick, credentials: () => ({ kind: 'basic', username: 'u', password: 'secret' }) });
    let opened = 0;
    const body = async () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode(`stream ${++opened}`));
          c.close();
        },
      });
    const res = await t.send({ registry: s.host, repository: 'app' }, 'blobs/uploads/x', { method: 'PUT', what: 'Upload', body, retry: false, ok: [201] });
    expect(res.status).toBe(201);
    expect(opened).toBe(2);
    expect(seen.map((x) => x.auth)).toEqual([undefined, `Basic ${Buffer.from('u:secret').toString('base64')}`]);
    expect(seen[1]!.body).toBe('stream 2');
  });

  it('write wording: a refusal names the token scope and quotes the server without its secrets', async () => {
    const s = await serve((req, res) => {
      if (!req.headers.authorization) return void res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="r"' }).end();
      if (req.method === 'POST') return void res.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'DENIED', message: 'no push for u' }] }));
      res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Basic realm="r"' }).end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'bad password hunter2' }] }));
    });
    const t = new RegistryTransport({ ...quick, credentials: () => ({ kind: 'basic', username: 'u', password: 'hunter2' }) });
    const ref = { registry: s.host, repository: 'app' };
    const scope = 'repository:app:pull,push';
    await expect(t.send(ref, 'manifests/1', { method: 'PUT', what: 'Manifest x', scope, wording: 'write' })).rejects.toThrow(
      `Registry ${s.host} refused Manifest x as user "u" (HTTP 401: UNAUTHORIZED bad password ***); it needs the token scope "${scope}"`,
    );
    await expect(t.send(ref, 'blobs/uploads/', { method: 'POST', what: 'Upload', scope, wording: 'write' })).rejects.toThrow(
      'Upload access denied (HTTP 403: DENIED no push for u) as user "u"; it needs the token scope "repository:app:pull,push"',
    );
    // Read wording, as RegistryClient sends it.
    await expect(t.send(ref, 'manifests/1', { method: 'GET', what: 'Manifest x' })).rejects.toThrow(
      `Registry ${s.host} rejected the credentials sent as user "u" for Manifest x (HTTP 401)`,
    );
  });

  it('keeps upload session state out of a failure message, and passes whole URLs through', async () => {
    const s = await serve(() => undefined);
    const host = s.host;
    await s.close();
    const t = new RegistryTransport({ ...quick, retries: 0 });
    const session = `http://${host}/v2/app/blobs/uploads/abc?_state=SECRETSTATE&digest=sha256%3A1`;
    expect(t.url({ registry: 'ghcr.io', repository: 'app' }, session)).toBe(session);
    const err = (await t.send({ registry: host, repository: 'app' }, session, { method: 'PUT', what: 'Upload', wording: 'write' }).catch((e: Error) => e)) as Error;
    expect(err.message).toMatch(/^Upload: PUT http:\/\/127\.0\.0\.1:\d+\/v2\/app\/blobs\/uploads\/abc\?_state=%E2%80%A6&digest=sha256%3A1 failed: fetch failed/);
    expect(err.message).not.toContain('SECRETSTATE');
  });
});

describe('RegistryWriter on a RegistryClient', () => {
  it('shares the transport: the auth scheme the client learned, and one request count', async () => {
    const seen: string[] = [];
    const s = await serve((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ? 'auth' : 'anon'}`);
      if (!req.headers.authorization) return void res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="r"' }).end();
      res.writeHead(200, { 'Docker-Content-Digest': 'sha256:x' }).end();
    });
    const client = new RegistryClient({ ...quick, credentials: () => ({ kind: 'basic', username: 'u', password: 'p' }) });
    const writer = new RegistryWriter(client);
    expect(writer.transport).toBe(client.transport);
    await client.headDigest(`${s.host}/app:1`);
    expect(await writer.blobExists(`${s.host}/app`, 'sha256:x')).toBe(true);
    expect(seen).toEqual(['HEAD /v2/app/manifests/1 anon', 'HEAD /v2/app/manifests/1 auth', 'HEAD /v2/app/blobs/sha256:x auth']);
    expect(client.requestCount).toBe(3);
    expect(writer.requestCount).toBe(3);
    // From options, a writer has a transport of its own.
    expect(new RegistryWriter(quick).transport).not.toBe(client.transport);
  });

  it('copyBlob starts a new upload when the streamed PUT fails with a 5xx', async () => {
    const seen: string[] = [];
    let puts = 0;
    const s = await serve(async (req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (req.method === 'GET') return void res.writeHead(200).end('layer');
      if (req.method === 'POST') return void res.writeHead(202, { Location: `/v2/dst/blobs/uploads/u${seen.length}` }).end();
      await bodyOf(req);
      res.writeHead(++puts === 1 ? 500 : 201).end();
    });
    const writer = new RegistryWriter({ ...quick, retries: 1 });
    await writer.copyBlob(`${s.host}/src`, `${s.host}/dst`, { digest: 'sha256:1', size: 5 }, `http://${s.host}/v2/dst/blobs/uploads/given`);
    expect(seen).toEqual([
      'GET /v2/src/blobs/sha256:1',
      'PUT /v2/dst/blobs/uploads/given?digest=sha256%3A1',
      'POST /v2/dst/blobs/uploads/',
      'GET /v2/src/blobs/sha256:1',
      'PUT /v2/dst/blobs/uploads/u3?digest=sha256%3A1',
    ]);
  });
});
