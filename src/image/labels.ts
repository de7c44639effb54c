// The labels and annotations an image carries about how it was built, and their pure parsers:
// vocabulary shared by build (which writes them), compare, report, rebase and the CLI (which read
// them), so none of those imports another stage for a label name.
//
// Which base an image says it was built on. Two places hold it: the manifest's annotations
// (where crane rebase, regctl and other OCI tools write and read it) and the config's labels
// (what `docker inspect` shows). A registry-side rebase updates the annotations but cannot touch
// the labels without a new config, so the annotations win when present.

export const OCI_BASE_NAME = 'org.opencontainers.image.base.name';
export const OCI_BASE_DIGEST = 'org.opencontainers.image.base.digest';
/** When the image was built (RFC 3339), as its publisher states it: see createdFromAnnotations. */
export const OCI_CREATED = 'org.opencontainers.image.created';
/** What the buildpack lifecycle records about a build (JSON), the run image among it. */
export const LIFECYCLE_METADATA_LABEL = 'io.buildpacks.lifecycle.metadata';

export interface RecordedBase {
  name: string;
  digest?: string;
  from: 'annotations' | 'labels';
}

export function recordedBase(annotations: Record<string, string> | undefined, labels: Record<string, string> | undefined): RecordedBase | undefined {
  const annotated = annotations?.[OCI_BASE_NAME]?.trim();
  if (annotated) {
    const digest = annotations?.[OCI_BASE_DIGEST]?.trim();
    return { name: annotated, ...(digest ? { digest } : {}), from: 'annotations' };
  }
  const labelled = labels?.[OCI_BASE_NAME]?.trim();
  if (labelled) {
    const digest = labels?.[OCI_BASE_DIGEST]?.trim();
    return { name: labelled, ...(digest ? { digest } : {}), from: 'labels' };
  }
  return undefined;
}

/**
 * When an image was built, from annotations: Docker Official Images state it on each manifest and,
 * per platform, on the index's descriptors (docker-library's meta-scripts), as do pushes with
 * metadata-action's annotations. Read there, an image is dated without its config. Undefined when
 * absent or not a date.
 */
export function createdFromAnnotations(annotations: Record<string, string> | undefined): string | undefined {
  const stated = annotations?.[OCI_CREATED]?.trim();
  return stated && Number.isFinite(Date.parse(stated)) ? stated : undefined;
}

/** Annotations recording the runtime base, as written with each pushed manifest. */
export function baseAnnotations(base: { name: string; digest?: string } | undefined): string[] {
  if (!base?.digest) return [];
  return [`${OCI_BASE_NAME}=${base.name.split('@')[0]!}`, `${OCI_BASE_DIGEST}=${base.digest}`];
}

export interface RunImageMetadata {
  /** What the build named (run.toml or --run-image). */
  image?: string;
  /** Digest reference (repo@sha256:…) when published, the image id when exported to a daemon. */
  reference?: string;
  topLayer?: string;
}

/** `runImage` from the io.buildpacks.lifecycle.metadata label (JSON); the deprecated stack.runImage as fallback. */
export function runImageFromLabel(label: string | undefined): RunImageMetadata {
  if (!label) return {};
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(label) as Record<string, unknown>;
  } catch {
    return {};
  }
  const runImage = (parsed['runImage'] ?? {}) as Record<string, unknown>;
  const stack = ((parsed['stack'] as Record<string, unknown> | undefined)?.['runImage'] ?? {}) as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return { image: s(runImage['image']) ?? s(stack['image']), reference: s(runImage['reference']), topLayer: s(runImage['topLayer']) };
}

/** What an image says its base is: a recorded OCI base name, or the buildpack run image. */
export type NamedBase = (RecordedBase & { kind: 'recorded' }) | { kind: 'run-image'; run: RunImageMetadata };

/**
 * Which base an image names, by one precedence for every reader (report, CLI, rebase): the
 * manifest's annotations, then the config's OCI base labels (recordedBase: a registry-side rebase
 * updates only the former), then the buildpack lifecycle's run image. The OCI record comes before
 * the lifecycle label because it is what a rebase (ours, crane's, regctl's) keeps current.
 */
export function namedBase(annotations: Record<string, string> | undefined, labels: Record<string, string> | undefined): NamedBase | undefined {
  const recorded = recordedBase(annotations, labels);
  if (recorded) return { kind: 'recorded', ...recorded };
  const run = runImageFromLabel(labels?.[LIFECYCLE_METADATA_LABEL]);
  return run.image || run.reference || run.topLayer ? { kind: 'run-image', run } : undefined;
}
