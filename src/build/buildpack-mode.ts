// Buildpack mode: the context's files -> builder choice -> pack (from PATH or the tool cache) ->
// `pack build` with the bind cache -> BuildResult.
import { join } from 'node:path';
import type { ContextFiles, DockerEngine, Exec, Logger } from '../adapters.js';
import { chooseBuilder, type BuilderChoice } from '../detect/builder.js';
import { mergeBuildEnv, parseProjectDescriptor, type ProjectDescriptor } from '../detect/project-toml.js';
import type { Inputs } from '../inputs.js';
import type { GitHubContext } from '../context.js';
import { isLoopbackRegistry, parseReference } from '../registry/reference.js';
import type { PackBuildPlan } from './pack-args.js';
import { baseBranchTag, sanitizeTag } from './tags.js';
import { runPackBuild } from './pack.js';
import { bindingFiles, secretContents, writeBindings } from './service-bindings.js';
import type { SourceDate } from './source-date.js';
import { ensurePack, type ToolCache } from './pack-install.js';
import type { BuildResult } from './types.js';

export interface BuildpackDeps {
  exec: Exec;
  /** Called once the build process (pack) has started. */
  onBuildStarted?: () => void;
  engine: DockerEngine;
  logger: Logger;
  files: ContextFiles;
  /** core.addPath in Actions; PATH of this process for the CLI. */
  addPath: (dir: string) => void;
  toolCache: () => Promise<ToolCache>;
  /** The step's environment (secret-envs are read from it). */
  env?: Record<string, string | undefined>;
  /**
   * Whether the registry has `reference` (a manifest HEAD): false when it says it has not, a
   * rejection when it cannot say. Absent: no previous image is looked for, and pack falls back
   * to the image being built.
   */
  imageExists?: (reference: string) => Promise<boolean>;
}

export interface BuildpackPlanning {
  choice: BuilderChoice;
  descriptor?: ProjectDescriptor;
  /** The descriptor file pack should read, when there is one. */
  descriptorPath?: string;
  env: string[];
}

/** Builder, env and descriptor from the inputs and project.toml (inputs win). */
export async function planBuildpack(files: ContextFiles, inputs: Inputs, contextFiles: string[]): Promise<BuildpackPlanning> {
  const descriptorPath = inputs.descriptor ?? (contextFiles.includes('project.toml') ? join(inputs.context, 'project.toml') : undefined);
  let descriptor: ProjectDescriptor | undefined;
  if (descriptorPath) {
    const text = await files.read(descriptorPath);
    if (text === undefined) {
      throw new Error(`Input "descriptor" names ${JSON.stringify(descriptorPath)}, which cannot be read. Give a path relative to the workspace, or leave it empty to use project.toml in the context.`);
    }
    descriptor = parseProjectDescriptor(text, descriptorPath);
  }
  const choice = chooseBuilder({ files: contextFiles, projectToml: descriptor, input: inputs.buildpackBuilder });
  return { choice, descriptor, descriptorPath, env: mergeBuildEnv(descriptor?.env ?? [], inputs.buildpackEnv) };
}

/**
 * Images whose layers the lifecycle may reuse, best first: the tag being built (a branch tag
 * pushed by the last run), then on a pull request the base branch's tag, then the default
 * branch's. Only tags of the image's own repository: with --publish, pack requires the previous
 * image in the same registry.
 */
export function previousImageCandidates(tags: readonly string[], image: string, github: Pick<GitHubContext, 'pullRequest' | 'defaultBranch'>): string[] {
  const candidates = [tags[0], baseBranchTag(image, github), github.defaultBranch ? `${image}:${sanitizeTag(github.defaultBranch)}` : undefined];
  return [...new Set(candidates.filter((c): c is string => c !== undefined))];
}

/** `--network host` when the lifecycle's container must reach a loopback registry (the image's or the builder's). */
export function lifecycleNetwork(references: ReadonlyArray<string | undefined>): string | undefined {
  const loopback = references.some((ref) => {
    if (!ref) return false;
    try {
      return isLoopbackRegistry(parseReference(ref).registry);
    } catch {
      return false;
    }
  });
  return loopback ? 'host' : undefined;
}

/** The first candidate the registry has; a daemon export needs it in the engine too, so it is pulled. */
export async function findPreviousImage(deps: Pick<BuildpackDeps, 'imageExists' | 'exec' | 'logger'>, candidates: string[], publish: boolean): Promise<string | undefined> {
  if (!deps.imageExists) return undefined;
  for (const candidate of candidates) {
    let exists: boolean;
    try {
      exists = await deps.imageExists(candidate);
    } catch (e) {
      // Said, not warned: a registry that will not answer for a package not pushed yet is common.
      // Without it, a build that reuses nothing would not say why.
      deps.logger.info(`Previous image ${candidate} not checked (${e instanceof Error ? e.message : String(e)}): its launch layers cannot be reused from it.`);
      exists = false;
    }
    if (!exists) continue;
    if (!publish) {
      const pulled = await deps.exec.run('docker', ['pull', '--quiet', candidate]);
      if (pulled.exitCode !== 0) {
        deps.logger.warning(`Could not pull the previous image ${candidate} (${pulled.stderr.trim().split('\n').at(-1)}); launch layers are rebuilt.`);
        return undefined;
      }
    }
    return candidate;
  }
  return undefined;
}

export async function buildWithBuildpacks(
  deps: BuildpackDeps,
  req: {
    inputs: Inputs;
    tags: string[];
    planning: BuildpackPlanning;
    cacheDir?: string;
    tempDir: string;
    created?: SourceDate;
    github: Pick<GitHubContext, 'pullRequest' | 'defaultBranch'>;
  },
): Promise<BuildResult> {
  const { inputs } = req;
  const previousImage = await findPreviousImage(deps, previousImageCandidates(req.tags, inputs.image, req.github), inputs.push);
  deps.logger.info(previousImage ? `Previous image: ${previousImage} (its launch layers can be reused)` : 'Previous image: none found (launch layers are built anew)');
  const pack = await ensurePack(inputs.packVersion, {
    exec: deps.exec,
    toolCache: await deps.toolCache(),
    logger: deps.logger,
    addPath: deps.addPath,
    arch: process.arch,
    os: process.platform,
  });
  deps.logger.info(`pack ${pack.version} (${pack.source === 'path' ? 'from PATH' : pack.source === 'tool-cache' ? 'from the tool cache' : 'downloaded and verified'})`);
  const bindings =
    inputs.secrets.length > 0 ? await writeBindings(req.tempDir, bindingFiles(await secretContents(inputs.secrets, deps.env ?? process.env))) : undefined;
  if (bindings) deps.logger.info(`Secrets: ${inputs.secrets.length} as service bindings under SERVICE_BINDING_ROOT (read-only)`);
  try {
    return await runPackBuild(packPlan(inputs, { ...req, previousImage }, bindings?.root), { exec: deps.exec, engine: deps.engine, logger: deps.logger, onBuildStarted: deps.onBuildStarted });
  } finally {
    await bindings?.remove();
  }
}

/** The `pack build` plan from the inputs and the planning. Pure. */
export function packPlan(
  inputs: Inputs,
  req: { tags: string[]; planning: BuildpackPlanning; cacheDir?: string; tempDir: string; created?: SourceDate; previousImage?: string },
  bindingsDir?: string,
): PackBuildPlan {
  const { planning } = req;
  return {
      image: req.tags[0]!,
      extraTags: req.tags.slice(1),
      builder: planning.choice.builder,
      path: inputs.context,
      cacheDir: req.cacheDir,
      pullPolicy: inputs.pull ? 'always' : 'if-not-present',
      publish: inputs.push,
      env: planning.env,
      runImage: inputs.runImage,
      reportDir: join(req.tempDir, 'pack-report'),
      descriptor: planning.descriptorPath,
      ...(inputs.buildpacks.length > 0 ? { buildpacks: inputs.buildpacks } : {}),
      ...(inputs.buildpackEnvFile !== undefined ? { envFile: inputs.buildpackEnvFile } : {}),
      ...((inputs.network ?? lifecycleNetwork([req.tags[0], planning.choice.builder, inputs.runImage])) !== undefined
        ? { network: inputs.network ?? lifecycleNetwork([req.tags[0], planning.choice.builder, inputs.runImage]) }
        : {}),
      ...(req.previousImage !== undefined ? { previousImage: req.previousImage } : {}),
      ...(inputs.volumes.length > 0 ? { volumes: inputs.volumes } : {}),
      ...(inputs.defaultProcess !== undefined ? { defaultProcess: inputs.defaultProcess } : {}),
      // The commit's time unless the user chose one. Without a commit time pack's own default
      // stays: a fixed 1980 date, reproducible where the clock is not.
      ...(inputs.creationTime !== undefined
        ? { creationTime: inputs.creationTime }
        : req.created && req.created.from !== 'clock'
          ? { creationTime: String(req.created.epoch) }
          : {}),
      ...(inputs.sbomOutputDir !== undefined ? { sbomOutputDir: inputs.sbomOutputDir } : {}),
      ...(inputs.cacheImage !== undefined ? { cacheImage: inputs.cacheImage } : {}),
      ...(bindingsDir !== undefined ? { bindingsDir } : {}),
  };
}
