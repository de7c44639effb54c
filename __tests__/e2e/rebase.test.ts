// `strata rebase` end to end, on each registry kind (distribution v2.8 and v3): real busybox bases
// pushed to loopback registries (testenv base-image.sh), COPY-only apps built and pushed with
// buildx on revision 1 of the base, the base tag moved to revision 2, then the rebase through the
// module and through the bundled CLI. What the registry then holds is read back with skopeo (an
// independent client), and the rebased image is run by the engine: it must see the new base's
// /etc/base-revision and the app's file.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, type RegistryClientOptions } from '../../src/registry/client.js';
import { RegistryWriter } from '../../src/registry/writer.js';
import { rebaseImage } from '../../src/rebase/rebase.js';
import { pushBaseImage, requireDocker, run } from '../support/docker.js';
import { REGISTRY_KINDS, startRegistry, type TestRegistry } from '../support/registry.js';
import { distPath } from '../support/runner.js';

const BIG = { maxBuffer: 16 * 1024 * 1024 };

const tempDirs: string[] = [];
const localImages: string[] = [];

interface RawManifest {
  mediaType?: string;
  layers?: { digest: string; size: number; mediaType: string }[];
  manifests?: { digest: string; platform?: { os: string; architecture: string }; annotations?: Record<string, string> }[];
  config?: { digest: string };
  annotations?: Record<string, string>;
}

interface RawConfig {
  rootfs: { diff_ids: string[] };
  history?: { empty_layer?: boolean; created_by?: string }[];
  config?: { Labels?: Record<string, string> };
}

const quiet = { info: () => undefined, debug: () => undefined, warning: () => undefined, group: <T>(_: string, fn: () => Promise<T>) => fn(), error: () => undefined };

function clients(opts: Partial<RegistryClientOptions> = {}): { client: RegistryClient; writer: RegistryWriter } {
  const options: RegistryClientOptions = { fetch: globalThis.fetch, retries: 1, retryBaseMs: 50, ...opts };
  return { client: new RegistryClient(options), writer: new RegistryWriter(options) };
}

function skopeo(args: string[], creds?: string[]): Promise<{ stdout: string }> {
  const auth = creds && creds.length ? [`--creds=${creds[0]}`] : [];
  return run('skopeo', [args[0]!, '--tls-verify=false', ...auth, ...args.slice(1)], BIG);
}

async function rawManifest(ref: string, creds?: string[]): Promise<RawManifest> {
  return JSON.parse((await skopeo(['inspect', '--raw', `docker://${ref}`], creds)).stdout) as RawManifest;
}

async function rawConfig(ref: string, creds?: string[]): Promise<RawConfig> {
  return JSON.parse((await skopeo(['inspect', '--config', '--raw', `docker://${ref}`], creds)).stdout) as RawConfig;
}

async function digestOf(ref: string, creds?: string[]): Promise<string> {
  const { stdout } = await skopeo(['inspect', '--format', '{{.Digest}}', `docker://${ref}`], creds);
  return stdout.trim();
}

const repoOf = (ref: string) => ref.replace(/(@sha256:[a-f0-9]+)$/, '').replace(/:[^/:]+$/, '');

/** The platform manifest of `ref` (itself when it is one), by skopeo. */
async function platformManifest(ref: string, arch = 'amd64', creds?: string[]): Promise<{ ref: string; manifest: RawManifest }> {
  const top = await rawManifest(ref, creds);
  if (!top.manifests) return { ref, manifest: top };
  const entry = top.manifests.find((m) => m.platform?.architecture === arch);
  if (!entry) throw new Error(`${ref} has no ${arch} entry`);
  const child = `${repoOf(ref)}@${entry.digest}`;
  return { ref: child, manifest: await rawManifest(child, creds) };
}

/** Builds a COPY-only app on `baseRef@baseDigest`, labelled with its base, and pushes it. */
async function buildApp(tag: string, baseTag: string, baseDigest: string, opts: { platforms?: string; text?: string } = {}): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'strata-rebase-app-'));
  tempDirs.push(dir);
  writeFileSync(join(dir, 'Dockerfile'), ['ARG BASE', 'FROM ${BASE}', 'COPY app.txt /app/app.txt', 'COPY more.txt /app/more.txt', 'CMD ["cat", "/app/app.txt"]', ''].join('\n'));
  writeFileSync(join(dir, 'app.txt'), opts.text ?? `app ${tag}\n`);
  writeFileSync(join(dir, 'more.txt'), `${randomUUID()}\n`);
  const args = ['buildx', 'build', '--push', '--provenance=false', '--build-arg', `BASE=${baseTag}@${baseDigest}`];
  args.push('--label', `org.opencontainers.image.base.name=${baseTag}`, '--label', `org.opencontainers.image.base.digest=${baseDigest}`);
  if (opts.platforms) args.push('--platform', opts.platforms);
  args.push('-t', tag, dir);
  await run('docker', args, BIG);
}

/** Runs the image (by digest, pulled fresh) and returns what it printed. */
async function runImage(ref: string, ...cmd: string[]): Promise<string> {
  localImages.push(ref);
  const { stdout } = await run('docker', ['run', '--rm', '--pull', 'always', ref, ...cmd], BIG);
  return stdout;
}

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [distPath('cli.mjs'), 'rebase', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DOCKER_CONFIG: mkdtempSync(join(tmpdir(), 'strata-dc-')) } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The rebase's structural promises, checked on what skopeo reads back. */
async function expectRebased(rebased: string, newBase: string, original: string, arch = 'amd64', creds?: string[]): Promise<void> {
  const now = await platformManifest(rebased, arch, creds);
  const base = await platformManifest(newBase, arch, creds);
  const before = await platformManifest(original, arch, creds);
  const baseLayers = base.manifest.layers!.map((l) => l.digest);
  const layers = now.manifest.layers!.map((l) => l.digest);
  expect(layers.slice(0, baseLayers.length)).toEqual(baseLayers);
  const beforeBase = await rawConfig(before.ref, creds);
  const oldBaseCount = beforeBase.rootfs.diff_ids.length - (layers.length - baseLayers.length);
  // The app's layers: the same blobs, in the same order.
  expect(layers.slice(baseLayers.length)).toEqual(before.manifest.layers!.slice(oldBaseCount).map((l) => l.digest));
  expect(layers.length - baseLayers.length).toBe(2);
  const config = await rawConfig(now.ref, creds);
  const baseConfig = await rawConfig(base.ref, creds);
  expect(config.rootfs.diff_ids).toHaveLength(layers.length);
  expect(config.rootfs.diff_ids.slice(0, baseLayers.length)).toEqual(baseConfig.rootfs.diff_ids);
  expect(config.rootfs.diff_ids.slice(baseLayers.length)).toEqual(beforeBase.rootfs.diff_ids.slice(oldBaseCount));
  // History still lines up with the layers.
  expect((config.history ?? []).filter((h) => !h.empty_layer)).toHaveLength(layers.length);
}

beforeAll(async () => {
  await requireDocker();
}, 300_000);

afterAll(async () => {
  if (localImages.length) await run('docker', ['image', 'rm', '--force', ...new Set(localImages)]).catch(() => undefined);
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});


// Each test builds, pushes and runs images on the shared engine: 120 s each rather than the default
// 30 s, which a busy machine overruns.
describe.each(REGISTRY_KINDS)('%s', (kind) => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry({ kind });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  describe('single platform', () => {
    let base: string;
    let oldDigest: string;
    let newDigest: string;
    let app: string;
    let cliApp: string;
    let appBefore: string;
    let cliAppBefore: string;

    beforeAll(async () => {
      base = `${registry.host}/library/busybox:1.36`;
      await pushBaseImage(base, { revision: 1 });
      oldDigest = await digestOf(base);
      app = `${registry.host}/acme/app:1`;
      cliApp = `${registry.host}/acme/cli-app:1`;
      await buildApp(app, base, oldDigest, { text: 'hello from the app\n' });
      await buildApp(cliApp, base, oldDigest, { text: 'hello from the cli app\n' });
      appBefore = await digestOf(app);
      cliAppBefore = await digestOf(cliApp);
      await pushBaseImage(base, { revision: 2 });
      newDigest = await digestOf(base);
      expect(newDigest).not.toBe(oldDigest);
    }, 300_000);

    it('swaps the base layers for the tag\'s current ones, keeps the app layers, and the result runs on the new base', async () => {
      const { client, writer } = clients();
      const result = await rebaseImage({ client, writer, image: app, logger: quiet });
      expect(result.status).toBe('rebased');
      expect(result.previousDigest).toBe(appBefore);
      expect(result.oldBase).toMatchObject({ name: base, digest: oldDigest });
      expect(result.newBase).toEqual({ name: base, digest: newDigest });
      // The new base's layer lives in library/busybox: mounted, not copied; the app's are there.
      expect(result.blobs).toMatchObject({ mounted: 1, copied: 0, exists: 2, uploaded: 1 });
      expect(await digestOf(app)).toBe(result.digest);
      await expectRebased(app, base, `${repoOf(app)}@${appBefore}`);

      const config = await rawConfig(app);
      expect(config.config?.Labels).toMatchObject({ 'org.opencontainers.image.base.name': base, 'org.opencontainers.image.base.digest': newDigest });
      const out = await runImage(`${repoOf(app)}@${result.digest}`, 'cat', '/etc/base-revision', '/app/app.txt');
      expect(out).toBe('2\nhello from the app\n');
      // The original, untouched, still runs on revision 1.
      expect(await runImage(`${repoOf(app)}@${appBefore}`, 'cat', '/etc/base-revision')).toBe('1\n');

      const again = await rebaseImage({ client, writer, image: app, logger: quiet });
      expect(again.status).toBe('up-to-date');
      expect(again.message).toMatch(/already on the current base.*nothing to do/);
      expect(await digestOf(app)).toBe(result.digest);
    }, 120_000);

    it('the bundled CLI: --dry-run pushes nothing, then --tag writes the rebased image, and a second run has nothing to do', async () => {
      const rebasedTag = `${repoOf(cliApp)}:rebased`;
      const dry = await cli(cliApp, '--dry-run', '--tag', rebasedTag);
      expect(dry.stderr).toBe('');
      expect(dry.code).toBe(0);
      expect(dry.stdout).toMatch(/dry run: would push sha256:[a-f0-9]{64}/);
      await expect(digestOf(rebasedTag)).rejects.toThrow();
      expect(await digestOf(cliApp)).toBe(cliAppBefore);

      const res = await cli(cliApp, '--tag', rebasedTag, '--tag', 'also', '--json');
      expect(res.code, res.stderr).toBe(0);
      const json = JSON.parse(res.stdout) as { status: string; digest: string; pushed: string[]; platforms: { appLayers: number }[] };
      expect(json.status).toBe('rebased');
      expect(json.platforms).toEqual([expect.objectContaining({ platform: 'linux/amd64', oldBaseLayers: 1, newBaseLayers: 1, appLayers: 2 })]);
      expect(json.pushed).toEqual(expect.arrayContaining([rebasedTag, `${repoOf(cliApp)}:also`, `${repoOf(cliApp)}@${json.digest}`]));
      expect(res.stderr).toMatch(/rebased .* onto .*busybox:1\.36@/);
      // --tag given: the image's own tag stays where it was.
      expect(await digestOf(cliApp)).toBe(cliAppBefore);
      expect(await digestOf(rebasedTag)).toBe(json.digest);
      await expectRebased(rebasedTag, base, cliApp);
      expect(await runImage(`${repoOf(cliApp)}@${json.digest}`, 'cat', '/etc/base-revision', '/app/app.txt')).toBe('2\nhello from the cli app\n');

      const again = await cli(rebasedTag);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/already on the current base .*nothing to do/);
    }, 120_000);

    it('refuses when the old base is not a prefix of the image, and writes nothing', async () => {
      const other = `${registry.host}/library/other:1`;
      await pushBaseImage(other, { revision: 7 });
      const otherDigest = await digestOf(other);
      const before = await digestOf(cliApp);
      const { client, writer } = clients();
      await expect(rebaseImage({ client, writer, image: cliApp, oldBase: `${other}@${otherDigest}`, newBase: base, logger: quiet })).rejects.toThrow(
        /old base's layers are not a prefix of the image's layers/,
      );
      const viaCli = await cli(cliApp, '--old-base', `${other}@${otherDigest}`, '--new-base', base);
      expect(viaCli.code).toBe(1);
      expect(viaCli.stderr).toMatch(/^error: .*not a prefix/m);
      expect(await digestOf(cliApp)).toBe(before);
      // A usage error is told apart.
      const usage = await cli(cliApp, '--old-base', other);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/--old-base .* needs a digest/);
    }, 120_000);
  });

  describe('multi-platform', () => {
    it('rebases every platform of the index and keeps the platform list', async () => {
      const base = `${registry.host}/library/busybox:multi`;
      await pushBaseImage(base, { platforms: 'linux/amd64,linux/arm64', revision: 1 });
      const oldDigest = await digestOf(base);
      const app = `${registry.host}/acme/multi-app:1`;
      await buildApp(app, base, oldDigest, { platforms: 'linux/amd64,linux/arm64', text: 'multi app\n' });
      const before = await digestOf(app);
      await pushBaseImage(base, { platforms: 'linux/amd64,linux/arm64', revision: 2 });

      const { client, writer } = clients();
      const result = await rebaseImage({ client, writer, image: app, logger: quiet });
      expect(result.status).toBe('rebased');
      expect(result.platforms.map((p) => p.platform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
      const index = await rawManifest(app);
      expect(index.manifests?.map((m) => `${m.platform?.os}/${m.platform?.architecture}`).sort()).toEqual(['linux/amd64', 'linux/arm64']);
      for (const arch of ['amd64', 'arm64']) await expectRebased(app, base, `${repoOf(app)}@${before}`, arch);
      expect(await runImage(`${repoOf(app)}@${result.digest}`, 'cat', '/etc/base-revision', '/app/app.txt')).toBe('2\nmulti app\n');
      expect((await rebaseImage({ client, writer, image: app, logger: quiet })).status).toBe('up-to-date');
    }, 120_000);
  });

  describe('token-auth registry', () => {
    let secure: TestRegistry;
    beforeAll(async () => {
      secure = await startRegistry({ kind, auth: 'token' });
    });
    afterAll(async () => {
      await secure?.stop();
    });

    it('pushes with repository:<name>:pull,push scopes, mounting from the base repository, and copies (streamed) across registries', async () => {
      const openBase = `${registry.host}/library/busybox:tok`;
      await pushBaseImage(openBase, { revision: 1 });
      const oldDigest = await digestOf(openBase);
      const openApp = `${registry.host}/acme/tok-app:1`;
      await buildApp(openApp, openBase, oldDigest, { text: 'token app\n' });
      await pushBaseImage(openBase, { revision: 2 });

      // The same images in the token registry, digests preserved.
      const creds = secure.skopeoCreds()[0]!;
      const copy = (from: string, to: string) =>
        run('skopeo', ['copy', '--all', '--preserve-digests', '--src-tls-verify=false', '--dest-tls-verify=false', `--dest-creds=${creds}`, `docker://${from}`, `docker://${to}`], BIG);
      const secureBase = `${secure.host}/library/busybox:tok`;
      await copy(`${repoOf(openBase)}@${oldDigest}`, secureBase);
      await copy(openApp, `${secure.host}/acme/tok-app:1`);
      await copy(openApp, `${secure.host}/acme/tok-copy:1`);
      await copy(openBase, secureBase); // the tag moves to revision 2 there too

      const credentials = () => ({ kind: 'basic' as const, username: secure.username, password: secure.password });
      // Anonymous: refused with the scope named.
      const anon = clients();
      await expect(
        rebaseImage({ ...anon, image: `${secure.host}/acme/tok-app:1`, oldBase: `${secureBase}@${oldDigest}`, logger: quiet }),
      ).rejects.toThrow(/401|credentials|user name/);

      const { client, writer } = clients({ credentials });
      const before = secure.tokenRequests.length;
      const result = await rebaseImage({ client, writer, image: `${secure.host}/acme/tok-app:1`, oldBase: `${secureBase}@${oldDigest}`, logger: quiet });
      expect(result.status).toBe('rebased');
      expect(result.blobs).toMatchObject({ mounted: 1, copied: 0 });
      const scopes = secure.tokenRequests.slice(before).filter((r) => r.status === 200).map((r) => r.scope.join(' '));
      expect(scopes).toContain('repository:acme/tok-app:pull,push');
      expect(scopes.some((s) => s.includes('repository:acme/tok-app:pull,push') && s.includes('repository:library/busybox:pull'))).toBe(true);
      await expectRebased(`${secure.host}/acme/tok-app:1`, secureBase, `${secure.host}/acme/tok-app@${result.previousDigest}`, 'amd64', [creds]);

      // The new base on another registry: no mount possible, the layer is streamed GET → PUT.
      const crossed = await rebaseImage({ client, writer, image: `${secure.host}/acme/tok-copy:1`, oldBase: `${secureBase}@${oldDigest}`, newBase: openBase, logger: quiet });
      expect(crossed.status).toBe('rebased');
      expect(crossed.blobs).toMatchObject({ copied: 1, mounted: 0 });
      await expectRebased(`${secure.host}/acme/tok-copy:1`, secureBase, `${secure.host}/acme/tok-copy@${crossed.previousDigest}`, 'amd64', [creds]);
    }, 120_000);
  });
});
