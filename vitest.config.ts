import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/** The render test checks the reports the e2e tests wrote (.tmp/reports/): it runs after them. */
class RenderLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isRender = (f: TestSpecification) => f.moduleId.includes('/__tests__/render/');
    return [...sorted.filter((f) => !isRender(f)), ...sorted.filter(isRender)];
  }
}

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // The e2e tests share one real Docker engine, and some prune its build cache to prove a cache
    // came from the Actions cache: files run one at a time so no test sees another's prune.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    sequence: { sequencer: RenderLast },
  },
});
