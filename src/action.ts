// The action's entry. Inputs are validated before anything heavy loads (@actions/core pulls in an
// HTTP stack, @actions/cache the Azure SDK): a bad input fails the step in milliseconds, and the
// pipeline's modules load only once there is work to do.
import { existsSync, realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { readGitHubContext } from './context.js';
import { InputError, leavesRoot, parseInputs, type Inputs } from './inputs.js';

/**
 * The runner's contract for inputs, as core.getInput reads it (INPUT_<NAME>, spaces as underscores,
 * trimmed): read here, once, so @actions/core need not load before the inputs are known good.
 */
function readEnvInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** `::error::` as the runner parses it (%, CR and LF escaped), without loading @actions/core. */
function failFast(message: string): void {
  const escaped = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  process.stdout.write(`::error::${escaped}\n`);
  process.exitCode = 1;
}

/**
 * parseInputs keeps paths lexically inside the workspace; a symlink committed to the repository
 * (Dockerfile -> /etc/shadow) can still lead out, so the resolved paths are checked too.
 */
function refuseLinksOutOf(workspace: string, inputs: Inputs): void {
  const real = (p: string): string | undefined => {
    try {
      return realpathSync(p);
    } catch {
      return undefined; // missing: reported later, by the stage that needs it
    }
  };
  const root = real(workspace) ?? resolve(workspace);
  for (const [name, value] of [['context', inputs.context], ['file', inputs.file], ['descriptor', inputs.descriptor]] as const) {
    if (value === undefined) continue;
    const target = real(resolve(workspace, value));
    if (target === undefined) continue;
    const rel = relative(root, target);
    if (leavesRoot(rel)) {
      throw new InputError(name, value, 'it leads outside the workspace through a symbolic link; use a path whose target is inside the repository.');
    }
  }
}

/**
 * Whether this run will ask buildx about its builder: Dockerfile mode, by the input or by a
 * Dockerfile/Containerfile where detection looks first. A guess only decides whether the probes
 * start early; a wrong one costs their time once (they are asked again, or not at all).
 */
async function buildsWithBuildx(workspace: string, inputs: Inputs): Promise<boolean> {
  if (inputs.rebase || inputs.mode === 'buildpack') return false;
  if (inputs.mode === 'dockerfile') return true;
  if (inputs.file) return existsSync(resolve(workspace, inputs.file));
  // Detection's own names; its module loads with the pipeline anyway.
  const { DOCKERFILE_NAMES } = await import('./detect/mode.js');
  return DOCKERFILE_NAMES.some((name) => existsSync(resolve(workspace, inputs.context, name)));
}

export async function runAction(step: 'main' | 'post'): Promise<void> {
  if (step === 'post') {
    // The runner hands saved state over as STATE_<name> (what core.getState reads).
    const { nothingToSave } = await import('./post-step.js');
    const nothing = nothingToSave({ get: (name) => process.env[`STATE_${name}`] ?? '' });
    if (nothing !== undefined) {
      process.stdout.write(`${nothing}\n`);
      return;
    }
    const { runStep } = await import('./action-runtime.js');
    return runStep({ step: 'post' });
  }
  let inputs: Inputs;
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  try {
    inputs = parseInputs(readEnvInput, readGitHubContext(), { workspace });
    refuseLinksOutOf(workspace, inputs);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    failFast(e.message);
    return;
  }
  // The buildx probes (~0.2 s each, the build waits for them) run while the pipeline loads.
  let buildxProbes;
  if (await buildsWithBuildx(workspace, inputs)) {
    const [{ startBuildxProbes }, { createExec }, { findBuildxPlugin }, { createDockerEngine }] = await Promise.all([
      import('./build/buildx-probes.js'),
      import('./io/exec.js'),
      import('./io/buildx-plugin.js'),
      import('./io/docker-engine.js'),
    ]);
    const exec = createExec();
    buildxProbes = startBuildxProbes(exec, inputs.buildxBuilder, findBuildxPlugin(process.env), createDockerEngine({ env: process.env, exec }));
  }
  const { runStep } = await import('./action-runtime.js');
  await runStep({ step: 'main', inputs, ...(buildxProbes ? { buildxProbes } : {}) });
}
