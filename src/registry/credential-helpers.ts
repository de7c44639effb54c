// Docker credential helpers (`credsStore`, `credHelpers` in the docker config): the protocol is a
// program `docker-credential-<name>` taking `get` (server on stdin, JSON out) and `list` (JSON map
// of server -> user). Self-hosted runners use them for ECR, GCR/Artifact Registry and ACR.
// They are asked once, up front, so the registry client's credential lookup stays synchronous.
import type { Exec } from '../adapters.js';
import type { DockerConfigAuths, RegistryCredentials } from './docker-config.js';
import { normalizeAuthKey } from './docker-config.js';

/** Pure: a helper's `get` answer. Username "<token>" marks an identity token (docker's convention). */
export function parseHelperGet(stdout: string): RegistryCredentials | undefined {
  let answer: { Username?: unknown; Secret?: unknown };
  try {
    answer = JSON.parse(stdout) as typeof answer;
  } catch {
    return undefined;
  }
  if (typeof answer.Secret !== 'string' || answer.Secret === '') return undefined;
  const username = typeof answer.Username === 'string' ? answer.Username : '';
  if (username === '<token>') return { kind: 'identity-token', identityToken: answer.Secret };
  return username === '' ? undefined : { kind: 'basic', username, password: answer.Secret };
}

/** Pure: the servers a helper's `list` knows. */
export function parseHelperList(stdout: string): string[] {
  try {
    const map = JSON.parse(stdout) as unknown;
    return typeof map === 'object' && map !== null && !Array.isArray(map) ? Object.keys(map) : [];
  } catch {
    return [];
  }
}

/** Pure: which helper to ask for which server, as docker decides (credHelpers beat credsStore). */
export function helperQueries(config: Pick<DockerConfigAuths, 'credsStore' | 'credHelpers'>, storeServers: readonly string[]): Array<{ host: string; server: string; helper: string }> {
  const queries = new Map<string, { host: string; server: string; helper: string }>();
  if (config.credsStore) {
    for (const server of storeServers) queries.set(normalizeAuthKey(server), { host: normalizeAuthKey(server), server, helper: config.credsStore });
  }
  for (const [host, helper] of Object.entries(config.credHelpers)) queries.set(host, { host, server: host, helper });
  return [...queries.values()];
}

/**
 * Adapter: asks the configured helpers for every server they know. A helper that is missing or
 * fails costs a note (for the debug log), never the run; no secret ever goes into a note.
 */
export async function readHelperCredentials(exec: Exec, config: DockerConfigAuths): Promise<{ credentials: Map<string, RegistryCredentials>; notes: string[] }> {
  const credentials = new Map<string, RegistryCredentials>();
  const notes: string[] = [];
  let storeServers: string[] = [];
  if (config.credsStore) {
    const listed = await exec.run(`docker-credential-${config.credsStore}`, ['list']);
    if (listed.exitCode === 0) storeServers = parseHelperList(listed.stdout);
    else notes.push(`credential helper docker-credential-${config.credsStore} list failed (exit ${listed.exitCode})`);
  }
  await Promise.all(
    helperQueries(config, storeServers).map(async ({ host, server, helper }) => {
      const got = await exec.run(`docker-credential-${helper}`, ['get'], { input: server });
      const creds = got.exitCode === 0 ? parseHelperGet(got.stdout) : undefined;
      if (creds) credentials.set(host, creds);
      else notes.push(`credential helper docker-credential-${helper} gave no credentials for ${host} (exit ${got.exitCode})`);
    }),
  );
  return { credentials, notes };
}
