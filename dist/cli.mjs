#!/usr/bin/env node
import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  createActionsCacheStore,
  createContextFiles,
  createExec,
  decide,
  runMain
} from "./chunks/chunk-EDJ7SGBR.mjs";
import {
  parseInputs
} from "./chunks/chunk-JPBYJ7RS.mjs";
import "./chunks/chunk-BMAYSKL6.mjs";
import "./chunks/chunk-HB5L67CJ.mjs";

// src/cli/run-cli.ts
import { mkdtempSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { basename, delimiter, join, resolve } from "node:path";
import { parseArgs } from "node:util";

// src/io/terminal.ts
function terminalLogger(stream = process.stderr, verbose = false) {
  return {
    info: (m) => stream.write(`${m}
`),
    warning: (m, p) => stream.write(`warning: ${p?.file ? `${p.file}${p.startLine ? `:${p.startLine}` : ""}: ` : ""}${m}
`),
    error: (m) => stream.write(`error: ${m}
`),
    debug: (m) => {
      if (verbose) stream.write(`debug: ${m}
`);
    },
    group: async (name, fn) => {
      stream.write(`
== ${name}
`);
      return fn();
    }
  };
}
function memoryOutputs() {
  const values = /* @__PURE__ */ new Map();
  return { values, set: (n, v) => void values.set(n, v) };
}
function memoryState() {
  const values = /* @__PURE__ */ new Map();
  return { get: (n) => values.get(n) ?? "", set: (n, v) => void values.set(n, v) };
}

// src/cli/run-cli.ts
var USAGE = `Usage:
  strata detect [path]                          say how the app at path would be built, and why
  strata build [path] [options]                 build it (Dockerfile with BuildKit, or buildpacks)
      --image NAME          repository (default: the directory name)
      --tag, -t TAG         tag name or full reference (repeatable)
      --push                push to the registry
      --mode MODE           auto | dockerfile | buildpack
      --file PATH           Dockerfile path
      --platform P          target platform (repeatable)
      --build-arg K=V       (repeatable)
  strata report IMAGE [--baseline IMAGE]        layer and base-image report for a pushed image
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
      baseline: { type: "string" },
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
      comment: "never"
    };
    const readInput = (name) => raw[name] ?? "";
    if (command === "detect") {
      const decision = await decide({ files: createContextFiles() }, parseInputs(readInput, github));
      out.write(`${decision.mode}	${decision.reason}
`);
      return 0;
    }
    if (command === "build") {
      const outputs = memoryOutputs();
      await runMain({
        readInput,
        env: process.env,
        github,
        exec,
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
          return import("./chunks/tool-cache-SCM5E75B.mjs");
        }
      });
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

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2));
