import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  runPost
} from "./chunk-7EVVBMSK.mjs";
import {
  CACHE_SERVICE_DOWN_STATE,
  CANCELLED_STATE
} from "./chunk-EXODKZOY.mjs";
import {
  createContextFiles
} from "./chunk-FMOHS5A2.mjs";
import {
  createDockerEngine
} from "./chunk-HOKSLSWK.mjs";
import "./chunk-OYJANBGF.mjs";
import {
  createExec,
  signalRunning
} from "./chunk-34RDB7V7.mjs";
import "./chunk-55EGGPV3.mjs";
import "./chunk-FMNSBQPK.mjs";
import "./chunk-W76PVC6K.mjs";
import {
  readGitHubContext
} from "./chunk-KV4N4XID.mjs";
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
} from "./chunk-A4WVS42J.mjs";
import "./chunk-IKMFQSA6.mjs";
import {
  mkdtempSync
} from "./chunk-AFJQPEMD.mjs";
import {
  createActionsCacheStore,
  createCacheBreaker
} from "./chunk-KZH7OWNJ.mjs";
import "./chunk-LN2W4AOD.mjs";
import {
  homedir,
  tmpdir
} from "./chunk-QYXCPXHB.mjs";
import {
  join
} from "./chunk-I2GFJFAX.mjs";
import "./chunk-HB5L67CJ.mjs";

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

// src/io/cancellation.ts
function watchCancellation(options) {
  const exit = options.exit ?? ((code) => process.exit(code));
  let cancelled;
  let hardStop;
  const handler = (signal) => {
    if (!cancelled) {
      cancelled = signal;
      options.onCancel(signal);
    }
    const stillRunning = options.forward(signal);
    if (stillRunning === 0) return exit(1);
    if (signal === "SIGTERM" && !hardStop) {
      hardStop = setTimeout(() => {
        options.forward("SIGKILL");
        exit(1);
      }, options.graceMs ?? 5e3);
    }
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    cancelled: () => cancelled,
    stop() {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
      if (hardStop) clearTimeout(hardStop);
    }
  };
}

// src/action-runtime.ts
function cacheStore(env) {
  const breaker = createCacheBreaker(actionsState.get(CACHE_SERVICE_DOWN_STATE), (reason) => {
    actionsState.set(CACHE_SERVICE_DOWN_STATE, reason);
    actionsLogger.info(`The Actions cache service is not asked again in this job's steps: ${reason}`);
  });
  return createActionsCacheStore({ env, breaker });
}
function postDeps() {
  return {
    state: actionsState,
    logger: actionsLogger,
    exec: createExec(),
    cacheStore: cacheStore(process.env)
  };
}
function mainDeps(buildxProbes) {
  const env = process.env;
  const exec = createExec();
  let client;
  const registryClient = (inputs) => client ??= createRunRegistryClientFor(env, exec, inputs);
  const registryDigest = async (inputs, reference) => (await (await registryClient(inputs)).headDigest(reference)).digest;
  return {
    env,
    ...buildxProbes ? { buildxProbes } : {},
    github: readGitHubContext(env),
    exec,
    engine: createDockerEngine({ env, exec }),
    logger: actionsLogger,
    outputs: actionsOutputs,
    state: actionsState,
    files: createContextFiles(),
    tempDir: mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), "strata-")),
    now: () => /* @__PURE__ */ new Date(),
    maskSecret,
    cacheStore: cacheStore(env),
    addPath: addPath2,
    toolCache: () => import("./tool-cache-LWC7DJBY.mjs"),
    rebaseRegistry: async (inputs) => (await import("./for-run-RA7ZSSFO.mjs")).createRunRegistry(runRegistryOptions(env, exec, inputs)),
    registryDigest,
    // Not found is an answer (a first build); anything else is the registry failing to say.
    imageExists: async (inputs, reference) => (await registryClient(inputs)).exists(reference),
    report: {
      registry: registryClient,
      octokit: async (token) => (await import("./octokit-MCJ5AA57.mjs")).createOctokit(token, { baseUrl: env.GITHUB_API_URL, logger: actionsLogger }),
      warmUp: () => void import("./octokit-MCJ5AA57.mjs").catch(() => void 0),
      summary: writeJobSummary,
      reportDir: env.RUNNER_TEMP || tmpdir(),
      home: env.HOME || homedir()
    }
  };
}
function runRegistryOptions(env, exec, inputs) {
  return { env, exec, logger: actionsLogger, image: inputs.image, username: inputs.registryUsername, password: inputs.registryPassword };
}
async function createRunRegistryClientFor(env, exec, inputs) {
  return (await import("./for-run-RA7ZSSFO.mjs")).createRunRegistryClient(runRegistryOptions(env, exec, inputs));
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
  const cancellation = step === "main" ? watchCancellation({
    forward: signalRunning,
    onCancel: (signal) => {
      actionsState.set(CANCELLED_STATE, signal);
      failStep(`Strata was cancelled (${signal}): the build was stopped and no cache will be saved.`);
    }
  }) : void 0;
  try {
    if (run.step === "main") await (await import("./run-U6ULBFCW.mjs")).runMain(mainDeps(run.buildxProbes), run.inputs);
    else await runPost(postDeps());
  } catch (e) {
    if (cancellation?.cancelled()) {
      cancellation.stop();
      signalRunning("SIGKILL");
      process.exit(1);
    }
    const message = e instanceof Error ? e.message : String(e);
    if (step === "post") actionsLogger.warning(message);
    else {
      failStep(message);
      await writeJobSummary(failureSummary(message)).catch(() => void 0);
    }
  }
  cancellation?.stop();
  signalRunning("SIGKILL");
  if (cancellation?.cancelled()) process.exit(1);
  process.exit();
}
export {
  failureSummary,
  runStep
};
