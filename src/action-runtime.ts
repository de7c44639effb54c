// Wires the real Actions adapters into the pipeline. Errors end the step with their message,
// never a stack trace: the message is what the user acts on.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { homedir, tmpdir } from 'node:os';
import { readGitHubContext } from './github/context.js';
import { actionsLogger, actionsOutputs, actionsState, addPath, failStep, maskSecret, writeJobSummary } from './io/actions.js';
import { createContextFiles } from './io/context-files.js';
import { createExec } from './io/exec.js';
import type { Inputs } from './inputs.js';
import { runMain, type RunDeps } from './run.js';
import { runPost } from './post-step.js';
import { createActionsCacheStore } from './cache/actions-cache.js';

function postDeps(): Parameters<typeof runPost>[0] {
  return {
    state: actionsState,
    logger: actionsLogger,
    exec: createExec(),
    cacheStore: createActionsCacheStore({ env: process.env }),
  };
}

function mainDeps(): RunDeps {
  const env = process.env;
  const exec = createExec();
  // One client per step: the previous-image lookup and the report share its credentials and tokens.
  let client: ReturnType<typeof createRunRegistryClientFor> | undefined;
  const registryClient = (inputs: Inputs) => (client ??= createRunRegistryClientFor(env, exec, inputs));
  return {
    env,
    github: readGitHubContext(env),
    exec,
    logger: actionsLogger,
    outputs: actionsOutputs,
    state: actionsState,
    files: createContextFiles(),
    tempDir: mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'strata-')),
    now: () => new Date(),
    maskSecret,
    cacheStore: createActionsCacheStore({ env }),
    addPath,
    toolCache: () => import('@actions/tool-cache'),
    rebaseRegistry: async (inputs) =>
      (await import('./registry/for-run.js')).createRunRegistry({
        env,
        exec,
        logger: actionsLogger,
        image: inputs.image,
        username: inputs.registryUsername,
        password: inputs.registryPassword,
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
      octokit: async (token) => (await import('./github/octokit.js')).createOctokit(token, { baseUrl: env.GITHUB_API_URL, logger: actionsLogger }),
      summary: writeJobSummary,
      reportDir: env.RUNNER_TEMP || tmpdir(),
      home: env.HOME || homedir(),
    },
  };
}

async function createRunRegistryClientFor(env: NodeJS.ProcessEnv, exec: ReturnType<typeof createExec>, inputs: Inputs) {
  return (await import('./registry/for-run.js')).createRunRegistryClient({
    env,
    exec,
    logger: actionsLogger,
    image: inputs.image,
    username: inputs.registryUsername,
    password: inputs.registryPassword,
  });
}

/** The job summary of a failed step: the error as the log shows it, in a block nothing can escape. */
export function failureSummary(message: string): string {
  const fence = '`'.repeat(Math.max(3, ...[...message.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `### Strata: the step failed\n\n${fence}text\n${message}\n${fence}\n`;
}

export async function runStep(run: { step: 'main'; inputs: Inputs } | { step: 'post' }): Promise<void> {
  const { step } = run;
  try {
    if (run.step === 'main') await runMain(mainDeps(), run.inputs);
    else await runPost(postDeps());
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // The post step only saves caches: it warns, like actions/cache's save, and never fails the job.
    if (step === 'post') actionsLogger.warning(message);
    else {
      failStep(message);
      await writeJobSummary(failureSummary(message)).catch(() => undefined);
    }
  }
  // @actions/cache can't abort a hung request; a socket left open must not keep the step alive.
  process.exit();
}
