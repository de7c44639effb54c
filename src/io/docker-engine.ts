// Adapter: reads of the local Docker engine (image inspect and history, the storage driver) through
// its Engine API, on the socket DOCKER_HOST names, instead of a `docker` process per read (each
// costs 50-100 ms of CPU before it asks anything). node:http speaks HTTP over a unix socket
// (`socketPath`) itself: dockerode/docker-modem would add their dependency trees (ssh2, tar-fs,
// protobuf) to the bundle and to every cold start for three GET requests.
//
// Where Strata cannot speak to the endpoint itself (ssh://, npipe://, fd://, TLS without
// verification, a docker context other than the default), the reads go through the docker CLI
// (docker-engine-cli.ts): the build runs through that CLI too, so the reads then see the very
// engine the build used, which a second, guessed connection could not promise.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, request as httpRequest } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DockerEngine, Exec } from '../adapters.js';
import { driverStatusOf, engineHistoryOf, engineInspectOf } from '../image/engine.js';
import { dockerConfigDir } from '../registry/docker-config.js';
import { ENGINE_API_MS } from './command-bounds.js';
import { createCliEngine } from './docker-engine-cli.js';

export type EngineEndpoint =
  | { kind: 'unix'; socketPath: string; address: string }
  | { kind: 'tcp'; host: string; port: number; tls?: { certDir: string }; address: string }
  | { kind: 'cli'; reason: string };

const DEFAULT_SOCKET = '/var/run/docker.sock';

/**
 * Pure: the endpoint the docker CLI would use, by its own precedence (docker/cli's
 * resolveContextName): DOCKER_HOST, then DOCKER_CONTEXT, then config.json's currentContext, else
 * the default socket. `configDir` is where DOCKER_CERT_PATH defaults to, as for the CLI.
 */
export function engineEndpoint(env: Record<string, string | undefined>, currentContext: string | undefined, configDir: string): EngineEndpoint {
  const host = env.DOCKER_HOST ?? '';
  if (host === '') {
    const context = env.DOCKER_CONTEXT || currentContext || 'default';
    if (context !== 'default') return { kind: 'cli', reason: `docker context ${JSON.stringify(context)}` };
    return { kind: 'unix', socketPath: DEFAULT_SOCKET, address: `unix://${DEFAULT_SOCKET}` };
  }
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    return { kind: 'cli', reason: `DOCKER_HOST=${JSON.stringify(shown(host))}` };
  }
  if (url.protocol === 'unix:') {
    const socketPath = host.slice('unix://'.length) || DEFAULT_SOCKET;
    return { kind: 'unix', socketPath, address: `unix://${socketPath}` };
  }
  const tlsVerify = (env.DOCKER_TLS_VERIFY ?? '') !== '';
  // A path prefix (tcp://host:2375/prefix) and TLS without verification are left to the CLI.
  if (url.protocol !== 'tcp:' || (url.pathname !== '' && url.pathname !== '/') || (!tlsVerify && (env.DOCKER_TLS ?? '') !== '')) {
    return { kind: 'cli', reason: `DOCKER_HOST=${JSON.stringify(shown(host))}` };
  }
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port ? Number(url.port) : tlsVerify ? 2376 : 2375;
  return {
    kind: 'tcp',
    host: hostname,
    port,
    ...(tlsVerify ? { tls: { certDir: env.DOCKER_CERT_PATH || configDir } } : {}),
    address: `tcp://${url.host.includes(':') || url.port ? url.host : `${url.host}:${port}`}`,
  };
}

/** DOCKER_HOST as messages show it: never a password, should a URL carry one. */
function shown(host: string): string {
  return host.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
}

/** Pure: config.json's currentContext (`docker context use`); unreadable JSON counts as set, so the CLI decides. */
export function currentContextOf(content: string | undefined): string | undefined {
  if (content === undefined) return undefined;
  try {
    const json = JSON.parse(content) as { currentContext?: unknown };
    return typeof json.currentContext === 'string' && json.currentContext !== '' ? json.currentContext : undefined;
  } catch {
    return 'unreadable config.json';
  }
}

// The newest API version these reads were checked against (Docker 28.5). The engine's own version
// (GET /_ping's Api-Version) is used when it is older: pinning one version would not do, since
// Docker 20.10 speaks at most 1.41 and Docker 29 refuses anything below 1.44. Every field read
// here (Id, RepoDigests, Config.Labels, RootFS, history rows, DriverStatus) is in all of them.
const NEWEST_API = '1.51';

/** Pure: the API version to speak to an engine that says it speaks `engine` (undefined: it did not say). */
export function apiVersionFor(engine: string | undefined): string | undefined {
  if (!engine || !/^\d+\.\d+$/.test(engine)) return undefined;
  const [major, minor] = engine.split('.').map(Number) as [number, number];
  const [newestMajor, newestMinor] = NEWEST_API.split('.').map(Number) as [number, number];
  return major < newestMajor || (major === newestMajor && minor < newestMinor) ? engine : NEWEST_API;
}

export class EngineCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineCallError';
  }
}

// An engine answers these reads in kilobytes (a long history in a few hundred): anything past
// this is not an engine.
const MAX_BODY = 32 * 1024 * 1024;

type ApiEndpoint = Exclude<EngineEndpoint, { kind: 'cli' }>;

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

interface Transport {
  endpoint: ApiEndpoint;
  /** node:http's request, or node:https's: loaded on the first read, not when Strata starts (a `strata report` of registry images never reads the engine). */
  request: typeof httpRequest;
  tls?: { ca: Buffer; cert: Buffer; key: Buffer };
}

function get({ endpoint, request, tls }: Transport, path: string, timeoutMs: number): Promise<Answer> {
  const call = `GET ${path} on ${endpoint.address}`;
  return new Promise((resolve, reject) => {
    const options = {
      method: 'GET',
      path,
      agent: false as const,
      ...(endpoint.kind === 'unix' ? { socketPath: endpoint.socketPath } : { host: endpoint.host, port: endpoint.port, ...tls }),
    };
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (d: Buffer) => {
        size += d.length;
        if (size > MAX_BODY) req.destroy(new EngineCallError(`${call} answered more than ${MAX_BODY} bytes`));
        else chunks.push(d);
      });
      res.on('error', (e) => fail(e));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    const fail = (e: Error): void => {
      clearTimeout(timer);
      reject(e instanceof EngineCallError ? e : new EngineCallError(`${call} failed: ${e.message}`));
    };
    // The whole exchange is bounded, not just the gaps between bytes: an engine that accepts and
    // then trickles (or never answers) is given up on after the call's bound.
    const timer = setTimeout(() => req.destroy(new EngineCallError(`${call} did not answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    req.on('error', fail);
    req.end();
  });
}

function json(answer: Answer, call: string): unknown {
  try {
    return JSON.parse(answer.body);
  } catch {
    throw new EngineCallError(`${call} answered something other than JSON: ${JSON.stringify(answer.body.slice(0, 120))}`);
  }
}

/** The engine's message for a failed call ({"message": "..."}), else the body's start. */
function messageOf(answer: Answer): string {
  try {
    const m = (JSON.parse(answer.body) as { message?: unknown }).message;
    if (typeof m === 'string') return m;
  } catch {
    // not JSON
  }
  return answer.body.trim().slice(0, 200);
}

/** References go into the path as the CLI puts them (name/with/slashes:tag@sha256:...), the rest escaped. */
function imagePath(reference: string): string {
  return encodeURIComponent(reference).replace(/%2F/gi, '/').replace(/%3A/gi, ':').replace(/%40/gi, '@');
}

function readTls(certDir: string): { ca: Buffer; cert: Buffer; key: Buffer } {
  return { ca: readFileSync(join(certDir, 'ca.pem')), cert: readFileSync(join(certDir, 'cert.pem')), key: readFileSync(join(certDir, 'key.pem')) };
}

/** The Engine API client for an endpoint Strata speaks to itself. */
export function createApiEngine(endpoint: ApiEndpoint, bounds: { ping: number; read: number } = ENGINE_API_MS): DockerEngine {
  const tls = endpoint.kind === 'tcp' && endpoint.tls ? readTls(endpoint.tls.certDir) : undefined;
  let transport: Promise<Transport> | undefined;
  const connection = (): Promise<Transport> =>
    // getBuiltinModule, not import(): an ES import of node:http reads every export, and its lazy
    // WebSocket/MessageEvent getters load undici (~10-20 ms) for nothing.
    (transport ??= Promise.resolve(
      tls ? { endpoint, request: process.getBuiltinModule('node:https').request, tls } : { endpoint, request: process.getBuiltinModule('node:http').request },
    ));
  let prefix: Promise<string> | undefined;
  // Asked once per engine: a version check that failed (no socket, no answer) fails every read
  // at once with its reason, rather than each read waiting out its own bound.
  const versionPrefix = (): Promise<string> =>
    (prefix ??= connection().then(async (t) => {
      const answer = await get(t, '/_ping', bounds.ping);
      if (answer.status !== 200) throw new EngineCallError(`GET /_ping on ${endpoint.address} answered ${answer.status}: ${messageOf(answer)}`);
      const header = answer.headers['api-version'];
      const version = apiVersionFor(Array.isArray(header) ? header[0] : header);
      return version ? `/v${version}` : '';
    }));

  const read = async (path: string, notFound: 'undefined' | 'error'): Promise<unknown> => {
    const full = `${await versionPrefix()}${path}`;
    const answer = await get(await connection(), full, bounds.read);
    if (answer.status === 404 && notFound === 'undefined') return undefined;
    if (answer.status !== 200) throw new EngineCallError(`GET ${full} on ${endpoint.address} answered ${answer.status}: ${messageOf(answer)}`);
    return json(answer, `GET ${full} on ${endpoint.address}`);
  };

  return {
    address: endpoint.address,
    async image(reference) {
      const doc = await read(`/images/${imagePath(reference)}/json`, 'undefined');
      return doc === undefined ? undefined : engineInspectOf(doc, reference);
    },
    async history(reference) {
      const doc = await read(`/images/${imagePath(reference)}/history`, 'undefined');
      return doc === undefined ? undefined : engineHistoryOf(doc, reference);
    },
    async driverStatus() {
      return driverStatusOf(await read('/info', 'error'));
    },
  };
}

export interface DockerEngineOptions {
  env: Record<string, string | undefined>;
  /** Runs the docker CLI where the endpoint is not one Strata speaks to. */
  exec: Exec;
  home?: string;
}

/** The engine as the docker CLI would reach it: its API where Strata can speak it, else the CLI. */
export function createDockerEngine({ env, exec, home = homedir() }: DockerEngineOptions): DockerEngine {
  const configDir = dockerConfigDir(env, home);
  const needsContext = (env.DOCKER_HOST ?? '') === '' && (env.DOCKER_CONTEXT ?? '') === '';
  const endpoint = engineEndpoint(env, needsContext ? currentContextOf(readOptional(join(configDir, 'config.json'))) : undefined, configDir);
  if (endpoint.kind === 'cli') return createCliEngine(exec, `the docker CLI's endpoint (${endpoint.reason})`);
  try {
    return createApiEngine(endpoint);
  } catch (e) {
    // Certificates the CLI may still find (or fail on, in its own words).
    return createCliEngine(exec, `the docker CLI's endpoint (${endpoint.address}; TLS certificates unreadable here: ${(e as Error).message})`);
  }
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
