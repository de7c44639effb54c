// Dockerfile mode: inputs -> plan -> BuildKit -> BuildResult (with the base images it used).
import { join } from 'node:path';
import type { ContextFiles, DockerEngine, Exec, Logger } from '../adapters.js';
import type { GitHubContext } from '../context.js';
import { baseAnnotations } from '../image/labels.js';
import type { Inputs } from '../inputs.js';
import { labelledBase, resolveDockerfileBases, unresolvedOf, usesOf } from './base-images.js';
import { hostPlatform } from '../image/platforms.js';
import { ghaCacheFailures, ghaCacheWarning } from './progress.js';
import type { BuilderFacts, BuildkitCachePlan } from './buildkit-cache.js';
import { runBuildCheck, type CheckVerdict } from './build-check.js';
import { runDockerBuild } from './buildx.js';
import { buildxOptionsOf, secretsForBuild, type BuildSecret } from './buildx-options.js';
import { ociLabels, type DockerBuildPlan } from './dockerfile-args.js';
import type { SourceDate } from './source-date.js';
import type { BaseImageUse, BuildResult, UnresolvedBaseUse } from './types.js';
import { digestOf, tagOf } from '../registry/reference.js';

export interface DockerfileModeRequest {
  inputs: Inputs;
  dockerfile: string;
  tags: string[];
  github: GitHubContext;
  builder: BuilderFacts;
  cachePlan: { cacheFrom: string[]; cacheTo: string[] };
  tempDir: string;
  now: Date;
  /** The creation time images get (the commit's): see source-date.ts. */
  sourceDate?: SourceDate;
}

export function dockerBuildPlan(req: DockerfileModeRequest, runtimeBase?: BaseImageUse, secrets: readonly BuildSecret[] = []): DockerBuildPlan {
  const { inputs } = req;
  return {
    context: inputs.context,
    dockerfile: req.dockerfile,
    tags: req.tags,
    push: inputs.push,
    load: inputs.load,
    platforms: inputs.platforms,
    target: inputs.target,
    buildArgs: inputs.buildArgs,
    labels: ociLabels(
      {
        serverUrl: req.github.serverUrl,
        repository: req.github.repository,
        revision: req.github.sha,
        created: req.sourceDate?.date ?? req.now,
        base: runtimeBase ? { name: runtimeBase.reference, digest: runtimeBase.digest } : undefined,
        repositoryInfo: req.github.repositoryInfo,
        version: tagOf(req.tags[0]),
      },
      inputs.labels,
    ),
    cacheFrom: req.cachePlan.cacheFrom,
    cacheTo: req.cachePlan.cacheTo,
    noCache: inputs.noCache,
    builder: inputs.buildxBuilder,
    metadataFile: join(req.tempDir, 'build-metadata.json'),
    iidFile: join(req.tempDir, 'iidfile'),
    // Also as manifest annotations, where crane rebase and other OCI tools read and update it.
    // Pushed images only: an image loaded into the engine keeps no manifest annotations.
    options: buildxOptionsOf(
      inputs,
      secrets,
      inputs.push && runtimeBase ? baseAnnotations({ name: runtimeBase.reference, digest: runtimeBase.digest }) : [],
    ),
  };
}

/** Cache args for the plan, from the BuildKit cache decision (local dirs are filled in by the caller). */
export function cacheArgsOf(plan: BuildkitCachePlan): { cacheFrom: string[]; cacheTo: string[] } {
  switch (plan.kind) {
    case 'user':
    case 'gha':
      return { cacheFrom: plan.cacheFrom, cacheTo: plan.cacheTo };
    case 'local':
    case 'none':
      return { cacheFrom: [], cacheTo: [] };
  }
}

/** The digest a base reference resolves to now, via `docker buildx imagetools` (docker's credentials), else the engine's. */
/**
 * The run's registry asked for a tag's digest now (a HEAD through Strata's own client, with the
 * run's credentials), or undefined when it cannot say. Passed in: the registry is a later stage.
 */
export type RegistryDigest = (reference: string) => Promise<string | undefined>;

export async function resolveDigest(deps: { exec: Exec; engine: DockerEngine; registryDigest?: RegistryDigest | undefined }, reference: string): Promise<string | undefined> {
  const pinned = digestOf(reference);
  if (pinned) return pinned;
  if (deps.registryDigest) {
    // One HEAD (~5 ms) where `docker buildx imagetools inspect` costs a process (~0.2 s) on the
    // build's critical path. A registry that cannot say would not answer imagetools either.
    const digest = await deps.registryDigest(reference).catch(() => undefined);
    if (digest) return digest;
    return engineDigest(deps.engine, reference);
  }
  const remote = await deps.exec.run('docker', ['buildx', 'imagetools', 'inspect', reference, '--format', '{{json .Manifest}}']);
  if (remote.exitCode === 0) {
    try {
      return (JSON.parse(remote.stdout) as { digest?: string }).digest;
    } catch {
      // fall through to the engine
    }
  }
  return engineDigest(deps.engine, reference);
}

/**
 * An image only the local engine has (built or loaded earlier in the job). An engine that cannot
 * say leaves the digest unknown, as a registry that cannot does.
 */
async function engineDigest(engine: DockerEngine, reference: string): Promise<string | undefined> {
  const local = await engine.image(reference).catch(() => undefined);
  return digestOf(local?.RepoDigests?.[0]);
}

/**
 * The Dockerfile's base images with the digests their tags resolve to now. Asked just before the
 * build, which pulls the same tags: the digests agree unless a tag moves in between. The runtime
 * base's digest goes into the image's base.digest label.
 */
export async function resolveBaseImages(
  deps: { exec: Exec; engine: DockerEngine; files: ContextFiles; logger: Logger; registryDigest?: RegistryDigest | undefined },
  req: Pick<DockerfileModeRequest, 'dockerfile' | 'inputs'>,
): Promise<{ bases: BaseImageUse[]; unresolved: UnresolvedBaseUse[] }> {
  const content = await deps.files.read(req.dockerfile);
  const resolution = content
    ? resolveDockerfileBases(content, { buildArgs: req.inputs.buildArgs, target: req.inputs.target, platforms: req.inputs.platforms, buildPlatform: hostPlatform() })
    : undefined;
  // Said once here, and left out of labels, freshness and rebase: Strata does not guess a base.
  for (const u of resolution ? unresolvedOf(resolution) : []) {
    deps.logger.warning(`Base image of stage ${u.stage}${u.runtime ? ' (runtime)' : ''} is unresolved: ${u.reason}. It is left out of the base labels, freshness checks and rebase.`, {
      file: req.dockerfile,
      startLine: u.line,
    });
  }
  const bases = resolution ? usesOf(resolution, req.dockerfile) : [];
  await Promise.all(
    bases.map(async (b) => {
      b.digest = await resolveDigest(deps, b.reference);
    }),
  );
  const unresolved = (resolution ? unresolvedOf(resolution) : []).map((u) => ({ stage: u.stage, line: u.line, reason: u.reason, runtime: u.runtime, file: req.dockerfile }));
  return { bases, unresolved };
}

export async function buildWithDockerfile(
  deps: { exec: Exec; logger: Logger; onBuildStarted?: () => void },
  req: DockerfileModeRequest,
  bases: BaseImageUse[],
): Promise<BuildResult> {
  const secrets = secretsForBuild(req.inputs.secrets);
  const plan = dockerBuildPlan(req, labelledBase(bases), secrets.secrets);
  // The clock's time makes nothing reproducible: BuildKit then keeps its own timestamps.
  const reproducible = req.sourceDate && req.sourceDate.from !== 'clock' ? req.sourceDate : undefined;
  const env = { ...secrets.env, ...(reproducible ? { SOURCE_DATE_EPOCH: String(reproducible.epoch) } : {}) };
  // A gha cache that failed shows only in BuildKit's progress output (the build goes on): keep the
  // streamed output of the build to read it afterwards.
  let progress = '';
  const exec: Exec = {
    async run(command, args, options) {
      const result = await deps.exec.run(command, args, options);
      if (options?.stream) progress += result.stderr + result.stdout;
      return result;
    },
  };
  const outcome = await runDockerBuild(exec, deps.logger, plan, env, { onBuildStarted: deps.onBuildStarted });
  const cacheWarning = ghaCacheWarning(ghaCacheFailures(progress));
  if (cacheWarning) deps.logger.warning(cacheWarning);
  return {
    mode: 'dockerfile',
    tags: req.tags,
    digest: outcome.digest,
    imageId: outcome.imageId,
    pushed: req.inputs.push,
    metadata: outcome.metadata,
    baseImages: bases,
  };
}

/** `call: check`: BuildKit's build checks instead of a build; findings become annotations. */
export async function checkWithDockerfile(deps: { exec: Exec; logger: Logger }, req: DockerfileModeRequest): Promise<CheckVerdict> {
  const secrets = secretsForBuild(req.inputs.secrets);
  const plan = dockerBuildPlan(req, undefined, secrets.secrets);
  return runBuildCheck(deps, plan, req.builder, req.inputs.checkFailsOn, secrets.env);
}
