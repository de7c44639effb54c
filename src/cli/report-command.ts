// `strata report IMAGE`: the action's report stage at a terminal. Reads IMAGE (and --baseline)
// from its registry, or from the local Docker engine when the registry does not have it, compares
// the layers, checks the base images, and prints the terminal rendering or the Report JSON.
// The report is assembled as the action's is (src/report/assemble.ts); only the choice of inputs is ours.
import { parseArgs } from 'node:util';
import type { DockerEngine, Logger } from '../adapters.js';
import { terminalLogger } from '../io/terminal.js';
import type { RegistryClient } from '../registry/client.js';
import { assembleReport, type ReadImage } from '../report/assemble.js';
import { plainText } from '../report/escape.js';
import type { KnownBases } from '../report/known-bases.js';
import type { Report } from '../report/report.js';
import { renderTerminal } from '../report/terminal.js';

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
  /** The local Docker engine, for images only it has. */
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

export interface CliReport {
  report: Report;
  image: ReadImage;
  baseline?: ReadImage;
  /** Why there is no baseline, when --baseline was given but could not be read. */
  baselineError?: string;
  bases: KnownBases;
}

/**
 * The report for IMAGE, assembled as the action's is (report/assemble.ts). Ours: IMAGE and
 * --baseline from the registry, or from the local engine when the registry cannot provide them (a
 * tag only a local build made, a registry that is not reachable, or no access), saying which; the
 * bases from --base or the image's labels; no snapshot.
 */
export async function produceCliReport(args: ReportArgs & { image: string }, deps: ReportCommandDeps, logger: Logger): Promise<CliReport> {
  const client = await deps.registry(args.image);
  const assembled = await assembleReport(
    { client, engine: deps.engine, logger, now: deps.now },
    {
      current: { reference: args.image, engine: 'fallback' },
      baselines: args.baseline ? [{ reference: args.baseline, engine: 'fallback', origin: 'compare-to' }] : [],
      noBaselineReason: 'no --baseline given',
      bases: { references: args.bases },
      maxBaseAge: args.maxBaseAge,
    },
  );
  const { report, baseline, baselineError, bases } = assembled;
  return { report, image: assembled.current[0]!, ...(baseline ? { baseline } : {}), ...(baselineError ? { baselineError } : {}), bases };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

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
