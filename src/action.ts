// The action's entry. Inputs are validated before anything heavy loads (@actions/core pulls in an
// HTTP stack, @actions/cache the Azure SDK): a bad input fails the step in milliseconds, and the
// pipeline's modules load only once there is work to do.
import { readGitHubContext } from './github/context.js';
import { InputError, parseInputs, type Inputs } from './inputs.js';

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

export async function runAction(step: 'main' | 'post'): Promise<void> {
  if (step === 'post') {
    const { runStep } = await import('./action-runtime.js');
    return runStep({ step: 'post' });
  }
  let inputs: Inputs;
  try {
    inputs = parseInputs(readEnvInput, readGitHubContext());
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    failFast(e.message);
    return;
  }
  const { runStep } = await import('./action-runtime.js');
  await runStep({ step: 'main', inputs });
}
