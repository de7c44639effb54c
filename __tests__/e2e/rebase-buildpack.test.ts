// A buildpack image rebased by Strata and by the REAL `pack rebase` (pack 0.40.6 + lifecycle
// 0.21.0's rebaser, built by scripts/test-builder.sh) onto the same new run image: both must end
// with the same layers, in the same order, and record the same run-image top layer.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect } from 'vitest';
import { publishTestBuilders, type TestBuilders } from '../support/buildpacks.js';
import { requireDocker, run, workspaceFrom } from '../support/docker.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { itAsRoot } from '../support/root.js';
import { distPath } from '../support/runner.js';

const BIG = { maxBuffer: 16 * 1024 * 1024 };
let registry: TestRegistry;
let builders: TestBuilders;

beforeAll(async () => {
  await requireDocker();
  registry = await startRegistry();
  builders = await publishTestBuilders(registry.host);
}, 600_000);

afterAll(async () => {
  await registry?.stop();
});

interface Manifest {
  mediaType?: string;
  layers: { digest: string; mediaType: string }[];
}
interface Config {
  rootfs: { diff_ids: string[] };
  config: { Labels?: Record<string, string> };
}

async function manifest(ref: string): Promise<Manifest> {
  return JSON.parse((await run('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${ref}`], BIG)).stdout) as Manifest;
}
async function config(ref: string): Promise<Config> {
  return JSON.parse((await run('skopeo', ['inspect', '--tls-verify=false', '--config', '--raw', `docker://${ref}`], BIG)).stdout) as Config;
}
const runImageLabel = (c: Config) =>
  (JSON.parse(c.config.Labels?.['io.buildpacks.lifecycle.metadata'] ?? '{}') as { runImage?: { topLayer?: string; reference?: string; image?: string } }).runImage ?? {};

itAsRoot('Strata and pack rebase move a buildpack image onto the new run image with the same layers', async () => {
  const app = workspaceFrom('__tests__/fixtures/buildpack-node-app');
  const image = `${registry.host}/octo-org/bp-rebase`;
  await run('pack', ['build', `${image}:built`, '--builder', builders.uid1001, '--path', app, '--trust-builder', '--pull-policy', 'if-not-present', '--publish', '--network', 'host'], BIG);

  // The run image's tag moves: a patched run image (one more layer on the old one, same labels).
  const runImage = builders.runImage(1001);
  const oldRunTop = (await config(runImage)).rootfs.diff_ids.at(-1);
  const ctx = mkdtempSync(join(tmpdir(), 'strata-run-v2-'));
  writeFileSync(join(ctx, 'base-revision'), '2\n');
  writeFileSync(join(ctx, 'Dockerfile'), `FROM ${runImage}\nCOPY base-revision /etc/base-revision\n`);
  await run('docker', ['buildx', 'build', '--provenance=false', '--push', '-t', runImage, ctx], BIG);
  const newRun = await config(runImage);
  expect(newRun.rootfs.diff_ids.at(-1)).not.toBe(oldRunTop);

  // Two copies of the app image, one for each tool.
  for (const tag of ['strata', 'pack']) {
    await run('skopeo', ['copy', '--src-tls-verify=false', '--dest-tls-verify=false', `docker://${image}:built`, `docker://${image}:${tag}`], BIG);
  }
  const strata = await promisify(execFile)(process.execPath, [distPath('cli.mjs'), 'rebase', `${image}:strata`], BIG);
  expect(strata.stdout).toMatch(/rebased|moved/i);
  await run('pack', ['rebase', `${image}:pack`, '--publish', '--pull-policy', 'if-not-present'], BIG);

  const [built, byStrata, byPack] = await Promise.all([config(`${image}:built`), config(`${image}:strata`), config(`${image}:pack`)]);
  // Same layers: the new run image's, then the app's, unchanged.
  expect(byStrata.rootfs.diff_ids).toEqual(byPack.rootfs.diff_ids);
  expect(byStrata.rootfs.diff_ids.slice(0, newRun.rootfs.diff_ids.length)).toEqual(newRun.rootfs.diff_ids);
  const appLayers = built.rootfs.diff_ids.slice(built.rootfs.diff_ids.indexOf(oldRunTop!) + 1);
  expect(byStrata.rootfs.diff_ids.slice(-appLayers.length)).toEqual(appLayers);
  const [mStrata, mPack] = await Promise.all([manifest(`${image}:strata`), manifest(`${image}:pack`)]);
  expect(mStrata.layers.map((l) => l.digest)).toEqual(mPack.layers.map((l) => l.digest));
  // Both record the new run image's top layer, which the next rebase keys on.
  expect(runImageLabel(byStrata).topLayer).toBe(newRun.rootfs.diff_ids.at(-1));
  expect(runImageLabel(byPack).topLayer).toBe(newRun.rootfs.diff_ids.at(-1));
  expect(runImageLabel(byStrata).image).toBe(runImageLabel(byPack).image);
}, 300_000, 'the test builders (pack in /usr/local/bin)');
