import { readFileSync } from 'node:fs';

/** The parts of the workflow run that Strata's decisions depend on. */
export interface GitHubContext {
  eventName: string;
  /** owner/repo */
  repository: string;
  serverUrl: string;
  apiUrl: string;
  sha: string;
  /** refs/heads/x, refs/tags/v1, refs/pull/N/merge */
  ref: string;
  runId: string;
  job: string;
  workflow: string;
  defaultBranch?: string;
  pullRequest?: PullRequestContext;
  /** head_commit.timestamp of a push event (RFC 3339). */
  headCommitTimestamp?: string;
  /** The repository's metadata from the event payload, for the OCI labels metadata-action adds. */
  repositoryInfo?: RepositoryInfo;
}

export interface RepositoryInfo {
  name?: string;
  description?: string;
  htmlUrl?: string;
  /** SPDX id of the license GitHub detected. */
  license?: string;
}

export interface PullRequestContext {
  number: number;
  baseRef: string;
  headRef: string;
  headSha: string;
  /** Head repository differs from the base one: the token is read-only there. */
  fork: boolean;
}

interface PullRequestPayload {
  number?: number;
  pull_request?: {
    number: number;
    base: { ref: string; repo?: { full_name?: string } };
    head: { ref: string; sha: string; repo?: { full_name?: string } | null };
  };
  repository?: { default_branch?: string; full_name?: string; name?: string; description?: string | null; html_url?: string; license?: { spdx_id?: string } | null };
  head_commit?: { timestamp?: string } | null;
}

/** Pure: the context from the runner's environment variables and the parsed event payload. */
export function contextFromEnv(env: Record<string, string | undefined>, payload: unknown): GitHubContext {
  const event = (payload ?? {}) as PullRequestPayload;
  const pr = event.pull_request;
  const repository = env.GITHUB_REPOSITORY ?? event.repository?.full_name ?? '';
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    repository,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    job: env.GITHUB_JOB ?? '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    defaultBranch: event.repository?.default_branch,
    headCommitTimestamp: event.head_commit?.timestamp ?? undefined,
    repositoryInfo: event.repository ? repositoryInfo(event.repository) : undefined,
    pullRequest: pr
      ? {
          number: pr.number,
          baseRef: pr.base.ref,
          headRef: pr.head.ref,
          headSha: pr.head.sha,
          // head.repo is null when the fork was deleted: its token is read-only all the same.
          fork: pr.head.repo === null || (pr.head.repo?.full_name ?? repository) !== (pr.base.repo?.full_name ?? repository),
        }
      : undefined,
  };
}

function repositoryInfo(r: NonNullable<PullRequestPayload['repository']>): RepositoryInfo {
  const license = r.license?.spdx_id;
  return {
    ...(r.name ? { name: r.name } : {}),
    ...(r.description ? { description: r.description } : {}),
    ...(r.html_url ? { htmlUrl: r.html_url } : {}),
    // GitHub says NOASSERTION for a license it could not identify: not a license id.
    ...(license && license !== 'NOASSERTION' ? { license } : {}),
  };
}

/** Adapter: reads GITHUB_EVENT_PATH when there is one. */
export function readGitHubContext(env: Record<string, string | undefined> = process.env): GitHubContext {
  let payload: unknown = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch {
      payload = {};
    }
  }
  return contextFromEnv(env, payload);
}
