import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryAuthenticator, createCredentialResolver, parseWwwAuthenticate, redact } from '../../src/registry/auth.js';
import { RegistryClient } from '../../src/registry/client.js';
import { normalizeAuthKey, parseDockerConfig, readDockerConfigFile } from '../../src/registry/docker-config.js';
import { serveHttp } from '../support/registry.js';

describe('parseWwwAuthenticate', () => {
  it.each([
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"',
      [{ scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:samalba/my-app:pull,push' } }],
    ],
    [
      'Bearer realm="https://ghcr.io/token", service="ghcr.io" , scope="repository:o/a:pull"',
      [{ scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:o/a:pull' } }],
    ],
    ['Basic realm="Registry Realm"', [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]],
    ['BEARER Realm=https://r.example/t,Service=svc', [{ scheme: 'bearer', params: { realm: 'https://r.example/t', service: 'svc' } }]],
    [
      'Basic realm="a, b", Bearer realm="https://x/t",scope="repository:a:pull,push repository:b:pull"',
      [
        { scheme: 'basic', params: { realm: 'a, b' } },
        { scheme: 'bearer', params: { realm: 'https://x/t', scope: 'repository:a:pull,push repository:b:pull' } },
      ],
    ],
    ['Bearer realm="with \\"quotes\\" inside"', [{ scheme: 'bearer', params: { realm: 'with "quotes" inside' } }]],
    ['', []],
    ['Bearer', [{ scheme: 'bearer', params: {} }]],
  ])('%s', (header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected);
  });
});

describe('docker config', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');

  it('reads auths as docker/login-action writes them', () => {
    const cfg = parseDockerConfig(
      JSON.stringify({
        auths: {
          'https://index.docker.io/v1/': { auth: b64('hubuser:hub:pass:with:colons') },
          'ghcr.io': { auth: b64('octo:ghp_token') },
          'http://127.0.0.1:5000/v2/': { identitytoken: 'refresh-me', auth: b64('<token>:') },
          'registry.example.com': { username: 'plain', password: 'fields' },
          'empty.example.com': {},
        },
        credsStore: 'desktop',
        credHelpers: { 'gcr.io': 'gcloud' },
      }),
    );
    expect(cfg.auths.get('docker.io')).toEqual({ kind: 'basic', username: 'hubuser', password: 'hub:pass:with:colons' });
    expect(cfg.auths.get('ghcr.io')).toEqual({ kind: 'basic', username: 'octo', password: 'ghp_token' });
    expect(cfg.auths.get('127.0.0.1:5000')).toEqual({ kind: 'identity-token', identityToken: 'refresh-me', username: '<token>' });
    expect(cfg.auths.get('registry.example.com')).toEqual({ kind: 'basic', username: 'plain', password: 'fields' });
    expect(cfg.auths.has('empty.example.com')).toBe(false);
    expect(cfg.credsStore).toBe('desktop');
    expect(cfg.credHelpers).toEqual({ 'gcr.io': 'gcloud' });
    expect(cfg.notes.join('\n')).toMatch(/credsStore "desktop" holds the credentials of the servers it lists/);
    expect(cfg.notes.join('\n')).not.toMatch(/ghp_token|hub:pass/);
  });

  it.each([
    ['https://index.docker.io/v1/', 'docker.io'],
    ['index.docker.io', 'docker.io'],
    ['registry-1.docker.io', 'docker.io'],
    ['https://ghcr.io', 'ghcr.io'],
    ['localhost:5000', 'localhost:5000'],
    ['http://127.0.0.1:5000/v2/', '127.0.0.1:5000'],
  ])('normalizes key %s to %s', (key, host) => expect(normalizeAuthKey(key)).toBe(host));

  it('does not quote content of an invalid file (it may hold secrets)', () => {
    expect(() => parseDockerConfig('{"auths": {"x": {"auth": "c2VjcmV0"}', '/home/u/.docker/config.json')).toThrow(
      /^Docker config \/home\/u\/.docker\/config.json is not valid JSON$/,
    );
  });

  describe('reader', () => {
    let dir: string | undefined;
    afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

    it('honours DOCKER_CONFIG, then ~/.docker, and returns undefined when absent', async () => {
      dir = mkdtempSync(join(tmpdir(), 'strata-dc-'));
      writeFileSync(join(dir, 'config.json'), '{"auths":{}}');
      expect(await readDockerConfigFile({ DOCKER_CONFIG: dir }, '/nonexistent')).toEqual({ path: join(dir, 'config.json'), content: '{"auths":{}}' });
      expect(await readDockerConfigFile({}, join(dir, 'home'))).toBeUndefined();
    });
  });

  it('input credentials win for their registry; the docker config covers the rest', () => {
    const dockerConfig = parseDockerConfig(JSON.stringify({ auths: { 'ghcr.io': { auth: b64('cfg:one') }, 'quay.io': { auth: b64('q:two') } } }));
    const resolve = createCredentialResolver({ input: { registry: 'ghcr.io', username: 'in', password: 'put' }, dockerConfig });
    expect(resolve('ghcr.io')).toEqual({ kind: 'basic', username: 'in', password: 'put' });
    expect(resolve('quay.io')).toEqual({ kind: 'basic', username: 'q', password: 'two' });
    expect(resolve('docker.io')).toBeUndefined();
  });
});

// A fake registry plus token realm on one loopback server. Paths under /v2/ need
// `Authorization: Bearer good-<n>` (or Basic, in basic mode); /token mints tokens.
function fakeRegistry(mode: { auth: 'bearer' | 'basic'; tokenField?: 'token' | 'access_token'; user?: string; password?: string; expiresIn?: number; echoPassword?: boolean }) {
  const seen: { path: string; authorization?: string; method: string; body?: string }[] = [];
  let minted = 0;
  const manifest = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: 'sha256:c', size: 2 }, layers: [] });
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString();
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({ path: `${url.pathname}${url.search}`, method: req.method ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), ...(body ? { body } : {}) });
    const basic = mode.user ? `Basic ${Buffer.from(`${mode.user}:${mode.password}`).toString('base64')}` : undefined;
    if (url.pathname === '/token') {
      if (req.method === 'POST') {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== 'idtok') {
          res.writeHead(401).end();
          return;
        }
      } else if (req.headers.authorization !== undefined && req.headers.authorization !== basic) {
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ details: mode.echoPassword ? `wrong password ${Buffer.from(req.headers.authorization.slice(6), 'base64').toString()}` : 'incorrect username or password' }));
        return;
      }
      minted++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ [mode.tokenField ?? 'token']: `good-${minted}`, ...(mode.expiresIn ? { expires_in: mode.expiresIn } : {}) }));
      return;
    }
    const ok = mode.auth === 'bearer' ? /^Bearer good-\d+$/.test(req.headers.authorization ?? '') : req.headers.authorization === basic;
    if (!ok) {
      const realm = `http://${req.headers.host}/token`;
      res.writeHead(401, {
        'WWW-Authenticate': mode.auth === 'bearer' ? `Bearer realm="${realm}",service="fake",scope="repository:app:pull"` : 'Basic realm="fake"',
        'Content-Type': 'application/json',
      });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json', 'Docker-Content-Digest': `sha256:${createHash('sha256').update(manifest).digest('hex')}` });
    res.end(manifest);
  };
  return { handler, seen, minted: () => minted };
}

describe('token flow', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  async function setup(mode: Parameters<typeof fakeRegistry>[0], creds?: { username: string; password: string } | { identityToken: string }, now?: () => number) {
    const fake = fakeRegistry(mode);
    const srv = await serveHttp(fake.handler);
    servers.push(srv);
    const credentials = creds
      ? () => ('identityToken' in creds ? { kind: 'identity-token' as const, identityToken: creds.identityToken } : { kind: 'basic' as const, ...creds })
      : undefined;
    const client = new RegistryClient({ fetch, ...(credentials ? { credentials } : {}), retries: 0, ...(now ? { now } : {}) });
    return { fake, srv, client, ref: `${srv.host}/app:1` };
  }

  it.each(['token', 'access_token'] as const)('anonymous: challenge, token (%s), retry with Bearer', async (tokenField) => {
    const { fake, client, ref } = await setup({ auth: 'bearer', tokenField });
    const m = await client.getManifest(ref);
    expect(m.document.kind).toBe('manifest');
    expect(fake.seen.map((s) => [s.method, s.path, s.authorization])).toEqual([
      ['GET', '/v2/app/manifests/1', undefined],
      ['GET', '/token?service=fake&scope=repository%3Aapp%3Apull', undefined],
      ['GET', '/v2/app/manifests/1', 'Bearer good-1'],
    ]);
    expect(client.requestCount).toBe(3);
  });

  it('sends Basic credentials to the realm and caches the token per scope until it expires', async () => {
    let clock = 1_000_000;
    const { fake, client, ref } = await setup({ auth: 'bearer', user: 'alice', password: 's3cret!', expiresIn: 60 }, { username: 'alice', password: 's3cret!' }, () => clock);
    await client.getManifest(ref);
    expect(fake.seen[1]!.authorization).toBe(`Basic ${Buffer.from('alice:s3cret!').toString('base64')}`);
    await client.headDigest(ref);
    await client.getManifest(ref);
    expect(fake.minted()).toBe(1);
    // the known scheme saves the 401 round trip from the second request on
    expect(fake.seen.filter((s) => s.path.startsWith('/v2/') && !s.authorization)).toHaveLength(1);
    clock += 61_000;
    await client.getManifest(ref);
    expect(fake.minted()).toBe(2);
  });

  it('exchanges an identity token with an OAuth2 form POST', async () => {
    const { fake, client, ref } = await setup({ auth: 'bearer' }, { identityToken: 'idtok' });
    await client.getManifest(ref);
    const post = fake.seen.find((s) => s.method === 'POST')!;
    expect(Object.fromEntries(new URLSearchParams(post.body))).toEqual({ grant_type: 'refresh_token', refresh_token: 'idtok', client_id: 'strata', service: 'fake', scope: 'repository:app:pull' });
  });

  it('uses Basic auth when the registry asks for it', async () => {
    const { fake, client, ref } = await setup({ auth: 'basic', user: 'bob', password: 'pw-basic' }, { username: 'bob', password: 'pw-basic' });
    await client.getManifest(ref);
    await client.getManifest(ref);
    expect(fake.seen.map((s) => s.authorization)).toEqual([undefined, `Basic ${Buffer.from('bob:pw-basic').toString('base64')}`, `Basic ${Buffer.from('bob:pw-basic').toString('base64')}`]);
  });

  it('says Basic credentials are missing', async () => {
    const { client, ref } = await setup({ auth: 'basic', user: 'bob', password: 'x' });
    await expect(client.getManifest(ref)).rejects.toThrow(/requires a user name and password \(Basic auth\).*registry-username/);
  });

  it('bad Basic credentials: names the user, never the password', async () => {
    const { client, ref } = await setup({ auth: 'basic', user: 'bob', password: 'right' }, { username: 'bob', password: 'wrong-pass-123' });
    const err = await client.getManifest(ref).catch((e: Error) => e);
    expect(String(err)).toMatch(/rejected the credentials sent as user "bob"/);
    expect(String(err)).not.toContain('wrong-pass-123');
    expect(String(err)).not.toContain(Buffer.from('bob:wrong-pass-123').toString('base64'));
  });

  it('bad token-realm credentials: clear error, password redacted even if the realm echoes it', async () => {
    const { client, ref } = await setup({ auth: 'bearer', user: 'alice', password: 'right', echoPassword: true }, { username: 'alice', password: 'hunter2-secret' });
    const err = (await client.getManifest(ref).catch((e: Error) => e)) as Error;
    expect(err.name).toBe('RegistryAuthError');
    expect(err.message).toMatch(/Token realm http:\/\/127\.0\.0\.1:\d+\/token for 127\.0\.0\.1:\d+ rejected the request as user "alice" \(HTTP 401: wrong password alice:\*\*\*\)/);
    expect(err.message).not.toContain('hunter2-secret');
    expect(JSON.stringify(err)).not.toContain('hunter2-secret');
  });

  it('refuses to send credentials to a plain-http realm on a public host', async () => {
    let fetched = false;
    const auth = new RegistryAuthenticator({
      fetch: (async () => {
        fetched = true;
        return new Response('{}');
      }),
      credentials: () => ({ kind: 'basic', username: 'u', password: 'p4ssword' }),
    });
    await expect(auth.respondToChallenge('ghcr.io', 'Bearer realm="http://evil.example/token",service="x"', 'repository:a:pull')).rejects.toThrow(
      /asks for credentials to be sent to http:\/\/evil.example over plain HTTP; refusing/,
    );
    expect(fetched).toBe(false);
  });

  it('redact replaces every occurrence', () => {
    expect(redact('a pw b pw', ['pw', undefined])).toBe('a pw b pw'); // too short to be a secret worth masking
    expect(redact('a secret b secret', ['secret'])).toBe('a *** b ***');
  });
});
