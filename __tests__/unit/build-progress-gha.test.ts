// BuildKit's plain progress output when its gha cache fails. The fixtures are real: captured from
// buildx 0.29 (docker driver, containerd store) building against the loopback cache service with
// the port closed (refused) and answering 500 (twirp "internal").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ghaCacheFailures, ghaCacheWarning } from '../../src/build/progress.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/buildkit', name), 'utf8');

describe('ghaCacheFailures', () => {
  it('finds the restore and save steps that failed, with BuildKit\'s message', () => {
    const refused = ghaCacheFailures(fixture('gha-refused.log'));
    expect(refused.restore).toMatch(/^Post "http:\/\/127\.0\.0\.1:40887\/twirp\/.*\/GetCacheEntryDownloadURL": dial tcp .*connection refused$/);
    expect(refused.save).toMatch(/connection refused$/);
    expect(ghaCacheFailures(fixture('gha-error500.log'))).toEqual({ restore: 'internal', save: 'internal' });
  });

  it('finds nothing when the cache steps worked, or were not there', () => {
    const healthy = [
      '#4 importing cache manifest from gha:5050208312851820245',
      '#4 DONE 0.0s',
      '#6 [build 2/2] RUN exit 0',
      '#6 CACHED',
      '#9 exporting to GitHub Actions Cache',
      '#9 preparing build cache for export 0.1s done',
      '#9 DONE 0.1s',
    ].join('\n');
    expect(ghaCacheFailures(healthy)).toEqual({});
    expect(ghaCacheFailures('')).toEqual({});
  });

  it('does not take a failing build step for a cache failure', () => {
    const failedStep = ['#6 [build 2/2] RUN exit 7', '#6 ERROR: process "/bin/sh -c exit 7" did not complete successfully: exit code: 7'].join('\n');
    expect(ghaCacheFailures(failedStep)).toEqual({});
  });

  it('keeps a signed blob URL\'s query (its signature) out of the message', () => {
    const log = [
      '#9 exporting to GitHub Actions Cache',
            // Go's net/http error shape, as BuildKit prints it.
      '#9 ERROR: Put "https://acct.blob.core.windows.net/actions-cache/abc?sv=2023&sig=SECRETSIG%3D&se=2026": read: connection reset by peer',
    ].join('\n');
    const { save } = ghaCacheFailures(log);
    expect(save).toBe('Put "https://acct.blob.core.windows.net/actions-cache/abc?<query removed>": read: connection reset by peer');
    expect(ghaCacheWarning({ save })).not.toContain('SECRETSIG');
  });
});

describe('ghaCacheWarning', () => {
  it('says what failed, what it costs, and that the ERROR lines are not a build failure', () => {
    expect(ghaCacheWarning({ restore: 'internal', save: 'internal' })).toBe(
      [
        "BuildKit's gha cache could not use the GitHub Actions cache service; the image was built without it.",
        'Restoring failed, so this build did not reuse earlier runs: internal',
        "Saving failed, so the next run will not find this build's cache: internal",
        'The "ERROR" lines under BuildKit\'s cache steps in the log above are this, not a build failure.',
      ].join('\n'),
    );
    expect(ghaCacheWarning({ save: 'internal' })).not.toContain('Restoring');
    expect(ghaCacheWarning({})).toBeUndefined();
  });
});
