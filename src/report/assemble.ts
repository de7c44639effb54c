// The report, assembled in one place for the action's report stage (produce.ts) and `strata report`
// (cli/report-command.ts): read the image and its baseline, find the base images and the layers
// they account for, ask the registries about the bases, compare, and build the Report.
//
// What differs between the two callers is data in the ReportRequest, not code:
// - where the image is read: the action reads what it pushed by digest and the engine's view
//   alongside (a baseline of either kind may be all there is); the CLI reads the registry and
//   falls back to the engine for a tag only a local build made ('fallback');
// - the baseline candidates: the action's compare-to or base-branch tag from the registry only
//   (the runner's engine holds this run's images, not the base branch's), then the default
//   branch's snapshot; the CLI's --baseline with the engine fallback, and no snapshot;
// - the bases: the action's as the build resolved them (FROM lines, run image, unresolved ones);
//   the CLI's --base references, completed by (or, without any, taken from) the image's labels.
// One policy for the rest: a baseline is split at the base it recorded (snapshot) or names
// (labels), else at the current image's; the bases are dated on the given platform, else the
// image's first; why there is no baseline is every failed attempt, each naming its image.
import type { Logger } from '../adapters.js';
import type { BaseImageUse, UnresolvedBaseUse } from '../build/types.js';
import { compareImages, type BasesByPlatform } from '../compare/diff.js';
import { assessBases, unresolvedFreshness } from '../compare/freshness.js';
import { gatherBaseFacts } from '../compare/gather.js';
import { readEngineImageSummary } from '../image/engine.js';
import { imagePlatforms } from '../image/platforms.js';
import { readImageSummary } from '../image/remote.js';
import { platformDescriptors } from '../image/summary.js';
import type { ImageSummary } from '../image/types.js';
import type { SizeThreshold } from '../inputs.js';
import { baseImageRegistry } from '../registry/base-image-registry.js';
import type { RegistryClient } from '../registry/client.js';
import { pickComparable, type BaselineSnapshot } from './baseline.js';
import { basesFor, basesFromLabels, knownBases, knownBasesFromAnnotations, type KnownBases } from './known-bases.js';
import { buildReport, type BaselineOrigin, type Report } from './report.js';

/** What readEngineImageSummary reads the local engine through. */
export type EngineReader = Parameters<typeof readEngineImageSummary>[0];

export interface AssemblyAdapters {
  /** Reads image documents from their registries (credentials are the caller's business). */
  client: RegistryClient;
  engine: EngineReader;
  logger: Logger;
  now: () => Date;
}

/**
 * How the local engine is used for an image: 'fallback' when the registry cannot provide it,
 * 'alongside' read as well as the registry, 'never'.
 */
export type EngineUse = 'fallback' | 'alongside' | 'never';

export interface ImageSource {
  /** The name it is reported under and read from the engine by. */
  reference: string;
  /** Where its registry has it, when not at `reference` (repo@digest of a push); null: not in one. */
  registry?: string | null;
  engine: EngineUse;
}

export interface BaselineCandidate extends ImageSource {
  origin: Exclude<BaselineOrigin, 'default-branch-snapshot'>;
}

export interface ReportRequest {
  current: ImageSource;
  /** In order of preference: the first that reads is the baseline. */
  baselines: readonly BaselineCandidate[];
  /** The default branch's snapshot, looked for when no candidate reads or its sizes are of another kind. */
  snapshot?: () => Promise<BaselineSnapshot | undefined>;
  /** Why there is no baseline when there is nothing to look for. */
  noBaselineReason: string;
  /** As the build resolved them, or references (FROM order) completed from the image's labels. */
  bases: { uses: readonly BaseImageUse[]; unresolved?: readonly UnresolvedBaseUse[] } | { references: readonly string[] };
  /** Whose config dates the bases, e.g. linux/amd64; default: the image's first platform. */
  platform?: string;
  maxBaseAge?: number;
  failOnSizeIncrease?: SizeThreshold;
}

/** An image as read, and where from. */
export interface ReadImage {
  summary: ImageSummary;
  /** Why the local engine was used instead of the registry: the registry's answer. */
  fallback?: string;
}

/** An image that could not be read from where it was looked for. */
export class ImageReadError extends Error {
  constructor(
    readonly reference: string,
    attempts: string[],
  ) {
    super(`cannot read image ${JSON.stringify(reference)}: ${attempts.join('; ')}`);
    this.name = 'ImageReadError';
  }
}

export interface AssembledReport {
  report: Report;
  /** The image as read: the registry's view first, then the engine's (when read alongside). */
  current: ReadImage[];
  /** The current image's base layers (kept in a snapshot for later baselines). */
  currentBases?: BasesByPlatform;
  baseline?: ReadImage;
  /** Why no baseline was found when candidates were tried (also the report's no-comparison reason). */
  baselineError?: string;
  bases: KnownBases;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const messageOf = (e: unknown) => oneLine(e instanceof Error ? e.message : String(e));

/** The image from its registry and/or the local engine, as `source.engine` says. Throws ImageReadError. */
export async function readImage(source: ImageSource, adapters: Pick<AssemblyAdapters, 'client' | 'engine'>): Promise<ReadImage[]> {
  const { reference } = source;
  const at = source.registry === undefined ? reference : source.registry;
  const fromRegistry = async () => (at === null ? undefined : readImageSummary(adapters.client, at, reference));
  // The one engine read of the report.
  const fromEngine = () => readEngineImageSummary(adapters.engine, reference);
  const registryMiss = (e: unknown) => `its registry: ${messageOf(e)}`;
  const engineMiss = (e: unknown) => `the local Docker engine: ${messageOf(e)}`;

  if (source.engine === 'alongside') {
    const [registry, engine] = await Promise.allSettled([fromRegistry(), fromEngine()]);
    if (registry.status === 'rejected') throw new ImageReadError(reference, [registryMiss(registry.reason)]);
    const out = [registry.value, engine.status === 'fulfilled' ? engine.value : undefined].filter((s): s is ImageSummary => s !== undefined);
    if (out.length === 0) throw new ImageReadError(reference, [engineMiss((engine as PromiseRejectedResult).reason)]);
    return out.map((summary) => ({ summary }));
  }
  let registryError: string | undefined;
  try {
    const summary = await fromRegistry();
    if (summary) return [{ summary }];
  } catch (e) {
    registryError = messageOf(e);
  }
  const missed = registryError === undefined ? [] : [`its registry: ${registryError}`];
  if (source.engine === 'never') throw new ImageReadError(reference, missed.length > 0 ? missed : ['not in a registry, and the local engine is not asked']);
  try {
    return [{ summary: await fromEngine(), ...(registryError === undefined ? {} : { fallback: registryError }) }];
  } catch (e) {
    throw new ImageReadError(reference, [...missed, engineMiss(e)]);
  }
}

interface Chosen {
  read: ReadImage;
  origin: BaselineOrigin;
  /** The bases a snapshot recorded for it. */
  bases?: BasesByPlatform;
}

async function chooseBaseline(
  request: ReportRequest,
  reads: readonly PromiseSettledResult<ReadImage[]>[],
  current: ImageSummary,
): Promise<{ chosen?: Chosen; tried: string[] }> {
  const tried: string[] = [];
  let chosen: Chosen | undefined;
  for (const [i, candidate] of request.baselines.entries()) {
    const read = reads[i]!;
    if (read.status === 'rejected') {
      tried.push(messageOf(read.reason));
      continue;
    }
    const summary = pickComparable(current, read.value.map((r) => r.summary))!;
    chosen = { read: read.value.find((r) => r.summary === summary)!, origin: candidate.origin };
    break;
  }
  // Sizes of another kind can't be compared; a snapshot may hold the same kind.
  if (request.snapshot && (!chosen || chosen.read.summary.sizeKind !== current.sizeKind)) {
    const snapshot = await request.snapshot();
    const summary = snapshot ? pickComparable(current, snapshot.summaries) : undefined;
    if (summary && (!chosen || summary.sizeKind === current.sizeKind)) {
      chosen = { read: { summary }, origin: 'default-branch-snapshot', bases: snapshot!.bases };
    } else if (!snapshot) {
      tried.push('no default-branch snapshot in the Actions cache');
    }
  }
  return { chosen, tried };
}

/**
 * The bases the image names, from its registry manifest alone (the first platform's, for an
 * index) when its annotations record them (knownBasesFromAnnotations); undefined when they do
 * not, or the registry does not answer (the image read says why).
 */
async function basesFromManifest(client: RegistryClient, source: ImageSource, references: readonly string[]): Promise<readonly BaseImageUse[] | undefined> {
  if (source.registry === null) return undefined;
  const at = source.registry ?? source.reference;
  try {
    // The documents the image read asks for at the same moment: the reader shares the requests
    // (a tag's too, in `strata report`'s reader, which remembers tags; the action names its bases).
    let manifest = (await client.getManifest(at)).document;
    if (manifest.kind === 'index') {
      const first = platformDescriptors(manifest)[0];
      if (!first) return undefined;
      manifest = (await client.getManifest(at, first.digest)).document;
    }
    return manifest.kind === 'manifest' ? knownBasesFromAnnotations(manifest.annotations, references)?.uses : undefined;
  } catch {
    return undefined;
  }
}

function sameUses(a: readonly BaseImageUse[], b: readonly BaseImageUse[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Reads what the report needs through `adapters` and returns it. Throws ImageReadError for the image itself. */
export async function assembleReport(adapters: AssemblyAdapters, request: ReportRequest): Promise<AssembledReport> {
  const { client, logger } = adapters;
  // The bases are asked about as soon as they are known, while the images are still read: the
  // build's at once; those the image names, once its manifest is in when its annotations say
  // (Strata's pushes and registry-side rebases write them). Only dating a multi-platform base
  // waits for the image's platform, when the request does not give it.
  // Named before the images are read, so that when the image's manifest arrives the bases'
  // requests go out before its config's: a base may take a round trip more (an index, then the
  // platform's manifest; its config when it states no date).
  const named = 'uses' in request.bases ? Promise.resolve(request.bases.uses) : basesFromManifest(client, request.current, request.bases.references);
  const reads = Promise.all([readImage(request.current, adapters), Promise.allSettled(request.baselines.map((b) => readImage(b, adapters)))]);
  const platformOf = (image: ImageSummary) => request.platform ?? imagePlatforms(image)[0]?.platform;
  const early = named.then((uses) =>
    uses
      ? {
          uses,
          facts: gatherBaseFacts(baseImageRegistry(client), uses, {
            platform: request.platform ?? reads.then(([current]) => platformOf(current[0]!.summary), () => undefined),
          }),
        }
      : undefined,
  );
  const [current, baselineReads] = await reads;
  const image = current[0]!.summary;
  const bases: KnownBases = 'references' in request.bases ? knownBases(image, request.bases.references) : { uses: [...request.bases.uses] };
  const platform = platformOf(image);
  const started = await early;

  // The early answer stands only if it is the one the whole image gives (it always is; checked
  // so that a change to either rule cannot report on the wrong bases).
  const facts = started && sameUses(started.uses, bases.uses) ? started.facts : gatherBaseFacts(baseImageRegistry(client), bases.uses, platform ? { platform } : {});
  const [currentBases, { chosen, tried }] = await Promise.all([basesFor(client, image, bases.uses, logger), chooseBaseline(request, baselineReads, image)]);

  // A baseline is split at the base it recorded or names itself, else at the current image's.
  let baselineBases = chosen?.bases ?? currentBases;
  if (chosen && !chosen.bases) {
    const own = basesFromLabels(chosen.read.summary);
    if (own.uses.length > 0) baselineBases = (await basesFor(client, chosen.read.summary, own.uses, logger)) ?? currentBases;
  }

  // Of the current image's views, the one whose sizes are of the baseline's kind.
  const compared = chosen ? (pickComparable(chosen.read.summary, current.map((r) => r.summary)) ?? image) : image;
  const baselineError = chosen ? undefined : tried.join('; ') || undefined;
  const comparison = compareImages({
    current: compared,
    baseline: chosen?.read.summary,
    currentBases: compared === image ? currentBases : undefined,
    baselineBases,
    noBaselineReason: baselineError ?? request.noBaselineReason,
  });
  // The layers are compared while the bases' last reads (their configs, for their age) are out.
  const now = adapters.now();
  const unresolved = 'unresolved' in request.bases ? (request.bases.unresolved ?? []) : [];
  // A base Strata could not resolve is reported as unresolved, never checked under a guessed name.
  const freshness = [...assessBases(await facts, { now, maxBaseAge: request.maxBaseAge }), ...unresolved.map(unresolvedFreshness)];
  const report = buildReport({
    comparison,
    freshness,
    baselineOrigin: chosen?.origin,
    failOnSizeIncrease: request.failOnSizeIncrease,
    maxBaseAge: request.maxBaseAge,
    now,
  });
  return {
    report,
    current,
    currentBases,
    ...(chosen ? { baseline: chosen.read } : {}),
    ...(baselineError ? { baselineError } : {}),
    bases,
  };
}
