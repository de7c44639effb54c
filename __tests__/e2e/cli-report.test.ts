// `strata report` end to end: the bundled CLI (fresh from src/, see distPath) against two
// revisions of a small app pushed to a loopback registry with buildx, on a real busybox base.
// Expected sizes come from skopeo, an independent client reading the same manifests.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { formatChange } from '../../src/report/units.js';
import { registryWithBase, requireDocker, run } from '../support/docker.js';
import type { TestRegistry } from '../support/registry.js';
import { distPath } from '../support/runner.js';

let registry: TestRegistry;
let appDir: string;
let base: string;
let repo: string;
const localTag = `strata-cli-report-${randomUUID().slice(0, 8)}:local`;

beforeAll(async () => {
  await requireDocker();
  ({ registry, base } = await registryWithBase());
  repo = `${registry.host}/acme/cli-app`;

  appDir = mkdtempSync(join(tmpdir(), 'strata-cli-app-'));
  writeFileSync(join(appDir, 'Dockerfile'), ['ARG BASE', 'FROM ${BASE}', 'COPY app.txt /app/app.txt', 'COPY data.bin /app/data.bin', 'CMD ["cat", "/app/app.txt"]', ''].join('\n'));
  writeFileSync(join(appDir, 'app.txt'), 'cli report app\n');
  // Random bytes do not compress: the changed layer's compressed size tracks the file's.
  writeFileSync(join(appDir, 'data.bin'), randomBytes(20_000));
  await build(`${repo}:1`, '--push');
  writeFileSync(join(appDir, 'data.bin'), randomBytes(90_000));
  await build(`${repo}:2`, '--push');
}, 300_000);

afterAll(async () => {
  await run('docker', ['image', 'rm', '--force', localTag, `${repo}:1`, `${repo}:2`]).catch(() => undefined);
  await registry?.stop();
  if (appDir) rmSync(appDir, { recursive: true, force: true });
});

async function build(tag: string, output: '--push' | '--load'): Promise<void> {
  await run('docker', ['buildx', 'build', output, '--build-arg', `BASE=${base}`, '-t', tag, appDir], { maxBuffer: 16 * 1024 * 1024 });
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [distPath('cli.mjs'), ...args], { cwd: appDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Layer sizes of the image's linux/amd64 manifest, as skopeo reads the raw documents. */
async function skopeoLayers(ref: string): Promise<number[]> {
  const raw = async (r: string) => JSON.parse((await run('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${r}`])).stdout);
  let manifest = await raw(ref);
  if (manifest.manifests) {
    const entry = manifest.manifests.find((m: { platform?: { os: string } }) => m.platform && m.platform.os !== 'unknown');
    manifest = await raw(`${ref.replace(/:[^/:]+$/, '')}@${entry.digest}`);
  }
  return manifest.layers.map((l: { size: number }) => l.size);
}

it('prints the layer that changed, with its instruction and the manifests\' size delta', async () => {
  const before = await skopeoLayers(`${repo}:1`);
  const after = await skopeoLayers(`${repo}:2`);
  const layerDelta = after.at(-1)! - before.at(-1)!;
  const totalDelta = after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0);
  expect(layerDelta).toBe(totalDelta);

  const r = await cli('report', `${repo}:2`, '--baseline', `${repo}:1`, '--base', base);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain(`image     ${repo}:2: read from its registry (compressed sizes)`);
  expect(r.stdout).toContain(`baseline  ${repo}:1: read from its registry (compressed sizes)`);
  expect(r.stdout).toContain(`Image ${repo}:2`);
  expect(r.stdout).toContain(`against ${repo}:1`);
  const changed = r.stdout.split('\n').find((l) => l.includes('COPY data.bin /app/data.bin'));
  expect(changed, r.stdout).toMatch(/^\s+changed\s/);
  expect(changed).toContain(formatChange(layerDelta, (layerDelta / before.at(-1)!) * 100));
  // The unchanged layers (the base's and app.txt) are summed, not listed.
  expect(r.stdout).toMatch(/2 unchanged layers/);
  expect(r.stdout).toMatch(new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\[final\\]: up to date`));
  expect(r.stdout).toContain('Sizes: compressed registry blobs.');

  const json = await cli('report', `${repo}:2`, '--baseline', `${repo}:1`, '--base', base, '--json', '--max-base-age', '30');
  expect(json.code, json.stderr).toBe(0);
  const report = JSON.parse(json.stdout) as Report;
  expect(report.comparison.status).toBe('compared');
  expect(report.baseline).toMatchObject({ reference: `${repo}:1`, source: 'registry', origin: 'compare-to' });
  expect(report.headline).toMatchObject({ delta: totalDelta, size: after.reduce((a, b) => a + b, 0), sizeKind: 'compressed' });
  const change = report.comparison.platforms[0]!.changes.find((c) => c.status === 'changed')!;
  expect(change.origin).toEqual({ kind: 'instruction', instruction: 'COPY data.bin /app/data.bin' });
  expect(change.delta).toBe(layerDelta);
  expect(report.comparison.platforms[0]!.changes[0]).toMatchObject({ status: 'unchanged', origin: { kind: 'base', reference: base } });
  expect(report.freshness).toHaveLength(1);
  expect(report.maxBaseAge).toBe(30);
}, 120_000);

it('reads each document from the registry once: two images on one base, and the base\'s freshness', async () => {
  const before = (await registry.requests()).length;
  const r = await cli('report', `${repo}:2`, '--baseline', `${repo}:1`, '--base', base);
  expect(r.code, r.stderr).toBe(0);
  const seen = (await registry.requests()).slice(before).map((q) => `${q.method} ${q.path}`);
  const manifestReads = seen.filter((q) => q.includes('/manifests/'));
  // Both images' documents, the base's (read for the layer attribution, then for its age and
  // its tag's current digest) and the base's tags: the base's manifest and config once each.
  expect(manifestReads.filter((q) => q.includes('/library/busybox/')).length, seen.join('\n')).toBeGreaterThan(0);
  expect(seen.filter((q) => q.includes('/blobs/')).length, seen.join('\n')).toBeGreaterThanOrEqual(3);
  const repeated = [...new Set(seen)].filter((q) => seen.indexOf(q) !== seen.lastIndexOf(q));
  expect(repeated, seen.join('\n')).toEqual([]);
  // The base's tag was read once (by a GET): the freshness check's "what does it name now" is
  // answered from that, with no HEAD.
  expect(seen.filter((q) => q.startsWith('HEAD ')), seen.join('\n')).toEqual([]);
}, 120_000);

it('says when no base image is known and when there is no baseline', async () => {
  const r = await cli('report', `${repo}:2`);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('bases     no base image known (pass --base)');
  expect(r.stdout).toContain('no size comparison: no --baseline given');
}, 60_000);

it('falls back to the local engine for a local-only tag, and refuses to subtract across kinds', async () => {
  await build(localTag, '--load');
  const r = await cli('report', localTag, '--baseline', `${repo}:1`);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain(`image     ${localTag}: read from the local Docker engine (uncompressed sizes)`);
  expect(r.stdout).toContain('NOT COMPARED');
  expect(r.stdout).toContain('sizes of different kinds cannot be subtracted');
  expect(r.stdout).toContain('Sizes: uncompressed engine layers.');
  const json = JSON.parse((await cli('report', localTag, '--baseline', `${repo}:1`, '--json')).stdout) as Report;
  expect(json.comparison.status).toBe('incomparable');
  expect(json.headline.delta).toBeUndefined();
}, 120_000);

it('exits 1 quoting an image that is nowhere', async () => {
  const missing = `${repo}:does-not-exist`;
  const r = await cli('report', missing);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(`cannot read image "${missing}"`);
}, 60_000);
