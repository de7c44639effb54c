// What the lifecycle actually reused, read from its own log lines (pack prints them). Pure.
// Restoring a bind directory says nothing by itself: the lifecycle decides, layer by layer, what
// it restores from the cache, and the exporter decides what it reuses from the previous image.
// Line formats: lifecycle phase/restorer.go, phase/exporter.go (v0.21).

export interface LayerReuse {
  /** `buildpack:layer` the restorer brought back from the cache ("Restoring data for ..."). */
  restoredFromCache: string[];
  /** Buildpack layers the exporter took unchanged from the previous image ("Reusing layer ..."). */
  reused: string[];
  /** Buildpack layers the exporter wrote anew ("Adding layer ..."). */
  added: string[];
  /** Whether the analyzer found a previous image ("Image with name ... not found" otherwise). */
  previousImageFound: boolean;
}

// The lifecycle's own layers (launcher, process types, SBOM) change with the lifecycle, not the app.
const LIFECYCLE_LAYER = /^buildpacksio\/lifecycle:/;

export function parseLifecycleLog(output: string): LayerReuse {
  const restored = new Set<string>();
  const reused = new Set<string>();
  const added = new Set<string>();
  let previousImageFound = true;
  let analyzed = false;
  for (const raw of output.split(/\r?\n/)) {
    // eslint-disable-next-line no-control-regex
    const line = raw.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').trim();
    let m: RegExpExecArray | null;
    if (/^===> ANALYZING$/.test(line)) analyzed = true;
    else if (/^(Previous image|Image) with name ".*" not found$/.test(line)) previousImageFound = false;
    else if ((m = /^Restoring data for "([^"]+)" from cache$/.exec(line))) restored.add(m[1]!);
    else if ((m = /^Reusing layer '([^']+)'$/.exec(line)) && !LIFECYCLE_LAYER.test(m[1]!)) reused.add(m[1]!);
    else if ((m = /^Adding layer '([^']+)'$/.exec(line)) && !LIFECYCLE_LAYER.test(m[1]!)) added.add(m[1]!);
  }
  return {
    restoredFromCache: [...restored],
    reused: [...reused],
    added: [...added],
    previousImageFound: analyzed && previousImageFound,
  };
}

/** One line for the log and the report: what the warm build did not have to redo. */
export function describeLayerReuse(reuse: LayerReuse, previousImage: string | undefined): string {
  const total = reuse.reused.length + reuse.added.length;
  const list = (names: string[]) => names.map((n) => `\`${n.replaceAll('`', "'")}\``).join(', ');
  const parts = [`${reuse.reused.length} of ${total} buildpack layer${total === 1 ? '' : 's'} reused${reuse.reused.length ? ` (${list(reuse.reused)})` : ''}`];
  if (reuse.added.length) parts.push(`rebuilt: ${list(reuse.added)}`);
  parts.push(reuse.restoredFromCache.length ? `restored from the layer cache: ${list(reuse.restoredFromCache)}` : 'nothing restored from the layer cache');
  parts.push(previousImage && reuse.previousImageFound ? `previous image ${previousImage}` : 'no previous image');
  return parts.join('; ');
}
