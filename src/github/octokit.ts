// The one place an Octokit is made. Entrypoints call createOctokit; nothing creates a client at
// import time, and tests build one against nock. @actions/github's client has neither retries
// nor throttling, which is how PR-comment actions end up with secondary-rate-limit 403s.
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Logger } from '../adapters.js';

const StrataOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof StrataOctokit>;

export interface OctokitOptions {
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on GHES. */
  baseUrl?: string;
  logger: Logger;
  /** Rate-limit waits to sit through before giving up (each wait is announced as a warning). */
  rateLimitRetries?: number;
  /** Retries of 5xx and network errors (400/401/403/404/410/422/451 are never retried). */
  retries?: number;
  /** Milliseconds per second of Retry-After; tests lower it so waits take no time. */
  retryAfterBaseValue?: number;
  userAgent?: string;
}

export function createOctokit(token: string, options: OctokitOptions): GitHubClient {
  const { logger } = options;
  const maxWaits = options.rateLimitRetries ?? 2;
  const timing = options.retryAfterBaseValue === undefined ? {} : { retryAfterBaseValue: options.retryAfterBaseValue };
  return new StrataOctokit({
    auth: token || undefined,
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: options.userAgent ?? 'strata-action',
    // Octokit's own logger would print request details at debug; route it to ours, warnings only.
    log: { debug: () => {}, info: () => {}, warn: (m: string) => logger.debug(m), error: (m: string) => logger.debug(m) },
    retry: { retries: options.retries ?? 2, ...timing },
    throttle: {
      ...timing,
      onRateLimit: (retryAfter, request, _octokit, retryCount) => {
        const again = retryCount < maxWaits;
        logger.warning(
          `GitHub API rate limit reached for ${request.method} ${request.url}; ` +
            (again ? `retrying in ${retryAfter}s (attempt ${retryCount + 1} of ${maxWaits}).` : 'giving up.'),
        );
        return again;
      },
      onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
        const again = retryCount < maxWaits;
        logger.warning(
          `GitHub API secondary rate limit hit for ${request.method} ${request.url}; ` +
            (again ? `retrying in ${retryAfter}s (attempt ${retryCount + 1} of ${maxWaits}).` : 'giving up.'),
        );
        return again;
      },
    },
  });
}
