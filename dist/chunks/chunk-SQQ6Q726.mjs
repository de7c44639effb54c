import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// src/build/buildx-probes.ts
function startBuildxProbes(exec, builder, plugin, engine) {
  const abort = new AbortController();
  const driverStatus = engine?.driverStatus();
  driverStatus?.catch(() => void 0);
  const run = (args) => {
    const p = plugin ? exec.run(plugin, args.slice(1), { signal: abort.signal }) : exec.run("docker", args, { signal: abort.signal });
    p.catch(() => void 0);
    return p;
  };
  return {
    builder,
    abort,
    version: run(["buildx", "version"]),
    inspect: run(["buildx", "inspect", ...builder ? [builder] : []]),
    ...driverStatus ? { driverStatus } : {}
  };
}

export {
  startBuildxProbes
};
