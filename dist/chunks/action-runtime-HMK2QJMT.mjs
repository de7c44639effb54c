import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  readGitHubContext
} from "./chunk-5KOIYFIB.mjs";
import {
  CACHE_POST_NOTE_STATE,
  CACHE_STATE,
  createActionsCacheStore,
  createContextFiles,
  createExec,
  runMain,
  saveAfterBuild
} from "./chunk-IMXL6VDB.mjs";
import "./chunk-AIVRF5SS.mjs";
import "./chunk-YIEFQHNB.mjs";
import "./chunk-7OEBII6E.mjs";
import {
  addPath,
  debug,
  error,
  getState,
  group,
  info,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-XGW6BPUV.mjs";
import "./chunk-HB5L67CJ.mjs";

// src/action-runtime.ts
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { homedir, tmpdir } from "node:os";

// src/io/actions.ts
var actionsLogger = {
  info: (m) => info(m),
  warning: (m, p) => warning(m, p),
  error: (m, p) => error(m, p),
  debug: (m) => debug(m),
  group: (name, fn) => group(name, fn)
};
var actionsOutputs = {
  set: (name, value) => setOutput(name, value)
};
var actionsState = {
  get: (name) => getState(name),
  set: (name, value) => saveState(name, value)
};
async function writeJobSummary(markdown) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await summary.addRaw(markdown, true).write();
}
var maskSecret = (value) => setSecret(value);
var failStep = (message) => setFailed(message);
var addPath2 = (dir) => addPath(dir);

// src/post-step.ts
async function runPost(deps) {
  const saved = deps.state.get(CACHE_STATE);
  if (!saved) {
    deps.logger.info(deps.state.get(CACHE_POST_NOTE_STATE) || "No build cache to save.");
    return;
  }
  const state = JSON.parse(saved);
  const succeeded = deps.state.get("build-succeeded") === "true";
  await saveAfterBuild(state, succeeded, { store: deps.cacheStore, logger: deps.logger, exec: deps.exec });
}

// src/action-runtime.ts
function postDeps() {
  return {
    state: actionsState,
    logger: actionsLogger,
    exec: createExec(),
    cacheStore: createActionsCacheStore({ env: process.env })
  };
}
function mainDeps() {
  const env = process.env;
  const exec = createExec();
  let client;
  const registryClient = (inputs) => client ??= createRunRegistryClientFor(env, exec, inputs);
  return {
    env,
    github: readGitHubContext(env),
    exec,
    logger: actionsLogger,
    outputs: actionsOutputs,
    state: actionsState,
    files: createContextFiles(),
    tempDir: mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), "strata-")),
    now: () => /* @__PURE__ */ new Date(),
    maskSecret,
    cacheStore: createActionsCacheStore({ env }),
    addPath: addPath2,
    toolCache: () => import("./tool-cache-EBKLPLXE.mjs"),
    rebaseRegistry: async (inputs) => (await import("./for-run-W24OUIS7.mjs")).createRunRegistry({
      env,
      exec,
      logger: actionsLogger,
      image: inputs.image,
      username: inputs.registryUsername,
      password: inputs.registryPassword
    }),
    imageExists: async (inputs, reference) => {
      try {
        await (await registryClient(inputs)).headDigest(reference);
        return true;
      } catch {
        return false;
      }
    },
    report: {
      registry: registryClient,
      octokit: async (token) => (await import("./octokit-WJHC4AGS.mjs")).createOctokit(token, { baseUrl: env.GITHUB_API_URL, logger: actionsLogger }),
      summary: writeJobSummary,
      reportDir: env.RUNNER_TEMP || tmpdir(),
      home: env.HOME || homedir()
    }
  };
}
async function createRunRegistryClientFor(env, exec, inputs) {
  return (await import("./for-run-W24OUIS7.mjs")).createRunRegistryClient({
    env,
    exec,
    logger: actionsLogger,
    image: inputs.image,
    username: inputs.registryUsername,
    password: inputs.registryPassword
  });
}
function failureSummary(message) {
  const fence = "`".repeat(Math.max(3, ...[...message.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `### Strata: the step failed

${fence}text
${message}
${fence}
`;
}
async function runStep(run) {
  const { step } = run;
  try {
    if (run.step === "main") await runMain(mainDeps(), run.inputs);
    else await runPost(postDeps());
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (step === "post") actionsLogger.warning(message);
    else {
      failStep(message);
      await writeJobSummary(failureSummary(message)).catch(() => void 0);
    }
  }
  process.exit();
}
export {
  failureSummary,
  runStep
};
