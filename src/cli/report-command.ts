// `strata report IMAGE`: the action's report stage at a terminal. Reads IMAGE (and --baseline)
// from its registry, or from the local Docker engine when the registry does not have it, compares
// the layers, checks the base images, and prints the terminal rendering or the Report JSON.
// The pieces are the action's own (src/report/produce.ts); only the choice of inputs is ours.
import { parseArgs } from 'node:util';
import type { DockerEngine, Logger } from '../adapters.js';
import type { BaseImageUse } from '../build/types.js';
import { compareImages, type BasesByPlatform } from '../compare/diff.js';
import { assessBases } from '../compare/freshness.js';
import { gatherBaseFacts } from '../compare/gather.js';
import { LIFECYCLE_METADATA_LABEL, namedBase, OCI_BASE_NAME as OCI_BASE_NAME_LABEL, recordedBase } from '../image/labels.js';
import { readEngineImageSummary } from '../image/engine.js';
import { readImageSummary } from '../image/remote.js';
import type { ImageSummary } from '../image/types.js';
import { terminalLogger } from '../io/terminal.js';
import type { RegistryClient } from '../registry/client.js';
import { baseImageRegistry } from '../registry/base-image-registry.js';
import { digestOf, parseReference } from '../registry/reference.js';
import { plainText } from '../report/escape.js';
import { basesFor } from '../report/produce.js';
import { buildReport, type Report } from '../report/report.js';
import { renderTerminal } from '../report/terminal.js';
import { imagePlatforms } from '../image/platforms.js';

export const REPORT_USAGE = `Usage: strata report IMAGE [--baseline IMAGE] [--base REF ...] [--max-base-age DAYS] [--json]
  Layer sizes of IMAGE (and what changed against --baseline) and how fresh its base images are.
  Images are read from their registry (compressed sizes), or from the local Docker engine
  (uncompressed sizes) when the registry does not have them; the two kinds are never subtracted.
      --baseline IMAGE      the image to compare with, e.g. the main branch's tag
      --base REF            a base image IMAGE was built FROM (repeatable; the last is the runtime
                            base). Default: the buildpack run image, else the image's
                            org.opencontainers.image.base.name label
      --max-base-age DAYS   call base images older than DAYS stale
      --json                print the report as JSON (the action's report-json format)
`;

export { OCI_BASE_NAME as OCI_BASE_NAME_LABEL, OCI_BASE_DIGEST as OCI_BASE_DIGEST_LABEL } from '../image/labels.js';

export interface ReportCommandDeps {
  /** The registry client (credentials from the docker config), made for IMAGE's registry. */
  registry: (image: string) => Promise<RegistryClient>;
  /** The local engine, for images only it has. */
  engine: DockerEngine;
  /** Where the report goes (stdout). */
  out: NodeJS.WritableStream;
  /** Notes, warnings and errors (stderr). */
  err?: NodeJS.WritableStream;
  now: () => Date;
}

export interface ReportArgs {
  image?: string;
  baseline?: string;
  bases: string[];
  maxBaseAge?: number;
  json: boolean;
  help: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An image that neither its registry nor the local engine could provide. */
export class ImageReadError extends Error {
  constructor(
    readonly reference: string,
    attempts: string[],
  ) {
    super(`cannot read image ${JSON.stringify(reference)}: ${attempts.join('; ')}`);
    this.name = 'ImageReadError';
  }
}

/** The arguments after `report`. Throws UsageError (exit 2) naming the flag and quoting the value. */
export function parseReportArgs(argv: string[]): ReportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        baseline: { type: 'string', multiple: true },
        base: { type: 'string', multiple: true },
        'max-base-age': { type: 'string', multiple: true },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const args: ReportArgs = { bases: [], json: values.json === true, help: values.help === true };
  if (args.help) return args;

  const once = (flag: string, given: string[] | undefined): string | undefined => {
    if (!given) return undefined;
    if (given.length > 1) throw new UsageError(`--${flag} given ${given.length} times (${given.map((v) => JSON.stringify(v)).join(', ')}); give it once`);
    if (given[0]!.trim() === '') throw new UsageError(`--${flag} has an empty value`);
    return given[0]!.trim();
  };

  if (positionals.length === 0) throw new UsageError('missing IMAGE: say which image to report on, e.g. strata report ghcr.io/acme/app:pr-7');
  if (positionals.length > 1) {
    throw new UsageError(`one IMAGE only; unexpected ${positionals.slice(1).map((p) => JSON.stringify(p)).join(', ')} (compare with --baseline IMAGE)`);
  }
  if (positionals[0]!.trim() === '') throw new UsageError('IMAGE is empty');
  args.image = positionals[0]!.trim();

  const baseline = once('baseline', values.baseline);
  if (baseline !== undefined) args.baseline = baseline;
  for (const base of values.base ?? []) {
    if (base.trim() === '') throw new UsageError('--base has an empty value');
    args.bases.push(base.trim());
  }
  const maxBaseAge = once('max-base-age', values['max-base-age']);
  if (maxBaseAge !== undefined) {
    const days = /^\d+$/.test(maxBaseAge) ? Number(maxBaseAge) : NaN;
    if (!Number.isSafeInteger(days) || days <= 0) {
      throw new UsageError(`--max-base-age has an invalid value ${JSON.stringify(maxBaseAge)}: use a whole number of days greater than 0, such as 90`);
    }
    args.maxBaseAge = days;
  }
  return args;
}

/** An image as read, and where from. */
export interface ReadImage {
  summary: ImageSummary;
  /** Why the local engine was used instead of the registry: the registry's answer. */
  fallback?: string;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Registry first (compressed sizes); the local engine when the registry cannot provide it: a tag
 * only a local build made, a registry that is not reachable, or no access. Which one it was is
 * kept, so the output can say why the sizes are uncompressed.
 */
export async function readImage(reference: string, client: RegistryClient, engine: DockerEngine): Promise<ReadImage> {
  let registryError: string;
  try {
    return { summary: await readImageSummary(client, reference) };
  } catch (e) {
    registryError = oneLine((e as Error).message);
  }
  try {
    return { summary: await readEngineImageSummary(engine, reference), fallback: registryError };
  } catch (e) {
    throw new ImageReadError(reference, [`its registry: ${registryError}`, `the local Docker engine: ${oneLine((e as Error).message)}`]);
  }
}

/** Where the base images to assess came from, and the uses themselves (empty: none known). */
export interface KnownBases {
  uses: BaseImageUse[];
  from?: string;
}

function sameRepositoryAndTag(a: string, b: string): boolean {
  try {
    const x = parseReference(a);
    const y = parseReference(b);
    return x.registry === y.registry && x.repository === y.repository && x.tag === y.tag && x.digest === y.digest;
  } catch {
    return a === b;
  }
}

/** The base image the image itself names (namedBase's precedence: annotations, OCI labels, run image). */
export function basesFromLabels(image: ImageSummary): KnownBases {
  const first = imagePlatforms(image)[0];
  const named = namedBase(first?.annotations, first?.labels);
  if (named?.kind === 'recorded') {
    const use: BaseImageUse = { reference: named.name, stage: 'base', runtime: true };
    if (named.digest && !named.name.includes('@')) use.digest = named.digest;
    return { uses: [use], from: `the ${OCI_BASE_NAME_LABEL} ${named.from === 'annotations' ? 'annotation' : 'label'}` };
  }
  if (named?.kind === 'run-image') {
    const { run } = named;
    // runImage.reference is repo@digest when the image was published, a local image id otherwise.
    const runDigest = digestOf(run.reference);
    const runRef = run.image ?? (runDigest ? run.reference : undefined);
    if (runRef) {
      const use: BaseImageUse = { reference: runRef, stage: 'run-image', runtime: true };
      if (runDigest && runRef !== run.reference) use.digest = runDigest;
      return { uses: [use], from: `the buildpack run image (${LIFECYCLE_METADATA_LABEL} label)` };
    }
  }
  return { uses: [] };
}

/** --base REFs in FROM order (the last is the runtime base); else what the image's labels say. */
export function knownBases(image: ImageSummary, flags: readonly string[]): KnownBases {
  if (flags.length === 0) return basesFromLabels(image);
  const first = imagePlatforms(image)[0];
  const recorded = recordedBase(first?.annotations, first?.labels);
  const labelled = recorded?.name;
  const labelledDigest = recorded?.digest;
  const uses = flags.map((reference, i): BaseImageUse => {
    const runtime = i === flags.length - 1;
    const use: BaseImageUse = { reference, stage: runtime ? 'final' : `stage ${i}`, runtime };
    // The label records which digest the build resolved the tag to: lets "tag moved" be told.
    if (labelled && labelledDigest && !reference.includes('@') && sameRepositoryAndTag(reference, labelled)) use.digest = labelledDigest;
    return use;
  });
  return { uses, from: '--base' };
}

export interface CliReport {
  report: Report;
  image: ReadImage;
  baseline?: ReadImage;
  /** Why there is no baseline, when --baseline was given but could not be read. */
  baselineError?: string;
  bases: KnownBases;
}

/** The report for IMAGE, from the same pieces as the action's report stage. */
export async function produceCliReport(args: ReportArgs & { image: string }, deps: ReportCommandDeps, logger: Logger): Promise<CliReport> {
  const client = await deps.registry(args.image);
  const image = await readImage(args.image, client, deps.engine);
  let baseline: ReadImage | undefined;
  let baselineError: string | undefined;
  if (args.baseline) {
    try {
      baseline = await readImage(args.baseline, client, deps.engine);
    } catch (e) {
      baselineError = (e as Error).message;
    }
  }

  const bases = knownBases(image.summary, args.bases);
  const currentBases = await basesFor(client, image.summary, bases.uses, logger);
  let baselineBases: BasesByPlatform | undefined = currentBases;
  if (baseline) {
    // A baseline that names its own base (run image digest, OCI labels) is split at that base;
    // otherwise at the current one's, as the action does for a base-branch image.
    const own = basesFromLabels(baseline.summary);
    if (own.uses.length > 0) baselineBases = (await basesFor(client, baseline.summary, own.uses, logger)) ?? currentBases;
  }

  const now = deps.now();
  const platform = imagePlatforms(image.summary)[0]?.platform;
  const facts = await gatherBaseFacts(baseImageRegistry(client), bases.uses, platform ? { platform } : {});
  const freshness = assessBases(facts, { now, ...(args.maxBaseAge !== undefined ? { maxBaseAge: args.maxBaseAge } : {}) });
  const comparison = compareImages({
    current: image.summary,
    ...(baseline ? { baseline: baseline.summary, baselineBases } : {}),
    ...(currentBases ? { currentBases } : {}),
    noBaselineReason: baselineError ?? 'no --baseline given',
  });
  const report = buildReport({
    comparison,
    freshness,
    ...(baseline ? { baselineOrigin: 'compare-to' as const } : {}),
    ...(args.maxBaseAge !== undefined ? { maxBaseAge: args.maxBaseAge } : {}),
    now,
  });
  return { report, image, ...(baseline ? { baseline } : {}), ...(baselineError ? { baselineError } : {}), bases };
}

function where(read: ReadImage): string {
  return read.summary.source === 'registry'
    ? 'read from its registry (compressed sizes)'
    : `read from the local Docker engine (uncompressed sizes), as its registry did not provide it${read.fallback ? ` (${read.fallback})` : ''}`;
}

/** A line of the header above the report; `note`: worth saying on stderr next to the JSON too. */
export interface SourceLine {
  text: string;
  note: boolean;
}

/** What was read from where, and what could not be compared: the lines above the report. */
export function sourceLines(r: CliReport, args: ReportArgs): SourceLine[] {
  const lines: SourceLine[] = [{ text: `image     ${plainText(args.image!)}: ${plainText(where(r.image))}`, note: r.image.summary.source === 'engine' }];
  if (r.baseline) {
    lines.push({ text: `baseline  ${plainText(args.baseline!)}: ${plainText(where(r.baseline))}`, note: r.baseline.summary.source === 'engine' });
  } else if (r.baselineError) {
    lines.push({ text: `baseline  ${plainText(args.baseline!)}: not read, so no comparison (${plainText(r.baselineError)})`, note: true });
  }
  if (r.report.comparison.status === 'incomparable' && r.baseline) {
    const kind = (x: ReadImage) => `${x.summary.sizeKind} (${x.summary.source === 'registry' ? 'registry' : 'local engine'})`;
    lines.push({
      text:
        `          NOT COMPARED: the image's sizes are ${kind(r.image)}, the baseline's ${kind(r.baseline)};` +
        ' no deltas between different kinds. Read both from a registry, or both from the local engine.',
      note: true,
    });
  }
  if (r.bases.uses.length === 0) lines.push({ text: 'bases     no base image known (pass --base)', note: true });
  else lines.push({ text: `bases     ${r.bases.uses.map((u) => plainText(u.reference)).join(', ')}: from ${plainText(r.bases.from ?? '--base')}`, note: false });
  return lines;
}

/** Runs `strata report` (argv after `report`); returns the exit code. */
export async function runReportCommand(argv: string[], deps: ReportCommandDeps): Promise<number> {
  const logger = terminalLogger(deps.err ?? process.stderr);
  let args: ReportArgs;
  try {
    args = parseReportArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    logger.error(`strata report: ${e.message}`);
    (deps.err ?? process.stderr).write(REPORT_USAGE);
    return 2;
  }
  if (args.help) {
    deps.out.write(REPORT_USAGE);
    return 0;
  }
  try {
    const result = await produceCliReport({ ...args, image: args.image! }, deps, logger);
    const sources = sourceLines(result, args);
    if (args.json) {
      deps.out.write(`${JSON.stringify(result.report, null, 2)}\n`);
      // The JSON says where each image came from (source, sizeKind); what needs a word goes to stderr.
      for (const line of sources) if (line.note) logger.info(`note: ${oneLine(line.text)}`);
    } else {
      deps.out.write(`${sources.map((l) => l.text).join('\n')}\n\n${renderTerminal(result.report)}`);
    }
    return 0;
  } catch (e) {
    logger.error(oneLine(e instanceof Error ? e.message : String(e)));
    return 1;
  }
}
