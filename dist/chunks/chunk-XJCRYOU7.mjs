import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  ImageDocumentReader,
  RegistryClient,
  RegistryError,
  RegistryTransport,
  createCredentialResolver
} from "./chunk-LRUIOUFA.mjs";
import {
  httpFetch
} from "./chunk-S5MJTEV4.mjs";
import {
  normalizeAuthKey,
  parseDockerConfig,
  parseReference,
  readDockerConfigFile,
  toReference
} from "./chunk-FMNSBQPK.mjs";
import {
  homedir
} from "./chunk-QYXCPXHB.mjs";

// src/registry/credential-helpers.ts
function parseHelperGet(stdout) {
  let answer;
  try {
    answer = JSON.parse(stdout);
  } catch {
    return void 0;
  }
  if (typeof answer.Secret !== "string" || answer.Secret === "") return void 0;
  const username = typeof answer.Username === "string" ? answer.Username : "";
  if (username === "<token>") return { kind: "identity-token", identityToken: answer.Secret };
  return username === "" ? void 0 : { kind: "basic", username, password: answer.Secret };
}
function parseHelperList(stdout) {
  try {
    const map = JSON.parse(stdout);
    return typeof map === "object" && map !== null && !Array.isArray(map) ? Object.keys(map) : [];
  } catch {
    return [];
  }
}
function helperQueries(config, storeServers) {
  const queries = /* @__PURE__ */ new Map();
  if (config.credsStore) {
    for (const server of storeServers) queries.set(normalizeAuthKey(server), { host: normalizeAuthKey(server), server, helper: config.credsStore });
  }
  for (const [host, helper] of Object.entries(config.credHelpers)) queries.set(host, { host, server: host, helper });
  return [...queries.values()];
}
async function readHelperCredentials(exec, config) {
  const credentials = /* @__PURE__ */ new Map();
  const notes = [];
  let storeServers = [];
  if (config.credsStore) {
    const listed = await exec.run(`docker-credential-${config.credsStore}`, ["list"]);
    if (listed.exitCode === 0) storeServers = parseHelperList(listed.stdout);
    else notes.push(`credential helper docker-credential-${config.credsStore} list failed (exit ${listed.exitCode})`);
  }
  await Promise.all(
    helperQueries(config, storeServers).map(async ({ host, server, helper }) => {
      const got = await exec.run(`docker-credential-${helper}`, ["get"], { input: server });
      const creds = got.exitCode === 0 ? parseHelperGet(got.stdout) : void 0;
      if (creds) credentials.set(host, creds);
      else notes.push(`credential helper docker-credential-${helper} gave no credentials for ${host} (exit ${got.exitCode})`);
    })
  );
  return { credentials, notes };
}

// src/registry/writer.ts
function pushScope(repository) {
  return `repository:${repository}:pull,push`;
}
var RegistryWriter = class {
  /** The HTTP side; shared with the RegistryClient (or transport) this writer was built from. */
  transport;
  /**
   * From options, a transport of its own; from a RegistryClient or a RegistryTransport, that one,
   * so the token cache, the learned auth schemes and the request count are shared.
   */
  constructor(source) {
    this.transport = source instanceof RegistryTransport ? source : source instanceof RegistryClient ? source.transport : new RegistryTransport(source);
  }
  /** HTTP requests sent so far through this writer's transport (token requests included). */
  get requestCount() {
    return this.transport.requestCount;
  }
  /** HEAD /v2/<name>/blobs/<digest>: whether the repository has it already. */
  async blobExists(repo, digest) {
    const ref = toReference(repo);
    const res = await this.send(ref, `blobs/${digest}`, {
      method: "HEAD",
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
    const res = await this.send(ref, `blobs/uploads/?${query.toString()}`, {
      method: "POST",
      what: `Mount of ${digest} from ${fromRepository} into ${ref.registry}/${ref.repository}`,
      scope: `${pushScope(ref.repository)} repository:${fromRepository}:pull`,
      headers: { "Content-Length": "0" },
      ok: [201, 202]
    });
    await res.body?.cancel();
    if (res.status === 201) return { mounted: true };
    const location = res.headers.get("location");
    return { mounted: false, ...location ? { uploadUrl: new URL(location, res.url || this.transport.url(ref, "blobs/uploads/")).toString() } : {} };
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
    await this.transport.retryTransient(
      async (attempt) => {
        const session = (attempt === 0 ? uploadUrl : void 0) ?? await this.startUpload(dst);
        await this.finishUpload(dst, session, blob.digest, {
          retry: false,
          length: blob.size,
          open: async () => {
            const res = await this.send(src, `blobs/${blob.digest}`, {
              method: "GET",
              what: `Blob ${src.registry}/${src.repository}@${blob.digest}`,
              scope: `repository:${src.repository}:pull`,
              headers: { Accept: "*/*" },
              ok: [200]
            });
            if (!res.body) throw new RegistryError(`Blob ${src.registry}/${src.repository}@${blob.digest}: empty response body`);
            return res.body;
          }
        });
      },
      (e, wait) => `copy of ${blob.digest} failed (${e.message}); retrying in ${wait} ms with a new upload`
    );
  }
  /** PUT /v2/<name>/manifests/<tag or digest>; returns the digest the registry computed. */
  async putManifest(repo, reference, doc) {
    const ref = toReference(repo);
    const what = `Manifest ${ref.registry}/${ref.repository}${reference.includes(":") ? "@" : ":"}${reference}`;
    const res = await this.send(ref, `manifests/${reference}`, {
      method: "PUT",
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
    const res = await this.send(ref, "blobs/uploads/", {
      method: "POST",
      what: `Upload to ${ref.registry}/${ref.repository}`,
      scope: pushScope(ref.repository),
      headers: { "Content-Length": "0" },
      ok: [202],
      retry: true
    });
    await res.body?.cancel();
    const location = res.headers.get("location");
    if (!location) throw new RegistryError(`Upload to ${ref.registry}/${ref.repository}: the registry answered 202 without a Location`);
    return new URL(location, res.url || this.transport.url(ref, "blobs/uploads/")).toString();
  }
  async finishUpload(ref, uploadUrl, digest, body) {
    const url = new URL(uploadUrl);
    url.searchParams.set("digest", digest);
    const res = await this.send(ref, url.toString(), {
      method: "PUT",
      what: `Upload of ${digest} to ${ref.registry}/${ref.repository}`,
      scope: pushScope(ref.repository),
      headers: { "Content-Type": "application/octet-stream", "Content-Length": String(body.length) },
      body: body.open,
      ok: [201, 204],
      retry: body.retry
    });
    await res.body?.cancel();
  }
  /** Writes name the token scope they needed when refused (see TransportRequest.wording). */
  send(ref, path, req) {
    return this.transport.send(ref, path, { ...req, wording: "write" });
  }
};

// src/registry/for-run.ts
async function createRunRegistryClient(opts) {
  return new ImageDocumentReader(await runRegistryOptions(opts), { rememberTags: opts.rememberTags ?? false });
}
async function createRunRegistry(opts) {
  const client = await createRunRegistryClient(opts);
  return { client, writer: new RegistryWriter(client) };
}
async function runRegistryOptions(opts) {
  let dockerConfig;
  const file = await readDockerConfigFile(opts.env, opts.env.HOME || homedir());
  if (file) {
    try {
      dockerConfig = parseDockerConfig(file.content, file.path);
      for (const note of dockerConfig.notes) opts.logger.debug(note);
    } catch (e) {
      opts.logger.warning(`Ignoring the docker config: ${e.message}`);
    }
  }
  let helpers;
  if (dockerConfig && (dockerConfig.credsStore || Object.keys(dockerConfig.credHelpers).length > 0)) {
    const read = await readHelperCredentials(opts.exec, dockerConfig);
    for (const note of read.notes) opts.logger.debug(note);
    helpers = read.credentials;
  }
  const input = opts.image && opts.username && opts.password ? { registry: parseReference(opts.image).registry, username: opts.username, password: opts.password } : void 0;
  return {
    fetch: httpFetch,
    credentials: createCredentialResolver({ input, dockerConfig, helpers }),
    timeoutMs: 3e4,
    logger: opts.logger
  };
}

export {
  createRunRegistryClient,
  createRunRegistry,
  runRegistryOptions
};
