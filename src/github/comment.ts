// One sticky PR comment per image and job, edited in place. Finding it: a hidden marker at the
// very start of the body, on a comment written by the identity we post as, searched through
// every page (an unpaginated lookup sees only the first 30 comments and starts duplicating).
// Posting is best effort: every failure comes back as a typed result, never as a throw, so the
// caller can warn, fall back to the job summary and keep the build green.
import type { Logger } from '../adapters.js';
import { GitHubUnavailableError } from './errors.js';
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
      /**
       * forbidden: read-only token (fork PR) or missing `pull-requests: write`. unavailable: GitHub
       * hung or kept failing, and was not asked again.
       */
      reason: 'forbidden' | 'not-found' | 'too-long' | 'invalid' | 'rate-limited' | 'unavailable' | 'error';
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
  let body = fitToLimit(marker, options.body);
  try {
    // Who we are first, then the comments: asked at once, a /user that hangs would leave the list
    // answered and a comment posted under a guessed author (the breaker stops what comes after).
    const author = options.author ?? (await resolveAuthor(octokit, logger));
    const find = () => findOwnComment(octokit, { owner, repo, issueNumber, marker, author, logger });
    const existing = await find();
    if (existing) {
      if (normalise(existing.body ?? '') === normalise(body)) {
        logger.debug(`Comment ${existing.html_url} already up to date.`);
        return { ok: true, action: 'unchanged', url: existing.html_url, id: existing.id };
      }
      const { data } = await withShorterBodyOn422(body, (b) => octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body: b }), (b) => (body = b));
      return { ok: true, action: 'updated', url: data.html_url, id: data.id };
    }
    const create = (b: string) => octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: b });
    try {
      const { data } = await withShorterBodyOn422(body, create, (b) => (body = b));
      return { ok: true, action: 'created', url: data.html_url, id: data.id };
    } catch (error) {
      // A 5xx may come after GitHub stored the comment: look for it before posting again, or
      // the PR gets a second "sticky" comment.
      if (!((statusOf(error) ?? 0) >= 500) || error instanceof GitHubUnavailableError) throw error;
      const stored = await find();
      if (stored) {
        logger.debug(`POST answered ${statusOf(error)}, but GitHub had stored the comment: ${stored.html_url}`);
        return { ok: true, action: 'created', url: stored.html_url, id: stored.id };
      }
      const { data } = await create(body);
      return { ok: true, action: 'created', url: data.html_url, id: data.id };
    }
  } catch (error) {
    return failure(error);
  }
}

const TRUNCATION_NOTE = '\n\n_The report was cut to fit GitHub\'s comment size limit; the full report is in the job summary and the `report-markdown` output._\n';

/**
 * The body with its marker, cut at a line boundary to fit `limit` characters, saying so. An open
 * code fence or <details> is closed so the rest of the PR page renders normally.
 */
export function fitToLimit(marker: string, report: string, limit = COMMENT_BODY_LIMIT): string {
  const whole = withMarker(marker, report);
  if (whole.length <= limit) return whole;
  const room = limit - marker.length - 1 - TRUNCATION_NOTE.length - 32;
  let cut = report.slice(0, Math.max(0, room));
  const newline = cut.lastIndexOf('\n');
  if (newline > 0) cut = cut.slice(0, newline);
  let closing = '';
  if ((cut.match(/^```/gm) ?? []).length % 2 === 1) closing += '\n```';
  const opened = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  closing += '\n</details>'.repeat(Math.max(0, opened));
  return withMarker(marker, cut + closing + TRUNCATION_NOTE);
}

/**
 * GitHub counts the limit its own way (not in UTF-16 units as we do): on 422 "too long", post
 * once more at half the size.
 */
async function withShorterBodyOn422<T>(body: string, send: (body: string) => Promise<T>, used: (body: string) => void): Promise<T> {
  try {
    return await send(body);
  } catch (error) {
    if (statusOf(error) !== 422 || !/too long/i.test(detailOf(error))) throw error;
    const marker = body.slice(0, body.indexOf('\n'));
    const shorter = fitToLimit(marker, body.slice(marker.length + 1), Math.floor(body.length / 2));
    used(shorter);
    return send(shorter);
  }
}

export const OUTDATED_PREFIX = '> [!WARNING]\n> **Outdated:**';

/**
 * Marks our previous comment as no longer current, when this run could not produce a report: left
 * alone it would read as the report for the new commit. Only our own comment (marker and author)
 * is edited; nothing is created. Best effort, like the comment itself.
 */
export async function markOutdated(options: Omit<UpsertCommentOptions, 'body'> & { note: string }): Promise<UpsertResult | undefined> {
  const { octokit, owner, repo, issueNumber, marker, logger } = options;
  try {
    const author = options.author ?? (await resolveAuthor(octokit, logger));
    const existing = await findOwnComment(octokit, { owner, repo, issueNumber, marker, author, logger });
    if (!existing) return undefined;
    const previous = (existing.body ?? '').trimStart().slice(marker.length).replace(/^\n/, '');
    const report = previous.startsWith(OUTDATED_PREFIX) ? previous.slice(previous.indexOf('\n\n') + 2) : previous;
    const body = fitToLimit(marker, `${OUTDATED_PREFIX} ${options.note}\n\n${report}`);
    if (normalise(body) === normalise(existing.body ?? '')) return { ok: true, action: 'unchanged', url: existing.html_url, id: existing.id };
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { ok: true, action: 'updated', url: data.html_url, id: data.id };
  } catch (error) {
    return failure(error);
  }
}

/**
 * The author GET /user would lead to, when the token already says it: installation tokens
 * (`ghs_`, GITHUB_TOKEN's kind) are always refused there, and resolveAuthor answers that with
 * github-actions[bot]. Knowing it saves the round trip the comment would wait on.
 */
export function authorOfToken(token: string): string | undefined {
  return token.startsWith('ghs_') ? ACTIONS_BOT_LOGIN : undefined;
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

function detailOf(error: unknown): string {
  const e = error as { message?: string; response?: { data?: { errors?: Array<{ message?: string }> } } };
  const fields = (e.response?.data?.errors ?? []).map((x) => x.message).filter(Boolean);
  return [error instanceof Error ? error.message : String(error), ...fields].join('; ');
}

function failure(error: unknown): UpsertResult {
  if (error instanceof GitHubUnavailableError) {
    return error.rateLimited
      ? { ok: false, reason: 'rate-limited', message: `GitHub ${error.reason}` }
      : { ok: false, reason: 'unavailable', message: `GitHub API unavailable: ${error.reason}; it was not asked again in this step` };
  }
  const status = statusOf(error);
  const detail = detailOf(error);
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
  if (status === 422 && /too long/i.test(detail)) return { ...base, reason: 'too-long', message: `GitHub rejected the comment as too long, even cut to half (${detail})` };
  if (status === 422) return { ...base, reason: 'invalid', message: `GitHub rejected the comment (${detail})` };
  if (status === 429) return { ...base, reason: 'rate-limited', message: `GitHub rate limit: ${detail}` };
  return { ...base, reason: 'error', message: `could not post the comment: ${detail}` };
}
