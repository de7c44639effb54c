// The registry client as a run uses it: credentials from the inputs and the docker config
// (docker/login-action writes it), and the narrow interfaces the report stages ask for.
import { homedir } from 'node:os';
import type { Exec, Logger } from '../adapters.js';
import { createCredentialResolver } from './auth.js';
import { readHelperCredentials } from './credential-helpers.js';
import type { RegistryClient, RegistryClientOptions } from './client.js';
import { ImageDocumentReader } from './documents.js';
import { RegistryWriter } from './writer.js';
import { parseDockerConfig, readDockerConfigFile } from './docker-config.js';
import { parseReference } from './reference.js';
import { httpFetch } from '../io/http-fetch.js';

export interface RunRegistryOptions {
  env: Record<string, string | undefined>;
  logger: Logger;
  /** Runs the docker config's credential helpers, when it names any. */
  exec: Exec;
  /** The image's registry gets the registry-username/password inputs. */
  image?: string;
  username?: string;
  password?: string;
  /**
   * Remember what each tag resolved to for the client's life (documents by digest are always
   * remembered). Only for a run that pushes no tag between two reads: `strata report`.
   */
  rememberTags?: boolean;
}

/** The run's reader: every image document it reads is fetched once (registry/documents.ts). */
export async function createRunRegistryClient(opts: RunRegistryOptions): Promise<RegistryClient> {
  return new ImageDocumentReader(await runRegistryOptions(opts), { rememberTags: opts.rememberTags ?? false });
}

/** A reader and a writer over one transport: one token per scope, one request count. */
export async function createRunRegistry(opts: RunRegistryOptions): Promise<{ client: RegistryClient; writer: RegistryWriter }> {
  const client = await createRunRegistryClient(opts);
  return { client, writer: new RegistryWriter(client) };
}

/** Client options shared by the reader (RegistryClient) and the writer (RegistryWriter). */
export async function runRegistryOptions(opts: RunRegistryOptions): Promise<RegistryClientOptions> {
  let dockerConfig;
  const file = await readDockerConfigFile(opts.env, opts.env.HOME || homedir());
  if (file) {
    try {
      dockerConfig = parseDockerConfig(file.content, file.path);
      for (const note of dockerConfig.notes) opts.logger.debug(note);
    } catch (e) {
      opts.logger.warning(`Ignoring the docker config: ${(e as Error).message}`);
    }
  }
  let helpers;
  if (dockerConfig && (dockerConfig.credsStore || Object.keys(dockerConfig.credHelpers).length > 0)) {
    const read = await readHelperCredentials(opts.exec, dockerConfig);
    for (const note of read.notes) opts.logger.debug(note);
    helpers = read.credentials;
  }
  const input =
    opts.image && opts.username && opts.password
      ? { registry: parseReference(opts.image).registry, username: opts.username, password: opts.password }
      : undefined;
  return {
    fetch: httpFetch,
    credentials: createCredentialResolver({ input, dockerConfig, helpers }),
    timeoutMs: 30_000,
    logger: opts.logger,
  };
}

