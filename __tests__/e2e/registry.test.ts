// Against real CNCF distribution registries (v2.8 and v3) on loopback, with images BuildKit really
// pushed.
// skopeo (an independent client) is the oracle for digests and sizes.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exec } from '../../src/adapters.js';
import { readEngineImageSummary } from '../../src/image/engine.js';
import { createDockerEngine } from '../../src/io/docker-engine.js';
import { readImageSummary } from '../../src/image/remote.js';
import { RegistryClient } from '../../src/registry/client.js';
import { REGISTRY_KINDS, startRegistry } from '../support/registry.js';
import type { TestRegistry } from '../support/registry.js';
import { TESTENV } from '../support/docker.js';

const run = promisify(execFile);
const BASE_IMAGE = join(TESTENV, 'base-image.sh');

async function skopeo(args: string[]): Promise<string> {
  const { stdout } = await run('skopeo', args, { maxBuffer: 16 << 20 });
  return stdout;
}
const rawManifest = async (ref: string, creds?: string) =>
  JSON.parse(await skopeo(['inspect', '--raw', '--tls-verify=false', ...(creds ? ['--creds', creds] : []), `docker://${ref}`])) as {
    manifests?: { digest: string; platform?: { os: string; architecture: string } }[];
    layers?: { digest: string; size: number }[];
    config?: { digest: string };
  };
const skopeoDigest = async (ref: string, creds?: string) =>
  (await skopeo(['inspect', '--tls-verify=false', '--no-tags', ...(creds ? ['--creds', creds] : []), '--format', '{{.Digest}}', `docker://${ref}`])).trim();

/** Copies every platform of an image between registries, keeping digests. */
async function copyImage(from: string, to: string, destCreds?: string) {
  await skopeo(['copy', '--all', '--src-tls-verify=false', '--dest-tls-verify=false', ...(destCreds ? ['--dest-creds', destCreds] : []), `docker://${from}`, `docker://${to}`]);
}

const realExec: Exec = {
  async run(command, args) {
    try {
      const { stdout, stderr } = await run(command, [...args], { maxBuffer: 16 << 20 });
      return { exitCode: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code?: number; stdout?: string; stderr?: string };
      return { exitCode: typeof err.code === 'number' ? err.code : 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
    }
  },
};

describe.each(REGISTRY_KINDS)('%s', (kind) => {
  let open: TestRegistry;
  let ctx: string;
  const loadedTag = `strata-e2e-registry:${process.pid}-${kind}`;

  beforeAll(async () => {
    execFileSync(join(TESTENV, 'docker-up.sh'), { stdio: 'ignore' });
    open = await startRegistry({ kind });
    await run(BASE_IMAGE, [`${open.host}/library/busybox:1.35`, '--created', '2026-01-01T00:00:00Z']);
    await run(BASE_IMAGE, [`${open.host}/library/busybox:multi`, '--platforms', 'linux/amd64,linux/arm64']);
    ctx = mkdtempSync(join(tmpdir(), 'strata-e2e-ctx-'));
    writeFileSync(join(ctx, 'hello.txt'), 'hello\n');
    // COPY only: the arm64 stage cannot RUN without emulation.
    writeFileSync(
      join(ctx, 'Dockerfile'),
      `FROM ${open.host}/library/busybox:multi\nLABEL org.opencontainers.image.source=https://github.com/acme/app\nENV GREETING=hi\nCOPY hello.txt /hello.txt\n`,
    );
    // Default provenance: the pushed index carries attestation manifests (unknown/unknown).
    await run('docker', ['buildx', 'build', '--platform', 'linux/amd64,linux/arm64', '--provenance=mode=min', '--push', '-t', `${open.host}/acme/app:pr-1`, ctx]);
    await run('docker', ['buildx', 'build', '--platform', 'linux/amd64', '--load', '-t', loadedTag, ctx]);
  }, 300_000);

  afterAll(async () => {
    await open?.stop();
    if (ctx) rmSync(ctx, { recursive: true, force: true });
    await realExec.run('docker', ['image', 'rm', '-f', loadedTag]);
  });

  describe('open registry', () => {
    it('single-platform base: sizes, digests and config equal what skopeo reads', async () => {
      const client = new RegistryClient({ fetch });
      const ref = `${open.host}/library/busybox:1.35`;
      const summary = await readImageSummary(client, ref);
      const raw = await rawManifest(ref);
      expect(summary.digest).toBe(await skopeoDigest(ref));
      expect((await client.headDigest(ref)).digest).toBe(summary.digest);
      expect(summary.platforms).toHaveLength(1);
      const [p] = summary.platforms;
      expect(p!.platform).toBe('linux/amd64');
      expect(p!.layers.map((l) => [l.digest, l.size])).toEqual(raw.layers!.map((l) => [l.digest, l.size]));
      expect(p!.configDigest).toBe(raw.config!.digest);
      expect(p!.created).toBe('2026-01-01T00:00:00Z');
      const config = JSON.parse(await skopeo(['inspect', '--config', '--raw', '--tls-verify=false', `docker://${ref}`])) as { rootfs: { diff_ids: string[] } };
      expect(p!.layers.map((l) => l.diffId)).toEqual(config.rootfs.diff_ids);
      // manifest + config: layers are never downloaded
      expect(client.requestCount).toBe(3);
    });

    it('multi-platform base: one entry per platform, each matching its manifest', async () => {
      const client = new RegistryClient({ fetch });
      const ref = `${open.host}/library/busybox:multi`;
      const summary = await readImageSummary(client, ref);
      const index = await rawManifest(ref);
      expect(summary.digest).toBe(await skopeoDigest(ref));
      expect((await client.headDigest(ref)).digest).toBe(summary.digest);
      expect(summary.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
      for (const p of summary.platforms) {
        const entry = index.manifests!.find((m) => `${m.platform?.os}/${m.platform?.architecture}` === p.platform)!;
        expect(p.manifestDigest).toBe(entry.digest);
        const child = await rawManifest(`${open.host}/library/busybox@${entry.digest}`);
        expect(p.layers.map((l) => [l.digest, l.size])).toEqual(child.layers!.map((l) => [l.digest, l.size]));
      }
      expect(summary.platforms[0]!.layers[0]!.digest).not.toBe(summary.platforms[1]!.layers[0]!.digest);
    });

    it('buildx-pushed image with attestations: attestation manifests are skipped', async () => {
      const ref = `${open.host}/acme/app:pr-1`;
      const index = await rawManifest(ref);
      expect(index.manifests!.filter((m) => m.platform?.os === 'unknown')).toHaveLength(2);
      const summary = await readImageSummary(new RegistryClient({ fetch }), ref);
      expect(summary.digest).toBe(await skopeoDigest(ref));
      expect(summary.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
      const base = await readImageSummary(new RegistryClient({ fetch }), `${open.host}/library/busybox:multi`);
      for (const [i, p] of summary.platforms.entries()) {
        const child = await rawManifest(`${open.host}/acme/app@${p.manifestDigest}`);
        expect(p.layers.map((l) => l.size)).toEqual(child.layers!.map((l) => l.size));
        // the base's layer is shared, the COPY added one
        expect(p.layers.map((l) => l.digest).slice(0, -1)).toEqual(base.platforms[i]!.layers.map((l) => l.digest));
        expect(p.labels['org.opencontainers.image.source']).toBe('https://github.com/acme/app');
        expect(p.history.filter((h) => !h.emptyLayer).map((h) => h.createdBy).at(-1)).toMatch(/COPY hello.txt \/hello.txt/);
      }
    });

    // distribution 2.8 answers tags/list in one page whatever n= says; v3 honours n= and links
    // the next page (`last=`), so there the client must follow 4 pages of 2 to get all 7.
    it('lists tags, as skopeo lists them', async () => {
      const client = new RegistryClient({ fetch });
      const source = await client.getManifest(`${open.host}/library/busybox:1.35`);
      const tags = ['1.35', ...['a', 'b', 'c', 'd', 'e'].map((t) => `v-${t}`)];
      for (const t of tags.slice(1)) {
        // Tagging through the API (PUT the same manifest) is fast and needs no layers.
        const res = await fetch(`${open.url}/v2/library/busybox/manifests/${t}`, { method: 'PUT', headers: { 'Content-Type': source.mediaType }, body: source.raw });
        expect(res.status).toBe(201);
      }
      const before = client.requestCount;
      const listed = await client.listTags(`${open.host}/library/busybox`, { pageSize: 2 });
      expect(client.requestCount - before).toBe(kind === 'distribution-v3' ? 4 : 1);
      const viaSkopeo = JSON.parse(await skopeo(['list-tags', '--tls-verify=false', `docker://${open.host}/library/busybox`])) as { Tags: string[] };
      expect(listed).toEqual(viaSkopeo.Tags);
      expect(listed).toEqual(expect.arrayContaining([...tags, 'multi']));
      expect(listed).toHaveLength(7);
    });

    it('reports a missing tag clearly', async () => {
      await expect(new RegistryClient({ fetch }).headDigest(`${open.host}/acme/app:nope`)).rejects.toThrow(`Manifest ${open.host}/acme/app:nope not found (HTTP 404)`);
      await expect(readImageSummary(new RegistryClient({ fetch }), `${open.host}/acme/app:nope`)).rejects.toThrow(/not found \(HTTP 404: MANIFEST_UNKNOWN/);
      // Both versions answer in the distribution error shape (detail: an object here), read alike.
      await expect(new RegistryClient({ fetch }).listTags(`${open.host}/acme/never-pushed`)).rejects.toThrow(
        `Tags of ${open.host}/acme/never-pushed not found (HTTP 404: NAME_UNKNOWN repository name not known to registry)`,
      );
    });

    it('engine: the loaded image has the same layers (by diffID) as the pushed one, with uncompressed sizes', async () => {
      const local = await readEngineImageSummary(createDockerEngine({ env: process.env, exec: realExec }), loadedTag);
      const remote = await readImageSummary(new RegistryClient({ fetch }), `${open.host}/acme/app:pr-1`);
      expect(local).toMatchObject({ source: 'engine', sizeKind: 'uncompressed' });
      const [p] = local.platforms;
      const amd64 = remote.platforms.find((r) => r.platform === 'linux/amd64')!;
      expect(p!.platform).toBe('linux/amd64');
      expect(p!.layers.map((l) => l.diffId)).toEqual(amd64.layers.map((l) => l.diffId));
      expect(p!.labels).toEqual(amd64.labels);
      expect(p!.history.map((h) => h.emptyLayer)).toEqual(amd64.history.map((h) => h.emptyLayer));
      // busybox is ~2 MB unpacked and ~1 MB gzipped
      expect(p!.layers[0]!.size).toBeGreaterThan(amd64.layers[0]!.size);
    });

    it('engine: a missing image is a clear error', async () => {
      await expect(readEngineImageSummary(createDockerEngine({ env: process.env, exec: realExec }), 'strata-e2e-registry:does-not-exist')).rejects.toThrow(
        /^No such image: strata-e2e-registry:does-not-exist in the Docker engine at unix:\/\/\S+docker\.sock$/,
      );
    });
  });

  describe.each(['htpasswd', 'token'] as const)('%s registry', (auth) => {
    let reg: TestRegistry;
    beforeAll(async () => {
      reg = await startRegistry({ kind, auth });
      await copyImage(`${open.host}/acme/app:pr-1`, `${reg.host}/acme/app:pr-1`, `${reg.username}:${reg.password}`);
    }, 120_000);
    afterAll(async () => reg?.stop());

    it('reads the image with credentials; digests and sizes match skopeo', async () => {
      const creds = `${reg.username}:${reg.password}`;
      const client = new RegistryClient({ fetch, credentials: () => ({ kind: 'basic', username: reg.username, password: reg.password }) });
      const ref = `${reg.host}/acme/app:pr-1`;
      const tokensBefore = reg.tokenRequests.length;
      const summary = await readImageSummary(client, ref);
      const tags = await client.listTags(`${reg.host}/acme/app`);
      const ourTokenRequests = reg.tokenRequests.slice(tokensBefore);
      expect(summary.digest).toBe(await skopeoDigest(ref, creds));
      expect((await client.headDigest(ref)).digest).toBe(summary.digest);
      expect(summary.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
      for (const p of summary.platforms) {
        const child = await rawManifest(`${reg.host}/acme/app@${p.manifestDigest}`, creds);
        expect(p.layers.map((l) => [l.digest, l.size])).toEqual(child.layers!.map((l) => [l.digest, l.size]));
      }
      expect(tags).toEqual(['pr-1']);
      if (auth === 'token') {
        // one token for repository:acme/app:pull, reused by the 5 concurrent reads and the tag listing
        expect(ourTokenRequests).toEqual([{ scope: ['repository:acme/app:pull'], user: reg.username, status: 200 }]);
      }
    });

    it('without credentials: a clear error', async () => {
      const err = (await readImageSummary(new RegistryClient({ fetch }), `${reg.host}/acme/app:pr-1`).catch((e: Error) => e)) as Error;
      expect(err.name).toBe('RegistryAuthError');
      expect(err.message).toMatch(
        auth === 'htpasswd' ? /requires a user name and password \(Basic auth\) and none is configured/ : /rejected the credentials sent anonymously/,
      );
    });

    it('with a wrong password: a clear error that does not leak it', async () => {
      const wrong = 'not-the-password-0451';
      const client = new RegistryClient({ fetch, credentials: () => ({ kind: 'basic', username: reg.username, password: wrong }) });
      const err = (await client.headDigest(`${reg.host}/acme/app:pr-1`).catch((e: Error) => e)) as Error;
      expect(err.name).toBe('RegistryAuthError');
      expect(err.message).toContain(`as user "${reg.username}"`);
      expect(err.message).toMatch(auth === 'htpasswd' ? /Registry 127\.0\.0\.1:\d+ rejected the credentials/ : /Token realm .* rejected the request .*HTTP 401/);
      for (const text of [err.message, String(err.stack), JSON.stringify(err)]) {
        expect(text).not.toContain(wrong);
        expect(text).not.toContain(Buffer.from(`${reg.username}:${wrong}`).toString('base64'));
      }
    });
  });
});
