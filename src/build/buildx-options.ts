// build-push-action's build options (secrets, ssh, contexts, attestations, …) -> buildx flags. Pure.
// Secret values never enter the argv (it is logged): they reach buildx through its environment.
import type { BuildOptionInputs, SecretInput } from '../inputs-build.js';

/** A `--secret` as buildx reads it: from an environment variable or from a file. */
export type BuildSecret = { id: string; env: string } | { id: string; src: string };

export interface BuildxOptions {
  secrets: readonly BuildSecret[];
  ssh: readonly string[];
  buildContexts: readonly string[];
  annotations: readonly string[];
  provenance?: string;
  sbom?: string;
  attests: readonly string[];
  pull: boolean;
  network?: string;
  addHosts: readonly string[];
  shmSize?: string;
  ulimits: readonly string[];
  noCacheFilters: readonly string[];
  allow: readonly string[];
  outputs: readonly string[];
}

export const NO_BUILDX_OPTIONS: BuildxOptions = {
  secrets: [], ssh: [], buildContexts: [], annotations: [], attests: [], pull: false, addHosts: [],
  ulimits: [], noCacheFilters: [], allow: [], outputs: [],
};

/**
 * Secrets as buildx flags plus the environment that carries their values: a value becomes
 * STRATA_SECRET_<n> in buildx's environment only, so neither the argv nor a file holds it.
 */
export function secretsForBuild(secrets: readonly SecretInput[]): { secrets: BuildSecret[]; env: Record<string, string> } {
  const env: Record<string, string> = {};
  const flags = secrets.map((s, i): BuildSecret => {
    if ('value' in s) {
      const name = `STRATA_SECRET_${i}`;
      env[name] = s.value;
      return { id: s.id, env: name };
    }
    return 'path' in s ? { id: s.id, src: s.path } : { id: s.id, env: s.env };
  });
  return { secrets: flags, env };
}

/**
 * The options for one build. Provenance is off unless asked for: an attestation records the build's
 * own start time and invocation id, so with it two builds of one commit never share a digest.
 */
export function buildxOptionsOf(inputs: BuildOptionInputs, secrets: readonly BuildSecret[], extraAnnotations: readonly string[] = []): BuildxOptions {
  return {
    secrets,
    ssh: inputs.ssh,
    buildContexts: inputs.buildContexts,
    annotations: [...extraAnnotations.filter((a) => !userHas(inputs.annotations, a)), ...inputs.annotations],
    provenance: inputs.provenance ?? (inputs.attests.some((a) => a.startsWith('type=provenance')) ? undefined : 'false'),
    sbom: inputs.sbom,
    attests: inputs.attests,
    pull: inputs.pull,
    network: inputs.network,
    addHosts: inputs.addHosts,
    shmSize: inputs.shmSize,
    ulimits: inputs.ulimits,
    noCacheFilters: inputs.noCacheFilters,
    allow: inputs.allow,
    outputs: inputs.outputs,
  };
}

/** The user's annotation with the same level and key wins over Strata's. */
function userHas(user: readonly string[], ours: string): boolean {
  const key = (a: string) => a.slice(0, a.indexOf('='));
  return user.some((u) => key(u) === key(ours));
}

export function buildxOptionArgs(o: BuildxOptions): string[] {
  const args: string[] = [];
  for (const s of o.secrets) args.push('--secret', 'src' in s ? `id=${s.id},src=${s.src}` : `id=${s.id},env=${s.env}`);
  for (const s of o.ssh) args.push('--ssh', s);
  if (o.pull) args.push('--pull');
  if (o.network) args.push('--network', o.network);
  for (const h of o.addHosts) args.push('--add-host', h.replace(/=/, ':'));
  if (o.shmSize) args.push('--shm-size', o.shmSize);
  for (const u of o.ulimits) args.push('--ulimit', u);
  for (const c of o.buildContexts) args.push('--build-context', c);
  for (const a of o.annotations) args.push('--annotation', a);
  // Written as one word: buildx reads a bare --provenance/--sbom as "true", so a separate value
  // would be taken for the build context.
  if (o.provenance !== undefined) args.push(`--provenance=${o.provenance}`);
  if (o.sbom !== undefined) args.push(`--sbom=${o.sbom}`);
  for (const a of o.attests) args.push('--attest', a);
  for (const f of o.noCacheFilters) args.push('--no-cache-filter', f);
  for (const a of o.allow) args.push('--allow', a);
  for (const out of o.outputs) args.push('--output', out);
  return args;
}
