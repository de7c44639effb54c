// The post step: runs after the job's other steps and saves the build cache, only when the build
// succeeded, was not cancelled, and only when it changed. It never fails the job (save only warns).
import { saveAfterBuild, type CacheState } from './cache/build-cache.js';
import type { RunDeps } from './run.js';
import { CACHE_POST_NOTE_STATE, CACHE_STATE, CANCELLED_STATE } from './state-keys.js';

export async function runPost(deps: Pick<RunDeps, 'state' | 'logger' | 'exec' | 'cacheStore'>): Promise<void> {
  if (deps.state.get(CANCELLED_STATE)) {
    deps.logger.info(`The build was cancelled (${deps.state.get(CANCELLED_STATE)}): no build cache is saved.`);
    return;
  }
  const saved = deps.state.get(CACHE_STATE);
  if (!saved) {
    deps.logger.info(deps.state.get(CACHE_POST_NOTE_STATE) || 'No build cache to save.');
    return;
  }
  const state = JSON.parse(saved) as CacheState;
  const succeeded = deps.state.get('build-succeeded') === 'true';
  await saveAfterBuild(state, succeeded, { store: deps.cacheStore, logger: deps.logger, exec: deps.exec });
}
