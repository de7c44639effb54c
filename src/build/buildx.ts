// Adapter: runs BuildKit through the docker CLI and reads back what it built.
import { readFile } from 'node:fs/promises';
import type { Exec, Logger } from '../adapters.js';
import type { BuilderFacts } from './buildkit-cache.js';
import { buildxArgs, classicBuildArgs, unsupportedByClassicBuild, type DockerBuildPlan } from './dockerfile-args.js';

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

export async function builderFacts(exec: Exec, builder?: string): Promise<BuilderFacts> {
  // Three independent probes of ~100 ms each: asked at once, they cost one.
  const [version, inspect, info] = await Promise.all([
    exec.run('docker', ['buildx', 'version']),
    exec.run('docker', ['buildx', 'inspect', ...(builder ? [builder] : [])]),
    exec.run('docker', ['info', '--format', '{{json .DriverStatus}}']),
  ]);
  if (info.exitCode === 127) {
    throw new BuildError('The docker CLI is not on PATH: Strata builds with Docker (and its buildx plugin). Install Docker on the runner, or use a GitHub-hosted Ubuntu runner.');
  }
  if (info.exitCode !== 0) {
    throw new BuildError(`Cannot reach the Docker engine: ${info.stderr.trim() || info.stdout.trim()}. Start Docker (or set DOCKER_HOST) before Strata runs.`);
  }
  const buildxVersion = version.exitCode === 0 ? parseBuildxVersion(version.stdout) : undefined;
  if (buildxVersion && inspect.exitCode !== 0) {
    throw new BuildError(
      `Input "buildx-builder" names ${JSON.stringify(builder ?? '')}, which buildx cannot use: ${inspect.stderr.trim()}. List builders with "docker buildx ls".`,
    );
  }
  return {
    driver: buildxVersion ? parseBuilderDriver(inspect.stdout) : 'docker',
    buildxVersion,
    containerdStore: info.stdout.includes('io.containerd.snapshotter'),
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

/**
 * Runs the build; throws BuildError with the failing lines. `env` reaches only the docker process:
 * it carries secret values (see secretsForBuild) and SOURCE_DATE_EPOCH.
 */
export async function runDockerBuild(
  exec: Exec,
  logger: Logger,
  plan: DockerBuildPlan,
  facts: BuilderFacts,
  env: Record<string, string> = {},
): Promise<DockerBuildOutcome> {
  if (facts.buildxVersion) {
    const args = buildxArgs(plan);
    logger.info(`docker ${args.join(' ')}`);
    const result = await exec.run('docker', args, { stream: true, env: { ...env, BUILDX_METADATA_WARNINGS: 'true' } });
    if (result.exitCode !== 0) throw new BuildError(`docker buildx build failed:\n${buildErrorSummary(result.stderr || result.stdout)}`);
    const metadata = JSON.parse((await readOptional(plan.metadataFile)) || '{}') as Record<string, unknown>;
    const imageId = await readOptional(plan.iidFile);
    const digest = plan.push ? (metadata['containerimage.digest'] as string | undefined) : undefined;
    return { imageId, digest, metadata };
  }

  const unsupported = unsupportedByClassicBuild(plan);
  if (unsupported.length > 0) {
    throw new BuildError(`buildx is not installed, and "docker build" cannot do what these inputs ask: ${unsupported.join(', ')}. Install buildx (docker/setup-buildx-action).`);
  }
  logger.info('buildx is not installed: falling back to "docker build" with BuildKit (DOCKER_BUILDKIT=1).');
  const args = classicBuildArgs(plan);
  logger.info(`docker ${args.join(' ')}`);
  const result = await exec.run('docker', args, { stream: true, env: { ...env, DOCKER_BUILDKIT: '1' } });
  if (result.exitCode !== 0) throw new BuildError(`docker build failed:\n${buildErrorSummary(result.stderr || result.stdout)}`);
  const imageId = await readOptional(plan.iidFile);
  let digest: string | undefined;
  if (plan.push) {
    for (const tag of plan.tags) {
      const pushed = await exec.run('docker', ['push', tag], { stream: true });
      if (pushed.exitCode !== 0) throw new BuildError(`docker push ${tag} failed:\n${buildErrorSummary(pushed.stderr || pushed.stdout)}`);
      digest ??= /digest: (sha256:[0-9a-f]{64})/.exec(pushed.stdout)?.[1];
    }
  }
  return { imageId, digest, metadata: { 'containerimage.digest': digest, 'image.name': plan.tags.join(',') } };
}
