import { describe, expect, it } from 'vitest';
import { classify, decide, RATE_LIMIT_CAP_SECONDS, timeoutFor, type Failure } from '../../src/github/request-policy.js';

const now = 1_800_000_000;
const fresh = () => ({ rateLimitBudget: RATE_LIMIT_CAP_SECONDS, serverErrors: 0 });

describe('classify', () => {
  it.each<[string, Parameters<typeof classify>[0], Failure]>([
    ['primary limit, reset in 5s', { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now + 5) }, message: 'API rate limit exceeded', timedOut: false }, { kind: 'rate-limit', secondary: false, waitSeconds: 5 }],
    ['primary limit, reset in an hour', { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now + 3600) }, message: 'API rate limit exceeded', timedOut: false }, { kind: 'rate-limit', secondary: false, waitSeconds: 3600 }],
    ['429 with retry-after', { status: 429, headers: { 'retry-after': '7' }, message: 'Too Many Requests', timedOut: false }, { kind: 'rate-limit', secondary: false, waitSeconds: 7 }],
    ['secondary with retry-after', { status: 403, headers: { 'retry-after': '2' }, message: 'You have exceeded a secondary rate limit', timedOut: false }, { kind: 'rate-limit', secondary: true, waitSeconds: 2 }],
    ['secondary without retry-after: a minute', { status: 403, headers: {}, message: 'You have exceeded a secondary rate limit', timedOut: false }, { kind: 'rate-limit', secondary: true, waitSeconds: 60 }],
    ['retry-after in hex is not a number', { status: 403, headers: { 'retry-after': '0x10', 'x-ratelimit-remaining': '0' }, message: 'x', timedOut: false }, { kind: 'rate-limit', secondary: false, waitSeconds: Infinity }],
    ['403 of a read-only token', { status: 403, headers: {}, message: 'Resource not accessible by integration', timedOut: false }, { kind: 'refused', status: 403 }],
    ['422', { status: 422, headers: {}, message: 'Validation Failed', timedOut: false }, { kind: 'refused', status: 422 }],
    ['502', { status: 502, headers: {}, message: 'Bad Gateway', timedOut: false }, { kind: 'server-error', status: 502 }],
    ['timeout', { status: 500, headers: {}, message: '10s without an answer', timedOut: true }, { kind: 'no-answer', detail: '10s without an answer' }],
    ['connection refused', { headers: {}, message: 'connect ECONNREFUSED', timedOut: false }, { kind: 'no-answer', detail: 'connect ECONNREFUSED' }],
  ])('%s', (_name, req, expected) => {
    expect(classify(req, now)).toEqual(expected);
  });
});

describe('decide', () => {
  it('waits out a short rate limit once, within the budget', () => {
    expect(decide({ kind: 'rate-limit', secondary: false, waitSeconds: 5 }, { method: 'POST', attempt: 0 }, fresh())).toEqual({ action: 'retry', afterSeconds: 5 });
    expect(decide({ kind: 'rate-limit', secondary: false, waitSeconds: 5 }, { method: 'POST', attempt: 1 }, fresh())).toMatchObject({ action: 'fail', breaker: expect.stringContaining('rate limit') });
    expect(decide({ kind: 'rate-limit', secondary: false, waitSeconds: 5 }, { method: 'GET', attempt: 0 }, { rateLimitBudget: 4, serverErrors: 0 })).toMatchObject({ action: 'fail' });
  });
  it('never waits an hour', () => {
    expect(decide({ kind: 'rate-limit', secondary: false, waitSeconds: 3600 }, { method: 'GET', attempt: 0 }, fresh())).toEqual({ action: 'fail', breaker: `rate limit (lifts in 3600s; Strata waits at most ${RATE_LIMIT_CAP_SECONDS}s)` });
  });
  it('opens the breaker on the first hang', () => {
    expect(decide({ kind: 'no-answer', detail: '10s without an answer' }, { method: 'GET', attempt: 0 }, fresh())).toEqual({ action: 'fail', breaker: 'no answer (10s without an answer)' });
  });
  it('retries a 5xx read once, never a write, and opens the breaker on the second 5xx', () => {
    expect(decide({ kind: 'server-error', status: 502 }, { method: 'GET', attempt: 0 }, { ...fresh(), serverErrors: 1 })).toEqual({ action: 'retry', afterSeconds: 1 });
    expect(decide({ kind: 'server-error', status: 502 }, { method: 'POST', attempt: 0 }, { ...fresh(), serverErrors: 1 })).toEqual({ action: 'fail' });
    expect(decide({ kind: 'server-error', status: 502 }, { method: 'GET', attempt: 1 }, { ...fresh(), serverErrors: 2 })).toEqual({ action: 'fail', breaker: 'HTTP 502, more than once' });
  });
  it('passes other 4xx through without opening the breaker', () => {
    expect(decide({ kind: 'refused', status: 404 }, { method: 'GET', attempt: 0 }, fresh())).toEqual({ action: 'fail' });
  });
  it('sizes timeouts in seconds', () => {
    expect(timeoutFor('GET')).toBe(10_000);
    expect(timeoutFor('post')).toBe(15_000);
  });
});
