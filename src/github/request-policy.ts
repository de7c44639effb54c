// What to do about one failed GitHub API request: pure, so every row of the fault matrix is a
// table test. The comment is best effort, so the policy is short: wait out a rate limit only when
// its reset is seconds away, retry a 5xx read once, and never ask again after a hang.

/** Per request: the comment API moves at most a 64 KiB body or a 100-comment page. */
export const READ_TIMEOUT_MS = 10_000;
export const WRITE_TIMEOUT_MS = 15_000;
/** The longest a step sits through rate limits, in all, before skipping the comment. */
export const RATE_LIMIT_CAP_SECONDS = 20;
/** GitHub's advice for a secondary rate limit without retry-after: wait at least a minute. */
const SECONDARY_DEFAULT_WAIT_SECONDS = 60;

export function timeoutFor(method: string): number {
  return method.toUpperCase() === 'GET' ? READ_TIMEOUT_MS : WRITE_TIMEOUT_MS;
}

export type Failure =
  /** 403/429 for a rate limit; `waitSeconds` until it lifts, as the response says. */
  | { kind: 'rate-limit'; secondary: boolean; waitSeconds: number }
  /** GitHub answered 5xx: it may have done the work (a POST may have stored the comment). */
  | { kind: 'server-error'; status: number }
  /** No answer within the timeout, or the connection failed: the outcome is unknown. */
  | { kind: 'no-answer'; detail: string }
  /** Any other 4xx: an answer about this request, not about GitHub's health. */
  | { kind: 'refused'; status: number };

export interface FailedRequest {
  status?: number;
  headers: Record<string, string | undefined>;
  message: string;
  timedOut: boolean;
}

/** Rate limits per GitHub's docs ("Rate limits for the REST API"): primary and secondary. */
export function classify(req: FailedRequest, nowSeconds: number): Failure {
  const { status, headers } = req;
  if (req.timedOut || status === undefined) return { kind: 'no-answer', detail: req.message };
  if (status === 403 || status === 429) {
    const retryAfter = decimalSeconds(headers['retry-after']);
    const secondary = /secondary rate limit|abuse/i.test(req.message);
    if (retryAfter !== undefined) return { kind: 'rate-limit', secondary, waitSeconds: retryAfter };
    if (headers['x-ratelimit-remaining'] === '0') {
      const reset = decimalSeconds(headers['x-ratelimit-reset']);
      return { kind: 'rate-limit', secondary: false, waitSeconds: reset === undefined ? Infinity : Math.max(0, Math.ceil(reset - nowSeconds)) };
    }
    if (secondary || status === 429) return { kind: 'rate-limit', secondary: true, waitSeconds: SECONDARY_DEFAULT_WAIT_SECONDS };
    return { kind: 'refused', status };
  }
  if (status >= 500) return { kind: 'server-error', status };
  return { kind: 'refused', status };
}

function decimalSeconds(raw: string | undefined): number | undefined {
  return raw !== undefined && /^\s*[0-9]{1,12}\s*$/.test(raw) ? Number(raw) : undefined;
}

export type Decision =
  | { action: 'retry'; afterSeconds: number }
  /** Give up on this request; `breaker` (a reason) also stops every later request of the step. */
  | { action: 'fail'; breaker?: string };

export interface PolicyState {
  /** Seconds of rate-limit waiting still allowed in this step. */
  rateLimitBudget: number;
  /** 5xx answers seen so far in this step. */
  serverErrors: number;
}

/**
 * `attempt` counts from 0. Reads are retried once after a 5xx; writes never are here (the comment
 * code looks for its marker first: GitHub may have stored the comment before failing).
 */
export function decide(failure: Failure, req: { method: string; attempt: number }, state: PolicyState): Decision {
  switch (failure.kind) {
    case 'refused':
      return { action: 'fail' };
    case 'no-answer':
      return { action: 'fail', breaker: `no answer (${failure.detail})` };
    case 'rate-limit': {
      const what = failure.secondary ? 'secondary rate limit' : 'rate limit';
      if (req.attempt === 0 && failure.waitSeconds <= state.rateLimitBudget) return { action: 'retry', afterSeconds: failure.waitSeconds };
      const lifts = Number.isFinite(failure.waitSeconds) ? `lifts in ${Math.ceil(failure.waitSeconds)}s` : 'no reset time given';
      return { action: 'fail', breaker: `${what} (${lifts}; Strata waits at most ${RATE_LIMIT_CAP_SECONDS}s)` };
    }
    case 'server-error':
      if (state.serverErrors >= 2) return { action: 'fail', breaker: `HTTP ${failure.status}, more than once` };
      if (req.method.toUpperCase() === 'GET' && req.attempt === 0) return { action: 'retry', afterSeconds: 1 };
      return { action: 'fail' };
  }
}
