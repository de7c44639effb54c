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
