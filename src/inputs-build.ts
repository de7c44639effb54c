// The inputs a team brings over from docker/build-push-action, docker/metadata-action and
// `pack build`: same names, same formats, so moving a workflow is a rename. Validated with the
// rest of the inputs (src/inputs.ts) before anything runs.
import { InputError, parseList, type InputReader } from './inputs.js';

/** A build secret by value (`secrets`), file (`secret-files`) or environment variable (`secret-envs`). */
export type SecretInput = { id: string; value: string } | { id: string; path: string } | { id: string; env: string };

export interface BuildOptionInputs {
  /** `secrets`, `secret-files`, `secret-envs` in that order. Values never leave this object but for buildx's env. */
  secrets: SecretInput[];
  /** `--ssh` entries: `default` or `id=path[,path]`. */
  ssh: string[];
  buildContexts: string[];
  /** `[index:|manifest:|…]key=value`, as buildx's --annotation. */
  annotations: string[];
  provenance?: string;
  sbom?: string;
  attests: string[];
  pull: boolean;
  network?: string;
  addHosts: string[];
  shmSize?: string;
  ulimits: string[];
  noCacheFilters: string[];
  allow: string[];
  outputs: string[];
  /** `check`: run BuildKit's build checks instead of building. */
  call: 'build' | 'check';
  checkFailsOn: 'error' | 'warning';
  /** `latest` on the default branch (auto), always (true) or never (false). */
  tagLatest: 'auto' | 'true' | 'false';

  /** Buildpack mode (pack's flag names). */
  buildpacks: string[];
  buildpackEnvFile?: string;
  volumes: string[];
  defaultProcess?: string;
  /** Unix seconds or `now`; default: the commit's time. */
  creationTime?: string;
  sbomOutputDir?: string;
  cacheImage?: string;
}

const SECRET_ID = /^[A-Za-z0-9_.][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_.-]+)?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * An error about a secret line that never quotes it: the line may be the secret itself (a value
 * pasted without its `id=`).
 */
export function secretInputError(input: string, line: number, accepted: string): InputError {
  const e = new InputError(input, `line ${line}`, accepted);
  e.message = `Input "${input}" has an invalid entry on line ${line} (not shown: it may hold a secret): ${accepted}`;
  return e;
}

/**
 * Lines of `id=value`, build-push-action's format: a line that starts with `"` runs to its closing
 * quote (so a value can span lines; `""` is a literal quote), as its CSV reader does.
 */
export function secretLines(raw: string): string[] {
  const lines = raw.split(/\r?\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (!line.startsWith('"')) {
      out.push(line);
      continue;
    }
    let text = line.slice(1);
    while (!/(^|[^"])("")*"$/.test(text) && i + 1 < lines.length) text += `\n${lines[++i]!}`;
    out.push(text.replace(/"$/, '').replace(/""/g, '"'));
  }
  return out;
}

function splitPairs(input: string, lines: string[], what: string): Array<[string, string]> {
  return lines.map((line, i) => {
    const eq = line.indexOf('=');
    const id = eq > 0 ? line.slice(0, eq).trim() : '';
    const rest = eq > 0 ? line.slice(eq + 1).trim() : '';
    if (!SECRET_ID.test(id) || rest === '') {
      throw secretInputError(input, i + 1, `each line must be id=${what}, with an id made of letters, digits and _ . - (and at most one /).`);
    }
    return [id, rest];
  });
}

function secretInputs(read: InputReader): SecretInput[] {
  const secrets: SecretInput[] = [];
  for (const [id, value] of splitPairs('secrets', secretLines(read('secrets')), 'value')) secrets.push({ id, value });
  for (const [id, path] of splitPairs('secret-files', parseList(read('secret-files'), { commas: false }), 'path')) {
    // buildx reads --secret as CSV: a comma or quote in the path would split it.
    if (/[,"]/.test(path)) throw new InputError('secret-files', path, 'the path must not contain a comma or a double quote.');
    secrets.push({ id, path });
  }
  for (const [id, env] of splitPairs('secret-envs', parseList(read('secret-envs'), { commas: false }), 'ENV_NAME')) {
    if (!ENV_NAME.test(env)) throw new InputError('secret-envs', `${id}=${env}`, 'each line must be id=ENV_NAME, naming an environment variable of the step.');
    secrets.push({ id, env });
  }
  const seen = new Set<string>();
  for (const s of secrets) {
    if (seen.has(s.id)) throw new InputError('secrets', s.id, 'each secret id may be given once across secrets, secret-files and secret-envs.');
    seen.add(s.id);
  }
  return secrets;
}

/** Each value becomes one argv entry after its flag: one starting with '-' would read as a flag. */
function notAFlag(name: string, value: string): string {
  if (value.startsWith('-')) throw new InputError(name, value, 'a value must not start with "-" (it would be read as a flag).');
  return value;
}

function entries(read: InputReader, name: string, pattern: RegExp, accepted: string, commas = false): string[] {
  const list = parseList(read(name), { commas });
  for (const e of list) if (!pattern.test(notAFlag(name, e))) throw new InputError(name, e, accepted);
  return list;
}

function optionalMatching(read: InputReader, name: string, pattern: RegExp, accepted: string): string | undefined {
  const raw = read(name).trim();
  if (raw === '') return undefined;
  if (!pattern.test(notAFlag(name, raw))) throw new InputError(name, raw, accepted);
  return raw;
}

function choice<T extends string>(read: InputReader, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(name).trim().toLowerCase();
  if (raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new InputError(name, read(name).trim(), `use one of ${allowed.join(', ')}.`);
}

function flag(read: InputReader, name: string): boolean {
  const raw = read(name).trim();
  if (raw === '') return false;
  if (/^(true|yes|1)$/i.test(raw)) return true;
  if (/^(false|no|0)$/i.test(raw)) return false;
  throw new InputError(name, raw, 'use true or false.');
}

/** An attestation switch as build-push-action passes it: true, false, or buildx's key=value form. */
const ATTEST_VALUE = /^(true|false|[a-z-]+=[^\s]+(,[a-z-]+=[^\s]+)*)$/i;

export function parseBuildOptionInputs(read: InputReader, ctx: { push: boolean }): BuildOptionInputs {
  const cacheImage = optionalMatching(read, 'cache-image', /^[^\s]+$/, 'use an image reference such as ghcr.io/owner/app-cache.');
  if (cacheImage !== undefined && !ctx.push) {
    throw new InputError('cache-image', cacheImage, 'pack keeps a cache image only when it publishes to the registry: set push: true, or leave cache-image empty.');
  }
  return {
    secrets: secretInputs(read),
    ssh: entries(read, 'ssh', /^[A-Za-z0-9_.][A-Za-z0-9_.-]*(=[^\s=]+)?$/, 'each line must be default or id=path[,path] (an agent socket or key files).'),
    buildContexts: entries(read, 'build-contexts', /^[^\s=]+=\S+$/, 'each line must be name=value, such as alpine=docker-image://alpine@sha256:… or src=../src.'),
    annotations: entries(read, 'annotations', /^([a-z-]+(\[[^\]]+\])?(,[a-z-]+(\[[^\]]+\])?)*:)?[^\s=:]+(:[^\s=]+)*=.*$/, 'each line must be key=value, optionally prefixed by a level: index:, manifest:, manifest-descriptor: or index-descriptor:.'),
    provenance: optionalMatching(read, 'provenance', ATTEST_VALUE, 'use true, false, or buildx\'s form such as mode=max.'),
    sbom: optionalMatching(read, 'sbom', ATTEST_VALUE, 'use true, false, or buildx\'s form such as generator=docker/buildkit-syft-scanner.'),
    attests: entries(read, 'attests', /^type=[a-z]+(,.+)?$/, 'each line must start with type=, such as type=sbom or type=provenance,mode=max.'),
    pull: flag(read, 'pull'),
    network: optionalMatching(read, 'network', /^[A-Za-z0-9_.:-]+$/, 'use a network mode such as host, none or default.'),
    addHosts: entries(read, 'add-hosts', /^[^\s=:]+[=:]\S+$/, 'each entry must be host:ip (or host=ip), such as docker:10.180.0.1.', true),
    shmSize: optionalMatching(read, 'shm-size', /^\d+[bkmg]?$/i, 'use a size such as 2g or 512m.'),
    ulimits: entries(read, 'ulimit', /^[a-z]+=-?\d+(:-?\d+)?$/, 'each line must be type=soft[:hard], such as nofile=1024:1024.'),
    noCacheFilters: entries(read, 'no-cache-filters', /^[A-Za-z0-9_.-]+$/, 'each entry must be a Dockerfile stage name.', true),
    allow: entries(read, 'allow', /^(network\.host|security\.insecure|device(=.+)?)$/, 'use network.host, security.insecure or device[=name].', true),
    outputs: entries(read, 'outputs', /^(type=[a-z]+(,.*)?|[^\s,=]+)$/, 'each line must be a buildx output such as type=local,dest=out or type=oci,dest=image.tar.'),
    call: choice(read, 'call', ['build', 'check'] as const, 'build'),
    checkFailsOn: choice(read, 'check-fails-on', ['error', 'warning'] as const, 'error'),
    tagLatest: choice(read, 'tag-latest', ['auto', 'true', 'false'] as const, 'auto'),

    buildpacks: entries(read, 'buildpacks', /^\S+$/, 'each entry must be a buildpack id (paketo-buildpacks/nodejs), id@version, or a URI (docker://…, urn:cnb:…, a path).', true),
    buildpackEnvFile: optional(read, 'buildpack-env-file'),
    volumes: entries(read, 'volumes', /^[^\s:]+:\/[^\s:]*(:(ro|rw))?$/, 'each line must be host-path:/container-path[:ro|rw] (read-only unless :rw).'),
    defaultProcess: optionalMatching(read, 'default-process', /^[A-Za-z0-9_.-]+$/, 'use a process type such as web or worker.'),
    creationTime: optionalMatching(read, 'creation-time', /^(now|\d+)$/, 'use now or a Unix time in seconds, such as 1700000000 (default: the commit\'s time).'),
    sbomOutputDir: optional(read, 'sbom-output-dir'),
    cacheImage,
  };
}

function optional(read: InputReader, name: string): string | undefined {
  const raw = read(name).trim();
  return raw === '' ? undefined : notAFlag(name, raw);
}

/** The inputs set that the chosen mode has no use for, by name: a warning beats silence. */
export function inputsIgnoredBy(mode: 'dockerfile' | 'buildpack', i: BuildOptionInputs): string[] {
  const dockerfileOnly: Array<[string, boolean]> = [
    ['ssh', i.ssh.length > 0],
    ['build-contexts', i.buildContexts.length > 0],
    ['annotations', i.annotations.length > 0],
    ['provenance', i.provenance !== undefined],
    ['sbom', i.sbom !== undefined],
    ['attests', i.attests.length > 0],
    ['add-hosts', i.addHosts.length > 0],
    ['shm-size', i.shmSize !== undefined],
    ['ulimit', i.ulimits.length > 0],
    ['no-cache-filters', i.noCacheFilters.length > 0],
    ['allow', i.allow.length > 0],
    ['outputs', i.outputs.length > 0],
  ];
  const buildpackOnly: Array<[string, boolean]> = [
    ['buildpacks', i.buildpacks.length > 0],
    ['buildpack-env-file', i.buildpackEnvFile !== undefined],
    ['volumes', i.volumes.length > 0],
    ['default-process', i.defaultProcess !== undefined],
    ['creation-time', i.creationTime !== undefined],
    ['sbom-output-dir', i.sbomOutputDir !== undefined],
    ['cache-image', i.cacheImage !== undefined],
  ];
  return (mode === 'dockerfile' ? buildpackOnly : dockerfileOnly).filter(([, set]) => set).map(([name]) => name);
}

/**
 * The values to keep out of anything printed: each secret's value and, for a multi-line one, each
 * line (the runner masks line by line). File secrets are left to the runner's own masking.
 */
export function secretValues(secrets: readonly SecretInput[], env: Record<string, string | undefined>): string[] {
  const values: string[] = [];
  for (const s of secrets) {
    const value = 'value' in s ? s.value : 'env' in s ? env[s.env] : undefined;
    if (!value) continue;
    values.push(value);
    for (const line of value.split(/\r?\n/)) if (line.trim().length > 0 && line !== value) values.push(line);
  }
  return values;
}

/** `text` with every value replaced by ***, longest first (a line is a part of its value). */
export function redactSecrets(text: string, values: readonly string[]): string {
  return [...values].sort((a, b) => b.length - a.length).reduce((t, v) => (v ? t.split(v).join('***') : t), text);
}
