// `strata detect` and `strata build`: the shipped CLI (cli.mjs of a fresh bundle, see distPath)
// outside GitHub, building with the real engine.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registryWithBase, requireDocker, run, skopeoInspect, workspaceFrom } from '../support/docker.js';
import type { TestRegistry } from '../support/registry.js';
import { distPath, REPO_ROOT } from '../support/runner.js';

let registry: TestRegistry;
let base: string;

async function cli(args: string[], cwd = REPO_ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [distPath('cli.mjs'), ...args], { cwd, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  await requireDocker();
  ({ registry, base } = await registryWithBase());
});

afterAll(async () => {
  await registry?.stop();
});

it.each([
  ['examples/node-app', 'mode        buildpack\nreason      no Dockerfile; examples/node-app/package.json found, so Cloud Native Buildpacks build it\n'],
  ['examples/dockerfile-app', 'mode        dockerfile\nreason      examples/dockerfile-app/Dockerfile found, so BuildKit builds it\n'],
])('strata detect %s', async (path, expected) => {
  const r = await cli(['detect', path]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout.startsWith(expected)).toBe(true);
});

it('strata detect explains what it looked for when nothing matches', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'strata-empty-'));
  writeFileSync(join(empty, 'README.md'), '# nothing to build\n');
  const r = await cli(['detect', empty]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^error: Cannot tell how to build the context ".*": it has no Dockerfile or Containerfile and none of the files the default builders detect \(Gemfile, \*\.csproj/);
});

it('strata build builds and pushes with the same core as the action', async () => {
  const workspace = workspaceFrom('examples/dockerfile-app');
  const image = `${registry.host}/cli/hello`;
  const r = await cli(['build', '.', '--image', image, '--tag', 'v1', '--push', '--build-arg', `BASE=${base}`], workspace);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('Mode: dockerfile (Dockerfile found, so BuildKit builds it)');
  const digest = /^digest\s+(sha256:[0-9a-f]{64})$/m.exec(r.stdout)?.[1];
  expect(digest).toBeDefined();
  expect((await skopeoInspect(`${image}:v1`)).Digest).toBe(digest);
  expect(r.stdout).toMatch(new RegExp(`^image\\s+${image.replace(/\./g, '\\.')}:v1$`, 'm'));
}, 120_000);

it('strata build reports a bad flag value like the action reports a bad input', async () => {
  const r = await cli(['build', 'examples/dockerfile-app', '--mode', 'magic']);
  expect(r.code).toBe(1);
  expect(r.stderr).toBe('error: Input "mode" has an invalid value "magic": use one of auto, dockerfile, buildpack.\n');
});
