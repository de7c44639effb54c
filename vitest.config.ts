import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // e2e tests drive one real Docker engine and registry; running their files in parallel on a
    // 2-core runner only makes each build slower and timeouts flakier.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
