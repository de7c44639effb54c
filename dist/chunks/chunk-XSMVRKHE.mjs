import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  RegistryAuthError,
  RegistryAuthenticator,
  RegistryError,
  apiHost,
  describeFetchError,
  isLoopbackRegistry,
  parseRetryAfter,
  redact,
  serverMessage,
  toReference
} from "./chunk-PEIXX4C5.mjs";

// src/registry/writer.ts
var RETRYABLE = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
function pushScope(repository) {
  return `repository:${repository}:pull,push`;
}
var RegistryWriter = class {
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
  options;
  auth;
  sleep;
  now;
  requests = 0;
  /** HTTP requests sent so far (token requests included). */
  get requestCount() {
    return this.requests;
  }
  /** HEAD /v2/<name>/blobs/<digest>: whether the repository has it already. */
  async blobExists(repo, digest) {
    const ref = toReference(repo);
    const res = await this.request(ref, {
      method: "HEAD",
      url: this.url(ref, `blobs/${digest}`),
      what: `Blob ${ref.registry}/${ref.repository}@${digest}`,
      scope: pushScope(ref.repository),
      ok: [200, 404]
    });
    return res.status === 200;
  }
  /**
   * Cross-repository mount (same registry): 201 = mounted; 202 = the registry would not (no
   * access to the source, a different storage, or not supported) and opened an upload instead.
   */
  async mountBlob(repo, digest, fromRepository) {
    const ref = toReference(repo);
    const query = new URLSearchParams({ mount: digest, from: fromRepository });
    const res = await this.request(ref, {
      method: "POST",
      url: this.url(ref, `blobs/uploads/?${query}`),
      what: `Mount of ${digest} from ${fromRepository} into ${ref.registry}/${ref.repository}`,
      scope: `${pushScope(ref.repository)} repository:${fromRepository}:pull`,
      headers: { "Content-Length": "0" },
      ok: [201, 202]
    });
    await res.body?.cancel();
    if (res.status === 201) return { mounted: true };
    const location = res.headers.get("location");
    return { mounted: false, ...location ? { uploadUrl: new URL(location, res.url || this.url(ref, "blobs/uploads/")).toString() } : {} };
  }
  /** A small blob held in memory (a config): POST to open an upload, PUT ?digest= with the bytes. */
  async uploadBlob(repo, digest, bytes) {
    const ref = toReference(repo);
    const uploadUrl = await this.startUpload(ref);
    await this.finishUpload(ref, uploadUrl, digest, {
      retry: true,
      length: bytes.length,
      open: async () => bytes
    });
  }
  /**
   * Streams a blob from `from` (any registry) into `to`: GET piped into a monolithic PUT. The
   * bytes pass through; the registry checks them against the digest. `uploadUrl`: a session a
   * failed mount left open.
   */
  async copyBlob(from, to, blob, uploadUrl) {
    const src = toReference(from);
    const dst = toReference(to);
    const retries = this.options.retries ?? 3;
    let session = uploadUrl;
    for (let attempt = 0; ; attempt++) {
      try {
        session ??= await this.startUpload(dst);
        await this.finishUpload(dst, session, blob.digest, {
          retry: false,
          length: blob.size,
          open: async () => {
            const res = await this.request(src, {
              method: "GET",
              url: this.url(src, `blobs/${blob.digest}`),
              what: `Blob ${src.registry}/${src.repository}@${blob.digest}`,
              scope: `repository:${src.repository}:pull`,
              headers: { Accept: "*/*" },
              ok: [200]
            });
            if (!res.body) throw new RegistryError(`Blob ${src.registry}/${src.repository}@${blob.digest}: empty response body`);
            return res.body;
          }
        });
        return;
      } catch (e) {
        const status = e.status;
        const transient = !(e instanceof RegistryAuthError) && (status === void 0 || RETRYABLE.has(status));
        if (!transient || attempt >= retries) throw e;
        const wait = this.backoff(attempt);
        this.options.logger?.debug(`copy of ${blob.digest} failed (${e.message}); retrying in ${wait} ms with a new upload`);
        session = void 0;
        await this.sleep(wait);
      }
    }
  }
  /** PUT /v2/<name>/manifests/<tag or digest>; returns the digest the registry computed. */
  async putManifest(repo, reference, doc) {
    const ref = toReference(repo);
    const what = `Manifest ${ref.registry}/${ref.repository}${reference.includes(":") ? "@" : ":"}${reference}`;
    const res = await this.request(ref, {
      method: "PUT",
      url: this.url(ref, `manifests/${reference}`),
      what,
      scope: pushScope(ref.repository),
      headers: { "Content-Type": doc.mediaType },
      body: async () => doc.bytes,
      ok: [200, 201],
      retry: true
    });
    await res.body?.cancel();
    const digest = res.headers.get("docker-content-digest") ?? doc.digest;
    if (digest !== doc.digest) throw new RegistryError(`${what}: the registry stored digest ${digest}, expected ${doc.digest}`);
    return digest;
  }
  async startUpload(ref) {
    const url = this.url(ref, "blobs/uploads/");
    const res = await this.request(ref, {
      method: "POST",
      url,
      what: `Upload to ${ref.registry}/${ref.repository}`,
      scope: pushScope(ref.repository),
      headers: { "Content-Length": "0" },
      ok: [202],
      retry: true
    });
    await res.body?.cancel();
    const location = res.headers.get("location");
    if (!location) throw new RegistryError(`Upload to ${ref.registry}/${ref.repository}: the registry answered 202 without a Location`);
    return new URL(location, res.url || url).toString();
  }
  async finishUpload(ref, uploadUrl, digest, body) {
    const url = new URL(uploadUrl);
    url.searchParams.set("digest", digest);
    const res = await this.request(ref, {
      method: "PUT",
      url: url.toString(),
      what: `Upload of ${digest} to ${ref.registry}/${ref.repository}`,
      scope: pushScope(ref.repository),
      headers: { "Content-Type": "application/octet-stream", "Content-Length": String(body.length) },
      body: body.open,
      ok: [201, 204],
      retry: body.retry
    });
    await res.body?.cancel();
  }
  scheme(registry) {
    const insecure = this.options.insecure;
    if (isLoopbackRegistry(registry) || insecure === true) return "http";
    if (Array.isArray(insecure) && insecure.includes(registry)) return "http";
    return "https";
  }
  url(ref, path) {
    return `${this.scheme(ref.registry)}://${apiHost(ref.registry)}/v2/${ref.repository}/${path}`;
  }
  /** One logical request: at most one auth challenge round, retries when the body can be resent. */
  async request(ref, req) {
    let authorization = await this.auth.authorize(ref.registry, req.scope);
    let res = await this.send(req, authorization);
    if (res.status === 401) {
      const challenge = res.headers.get("www-authenticate");
      await res.body?.cancel();
      authorization = await this.auth.respondToChallenge(ref.registry, challenge, req.scope);
      res = await this.send(req, authorization);
      if (res.status === 401) {
        const text = await res.text().catch(() => "");
        const detail = redact(serverMessage(text), this.auth.secretsFor(ref.registry));
        throw new RegistryAuthError(
          `Registry ${ref.registry} refused ${req.what} ${this.auth.describeIdentity(ref.registry)} (HTTP 401${detail ? `: ${detail}` : ""}); it needs the token scope ${JSON.stringify(req.scope)}`,
          ref.registry,
          401
        );
      }
    }
    if (!req.ok.includes(res.status)) throw await this.errorFor(res, req, ref.registry);
    return res;
  }
  async send(req, authorization) {
    const retries = req.retry === false ? 0 : this.options.retries ?? 3;
    const timeoutMs = this.options.timeoutMs ?? 3e4;
    const headers = { "User-Agent": "strata", ...req.headers ?? {} };
    if (authorization) headers.Authorization = authorization;
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      const body = req.body ? await req.body() : void 0;
      const streamed = body instanceof ReadableStream;
      let res;
      try {
        res = await this.options.fetch(req.url, {
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
        if (attempt >= retries) throw new RegistryError(`${req.what}: ${req.method} ${redactUrl(req.url)} ${why}`);
        const wait2 = this.backoff(attempt);
        this.options.logger?.debug(`${req.method} ${redactUrl(req.url)} ${why}; retrying in ${wait2} ms`);
        await this.sleep(wait2);
        continue;
      }
      if (streamed && res.status >= 300) {
        await body.cancel().catch(() => void 0);
      }
      if (!RETRYABLE.has(res.status) || attempt >= retries) return res;
      const wait = Math.min(parseRetryAfter(res.headers.get("retry-after"), this.now()) ?? this.backoff(attempt), this.maxWait());
      await res.body?.cancel();
      this.options.logger?.debug(`${req.method} ${redactUrl(req.url)} answered ${res.status}; retrying in ${wait} ms`);
      await this.sleep(wait);
    }
  }
  backoff(attempt) {
    return Math.min((this.options.retryBaseMs ?? 500) * 2 ** attempt, this.maxWait());
  }
  maxWait() {
    return this.options.maxRetryWaitMs ?? 3e4;
  }
  async errorFor(res, req, registry) {
    const text = req.method === "HEAD" ? "" : await res.text().catch(() => "");
    const detail = redact(serverMessage(text), this.auth.secretsFor(registry));
    const code = /^[A-Z_]+/.exec(detail)?.[0];
    const summary = res.status === 404 ? "not found" : res.status === 403 ? "access denied" : "failed";
    const message = `${req.what} ${summary} (HTTP ${res.status}${detail ? `: ${detail}` : ""})`;
    if (res.status === 403) {
      return new RegistryAuthError(`${message} ${this.auth.describeIdentity(registry)}; it needs the token scope ${JSON.stringify(req.scope)}`, registry, 403);
    }
    return new RegistryError(message, res.status, code);
  }
};
function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.searchParams.has("_state")) u.searchParams.set("_state", "\u2026");
    return u.toString();
  } catch {
    return url;
  }
}

export {
  pushScope,
  RegistryWriter
};
