// Writes a rebase plan to its target repositories, registry side only. Per repository, in the
// order a registry validates them: layer blobs (present? → skip; same registry → cross-repo
// mount; else, or when the mount is refused, streamed GET→PUT), the new config blobs, the
// platform manifests by digest, then the top document by digest and by each tag. A reader never
// sees a tag pointing at a manifest whose blobs are not there yet.
import type { Logger } from '../adapters.js';
import type { Descriptor } from '../registry/manifest.js';
import { formatReference } from '../registry/reference.js';
import type { ImageReference } from '../registry/reference.js';
import type { BlobOutcome, RegistryWriter } from '../registry/writer.js';
import type { PlannedDocument, RebasePlan } from './plan.js';

/** The blob operations push needs (RegistryWriter has them); narrow so tests can count calls. */
export type BlobWriter = Pick<RegistryWriter, 'blobExists' | 'mountBlob' | 'uploadBlob' | 'copyBlob' | 'putManifest'>;

export interface PushRebaseOptions {
  writer: BlobWriter;
  plan: RebasePlan;
  /** Where the image's own (app) layers are now. */
  imageRepository: ImageReference;
  /** Where the new base's layers are. */
  newBaseRepository: ImageReference;
  /** References to write: with a tag, pushed by digest and tagged; without, by digest only. */
  targets: ImageReference[];
  logger: Pick<Logger, 'info' | 'debug'>;
  /** Blobs handled at once per repository. */
  concurrency?: number;
}

export interface PushRebaseResult {
  digest: string;
  /** Every reference written, e.g. `reg/app:1` and `reg/app@sha256:…`. */
  pushed: string[];
  /** How each blob was made present, counted over all target repositories. */
  blobs: Record<BlobOutcome, number>;
}

function repoKey(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}`;
}

function sameRepo(a: ImageReference, b: ImageReference): boolean {
  return a.registry === b.registry && a.repository === b.repository;
}

async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

/** Makes one blob present in `target`, the cheapest way the registry allows. */
export async function ensureBlob(writer: BlobWriter, target: ImageReference, source: ImageReference, blob: Descriptor): Promise<BlobOutcome> {
  if (await writer.blobExists(target, blob.digest)) return 'exists';
  let uploadUrl: string | undefined;
  if (source.registry === target.registry && !sameRepo(source, target)) {
    const mount = await writer.mountBlob(target, blob.digest, source.repository);
    if (mount.mounted) return 'mounted';
    uploadUrl = mount.uploadUrl;
  }
  // Last resort: the bytes pass through this process as a stream (another registry, or a
  // registry that refused the mount).
  await writer.copyBlob(source, target, blob, uploadUrl);
  return 'copied';
}

async function ensureDocumentBlob(writer: BlobWriter, target: ImageReference, doc: PlannedDocument): Promise<BlobOutcome> {
  if (await writer.blobExists(target, doc.digest)) return 'exists';
  await writer.uploadBlob(target, doc.digest, doc.bytes);
  return 'uploaded';
}

export async function pushRebase(opts: PushRebaseOptions): Promise<PushRebaseResult> {
  const { writer, plan, logger } = opts;
  const blobs: Record<BlobOutcome, number> = { exists: 0, mounted: 0, copied: 0, uploaded: 0 };
  const pushed: string[] = [];

  // Group the targets by repository: blobs and manifests go once per repository.
  const byRepo = new Map<string, { repo: ImageReference; tags: string[] }>();
  for (const t of opts.targets) {
    const key = repoKey(t);
    const entry = byRepo.get(key) ?? { repo: { registry: t.registry, repository: t.repository }, tags: [] };
    if (t.tag !== undefined && !entry.tags.includes(t.tag)) entry.tags.push(t.tag);
    byRepo.set(key, entry);
  }

  for (const { repo, tags } of byRepo.values()) {
    // Layers, each once, with where to get it from.
    const layers = new Map<string, { blob: Descriptor; source: ImageReference }>();
    for (const p of plan.platforms) {
      for (const l of p.newBaseLayers) if (!layers.has(l.digest)) layers.set(l.digest, { blob: l, source: opts.newBaseRepository });
      for (const l of p.appLayers) if (!layers.has(l.digest)) layers.set(l.digest, { blob: l, source: opts.imageRepository });
    }
    await pool([...layers.values()], opts.concurrency ?? 4, async ({ blob, source }) => {
      const outcome = await ensureBlob(writer, repo, source, blob);
      blobs[outcome]++;
      logger.debug(`${repoKey(repo)}: layer ${blob.digest} ${outcome}${outcome === 'mounted' || outcome === 'copied' ? ` from ${repoKey(source)}` : ''}`);
    });

    const configs = new Map(plan.platforms.map((p) => [p.config.digest, p.config]));
    for (const config of configs.values()) blobs[await ensureDocumentBlob(writer, repo, config)]++;

    if (plan.platforms.length > 1 || plan.root.digest !== plan.platforms[0]?.manifest.digest) {
      for (const p of plan.platforms) {
        await writer.putManifest(repo, p.manifest.digest, p.manifest);
      }
    }
    await writer.putManifest(repo, plan.root.digest, plan.root);
    pushed.push(formatReference({ ...repo, digest: plan.root.digest }));
    for (const tag of tags) {
      await writer.putManifest(repo, tag, plan.root);
      pushed.push(formatReference({ ...repo, tag }));
      logger.info(`pushed ${formatReference({ ...repo, tag })}@${plan.root.digest}`);
    }
  }
  return { digest: plan.root.digest, pushed, blobs };
}
