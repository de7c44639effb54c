import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  terminalLogger
} from "./chunk-GAA6NDJJ.mjs";
import {
  createDockerEngine
} from "./chunk-HOKSLSWK.mjs";
import "./chunk-OYJANBGF.mjs";
import {
  createExec
} from "./chunk-34RDB7V7.mjs";
import "./chunk-55EGGPV3.mjs";
import "./chunk-FMNSBQPK.mjs";
import "./chunk-W76PVC6K.mjs";
import {
  parseArgs
} from "./chunk-2ITGXOHS.mjs";
import {
  mkdtempSync
} from "./chunk-AFJQPEMD.mjs";
import {
  homedir,
  tmpdir
} from "./chunk-QYXCPXHB.mjs";
import {
  basename,
  delimiter,
  join,
  resolve
} from "./chunk-I2GFJFAX.mjs";
import "./chunk-HB5L67CJ.mjs";

// src/cli/run-cli.ts
var USAGE = `Usage:
  strata detect [path] [options]                say how the app at path would be built, and why
      --json                the decision as JSON
      --file PATH           Dockerfile path
      --build-arg K=V       (repeatable)
      --platform P          target platform (repeatable, or comma-separated)
      --target STAGE        the stage to build
      --mode MODE           auto | dockerfile | buildpack
      --builder IMAGE       buildpack builder (as the buildpack-builder input)
  strata build [path] [options]                 build it (Dockerfile with BuildKit, or buildpacks)
      --image NAME          repository (default: the directory name)
      --tag, -t TAG         tag name or full reference (repeatable)
      --push                push to the registry
      --mode MODE           auto | dockerfile | buildpack
      --file PATH           Dockerfile path
      --platform P          target platform (repeatable)
      --build-arg K=V       (repeatable)
  strata report IMAGE [options]                 layer and base-image report for an image (registry or local)
      --baseline IMAGE      compare with this image
      --base REF            a base image it was built FROM (repeatable)
      --max-base-age DAYS   call older base images stale
      --json                the report as JSON
  strata rebase IMAGE [options]                 move IMAGE onto its base tag's current digest, no rebuild
      --old-base REF@DIGEST the base it was built on (default: from its labels)
      --new-base REF        the base to move onto (default: the old base's tag, now)
      --tag REF             where to push (repeatable; default: IMAGE's tag)
      --dry-run             plan only
`;
async function gitContext(exec, dir) {
  const git = async (...args) => {
    const r = await exec.run("git", ["-C", dir, ...args]);
    return r.exitCode === 0 ? r.stdout.trim() : "";
  };
  const [sha, branch] = await Promise.all([git("rev-parse", "HEAD"), git("rev-parse", "--abbrev-ref", "HEAD")]);
  return {
    eventName: "cli",
    repository: process.env.GITHUB_REPOSITORY ?? "",
    serverUrl: "https://github.com",
    apiUrl: "https://api.github.com",
    sha,
    ref: branch && branch !== "HEAD" ? `refs/heads/${branch}` : "",
    runId: "",
    job: "",
    workflow: ""
  };
}
async function runCli(argv, out = process.stdout) {
  if (argv[0] === "rebase") {
    const { createRebaseRegistry, runRebaseCommand } = await import("./rebase-command-RXBSW66C.mjs");
    return runRebaseCommand(argv.slice(1), { registry: () => createRebaseRegistry(process.env, createExec()), out, err: process.stderr });
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      image: { type: "string" },
      tag: { type: "string", short: "t", multiple: true },
      push: { type: "boolean" },
      mode: { type: "string" },
      file: { type: "string" },
      platform: { type: "string", multiple: true },
      "build-arg": { type: "string", multiple: true },
      target: { type: "string" },
      builder: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" }
    }
  });
  const [command, target] = positionals;
  if (values.help || !command) {
    out.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  const logger = terminalLogger();
  const exec = createExec();
  try {
    const [{ parseInputs }, { createContextFiles }] = await Promise.all([import("./inputs-5XRZM5GJ.mjs"), import("./context-files-NRMO7IOO.mjs")]);
    const context = target ?? ".";
    const github = await gitContext(exec, context);
    const raw = {
      context,
      mode: values.mode ?? "",
      file: values.file ?? "",
      image: values.image ?? (github.repository ? "" : basename(resolve(context)).toLowerCase().replace(/[^a-z0-9._-]+/g, "-")),
      tags: (values.tag ?? []).join("\n"),
      push: values.push ? "true" : "false",
      platforms: (values.platform ?? []).join(","),
      "build-args": (values["build-arg"] ?? []).join("\n"),
      target: values.target ?? "",
      "buildpack-builder": values.builder ?? "",
      comment: "never"
    };
    const inputs = parseInputs((name) => raw[name] ?? "", github);
    if (command === "detect") {
      const [{ detectReport, renderDetect }, { hostPlatform }] = await Promise.all([import("./detect-command-GNVVODZM.mjs"), import("./platforms-SZ4U4TRX.mjs")]);
      const report = await detectReport(createContextFiles(), inputs, hostPlatform());
      out.write(values.json ? `${JSON.stringify(report, null, 2)}
` : renderDetect(report));
      return 0;
    }
    if (command === "build") {
      const [{ runMain }, { memoryOutputs, memoryState }, { createActionsCacheStore }] = await Promise.all([
        import("./run-U6ULBFCW.mjs"),
        import("./terminal-ZIUARVDR.mjs"),
        import("./actions-cache-LV7Y2BDV.mjs")
      ]);
      const outputs = memoryOutputs();
      await runMain({
        env: process.env,
        github,
        exec,
        engine: createDockerEngine({ env: process.env, exec }),
        logger,
        outputs,
        state: memoryState(),
        files: createContextFiles(),
        tempDir: mkdtempSync(join(tmpdir(), "strata-")),
        now: () => /* @__PURE__ */ new Date(),
        maskSecret: () => void 0,
        cacheStore: createActionsCacheStore({ env: process.env }),
        addPath: (dir) => {
          process.env.PATH = `${dir}${delimiter}${process.env.PATH ?? ""}`;
        },
        toolCache: async () => {
          process.env.RUNNER_TOOL_CACHE ??= join(homedir(), ".cache", "strata", "tools");
          process.env.RUNNER_TEMP ??= tmpdir();
          return import("./tool-cache-LWC7DJBY.mjs");
        }
      }, inputs);
      out.write("\n");
      for (const [k, v] of outputs.values) {
        if (k === "metadata" || v === "") continue;
        out.write(`${k.padEnd(12)} ${v.replace(/\n/g, `
${" ".repeat(13)}`)}
`);
      }
      return 0;
    }
    logger.error(`Unknown command ${JSON.stringify(command)}.
${USAGE}`);
    return 2;
  } catch (e) {
    logger.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}
export {
  runCli
};
