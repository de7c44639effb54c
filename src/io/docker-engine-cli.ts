// Adapter: the engine reads through the docker CLI, for endpoints Strata does not speak to itself
// (docker-engine.ts says which). Each read is a `docker` process, bounded by io/command-bounds.ts.
import type { DockerEngine, Exec, ExecResult } from '../adapters.js';
import { driverStatusOf, parseEngineHistory, parseEngineInspect } from '../image/engine.js';

function failure(args: readonly string[], r: ExecResult): Error {
  return new Error(`\`docker ${args.join(' ')}\` failed (exit ${r.exitCode}): ${(r.stderr || r.stdout).trim()}`);
}

const NO_SUCH_IMAGE = /No such image/i;

export function createCliEngine(exec: Exec, address: string): DockerEngine {
  return {
    address,
    async image(reference) {
      const args = ['image', 'inspect', '--format', '{{json .}}', reference];
      const r = await exec.run('docker', args);
      if (r.exitCode === 0) return parseEngineInspect(r.stdout, reference);
      if (NO_SUCH_IMAGE.test(r.stderr)) return undefined;
      throw failure(args, r);
    },
    async history(reference) {
      const args = ['history', '--no-trunc', '--human=false', '--format', '{{json .}}', reference];
      const r = await exec.run('docker', args);
      if (r.exitCode === 0) return parseEngineHistory(r.stdout, reference);
      if (NO_SUCH_IMAGE.test(r.stderr)) return undefined;
      throw failure(args, r);
    },
    async driverStatus() {
      const args = ['info', '--format', '{{json .DriverStatus}}'];
      const r = await exec.run('docker', args);
      if (r.exitCode !== 0) throw new Error((r.stderr || r.stdout).trim() || `\`docker ${args.join(' ')}\` failed (exit ${r.exitCode})`);
      try {
        return driverStatusOf(JSON.parse(r.stdout));
      } catch {
        throw new Error(`\`docker ${args.join(' ')}\` printed something other than JSON: ${JSON.stringify(r.stdout.slice(0, 120))}`);
      }
    },
  };
}
