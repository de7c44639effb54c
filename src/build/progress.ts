// A BuildKit build's plain progress stream (`#N name`, `#N <status>`, `#N DONE 1.2s`), read as it
// arrives, and the two hangs it reveals. BuildKit's gha cache backend has no timeout: a cache
// service that accepts and never answers holds the build (and every other build on that engine's
// BuildKit) until the client's connection is cut. So:
//   - a cache import ("importing cache manifest from gha:...") that shows nothing for
//     `importStallMs` means: stop, and build again without the cache;
//   - a cache export ("exporting to GitHub Actions Cache") that shows nothing for
//     `exportStallMs` after the image was exported means: stop, and report the image as built,
//     with a cache warning.
// Pure: lines and clock readings in, a verdict out; build/buildx.ts does the stopping.

export interface BuildWatchBounds {
  importStallMs: number;
  exportStallMs: number;
}

/** A manifest lookup moves a few kB: a minute is generous. A cache export moves layers; it shows
 * progress per blob, and two quiet minutes after the image is done means the service stopped answering. */
export const BUILD_WATCH_BOUNDS: BuildWatchBounds = { importStallMs: 60_000, exportStallMs: 120_000 };

interface Vertex {
  name: string;
  done: boolean;
  lastSeenMs: number;
}

export interface BuildProgress {
  vertices: Map<string, Vertex>;
  /** From the image export's statuses: enough to report an image whose build was stopped during the cache export. */
  imageId?: string;
  digest?: string;
}

export function newBuildProgress(): BuildProgress {
  return { vertices: new Map() };
}

const IMAGE_EXPORT = /^exporting to (image|docker image format|oci image format|client)/;
// buildx 0.29 / BuildKit 0.25 print "exporting to GitHub Actions Cache"; older ones "exporting cache".
const CACHE_EXPORT = /^exporting (cache\b|to GitHub Actions Cache)/;
const CACHE_IMPORT = /^importing cache manifest from /;

/** Pure (mutates only `progress`): one line of plain progress output. */
export function readProgressLine(progress: BuildProgress, line: string, nowMs: number): void {
  const m = /^#(\d+) (.*)$/.exec(line.trimEnd());
  if (!m) return;
  const [, id, rest] = m as unknown as [string, string, string];
  const vertex = progress.vertices.get(id);
  if (!vertex) {
    progress.vertices.set(id, { name: rest, done: false, lastSeenMs: nowMs });
    return;
  }
  vertex.lastSeenMs = nowMs;
  if (/^(DONE|CACHED|ERROR|CANCELED)\b/.test(rest)) vertex.done = true;
  if (!IMAGE_EXPORT.test(vertex.name)) return;
  const id64 = /^(?:writing image|exporting config) (sha256:[0-9a-f]{64})/.exec(rest);
  if (id64) progress.imageId = id64[1];
  const list = /^exporting manifest list (sha256:[0-9a-f]{64})/.exec(rest);
  if (list) progress.digest = list[1];
  const single = /^exporting manifest (sha256:[0-9a-f]{64})/.exec(rest);
  if (single && !progress.digest) progress.digest = single[1];
  const pushed = /^pushing manifest for \S+@(sha256:[0-9a-f]{64})/.exec(rest);
  if (pushed) progress.digest = pushed[1];
}

export type BuildWatchVerdict =
  | { go: true }
  | { go: false; hang: 'cache-import' | 'cache-export'; vertex: string; quietMs: number };

/** Pure: whether the build may go on. */
export function judgeBuild(progress: BuildProgress, nowMs: number, bounds: BuildWatchBounds): BuildWatchVerdict {
  const vertices = [...progress.vertices.values()];
  for (const v of vertices) {
    if (v.done || !CACHE_IMPORT.test(v.name)) continue;
    if (nowMs - v.lastSeenMs > bounds.importStallMs) return { go: false, hang: 'cache-import', vertex: v.name, quietMs: nowMs - v.lastSeenMs };
  }
  const imageDone = vertices.some((v) => v.done && IMAGE_EXPORT.test(v.name));
  if (!imageDone) return { go: true };
  for (const v of vertices) {
    if (v.done || !CACHE_EXPORT.test(v.name)) continue;
    if (nowMs - v.lastSeenMs > bounds.exportStallMs) return { go: false, hang: 'cache-export', vertex: v.name, quietMs: nowMs - v.lastSeenMs };
  }
  return { go: true };
}
