// What the post step says when it has nothing to save: asked by action.ts before anything loads.
import { describe, expect, it } from 'vitest';
import { nothingToSave } from '../../src/post-step.js';
import { CACHE_POST_NOTE_STATE, CACHE_STATE, CANCELLED_STATE } from '../../src/state-keys.js';

const state = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? '' });

describe('nothingToSave', () => {
  it.each<[string, Record<string, string>, string | undefined]>([
    ['cancelled, even with a cache recorded', { [CANCELLED_STATE]: 'SIGTERM', [CACHE_STATE]: '{}' }, 'The build was cancelled (SIGTERM): no build cache is saved.'],
    ["no cache recorded: the main step's note", { [CACHE_POST_NOTE_STATE]: "BuildKit's gha cache was written during the build: nothing to save here." }, "BuildKit's gha cache was written during the build: nothing to save here."],
    ['no cache, no note', {}, 'No build cache to save.'],
    ['a cache to save: the full post step runs', { [CACHE_STATE]: '{"key":"k"}' }, undefined],
  ])('%s', (_name, values, said) => {
    expect(nothingToSave(state(values))).toBe(said);
  });
});
