// Buildpack mode: the context's files -> builder choice -> pack (from PATH or the tool cache) ->
// `pack build` with the bind cache -> BuildResult.
import { join } from 'node:path';
import type { ContextFiles, Exec, Logger } from '../adapters.js';
import { chooseBuilder, type BuilderChoice } from '../detect/builder.js';
import { mergeBuildEnv, parseProjectDescriptor, type ProjectDescriptor } from '../detect/project-toml.js';
import type { Inputs } from '../inputs.js';
import type { PackBuildPlan } from './pack-args.js';
import { runPackBuild } from './pack.js';
import { bindingFiles, secretContents, writeBindings } from './service-bindings.js';
import type { SourceDate } from './source-date.js';
import { ensurePack, type ToolCache } from './pack-install.js';
import type { BuildResult } from './types.js';

export interface BuildpackDeps {
  exec: Exec;
  logger: Logger;
  files: ContextFiles;
  /** core.addPath in Actions; PATH of this process for the CLI. */
  addPath: (dir: string) => void;
  toolCache: () => Promise<ToolCache>;
  /** The step's environment (secret-envs are read from it). */
  env?: Record<string, string | undefined>;
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

export async function buildWithBuildpacks(
  deps: BuildpackDeps,
  req: { inputs: Inputs; tags: string[]; planning: BuildpackPlanning; cacheDir?: string; tempDir: string; created?: SourceDate },
): Promise<BuildResult> {
  const { inputs, planning } = req;
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
    return await runPackBuild(packPlan(inputs, req, bindings?.root), { exec: deps.exec, logger: deps.logger });
  } finally {
    await bindings?.remove();
  }
}

/** The `pack build` plan from the inputs and the planning. Pure. */
export function packPlan(
  inputs: Inputs,
  req: { tags: string[]; planning: BuildpackPlanning; cacheDir?: string; tempDir: string; created?: SourceDate },
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
      ...(inputs.network !== undefined ? { network: inputs.network } : {}),
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
