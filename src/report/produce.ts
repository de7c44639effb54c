// The report stage of the pipeline: the report for what was built (assemble.ts, with the action's
// choices: the pushed image by digest and the engine's view alongside, the compare-to or base-branch
// image then the default branch's snapshot, the bases as the build resolved them), the base-image
// warnings, and the default branch's snapshot for later pull requests. Publishing it is the next
// stage's (github/publish.ts). Nothing here fails the build: a report that cannot be made is a warning.
import type { DockerEngine, Logger } from '../adapters.js';
import { describeLayerReuse } from '../build/lifecycle-log.js';
import { baseBranchTag } from '../build/tags.js';
import type { BuildResult } from '../build/types.js';
import type { CacheStore } from '../cache/store.js';
import { annotationsFor } from '../compare/freshness.js';
import type { GitHubContext } from '../context.js';
import type { Inputs } from '../inputs.js';
import type { RegistryClient } from '../registry/client.js';
import { repositoryOf } from '../registry/reference.js';
import { assembleReport, type BaselineCandidate } from './assemble.js';
import { loadSnapshot, saveSnapshot, snapshotLocation } from './baseline.js';
import type { Report } from './report.js';

export interface ReportDeps {
  engine: DockerEngine;
  logger: Logger;
  github: GitHubContext;
  cacheStore: CacheStore;
  /** The registry client for this run's credentials (inputs, docker config). */
  registry: (inputs: Inputs) => Promise<RegistryClient>;
  home: string;
  now: () => Date;
}

export class SizeIncreaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SizeIncreaseError';
  }
}

/** The report stage; the report, or undefined when it could not be made (a warning). */
export async function produceReport(deps: ReportDeps, inputs: Inputs, result: BuildResult): Promise<Report | undefined> {
  const { logger, github } = deps;
  try {
    const client = await deps.registry(inputs);
    const reference = result.tags[0]!;
    const branchTag = baseBranchTag(inputs.image, github);
    const candidate: BaselineCandidate | undefined = inputs.compareTo
      ? { reference: inputs.compareTo, engine: 'never', origin: 'compare-to' }
      : branchTag
        ? { reference: branchTag, engine: 'never', origin: 'base-branch' }
        : undefined;
    const location = snapshotLocation(inputs.image, inputs.platforms, deps.home, github.sha);
    const assembled = await assembleReport(
      { client, engine: deps.engine, logger, now: deps.now },
      {
        current: { reference, registry: result.pushed && result.digest ? `${repositoryOf(reference)}@${result.digest}` : null, engine: 'alongside' },
        baselines: candidate ? [candidate] : [],
        // The snapshot stands in for a candidate missing or of another size kind; without one (not
        // a pull request, no compare-to) nothing is compared.
        ...(candidate ? { snapshot: () => loadSnapshot(deps.cacheStore, location, logger) } : {}),
        noBaselineReason: 'not a pull request, and no compare-to image',
        bases: { uses: result.baseImages, unresolved: result.unresolvedBases ?? [] },
        platform: inputs.platforms[0],
        maxBaseAge: inputs.maxBaseAge,
        failOnSizeIncrease: inputs.failOnSizeIncrease,
      },
    );
    const { report } = assembled;
    if (result.layerReuse) report.layerReuse = describeLayerReuse(result.layerReuse, result.layerReuse.previousImage);
    for (const a of annotationsFor(report.freshness)) logger.warning(a.message, a.properties);
    if (isDefaultBranchPush(github)) {
      const summaries = assembled.current.map((r) => r.summary);
      await saveSnapshot(deps.cacheStore, location, { format: 'strata-baseline-v1', summaries, bases: assembled.currentBases, sha: github.sha }, logger);
    }
    return report;
  } catch (e) {
    logger.warning(`Image report not produced (the build is unaffected): ${(e as Error).message}`);
    return undefined;
  }
}

/** fail-on-size-increase: thrown after the report is published, so the failure comes with it. */
export function enforceSizeCheck(report: Report | undefined): void {
  if (report?.sizeCheck?.status === 'failed') throw new SizeIncreaseError(report.sizeCheck.message);
}

function isDefaultBranchPush(github: GitHubContext): boolean {
  return github.eventName === 'push' && !!github.defaultBranch && github.ref === `refs/heads/${github.defaultBranch}`;
}
