// How long a command may run before it is stopped: pure policy, applied by the exec adapter to
// every command it runs unless the caller gives its own. A probe of the local engine answers in
// milliseconds, so seconds are plenty even on a busy shared engine; a registry round trip gets
// more; a build has no fixed limit (it is watched for progress instead, see build/progress.ts).

export const ENGINE_PROBE_MS = 20_000;
export const REGISTRY_LOOKUP_MS = 90_000;
/**
 * Engine API requests (io/docker-engine.ts), by what they carry: the version check (GET /_ping)
 * carries nothing, so an engine silent for seconds is hung; /info gathers the daemon's state and
 * an image's inspect or history reads its image store, which a busy shared engine may hold longer.
 */
export const ENGINE_API_MS = { ping: 5_000, read: 10_000 } as const;

/** Milliseconds `command args` may run, or undefined for no limit. */
export function commandTimeoutMs(command: string, args: readonly string[]): number | undefined {
  const name = command.split('/').at(-1)!;
  if (name.startsWith('docker-credential-')) return ENGINE_PROBE_MS;
  if (name === 'pack') return args[0] === 'build' ? undefined : ENGINE_PROBE_MS;
  // The buildx plugin run as itself (io/buildx-plugin.ts) is bounded as `docker buildx ...`.
  if (name === 'docker-buildx') return commandTimeoutMs('docker', ['buildx', ...args]);
  if (name !== 'docker') return undefined;
  const words = args.filter((a) => !a.startsWith('-'));
  const [first, second] = words;
  if (first === 'build' || (first === 'buildx' && second === 'build') || first === 'push') return undefined;
  if (first === 'buildx' && second === 'imagetools') return REGISTRY_LOOKUP_MS;
  if (first === 'pull') return undefined;
  return ENGINE_PROBE_MS;
}

/** Pure: the line that says which command hung. */
export function describeTimeout(command: string, args: readonly string[], ms: number): string {
  const shown = [command.split('/').at(-1)!, ...args.slice(0, 4)].join(' ');
  return `\`${shown}${args.length > 4 ? ' ...' : ''}\` did not finish within ${Math.round(ms / 1000)} s and was stopped`;
}
