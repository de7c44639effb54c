// The post step: runs after the job's other steps and saves the build cache, only when the build
// succeeded, was not cancelled, and only when it changed. It never fails the job (save only warns).
import type { CacheState } from './cache/build-cache.js';
import type { RunDeps } from './run.js';
import { CACHE_POST_NOTE_STATE, CACHE_STATE, CANCELLED_STATE } from './state-keys.js';

/**
 * Pure: why the post step has nothing to do (the line it logs), or undefined when it has a cache
 * to save. The action asks this before loading anything else (action.ts): the usual post step,
 * after a build whose cache BuildKit kept itself, costs only Node's start.
 */
export function nothingToSave(state: { get(name: string): string }): string | undefined {
  if (state.get(CANCELLED_STATE)) return `The build was cancelled (${state.get(CANCELLED_STATE)}): no build cache is saved.`;
  if (!state.get(CACHE_STATE)) return state.get(CACHE_POST_NOTE_STATE) || 'No build cache to save.';
  return undefined;
}

export async function runPost(deps: Pick<RunDeps, 'state' | 'logger' | 'exec' | 'cacheStore'>): Promise<void> {
  const nothing = nothingToSave(deps.state);
  if (nothing !== undefined) {
    deps.logger.info(nothing);
    return;
  }
  const { saveAfterBuild } = await import('./cache/build-cache.js');
  const state = JSON.parse(deps.state.get(CACHE_STATE)) as CacheState;
  const succeeded = deps.state.get('build-succeeded') === 'true';
  await saveAfterBuild(state, succeeded, { store: deps.cacheStore, logger: deps.logger, exec: deps.exec });
}
