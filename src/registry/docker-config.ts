// Registry credentials as `docker login` and docker/login-action leave them in
// ~/.docker/config.json. Parsing is pure; readDockerConfigFile is the one adapter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeRegistry } from './reference.js';

export type RegistryCredentials =
  | { kind: 'basic'; username: string; password: string }
  /** An OAuth2 refresh token (`identitytoken`), exchanged at the token realm. */
  | { kind: 'identity-token'; identityToken: string; username?: string };

export interface DockerConfigAuths {
  /** Keyed by normalized registry host (`docker.io`, `ghcr.io`, `127.0.0.1:5000`). */
  auths: Map<string, RegistryCredentials>;
  /** The helper holding every server's credentials (docker-credential-<credsStore>). */
  credsStore?: string;
  credHelpers: Record<string, string>;
  /** Notes on entries that were skipped, for a debug log (never containing secrets). */
  notes: string[];
}

/**
 * `https://index.docker.io/v1/` (what docker login writes for Hub), `http://host:5000`,
 * `host:5000/v2/` and bare hosts all name a registry host.
 */
export function normalizeAuthKey(key: string): string {
  const withoutScheme = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const host = withoutScheme.split('/')[0] ?? '';
  return normalizeRegistry(host);
}

/** Parses config.json content. Invalid JSON is an error naming the file, not its content. */
export function parseDockerConfig(content: string, path = 'config.json'): DockerConfigAuths {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    // The content may hold credentials, so the parser's message (which quotes it) is dropped.
    throw new Error(`Docker config ${path} is not valid JSON`);
  }
  const result: DockerConfigAuths = { auths: new Map(), credHelpers: {}, notes: [] };
  if (typeof json !== 'object' || json === null) return result;
  const cfg = json as Record<string, unknown>;
  if (typeof cfg.credsStore === 'string' && cfg.credsStore !== '') {
    result.credsStore = cfg.credsStore;
    result.notes.push(`credsStore "${cfg.credsStore}" holds the credentials of the servers it lists`);
  }
  if (typeof cfg.credHelpers === 'object' && cfg.credHelpers !== null) {
    for (const [k, v] of Object.entries(cfg.credHelpers)) {
      if (typeof v !== 'string') continue;
      result.credHelpers[normalizeAuthKey(k)] = v;
      result.notes.push(`credential helper "${v}" holds the credentials for ${normalizeAuthKey(k)}`);
    }
  }
  const auths = typeof cfg.auths === 'object' && cfg.auths !== null ? (cfg.auths as Record<string, unknown>) : {};
  for (const [key, entry] of Object.entries(auths)) {
    const host = normalizeAuthKey(key);
    const creds = entryCredentials(entry);
    if (creds === undefined) {
      // An empty entry is what docker login leaves when a credsStore holds the secret.
      result.notes.push(`auths entry for ${host} has no inline credentials`);
      continue;
    }
    // A host-only key beats a URL-shaped key for the same host only if seen later; docker
    // behaves the same (last write wins), and duplicates are rare.
    result.auths.set(host, creds);
  }
  return result;
}

function entryCredentials(entry: unknown): RegistryCredentials | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const e = entry as Record<string, unknown>;
  let username = typeof e.username === 'string' ? e.username : undefined;
  let password = typeof e.password === 'string' ? e.password : undefined;
  if (typeof e.auth === 'string' && e.auth !== '') {
    const decoded = Buffer.from(e.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    // Passwords may contain colons; user names may not.
    if (colon > 0) {
      username = decoded.slice(0, colon);
      password = decoded.slice(colon + 1);
    }
  }
  if (typeof e.identitytoken === 'string' && e.identitytoken !== '') {
    return { kind: 'identity-token', identityToken: e.identitytoken, ...(username ? { username } : {}) };
  }
  if (username !== undefined && password !== undefined && username !== '') return { kind: 'basic', username, password };
  return undefined;
}

export function lookupDockerCredentials(config: DockerConfigAuths, registry: string): RegistryCredentials | undefined {
  return config.auths.get(normalizeRegistry(registry));
}

/** Where docker keeps config.json (and its contexts): $DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(env: Record<string, string | undefined>, homeDir: string): string {
  return env.DOCKER_CONFIG && env.DOCKER_CONFIG !== '' ? env.DOCKER_CONFIG : join(homeDir, '.docker');
}

/** Reads $DOCKER_CONFIG/config.json or ~/.docker/config.json; undefined when there is none. */
export async function readDockerConfigFile(
  env: Record<string, string | undefined>,
  homeDir: string,
): Promise<{ path: string; content: string } | undefined> {
  const path = join(dockerConfigDir(env, homeDir), 'config.json');
  try {
    // Read at once, as the docker CLI does: a small file read before any request, and node:fs is
    // loaded at start where fs/promises costs a dozen more internal modules (~2 ms, measured).
    return { path, content: readFileSync(path, 'utf8') };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read docker config ${path}: ${(e as Error).message}`, { cause: e });
  }
}
