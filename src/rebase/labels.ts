// What a rebase records about the base it moved onto: the OCI base.name/base.digest labels and
// annotations, and the buildpack lifecycle label's run image. Pure.
import { LIFECYCLE_METADATA_LABEL, OCI_BASE_DIGEST, OCI_BASE_NAME } from '../image/labels.js';
import { RebaseError } from './documents.js';

export interface NewBaseRecord {
  /** The new base's name as recorded in `base.name` (a tag reference, fully qualified). */
  name: string;
  /** The new base's digest as recorded in `base.digest` (the index's, for a multi-platform base). */
  digest: string;
}

/**
 * Updates `io.buildpacks.lifecycle.metadata` the way the lifecycle's rebaser does:
 * runImage.topLayer = the new base's top diffID, runImage.reference = repo@manifest digest (the
 * platform manifest, as the lifecycle records it). Other fields are kept in their order.
 */
export function updateLifecycleLabel(label: string, update: { topLayer: string; reference: string; image?: string }): string {
  const parsed = JSON.parse(label) as Record<string, unknown>;
  const runImage = typeof parsed.runImage === 'object' && parsed.runImage !== null ? (parsed.runImage as Record<string, unknown>) : {};
  runImage.topLayer = update.topLayer;
  runImage.reference = update.reference;
  if (update.image !== undefined) runImage.image = update.image;
  parsed.runImage = runImage;
  return JSON.stringify(parsed);
}

/**
 * The image's labels after a rebase: base.name/base.digest name the new base, and a lifecycle
 * label (a buildpack image) names the new run image: its top layer and `repository@manifest`.
 */
export function rebasedLabels(
  labels: Readonly<Record<string, string>>,
  base: NewBaseRecord & { topLayer: string; runImageReference: string },
  where: string,
): Record<string, string> {
  const out: Record<string, string> = { ...labels, [OCI_BASE_NAME]: base.name, [OCI_BASE_DIGEST]: base.digest };
  const lifecycle = out[LIFECYCLE_METADATA_LABEL];
  if (lifecycle !== undefined) {
    try {
      out[LIFECYCLE_METADATA_LABEL] = updateLifecycleLabel(lifecycle, { topLayer: base.topLayer, reference: base.runImageReference });
    } catch (e) {
      throw new RebaseError(`${where}: the ${LIFECYCLE_METADATA_LABEL} label is not JSON (${(e as Error).message}); refusing to leave it naming the old run image`);
    }
  }
  return out;
}

/** An OCI manifest's or index's annotations after a rebase: the rest kept, the base replaced. */
export function rebasedAnnotations(annotations: Readonly<Record<string, string>> | undefined, base: NewBaseRecord): Record<string, string> {
  return { ...(annotations ?? {}), [OCI_BASE_NAME]: base.name, [OCI_BASE_DIGEST]: base.digest };
}
