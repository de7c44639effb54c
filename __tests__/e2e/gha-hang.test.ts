// BuildKit's gha cache backend against a loopback cache service that accepts and never answers.
// BuildKit has no timeout of its own: without the build watch (src/build/progress.ts) the build
// never ends, and the engine's other BuildKit builds stall with it. Each test stops its hanging
// service as soon as the build is over (that cuts BuildKit's connections), and always cleans up.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/adapters.js';
import { runDockerBuild } from '../../src/build/buildx.js';
import type { DockerBuildPlan } from '../../src/build/dockerfile-args.js';
import { createExec } from '../../src/io/exec.js';
import { startCacheService, type CacheService } from '../support/cache-service.js';
import { requireDocker } from '../support/docker.js';
import { ActionJob } from '../support/runner.js';

const BOUNDS = { importStallMs: 5_000, exportStallMs: 5_000 };
const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/';
const logs: string[] = [];
const logger: Logger = {
  info: (m) => logs.push(m),
  warning: (m) => logs.push(`warning: ${m}`),
  error: (m) => logs.push(`error: ${m}`),
  debug: () => undefined,
  group: (_n, fn) => fn(),
};
const quiet = { out: () => undefined, err: () => undefined };

let service: CacheService | undefined;
let context = '';
const tag = `strata-gha-hang:${process.pid}`;
const savedEnv: Record<string, string | undefined> = {};

beforeAll(requireDocker);

afterEach(async () => {
  await service?.stop();
  service = undefined;
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(context, { recursive: true, force: true });
  logs.length = 0;
  try {
    execFileSync('docker', ['image', 'rm', '--force', tag], { stdio: 'ignore', timeout: 20_000 });
  } catch {
    // not built
  }
});

async function hangingService(mode: 'hang' | 'hang-upload'): Promise<CacheService> {
  service = await startCacheService();
  for (const [k, v] of Object.entries(service.env)) {
    if (!(k in savedEnv)) savedEnv[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await service.setFailMode(mode);
  return service;
}

function plan(scope: string): DockerBuildPlan {
  context = mkdtempSync(join(tmpdir(), 'strata-gha-hang-'));
  // Fresh content each run, so there is a layer to export and nothing to reuse.
  writeFileSync(join(context, 'data'), randomBytes(64 * 1024));
  writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\nCOPY data /data\n');
  return {
    context,
    dockerfile: join(context, 'Dockerfile'),
    tags: [tag],
    push: false,
    load: false,
    platforms: [],
    buildArgs: [],
    labels: [],
    cacheFrom: [`type=gha,scope=${scope}`],
    cacheTo: [`type=gha,scope=${scope},mode=max,ignore-error=true`],
    noCache: false,
    metadataFile: join(context, 'meta.json'),
    iidFile: join(context, 'iid'),
  };
}


describe('a gha cache service that accepts and never answers', () => {
  it('during the export, after the image is built: the build is ended and reported as built, with a cache warning', async () => {
    const svc = await hangingService('hang-upload');
    const started = performance.now();
    const outcome = await runDockerBuild(createExec(quiet), logger, plan(`strata-hang-export-${process.pid}`), {}, { bounds: BOUNDS, pollMs: 250 });
    const took = performance.now() - started;
    await svc.stop(); // cut BuildKit's hung connections at once
    // BuildKit reached the hung service (a reservation it never got an answer to).
    expect(svc.requests.some((r) => r.path === `${TWIRP}CreateCacheEntry`)).toBe(true);
    expect(took).toBeLessThan(BOUNDS.exportStallMs + 30_000);
    expect(outcome.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(logs.filter((l) => l.startsWith('warning:'))).toEqual([
      expect.stringMatching(/^warning: BuildKit's cache export \("exporting to GitHub Actions Cache"\) showed no progress for \d+ s after the image was exported: .* the image is built, its cache is not saved\.$/),
    ]);
    // The image is really there.
    expect(execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', tag], { encoding: 'utf8' }).trim()).toMatch(/^sha256:/);
  }, 90_000);

  it('during the import, before the build: the build is stopped and runs again without the cache', async () => {
    const svc = await hangingService('hang');
    const started = performance.now();
    // Killing the client does not end BuildKit's own request to the hung service, and until that
    // connection drops the engine's BuildKit builds nothing (BuildKit's limitation, noted in the
    // README): the test cuts it when Strata gives up, as the service's load balancer eventually would.
    const cutting: Logger = { ...logger, warning: (m) => (logger.warning(m), void svc.stop()) };
    const outcome = await runDockerBuild(createExec(quiet), cutting, plan(`strata-hang-import-${process.pid}`), {}, { bounds: BOUNDS, pollMs: 250 });
    const took = performance.now() - started;
    await svc.stop();
    expect(svc.requests.some((r) => r.path === `${TWIRP}GetCacheEntryDownloadURL`)).toBe(true);
    expect(took).toBeLessThan(BOUNDS.importStallMs + 30_000);
    expect(logs.filter((l) => l.startsWith('warning:'))).toEqual([
      expect.stringMatching(/^warning: BuildKit's cache import \("importing cache manifest from gha:\d+"\) showed no progress for \d+ s: .* runs again without the cache\.$/),
    ]);
    // The second run had no gha cache at all.
    expect(logs.filter((l) => l.startsWith('docker buildx build')).at(-1)).not.toContain('type=gha');
    expect(outcome.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
  }, 90_000);

  it('the action asks the service first, within its bound, and builds without gha when it does not answer', async () => {
    const svc = await hangingService('hang');
    const workspace = plan('unused').context;
    const job = new ActionJob({ workspace, with: { image: tag.split(':')[0]!, tags: tag.split(':')[1]! }, env: svc.env });
    const started = performance.now();
    const { main, post } = await job.run();
    const took = performance.now() - started;
    await svc.stop();
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    expect(main.annotations.filter((a) => a.level === 'warning').map((a) => a.message), main.stdout.split('\n').filter((l) => !l.startsWith('::debug')).join('\n')).toEqual([
      expect.stringMatching(/^Building without BuildKit's gha cache: the Actions cache service did not answer a lookup \(.*made no progress for 10 s.*\), and BuildKit would wait on it without a timeout\.$/),
    ]);
    // One lookup by Strata; BuildKit was never sent to the hung service.
    expect(svc.requests.map((r) => r.path)).toEqual([`${TWIRP}GetCacheEntryDownloadURL`]);
    expect(main.stdout).not.toContain('type=gha');
    expect(post.exitCode).toBe(0);
    // The snapshot bound (10 s) plus a build, not BuildKit's unbounded wait.
    expect(took).toBeLessThan(60_000);
  }, 120_000);
});
