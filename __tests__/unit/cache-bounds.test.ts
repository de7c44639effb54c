import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/cache/actions-cache.js';
import {
  CACHE_CALL_BOUNDS,
  createCacheBreaker,
  extractLimitMs,
  isServiceFault,
  judgeCacheCall,
  type CacheCallObservation,
  type ObservedResponse,
} from '../../src/cache/bounds.js';

const archive = CACHE_CALL_BOUNDS.archive;
const at = (o: Partial<CacheCallObservation>): CacheCallObservation => ({
  nowMs: 100_000,
  lastProgressMs: 100_000,
  phase: 'request',
  phaseStartedMs: 0,
  responses: [],
  ...o,
});
const r500: ObservedResponse = { status: 500, target: 'service', method: 'POST', where: 'results/twirp/x' };

describe('judgeCacheCall', () => {
  it.each([
    ['bytes moved just now', at({}), true],
    ['quiet for just under the stall bound', at({ lastProgressMs: 100_000 - archive.stallMs }), true],
    ['quiet past the stall bound', at({ lastProgressMs: 100_000 - archive.stallMs - 1 }), false],
    ['one 5xx: asked once more', at({ responses: [r500] }), true],
    ['a second 5xx', at({ responses: [r500, r500] }), false],
    ['a 4xx from the service is its answer, not an outage', at({ responses: [{ ...r500, status: 409 }] }), true],
    ['a 403 on the download URL', at({ responses: [{ status: 403, target: 'blob', method: 'GET', where: 'h/d' }] }), false],
    ['extracting 100 MiB for 60 s: within 60 s + 10 s', at({ phase: 'extract', phaseStartedMs: 40_000, archiveBytes: 100 * 1024 * 1024, lastProgressMs: 0 }), true],
    ['extracting 1 MiB for 70 s', at({ phase: 'extract', phaseStartedMs: 30_000, archiveBytes: 1024 * 1024 }), false],
  ] as const)('%s', (_what, observation, go) => {
    expect(judgeCacheCall(observation, archive).go).toBe(go);
  });

  it('says what happened, in words the user can act on', () => {
    expect(judgeCacheCall(at({ lastProgressMs: 0 }), archive)).toEqual({
      go: false,
      reason: 'the cache service made no progress for 30 s (it accepted the request and did not answer)',
    });
    expect(judgeCacheCall(at({ responses: [r500, { ...r500, status: 503 }] }), archive)).toEqual({
      go: false,
      reason: 'the cache service answered HTTP 503 2 times (POST results/twirp/x)',
    });
  });

  it('a snapshot (a few kB) is given up sooner than an archive', () => {
    const quiet = at({ lastProgressMs: 100_000 - 15_000 });
    expect(judgeCacheCall(quiet, CACHE_CALL_BOUNDS.snapshot).go).toBe(false);
    expect(judgeCacheCall(quiet, archive).go).toBe(true);
  });

  it('extraction is sized to the archive', () => {
    expect(extractLimitMs(0, archive)).toBe(60_000);
    expect(extractLimitMs(1024 * 1024 * 1024, archive)).toBe(60_000 + 1024 * 100);
  });
});

describe('isServiceFault', () => {
  it.each([
    ['restoring "k" was given up: the cache service made no progress for 30 s', true],
    ['Failed to restore: Failed to GetCacheEntryDownloadURL: Unable to make request: ECONNREFUSED', true],
    ['the cache download URL h/download/1 answered HTTP 403', true],
    ['Failed to restore: Tar failed with error: The process \'/usr/bin/tar\' failed with exit code 2', false],
    ['/usr/bin/tar: cache/index.json: Cannot write: No space left on device', false],
  ])('%s', (message, fault) => {
    expect(isServiceFault(message)).toBe(fault);
  });
});

describe('createCacheBreaker', () => {
  it('opens once, with the first reason, and tells once (the step state carries it)', () => {
    const told: string[] = [];
    const breaker = createCacheBreaker(undefined, (r) => told.push(r));
    expect(breaker.openReason).toBeUndefined();
    breaker.trip('hung');
    breaker.trip('again');
    expect(breaker.openReason).toBe('hung');
    expect(told).toEqual(['hung']);
  });

  it('starts open in the post step when the main step tripped it', () => {
    expect(createCacheBreaker('hung in main').openReason).toBe('hung in main');
    expect(createCacheBreaker('').openReason).toBeUndefined();
  });
});

describe('describeFailure', () => {
  it('names a refused storage URL instead of the tar failure it caused', () => {
    const refused: ObservedResponse = { status: 403, target: 'blob', method: 'GET', where: 'acct.blob.core.windows.net/c/e' };
    expect(describeFailure(['Failed to restore: Tar failed with error'], [refused])).toBe(
      'the cache download URL acct.blob.core.windows.net/c/e answered HTTP 403',
    );
    expect(describeFailure(['a', 'b'], [])).toBe('a; b');
  });
});

describe('describeFailure with what tar said', () => {
  it('adds tar\'s first reason to @actions/cache\'s exit-code message', () => {
    expect(
      describeFailure(["Failed to restore: \"/usr/bin/tar\" failed with error: The process '/usr/bin/tar' failed with exit code 2"], [], [
        '/usr/bin/tar: cache/index.json: Cannot write: No space left on device',
        '/usr/bin/tar: Exiting with failure status due to previous errors',
      ]),
    ).toBe("Failed to restore: \"/usr/bin/tar\" failed with error: The process '/usr/bin/tar' failed with exit code 2 (/usr/bin/tar: cache/index.json: Cannot write: No space left on device)");
  });
});
