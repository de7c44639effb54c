// Dockerfile mode: inputs -> plan -> BuildKit -> BuildResult (with the base images it used).
import { join } from 'node:path';
import type { ContextFiles, Exec, Logger } from '../adapters.js';
import type { GitHubContext } from '../github/context.js';
import type { Inputs } from '../inputs.js';
import { labelledBase, resolveDockerfileBases, unresolvedOf, usesOf } from './base-images.js';
import { hostPlatform } from './platforms.js';
import type { BuilderFacts, BuildkitCachePlan } from './buildkit-cache.js';
import { runDockerBuild } from './buildx.js';
import { ociLabels, type DockerBuildPlan } from './dockerfile-args.js';
import type { BaseImageUse, BuildResult } from './types.js';

export interface DockerfileModeRequest {
  inputs: Inputs;
  dockerfile: string;
  tags: string[];
  github: GitHubContext;
  builder: BuilderFacts;
  cachePlan: { cacheFrom: string[]; cacheTo: string[] };
  tempDir: string;
  now: Date;
}

export function dockerBuildPlan(req: DockerfileModeRequest, runtimeBase?: BaseImageUse): DockerBuildPlan {
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
        created: req.now,
        base: runtimeBase ? { name: runtimeBase.reference, digest: runtimeBase.digest } : undefined,
      },
      inputs.labels,
    ),
    cacheFrom: req.cachePlan.cacheFrom,
    cacheTo: req.cachePlan.cacheTo,
    noCache: inputs.noCache,
    builder: inputs.buildxBuilder,
    metadataFile: join(req.tempDir, 'build-metadata.json'),
    iidFile: join(req.tempDir, 'iidfile'),
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

/** The digest a base reference resolves to now, via `docker buildx imagetools` (docker's credentials). */
export async function resolveDigest(exec: Exec, reference: string): Promise<string | undefined> {
  const pinned = /@(sha256:[0-9a-f]{64})$/.exec(reference)?.[1];
  if (pinned) return pinned;
  const remote = await exec.run('docker', ['buildx', 'imagetools', 'inspect', reference, '--format', '{{json .Manifest}}']);
  if (remote.exitCode === 0) {
    try {
      return (JSON.parse(remote.stdout) as { digest?: string }).digest;
    } catch {
      // fall through to the engine
    }
  }
  // An image only the local engine has (built or loaded earlier in the job).
  const local = await exec.run('docker', ['image', 'inspect', reference, '--format', '{{json .RepoDigests}}']);
  if (local.exitCode === 0) {
    try {
      const digests = JSON.parse(local.stdout) as string[] | null;
      return digests?.[0]?.split('@')[1];
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The Dockerfile's base images with the digests their tags resolve to now. Asked just before the
 * build, which pulls the same tags: the digests agree unless a tag moves in between. The runtime
 * base's digest goes into the image's base.digest label.
 */
export async function resolveBaseImages(
  deps: { exec: Exec; files: ContextFiles; logger: Logger },
  req: Pick<DockerfileModeRequest, 'dockerfile' | 'inputs'>,
): Promise<BaseImageUse[]> {
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
      b.digest = await resolveDigest(deps.exec, b.reference);
    }),
  );
  return bases;
}

export async function buildWithDockerfile(
  deps: { exec: Exec; logger: Logger },
  req: DockerfileModeRequest,
  bases: BaseImageUse[],
): Promise<BuildResult> {
  const plan = dockerBuildPlan(req, labelledBase(bases));
  const outcome = await runDockerBuild(deps.exec, deps.logger, plan, req.builder);
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
