// A BuildKit build's plain progress stream (`#N name`, `#N <status>`, `#N DONE 1.2s`): the two
// hangs it reveals as it arrives, and (below) the gha cache failures it reports afterwards. BuildKit's gha cache backend has no timeout: a cache
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

// ---- What BuildKit only says in its progress output: a gha cache that failed ----
// Reads BuildKit's plain progress output for what it only says there. With `ignore-error=true`
// (and always, for a cache import) a failing gha cache does not fail the build: BuildKit prints
// "#N ERROR: ..." under the cache step and carries on, which in a green job reads like a failure
// nobody explains. Pure: the build's output in, findings out.

export interface GhaCacheFailures {
  /** Why BuildKit could not read the cache of earlier runs (the build ran cold). */
  restore?: string;
  /** Why BuildKit could not save this build's cache (the next run will be cold too). */
  save?: string;
}

// BuildKit's vertex names for the gha cache steps (moby/buildkit, solver and exporter progress).
const RESTORE_STEP = /^importing cache manifest from gha:/;
const SAVE_STEP = /^exporting (?:cache )?to GitHub Actions Cache/i;

/** The gha cache steps that ended in `#N ERROR: ...`, with BuildKit's own message. */
export function ghaCacheFailures(progress: string): GhaCacheFailures {
  const names = new Map<string, string>();
  const failures: GhaCacheFailures = {};
  for (const line of progress.split('\n')) {
    const m = /^#(\d+) (.*?)\s*$/.exec(line);
    if (!m) continue;
    const [, id, text] = m as unknown as [string, string, string];
    if (!names.has(id)) {
      names.set(id, text);
      continue;
    }
    const raw = /^ERROR: (.*)$/.exec(text)?.[1];
    if (raw === undefined) continue;
    const error = tidy(raw);
    const name = names.get(id)!;
    if (RESTORE_STEP.test(name)) failures.restore ??= error;
    else if (SAVE_STEP.test(name)) failures.save ??= error;
  }
  return failures;
}

/**
 * BuildKit's message, fit for an annotation: a signed blob URL's query (its SAS signature) never
 * leaves the log, and a long wrapped error is cut.
 */
function tidy(message: string): string {
  const unsigned = message.replace(/(https?:\/\/[^\s?"']+)\?[^\s"']*/g, '$1?<query removed>');
  return unsigned.length > 300 ? `${unsigned.slice(0, 300)}...` : unsigned;
}

/** One warning for the job's annotations, or undefined when the gha cache worked (or wasn't used). */
export function ghaCacheWarning(failures: GhaCacheFailures): string | undefined {
  if (failures.restore === undefined && failures.save === undefined) return undefined;
  const lines = ["BuildKit's gha cache could not use the GitHub Actions cache service; the image was built without it."];
  if (failures.restore !== undefined) lines.push(`Restoring failed, so this build did not reuse earlier runs: ${failures.restore}`);
  if (failures.save !== undefined) lines.push(`Saving failed, so the next run will not find this build's cache: ${failures.save}`);
  lines.push('The "ERROR" lines under BuildKit\'s cache steps in the log above are this, not a build failure.');
  return lines.join('\n');
}
