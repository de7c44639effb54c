// The pipeline, with its adapters passed in. Entrypoints (main.ts, post.ts, cli.ts) build the
// adapters and call these; tests call them with loopback-backed ones.
import type { ContextFiles, Exec, Logger, Outputs, StateStore } from './adapters.js';
import { builderFacts } from './build/buildx.js';
import { planBuildkitCache, type RunFacts } from './build/buildkit-cache.js';
import { buildWithDockerfile, cacheArgsOf } from './build/dockerfile-mode.js';
import { resolveTags } from './build/tags.js';
import type { BuildResult } from './build/types.js';
import { detectMode, type ModeDecision } from './detect/mode.js';
import type { GitHubContext } from './github/context.js';
import { parseInputs, type InputReader, type Inputs } from './inputs.js';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { buildkitLocalCacheEntries } from './cache/buildkit-local.js';
import {
  buildCacheSpec,
  readCacheKeyFiles,
  restoreForBuild,
  runnerPlatform,
  settleAfterBuild,
  type CacheState,
} from './cache/build-cache.js';
import type { CacheStore } from './cache/store.js';
import { buildWithBuildpacks, planBuildpack } from './build/buildpack-mode.js';
import type { ToolCache } from './build/pack-install.js';
import { produceReport, type ReportDeps } from './report/produce.js';

export interface RunDeps {
  readInput: InputReader;
  env: Record<string, string | undefined>;
  github: GitHubContext;
  exec: Exec;
  logger: Logger;
  outputs: Outputs;
  state: StateStore;
  files: ContextFiles;
  /** A fresh directory for this run's scratch files. */
  tempDir: string;
  now: () => Date;
  /** Registers a value to be masked in logs (the runner's add-mask). */
  maskSecret: (value: string) => void;
  /** The Actions cache (unavailable outside a JavaScript action's environment). */
  cacheStore: CacheStore;
  /** Makes a directory's programs visible to this process and later steps (core.addPath). */
  addPath: (dir: string) => void;
  /** @actions/tool-cache, loaded on first use (only buildpack mode installs pack). */
  toolCache: () => Promise<ToolCache>;
  /** The report stage's adapters; absent where no report is wanted (`strata build`). */
  report?: Omit<ReportDeps, 'exec' | 'logger' | 'outputs' | 'github' | 'cacheStore' | 'now'>;
}

export const CACHE_STATE = 'build-cache';

export function runFacts(env: Record<string, string | undefined>): RunFacts {
  const url = env.ACTIONS_CACHE_SERVICE_V2 ? env.ACTIONS_RESULTS_URL : (env.ACTIONS_CACHE_URL ?? env.ACTIONS_RESULTS_URL);
  return {
    actionsCacheAvailable: Boolean(url && env.ACTIONS_RUNTIME_TOKEN),
    cacheServiceV2: Boolean(env.ACTIONS_CACHE_SERVICE_V2),
  };
}

export async function decide(deps: Pick<RunDeps, 'files'>, inputs: Inputs): Promise<ModeDecision> {
  const contextFiles = await deps.files.list(inputs.context);
  return detectMode({
    requested: inputs.mode,
    contextFiles,
    context: inputs.context,
    file: inputs.file ? { path: inputs.file, exists: existsSync(inputs.file) } : undefined,
  });
}

/** The main step. Throws on anything that should fail the step; the entrypoint reports it. */
export async function runMain(deps: RunDeps): Promise<BuildResult> {
  const { logger, outputs } = deps;
  const inputs = parseInputs(deps.readInput, deps.github);
  if (inputs.githubToken) deps.maskSecret(inputs.githubToken);
  if (inputs.registryPassword) deps.maskSecret(inputs.registryPassword);

  const decision = await decide(deps, inputs);
  logger.info(`Mode: ${decision.mode} (${decision.reason})`);
  outputs.set('mode', decision.mode);
  outputs.set('mode-reason', decision.reason);

  const tags = resolveTags(inputs.image, inputs.tags, deps.github);
  let result: BuildResult;
  if (decision.mode === 'dockerfile') {
    result = await runDockerfile(deps, inputs, decision.dockerfile!, tags);
  } else {
    result = await runBuildpack(deps, inputs, tags);
  }

  deps.state.set('build-succeeded', 'true');
  outputs.set('image', result.tags[0] ?? '');
  outputs.set('tags', result.tags.join('\n'));
  outputs.set('digest', result.digest ?? '');
  outputs.set('image-id', result.imageId ?? '');
  outputs.set('metadata', JSON.stringify(result.metadata));
  logger.info(`Built ${result.tags.join(', ')}${result.digest ? ` (${result.digest})` : ''}`);
  for (const base of result.baseImages) {
    logger.info(`Base image${base.runtime ? ' (runtime)' : ''}: ${base.reference}${base.digest && !base.reference.includes('@') ? `@${base.digest}` : ''}`);
  }
  if (deps.report) {
    await logger.group('Image report', () =>
      produceReport({ ...deps.report!, exec: deps.exec, logger, outputs, github: deps.github, cacheStore: deps.cacheStore, now: deps.now }, inputs, result),
    );
  }
  return result;
}

async function runDockerfile(deps: RunDeps, inputs: Inputs, dockerfile: string, tags: string[]): Promise<BuildResult> {
  const builder = await builderFacts(deps.exec, inputs.buildxBuilder);
  const cachePlan = planBuildkitCache(
    {
      cache: inputs.cache,
      backend: inputs.cacheBackend,
      cacheFrom: inputs.cacheFrom,
      cacheTo: inputs.cacheTo,
      noCache: inputs.noCache,
      image: inputs.image,
      platforms: inputs.platforms,
    },
    builder,
    runFacts(deps.env),
  );
  if (cachePlan.kind !== 'user') deps.logger.info(cachePlan.note);

  let cacheArgs = cacheArgsOf(cachePlan);
  let cache: CacheState | undefined;
  if (cachePlan.kind === 'local') {
    const spec = buildCacheSpec({
      subject: { mode: 'dockerfile', image: inputs.image, platforms: inputs.platforms },
      lockfiles: await readCacheKeyFiles(deps.files, inputs.context, 'dockerfile'),
      ...runnerPlatform(deps.env),
    });
    const restored = await restoreForBuild(spec, { store: deps.cacheStore, logger: deps.logger, exec: deps.exec });
    cache = { spec, restored };
    deps.outputs.set('cache-hit', restored.hit);
    deps.outputs.set('cache-key', spec.keys.primary);
    cacheArgs = buildkitLocalCacheEntries(spec.dir, { restored: restored.hit !== 'miss' });
  }

  let result: BuildResult;
  try {
    result = await buildWithDockerfile(deps, {
      inputs,
      dockerfile,
      tags,
      github: deps.github,
      builder,
      cachePlan: cacheArgs,
      tempDir: deps.tempDir,
      now: deps.now(),
    });
  } catch (e) {
    if (cache) await settleAfterBuild(cache.spec, false);
    throw e;
  }
  if (cache) {
    await settleAfterBuild(cache.spec, true);
    deps.state.set(CACHE_STATE, JSON.stringify(cache));
  }
  return result;
}

async function runBuildpack(deps: RunDeps, inputs: Inputs, tags: string[]): Promise<BuildResult> {
  const contextFiles = await deps.files.list(inputs.context);
  const planning = await planBuildpack(deps.files, inputs, contextFiles);
  deps.logger.info(`Builder: ${planning.choice.builder} (${planning.choice.reason})`);
  deps.outputs.set('buildpack-builder', planning.choice.builder);

  let cache: CacheState | undefined;
  if (inputs.cache) {
    const spec = buildCacheSpec({
      subject: { mode: 'buildpack', builder: planning.choice.builder },
      lockfiles: await readCacheKeyFiles(deps.files, inputs.context, 'buildpack'),
      ...runnerPlatform(deps.env),
    });
    const restored = await restoreForBuild(spec, { store: deps.cacheStore, logger: deps.logger, exec: deps.exec });
    cache = { spec, restored };
    deps.outputs.set('cache-hit', restored.hit);
    deps.outputs.set('cache-key', spec.keys.primary);
  } else {
    deps.logger.info('Buildpack layer cache is off (input "cache" is false).');
  }

  const result = await buildWithBuildpacks(deps, { inputs, tags, planning, cacheDir: cache?.spec.dir, tempDir: deps.tempDir });
  if (cache) deps.state.set(CACHE_STATE, JSON.stringify(cache));
  return result;
}

export function scratchDir(env: Record<string, string | undefined>, name: string): string {
  return join(env.RUNNER_TEMP || env.TMPDIR || '/tmp', name);
}
