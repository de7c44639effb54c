import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  terminalLogger
} from "./chunk-GAA6NDJJ.mjs";
import {
  rebaseImage
} from "./chunk-VZQIZ2NN.mjs";
import "./chunk-XEES7JCB.mjs";
import "./chunk-OYJANBGF.mjs";
import {
  createRunRegistry
} from "./chunk-XJCRYOU7.mjs";
import "./chunk-LRUIOUFA.mjs";
import "./chunk-S5MJTEV4.mjs";
import "./chunk-FMNSBQPK.mjs";
import "./chunk-W76PVC6K.mjs";
import {
  parseArgs
} from "./chunk-2ITGXOHS.mjs";
import "./chunk-5NHPEEYU.mjs";
import "./chunk-IKMFQSA6.mjs";
import "./chunk-AFJQPEMD.mjs";
import "./chunk-LN2W4AOD.mjs";
import "./chunk-QYXCPXHB.mjs";
import "./chunk-I2GFJFAX.mjs";
import "./chunk-HB5L67CJ.mjs";

// src/cli/report-command.ts
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};

// src/cli/rebase-command.ts
var REBASE_USAGE = `Usage: strata rebase IMAGE [--old-base REF@DIGEST] [--new-base REF] [--tag REF ...] [--dry-run] [--json]
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
function parseRebaseArgs(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        "old-base": { type: "string", multiple: true },
        "new-base": { type: "string", multiple: true },
        tag: { type: "string", short: "t", multiple: true },
        "dry-run": { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" }
      }
    });
  } catch (e) {
    throw new UsageError(e.message);
  }
  const { values, positionals } = parsed;
  const args = { tags: [], dryRun: values["dry-run"] === true, json: values.json === true, help: values.help === true };
  if (args.help) return args;
  const once = (flag, given) => {
    if (!given) return void 0;
    if (given.length > 1) throw new UsageError(`--${flag} given ${given.length} times; give it once`);
    if (given[0].trim() === "") throw new UsageError(`--${flag} has an empty value`);
    return given[0].trim();
  };
  if (positionals.length === 0) throw new UsageError("missing IMAGE: say which image to rebase, e.g. strata rebase ghcr.io/acme/app:1.4");
  if (positionals.length > 1) throw new UsageError(`one IMAGE only; unexpected ${positionals.slice(1).map((p) => JSON.stringify(p)).join(", ")}`);
  if (positionals[0].trim() === "") throw new UsageError("IMAGE is empty");
  args.image = positionals[0].trim();
  const oldBase = once("old-base", values["old-base"]);
  if (oldBase !== void 0) {
    if (!oldBase.includes("@")) throw new UsageError(`--old-base ${JSON.stringify(oldBase)} needs a digest: REF@sha256:\u2026 (the digest the image was built on)`);
    args.oldBase = oldBase;
  }
  const newBase = once("new-base", values["new-base"]);
  if (newBase !== void 0) args.newBase = newBase;
  for (const t of values.tag ?? []) {
    if (t.trim() === "") throw new UsageError("--tag has an empty value");
    args.tags.push(t.trim());
  }
  return args;
}
async function createRebaseRegistry(env, exec, logger = terminalLogger()) {
  return createRunRegistry({ env, exec, logger });
}
function resultJson(r) {
  const { plan: _plan, ...rest } = r;
  return rest;
}
async function runRebaseCommand(argv, deps) {
  const err = deps.err ?? process.stderr;
  let args;
  try {
    args = parseRebaseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`error: strata rebase: ${e.message}
${REBASE_USAGE}`);
    return 2;
  }
  if (args.help) {
    deps.out.write(REBASE_USAGE);
    return 0;
  }
  const logger = terminalLogger(args.json ? err : deps.out);
  try {
    const { client, writer } = await deps.registry();
    const result = await rebaseImage({
      client,
      writer,
      image: args.image,
      ...args.oldBase ? { oldBase: args.oldBase } : {},
      ...args.newBase ? { newBase: args.newBase } : {},
      tags: args.tags,
      dryRun: args.dryRun,
      logger
    });
    if (args.json) deps.out.write(`${JSON.stringify(resultJson(result), null, 2)}
`);
    return 0;
  } catch (e) {
    err.write(`error: ${(e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim()}
`);
    return 1;
  }
}
export {
  REBASE_USAGE,
  createRebaseRegistry,
  parseRebaseArgs,
  runRebaseCommand
};
