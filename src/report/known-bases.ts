// Which base images an image was built on, and which of its layers each base accounts for: the
// build says (FROM lines, the run image), or `strata report --base`, or the image's own labels.
import type { Logger } from '../adapters.js';
import type { BaseImageUse } from '../build/types.js';
import { baseLayersFrom } from '../compare/attribution.js';
import type { BasesByPlatform } from '../compare/diff.js';
import { LIFECYCLE_METADATA_LABEL, namedBase, OCI_BASE_NAME, recordedBase } from '../image/labels.js';
import { findPlatform, imagePlatforms, samePlatform } from '../image/platforms.js';
import { readImageSummary } from '../image/remote.js';
import { platformDescriptors } from '../image/summary.js';
import type { ImageSummary } from '../image/types.js';
import type { RegistryClient } from '../registry/client.js';
import { digestOf, parseReference, repositoryOf } from '../registry/reference.js';

/** Where the base images to assess came from, and the uses themselves (empty: none known). */
export interface KnownBases {
  uses: BaseImageUse[];
  /** In words, for the CLI's header ("--base", "the buildpack run image (...)"); absent: the build. */
  from?: string;
}

function sameRepositoryAndTag(a: string, b: string): boolean {
  try {
    const x = parseReference(a);
    const y = parseReference(b);
    return x.registry === y.registry && x.repository === y.repository && x.tag === y.tag && x.digest === y.digest;
  } catch {
    return a === b;
  }
}

/** What of an image names its bases: its first platform's manifest annotations and config labels. */
interface Namings {
  annotations?: Record<string, string> | undefined;
  labels?: Record<string, string> | undefined;
}

/** The base image the image itself names (namedBase's precedence: annotations, OCI labels, run image). */
export function basesFromLabels(image: ImageSummary): KnownBases {
  return basesNamed(imagePlatforms(image)[0]);
}

function basesNamed(first: Namings | undefined): KnownBases {
  const named = namedBase(first?.annotations, first?.labels);
  if (named?.kind === 'recorded') {
    const use: BaseImageUse = { reference: named.name, stage: 'base', runtime: true };
    if (named.digest && !named.name.includes('@')) use.digest = named.digest;
    return { uses: [use], from: `the ${OCI_BASE_NAME} ${named.from === 'annotations' ? 'annotation' : 'label'}` };
  }
  if (named?.kind === 'run-image') {
    const { run } = named;
    // runImage.reference is repo@digest when the image was published, a local image id otherwise.
    const runDigest = digestOf(run.reference);
    const runRef = run.image ?? (runDigest ? run.reference : undefined);
    if (runRef) {
      const use: BaseImageUse = { reference: runRef, stage: 'run-image', runtime: true };
      if (runDigest && runRef !== run.reference) use.digest = runDigest;
      return { uses: [use], from: `the buildpack run image (${LIFECYCLE_METADATA_LABEL} label)` };
    }
  }
  return { uses: [] };
}

/** REFs in FROM order (the last is the runtime base); none given: what the image's labels say. */
export function knownBases(image: ImageSummary, references: readonly string[]): KnownBases {
  return knownBasesNamed(imagePlatforms(image)[0], references);
}

/**
 * knownBases's answer from the manifest's annotations alone, when they record the base: they
 * win over the config's labels (recordedBase), so the config cannot change it. Undefined when
 * they do not: then the answer waits for the config.
 */
export function knownBasesFromAnnotations(annotations: Record<string, string> | undefined, references: readonly string[]): KnownBases | undefined {
  return recordedBase(annotations, undefined) ? knownBasesNamed({ annotations }, references) : undefined;
}

function knownBasesNamed(first: Namings | undefined, references: readonly string[]): KnownBases {
  if (references.length === 0) return basesNamed(first);
  const recorded = recordedBase(first?.annotations, first?.labels);
  const labelled = recorded?.name;
  const labelledDigest = recorded?.digest;
  const uses = references.map((reference, i): BaseImageUse => {
    const runtime = i === references.length - 1;
    const use: BaseImageUse = { reference, stage: runtime ? 'final' : `stage ${i}`, runtime };
    // The label records which digest the build resolved the tag to: lets "tag moved" be told.
    if (labelled && labelledDigest && !reference.includes('@') && sameRepositoryAndTag(reference, labelled)) use.digest = labelledDigest;
    return use;
  });
  return { uses, from: '--base' };
}

/** The base's entry for an image platform: `found` (of that platform), else its only one (a single-platform base serves every platform). */
function baseEntryFor<T>(entries: readonly T[], found: T | undefined): T | undefined {
  return found ?? (entries.length === 1 ? entries[0] : undefined);
}

/**
 * The base's layers in a registry image, from the base's manifests alone, when the image starts
 * with every one of the base's blobs on each platform: a build pushes the base's layers as they
 * are, so this is the usual case, and the base's configs (another round trip) are not read.
 * Platforms are matched as with the whole base read (baseEntryFor). Undefined when a platform's
 * image does not start with all of them: recompressed layers (zstd, say) differ in blob but not
 * in diff ID, which only the configs give.
 */
async function baseLayersByBlob(client: RegistryClient, at: string, image: ImageSummary, runtime: BaseImageUse): Promise<BasesByPlatform | undefined> {
  const root = (await client.getManifest(at)).document;
  const described = root.kind === 'index' ? platformDescriptors(root) : [];
  // Per platform: its base layers, 'none' (the base has no such platform), or undefined (not found by blob).
  const found = await Promise.all(
    image.platforms.map(async (p) => {
      let manifest = root;
      if (root.kind === 'index') {
        const entry = baseEntryFor(described, findPlatform(described, p.platform));
        if (!entry) return 'none' as const;
        manifest = (await client.getManifest(at, entry.digest)).document;
      }
      if (manifest.kind !== 'manifest' || manifest.layers.length === 0) return undefined;
      const layers = baseLayersFrom(runtime, p, { layers: manifest.layers.map((l) => ({ digest: l.digest, size: l.size })) });
      return layers.layerCount === manifest.layers.length ? layers : undefined;
    }),
  );
  if (found.includes(undefined)) return undefined;
  const byPlatform: BasesByPlatform = { '*': { reference: runtime.reference } };
  image.platforms.forEach((p, i) => {
    const layers = found[i];
    if (layers && layers !== 'none') byPlatform[p.platform] = layers;
  });
  return byPlatform;
}

/**
 * The base image layers of `image` per platform, from the runtime base in `uses` (read from its
 * registry and matched layer by layer); just the reference (`'*'`) when the image is not a
 * registry image or the base cannot be read; undefined when no use is the runtime base.
 */
export async function basesFor(client: RegistryClient, image: ImageSummary, uses: readonly BaseImageUse[], logger: Logger): Promise<BasesByPlatform | undefined> {
  const runtime = uses.find((u) => u.runtime);
  if (!runtime || image.source !== 'registry') return runtime ? { '*': { reference: runtime.reference } } : undefined;
  try {
    const at = runtime.digest ? `${repositoryOf(runtime.reference)}@${runtime.digest}` : runtime.reference;
    const byBlobs = await baseLayersByBlob(client, at, image, runtime);
    if (byBlobs) return byBlobs;
    const base = await readImageSummary(client, at, runtime.reference);
    const byPlatform: BasesByPlatform = { '*': { reference: runtime.reference } };
    for (const p of image.platforms) {
      const match = baseEntryFor(base.platforms, base.platforms.find((b) => samePlatform(b.platform, p.platform)));
      if (match) byPlatform[p.platform] = baseLayersFrom(runtime, p, match);
    }
    return byPlatform;
  } catch (e) {
    logger.debug(`Base image ${runtime.reference} not read for attribution: ${(e as Error).message}`);
    return { '*': { reference: runtime.reference } };
  }
}
