import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // The e2e tests share one real Docker engine, and some prune its build cache to prove a cache
    // came from the Actions cache: files run one at a time so no test sees another's prune.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
