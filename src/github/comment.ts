// One sticky PR comment per image and job, edited in place. Finding it: a hidden marker at the
// very start of the body, on a comment written by the identity we post as, searched through
// every page (an unpaginated lookup sees only the first 30 comments and starts duplicating).
// Posting is best effort: every failure comes back as a typed result, never as a throw, so the
// caller can warn, fall back to the job summary and keep the build green.
import type { Logger } from '../adapters.js';
import type { GitHubClient } from './octokit.js';

export const MARKER_PREFIX = 'strata:report:';
/** GitHub answers 422 "Body is too long" above this many characters. */
export const COMMENT_BODY_LIMIT = 65_536;
/** The login GITHUB_TOKEN comments are written as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * The key that keeps comments apart: the image, the job, and whatever else varies between
 * matrix legs that build the same image in the same job (pass e.g. the platform or matrix JSON).
 */
export function commentKey(parts: { image: string; job: string; variant?: string }): string {
  return [parts.image, parts.job, parts.variant].filter((p): p is string => !!p).join('|');
}

/** `<!-- strata:report:<key> -->`, with anything that could end or confuse an HTML comment removed. */
export function markerFor(key: string): string {
  const safe = key.replace(/[^A-Za-z0-9._:/@|+=-]/g, '_').replace(/-{2,}/g, '-');
  return `<!-- ${MARKER_PREFIX}${safe} -->`;
}

/** The body as posted: the marker first, so a marker quoted inside the report cannot match. */
export function withMarker(marker: string, body: string): string {
  return `${marker}\n${body}`;
}

export interface IssueComment {
  id: number;
  html_url: string;
  body?: string | null;
  user: { login: string; type?: string } | null;
}

export type UpsertAction = 'created' | 'updated' | 'unchanged';

export type UpsertResult =
  | { ok: true; action: UpsertAction; url: string; id: number }
  | {
      ok: false;
      /** forbidden: read-only token (fork PR) or missing `pull-requests: write`. */
      reason: 'forbidden' | 'not-found' | 'too-long' | 'invalid' | 'rate-limited' | 'error';
      status?: number;
      message: string;
    };

export interface UpsertCommentOptions {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
  /** The report, without the marker. */
  body: string;
  logger: Logger;
  /**
   * Login our comments are written as. Default: GET /user (a PAT or user token), or
   * github-actions[bot] when that is forbidden (GITHUB_TOKEN and other installation tokens).
   * Set it when posting with a GitHub App's installation token: `<app-slug>[bot]`.
   */
  author?: string;
}

export async function upsertComment(options: UpsertCommentOptions): Promise<UpsertResult> {
  const { octokit, owner, repo, issueNumber, marker, logger } = options;
  const body = withMarker(marker, options.body);
  if (body.length > COMMENT_BODY_LIMIT) {
    return { ok: false, reason: 'too-long', message: `the report is ${body.length} characters; GitHub accepts at most ${COMMENT_BODY_LIMIT}` };
  }
  try {
    const author = options.author ?? (await resolveAuthor(octokit, logger));
    const existing = await findOwnComment(octokit, { owner, repo, issueNumber, marker, author, logger });
    if (existing) {
      if (normalise(existing.body ?? '') === normalise(body)) {
        logger.debug(`Comment ${existing.html_url} already up to date.`);
        return { ok: true, action: 'unchanged', url: existing.html_url, id: existing.id };
      }
      const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      return { ok: true, action: 'updated', url: data.html_url, id: data.id };
    }
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { ok: true, action: 'created', url: data.html_url, id: data.id };
  } catch (error) {
    return failure(error);
  }
}

/**
 * Who our comments are by. GET /user names the owner of a PAT; installation tokens (GITHUB_TOKEN
 * included) get 403 there, and GITHUB_TOKEN comments are by github-actions[bot]. A comment by
 * anyone else is never edited, even if it carries our marker.
 */
export async function resolveAuthor(octokit: GitHubClient, logger: Logger): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    const status = statusOf(error);
    logger.debug(`GET /user answered ${status ?? 'an error'}; assuming comments are by ${ACTIONS_BOT_LOGIN}.`);
    return ACTIONS_BOT_LOGIN;
  }
}

async function findOwnComment(
  octokit: GitHubClient,
  q: { owner: string; repo: string; issueNumber: number; marker: string; author: string; logger: Logger },
): Promise<IssueComment | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: q.owner,
    repo: q.repo,
    issue_number: q.issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    for (const comment of page.data as IssueComment[]) {
      if (!(comment.body ?? '').trimStart().startsWith(q.marker)) continue;
      if (sameLogin(comment.user?.login, q.author)) return comment;
      q.logger.debug(`Comment ${comment.html_url} carries our marker but is by ${comment.user?.login ?? 'a deleted user'}; leaving it alone.`);
    }
  }
  return undefined;
}

/** GraphQL drops "[bot]" from bot logins where REST keeps it; accept either spelling. */
function sameLogin(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const strip = (s: string) => s.toLowerCase().replace(/\[bot\]$/, '');
  return strip(a) === strip(b);
}

function normalise(body: string): string {
  return body.replace(/\r\n/g, '\n').trimEnd();
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function failure(error: unknown): UpsertResult {
  const status = statusOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  const base = { ok: false as const, ...(status === undefined ? {} : { status }) };
  if (status === 403 && /rate limit/i.test(detail)) {
    return { ...base, reason: 'rate-limited', message: `GitHub rate limit: ${detail}` };
  }
  if (status === 403 || status === 401) {
    return {
      ...base,
      reason: 'forbidden',
      message:
        `the token cannot comment on this pull request (${detail}). Pull requests from forks get a read-only ` +
        'token; otherwise grant `permissions: pull-requests: write`. See docs/fork-prs.md for posting from a workflow_run.',
    };
  }
  if (status === 404) return { ...base, reason: 'not-found', message: `pull request or comment not found, or not visible to the token (${detail})` };
  if (status === 422) return { ...base, reason: 'invalid', message: `GitHub rejected the comment (${detail})` };
  if (status === 429) return { ...base, reason: 'rate-limited', message: `GitHub rate limit: ${detail}` };
  return { ...base, reason: 'error', message: `could not post the comment: ${detail}` };
}
