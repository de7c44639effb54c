// Which part of the build made each layer: a Dockerfile instruction, a buildpack layer, or the
// base image the build started from. Pure: an image summary in, labelled layers out.
import type { BaseImageUse } from '../build/types.js';
import type { LayerInfo, PlatformImage } from '../image/types.js';
import { LIFECYCLE_METADATA_LABEL } from '../image/labels.js';

export type LayerOrigin =
  /** Layers shared with the image the build started from (FROM, or the buildpack run image). */
  | { kind: 'base'; reference: string }
  /** A Dockerfile instruction, cleaned of builder noise (see cleanCreatedBy). */
  | { kind: 'instruction'; instruction: string }
  /** A layer a buildpack contributed, by buildpack id and the layer's name. */
  | { kind: 'buildpack'; buildpack: string; layer: string }
  /** Lifecycle-made layers of a buildpack image: app, launcher, config, sbom... */
  | { kind: 'lifecycle'; layer: string }
  | { kind: 'unknown' };

export interface AttributedLayer extends LayerInfo {
  /** Position in the image, 0 = bottom. */
  index: number;
  origin: LayerOrigin;
}

/**
 * How many of an image's bottom layers came from its base image. The count is per platform
 * because a multi-platform base may differ in layer count between architectures.
 */
export interface BaseLayers {
  reference: string;
  /** Number of bottom layers that belong to the base. Undefined: derive it from the image if possible. */
  layerCount?: number;
}

/** A readable name for an origin; also the key that pairs a changed layer across two images. */
export function originLabel(origin: LayerOrigin): string {
  switch (origin.kind) {
    case 'base':
      return `base image ${origin.reference}`;
    case 'instruction':
      return origin.instruction;
    case 'buildpack':
      return `${origin.buildpack} › ${origin.layer}`;
    case 'lifecycle':
      return `buildpacks ${origin.layer}`;
    case 'unknown':
      return 'unattributed layer';
  }
}

/**
 * Turns a config history `created_by` into the instruction a reader recognises.
 *
 * Forms seen in the wild:
 *  - classic builder, metadata-only: `/bin/sh -c #(nop)  CMD ["node"]`
 *  - classic builder, RUN: `/bin/sh -c apt-get update`, with build args `|2 A=1 B=2 /bin/sh -c ...`
 *  - BuildKit: `RUN /bin/sh -c npm ci # buildkit`, with build args `RUN |1 TOKEN=... /bin/sh -c ...`
 *
 * The `|N KEY=value` prefix is dropped, not just shortened: build-arg values are often tokens,
 * and this text ends up in a public PR comment.
 */
export function cleanCreatedBy(createdBy: string): string {
  let text = createdBy.trim();
  text = text.replace(/\s*#\s*buildkit\s*$/, '');
  const nop = /^\/bin\/sh -c #\(nop\)\s*/.exec(text);
  if (nop) return collapse(text.slice(nop[0].length));

  let prefix = '';
  const run = /^RUN\s+/.exec(text);
  if (run) {
    prefix = 'RUN ';
    text = text.slice(run[0].length);
  }
  const args = /^\|(\d+)\s+/.exec(text);
  if (args) {
    text = text.slice(args[0].length);
    // Each arg is KEY=value with no spaces in the key; values with spaces are not quoted by the
    // builder, so stop at the shell that follows rather than counting words.
    const shell = /(?:^|\s)(\/bin\/(?:ba)?sh -c |cmd \/S \/C )/.exec(text);
    // Exec-form RUN has no shell to stop at: drop the N assignments word by word instead.
    text = shell
      ? text.slice(shell.index + shell[0].length - shell[1]!.length)
      : text.split(/\s+/).slice(Number(args[1])).join(' ');
    prefix = 'RUN ';
  }
  const sh = /^\/bin\/(?:ba)?sh -c\s+/.exec(text);
  if (sh) {
    text = text.slice(sh[0].length);
    prefix = 'RUN ';
  }
  return collapse(prefix + text);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface LifecycleMetadata {
  app?: Array<{ sha?: string }> | { sha?: string };
  config?: { sha?: string };
  launcher?: { sha?: string };
  // The lifecycle's own key (platform/files LayersMetadata), not `process`.
  'process-types'?: { sha?: string };
  sbom?: { sha?: string };
  extend?: { sha?: string };
  buildpacks?: Array<{ key?: string; version?: string; layers?: Record<string, { sha?: string }> }>;
  runImage?: { topLayer?: string; reference?: string; image?: string };
  stack?: { runImage?: { image?: string } };
}

/** Parsed `io.buildpacks.lifecycle.metadata`, or undefined when absent or not JSON. */
export function lifecycleMetadata(image: PlatformImage): LifecycleMetadata | undefined {
  const raw = image.labels[LIFECYCLE_METADATA_LABEL];
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The base part of an image when the caller knows the base image: the number of bottom layers
 * the two share (by diffID when both sides have it, else by digest). Use it with the summary of
 * BaseImageUse.reference for the same platform; it is robust to bases that add layers later.
 */
export function baseLayersFrom(use: BaseImageUse, image: PlatformImage, base: Pick<PlatformImage, 'layers'>): BaseLayers {
  let count = 0;
  for (const baseLayer of base.layers) {
    const layer = image.layers[count];
    if (!layer || !sameLayer(layer, baseLayer)) break;
    count++;
  }
  return { reference: use.reference, layerCount: count };
}

function sameLayer(a: LayerInfo, b: LayerInfo): boolean {
  if (a.diffId && b.diffId) return a.diffId === b.diffId;
  return a.digest === b.digest;
}

/**
 * Labels every layer of one platform image with its origin.
 *
 * Buildpack images (lifecycle label present) are matched by layer sha against the label, and
 * everything up to `runImage.topLayer` is the run image. Other images walk the config history,
 * skipping `empty_layer` entries, as go-containerregistry and dive do; the bottom
 * `base.layerCount` layers are the base image.
 */
export function attributeLayers(image: PlatformImage, base?: BaseLayers): AttributedLayer[] {
  const lifecycle = lifecycleMetadata(image);
  if (lifecycle) return attributeBuildpackLayers(image, lifecycle, base);

  const layered = image.history.filter((h) => !h.emptyLayer);
  // History is optional and may disagree with the layer list (squashed or hand-made images);
  // when the counts differ, align from the top, where the build's own instructions are.
  const offset = layered.length - image.layers.length;
  const baseCount = Math.min(base?.layerCount ?? 0, image.layers.length);
  return image.layers.map((layer, index) => {
    if (base && index < baseCount) return { ...layer, index, origin: { kind: 'base', reference: base.reference } };
    const entry = layered[index + offset];
    const createdBy = entry?.createdBy ? cleanCreatedBy(entry.createdBy) : '';
    const origin: LayerOrigin = createdBy ? { kind: 'instruction', instruction: createdBy } : { kind: 'unknown' };
    return { ...layer, index, origin };
  });
}

function attributeBuildpackLayers(image: PlatformImage, meta: LifecycleMetadata, base?: BaseLayers): AttributedLayer[] {
  const bySha = new Map<string, LayerOrigin>();
  for (const bp of meta.buildpacks ?? []) {
    const id = bp.key ?? 'buildpack';
    const name = bp.version ? `${id}@${bp.version}` : id;
    for (const [layerName, layer] of Object.entries(bp.layers ?? {})) {
      if (layer?.sha) bySha.set(layer.sha, { kind: 'buildpack', buildpack: name, layer: layerName });
    }
  }
  const apps = Array.isArray(meta.app) ? meta.app : meta.app ? [meta.app] : [];
  for (const app of apps) if (app.sha) bySha.set(app.sha, { kind: 'lifecycle', layer: 'app' });
  for (const key of ['config', 'launcher', 'process-types', 'sbom', 'extend'] as const) {
    const sha = meta[key]?.sha;
    if (sha) bySha.set(sha, { kind: 'lifecycle', layer: key });
  }

  const runImageRef = base?.reference ?? meta.runImage?.image ?? meta.stack?.runImage?.image ?? 'run image';
  let baseCount = base?.layerCount;
  if (baseCount === undefined && meta.runImage?.topLayer) {
    const top = image.layers.findIndex((l) => (l.diffId ?? l.digest) === meta.runImage!.topLayer);
    if (top >= 0) baseCount = top + 1;
  }

  return image.layers.map((layer, index) => {
    if (baseCount !== undefined && index < baseCount) {
      return { ...layer, index, origin: { kind: 'base', reference: runImageRef } };
    }
    // The label records diffIDs; images read from the engine carry the diffID as their digest.
    const origin = bySha.get(layer.diffId ?? '') ?? bySha.get(layer.digest) ?? { kind: 'unknown' };
    return { ...layer, index, origin };
  });
}
