// Adapter: runs BuildKit through the docker CLI and reads back what it built. The build's progress
// is watched (progress.ts): a gha cache import or export that hangs is stopped, not waited on.
import { startBuildxProbes, type BuildxProbes } from './buildx-probes.js';
import { readFile } from 'node:fs/promises';
import type { DockerEngine, Exec, ExecResult, Logger } from '../adapters.js';
import type { BuilderFacts } from './buildkit-cache.js';
import { buildxArgs, type DockerBuildPlan } from './dockerfile-args.js';
import { BUILD_WATCH_BOUNDS, judgeBuild, newBuildProgress, readProgressLine, type BuildProgress, type BuildWatchBounds, type BuildWatchVerdict } from './progress.js';

export class BuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildError';
  }
}

/** Pure: `docker buildx version` output -> 0.13.1 (Debian's "0.13.1+ds1" included). */
export function parseBuildxVersion(output: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+)/.exec(output)?.[1];
}

/** Pure: the driver of the selected builder from `docker buildx inspect`. */
export function parseBuilderDriver(inspect: string): string {
  return /^Driver:\s*(\S+)/m.exec(inspect)?.[1] ?? 'docker';
}

/**
 * Pure: the lines of a failed build worth showing. BuildKit prints the step that failed and then
 * "ERROR: failed to solve: ..."; everything before is progress output the log already has.
 */
export function buildErrorSummary(stderr: string, max = 12): string {
  const lines = stderr.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const isError = (l: string) => /(^|\s)ERROR[: ]|failed to solve|^error:/i.test(l.replace(/^#\d+\s+/, ''));
  const last = lines.findLastIndex(isError);
  if (last < 0) return lines.slice(-max).join('\n') || 'the build failed without output';
  // From a little before the first error line (the failing step) to the final solve error.
  const first = lines.findIndex(isError);
  return lines.slice(Math.max(first - 2, last - max + 1, 0), last + 1).join('\n');
}

/** Pure: whether the engine stores images in containerd (its DriverStatus names the snapshotter). */
export function usesContainerdStore(driverStatus: ReadonlyArray<readonly [string, string]>): boolean {
  return driverStatus.some((pair) => pair.some((v) => v.includes('io.containerd.snapshotter')));
}

export async function builderFacts(deps: { exec: Exec; engine: DockerEngine; buildxProbes?: BuildxProbes | undefined }, builder?: string): Promise<BuilderFacts> {
  const { exec, engine } = deps;
  // Independent probes, asked at once: two buildx processes (the plugin is not the engine, so it
  // has no API to ask) and the engine's storage driver through its API. An engine that cannot be
  // reached stops the buildx probes too, which would otherwise wait on it for their own bound.
  // The action starts the buildx probes early (buildx-probes.ts); anything else starts them here.
  const early = deps.buildxProbes;
  const probes = early && early.builder === builder ? early : startBuildxProbes(exec, builder);
  const [info, version, inspect] = await Promise.all([
    (probes.driverStatus ?? engine.driverStatus()).then(
      (status) => ({ status }),
      (e: unknown) => {
        probes.abort.abort();
        return { error: e instanceof Error ? e.message : String(e) };
      },
    ),
    probes.version,
    probes.inspect,
  ]);
  if (version.exitCode === 127) {
    throw new BuildError('The docker CLI is not on PATH: Strata builds with Docker (and its buildx plugin). Install Docker on the runner, or use a GitHub-hosted Ubuntu runner.');
  }
  if ('error' in info) {
    throw new BuildError(`Cannot reach the Docker engine: ${info.error}. Start Docker (or set DOCKER_HOST) before Strata runs.`);
  }
  const buildxVersion = version.exitCode === 0 ? parseBuildxVersion(version.stdout) : undefined;
  if (!buildxVersion) {
    // Since Docker 23, `docker build` is buildx too: without the plugin there is no BuildKit build
    // to fall back to (DOCKER_BUILDKIT=1 fails with "the buildx component is missing or broken").
    throw new BuildError(
      `The docker buildx plugin is missing (\`docker buildx version\`: ${JSON.stringify((version.stderr || version.stdout).trim().slice(0, 200))}). Strata builds Dockerfiles with buildx, and since Docker 23 \`docker build\` needs it too. Install it: the docker-buildx-plugin package, or docker/setup-buildx-action before Strata.`,
    );
  }
  if (inspect.exitCode !== 0) {
    throw new BuildError(
      `Input "buildx-builder" names ${JSON.stringify(builder ?? '')}, which buildx cannot use: ${inspect.stderr.trim()}. List builders with "docker buildx ls".`,
    );
  }
  return {
    driver: parseBuilderDriver(inspect.stdout),
    buildxVersion,
    containerdStore: usesContainerdStore(info.status),
  };
}

export interface DockerBuildOutcome {
  imageId?: string;
  digest?: string;
  metadata: Record<string, unknown>;
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

export interface DockerBuildOptions {
  bounds?: BuildWatchBounds;
  /** How often the watch looks at the build. */
  pollMs?: number;
  /** Called once the build process has started. */
  onBuildStarted?: () => void;
}

/**
 * Runs the build; throws BuildError with the failing lines. `env` reaches only the docker process:
 * it carries secret values (see secretsForBuild) and SOURCE_DATE_EPOCH.
 */
export async function runDockerBuild(
  exec: Exec,
  logger: Logger,
  plan: DockerBuildPlan,
  env: Record<string, string> = {},
  options: DockerBuildOptions = {},
): Promise<DockerBuildOutcome> {
  const first = await watchedBuild(exec, logger, plan, env, options);
  let run = first;
  if (first.hang?.hang === 'cache-import') {
    logger.warning(
      `BuildKit's cache import ("${first.hang.vertex}") showed no progress for ${Math.round(first.hang.quietMs / 1000)} s: the cache service is not answering. The build was stopped and runs again without the cache.`,
    );
    const withoutGha = { ...plan, cacheFrom: plan.cacheFrom.filter((c) => !isGha(c)), cacheTo: plan.cacheTo.filter((c) => !isGha(c)) };
    run = await watchedBuild(exec, logger, withoutGha, env, options);
  }
  if (run.hang?.hang === 'cache-export') {
    logger.warning(
      `BuildKit's cache export ("${run.hang.vertex}") showed no progress for ${Math.round(run.hang.quietMs / 1000)} s after the image was exported: the cache service is not answering. The build was stopped there; the image is built${plan.push ? ' and pushed' : ''}, its cache is not saved.`,
    );
    return { imageId: run.progress.imageId, digest: plan.push ? run.progress.digest : undefined, metadata: {} };
  }
  if (run.hang) throw new BuildError(`BuildKit's cache import hung again without the gha cache: ${run.hang.vertex}`);
  const { result } = run;
  if (result.exitCode !== 0) throw new BuildError(`docker buildx build failed:\n${buildErrorSummary(result.stderr || result.stdout)}${engineLost(result.stderr)}`);
  const metadata = JSON.parse((await readOptional(plan.metadataFile)) || '{}') as Record<string, unknown>;
  const imageId = await readOptional(plan.iidFile);
  const digest = plan.push ? (metadata['containerimage.digest'] as string | undefined) : undefined;
  return { imageId, digest, metadata };
}

function isGha(cacheEntry: string): boolean {
  return /(^|,)type=gha(,|$)/.test(cacheEntry);
}

/** Pure: a hint when the build failed because the connection to the engine dropped (a daemon restart). */
export function engineLost(stderr: string): string {
  return /error reading from server: EOF|connection reset by peer|Cannot connect to the Docker daemon|transport is closing|rpc error: code = Unavailable|failed to dial gRPC|broken pipe/i.test(stderr)
    ? '\nThe connection to the Docker engine dropped during the build (did the daemon restart?). Nothing was pushed by this step; re-run the job.'
    : '';
}

interface WatchedBuild {
  result: ExecResult;
  progress: BuildProgress;
  hang?: Extract<BuildWatchVerdict, { go: false }>;
}

async function watchedBuild(exec: Exec, logger: Logger, plan: DockerBuildPlan, env: Record<string, string>, options: DockerBuildOptions): Promise<WatchedBuild> {
  const args = buildxArgs(plan);
  logger.info(`docker ${args.join(' ')}`);
  const progress = newBuildProgress();
  const stop = new AbortController();
  let hang: WatchedBuild['hang'];
  const timer = setInterval(() => {
    const verdict = judgeBuild(progress, Date.now(), options.bounds ?? BUILD_WATCH_BOUNDS);
    if (!verdict.go && !hang) {
      hang = verdict;
      stop.abort();
    }
  }, options.pollMs ?? 1_000);
  timer.unref();
  try {
    const result = await exec.run('docker', args, {
      stream: true,
      // Plain progress, whatever the user's BUILDKIT_PROGRESS says: the watch reads it.
      env: { ...env, BUILDX_METADATA_WARNINGS: 'true', BUILDKIT_PROGRESS: 'plain' },
      onLine: (line) => readProgressLine(progress, line, Date.now()),
      signal: stop.signal,
      onSpawn: options.onBuildStarted,
    });
    return { result, progress, ...(hang ? { hang } : {}) };
  } finally {
    clearInterval(timer);
  }
}
