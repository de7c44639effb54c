// Which base an image says it was built on. Two places hold it: the manifest's annotations
// (where crane rebase, regctl and other OCI tools write and read it) and the config's labels
// (what `docker inspect` shows). A registry-side rebase updates the annotations but cannot touch
// the labels without a new config, so the annotations win when present. Pure.

export const OCI_BASE_NAME = 'org.opencontainers.image.base.name';
export const OCI_BASE_DIGEST = 'org.opencontainers.image.base.digest';

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

/** Annotations recording the runtime base, as written with each pushed manifest. */
export function baseAnnotations(base: { name: string; digest?: string } | undefined): string[] {
  if (!base?.digest) return [];
  return [`${OCI_BASE_NAME}=${base.name.split('@')[0]!}`, `${OCI_BASE_DIGEST}=${base.digest}`];
}
