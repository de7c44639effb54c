// The pipeline, with its adapters passed in. Entrypoints (main.ts, post.ts, cli.ts) build the
// adapters and call these; tests call them with loopback-backed ones.
import type { BuildxProbes } from './build/buildx-probes.js';
import { CACHE_POST_NOTE_STATE, CACHE_STATE } from './state-keys.js';
import type { ContextFiles, DockerEngine, Exec, Logger, Outputs, StateStore } from './adapters.js';
import { buildWithBuildpacks, planBuildpack } from './build/buildpack-mode.js';
import { planBuildkitCache, type RunFacts } from './build/buildkit-cache.js';
import { builderFacts } from './build/buildx.js';
import { buildWithDockerfile, cacheArgsOf, checkWithDockerfile, resolveBaseImages } from './build/dockerfile-mode.js';
import type { ToolCache } from './build/pack-install.js';
import { commitSeconds, describeSourceDate, sourceDate, type SourceDate } from './build/source-date.js';
import { resolveTags } from './build/tags.js';
import type { BuildResult } from './build/types.js';
import { describeLayerReuse } from './build/lifecycle-log.js';
import {
  buildCacheSpec,
  readCacheKeyFiles,
  restoreForBuild,
  runnerPlatform,
  settleAfterBuild,
  type CacheState,
} from './cache/build-cache.js';
import { buildkitLocalCacheEntries } from './cache/buildkit-local.js';
import type { CacheSubject } from './cache/keys.js';
import type { CacheStore } from './cache/store.js';
import type { GitHubContext } from './context.js';
import { contextListing } from './detect/listing.js';
import { detectMode, type ModeDecision } from './detect/mode.js';
import { markReportOutdated, publishReport, type PublishDeps } from './github/publish.js';
import type { Inputs } from './inputs.js';
import { inputsIgnoredBy, redactSecrets, secretValues } from './inputs-build.js';
import { rebaseImage } from './rebase/rebase.js';
import type { RegistryClient } from './registry/client.js';
import type { RegistryWriter } from './registry/writer.js';
import { enforceSizeCheck, produceReport, type ReportDeps } from './report/produce.js';

export interface RunDeps {
  env: Record<string, string | undefined>;
  github: GitHubContext;
  exec: Exec;
  /** Reads of the local engine (io/docker-engine.ts): its API, or the CLI where that is out of reach. */
  engine: DockerEngine;
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
  /** Registry reader and writer for `rebase: true`; absent where rebasing is not offered. */
  rebaseRegistry?: (inputs: Inputs) => Promise<{ client: RegistryClient; writer: RegistryWriter }>;
  /** Whether the image's registry has `reference`; absent where no registry is read (then no previous image is looked for). */
  imageExists?: (inputs: Inputs, reference: string) => Promise<boolean>;
  /** `docker buildx version` / `inspect`, started before the pipeline loaded (the action does). */
  buildxProbes?: BuildxProbes;
  /** The digest a tag resolves to now, from its registry (undefined: it cannot say); absent: `docker buildx imagetools inspect` is asked. */
  registryDigest?: (inputs: Inputs, reference: string) => Promise<string | undefined>;
  /** The report stage's adapters; absent where no report is wanted (`strata build`). */
  report?: Omit<ReportDeps, 'engine' | 'logger' | 'github' | 'cacheStore' | 'now'> & Omit<PublishDeps, 'logger' | 'outputs' | 'github'>;
}


function runFacts(deps: Pick<RunDeps, 'env' | 'cacheStore'>): RunFacts {
  return {
    actionsCacheAvailable: deps.cacheStore.isAvailable(),
    cacheServiceV2: Boolean(deps.env.ACTIONS_CACHE_SERVICE_V2),
  };
}

export async function decide(deps: Pick<RunDeps, 'files'>, inputs: Inputs): Promise<ModeDecision> {
  const contextFiles = await contextListing(deps.files, inputs.context);
  return detectMode({
    requested: inputs.mode,
    contextFiles,
    context: inputs.context,
    buildpackBuilder: inputs.buildpackBuilder,
    file: inputs.file ? { path: inputs.file, exists: (await deps.files.read(inputs.file)) !== undefined } : undefined,
  });
}

/** The main step. Throws on anything that should fail the step; the entrypoint reports it. */
export async function runMain(deps: RunDeps, inputs: Inputs): Promise<void> {
  if (inputs.githubToken) deps.maskSecret(inputs.githubToken);
  if (inputs.registryPassword) deps.maskSecret(inputs.registryPassword);
  maskBuildSecrets(deps, inputs);
  try {
    await runSteps(deps, inputs);
  } catch (e) {
    // The error ends up in the job summary too, which the runner does not mask: a RUN step that
    // printed a secret must not carry it there.
    if (e instanceof Error && inputs.secrets.length > 0) e.message = redactSecrets(e.message, secretValues(inputs.secrets, deps.env));
    throw e;
  }
}

async function runSteps(deps: RunDeps, inputs: Inputs): Promise<void> {
  const { logger, outputs } = deps;
  if (inputs.rebase) return runRebase(deps, inputs);

  // A git process whose answer the build needs, started while the mode is decided.
  const commit = commitSeconds(deps.exec, inputs.context);
  const decision = await decide(deps, inputs);
  logger.info(`Mode: ${decision.mode} (${decision.reason})`);
  outputs.set('mode', decision.mode);
  outputs.set('mode-reason', decision.reason);
  const ignored = inputsIgnoredBy(decision.mode, inputs);
  if (ignored.length > 0) logger.warning(`These inputs do not apply in ${decision.mode} mode and are ignored: ${ignored.join(', ')}.`);

  const tags = resolveTags(inputs.image, inputs.tags, deps.github, inputs.tagLatest);
  if (inputs.call === 'check') return runCheck(deps, inputs, decision, tags);
  const created = sourceDate({
    envEpoch: deps.env.SOURCE_DATE_EPOCH,
    gitCommitSeconds: await commit,
    headCommitTimestamp: deps.github.headCommitTimestamp,
    now: deps.now(),
  });
  logger.info(describeSourceDate(created));
  let result: BuildResult;
  try {
    result =
      decision.mode === 'dockerfile'
        ? await runDockerfile(deps, inputs, decision.dockerfile!, tags, created)
        : await runBuildpack(deps, inputs, tags, created);
  } catch (e) {
    // The previous commit's report must not stay up as if it described this one.
    if (deps.report) await markReportOutdated({ ...deps.report, logger, github: deps.github }, inputs, 'the build failed');
    throw e;
  }

  deps.state.set('build-succeeded', 'true');
  outputs.set('image', result.tags[0] ?? '');
  outputs.set('tags', result.tags.join('\n'));
  outputs.set('digest', result.digest ?? '');
  outputs.set('image-id', result.imageId ?? '');
  outputs.set('metadata', JSON.stringify(result.metadata));
  logger.info(`Built ${result.tags.join(', ')}${result.digest ? ` (${result.digest})` : ''}`);
  if (result.layerReuse) {
    // What the lifecycle reused, not whether a directory was restored: the output a workflow can assert on.
    outputs.set('reused-layers', result.layerReuse.reused.join('\n'));
    logger.info(`Buildpack layers: ${describeLayerReuse(result.layerReuse, result.layerReuse.previousImage).replaceAll('`', '')}`);
  }
  for (const base of result.baseImages) {
    const on = base.platforms ? ` on ${base.platforms.join(', ')}` : '';
    logger.info(`Base image${base.runtime ? ' (runtime)' : ''}${on}: ${base.reference}${base.digest && !base.reference.includes('@') ? `@${base.digest}` : ''}`);
  }
  if (deps.report) {
    const report = await logger.group('Image report', async () => {
      const made = await produceReport({ ...deps.report!, engine: deps.engine, logger, github: deps.github, cacheStore: deps.cacheStore, now: deps.now }, inputs, result);
      await publishReport({ ...deps.report!, logger, outputs, github: deps.github }, inputs, made);
      return made;
    });
    enforceSizeCheck(report);
  }
}

/**
 * Build secrets are masked before anything else is printed: their values (and each line of a
 * multi-line one, as the runner masks line by line) and the values of the variables secret-envs names.
 */
function maskBuildSecrets(deps: Pick<RunDeps, 'maskSecret' | 'env'>, inputs: Inputs): void {
  for (const value of secretValues(inputs.secrets, deps.env)) deps.maskSecret(value);
}

/** `rebase: true`: no build; the image at the first tag moves onto its base's current digest. */
async function runRebase(deps: RunDeps, inputs: Inputs): Promise<void> {
  if (!deps.rebaseRegistry) throw new Error('Input "rebase" is not available here; use `strata rebase IMAGE` on the command line.');
  const tags = resolveTags(inputs.image, inputs.tags, deps.github, inputs.tagLatest);
  const { client, writer } = await deps.rebaseRegistry(inputs);
  // push: false means nothing is written, for a rebase as for a build: plan only, and say so.
  const dryRun = !inputs.push;
  const result = await rebaseImage({ client, writer, image: tags[0]!, tags, logger: deps.logger, dryRun });
  deps.logger.info(result.message);
  if (result.status === 'dry-run') deps.logger.info('push is false: the rebase was planned, nothing was pushed. Set push: true to move the tags.');
  for (const note of result.notes) deps.logger.info(`note: ${note}`);
  deps.outputs.set('mode', 'rebase');
  deps.outputs.set('mode-reason', result.message);
  deps.outputs.set('rebased', String(result.status === 'rebased'));
  deps.outputs.set('image', tags[0]!);
  deps.outputs.set('tags', tags.join('\n'));
  // Planned only: the tags still name the image as it was.
  deps.outputs.set('digest', result.status === 'dry-run' ? result.previousDigest : result.digest);
}

async function runDockerfile(deps: RunDeps, inputs: Inputs, dockerfile: string, tags: string[], created: SourceDate): Promise<BuildResult> {
  // Independent lookups (the builder's abilities, the bases' digests): asked at once.
  const [builder, { bases, unresolved }] = await Promise.all([
    builderFacts(deps, inputs.buildxBuilder),
    resolveBaseImages({ ...deps, registryDigest: deps.registryDigest ? (ref) => deps.registryDigest!(inputs, ref) : undefined }, { dockerfile, inputs }),
  ]);
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
    runFacts(deps),
  );
  if (cachePlan.kind !== 'user') deps.logger.info(cachePlan.note);
  if (cachePlan.kind === 'gha') deps.state.set(CACHE_POST_NOTE_STATE, cachePlan.postNote);

  const cache =
    cachePlan.kind === 'local' ? await restoreCache(deps, inputs, { mode: 'dockerfile', image: inputs.image, platforms: inputs.platforms }) : undefined;
  let cacheArgs = cache ? buildkitLocalCacheEntries(cache.spec.dir, { restored: cache.restored.hit !== 'miss' }) : cacheArgsOf(cachePlan);
  if (cachePlan.kind === 'gha' && !(await ghaServiceAnswers(deps, cachePlan.scope))) cacheArgs = { cacheFrom: [], cacheTo: [] };
  const result = await withBuildCache(deps, cache, () =>
    buildWithDockerfile(
      // The report's modules load once the build runs: before, they would take CPU from the
      // buildx probes the build waits for.
      { ...deps, onBuildStarted: deps.report?.warmUp },
      { inputs, dockerfile, tags, github: deps.github, builder, cachePlan: cacheArgs, tempDir: deps.tempDir, now: deps.now(), sourceDate: created },
      bases,
    ),
  );
  return unresolved.length > 0 ? { ...result, unresolvedBases: unresolved } : result;
}

/** `call: check`: the Dockerfile's build checks, no build, no cache, no report. */
async function runCheck(deps: RunDeps, inputs: Inputs, decision: ModeDecision, tags: string[]): Promise<void> {
  if (decision.mode !== 'dockerfile') {
    throw new Error(`Input "call" is "check", which runs BuildKit's Dockerfile checks, but this build is in buildpack mode (${decision.reason}). Remove "call", or build a Dockerfile.`);
  }
  const builder = await builderFacts(deps, inputs.buildxBuilder);
  const verdict = await checkWithDockerfile(deps, {
    inputs,
    dockerfile: decision.dockerfile!,
    tags,
    github: deps.github,
    builder,
    cachePlan: { cacheFrom: [], cacheTo: [] },
    tempDir: deps.tempDir,
    now: deps.now(),
  });
  deps.outputs.set('check-findings', String(verdict.findings.length));
}

/**
 * BuildKit's gha backend has no timeout: a cache service that accepts and never answers holds the
 * build, and the engine's BuildKit with it, until the connection drops. So the service is asked
 * first, by us and within bounds.ts's limits (one lookup, no download), before BuildKit is.
 */
async function ghaServiceAnswers(deps: RunDeps, scope: string): Promise<boolean> {
  try {
    await deps.cacheStore.lookup(['strata-gha-preflight'], `strata-gha-preflight-${scope}`, []);
    return true;
  } catch (error) {
    deps.logger.warning(
      `Building without BuildKit's gha cache: the Actions cache service did not answer a lookup (${error instanceof Error ? error.message : String(error)}), and BuildKit would wait on it without a timeout.`,
    );
    return false;
  }
}

/** Restores the build cache before the build and sets the cache outputs. */
async function restoreCache(deps: RunDeps, inputs: Inputs, subject: CacheSubject): Promise<CacheState> {
  const spec = buildCacheSpec({
    subject,
    lockfiles: await readCacheKeyFiles(deps.files, inputs.context, subject.mode),
    ...runnerPlatform(deps.env),
  });
  const restored = await restoreForBuild(spec, { store: deps.cacheStore, logger: deps.logger, exec: deps.exec });
  deps.outputs.set('cache-hit', restored.hit);
  deps.outputs.set('cache-key', spec.keys.primary);
  return { spec, restored };
}

/** Runs the build; on success hands the cache to the post step, on failure drops what it exported. */
async function withBuildCache(deps: RunDeps, cache: CacheState | undefined, build: () => Promise<BuildResult>): Promise<BuildResult> {
  let result: BuildResult;
  try {
    result = await build();
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

async function runBuildpack(deps: RunDeps, inputs: Inputs, tags: string[], created: SourceDate): Promise<BuildResult> {
  const contextFiles = await contextListing(deps.files, inputs.context);
  const planning = await planBuildpack(deps.files, inputs, contextFiles);
  deps.logger.info(`Builder: ${planning.choice.builder} (${planning.choice.reason})`);
  deps.outputs.set('buildpack-builder', planning.choice.builder);

  if (!inputs.cache) deps.logger.info('Buildpack layer cache is off (input "cache" is false).');
  // A cache image holds the build cache in the registry: the bind cache would compete with it.
  if (inputs.cache && inputs.cacheImage) deps.logger.info(`Buildpack layer cache: the cache image ${inputs.cacheImage} (input "cache-image"), not the Actions cache.`);
  const cache =
    inputs.cache && !inputs.cacheImage ? await restoreCache(deps, inputs, { mode: 'buildpack', builder: planning.choice.builder }) : undefined;
  return withBuildCache(deps, cache, () =>
    buildWithBuildpacks(
      // As in dockerfile mode: the report's modules load once the build runs.
      { ...deps, imageExists: deps.imageExists ? (ref) => deps.imageExists!(inputs, ref) : undefined, onBuildStarted: deps.report?.warmUp },
      { inputs, tags, planning, cacheDir: cache?.spec.dir, tempDir: deps.tempDir, created, github: deps.github },
    ),
  );
}
