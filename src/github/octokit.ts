// The one place an Octokit is made. Entrypoints call createOctokit; nothing creates a client at
// import time, and tests build one against nock or the loopback emulation. Every request gets a
// timeout and goes through request-policy.ts: a rate limit is waited out only when it lifts within
// seconds, and once GitHub hangs, fails twice or stays rate limited, the client stops asking for
// the rest of the step (a circuit breaker): a best-effort comment never holds a build for long.
import { GitHubUnavailableError } from './errors.js';
import { Octokit } from '@octokit/rest';
import type { Logger } from '../adapters.js';
import { httpFetch } from '../io/http-fetch.js';
import { classify, decide, RATE_LIMIT_CAP_SECONDS, timeoutFor, type PolicyState } from './request-policy.js';

export type GitHubClient = Octokit;

export interface OctokitOptions {
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on GHES. */
  baseUrl?: string;
  logger: Logger;
  /** Seconds of rate-limit waiting allowed in all (default RATE_LIMIT_CAP_SECONDS). */
  rateLimitCapSeconds?: number;
  /** Per-request timeout in ms, overriding the per-method default (tests). */
  timeoutMs?: number;
  /** How waits are slept (tests pass one that records instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
  userAgent?: string;
}


interface RequestErrorLike {
  status?: number;
  message?: string;
  name?: string;
  response?: { headers?: Record<string, string | undefined> };
}

export function createOctokit(token: string, options: OctokitOptions): GitHubClient {
  const { logger } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const state: PolicyState = { rateLimitBudget: options.rateLimitCapSeconds ?? RATE_LIMIT_CAP_SECONDS, serverErrors: 0 };
  let breaker: { reason: string; rateLimited: boolean } | undefined;

  const octokit = new Octokit({
    auth: token || undefined,
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: options.userAgent ?? 'strata-action',
    // Strata's own HTTP client (io/http-fetch.ts), as the registry code's: Node's fetch would
    // compile undici on the first request, ~50 ms of the step's last stretch before the comment.
    request: { fetch: httpFetch },
    // Octokit's own logger would print request details at debug; route it to ours.
    log: { debug: () => {}, info: () => {}, warn: (m: string) => logger.debug(m), error: (m: string) => logger.debug(m) },
  });

  octokit.hook.wrap('request', async (request, endpoint) => {
    const method = String(endpoint.method ?? 'GET');
    const what = `${method} ${String(endpoint.url)}`;
    for (let attempt = 0; ; attempt++) {
      if (breaker) throw new GitHubUnavailableError(breaker.reason, breaker.rateLimited);
      const timeoutMs = options.timeoutMs ?? timeoutFor(method);
      const signal = AbortSignal.timeout(timeoutMs);
      // In place: the hooks inside this one (auth) were bound to this very options object and
      // ignore what is passed to them.
      endpoint.request = { ...endpoint.request, signal };
      try {
        return await request(endpoint);
      } catch (error) {
        const e = error as RequestErrorLike;
        const timedOut = signal.aborted;
        const failure = classify(
          {
            status: timedOut || e.response === undefined ? undefined : e.status,
            headers: e.response?.headers ?? {},
            message: timedOut ? `${timeoutMs / 1000}s without an answer to ${what}` : String(e.message ?? error),
            timedOut,
          },
          Date.now() / 1000,
        );
        if (failure.kind === 'server-error') state.serverErrors++;
        const decision = decide(failure, { method, attempt }, state);
        if (decision.action === 'retry') {
          if (failure.kind === 'rate-limit') state.rateLimitBudget -= decision.afterSeconds;
          logger.info(`GitHub API ${failure.kind === 'rate-limit' ? 'rate limit' : `HTTP ${e.status}`} on ${what}; retrying in ${decision.afterSeconds}s.`);
          await sleep(decision.afterSeconds * 1000);
          continue;
        }
        if (decision.breaker) {
          breaker = { reason: decision.breaker, rateLimited: failure.kind === 'rate-limit' };
          logger.debug(`GitHub API breaker open after ${what}: ${decision.breaker}`);
          throw new GitHubUnavailableError(decision.breaker, breaker.rateLimited, error);
        }
        throw error;
      }
    }
  });
  return octokit;
}
