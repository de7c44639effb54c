// An in-memory distribution registry behind RegistryClient's fetch seam, and a docker CLI that
// replays captured `docker image inspect` / `docker history` output: for unit tests of what reads
// images (the report's assembly, `strata report`), with no network and no engine.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Exec, ExecResult } from '../../src/adapters.js';
import { RegistryClient } from '../../src/registry/client.js';
import { ImageDocumentReader, type ImageDocumentReaderOptions } from '../../src/registry/documents.js';

export const sha = (s: string | Buffer) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const HOST = 'registry.test';

export interface FakeLayer {
  /** Stands for the layer's content: same text, same digest. */
  content: string;
  size: number;
  createdBy: string;
}

/** A distribution registry in memory: manifests by tag and digest, config blobs, tag lists. */
export class FakeRegistry {
  readonly manifests = new Map<string, { body: string; digest: string }>();
  readonly blobs = new Map<string, string>();
  readonly requests: string[] = [];
  /** Called before each answer: a test holds a response back until the request it waits for comes. */
  gate: ((request: string) => Promise<void> | undefined) | undefined;

  push(reference: string, image: { layers: FakeLayer[]; labels?: Record<string, string>; annotations?: Record<string, string>; created?: string }): string {
    const [repo, tag] = reference.replace(`${HOST}/`, '').split(':') as [string, string];
    const config = JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      created: image.created ?? '2026-01-01T00:00:00Z',
      config: { Labels: image.labels ?? {} },
      rootfs: { type: 'layers', diff_ids: image.layers.map((l) => sha(`diff:${l.content}`)) },
      history: image.layers.map((l) => ({ created_by: l.createdBy })),
    });
    this.blobs.set(`${repo}/${sha(config)}`, config);
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length },
      layers: image.layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha(`blob:${l.content}`), size: l.size })),
      ...(image.annotations ? { annotations: image.annotations } : {}),
    });
    const digest = sha(body);
    this.manifests.set(`${repo}:${tag}`, { body, digest });
    this.manifests.set(`${repo}@${digest}`, { body, digest });
    return digest;
  }

  fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const request = `${init?.method ?? 'GET'} ${url.pathname}`;
    this.requests.push(request);
    await this.gate?.(request);
    const m = /^\/v2\/(.+)\/(manifests|blobs|tags)\/(.+)$/.exec(url.pathname);
    if (url.host !== HOST || !m) return new Response('{"errors":[{"code":"NAME_UNKNOWN","message":"no such host here"}]}', { status: 404 });
    const [, repo, kind, ref] = m as unknown as [string, string, string, string];
    if (kind === 'tags') {
      const tags = [...this.manifests.keys()].filter((k) => k.startsWith(`${repo}:`)).map((k) => k.slice(repo.length + 1));
      return Response.json({ name: repo, tags });
    }
    if (kind === 'blobs') {
      const blob = this.blobs.get(`${repo}/${ref}`);
      return blob === undefined ? new Response('{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown"}]}', { status: 404 }) : new Response(blob);
    }
    const found = this.manifests.get(ref.startsWith('sha256:') ? `${repo}@${ref}` : `${repo}:${ref}`);
    if (!found) return new Response('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}', { status: 404 });
    const headers = { 'Content-Type': OCI_MANIFEST, 'Docker-Content-Digest': found.digest };
    return init?.method === 'HEAD' ? new Response(null, { headers }) : new Response(found.body, { headers });
  };

  client(): RegistryClient {
    return new RegistryClient({ fetch: this.fetch, retries: 0 });
  }

  /** The run's reader over this registry (documents fetched once; tags remembered when asked). */
  reader(options: ImageDocumentReaderOptions = {}): ImageDocumentReader {
    return new ImageDocumentReader({ fetch: this.fetch, retries: 0 }, options);
  }
}

/** The docker CLI for images the engine has: the captured probe:1 image under any name. */
export function fakeDocker(localImages: string[] = []): Exec & { calls: string[][] } {
  const inspect = readFileSync(new URL('../fixtures/engine/inspect.json', import.meta.url), 'utf8');
  const history = readFileSync(new URL('../fixtures/engine/history.jsonl', import.meta.url), 'utf8');
  const calls: string[][] = [];
  return {
    calls,
    async run(command, args): Promise<ExecResult> {
      calls.push([command, ...args]);
      const ref = args.at(-1)!;
      if (command !== 'docker' || !localImages.includes(ref)) {
        return { exitCode: 1, stdout: '', stderr: `Error response from daemon: No such image: ${ref}\n` };
      }
      if (args[0] === 'image' && args[1] === 'inspect') return { exitCode: 0, stdout: inspect, stderr: '' };
      if (args[0] === 'history') return { exitCode: 0, stdout: history, stderr: '' };
      return { exitCode: 1, stdout: '', stderr: 'unexpected' };
    },
  };
}
