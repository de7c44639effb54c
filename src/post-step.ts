// The post step: runs after the job's other steps, saves the build cache when the build succeeded.
import type { RunDeps } from './run.js';

export async function runPost(deps: Pick<RunDeps, 'state' | 'logger'>): Promise<void> {
  if (deps.state.get('build-succeeded') !== 'true') {
    deps.logger.info('The build did not succeed: nothing to save.');
    return;
  }
  deps.logger.info('No build cache to save.');
}
