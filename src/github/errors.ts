// The GitHub client's own error, in a module of its own: the comment logic checks for it, and
// importing it from octokit.ts would load Octokit (~155 KiB) with the pipeline instead of when a
// comment is written.

/** Thrown instead of asking GitHub again once the breaker is open: the outcome is unknown or refused. */
export class GitHubUnavailableError extends Error {
  constructor(
    readonly reason: string,
    readonly rateLimited: boolean,
    cause?: unknown,
  ) {
    super(`GitHub API not asked again in this step: ${reason}`, { cause });
    this.name = 'GitHubUnavailableError';
  }
}
