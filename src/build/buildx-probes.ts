// The two buildx probes (`docker buildx version`, `docker buildx inspect`), each a docker process
// of ~0.2 s that the build waits for. The action starts them as soon as its inputs are known good,
// so they run while the pipeline's modules load (action.ts); builderFacts (buildx.ts) takes the
// answers then, or starts them itself.
import type { DockerEngine, Exec, ExecResult } from '../adapters.js';

export interface BuildxProbes {
  /** The builder asked about (the buildx-builder input; undefined: the current one). */
  readonly builder: string | undefined;
  readonly version: Promise<ExecResult>;
  readonly inspect: Promise<ExecResult>;
  /** The engine's storage driver (GET /info, ~50 ms on a busy engine), when an engine was given. */
  readonly driverStatus?: Promise<Array<[string, string]>>;
  /** Stops both (an engine that cannot be reached makes their answers moot). */
  readonly abort: AbortController;
}

/**
 * Starts both. `plugin`: the buildx plugin's binary (io/buildx-plugin.ts), run as itself, which
 * costs half of going through the docker CLI; without it, `docker buildx ...`.
 */
export function startBuildxProbes(exec: Exec, builder?: string, plugin?: string, engine?: DockerEngine): BuildxProbes {
  const abort = new AbortController();
  const driverStatus = engine?.driverStatus();
  driverStatus?.catch(() => undefined);
  const run = (args: string[]) => {
    const p = plugin ? exec.run(plugin, args.slice(1), { signal: abort.signal }) : exec.run('docker', args, { signal: abort.signal });
    // Awaited later (or never, when the build takes another path): no unhandled rejection meanwhile.
    p.catch(() => undefined);
    return p;
  };
  return {
    builder,
    abort,
    version: run(['buildx', 'version']),
    inspect: run(['buildx', 'inspect', ...(builder ? [builder] : [])]),
    ...(driverStatus ? { driverStatus } : {}),
  };
}
