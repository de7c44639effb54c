import { describe, expect, it } from 'vitest';
import { cacheServiceAvailable, interpretCacheLog, parseCoreOutput } from '../../src/cache/actions-cache.js';

describe('parseCoreOutput', () => {
  it.each([
    ['::debug::File Size: 42\n', { command: 'debug', text: 'File Size: 42' }],
    ['::warning::a%0Ab %25\n', { command: 'warning', text: 'a\nb %' }],
    ['::error title=x::boom\n', { command: 'error', text: 'boom' }],
    ['Cache restored successfully\n', { command: 'info', text: 'Cache restored successfully' }],
  ])('%j', (chunk, expected) => {
    expect(parseCoreOutput(chunk)).toEqual(expected);
  });
});

describe('interpretCacheLog', () => {
  it.each([
    [{ command: 'debug', text: 'File Size: 1234' }, { kind: 'archive-size', bytes: 1234 }],
    [{ command: 'info', text: 'File Size: 1234' }, { kind: 'other' }],
    [{ command: 'error', text: 'Failed to save: boom' }, { kind: 'failure', message: 'Failed to save: boom' }],
    [{ command: 'warning', text: 'Failed to restore: boom' }, { kind: 'failure', message: 'Failed to restore: boom' }],
    [{ command: 'warning', text: 'uploadCacheArchiveSDK: internal error uploading cache archive: x' }, { kind: 'failure', message: 'uploadCacheArchiveSDK: internal error uploading cache archive: x' }],
    [{ command: 'debug', text: 'Failed to reserve cache: Error: Failed to CreateCacheEntry: Received non-retryable error: Failed request: (409) Conflict: exists' }, { kind: 'key-taken' }],
    [{ command: 'debug', text: 'Failed to reserve cache: NetworkError: Unable to make request: ECONNREFUSED' }, { kind: 'failure', message: 'Failed to reserve cache: NetworkError: Unable to make request: ECONNREFUSED' }],
    [{ command: 'info', text: 'Failed to save: Unable to reserve cache with key k, another job may be creating this cache.' }, { kind: 'reservation-summary' }],
    [{ command: 'info', text: 'Cache restored successfully' }, { kind: 'other' }],
  ] as const)('%j', (line, expected) => {
    expect(interpretCacheLog(line)).toEqual(expected);
  });
});

describe('cacheServiceAvailable', () => {
  const v2 = { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/', ACTIONS_RUNTIME_TOKEN: 't' };
  it.each([
    ['v2 with its URL and a token', v2, true],
    ['no token', { ...v2, ACTIONS_RUNTIME_TOKEN: undefined }, false],
    ['v2 without ACTIONS_RESULTS_URL', { ...v2, ACTIONS_RESULTS_URL: undefined }, false],
    ['v1 with ACTIONS_CACHE_URL', { ACTIONS_CACHE_URL: 'http://x/', ACTIONS_RUNTIME_TOKEN: 't' }, true],
    ['v1 with only ACTIONS_RESULTS_URL', { ACTIONS_RESULTS_URL: 'http://x/', ACTIONS_RUNTIME_TOKEN: 't' }, false],
    ['GHES falls back to v1', { ...v2, GITHUB_SERVER_URL: 'https://ghe.example.com' }, false],
    ['ghe.com is not GHES', { ...v2, GITHUB_SERVER_URL: 'https://acme.ghe.com' }, true],
    ['nothing (the CLI)', {}, false],
  ])('%s', (_what, env, expected) => {
    expect(cacheServiceAvailable(env)).toBe(expected);
  });
});
