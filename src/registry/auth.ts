// Registry authentication: the distribution token flow (Docker Hub, GHCR, most clouds) and plain
// Basic auth (htpasswd registries). Secrets stay inside this module: errors name the registry,
// realm and user, never a password or token.
import type { Logger } from '../adapters.js';
import type { DockerConfigAuths, RegistryCredentials } from './docker-config.js';
import { lookupDockerCredentials } from './docker-config.js';
import { isLoopbackRegistry, normalizeRegistry } from './reference.js';
import type { HttpFetch, HttpRequestInit, HttpResponse } from '../io/http-fetch.js';

export interface Challenge {
  /** Lowercased: `bearer`, `basic`, … */
  scheme: string;
  /** Parameter names lowercased, values unquoted. */
  params: Record<string, string>;
}

/**
 * Parses a WWW-Authenticate header (RFC 7235) into its challenges. Quoted values may hold commas
 * (`scope="repository:a:pull,push"`) and escaped quotes, which naive splitting on commas breaks.
 */
export function parseWwwAuthenticate(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let i = 0;
  const n = header.length;
  const skip = (re: RegExp) => {
    while (i < n && re.test(header[i]!)) i++;
  };
  const token = () => {
    const start = i;
    while (i < n && /[!#$%&'*+.^_`|~0-9A-Za-z-]/.test(header[i]!)) i++;
    return header.slice(start, i);
  };
  let current: Challenge | undefined;
  while (i < n) {
    skip(/[\s,]/);
    if (i >= n) break;
    const word = token();
    if (word === '') {
      i++; // junk character; resynchronise
      continue;
    }
    skip(/\s/);
    if (header[i] === '=') {
      i++;
      skip(/\s/);
      let value: string;
      if (header[i] === '"') {
        i++;
        value = '';
        while (i < n && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < n) i++;
          value += header[i];
          i++;
        }
        i++; // closing quote
      } else {
        const vs = i;
        while (i < n && header[i] !== ',') i++;
        value = header.slice(vs, i).trim();
      }
      // A parameter before any scheme is malformed; drop it rather than guess.
      if (current !== undefined) current.params[word.toLowerCase()] = value;
    } else {
      // No prototype: a server's parameter named __proto__ must be data, not a prototype change.
      current = { scheme: word.toLowerCase(), params: Object.create(null) as Record<string, string> };
      challenges.push(current);
    }
  }
  return challenges;
}

export class RegistryAuthError extends Error {
  readonly registry: string;
  readonly status?: number;

  constructor(message: string, registry: string, status?: number) {
    super(message);
    this.registry = registry;
    this.status = status;
    this.name = 'RegistryAuthError';
  }
}

export type CredentialResolver = (registry: string) => RegistryCredentials | undefined;

/**
 * Credentials from the action inputs win for their registry; the docker config (as
 * docker/login-action writes it) covers the rest.
 */
export function createCredentialResolver(sources: {
  input?: { registry: string; username: string; password: string };
  dockerConfig?: DockerConfigAuths;
  /** What the docker config's credential helpers returned (credential-helpers.ts), by host. */
  helpers?: ReadonlyMap<string, RegistryCredentials>;
}): CredentialResolver {
  const inputRegistry = sources.input ? normalizeRegistry(sources.input.registry) : undefined;
  return (registry) => {
    const host = normalizeRegistry(registry);
    if (sources.input && host === inputRegistry && sources.input.username !== '') {
      return { kind: 'basic', username: sources.input.username, password: sources.input.password };
    }
    // As docker does: a helper's answer beats the inline entry (often an empty placeholder).
    return sources.helpers?.get(host) ?? (sources.dockerConfig ? lookupDockerCredentials(sources.dockerConfig, host) : undefined);
  };
}

/** Replaces every occurrence of the given secrets; used on any text that came from a server. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 3) out = out.split(s).join('***');
  return out;
}

export interface TokenAuthOptions {
  fetch: HttpFetch;
  credentials?: CredentialResolver;
  now?: () => number;
  timeoutMs?: number;
  /** Allows sending credentials to plain-http realms on non-loopback hosts. */
  insecure?: boolean;
  logger?: Pick<Logger, 'debug'>;
  /** Called for each HTTP request made, so the client can count them. */
  onRequest?: () => void;
}

type RegistryScheme = { scheme: 'basic' } | { scheme: 'bearer'; realm: string; service?: string };

interface CachedToken {
  token: string;
  expiresAt: number;
}

// Tokens are renewed a little before they expire so a request in flight does not race expiry.
const EXPIRY_MARGIN_MS = 5_000;
const DEFAULT_TOKEN_LIFETIME_S = 60;

/** Remembers how each registry authenticates and caches bearer tokens per registry + scope. */
export class RegistryAuthenticator {
  private readonly schemes = new Map<string, RegistryScheme>();
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<CachedToken>>();
  private readonly options: TokenAuthOptions;
  private readonly now: () => number;

  constructor(options: TokenAuthOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /**
   * The Authorization header for a request, when this registry's scheme is already known
   * (saving the 401 round trip); undefined means "try anonymously first".
   */
  async authorize(registry: string, scope: string): Promise<string | undefined> {
    const scheme = this.schemes.get(registry);
    if (scheme === undefined) return undefined;
    if (scheme.scheme === 'basic') return this.basicHeader(registry);
    const token = await this.token(registry, scheme, scope);
    return `Bearer ${token.token}`;
  }

  /** Handles a 401: learns the scheme from the challenge and returns the header to retry with. */
  async respondToChallenge(registry: string, wwwAuthenticate: string | null, scope: string): Promise<string> {
    const challenges = parseWwwAuthenticate(wwwAuthenticate ?? '');
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
    if (bearer) {
      const scheme: RegistryScheme = {
        scheme: 'bearer',
        realm: bearer.params.realm!,
        ...(bearer.params.service !== undefined ? { service: bearer.params.service } : {}),
      };
      this.schemes.set(registry, scheme);
      // The challenge's scope is what this endpoint needs (it may differ from our guess).
      const needed = bearer.params.scope && bearer.params.scope !== '' ? bearer.params.scope : scope;
      this.tokens.delete(this.tokenKey(registry, needed));
      const token = await this.token(registry, scheme, needed);
      return `Bearer ${token.token}`;
    }
    if (challenges.some((c) => c.scheme === 'basic')) {
      this.schemes.set(registry, { scheme: 'basic' });
      const header = this.basicHeader(registry);
      if (header === undefined) {
        throw new RegistryAuthError(
          `Registry ${registry} requires a user name and password (Basic auth) and none is configured: set the registry-username and registry-password inputs or run docker login`,
          registry,
          401,
        );
      }
      return header;
    }
    throw new RegistryAuthError(
      `Registry ${registry} answered 401 with an unsupported challenge ${JSON.stringify(wwwAuthenticate ?? '')}`,
      registry,
      401,
    );
  }

  /** Secrets that must never leave this process in text (for redacting server responses). */
  secretsFor(registry: string): string[] {
    const creds = this.options.credentials?.(registry);
    const out: string[] = [];
    if (creds?.kind === 'basic') out.push(creds.password, Buffer.from(`${creds.username}:${creds.password}`).toString('base64'));
    if (creds?.kind === 'identity-token') out.push(creds.identityToken);
    for (const [key, t] of this.tokens) if (key.startsWith(`${registry}|`)) out.push(t.token);
    return out;
  }

  /** Who we authenticated as, for error messages. */
  describeIdentity(registry: string): string {
    const creds = this.options.credentials?.(registry);
    if (creds === undefined) return 'anonymously';
    if (creds.kind === 'basic') return `as user ${JSON.stringify(creds.username)}`;
    return creds.username ? `with the identity token of ${JSON.stringify(creds.username)}` : 'with an identity token';
  }

  private basicHeader(registry: string): string | undefined {
    const creds = this.options.credentials?.(registry);
    if (creds?.kind !== 'basic') return undefined;
    return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
  }

  private tokenKey(registry: string, scope: string): string {
    return `${registry}|${scope}`;
  }

  private async token(registry: string, scheme: Extract<RegistryScheme, { scheme: 'bearer' }>, scope: string): Promise<CachedToken> {
    const key = this.tokenKey(registry, scope);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > this.now()) return cached;
    // Concurrent requests for the same scope share one token request.
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const p = this.fetchToken(registry, scheme, scope).finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    const token = await p;
    this.tokens.set(key, token);
    return token;
  }

  private async fetchToken(registry: string, scheme: { realm: string; service?: string }, scope: string): Promise<CachedToken> {
    let realm: URL;
    try {
      realm = new URL(scheme.realm);
    } catch {
      throw new RegistryAuthError(`Registry ${registry} sent an invalid token realm ${JSON.stringify(scheme.realm)}`, registry);
    }
    const creds = this.options.credentials?.(registry);
    const realmIsSafe = realm.protocol === 'https:' || isLoopbackRegistry(realm.host) || this.options.insecure === true;
    if (creds !== undefined && !realmIsSafe) {
      throw new RegistryAuthError(
        `Registry ${registry} asks for credentials to be sent to ${realm.origin} over plain HTTP; refusing (use the insecure option if this is intended)`,
        registry,
      );
    }
    const init: HttpRequestInit = { signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) };
    const headers: Record<string, string> = { 'User-Agent': 'strata' };
    const url = new URL(realm);
    if (creds?.kind === 'identity-token') {
      // An identity token is an OAuth2 refresh token: docker exchanges it with a form POST.
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.identityToken, client_id: 'strata' });
      if (scheme.service) form.set('service', scheme.service);
      if (scope) form.set('scope', scope);
      init.method = 'POST';
      init.body = form.toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } else {
      if (scheme.service) url.searchParams.set('service', scheme.service);
      for (const s of scope.split(' ').filter(Boolean)) url.searchParams.append('scope', s);
      if (creds?.kind === 'basic') {
        headers.Authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
      }
    }
    init.headers = headers;
    this.options.onRequest?.();
    this.options.logger?.debug(`registry ${registry}: requesting a token for ${JSON.stringify(scope)} from ${realm.origin}${realm.pathname}`);
    let res: HttpResponse;
    try {
      res = await this.options.fetch(url.href, init);
    } catch (e) {
      throw new RegistryAuthError(`Token realm ${realm.origin}${realm.pathname} for ${registry} is unreachable: ${describeFetchError(e)}`, registry);
    }
    const text = await res.text();
    if (!res.ok) {
      const identity = this.describeIdentity(registry);
      const detail = redact(serverMessage(text), this.secretsFor(registry));
      const what = res.status === 401 || res.status === 403 ? `rejected the request ${identity}` : `failed ${identity}`;
      throw new RegistryAuthError(
        `Token realm ${realm.origin}${realm.pathname} for ${registry} ${what} (HTTP ${res.status}${detail ? `: ${detail}` : ''})`,
        registry,
        res.status,
      );
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new RegistryAuthError(`Token realm ${realm.origin}${realm.pathname} for ${registry} answered with something other than JSON`, registry);
    }
    const token = typeof body.token === 'string' && body.token !== '' ? body.token : body.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new RegistryAuthError(`Token realm ${realm.origin}${realm.pathname} for ${registry} answered without a "token" or "access_token"`, registry);
    }
    const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_LIFETIME_S;
    // Our own clock, not issued_at: the realm's clock may be skewed from ours.
    return { token, expiresAt: this.now() + lifetime * 1000 };
  }
}

/** The `errors[0].message` of a distribution error body, or a short plain-text excerpt. */
export function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { errors?: { code?: string; message?: string }[]; details?: string; error?: string };
    const first = body.errors?.[0];
    if (first) return [first.code, first.message].filter(Boolean).join(' ').slice(0, 200);
    if (typeof body.details === 'string') return body.details.slice(0, 200);
    if (typeof body.error === 'string') return body.error.slice(0, 200);
  } catch {
    // not JSON
  }
  const plain = text.replace(/\s+/g, ' ').trim();
  return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
}

export function describeFetchError(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError') return 'timed out';
  const cause = err?.cause?.code ?? err?.cause?.message;
  return cause ? `${err.message} (${cause})` : String(err?.message ?? e);
}
