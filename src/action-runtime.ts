// Wires the real Actions adapters into the pipeline. Errors end the step with their message,
// never a stack trace: the message is what the user acts on.
import type { BuildxProbes } from './build/buildx-probes.js';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { homedir, tmpdir } from 'node:os';
import { readGitHubContext } from './context.js';
import { actionsLogger, actionsOutputs, actionsState, addPath, failStep, maskSecret, writeJobSummary } from './io/actions.js';
import { createContextFiles } from './io/context-files.js';
import { createDockerEngine } from './io/docker-engine.js';
import { createExec, signalRunning } from './io/exec.js';
import type { Inputs } from './inputs.js';
import type { RunDeps } from './run.js';
import { CACHE_SERVICE_DOWN_STATE, CANCELLED_STATE } from './state-keys.js';
import { runPost } from './post-step.js';
import { createActionsCacheStore } from './cache/actions-cache.js';
import { createCacheBreaker } from './cache/bounds.js';
import { watchCancellation } from './io/cancellation.js';

/**
 * One breaker per step over the cache service, carried to the post step through the state: a
 * service that hung in the main step is not asked again to save.
 */
function cacheStore(env: NodeJS.ProcessEnv) {
  const breaker = createCacheBreaker(actionsState.get(CACHE_SERVICE_DOWN_STATE), (reason) => {
    actionsState.set(CACHE_SERVICE_DOWN_STATE, reason);
    actionsLogger.info(`The Actions cache service is not asked again in this job's steps: ${reason}`);
  });
  return createActionsCacheStore({ env, breaker });
}

function postDeps(): Parameters<typeof runPost>[0] {
  return {
    state: actionsState,
    logger: actionsLogger,
    exec: createExec(),
    cacheStore: cacheStore(process.env),
  };
}

function mainDeps(buildxProbes: BuildxProbes | undefined): RunDeps {
  const env = process.env;
  const exec = createExec();
  // One client per step: the previous-image lookup and the report share its credentials and tokens.
  let client: ReturnType<typeof createRunRegistryClientFor> | undefined;
  const registryClient = (inputs: Inputs) => (client ??= createRunRegistryClientFor(env, exec, inputs));
  // One HEAD through the run's client: the base digests before the build, the previous image for pack.
  const registryDigest = async (inputs: Inputs, reference: string) => (await (await registryClient(inputs)).headDigest(reference)).digest;
  return {
    env,
    ...(buildxProbes ? { buildxProbes } : {}),
    github: readGitHubContext(env),
    exec,
    engine: createDockerEngine({ env, exec }),
    logger: actionsLogger,
    outputs: actionsOutputs,
    state: actionsState,
    files: createContextFiles(),
    tempDir: mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'strata-')),
    now: () => new Date(),
    maskSecret,
    cacheStore: cacheStore(env),
    addPath,
    toolCache: () => import('@actions/tool-cache'),
    rebaseRegistry: async (inputs) => (await import('./registry/for-run.js')).createRunRegistry(runRegistryOptions(env, exec, inputs)),
    registryDigest,
    // Not found is an answer (a first build); anything else is the registry failing to say.
    imageExists: async (inputs, reference) => (await registryClient(inputs)).exists(reference),
    report: {
      registry: registryClient,
      octokit: async (token) => (await import('./github/octokit.js')).createOctokit(token, { baseUrl: env.GITHUB_API_URL, logger: actionsLogger }),
      warmUp: () => void import('./github/octokit.js').catch(() => undefined),
      summary: writeJobSummary,
      reportDir: env.RUNNER_TEMP || tmpdir(),
      home: env.HOME || homedir(),
    },
  };
}

/** The image's registry as this step reaches it: the inputs' credentials, else the docker config's. */
function runRegistryOptions(env: NodeJS.ProcessEnv, exec: ReturnType<typeof createExec>, inputs: Inputs) {
  return { env, exec, logger: actionsLogger, image: inputs.image, username: inputs.registryUsername, password: inputs.registryPassword };
}

async function createRunRegistryClientFor(env: NodeJS.ProcessEnv, exec: ReturnType<typeof createExec>, inputs: Inputs) {
  return (await import('./registry/for-run.js')).createRunRegistryClient(runRegistryOptions(env, exec, inputs));
}

/** The job summary of a failed step: the error as the log shows it, in a block nothing can escape. */
export function failureSummary(message: string): string {
  const fence = '`'.repeat(Math.max(3, ...[...message.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `### Strata: the step failed\n\n${fence}text\n${message}\n${fence}\n`;
}

export async function runStep(run: { step: 'main'; inputs: Inputs; buildxProbes?: BuildxProbes } | { step: 'post' }): Promise<void> {
  const { step } = run;
  // The runner cancels a step with SIGINT, then SIGTERM: both go on to the build's process group.
  const cancellation =
    step === 'main'
      ? watchCancellation({
          forward: signalRunning,
          onCancel: (signal) => {
            actionsState.set(CANCELLED_STATE, signal);
            failStep(`Strata was cancelled (${signal}): the build was stopped and no cache will be saved.`);
          },
        })
      : undefined;
  try {
    // The pipeline loads for the main step only: the post step usually has nothing to save.
    if (run.step === 'main') await (await import('./run.js')).runMain(mainDeps(run.buildxProbes), run.inputs);
    else await runPost(postDeps());
  } catch (e) {
    if (cancellation?.cancelled()) {
      cancellation.stop();
      signalRunning('SIGKILL');
      process.exit(1);
    }
    const message = e instanceof Error ? e.message : String(e);
    // The post step only saves caches: it warns, like actions/cache's save, and never fails the job.
    if (step === 'post') actionsLogger.warning(message);
    else {
      failStep(message);
      await writeJobSummary(failureSummary(message)).catch(() => undefined);
    }
  }
  cancellation?.stop();
  // Nothing Strata started outlives the step (a command given up keeps its own process group).
  signalRunning('SIGKILL');
  // @actions/cache can't abort a hung request; a socket left open must not keep the step alive.
  // (process.exit(undefined) exits 0 on Node 24, whatever process.exitCode says.)
  if (cancellation?.cancelled()) process.exit(1);
  process.exit();
}
