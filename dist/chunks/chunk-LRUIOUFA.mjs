import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  isStreamBody
} from "./chunk-S5MJTEV4.mjs";
import {
  apiHost,
  formatReference,
  isLoopbackRegistry,
  lookupDockerCredentials,
  manifestReference,
  normalizeRegistry,
  toReference
} from "./chunk-FMNSBQPK.mjs";
import {
  platformString
} from "./chunk-W76PVC6K.mjs";

// src/registry/auth.ts
function parseWwwAuthenticate(header) {
  const challenges = [];
  let i = 0;
  const n = header.length;
  const skip = (re) => {
    while (i < n && re.test(header[i])) i++;
  };
  const token = () => {
    const start = i;
    while (i < n && /[!#$%&'*+.^_`|~0-9A-Za-z-]/.test(header[i])) i++;
    return header.slice(start, i);
  };
  let current;
  while (i < n) {
    skip(/[\s,]/);
    if (i >= n) break;
    const word = token();
    if (word === "") {
      i++;
      continue;
    }
    skip(/\s/);
    if (header[i] === "=") {
      i++;
      skip(/\s/);
      let value;
      if (header[i] === '"') {
        i++;
        value = "";
        while (i < n && header[i] !== '"') {
          if (header[i] === "\\" && i + 1 < n) i++;
          value += header[i];
          i++;
        }
        i++;
      } else {
        const vs = i;
        while (i < n && header[i] !== ",") i++;
        value = header.slice(vs, i).trim();
      }
      if (current !== void 0) current.params[word.toLowerCase()] = value;
    } else {
      current = { scheme: word.toLowerCase(), params: /* @__PURE__ */ Object.create(null) };
      challenges.push(current);
    }
  }
  return challenges;
}
var RegistryAuthError = class extends Error {
  registry;
  status;
  constructor(message, registry, status) {
    super(message);
    this.registry = registry;
    this.status = status;
    this.name = "RegistryAuthError";
  }
};
function createCredentialResolver(sources) {
  const inputRegistry = sources.input ? normalizeRegistry(sources.input.registry) : void 0;
  return (registry) => {
    const host = normalizeRegistry(registry);
    if (sources.input && host === inputRegistry && sources.input.username !== "") {
      return { kind: "basic", username: sources.input.username, password: sources.input.password };
    }
    return sources.helpers?.get(host) ?? (sources.dockerConfig ? lookupDockerCredentials(sources.dockerConfig, host) : void 0);
  };
}
function redact(text, secrets) {
  let out = text;
  for (const s of secrets) if (s && s.length >= 3) out = out.split(s).join("***");
  return out;
}
var EXPIRY_MARGIN_MS = 5e3;
var DEFAULT_TOKEN_LIFETIME_S = 60;
var RegistryAuthenticator = class {
  schemes = /* @__PURE__ */ new Map();
  tokens = /* @__PURE__ */ new Map();
  inflight = /* @__PURE__ */ new Map();
  options;
  now;
  constructor(options) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }
  /**
   * The Authorization header for a request, when this registry's scheme is already known
   * (saving the 401 round trip); undefined means "try anonymously first".
   */
  async authorize(registry, scope) {
    const scheme = this.schemes.get(registry);
    if (scheme === void 0) return void 0;
    if (scheme.scheme === "basic") return this.basicHeader(registry);
    const token = await this.token(registry, scheme, scope);
    return `Bearer ${token.token}`;
  }
  /** Handles a 401: learns the scheme from the challenge and returns the header to retry with. */
  async respondToChallenge(registry, wwwAuthenticate, scope) {
    const challenges = parseWwwAuthenticate(wwwAuthenticate ?? "");
    const bearer = challenges.find((c) => c.scheme === "bearer" && c.params.realm);
    if (bearer) {
      const scheme = {
        scheme: "bearer",
        realm: bearer.params.realm,
        ...bearer.params.service !== void 0 ? { service: bearer.params.service } : {}
      };
      this.schemes.set(registry, scheme);
      const needed = bearer.params.scope && bearer.params.scope !== "" ? bearer.params.scope : scope;
      this.tokens.delete(this.tokenKey(registry, needed));
      const token = await this.token(registry, scheme, needed);
      return `Bearer ${token.token}`;
    }
    if (challenges.some((c) => c.scheme === "basic")) {
      this.schemes.set(registry, { scheme: "basic" });
      const header = this.basicHeader(registry);
      if (header === void 0) {
        throw new RegistryAuthError(
          `Registry ${registry} requires a user name and password (Basic auth) and none is configured: set the registry-username and registry-password inputs or run docker login`,
          registry,
          401
        );
      }
      return header;
    }
    throw new RegistryAuthError(
      `Registry ${registry} answered 401 with an unsupported challenge ${JSON.stringify(wwwAuthenticate ?? "")}`,
      registry,
      401
    );
  }
  /** Secrets that must never leave this process in text (for redacting server responses). */
  secretsFor(registry) {
    const creds = this.options.credentials?.(registry);
    const out = [];
    if (creds?.kind === "basic") out.push(creds.password, Buffer.from(`${creds.username}:${creds.password}`).toString("base64"));
    if (creds?.kind === "identity-token") out.push(creds.identityToken);
    for (const [key, t] of this.tokens) if (key.startsWith(`${registry}|`)) out.push(t.token);
    return out;
  }
  /** Who we authenticated as, for error messages. */
  describeIdentity(registry) {
    const creds = this.options.credentials?.(registry);
    if (creds === void 0) return "anonymously";
    if (creds.kind === "basic") return `as user ${JSON.stringify(creds.username)}`;
    return creds.username ? `with the identity token of ${JSON.stringify(creds.username)}` : "with an identity token";
  }
  basicHeader(registry) {
    const creds = this.options.credentials?.(registry);
    if (creds?.kind !== "basic") return void 0;
    return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}`;
  }
  tokenKey(registry, scope) {
    return `${registry}|${scope}`;
  }
  async token(registry, scheme, scope) {
    const key = this.tokenKey(registry, scope);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > this.now()) return cached;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const p = this.fetchToken(registry, scheme, scope).finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    const token = await p;
    this.tokens.set(key, token);
    return token;
  }
  async fetchToken(registry, scheme, scope) {
    let realm;
    try {
      realm = new URL(scheme.realm);
    } catch {
      throw new RegistryAuthError(`Registry ${registry} sent an invalid token realm ${JSON.stringify(scheme.realm)}`, registry);
    }
    const creds = this.options.credentials?.(registry);
    const realmIsSafe = realm.protocol === "https:" || isLoopbackRegistry(realm.host) || this.options.insecure === true;
    if (creds !== void 0 && !realmIsSafe) {
      throw new RegistryAuthError(
        `Registry ${registry} asks for credentials to be sent to ${realm.origin} over plain HTTP; refusing (use the insecure option if this is intended)`,
        registry
      );
    }
    const init = { signal: AbortSignal.timeout(this.options.timeoutMs ?? 3e4) };
    const headers = { "User-Agent": "strata" };
    const url = new URL(realm);
    if (creds?.kind === "identity-token") {
      const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: creds.identityToken, client_id: "strata" });
      if (scheme.service) form.set("service", scheme.service);
      if (scope) form.set("scope", scope);
      init.method = "POST";
      init.body = form.toString();
      headers["Content-Type"] = "application/x-www-form-urlencoded";
    } else {
      if (scheme.service) url.searchParams.set("service", scheme.service);
      for (const s of scope.split(" ").filter(Boolean)) url.searchParams.append("scope", s);
      if (creds?.kind === "basic") {
        headers.Authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}`;
      }
    }
    init.headers = headers;
    this.options.onRequest?.();
    this.options.logger?.debug(`registry ${registry}: requesting a token for ${JSON.stringify(scope)} from ${realm.origin}${realm.pathname}`);
    let res;
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
        `Token realm ${realm.origin}${realm.pathname} for ${registry} ${what} (HTTP ${res.status}${detail ? `: ${detail}` : ""})`,
        registry,
        res.status
      );
    }
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new RegistryAuthError(`Token realm ${realm.origin}${realm.pathname} for ${registry} answered with something other than JSON`, registry);
    }
    const token = typeof body.token === "string" && body.token !== "" ? body.token : body.access_token;
    if (typeof token !== "string" || token === "") {
      throw new RegistryAuthError(`Token realm ${realm.origin}${realm.pathname} for ${registry} answered without a "token" or "access_token"`, registry);
    }
    const lifetime = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_LIFETIME_S;
    return { token, expiresAt: this.now() + lifetime * 1e3 };
  }
};
function serverMessage(text) {
  try {
    const body = JSON.parse(text);
    const first = body.errors?.[0];
    if (first) return [first.code, first.message].filter(Boolean).join(" ").slice(0, 200);
    if (typeof body.details === "string") return body.details.slice(0, 200);
    if (typeof body.error === "string") return body.error.slice(0, 200);
  } catch {
  }
  const plain = text.replace(/\s+/g, " ").trim();
  return plain.length > 200 ? `${plain.slice(0, 200)}\u2026` : plain;
}
function describeFetchError(e) {
  const err = e;
  if (err?.name === "TimeoutError") return "timed out";
  const cause = err?.cause?.code ?? err?.cause?.message;
  return cause ? `${err.message} (${cause})` : String(err?.message ?? e);
}

// src/registry/media-types.ts
var OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
var OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
var OCI_LAYER_NONDISTRIBUTABLE_GZIP = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
var DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
var DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
var DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
var DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
var DOCKER_FOREIGN_LAYER = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
var DOCKER_MANIFEST_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
var DOCKER_MANIFEST_SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";
var MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST];
var MANIFEST_ACCEPT_HEADER = MANIFEST_ACCEPT.join(", ");
function baseMediaType(mediaType) {
  return mediaType.split(";")[0].trim().toLowerCase();
}
function isIndexMediaType(mediaType) {
  if (mediaType === void 0) return false;
  const t = baseMediaType(mediaType);
  return t === OCI_INDEX || t === DOCKER_MANIFEST_LIST;
}
function isImageManifestMediaType(mediaType) {
  if (mediaType === void 0) return false;
  const t = baseMediaType(mediaType);
  return t === OCI_MANIFEST || t === DOCKER_MANIFEST;
}
function isSchema1MediaType(mediaType) {
  if (mediaType === void 0) return false;
  const t = baseMediaType(mediaType);
  return t === DOCKER_MANIFEST_SCHEMA1 || t === DOCKER_MANIFEST_SCHEMA1_SIGNED;
}
function classifyManifest(contentType, body) {
  for (const candidate of [contentType, mediaTypeField(body)]) {
    if (isIndexMediaType(candidate)) return "index";
    if (isImageManifestMediaType(candidate)) return "manifest";
  }
  if (typeof body === "object" && body !== null) {
    if (Array.isArray(body.manifests)) return "index";
    if (Array.isArray(body.layers)) return "manifest";
  }
  return void 0;
}
function mediaTypeField(body) {
  if (typeof body !== "object" || body === null) return void 0;
  const t = body.mediaType;
  return typeof t === "string" ? t : void 0;
}

// src/registry/manifest.ts
var ManifestError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ManifestError";
  }
};
function parseManifest(raw, contentType, where) {
  let body;
  try {
    body = JSON.parse(raw);
  } catch (e) {
    throw new ManifestError(`Manifest of ${where} is not JSON (${e.message})`);
  }
  if (typeof body !== "object" || body === null) throw new ManifestError(`Manifest of ${where} is not a JSON object`);
  const b = body;
  if (isSchema1MediaType(contentType) || isSchema1MediaType(b.mediaType) || b.schemaVersion === 1) {
    throw new ManifestError(`Manifest of ${where} is Docker schema 1, which is deprecated and not supported; push it again with a current client`);
  }
  const kind = classifyManifest(contentType, body);
  if (kind === void 0) {
    throw new ManifestError(`Manifest of ${where} has unsupported media type ${JSON.stringify(contentType ?? b.mediaType ?? null)}`);
  }
  const common = {
    schemaVersion: typeof b.schemaVersion === "number" ? b.schemaVersion : 2,
    ...typeof b.mediaType === "string" ? { mediaType: b.mediaType } : {},
    ...isStringRecord(b.annotations) ? { annotations: b.annotations } : {}
  };
  if (kind === "index") {
    if (!Array.isArray(b.manifests)) throw new ManifestError(`Index of ${where} has no "manifests" array`);
    return { kind, ...common, manifests: b.manifests.map((d, i) => descriptor(d, `${where} manifests[${i}]`)) };
  }
  if (!Array.isArray(b.layers)) throw new ManifestError(`Manifest of ${where} has no "layers" array`);
  return {
    kind,
    ...common,
    config: descriptor(b.config, `${where} config`),
    layers: b.layers.map((d, i) => descriptor(d, `${where} layers[${i}]`)),
    ...b.subject !== void 0 ? { subject: descriptor(b.subject, `${where} subject`) } : {}
  };
}
function parseImageConfig(raw, where) {
  let body;
  try {
    body = JSON.parse(raw);
  } catch (e) {
    throw new ManifestError(`Config ${where} is not JSON (${e.message})`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ManifestError(`Config ${where} is not a JSON object`);
  return body;
}
function descriptor(value, where) {
  if (typeof value !== "object" || value === null) throw new ManifestError(`Descriptor ${where} is missing or not an object`);
  const d = value;
  if (typeof d.digest !== "string" || !d.digest.includes(":")) {
    throw new ManifestError(`Descriptor ${where} has an invalid digest ${JSON.stringify(d.digest ?? null)}`);
  }
  if (typeof d.size !== "number" || !Number.isSafeInteger(d.size) || d.size < 0) {
    throw new ManifestError(`Descriptor ${where} has an invalid size ${JSON.stringify(d.size ?? null)}`);
  }
  const out = { mediaType: typeof d.mediaType === "string" ? d.mediaType : "", digest: d.digest, size: d.size };
  if (isStringRecord(d.annotations)) out.annotations = d.annotations;
  if (typeof d.artifactType === "string") out.artifactType = d.artifactType;
  if (typeof d.platform === "object" && d.platform !== null) {
    const p = d.platform;
    out.platform = {
      architecture: String(p.architecture ?? ""),
      os: String(p.os ?? ""),
      /* eslint-enable @typescript-eslint/no-base-to-string */
      ...typeof p.variant === "string" ? { variant: p.variant } : {},
      ...typeof p["os.version"] === "string" ? { "os.version": p["os.version"] } : {}
    };
  }
  return out;
}
function isStringRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");
}

// src/registry/transport.ts
var RegistryError = class extends Error {
  status;
  code;
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
    this.name = "RegistryError";
  }
};
function isNotFound(e) {
  return e instanceof RegistryError && e.status === 404;
}
var RETRYABLE = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
var RegistryTransport = class {
  options;
  auth;
  sleep;
  now;
  requests = 0;
  constructor(options) {
    this.options = options;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.auth = new RegistryAuthenticator({
      fetch: options.fetch,
      ...options.credentials ? { credentials: options.credentials } : {},
      now: this.now,
      timeoutMs: options.timeoutMs ?? 3e4,
      insecure: options.insecure === true,
      ...options.logger ? { logger: options.logger } : {},
      onRequest: () => this.requests++
    });
  }
  /** HTTP requests sent so far (token requests and retries included). */
  get requestCount() {
    return this.requests;
  }
  debug(message) {
    this.options.logger?.debug(message);
  }
  /**
   * The URL of `path` on ref's registry: relative to `/v2/<name>/` (`manifests/1`), absolute on
   * the registry (`/v2/...`, as Link headers give it), or a whole URL (an upload session's Location).
   */
  url(ref, path) {
    if (/^https?:\/\//i.test(path)) return path;
    const base = `${this.scheme(ref.registry)}://${apiHost(ref.registry)}`;
    return path.startsWith("/v2/") ? `${base}${path}` : `${base}/v2/${ref.repository}/${path}`;
  }
  /**
   * One logical request: auth (at most one challenge round) on top of retries. Resolves with the
   * answer when its status is one of `req.ok`; throws RegistryError or RegistryAuthError otherwise.
   */
  async send(ref, path, req) {
    const scope = req.scope ?? `repository:${ref.repository}:pull`;
    const url = this.url(ref, path);
    let authorization = await this.auth.authorize(ref.registry, scope);
    let res = await this.fetchWithRetry(url, req, authorization, ref.registry);
    if (res.status === 401) {
      const challenge = res.headers.get("www-authenticate");
      await res.body?.cancel();
      authorization = await this.auth.respondToChallenge(ref.registry, challenge, scope);
      res = await this.fetchWithRetry(url, req, authorization, ref.registry);
      if (res.status === 401) throw await this.unauthorized(res, req, ref.registry, scope);
    }
    if (req.ok ? !req.ok.includes(res.status) : !res.ok) throw await this.errorFor(res, req, ref.registry, scope);
    return res;
  }
  /**
   * Runs an operation of several requests again, after the usual backoff, when it failed in a way
   * a retry may cure (a network error, a dropped stream, 408/429/5xx); auth errors and other
   * answers are final. `describe` gives the debug line logged before each retry.
   */
  async retryTransient(run, describe) {
    const retries = this.options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        return await run(attempt);
      } catch (e) {
        const status = e.status;
        const transient = !(e instanceof RegistryAuthError) && (status === void 0 || RETRYABLE.has(status));
        if (!transient || attempt >= retries) throw e;
        const wait = this.backoff(attempt);
        this.debug(describe(e, wait));
        await this.sleep(wait);
      }
    }
  }
  scheme(registry) {
    const insecure = this.options.insecure;
    if (isLoopbackRegistry(registry) || insecure === true) return "http";
    if (Array.isArray(insecure) && insecure.includes(registry)) return "http";
    return "https";
  }
  async fetchWithRetry(url, req, authorization, registry) {
    const retries = req.retry === false ? 0 : this.options.retries ?? 3;
    const timeoutMs = this.options.timeoutMs ?? 3e4;
    const write = req.wording === "write";
    const shown = redactUrl(url);
    const headers = { "User-Agent": "strata", ...req.headers ?? {} };
    if (authorization) headers.Authorization = authorization;
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      const body = req.body ? await req.body() : void 0;
      const streamed = isStreamBody(body);
      let res;
      try {
        res = await this.options.fetch(url, {
          method: req.method,
          headers,
          redirect: "follow",
          ...body !== void 0 ? { body } : {},
          // Node's fetch needs this for a stream body; the upload then goes out as it is read.
          ...streamed ? { duplex: "half" } : {},
          // A streamed layer may take long; the per-request timeout is for the small requests.
          ...streamed ? {} : { signal: AbortSignal.timeout(timeoutMs) }
        });
      } catch (e) {
        if (streamed) await body.cancel().catch(() => void 0);
        const why = e?.name === "TimeoutError" ? `timed out after ${timeoutMs} ms` : `failed: ${describeFetchError(e)}`;
        if (attempt >= retries) {
          const attempts = write ? "" : ` (${attempt + 1} attempt${attempt ? "s" : ""})`;
          throw new RegistryError(`${req.what}: ${req.method} ${shown} ${why}${attempts}`);
        }
        const wait2 = this.backoff(attempt);
        this.debug(`${req.method} ${shown} ${why}; retrying in ${wait2} ms`);
        await this.sleep(wait2);
        continue;
      }
      if (streamed && res.status >= 300) {
        await body.cancel().catch(() => void 0);
      }
      if (!RETRYABLE.has(res.status) || attempt >= retries) return res;
      const wait = Math.min(parseRetryAfter(res.headers.get("retry-after"), this.now()) ?? this.backoff(attempt), this.maxWait());
      await res.body?.cancel();
      this.debug(`${req.method} ${shown} answered ${res.status}${write ? "" : ` on ${registry}`}; retrying in ${wait} ms`);
      await this.sleep(wait);
    }
  }
  backoff(attempt) {
    return Math.min((this.options.retryBaseMs ?? 500) * 2 ** attempt, this.maxWait());
  }
  maxWait() {
    return this.options.maxRetryWaitMs ?? 3e4;
  }
  /** A 401 even after answering the challenge. */
  async unauthorized(res, req, registry, scope) {
    if (req.wording !== "write") {
      await res.body?.cancel();
      return new RegistryAuthError(`Registry ${registry} rejected the credentials sent ${this.auth.describeIdentity(registry)} for ${req.what} (HTTP 401)`, registry, 401);
    }
    const text = await res.text().catch(() => "");
    const detail = redact(serverMessage(text), this.auth.secretsFor(registry));
    return new RegistryAuthError(
      `Registry ${registry} refused ${req.what} ${this.auth.describeIdentity(registry)} (HTTP 401${detail ? `: ${detail}` : ""}); it needs the token scope ${JSON.stringify(scope)}`,
      registry,
      401
    );
  }
  async errorFor(res, req, registry, scope) {
    const text = req.method === "HEAD" ? "" : await res.text().catch(() => "");
    const detail = redact(serverMessage(text), this.auth.secretsFor(registry));
    const code = /^[A-Z_]+/.exec(detail)?.[0];
    const summary = res.status === 404 ? "not found" : res.status === 403 ? "access denied" : "failed";
    const message = `${req.what} ${summary} (HTTP ${res.status}${detail ? `: ${detail}` : ""})`;
    if (res.status === 403) {
      const needs = req.wording === "write" ? `; it needs the token scope ${JSON.stringify(scope)}` : "";
      return new RegistryAuthError(`${message} ${this.auth.describeIdentity(registry)}${needs}`, registry, 403);
    }
    return new RegistryError(message, res.status, code);
  }
};
function parseRetryAfter(value, now) {
  if (value === null || value === void 0 || value.trim() === "") return void 0;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1e3;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return void 0;
  return Math.max(0, at - now);
}
function redactUrl(url) {
  try {
    const u = new URL(url);
    if (!u.searchParams.has("_state")) return url;
    u.searchParams.set("_state", "\u2026");
    return u.toString();
  } catch {
    return url;
  }
}

// src/registry/client.ts
var RegistryClient = class {
  /** The HTTP side; hand it (or this client) to a RegistryWriter to share its tokens and count. */
  transport;
  constructor(source) {
    this.transport = source instanceof RegistryTransport ? source : new RegistryTransport(source);
  }
  /** HTTP requests sent so far through this client's transport (token requests and retries included). */
  get requestCount() {
    return this.transport.requestCount;
  }
  /** The digest a tag resolves to now: HEAD (free of Docker Hub pull limits), GET if HEAD lacks it. */
  async headDigest(refInput) {
    const ref = toReference(refInput);
    const what = formatReference(ref);
    const path = `manifests/${manifestReference(ref)}`;
    const head = await this.transport.send(ref, path, { method: "HEAD", headers: { Accept: MANIFEST_ACCEPT_HEADER }, what: `Manifest ${what}` });
    const digest = head.headers.get("docker-content-digest");
    if (digest) {
      return {
        digest,
        mediaType: head.headers.get("content-type") ?? "",
        size: Number(head.headers.get("content-length") ?? 0)
      };
    }
    const full = await this.getManifest(ref);
    return { digest: full.digest, mediaType: full.mediaType, size: full.size };
  }
  /**
   * Whether the registry has the image (one HEAD): false when it answers "not found"; throws when
   * it cannot say (auth, network, 5xx), which is not the same as absent.
   */
  async exists(refInput) {
    try {
      await this.headDigest(refInput);
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }
  /** A manifest or index, by the reference's tag/digest or by an explicit digest in its repository. */
  async getManifest(refInput, digest) {
    const ref = toReference(refInput);
    const target = digest ?? manifestReference(ref);
    const what = digest ? `${ref.registry}/${ref.repository}@${digest}` : formatReference(ref);
    loadCryptoSoon();
    const res = await this.transport.send(ref, `manifests/${target}`, { method: "GET", headers: { Accept: MANIFEST_ACCEPT_HEADER }, what: `Manifest ${what}` });
    const bytes = Buffer.from(await res.arrayBuffer());
    const computed = sha256Of(bytes);
    const expected = target.includes(":") ? target : res.headers.get("docker-content-digest");
    if (expected?.startsWith("sha256:") && expected !== computed) {
      throw new RegistryError(`Manifest ${what} has digest ${computed}, expected ${expected}; the registry sent different content`);
    }
    const raw = bytes.toString("utf8");
    const mediaType = res.headers.get("content-type") ?? "";
    const document = parseManifest(raw, mediaType || void 0, what);
    return { digest: expected ?? computed, mediaType: mediaType || document.mediaType || "", size: bytes.length, raw, document };
  }
  /** The image config blob. Layer blobs are never fetched: sizes come from the manifest. */
  async getConfig(repo, digest) {
    const ref = toReference(repo);
    const what = `${ref.registry}/${ref.repository}@${digest}`;
    loadCryptoSoon();
    const res = await this.transport.send(ref, `blobs/${digest}`, {
      method: "GET",
      headers: { Accept: `${OCI_CONFIG}, ${DOCKER_CONFIG}, application/json, */*` },
      what: `Config ${what}`
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (digest.startsWith("sha256:")) {
      const computed = sha256Of(bytes);
      if (computed !== digest) throw new RegistryError(`Config ${what} has digest ${computed}; the registry sent different content`);
    }
    return parseImageConfig(bytes.toString("utf8"), what);
  }
  /** Every tag of a repository, following `Link: <...>; rel="next"` pages. */
  async listTags(repo, options = {}) {
    const ref = toReference(repo);
    const maxPages = options.maxPages ?? 50;
    const what = `Tags of ${ref.registry}/${ref.repository}`;
    let path = `tags/list${options.pageSize ? `?n=${options.pageSize}` : ""}`;
    const tags = [];
    for (let page = 0; path !== void 0; page++) {
      if (page >= maxPages) {
        this.transport.debug(`${what}: stopped after ${maxPages} pages (${tags.length} tags)`);
        break;
      }
      const res = await this.transport.send(ref, path, { method: "GET", headers: { Accept: "application/json" }, what });
      const body = await res.json().catch(() => void 0);
      if (body === void 0) throw new RegistryError(`${what}: the registry answered with something other than JSON`);
      if (Array.isArray(body.tags)) {
        for (const t of body.tags) if (typeof t === "string") tags.push(t);
      }
      path = nextPagePath(res.headers.get("link"), res.url || this.transport.url(ref, path));
    }
    return tags;
  }
};
function nextPagePath(link, currentUrl) {
  if (!link) return void 0;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!m) continue;
    const rels = /;\s*rel="?([^";]*)"?/i.exec(m[2])?.[1]?.split(/\s+/) ?? [];
    if (!rels.includes("next")) continue;
    if (!URL.canParse(m[1], currentUrl)) return void 0;
    const next = new URL(m[1], currentUrl);
    return `${next.pathname}${next.search}`;
  }
  return void 0;
}
function sha256Of(bytes) {
  return `sha256:${process.getBuiltinModule("node:crypto").createHash("sha256").update(bytes).digest("hex")}`;
}
var cryptoLoading = false;
function loadCryptoSoon() {
  if (cryptoLoading) return;
  cryptoLoading = true;
  setImmediate(() => process.getBuiltinModule("node:crypto"));
}

// src/image/summary.ts
var ATTESTATION_TYPE = "attestation-manifest";
function platformDescriptors(index) {
  return index.manifests.filter((d) => {
    if (d.annotations?.["vnd.docker.reference.type"] === ATTESTATION_TYPE) return false;
    if (d.platform?.os === "unknown" && d.platform.architecture === "unknown") return false;
    if (d.mediaType !== "" && !isImageManifestMediaType(d.mediaType)) return false;
    return true;
  });
}
function summarizeRegistryImage(docs) {
  const platforms = [];
  if (docs.root.kind === "index") {
    for (const d of platformDescriptors(docs.root)) {
      const manifest = docs.manifests[d.digest];
      if (manifest === void 0) throw new Error(`Summary of ${docs.reference}: manifest ${d.digest} was not fetched`);
      platforms.push(platformImage(docs, d.digest, manifest, d.platform));
    }
  } else {
    platforms.push(platformImage(docs, docs.digest, docs.root, void 0));
  }
  return { reference: docs.reference, digest: docs.digest, source: "registry", sizeKind: "compressed", platforms };
}
function platformImage(docs, manifestDigest, manifest, indexPlatform) {
  const config = docs.configs[manifest.config.digest];
  if (config === void 0) throw new Error(`Summary of ${docs.reference}: config ${manifest.config.digest} was not fetched`);
  const diffIds = config.rootfs?.diff_ids ?? [];
  const layers = manifest.layers.map((l, i) => ({
    digest: l.digest,
    size: l.size,
    ...l.mediaType ? { mediaType: l.mediaType } : {},
    ...diffIds[i] !== void 0 ? { diffId: diffIds[i] } : {}
  }));
  const platform = platformString(indexPlatform ?? { os: config.os, architecture: config.architecture, ...config.variant ? { variant: config.variant } : {} });
  return {
    platform,
    manifestDigest,
    configDigest: manifest.config.digest,
    ...config.created ? { created: config.created } : {},
    layers,
    history: historyEntries(config),
    labels: { ...config.config?.Labels ?? {} },
    ...manifest.annotations && Object.keys(manifest.annotations).length > 0 ? { annotations: { ...manifest.annotations } } : {}
  };
}
function historyEntries(config) {
  return (config.history ?? []).map((h) => ({
    ...h.created ? { created: h.created } : {},
    ...h.created_by ? { createdBy: h.created_by } : {},
    ...h.comment ? { comment: h.comment } : {},
    emptyLayer: h.empty_layer === true
  }));
}

// src/registry/documents.ts
var ImageDocumentReader = class extends RegistryClient {
  rememberTags;
  /** `registry/repository@digest` -> the manifest or index. */
  manifests = /* @__PURE__ */ new Map();
  /** `registry/repository@digest` -> the config blob, parsed. */
  configs = /* @__PURE__ */ new Map();
  /** `registry/repository:tag` -> what the tag resolved to (rememberTags only). */
  tags = /* @__PURE__ */ new Map();
  constructor(source, options = {}) {
    super(source);
    this.rememberTags = options.rememberTags ?? false;
  }
  /** HEAD, unless the manifest (or, with rememberTags, the tag) has been read already. */
  async headDigest(refInput) {
    const ref = toReference(refInput);
    if (ref.digest !== void 0) {
      const known = this.manifests.get(documentKey(ref, ref.digest));
      return known ? digestOf(await known) : super.headDigest(ref);
    }
    if (!this.rememberTags) return super.headDigest(ref);
    return remembered(this.tags, tagKey(ref), () => super.headDigest(ref));
  }
  async getManifest(refInput, digest) {
    const ref = toReference(refInput);
    const target = digest ?? ref.digest;
    if (target !== void 0) return this.manifestByDigest(ref, target);
    const key = tagKey(ref);
    const resolved = this.rememberTags ? this.tags.get(key) : void 0;
    if (resolved) return this.manifestByDigest(ref, (await resolved).digest);
    const read = super.getManifest(ref).then((result) => {
      const byDigest = documentKey(ref, result.digest);
      if (!this.manifests.has(byDigest)) this.manifests.set(byDigest, Promise.resolve(result));
      return result;
    });
    if (this.rememberTags) remembered(this.tags, key, () => read.then(digestOf)).catch(() => void 0);
    return read;
  }
  getConfig(repo, digest) {
    const ref = toReference(repo);
    return remembered(this.configs, documentKey(ref, digest), () => super.getConfig(ref, digest));
  }
  manifestByDigest(ref, digest) {
    return remembered(this.manifests, documentKey(ref, digest), () => super.getManifest(ref, digest));
  }
};
function remembered(memo, key, fetch) {
  const known = memo.get(key);
  if (known) return known;
  const pending = fetch();
  memo.set(key, pending);
  pending.catch(() => {
    if (memo.get(key) === pending) memo.delete(key);
  });
  return pending;
}
function documentKey(ref, digest) {
  return `${ref.registry}/${ref.repository}@${digest}`;
}
function tagKey(ref) {
  return `${ref.registry}/${ref.repository}:${manifestReference(ref)}`;
}
function digestOf(m) {
  return { digest: m.digest, mediaType: m.mediaType, size: m.size };
}
async function readImageDocuments(reader, refInput, options = {}) {
  const ref = toReference(refInput);
  const reference = options.displayName ?? (typeof refInput === "string" ? refInput : formatReference(ref));
  const root = await reader.getManifest(ref, options.digest);
  const docs = { reference, digest: root.digest, root: root.document, manifests: {}, configs: {} };
  const readConfig = async (manifest) => {
    docs.configs[manifest.config.digest] = await reader.getConfig(ref, manifest.config.digest);
  };
  if (root.document.kind === "manifest") {
    await readConfig(root.document);
    return docs;
  }
  const index = root.document;
  const platforms = platformDescriptors(index);
  const chosen = options.choose ? options.choose(platforms, index) : platforms.map((d) => d.digest);
  const digests = [...new Set(chosen.filter((d) => d !== void 0))];
  await Promise.all(
    digests.map(async (digest) => {
      const child = await reader.getManifest(ref, digest);
      if (child.document.kind !== "manifest") {
        throw options.nestedIndex?.(reference, digest) ?? new Error(`${reference}: index entry ${digest} is an index itself, not a platform image`);
      }
      docs.manifests[digest] = child.document;
      await readConfig(child.document);
    })
  );
  return docs;
}

export {
  createCredentialResolver,
  OCI_INDEX,
  OCI_MANIFEST,
  OCI_LAYER_GZIP,
  OCI_LAYER_NONDISTRIBUTABLE_GZIP,
  DOCKER_MANIFEST_LIST,
  DOCKER_LAYER,
  DOCKER_FOREIGN_LAYER,
  baseMediaType,
  RegistryError,
  isNotFound,
  RegistryTransport,
  RegistryClient,
  platformDescriptors,
  summarizeRegistryImage,
  ImageDocumentReader,
  readImageDocuments
};
