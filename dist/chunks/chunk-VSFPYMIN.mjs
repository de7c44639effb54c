import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  CACHE_STATE,
  createActionsCacheStore,
  createContextFiles,
  createExec,
  runMain,
  saveAfterBuild
} from "./chunk-VUZPFXZF.mjs";
import {
  addPath,
  debug,
  error,
  getInput,
  getState,
  group,
  info,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  warning
} from "./chunk-WLAJPBRP.mjs";

// src/action.ts
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

// src/github/context.ts
import { readFileSync } from "node:fs";
function contextFromEnv(env, payload) {
  const event = payload ?? {};
  const pr = event.pull_request;
  const repository = env.GITHUB_REPOSITORY ?? event.repository?.full_name ?? "";
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    repository,
    serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com",
    apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
    sha: env.GITHUB_SHA ?? "",
    ref: env.GITHUB_REF ?? "",
    runId: env.GITHUB_RUN_ID ?? "",
    job: env.GITHUB_JOB ?? "",
    workflow: env.GITHUB_WORKFLOW ?? "",
    defaultBranch: event.repository?.default_branch,
    pullRequest: pr ? {
      number: pr.number,
      baseRef: pr.base.ref,
      headRef: pr.head.ref,
      headSha: pr.head.sha,
      fork: (pr.head.repo?.full_name ?? repository) !== (pr.base.repo?.full_name ?? repository)
    } : void 0
  };
}
function readGitHubContext(env = process.env) {
  let payload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    } catch {
      payload = {};
    }
  }
  return contextFromEnv(env, payload);
}

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
var readActionInput = (name) => getInput(name);
var maskSecret = (value) => setSecret(value);
var failStep = (message) => setFailed(message);
var addPath2 = (dir) => addPath(dir);

// src/post-step.ts
async function runPost(deps2) {
  const saved = deps2.state.get(CACHE_STATE);
  if (!saved) {
    deps2.logger.info("No build cache to save.");
    return;
  }
  const state = JSON.parse(saved);
  const succeeded = deps2.state.get("build-succeeded") === "true";
  await saveAfterBuild(state, succeeded, { store: deps2.cacheStore, logger: deps2.logger, exec: deps2.exec });
}

// src/action.ts
function deps() {
  const env = process.env;
  return {
    readInput: readActionInput,
    env,
    github: readGitHubContext(env),
    exec: createExec(),
    logger: actionsLogger,
    outputs: actionsOutputs,
    state: actionsState,
    files: createContextFiles(),
    tempDir: mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), "strata-")),
    now: () => /* @__PURE__ */ new Date(),
    maskSecret,
    cacheStore: createActionsCacheStore({ env }),
    addPath: addPath2,
    toolCache: () => import("./tool-cache-QAQCEI4G.mjs")
  };
}
async function runAction(step) {
  try {
    if (step === "main") await runMain(deps());
    else await runPost(deps());
  } catch (e) {
    if (step === "post") {
      actionsLogger.warning(e instanceof Error ? e.message : String(e));
      return;
    }
    failStep(e instanceof Error ? e.message : String(e));
  }
  process.exit();
}

export {
  runAction
};
