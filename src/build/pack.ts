// Adapter: runs `pack build` and turns what it leaves behind (report.toml, the image's
// io.buildpacks.lifecycle.metadata label) into a BuildResult.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { DockerEngine, Exec, Logger } from '../adapters.js';
import type { BaseImageUse, BuildResult } from './types.js';
import { packBuildArgs, type PackBuildPlan } from './pack-args.js';
import { parseLifecycleLog } from './lifecycle-log.js';
import { LIFECYCLE_METADATA_LABEL, runImageFromLabel } from '../image/labels.js';
import { digestOf, repositoryOf } from '../registry/reference.js';

export class PackBuildError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'PackBuildError';
  }
}

// Progress noise that says nothing about why a build failed.
const NOISE = [/^\s*$/, /^={3}> [A-Z]+$/, /^\s*#\d+ /, /^Pulling image /, /^Warning: /i];
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/**
 * The lines worth putting in an error: pack's output without colour codes and progress lines,
 * last `max` of them, always including pack's own `ERROR:` lines (its verdict).
 */
export function packFailureSummary(output: string, max = 8): string {
  const lines = output.replace(ANSI, '').split(/\r?\n/).map((l) => l.trimEnd()).filter((l) => !NOISE.some((re) => re.test(l)));
  const tail = lines.slice(-max);
  const errors = lines.filter((l) => /^ERROR:/.test(l) && !tail.includes(l));
  return [...errors, ...tail].join('\n');
}

export interface PackReport {
  tags: string[];
  digest?: string;
  imageId?: string;
  raw: Record<string, unknown>;
}

/** report.toml as written by the lifecycle's exporter: `[image] tags, digest, image-id, manifest-size`. */
export function parsePackReport(text: string): PackReport {
  const raw = parseToml(text) as Record<string, unknown>;
  const image = (raw['image'] ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    tags: Array.isArray(image['tags']) ? image['tags'].filter((t): t is string => typeof t === 'string') : [],
    digest: str(image['digest']),
    imageId: str(image['image-id']),
    raw,
  };
}

export interface PackBuildDeps {
  exec: Exec;
  /** Reads the image pack exported to the engine (labels, the run image's digest). */
  engine: DockerEngine;
  logger: Logger;
  /** Env for the pack process (e.g. PATH with a specific pack first, DOCKER_CONFIG). */
  env?: Record<string, string | undefined>;
  /** Called once the pack process has started. */
  onBuildStarted?: () => void;
}

async function imageLabels(deps: PackBuildDeps, ref: string, published: boolean): Promise<Record<string, string> | undefined> {
  // A published image is not in the engine (the exporter wrote straight to the registry).
  if (!published) {
    const image = await deps.engine.image(ref).catch(() => undefined);
    return image ? { ...(image.Config?.Labels ?? {}) } : undefined;
  }
  const r = await deps.exec.run('docker', ['buildx', 'imagetools', 'inspect', ref, '--format', '{{json .Image.Config.Labels}}']);
  if (r.exitCode !== 0) return undefined;
  try {
    return (JSON.parse(r.stdout) ?? {}) as Record<string, string>;
  } catch {
    return undefined;
  }
}

/** The engine's digest for `ref` (from RepoDigests of the same repository), if it has one. */
async function repoDigest(engine: DockerEngine, ref: string): Promise<string | undefined> {
  const digests = (await engine.image(ref).catch(() => undefined))?.RepoDigests ?? [];
  const repo = repositoryOf(ref);
  return digestOf(digests.find((d) => d.startsWith(`${repo}@`)) ?? digests[0]);
}

export async function runPackBuild(plan: PackBuildPlan, deps: PackBuildDeps): Promise<BuildResult> {
  const { exec, logger } = deps;
  const argv = packBuildArgs(plan);
  // pack copies report.toml INTO an existing directory; a missing one becomes a file of that name.
  await mkdir(plan.reportDir, { recursive: true });
  logger.info(`pack ${argv.map((a) => (/[\s;"']/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  const r = await exec.run('pack', argv, { stream: true, env: deps.env, onSpawn: deps.onBuildStarted });
  if (r.exitCode !== 0) {
    const summary = packFailureSummary(`${r.stdout}\n${r.stderr}`);
    throw new PackBuildError(`pack build failed (exit ${r.exitCode}):\n${summary || '(pack printed nothing)'}`, r.exitCode);
  }

  const reportPath = join(plan.reportDir, 'report.toml');
  let report: PackReport;
  try {
    report = parsePackReport(await readFile(reportPath, 'utf8'));
  } catch (err) {
    throw new PackBuildError(`pack build succeeded but its report ${reportPath} could not be read: ${(err as Error).message}`, 0);
  }
  const tags = report.tags.length > 0 ? report.tags : [plan.image, ...plan.extraTags];
  const labelRef = plan.publish && report.digest ? `${plan.image.replace(/:[^/:]*$/, '')}@${report.digest}` : plan.image;
  const labels = await imageLabels(deps, labelRef, plan.publish);
  if (labels === undefined) logger.warning(`Could not read the labels of ${labelRef}; the run image digest is unknown.`);
  const run = runImageFromLabel(labels?.[LIFECYCLE_METADATA_LABEL]);

  const baseImages: BaseImageUse[] = [];
  const runRef = plan.runImage ?? run.image;
  if (runRef !== undefined) {
    // A daemon export records the run image's local id, not a digest; the engine knows the digest
    // it was pulled by.
    const digest = digestOf(run.reference) ?? (plan.publish ? undefined : await repoDigest(deps.engine, runRef));
    baseImages.push({ reference: runRef, stage: 'run-image', runtime: true, digest });
  }
  return {
    mode: 'buildpack',
    tags,
    digest: report.digest,
    imageId: report.imageId,
    pushed: plan.publish,
    // report.toml as JSON, plus the label's runImage (topLayer is what a rebase keys on).
    metadata: { ...report.raw, ...(run.image || run.reference || run.topLayer ? { runImage: run } : {}) },
    baseImages,
    builder: plan.builder,
    layerReuse: { ...parseLifecycleLog(r.stdout), ...(plan.previousImage ? { previousImage: plan.previousImage } : {}) },
  };
}
