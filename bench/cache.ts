// 3. Cold vs warm builds through the loopback Actions cache service, in both modes, with the bytes
// each job uploads; the reference is the same sequence of builds with cache: 'false'. Every job
// runs as on a fresh runner: the engine's BuildKit cache pruned, ~/.cache emptied (shared HOME
// path), so only the Actions cache can carry anything from one job to the next. push=true in both
// modes, as in the e2e tests. Buildpack mode runs the real pack and lifecycle (scripts/test-builder.sh)
// with a fixture buildpack whose dependency step takes BP_STRATA_DEPS_SECONDS per package, as a real
// install does. Each sequence runs REPEATS times, each
// time against a new, empty cache service; the table shows medians.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCacheService, type CacheService } from '../__tests__/support/cache-service.ts';
import { workspaceFrom } from '../__tests__/support/docker.ts';
import { freshRunner, publishTestBuilders } from '../__tests__/support/buildpacks.ts';
import { expectOk, fmtBytes, fmtMs, fmtRatio, freshHomeJob, median, printTable, progress, pruneBuildkit, timed } from './lib.ts';

const REPEATS = 3;

interface JobFigures {
  mainMs: number;
  postMs: number;
  hit: string;
  uploaded: number;
  downloaded: number;
  reuse: string;
}

interface JobSpec {
  workspace: string;
  with: Record<string, string>;
  env: Record<string, string | undefined>;
  home: string;
  cache: CacheService;
  mode: 'dockerfile' | 'buildpack';
}

/** Blob bytes the service served since request number `from` (cache downloads). */
function downloadedSince(cache: CacheService, from: number): number {
  const sizes = new Map(cache.entries().map((e) => [e.id, e.size]));
  return cache.requests
    .slice(from)
    .filter((r) => r.method === 'GET' && r.path.startsWith('/download/') && r.status === 200)
    .reduce((n, r) => n + (sizes.get(Number(r.path.slice('/download/'.length))) ?? 0), 0);
}

async function runJob(spec: JobSpec, what: string): Promise<JobFigures> {
  await pruneBuildkit();
  if (spec.mode === 'buildpack') await freshRunner(spec.with.image!, `${spec.with['buildpack-builder']!.replace(/:[^:/]*$/, '')}`);
  const job = freshHomeJob(spec.home, { workspace: spec.workspace, with: spec.with, env: spec.env });
  const uploadedBefore = spec.cache.bytesUploaded;
  const requestsBefore = spec.cache.requests.length;
  const main = await timed(() => job.main());
  expectOk(`${what} main`, main.value);
  const post = await timed(() => job.post());
  expectOk(`${what} post`, post.value);
  const log = main.value.stdout + main.value.stderr;
  const reuse =
    spec.mode === 'dockerfile'
      ? `${(log.match(/^#\d+ CACHED$/gm) ?? []).length} CACHED`
      : `${layersReused(main.value.outputs['reused-layers'])} reused${log.includes('reusing layer deps') ? ', deps restored' : ''}`;
  return {
    mainMs: main.ms,
    postMs: post.ms,
    hit: main.value.outputs['cache-hit'] || '-',
    uploaded: spec.cache.bytesUploaded - uploadedBefore,
    downloaded: downloadedSince(spec.cache, requestsBefore),
    reuse,
  };
}

/** "1 layer", "2 layers": how many buildpack layers the reused-layers output names. */
function layersReused(output: string | undefined): string {
  const n = output?.split('\n').filter(Boolean).length ?? 0;
  return `${n} layer${n === 1 ? '' : 's'}`;
}

/** Medians of the timings and bytes over the repeats; outcomes that differ are shown with '/'. */
function summarize(runs: readonly JobFigures[]): JobFigures {
  const distinct = (f: (r: JobFigures) => string) => [...new Set(runs.map(f))].join('/');
  return {
    mainMs: median(runs.map((r) => r.mainMs)),
    postMs: median(runs.map((r) => r.postMs)),
    hit: distinct((r) => r.hit),
    uploaded: median(runs.map((r) => r.uploaded)),
    downloaded: median(runs.map((r) => r.downloaded)),
    reuse: distinct((r) => r.reuse),
  };
}

const HEADERS = ['run', 'main', 'post', 'cache-hit', 'uploaded', 'downloaded', 'work reused', 'ref main', 'ref post', 'ref upl.', 'ref reused', 'job vs ref'];

function row(name: string, cachedRuns: readonly JobFigures[], refRuns: readonly JobFigures[]): string[] {
  const cached = summarize(cachedRuns);
  const ref = summarize(refRuns);
  return [
    name,
    fmtMs(cached.mainMs),
    fmtMs(cached.postMs),
    cached.hit,
    fmtBytes(cached.uploaded),
    fmtBytes(cached.downloaded),
    cached.reuse,
    fmtMs(ref.mainMs),
    fmtMs(ref.postMs),
    fmtBytes(ref.uploaded),
    ref.reuse,
    fmtRatio(cached.mainMs + cached.postMs, ref.mainMs + ref.postMs),
  ];
}

/** Runs `sequence` with the cache and then without it, REPEATS times; returns per-step runs. */
async function repeated(
  label: string,
  sequence: (cache: CacheService, on: boolean, repeat: number) => Promise<JobFigures[]>,
): Promise<{ cached: JobFigures[][]; ref: JobFigures[][] }> {
  const cached: JobFigures[][] = [];
  const ref: JobFigures[][] = [];
  for (let i = 0; i < REPEATS; i++) {
    progress(`3. ${label}: repeat ${i + 1}/${REPEATS}`);
    const cache = await startCacheService({ runnerTemp: mkdtempSync(join(tmpdir(), 'strata-runner-temp-')) });
    try {
      (await sequence(cache, true, i)).forEach((r, step) => (cached[step] ??= []).push(r));
      (await sequence(cache, false, i)).forEach((r, step) => (ref[step] ??= []).push(r));
    } finally {
      await cache.stop();
    }
  }
  return { cached, ref };
}

const NOTES = [
  `median of ${REPEATS} repeats, each against a new empty cache service; every job: docker buildx prune --all and an empty ~/.cache first`,
  'uploaded / downloaded = blob bytes the cache service received / served during main+post; reference = the same jobs with cache: false',
];

export async function benchCache(ctx: { registryHost: string; base: string }): Promise<void> {
  // Dockerfile mode, cache-backend actions: BuildKit's local cache carried by @actions/cache.
  const df = await repeated('dockerfile mode, cached then reference', async (cache, on, repeat) => {
    const spec: JobSpec = {
      workspace: workspaceFrom('examples/dockerfile-app'),
      with: {
        image: `${ctx.registryHost}/bench/cache-dockerfile-${repeat}`,
        push: 'true',
        'cache-backend': 'actions',
        'build-args': `BASE=${ctx.base}`,
        cache: String(on),
      },
      env: cache.env,
      home: mkdtempSync(join(tmpdir(), 'strata-home-')),
      cache,
      mode: 'dockerfile',
    };
    return [await runJob(spec, 'dockerfile cold'), await runJob(spec, 'dockerfile warm')];
  });
  printTable(
    '3a. Cold vs warm, Dockerfile mode (cache-backend: actions, push=true; reference: cache: false)',
    HEADERS,
    [row('cold (empty cache service)', df.cached[0]!, df.ref[0]!), row('warm (BuildKit pruned, cache restored)', df.cached[1]!, df.ref[1]!)],
    [...NOTES, '"work reused" counts the build steps BuildKit reported as CACHED'],
  );

  // Buildpack mode on the real pack and lifecycle: cold, warm, then a lockfile change.
  progress('3. buildpack mode: publishing the test builders (real pack + lifecycle)');
  const builders = await publishTestBuilders(ctx.registryHost);
  const lockfile = (packages: string[]) =>
    JSON.stringify({ name: 'bench-app', lockfileVersion: 3, packages: Object.fromEntries([['', { name: 'bench-app', version: '1.0.0' }], ...packages.map((p) => [`node_modules/${p}`, { version: '1.0.0' }])]) });
  const bp = await repeated('buildpack mode, cached then reference', async (cache, on, repeat) => {
    const spec: JobSpec = {
      workspace: workspaceFrom('__tests__/fixtures/buildpack-node-app'),
      with: {
        image: `${ctx.registryHost}/bench/cache-buildpack-${on ? 'on' : 'off'}-${repeat}`,
        push: 'true',
        'buildpack-builder': builders.uid1001,
        'buildpack-env': 'BP_STRATA_DEPS_SECONDS=2',
        cache: String(on),
      },
      env: { ...cache.env },
      home: mkdtempSync(join(tmpdir(), 'strata-home-')),
      cache,
      mode: 'buildpack',
    };
    writeFileSync(join(spec.workspace, 'package-lock.json'), lockfile(['express', 'lodash', 'react']));
    const cold = await runJob(spec, 'buildpack cold');
    const warm = await runJob(spec, 'buildpack warm');
    writeFileSync(join(spec.workspace, 'package-lock.json'), lockfile(['express', 'lodash', 'react', 'zod']));
    return [cold, warm, await runJob(spec, 'buildpack lockfile change')];
  });
  printTable(
    '3b. Cold vs warm, buildpack mode (real pack + lifecycle, 3 dependencies at 2 s each, push=true; reference: cache: false)',
    HEADERS,
    [row('cold (empty cache service)', bp.cached[0]!, bp.ref[0]!), row('warm (same lockfile)', bp.cached[1]!, bp.ref[1]!), row('after a lockfile change', bp.cached[2]!, bp.ref[2]!)],
    [
      ...NOTES,
      '"work reused": buildpack layers the lifecycle\'s exporter reused (reused-layers output), and whether the deps layer came back from the cache; the lockfile change adds one dependency (one 2 s download, the rest from the restored npm cache)',
    ],
  );
}
