import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tc from '@actions/tool-cache';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Exec, Logger } from '../../src/adapters.js';
import {
  DEFAULT_PACK_VERSION,
  ensurePack,
  packDownloadUrl,
  packVersionMatches,
  parseChecksumFile,
} from '../../src/build/pack-install.js';
import { createExec } from '../../src/io/exec.js';

// The real pack built from source by scripts/test-builder.sh (test-env.sh runs it), in its own directory.
const REAL_PACK_DIR = join(process.env.STRATA_TEST_STACK ?? '/var/cache/strata-test-stack', `pack-${DEFAULT_PACK_VERSION}`);

describe('packDownloadUrl', () => {
  it.each([
    ['0.40.6', 'x64', 'https://github.com/buildpacks/pack/releases/download/v0.40.6/pack-v0.40.6-linux.tgz'],
    ['0.40.6', 'arm64', 'https://github.com/buildpacks/pack/releases/download/v0.40.6/pack-v0.40.6-linux-arm64.tgz'],
    ['0.28.0', 'x64', 'https://github.com/buildpacks/pack/releases/download/v0.28.0/pack-v0.28.0-linux.tgz'],
  ])('%s on %s', (version, arch, url) => {
    expect(packDownloadUrl(version, arch)).toBe(url);
  });

  it.each([
    ['ia32', 'linux', 'pack has no Linux release for the ia32 architecture (only x64 and arm64).'],
    ['x64', 'darwin', 'pack releases are installed on Linux runners only; this runner is darwin/x64.'],
  ])('refuses %s/%s', (arch, os, message) => {
    expect(() => packDownloadUrl('0.40.6', arch, os)).toThrow(message);
  });
});

describe('parseChecksumFile', () => {
  const hex = 'a'.repeat(64);
  it.each([
    [`${hex}  pack-v0.40.6-linux.tgz\n`, hex],
    [`${hex} *pack-v0.40.6-linux.tgz`, hex],
    [`\n${'A'.repeat(64)}\n`, hex],
  ])('%j', (text, digest) => {
    expect(parseChecksumFile(text, 'pack-v0.40.6-linux.tgz')).toBe(digest);
  });

  it.each([
    ['', 'The checksum file for pack-v0.40.6-linux.tgz is not a SHA-256 checksum: ""'],
    ['<html>Not Found</html>', 'The checksum file for pack-v0.40.6-linux.tgz is not a SHA-256 checksum: "<html>Not Found</html>"'],
    [`${hex}  pack-v0.40.6-linux-arm64.tgz`, 'The checksum file for pack-v0.40.6-linux.tgz names another file: "pack-v0.40.6-linux-arm64.tgz"'],
  ])('rejects %j', (text, message) => {
    expect(() => parseChecksumFile(text, 'pack-v0.40.6-linux.tgz')).toThrow(message);
  });
});

describe('packVersionMatches', () => {
  it.each([
    ['0.40.6+git-7640af9.build-6718\n', '0.40.6', true],
    ['0.40.6', '0.40.6', true],
    ['v0.40.6', '0.40.6', true],
    ['0.40.6+test-double', '0.40.6', true],
    ['0.40.60', '0.40.6', false],
    ['0.40.5+git-1', '0.40.6', false],
    ['', '0.40.6', false],
  ])('%j vs %s → %s', (output, wanted, matches) => {
    expect(packVersionMatches(output, wanted)).toBe(matches);
  });
});

describe('ensurePack (real @actions/tool-cache, releases served by nock)', () => {
  let root: string;
  let emptyBin: string;
  let addedPaths: string[];
  let logs: string[];
  const logger: Logger = {
    info: (m) => logs.push(m),
    warning: (m) => logs.push(`warning: ${m}`),
    error: (m) => logs.push(`error: ${m}`),
    debug: () => undefined,
    group: (_n, fn) => fn(),
  };
  const real = createExec({ out: () => undefined, err: () => undefined });
  /** Exec whose PATH lookup for `pack` sees only `pathDir` (no pack on the machine leaks in). */
  const execWithPath = (pathDir: string): Exec => ({
    run: (cmd, args, opts) => real.run(cmd, args, { ...opts, env: { ...opts?.env, PATH: `${pathDir}:/usr/bin:/bin` } }),
  });

  /** A release tarball like pack's: a single `pack` executable at the root. */
  function releaseTgz(version: string): Buffer {
    const dir = mkdtempSync(join(root, 'release-'));
    writeFileSync(join(dir, 'pack'), `#!/bin/sh\necho "${version}+git-fake.build-1"\n`, { mode: 0o755 });
    execFileSync('tar', ['-czf', join(dir, 'pack.tgz'), '-C', dir, 'pack']);
    return readFileSync(join(dir, 'pack.tgz'));
  }
  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const deps = (exec: Exec) => ({ exec, toolCache: tc, logger, addPath: (d: string) => addedPaths.push(d), arch: 'x64', os: 'linux' });
  const releasePath = (v: string) => `/buildpacks/pack/releases/download/v${v}/pack-v${v}-linux.tgz`;

  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'strata-pack-install-'));
    emptyBin = join(root, 'empty-bin');
    mkdirSync(emptyBin);
    process.env['RUNNER_TOOL_CACHE'] = join(root, 'tool-cache');
    process.env['RUNNER_TEMP'] = join(root, 'temp');
    addedPaths = [];
    logs = [];
  });
  afterEach(() => {
    nock.cleanAll();
    rmSync(root, { recursive: true, force: true });
  });

  it('downloads, verifies, caches and adds the default version to PATH; the next job finds it cached', async () => {
    const tgz = releaseTgz(DEFAULT_PACK_VERSION);
    const scope = nock('https://github.com')
      .get(releasePath(DEFAULT_PACK_VERSION))
      .reply(200, tgz)
      .get(`${releasePath(DEFAULT_PACK_VERSION)}.sha256`)
      .reply(200, `${sha256(tgz)}  pack-v${DEFAULT_PACK_VERSION}-linux.tgz\n`);

    const installed = await ensurePack(undefined, deps(execWithPath(emptyBin)));
    const cacheDir = join(root, 'tool-cache', 'pack', DEFAULT_PACK_VERSION, 'x64');
    expect(installed).toEqual({ version: DEFAULT_PACK_VERSION, dir: cacheDir, source: 'download' });
    expect(addedPaths).toEqual([cacheDir]);
    expect(execFileSync(join(cacheDir, 'pack'), ['--version'], { encoding: 'utf8' })).toBe(`${DEFAULT_PACK_VERSION}+git-fake.build-1\n`);
    expect(existsSync(`${cacheDir}.complete`)).toBe(true);
    scope.done();

    // No interceptors left: a second download attempt would fail the test.
    const again = await ensurePack(undefined, deps(execWithPath(emptyBin)));
    expect(again).toEqual({ version: DEFAULT_PACK_VERSION, dir: cacheDir, source: 'tool-cache' });
  });

  it('uses the pack on PATH when its version matches, without downloading', async () => {
    expect(DEFAULT_PACK_VERSION).toBe('0.40.6');
    const installed = await ensurePack(undefined, deps(execWithPath(REAL_PACK_DIR)));
    expect(installed).toEqual({ version: '0.40.6', source: 'path' });
    expect(addedPaths).toEqual([]);
    expect(logs).toContain('Using pack 0.40.6 from PATH');
  });

  it('installs the requested pack-version when the one on PATH differs', async () => {
    const tgz = releaseTgz('0.39.1');
    nock('https://github.com')
      .get(releasePath('0.39.1'))
      .reply(200, tgz)
      .get(`${releasePath('0.39.1')}.sha256`)
      .reply(200, sha256(tgz));
    const installed = await ensurePack('0.39.1', deps(execWithPath(REAL_PACK_DIR)));
    expect(installed.source).toBe('download');
    expect(logs).toContain('pack on PATH is 0.40.6, not 0.39.1; installing 0.39.1');
  });

  it('fails on a checksum mismatch and installs nothing', async () => {
    const tgz = releaseTgz(DEFAULT_PACK_VERSION);
    nock('https://github.com')
      .get(releasePath(DEFAULT_PACK_VERSION))
      .reply(200, tgz)
      .get(`${releasePath(DEFAULT_PACK_VERSION)}.sha256`)
      .reply(200, `${'0'.repeat(64)}  pack-v${DEFAULT_PACK_VERSION}-linux.tgz\n`);
    await expect(ensurePack(undefined, deps(execWithPath(emptyBin)))).rejects.toThrow(
      `Checksum mismatch for pack-v${DEFAULT_PACK_VERSION}-linux.tgz: https://github.com${releasePath(DEFAULT_PACK_VERSION)}.sha256 says ${'0'.repeat(64)}, the download is ${sha256(tgz)}. Not installing it.`,
    );
    expect(addedPaths).toEqual([]);
    expect(tc.find('pack', DEFAULT_PACK_VERSION, 'x64')).toBe('');
  });

  it('fails when the checksum file is missing (404): no unverified pack', async () => {
    nock('https://github.com')
      .get(releasePath(DEFAULT_PACK_VERSION))
      .reply(200, releaseTgz(DEFAULT_PACK_VERSION))
      .get(`${releasePath(DEFAULT_PACK_VERSION)}.sha256`)
      .reply(404, 'Not Found');
    await expect(ensurePack(undefined, deps(execWithPath(emptyBin)))).rejects.toThrow(
      `Could not fetch the checksum https://github.com${releasePath(DEFAULT_PACK_VERSION)}.sha256 (HTTP 404); refusing to run a pack binary that can't be verified.`,
    );
    expect(addedPaths).toEqual([]);
    expect(tc.find('pack', DEFAULT_PACK_VERSION, 'x64')).toBe('');
  });

  it('names the input when the requested version has no release', async () => {
    nock('https://github.com').get(releasePath('0.99.0')).reply(404, 'Not Found');
    await expect(ensurePack('0.99.0', deps(execWithPath(emptyBin)))).rejects.toThrow(
      `Could not download pack 0.99.0 (input "pack-version") from https://github.com${releasePath('0.99.0')}: HTTP 404. Input "pack-version" is "0.99.0": is that a pack release?`,
    );
  });

  it('pack missing and its release download hanging: given up within the bound, nothing installed', async () => {
    nock('https://github.com').get(releasePath(DEFAULT_PACK_VERSION)).delay(60_000).reply(200, 'never');
    const started = performance.now();
    await expect(ensurePack(undefined, { ...deps(execWithPath(emptyBin)), downloadTimeoutMs: 500 })).rejects.toThrow(
      `Could not download pack ${DEFAULT_PACK_VERSION} (Strata's default) from https://github.com${releasePath(DEFAULT_PACK_VERSION)}: no answer within 1 s (the download was given up).`,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(addedPaths).toEqual([]);
  });
});
