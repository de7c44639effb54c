// Helpers for tests that drive the pack TEST DOUBLE (pack-double.mjs) against the real Docker
// engine and a loopback registry (support/registry.ts): make the run and builder images, and give
// the env that puts the double first on PATH.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pushBaseImage, run } from '../docker.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const PACK_DOUBLE_BIN_DIR = here;
export const FIXTURES = join(here, '..', '..', 'fixtures');

export interface PackDouble {
  /** Builder image (in the registry) holding the fixture buildpack(s), order.toml and run.toml. */
  builder: string;
  /** Run image (busybox, one layer) the builder names in run.toml. */
  runImage: string;
  /** Env for Exec: PATH with the double first, and the Node that runs it. */
  env: Record<string, string>;
}

export interface BuildpackFixture {
  /** Directory holding buildpack.toml and bin/. */
  dir: string;
  id: string;
  version: string;
}

export const NODE_DEPS_BUILDPACK: BuildpackFixture = {
  dir: join(FIXTURES, 'buildpacks', 'node-deps'),
  id: 'strata-test/node-deps',
  version: '0.0.1',
};

/**
 * Pushes a run image (base-image.sh) and a builder image with the buildpacks in one order group
 * to `registry`, and returns the env that puts the pack double first on PATH.
 */
export async function preparePackDouble(
  registry: string,
  { buildpacks = [NODE_DEPS_BUILDPACK], tag = '1' }: { buildpacks?: BuildpackFixture[]; tag?: string } = {},
): Promise<PackDouble> {
  const runImage = `${registry}/test/run-image:${tag}`;
  const builder = `${registry}/test/builder:${tag}`;
  await pushBaseImage(runImage);

  const ctx = await mkdtemp(join(tmpdir(), 'strata-builder-'));
  try {
    for (const bp of buildpacks) {
      await cp(bp.dir, join(ctx, 'cnb', 'buildpacks', bp.id.replaceAll('/', '_'), bp.version), { recursive: true });
    }
    const group = buildpacks.map((bp) => `[[order.group]]\nid = "${bp.id}"\nversion = "${bp.version}"\n`).join('');
    await writeFile(join(ctx, 'cnb', 'order.toml'), `[[order]]\n${group}`);
    await writeFile(join(ctx, 'cnb', 'run.toml'), `[[images]]\nimage = "${runImage}"\n`);
    await mkdir(join(ctx, 'cnb', 'lifecycle'), { recursive: true });
    await writeFile(
      join(ctx, 'Dockerfile'),
      `FROM ${runImage}\nCOPY cnb/ /cnb/\nRUN chmod -R a+rX /cnb && chmod 1777 /tmp\n`,
    );
    await run('docker', ['buildx', 'build', '--provenance=false', '--push', '-t', builder, ctx], { maxBuffer: 16 << 20 });
  } finally {
    await rm(ctx, { recursive: true, force: true });
  }
  return { builder, runImage, env: packDoubleEnv() };
}

/** Env for an Exec so that `pack` is the test double (run by this Node). */
export function packDoubleEnv(): Record<string, string> {
  return { PATH: `${PACK_DOUBLE_BIN_DIR}:${process.env['PATH'] ?? ''}`, PACK_DOUBLE_NODE: process.execPath };
}
