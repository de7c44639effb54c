import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/adapters.js';
import { commentKey, markerFor, upsertComment, withMarker } from '../../src/github/comment.js';
import { createOctokit } from '../../src/github/octokit.js';

const API = 'https://api.github.com';
const COMMENTS = '/repos/acme/shop/issues/42/comments';
const marker = markerFor(commentKey({ image: 'ghcr.io/acme/shop', job: 'build' }));
const body = '### Image report: `ghcr.io/acme/shop:pr-42`\n\n**122 MB** compressed';

function testLogger() {
  const warnings: string[] = [];
  const debug: string[] = [];
  const logger: Logger = {
    info: () => {},
    warning: (m) => void warnings.push(m),
    error: () => {},
    debug: (m) => void debug.push(m),
    group: (_n, fn) => fn(),
  };
  return { logger, warnings, debug };
}

const ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282, node_id: 'MDM6Qm90NDE4OTgyODI=', type: 'Bot', site_admin: false };
const ACTIONS_APP = { id: 15368, slug: 'github-actions', node_id: 'MDM6QXBwMTUzNjg=', name: 'GitHub Actions' };

/** An issue comment as the REST API returns it. */
function comment(id: number, text: string, user: { login: string; type: string; id?: number } = ACTIONS_BOT) {
  return {
    id,
    node_id: `IC_kwDOHk1bxM5${id}`,
    url: `${API}/repos/acme/shop/issues/comments/${id}`,
    html_url: `https://github.com/acme/shop/pull/42#issuecomment-${id}`,
    issue_url: `${API}/repos/acme/shop/issues/42`,
    body: text,
    user: { id: 1000 + id, node_id: `U_${id}`, site_admin: false, ...user },
    created_at: '2026-11-27T09:14:03Z',
    updated_at: '2026-11-27T09:14:03Z',
    author_association: user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    performed_via_github_app: user.login === 'github-actions[bot]' ? ACTIONS_APP : null,
  };
}

const chatter = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => comment(from + i, `LGTM ${i}`, { login: 'octocat', type: 'User' }));

const forbidden = { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user', status: '403' };

function octokit(logger: Logger) {
  return createOctokit('ghs_fakeInstallationToken000000000000', { baseUrl: API, logger, retryAfterBaseValue: 1, retries: 1 });
}

function run(logger: Logger, text = body) {
  return upsertComment({ octokit: octokit(logger), owner: 'acme', repo: 'shop', issueNumber: 42, marker, body: text, logger });
}

/** GITHUB_TOKEN: /user is forbidden, so comments are matched against github-actions[bot]. */
const installationToken = () => nock(API).get('/user').reply(403, forbidden);

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending, 'every mocked request should have been made').toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('upsertComment', () => {
  it('pages through every comment (Link rel=next) and creates one when none is ours', async () => {
    installationToken();
    nock(API)
      .get(COMMENTS)
      .query({ per_page: '100' })
      .reply(200, chatter(1, 100), { link: `<${API}/repositories/1/issues/42/comments?per_page=100&page=2>; rel="next", <${API}/repositories/1/issues/42/comments?per_page=100&page=2>; rel="last"` })
      .get('/repositories/1/issues/42/comments')
      .query({ per_page: '100', page: '2' })
      .reply(200, chatter(101, 7));
    let posted: { body?: string } = {};
    nock(API)
      .post(COMMENTS, (b) => ((posted = b), true))
      .reply(201, comment(900, withMarker(marker, body)));

    const result = await run(testLogger().logger);
    expect(result).toEqual({ ok: true, action: 'created', url: 'https://github.com/acme/shop/pull/42#issuecomment-900', id: 900 });
    expect(posted.body).toBe(`${marker}\n${body}`);
  });

  it('edits our comment in place when it is on page 2', async () => {
    installationToken();
    nock(API)
      .get(COMMENTS)
      .query({ per_page: '100' })
      .reply(200, chatter(1, 100), { link: `<${API}/repositories/1/issues/42/comments?per_page=100&page=2>; rel="next"` })
      .get('/repositories/1/issues/42/comments')
      .query({ per_page: '100', page: '2' })
      .reply(200, [comment(150, withMarker(marker, 'old report')), ...chatter(151, 3)]);
    nock(API)
      .patch('/repos/acme/shop/issues/comments/150', { body: withMarker(marker, body) })
      .reply(200, comment(150, withMarker(marker, body)));

    expect(await run(testLogger().logger)).toMatchObject({ ok: true, action: 'updated', id: 150 });
  });

  it('never edits a comment with our marker written by someone else', async () => {
    installationToken();
    nock(API)
      .get(COMMENTS)
      .query({ per_page: '100' })
      .reply(200, [comment(7, withMarker(marker, 'spoofed'), { login: 'mallory', type: 'User' })]);
    nock(API).post(COMMENTS).reply(201, comment(901, withMarker(marker, body)));
    const { logger, debug } = testLogger();

    expect(await run(logger)).toMatchObject({ ok: true, action: 'created', id: 901 });
    expect(debug.join('\n')).toContain('is by mallory; leaving it alone');
  });

  it('ignores a marker quoted inside another comment of ours (e.g. another image’s report)', async () => {
    installationToken();
    nock(API)
      .get(COMMENTS)
      .query({ per_page: '100' })
      .reply(200, [comment(8, `${markerFor('ghcr.io/acme/other|build')}\n| \`RUN echo ${marker}\` |`)]);
    nock(API).post(COMMENTS).reply(201, comment(902, withMarker(marker, body)));
    expect(await run(testLogger().logger)).toMatchObject({ action: 'created' });
  });

  it('makes no request to edit when the body is unchanged', async () => {
    installationToken();
    nock(API)
      .get(COMMENTS)
      .query({ per_page: '100' })
      .reply(200, [comment(9, withMarker(marker, body).replace(/\n/g, '\r\n'))]);
    // No PATCH is mocked: disableNetConnect turns an attempted edit into a failed result.
    expect(await run(testLogger().logger)).toEqual({ ok: true, action: 'unchanged', url: 'https://github.com/acme/shop/pull/42#issuecomment-9', id: 9 });
  });

  it('matches comments by the PAT owner named by GET /user', async () => {
    nock(API).get('/user').reply(200, { login: 'strata-bot', id: 5, node_id: 'U_5', type: 'User', site_admin: false });
    nock(API)
      .get(COMMENTS)
      .query({ per_page: '100' })
      .reply(200, [comment(10, withMarker(marker, 'old'), ACTIONS_BOT), comment(11, withMarker(marker, 'old'), { login: 'strata-bot', type: 'User' })]);
    nock(API).patch('/repos/acme/shop/issues/comments/11').reply(200, comment(11, withMarker(marker, body), { login: 'strata-bot', type: 'User' }));
    expect(await run(testLogger().logger)).toMatchObject({ action: 'updated', id: 11 });
  });

  it('returns a typed failure on a read-only token (fork PR) instead of throwing', async () => {
    installationToken();
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, []);
    nock(API).post(COMMENTS).reply(403, forbidden);
    const result = await run(testLogger().logger);
    expect(result).toMatchObject({ ok: false, reason: 'forbidden', status: 403 });
    expect(result.ok ? '' : result.message).toContain('docs/fork-prs.md');
    expect(JSON.stringify(result)).not.toContain('ghs_fake');
  });

  it('returns a typed failure on 422', async () => {
    installationToken();
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, []);
    nock(API)
      .post(COMMENTS)
      .reply(422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }], documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', status: '422' });
    expect(await run(testLogger().logger)).toMatchObject({ ok: false, reason: 'invalid', status: 422 });
  });

  it('refuses a body over the limit without calling GitHub', async () => {
    expect(await run(testLogger().logger, 'x'.repeat(70_000))).toMatchObject({ ok: false, reason: 'too-long' });
  });

  it('waits out a primary rate limit (x-ratelimit-remaining: 0) with a warning, then posts', async () => {
    installationToken();
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, []);
    const reset = String(Math.floor(Date.now() / 1000));
    nock(API)
      .post(COMMENTS)
      .reply(403, { message: 'API rate limit exceeded for installation ID 123.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' }, {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': reset,
      })
      .post(COMMENTS)
      .reply(201, comment(903, withMarker(marker, body)));
    const { logger, warnings } = testLogger();
    expect(await run(logger)).toMatchObject({ ok: true, action: 'created', id: 903 });
    expect(warnings).toEqual([expect.stringMatching(/^GitHub API rate limit reached for POST .*; retrying in \d+s \(attempt 1 of 2\)\.$/)]);
  });

  it('waits out a secondary rate limit (retry-after), and gives up after bounded retries', async () => {
    installationToken();
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, []);
    const secondary = { message: 'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' };
    nock(API).post(COMMENTS).times(3).reply(403, secondary, { 'retry-after': '1' });
    const { logger, warnings } = testLogger();
    const result = await run(logger);
    expect(result).toMatchObject({ ok: false, reason: 'rate-limited', status: 403 });
    expect(warnings).toHaveLength(3);
    expect(warnings.at(-1)).toMatch(/secondary rate limit hit .*giving up\.$/);
  });
});

describe('markerFor', () => {
  it('keys by image and job, and cannot be closed early', () => {
    expect(markerFor(commentKey({ image: 'ghcr.io/acme/shop', job: 'build', variant: 'linux/arm64' }))).toBe('<!-- strata:report:ghcr.io/acme/shop|build|linux/arm64 -->');
    expect(markerFor('a --> <b>')).toBe('<!-- strata:report:a_-___b_ -->');
  });
});
