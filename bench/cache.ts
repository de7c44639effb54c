// 3. Cold vs warm builds through the loopback Actions cache service, in both modes, with the bytes
// each job uploads; the reference is the same sequence of builds with cache: 'false'. Every job
// runs as on a fresh runner: the engine's BuildKit cache pruned, ~/.cache emptied (shared HOME
// path), so only the Actions cache can carry anything from one job to the next. push=true in both
// modes, as in the e2e tests (the pack double publishes). Each sequence runs REPEATS times, each
// time against a new, empty cache service; the table shows medians.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCacheService, type CacheService } from '../__tests__/support/cache-service.ts';
import { workspaceFrom } from '../__tests__/support/docker.ts';
import { preparePackDouble } from '../__tests__/support/pack-double/index.ts';
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
      : log.includes('reusing cached layer')
        ? 'deps reused'
        : 'deps built';
  return {
    mainMs: main.ms,
    postMs: post.ms,
    hit: main.value.outputs['cache-hit'] || '-',
    uploaded: spec.cache.bytesUploaded - uploadedBefore,
    downloaded: downloadedSince(spec.cache, requestsBefore),
    reuse,
  };
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

  // Buildpack mode with the pack test double: cold, warm, then a lockfile change.
  progress('3. buildpack mode: preparing the pack double (builder + run image)');
  const pack = await preparePackDouble(ctx.registryHost);
  const bp = await repeated('buildpack mode, cached then reference', async (cache, on, repeat) => {
    const spec: JobSpec = {
      workspace: workspaceFrom('__tests__/fixtures/buildpack-node-app'),
      with: { image: `${ctx.registryHost}/bench/cache-buildpack-${on ? 'on' : 'off'}-${repeat}`, push: 'true', 'buildpack-builder': pack.builder, cache: String(on) },
      env: { ...cache.env, ...pack.env },
      home: mkdtempSync(join(tmpdir(), 'strata-home-')),
      cache,
      mode: 'buildpack',
    };
    const cold = await runJob(spec, 'buildpack cold');
    const warm = await runJob(spec, 'buildpack warm');
    writeFileSync(join(spec.workspace, 'package-lock.json'), JSON.stringify({ name: 'fixture', lockfileVersion: 3, packages: { '': { version: '1.0.1' } } }));
    return [cold, warm, await runJob(spec, 'buildpack lockfile change')];
  });
  printTable(
    '3b. Cold vs warm, buildpack mode (pack test double, push=true; reference: cache: false)',
    HEADERS,
    [row('cold (empty cache service)', bp.cached[0]!, bp.ref[0]!), row('warm (same lockfile)', bp.cached[1]!, bp.ref[1]!), row('after a lockfile change', bp.cached[2]!, bp.ref[2]!)],
    [
      ...NOTES,
      '"work reused": whether the fixture buildpack reused its cached deps layer; its "install" is a stand-in that writes a few files, so reuse saves almost no build time here (a real npm ci would)',
    ],
  );
}
