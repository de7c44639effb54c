// The write half of the distribution API, as small as a rebase needs: does a blob exist, mount it
// from another repository, upload a small blob, stream a blob across, put a manifest. The HTTP
// side (auth, retries, timeouts, errors) is RegistryTransport's, as for RegistryClient (read-only);
// what writes add is carried in each request:
//  - scopes: pushing needs `repository:<name>:pull,push`; a cross-repository mount needs pull on
//    the source repository in the same token (distribution's auth spec);
//  - bodies: a streamed layer cannot be replayed, so a retry or an auth challenge reopens the
//    source instead of resending a consumed stream.
// Layer blobs are only ever streamed through (GET piped into PUT), never held whole in memory.
import { RegistryClient } from './client.js';
import { RegistryError, RegistryTransport } from './transport.js';
import type { RegistryClientOptions, RequestBody, TransportRequest } from './transport.js';
import { toReference } from './reference.js';
import type { ImageReference } from './reference.js';
import type { HttpResponse } from '../io/http-fetch.js';

export type RegistryWriterOptions = RegistryClientOptions;

/** What became of a blob that had to be made present in a repository. */
export type BlobOutcome = 'exists' | 'mounted' | 'copied' | 'uploaded';

export interface MountResult {
  mounted: boolean;
  /** When not mounted: the upload session the registry opened instead (reuse it for the copy). */
  uploadUrl?: string;
}

export function pushScope(repository: string): string {
  return `repository:${repository}:pull,push`;
}

export class RegistryWriter {
  /** The HTTP side; shared with the RegistryClient (or transport) this writer was built from. */
  readonly transport: RegistryTransport;

  /**
   * From options, a transport of its own; from a RegistryClient or a RegistryTransport, that one,
   * so the token cache, the learned auth schemes and the request count are shared.
   */
  constructor(source: RegistryWriterOptions | RegistryTransport | RegistryClient) {
    this.transport =
      source instanceof RegistryTransport ? source : source instanceof RegistryClient ? source.transport : new RegistryTransport(source);
  }

  /** HTTP requests sent so far through this writer's transport (token requests included). */
  get requestCount(): number {
    return this.transport.requestCount;
  }

  /** HEAD /v2/<name>/blobs/<digest>: whether the repository has it already. */
  async blobExists(repo: ImageReference | string, digest: string): Promise<boolean> {
    const ref = toReference(repo);
    const res = await this.send(ref, `blobs/${digest}`, {
      method: 'HEAD',
      what: `Blob ${ref.registry}/${ref.repository}@${digest}`,
      scope: pushScope(ref.repository),
      ok: [200, 404],
    });
    return res.status === 200;
  }

  /**
   * Cross-repository mount (same registry): 201 = mounted; 202 = the registry would not (no
   * access to the source, a different storage, or not supported) and opened an upload instead.
   */
  async mountBlob(repo: ImageReference | string, digest: string, fromRepository: string): Promise<MountResult> {
    const ref = toReference(repo);
    const query = new URLSearchParams({ mount: digest, from: fromRepository });
    const res = await this.send(ref, `blobs/uploads/?${query.toString()}`, {
      method: 'POST',
      what: `Mount of ${digest} from ${fromRepository} into ${ref.registry}/${ref.repository}`,
      scope: `${pushScope(ref.repository)} repository:${fromRepository}:pull`,
      headers: { 'Content-Length': '0' },
      ok: [201, 202],
    });
    await res.body?.cancel();
    if (res.status === 201) return { mounted: true };
    const location = res.headers.get('location');
    return { mounted: false, ...(location ? { uploadUrl: new URL(location, res.url || this.transport.url(ref, 'blobs/uploads/')).toString() } : {}) };
  }

  /** A small blob held in memory (a config): POST to open an upload, PUT ?digest= with the bytes. */
  async uploadBlob(repo: ImageReference | string, digest: string, bytes: Uint8Array): Promise<void> {
    const ref = toReference(repo);
    const uploadUrl = await this.startUpload(ref);
    await this.finishUpload(ref, uploadUrl, digest, {
      retry: true,
      length: bytes.length,
      open: async () => bytes,
    });
  }

  /**
   * Streams a blob from `from` (any registry) into `to`: GET piped into a monolithic PUT. The
   * bytes pass through; the registry checks them against the digest. `uploadUrl`: a session a
   * failed mount left open.
   */
  async copyBlob(from: ImageReference | string, to: ImageReference | string, blob: { digest: string; size: number }, uploadUrl?: string): Promise<void> {
    const src = toReference(from);
    const dst = toReference(to);
    await this.transport.retryTransient(
      async (attempt) => {
        // A retry starts a new upload: the failed one's session may hold a partial body.
        const session = (attempt === 0 ? uploadUrl : undefined) ?? (await this.startUpload(dst));
        await this.finishUpload(dst, session, blob.digest, {
          retry: false,
          length: blob.size,
          open: async () => {
            const res = await this.send(src, `blobs/${blob.digest}`, {
              method: 'GET',
              what: `Blob ${src.registry}/${src.repository}@${blob.digest}`,
              scope: `repository:${src.repository}:pull`,
              headers: { Accept: '*/*' },
              ok: [200],
            });
            if (!res.body) throw new RegistryError(`Blob ${src.registry}/${src.repository}@${blob.digest}: empty response body`);
            return res.body;
          },
        });
      },
      (e, wait) => `copy of ${blob.digest} failed (${e.message}); retrying in ${wait} ms with a new upload`,
    );
  }

  /** PUT /v2/<name>/manifests/<tag or digest>; returns the digest the registry computed. */
  async putManifest(repo: ImageReference | string, reference: string, doc: { mediaType: string; digest: string; bytes: Uint8Array }): Promise<string> {
    const ref = toReference(repo);
    const what = `Manifest ${ref.registry}/${ref.repository}${reference.includes(':') ? '@' : ':'}${reference}`;
    const res = await this.send(ref, `manifests/${reference}`, {
      method: 'PUT',
      what,
      scope: pushScope(ref.repository),
      headers: { 'Content-Type': doc.mediaType },
      body: async () => doc.bytes,
      ok: [200, 201],
      retry: true,
    });
    await res.body?.cancel();
    const digest = res.headers.get('docker-content-digest') ?? doc.digest;
    if (digest !== doc.digest) throw new RegistryError(`${what}: the registry stored digest ${digest}, expected ${doc.digest}`);
    return digest;
  }

  private async startUpload(ref: ImageReference): Promise<string> {
    const res = await this.send(ref, 'blobs/uploads/', {
      method: 'POST',
      what: `Upload to ${ref.registry}/${ref.repository}`,
      scope: pushScope(ref.repository),
      headers: { 'Content-Length': '0' },
      ok: [202],
      retry: true,
    });
    await res.body?.cancel();
    const location = res.headers.get('location');
    if (!location) throw new RegistryError(`Upload to ${ref.registry}/${ref.repository}: the registry answered 202 without a Location`);
    return new URL(location, res.url || this.transport.url(ref, 'blobs/uploads/')).toString();
  }

  private async finishUpload(
    ref: ImageReference,
    uploadUrl: string,
    digest: string,
    body: { open: () => Promise<RequestBody>; length: number; retry: boolean },
  ): Promise<void> {
    const url = new URL(uploadUrl);
    url.searchParams.set('digest', digest);
    const res = await this.send(ref, url.toString(), {
      method: 'PUT',
      what: `Upload of ${digest} to ${ref.registry}/${ref.repository}`,
      scope: pushScope(ref.repository),
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length) },
      body: body.open,
      ok: [201, 204],
      retry: body.retry,
    });
    await res.body?.cancel();
  }

  /** Writes name the token scope they needed when refused (see TransportRequest.wording). */
  private send(ref: ImageReference, path: string, req: Omit<TransportRequest, 'wording'>): Promise<HttpResponse> {
    return this.transport.send(ref, path, { ...req, wording: 'write' });
  }
}
