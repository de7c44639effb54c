import { defineConfig } from 'vitest/config';

const shared = { testTimeout: 30_000, hookTimeout: 120_000 };

// Three projects, run one group after another (sequence.groupOrder; it starts at 1 because vitest
// puts a group-0 project that ends up with one worker, as on a 2-core machine, after all others):
// 1. unit: tables, golden files and small adapters on temp dirs; files run in parallel.
// 2. e2e: the bundled action and CLI against the real engine, registry and cache service. They
//    share one Docker engine, and some prune its build cache to prove a cache came from the
//    Actions cache: files run one at a time so no test sees another's prune. globalSetup bundles
//    src/ afresh into a temp dir (STRATA_DIST) so they never test a stale committed dist/.
// 3. render: checks, as GitHub shows them, the reports the e2e tests wrote to .tmp/reports/, so it
//    runs last.
export default defineConfig({
  test: {
    projects: [
      {
        test: { ...shared, name: 'unit', include: ['__tests__/unit/**/*.test.ts'], sequence: { groupOrder: 1 } },
      },
      {
        test: {
          ...shared,
          name: 'e2e',
          include: ['__tests__/e2e/**/*.test.ts'],
          fileParallelism: false,
          globalSetup: ['__tests__/support/fresh-dist.ts'],
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: { ...shared, name: 'render', include: ['__tests__/render/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 3 } },
      },
    ],
  },
});
