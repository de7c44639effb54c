// The action's entry. Inputs are validated before anything heavy loads (@actions/core pulls in an
// HTTP stack, @actions/cache the Azure SDK): a bad input fails the step in milliseconds, and the
// pipeline's modules load only once there is work to do.
import { realpathSync } from 'node:fs';
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

export async function runAction(step: 'main' | 'post'): Promise<void> {
  if (step === 'post') {
    const { runStep } = await import('./action-runtime.js');
    return runStep({ step: 'post' });
  }
  let inputs: Inputs;
  try {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    inputs = parseInputs(readEnvInput, readGitHubContext(), { workspace });
    refuseLinksOutOf(workspace, inputs);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    failFast(e.message);
    return;
  }
  const { runStep } = await import('./action-runtime.js');
  await runStep({ step: 'main', inputs });
}
