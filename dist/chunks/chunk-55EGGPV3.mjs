import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// src/io/command-bounds.ts
var ENGINE_PROBE_MS = 2e4;
var REGISTRY_LOOKUP_MS = 9e4;
var ENGINE_API_MS = { ping: 5e3, read: 1e4 };
function commandTimeoutMs(command, args) {
  const name = command.split("/").at(-1);
  if (name.startsWith("docker-credential-")) return ENGINE_PROBE_MS;
  if (name === "pack") return args[0] === "build" ? void 0 : ENGINE_PROBE_MS;
  if (name === "docker-buildx") return commandTimeoutMs("docker", ["buildx", ...args]);
  if (name !== "docker") return void 0;
  const words = args.filter((a) => !a.startsWith("-"));
  const [first, second] = words;
  if (first === "build" || first === "buildx" && second === "build" || first === "push") return void 0;
  if (first === "buildx" && second === "imagetools") return REGISTRY_LOOKUP_MS;
  if (first === "pull") return void 0;
  return ENGINE_PROBE_MS;
}
function describeTimeout(command, args, ms) {
  const shown = [command.split("/").at(-1), ...args.slice(0, 4)].join(" ");
  return `\`${shown}${args.length > 4 ? " ..." : ""}\` did not finish within ${Math.round(ms / 1e3)} s and was stopped`;
}

export {
  ENGINE_API_MS,
  commandTimeoutMs,
  describeTimeout
};
