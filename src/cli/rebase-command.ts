// `strata rebase IMAGE`: move IMAGE onto its base tag's current digest without a rebuild
// (src/rebase/rebase.ts), registry side only. Credentials come from the docker config, as for
// `strata report`.
import { parseArgs } from 'node:util';
import type { Exec } from '../adapters.js';
import { terminalLogger } from '../io/terminal.js';
import { RegistryClient } from '../registry/client.js';
import { createRunRegistry } from '../registry/for-run.js';
import { RegistryWriter } from '../registry/writer.js';
import { rebaseImage, type RebaseResult } from '../rebase/rebase.js';
import { UsageError } from './report-command.js';

export const REBASE_USAGE = `Usage: strata rebase IMAGE [--old-base REF@DIGEST] [--new-base REF] [--tag REF ...] [--dry-run] [--json]
  Swaps IMAGE's base layers for its base tag's current ones and pushes the result, without a
  rebuild and without downloading layers (like crane rebase / pack rebase). Not safe in general:
  the image's own layers were built against the old base's files; rebuild when in doubt.
      --old-base REF@DIGEST the base IMAGE was built on. Default: its
                            org.opencontainers.image.base.name/base.digest labels, else the
                            buildpack run image (io.buildpacks.lifecycle.metadata)
      --new-base REF        the base to move onto. Default: the old base's tag, resolved now
      --tag REF             where to push (repeatable; a full reference or a tag in IMAGE's
                            repository). Default: IMAGE's own tag
      --dry-run             plan and print; push nothing
      --json                print the result as JSON
`;

export interface RebaseArgs {
  image?: string;
  oldBase?: string;
  newBase?: string;
  tags: string[];
  dryRun: boolean;
  json: boolean;
  help: boolean;
}

export interface RebaseCommandDeps {
  /** Read and write clients sharing the credentials. */
  registry: () => Promise<{ client: RegistryClient; writer: RegistryWriter }>;
  out: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

/** The arguments after `rebase`. Throws UsageError (exit 2). */
export function parseRebaseArgs(argv: string[]): RebaseArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'old-base': { type: 'string', multiple: true },
        'new-base': { type: 'string', multiple: true },
        tag: { type: 'string', short: 't', multiple: true },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const args: RebaseArgs = { tags: [], dryRun: values['dry-run'] === true, json: values.json === true, help: values.help === true };
  if (args.help) return args;
  const once = (flag: string, given: string[] | undefined): string | undefined => {
    if (!given) return undefined;
    if (given.length > 1) throw new UsageError(`--${flag} given ${given.length} times; give it once`);
    if (given[0]!.trim() === '') throw new UsageError(`--${flag} has an empty value`);
    return given[0]!.trim();
  };
  if (positionals.length === 0) throw new UsageError('missing IMAGE: say which image to rebase, e.g. strata rebase ghcr.io/acme/app:1.4');
  if (positionals.length > 1) throw new UsageError(`one IMAGE only; unexpected ${positionals.slice(1).map((p) => JSON.stringify(p)).join(', ')}`);
  if (positionals[0]!.trim() === '') throw new UsageError('IMAGE is empty');
  args.image = positionals[0]!.trim();
  const oldBase = once('old-base', values['old-base']);
  if (oldBase !== undefined) {
    if (!oldBase.includes('@')) throw new UsageError(`--old-base ${JSON.stringify(oldBase)} needs a digest: REF@sha256:… (the digest the image was built on)`);
    args.oldBase = oldBase;
  }
  const newBase = once('new-base', values['new-base']);
  if (newBase !== undefined) args.newBase = newBase;
  for (const t of values.tag ?? []) {
    if (t.trim() === '') throw new UsageError('--tag has an empty value');
    args.tags.push(t.trim());
  }
  return args;
}

/** Registry read and write clients with the docker config's credentials (docker login). */
export async function createRebaseRegistry(
  env: Record<string, string | undefined>,
  exec: Exec,
  logger = terminalLogger(),
): Promise<{ client: RegistryClient; writer: RegistryWriter }> {
  return createRunRegistry({ env, exec, logger });
}

function resultJson(r: RebaseResult): Record<string, unknown> {
  const { plan: _plan, ...rest } = r;
  return rest;
}

/** Runs `strata rebase` (argv after `rebase`); returns the exit code. */
export async function runRebaseCommand(argv: string[], deps: RebaseCommandDeps): Promise<number> {
  const err = deps.err ?? process.stderr;
  let args: RebaseArgs;
  try {
    args = parseRebaseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`error: strata rebase: ${e.message}\n${REBASE_USAGE}`);
    return 2;
  }
  if (args.help) {
    deps.out.write(REBASE_USAGE);
    return 0;
  }
  // Progress goes to stderr with --json (stdout is the JSON), else to stdout.
  const logger = terminalLogger(args.json ? err : deps.out);
  try {
    const { client, writer } = await deps.registry();
    const result = await rebaseImage({
      client,
      writer,
      image: args.image!,
      ...(args.oldBase ? { oldBase: args.oldBase } : {}),
      ...(args.newBase ? { newBase: args.newBase } : {}),
      tags: args.tags,
      dryRun: args.dryRun,
      logger,
    });
    if (args.json) deps.out.write(`${JSON.stringify(resultJson(result), null, 2)}\n`);
    return 0;
  } catch (e) {
    err.write(`error: ${(e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim()}\n`);
    return 1;
  }
}
