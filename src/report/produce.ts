// The report stage of the pipeline: read the built image and its baseline, compare, assess the
// base images, render, and publish (outputs, job summary, annotations, the sticky PR comment).
// Nothing here fails the build unless the user asked for it (fail-on-size-increase).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Exec, Logger, Outputs } from '../adapters.js';
import { baseBranchTag } from '../build/tags.js';
import type { BaseImageUse, BuildResult } from '../build/types.js';
import type { CacheStore } from '../cache/store.js';
import { baseLayersFrom } from '../compare/attribution.js';
import { compareImages, type BasesByPlatform } from '../compare/diff.js';
import { annotationsFor, assessBases, unresolvedFreshness, type BaseImageFacts } from '../compare/freshness.js';
import { gatherBaseFacts } from '../compare/gather.js';
import { commentKey, markerFor, markOutdated, upsertComment, withMarker } from '../github/comment.js';
import type { GitHubContext } from '../context.js';
import type { GitHubClient } from '../github/octokit.js';
import { readEngineImageSummary } from '../image/engine.js';
import { samePlatform } from '../image/platforms.js';
import { readImageSummary } from '../image/remote.js';
import type { ImageSummary } from '../image/types.js';
import type { Inputs } from '../inputs.js';
import type { RegistryClient } from '../registry/client.js';
import { repositoryOf } from '../registry/reference.js';
import { baseImageRegistry } from '../registry/base-image-registry.js';
import { loadSnapshot, pickComparable, saveSnapshot, snapshotLocation, type ChosenBaseline } from './baseline.js';
import { renderMarkdown } from './markdown.js';
import { buildReport, type Report } from './report.js';
import { describeLayerReuse } from '../build/lifecycle-log.js';

export interface ReportDeps {
  exec: Exec;
  logger: Logger;
  outputs: Outputs;
  github: GitHubContext;
  cacheStore: CacheStore;
  /** The registry client for this run's credentials (inputs, docker config). */
  registry: (inputs: Inputs) => Promise<RegistryClient>;
  octokit: (token: string) => Promise<GitHubClient>;
  summary: (markdown: string) => Promise<void>;
  /** Where report files go (RUNNER_TEMP in Actions). */
  reportDir: string;
  home: string;
  now: () => Date;
}

export class SizeIncreaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SizeIncreaseError';
  }
}

async function readCurrent(deps: ReportDeps, client: RegistryClient, result: BuildResult): Promise<ImageSummary[]> {
  const reference = result.tags[0]!;
  // The registry's view when pushed, and the engine's when the image is there too: a baseline of
  // that kind may be all there is.
  const [registry, engine] = await Promise.allSettled([
    result.pushed && result.digest ? readImageSummary(client, `${repositoryOf(reference)}@${result.digest}`, reference) : Promise.resolve(undefined),
    readEngineImageSummary(deps.exec, reference),
  ]);
  if (registry.status === 'rejected') throw registry.reason;
  const out = [registry.value, engine.status === 'fulfilled' ? engine.value : undefined].filter((s): s is ImageSummary => s !== undefined);
  if (out.length === 0) throw (engine as PromiseRejectedResult).reason;
  return out;
}

/**
 * The base image layers of `image` per platform, from the runtime base in `uses` (read from its
 * registry and matched layer by layer); just the reference (`'*'`) when the image is not a
 * registry image or the base cannot be read; undefined when no use is the runtime base.
 */
export async function basesFor(client: RegistryClient, image: ImageSummary, uses: readonly BaseImageUse[], logger: Logger): Promise<BasesByPlatform | undefined> {
  const runtime = uses.find((u) => u.runtime);
  if (!runtime || image.source !== 'registry') return runtime ? { '*': { reference: runtime.reference } } : undefined;
  try {
    const base = await readImageSummary(client, runtime.digest ? `${repositoryOf(runtime.reference)}@${runtime.digest}` : runtime.reference, runtime.reference);
    const byPlatform: BasesByPlatform = { '*': { reference: runtime.reference } };
    for (const p of image.platforms) {
      const match = base.platforms.find((b) => samePlatform(b.platform, p.platform)) ?? (base.platforms.length === 1 ? base.platforms[0] : undefined);
      if (match) byPlatform[p.platform] = baseLayersFrom(runtime, p, match);
    }
    return byPlatform;
  } catch (e) {
    logger.debug(`Base image ${runtime.reference} not read for attribution: ${(e as Error).message}`);
    return { '*': { reference: runtime.reference } };
  }
}

async function chooseBaseline(
  deps: ReportDeps,
  client: RegistryClient,
  inputs: Inputs,
  current: ImageSummary,
  snapshot: () => Promise<{ summaries: ImageSummary[]; bases?: BasesByPlatform } | undefined>,
): Promise<ChosenBaseline> {
  const tried: string[] = [];
  const fromRegistry = async (reference: string, origin: 'compare-to' | 'base-branch'): Promise<ChosenBaseline | undefined> => {
    try {
      return { summary: await readImageSummary(client, reference), origin };
    } catch (e) {
      tried.push(`${reference}: ${(e as Error).message}`);
      return undefined;
    }
  };
  const branchTag = baseBranchTag(inputs.image, deps.github);
  if (!inputs.compareTo && !branchTag) return { reason: 'not a pull request, and no compare-to image' };
  let chosen: ChosenBaseline | undefined;
  if (inputs.compareTo) chosen = await fromRegistry(inputs.compareTo, 'compare-to');
  if (!chosen && !inputs.compareTo && branchTag) chosen = await fromRegistry(branchTag, 'base-branch');
  // Sizes of another kind can't be compared; a snapshot may hold the same kind.
  if (!chosen || chosen.summary!.sizeKind !== current.sizeKind) {
    const snap = await snapshot();
    const summary = snap ? pickComparable(current, snap.summaries) : undefined;
    if (summary && (!chosen || summary.sizeKind === current.sizeKind)) {
      chosen = { summary, bases: snap!.bases, origin: 'default-branch-snapshot' };
    } else if (!snap) {
      tried.push('no default-branch snapshot in the Actions cache');
    }
  }
  return chosen ?? { reason: `no baseline image found (${tried.join('; ')})` };
}

/** Runs the report stage; returns the report, or undefined when it could not be made (a warning). */
export async function produceReport(deps: ReportDeps, inputs: Inputs, result: BuildResult): Promise<Report | undefined> {
  const { logger } = deps;
  const now = deps.now();
  let report: Report;
  let currentForSnapshot: ImageSummary[];
  let currentBases: BasesByPlatform | undefined;
  try {
    const client = await deps.registry(inputs);
    const candidates = await readCurrent(deps, client, result);
    currentForSnapshot = candidates;
    const current = candidates[0]!;
    const location = snapshotLocation(inputs.image, inputs.platforms, deps.home, deps.github.sha);
    let baseline: ChosenBaseline;
    let facts: BaseImageFacts[];
    [currentBases, baseline, facts] = await Promise.all([
      basesFor(client, current, result.baseImages, logger),
      chooseBaseline(deps, client, inputs, current, async () => loadSnapshot(deps.cacheStore, location, logger)),
      gatherBaseFacts(baseImageRegistry(client), result.baseImages, { platform: inputs.platforms[0] }),
    ]);
    const baselineCurrent = baseline.summary ? (pickComparable(baseline.summary, candidates) ?? current) : current;
    // A base Strata could not resolve is reported as unresolved, never checked under a guessed name.
    const freshness = [...assessBases(facts, { now, maxBaseAge: inputs.maxBaseAge }), ...(result.unresolvedBases ?? []).map(unresolvedFreshness)];
    const comparison = compareImages({
      current: baselineCurrent,
      baseline: baseline.summary,
      currentBases: baselineCurrent === current ? currentBases : undefined,
      baselineBases: baseline.bases ?? currentBases,
      noBaselineReason: baseline.reason,
    });
    report = buildReport({
      comparison,
      freshness,
      baselineOrigin: baseline.origin,
      failOnSizeIncrease: inputs.failOnSizeIncrease,
      maxBaseAge: inputs.maxBaseAge,
      now,
    });
    if (result.layerReuse) report.layerReuse = describeLayerReuse(result.layerReuse, result.layerReuse.previousImage);
    for (const a of annotationsFor(freshness)) logger.warning(a.message, a.properties);
    if (isDefaultBranchPush(deps.github)) {
      await saveSnapshot(deps.cacheStore, location, { format: 'strata-baseline-v1', summaries: currentForSnapshot, bases: currentBases, sha: deps.github.sha }, logger);
    }
  } catch (e) {
    logger.warning(`Image report not produced (the build is unaffected): ${(e as Error).message}`);
    await markReportOutdated(deps, inputs, 'this run could not produce an image report');
    return undefined;
  }

  await publish(deps, inputs, report);
  if (report.sizeCheck?.status === 'failed') throw new SizeIncreaseError(report.sizeCheck.message);
  return report;
}

function isDefaultBranchPush(github: GitHubContext): boolean {
  return github.eventName === 'push' && !!github.defaultBranch && github.ref === `refs/heads/${github.defaultBranch}`;
}

function markerOf(inputs: Inputs, github: GitHubContext): string {
  const variant = [inputs.platforms.join(','), inputs.commentKey].filter(Boolean).join('|') || undefined;
  return markerFor(commentKey({ image: inputs.image, job: github.job, variant }));
}

interface CommentTarget {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
}

/** Where the sticky comment goes; undefined (and `why`, for the one log line) when nowhere. */
async function commentTarget(deps: Pick<ReportDeps, 'github' | 'octokit'>, inputs: Inputs): Promise<CommentTarget | { why: string; level: 'info' | 'warning' }> {
  const { github } = deps;
  const pr = github.pullRequest;
  const wanted = inputs.comment === 'always' || (inputs.comment === 'auto' && pr !== undefined);
  if (!wanted) return { why: '', level: 'info' };
  if (!pr) return { why: 'comment is "always", but this run is not for a pull request: the report is in the job summary.', level: 'info' };
  if (pr.fork) {
    return { why: `Pull request #${pr.number} comes from a fork, whose token cannot comment`, level: 'warning' };
  }
  if (!inputs.githubToken) return { why: 'No github-token: the PR comment was not written; the report is in the job summary.', level: 'warning' };
  const [owner, repo] = github.repository.split('/');
  return { octokit: await deps.octokit(inputs.githubToken), owner: owner!, repo: repo!, issueNumber: pr.number, marker: markerOf(inputs, github) };
}

/**
 * This run has no report (the build or the report failed): our previous comment, left alone, would
 * read as the report for this commit. Say it is outdated, linking the run. Best effort, quiet.
 */
export async function markReportOutdated(deps: Pick<ReportDeps, 'github' | 'octokit' | 'logger'>, inputs: Inputs, why: string): Promise<void> {
  const { github, logger } = deps;
  try {
    const target = await commentTarget(deps, inputs);
    if (!('octokit' in target)) return;
    const sha = (github.pullRequest?.headSha ?? github.sha).slice(0, 7);
    const run = github.runId ? ` ([run ${github.runId}](${github.serverUrl.replace(/\/+$/, '')}/${github.repository}/actions/runs/${github.runId}))` : '';
    const note = `this report describes an earlier commit: for commit \`${sha}\`, ${why}${run}.`;
    const result = await markOutdated({ ...target, logger, note });
    if (result?.ok) logger.info(`Previous PR comment marked as outdated: ${result.url}`);
    else if (result) logger.debug(`Previous PR comment not marked as outdated (${result.reason}): ${result.message}`);
  } catch (e) {
    logger.debug(`Previous PR comment not marked as outdated: ${(e as Error).message}`);
  }
}

async function publish(deps: ReportDeps, inputs: Inputs, report: Report): Promise<void> {
  const { logger, outputs, github } = deps;
  const marker = markerOf(inputs, github);
  const markdown = renderMarkdown(report);
  const body = withMarker(marker, markdown);

  outputs.set('size', String(report.headline.size));
  outputs.set('size-delta', report.headline.delta === undefined ? '' : String(report.headline.delta));
  outputs.set('stale-bases', report.staleBases.join('\n'));
  outputs.set('report-markdown', body);
  const jsonPath = join(deps.reportDir, `strata-report-${inputs.image.replace(/[^a-zA-Z0-9._-]+/g, '_')}.json`);
  const mdPath = jsonPath.replace(/\.json$/, '.md');
  try {
    await writeFile(jsonPath, JSON.stringify(report, null, 2));
    // The body with its marker, ready for a workflow_run poster (docs/fork-prs.md).
    await writeFile(mdPath, body);
    outputs.set('report-json', jsonPath);
    outputs.set('report-file', mdPath);
  } catch (e) {
    logger.warning(`Report files not written: ${(e as Error).message}`);
  }
  try {
    await deps.summary(markdown);
  } catch (e) {
    logger.warning(`Job summary not written: ${(e as Error).message}`);
  }

  const target = await commentTarget(deps, inputs);
  if (!('octokit' in target)) {
    const why = target.why && target.level === 'warning' && github.pullRequest?.fork
      ? `${target.why}: the report is in the job summary, the report-markdown output and ${mdPath} (see docs/fork-prs.md to post it from a workflow_run).`
      : target.why;
    if (why) logger[target.level](why);
    return;
  }
  const result = await upsertComment({ ...target, body: markdown, logger });
  if (result.ok) {
    logger.info(`PR comment ${result.action}: ${result.url}`);
    outputs.set('comment-url', result.url);
  } else {
    // The one line a skipped comment costs: nothing before it warned (waits are info).
    logger.warning(`PR comment not written (${result.reason}): ${result.message}. The report is in the job summary and the report-markdown output.`);
  }
}
