// The buildx plugin found as the docker CLI finds it answers the probes as `docker buildx` does,
// on this machine's real docker CLI and plugin.
import { expect, it } from 'vitest';
import { startBuildxProbes } from '../../src/build/buildx-probes.js';
import { findBuildxPlugin } from '../../src/io/buildx-plugin.js';
import { createExec } from '../../src/io/exec.js';

it('finds the plugin docker runs, whose version and inspect answers are docker buildx ones', async () => {
  const exec = createExec({ out: () => undefined, err: () => undefined });
  const path = findBuildxPlugin(process.env);
  expect(path).toMatch(/\/docker-buildx$/);
  const direct = startBuildxProbes(exec, undefined, path);
  const viaDocker = startBuildxProbes(exec, undefined);
  const [dv, di, cv, ci] = await Promise.all([direct.version, direct.inspect, viaDocker.version, viaDocker.inspect]);
  expect(dv.exitCode).toBe(0);
  expect(dv.stdout).toBe(cv.stdout);
  // "Last Activity" may tick between the two reads.
  const stable = (s: string) => s.replace(/^Last Activity:.*$/m, '');
  expect(di.exitCode).toBe(0);
  expect(stable(di.stdout)).toBe(stable(ci.stdout));
});
