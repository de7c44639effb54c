import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/adapters.js';
import { authorOfToken, COMMENT_BODY_LIMIT, commentKey, fitToLimit, markerFor, markOutdated, OUTDATED_PREFIX, upsertComment, withMarker } from '../../src/github/comment.js';
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

/** Waits are recorded, not slept: the tests check how long Strata would have waited. */
const slept: number[] = [];
function octokit(logger: Logger, extra: { timeoutMs?: number } = {}) {
  return createOctokit('ghs_fakeInstallationToken000000000000', { baseUrl: API, logger, sleep: async (ms) => void slept.push(ms), ...extra });
}

function run(logger: Logger, text = body, extra: { timeoutMs?: number } = {}) {
  return upsertComment({ octokit: octokit(logger, extra), owner: 'acme', repo: 'shop', issueNumber: 42, marker, body: text, logger });
}

/** GITHUB_TOKEN: /user is forbidden, so comments are matched against github-actions[bot]. */
const installationToken = () => nock(API).get('/user').reply(403, forbidden);

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  slept.length = 0;
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

  it.each([
    ['ghs_16C7e42F292c6912E7710c838347Ae178B4a', ACTIONS_BOT.login],
    ['ghp_16C7e42F292c6912E7710c838347Ae178B4a', undefined],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', undefined],
    ['gho_16C7e42F292c6912E7710c838347Ae178B4a', undefined],
  ])('the author an installation token (ghs_) implies is known without asking: %s', (token, author) => {
    expect(authorOfToken(token)).toBe(author);
  });

  it('with the author given, GET /user is not asked', async () => {
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, [comment(10, withMarker(marker, 'old'), ACTIONS_BOT)]);
    nock(API).patch('/repos/acme/shop/issues/comments/10').reply(200, comment(10, withMarker(marker, body), ACTIONS_BOT));
    const logger = testLogger().logger;
    const result = await upsertComment({ octokit: octokit(logger), owner: 'acme', repo: 'shop', issueNumber: 42, marker, body, logger, author: authorOfToken('ghs_x') });
    expect(result).toMatchObject({ action: 'updated', id: 10 });
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
      .reply(422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Could not resolve to a node with the global id' }], documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', status: '422' });
    expect(await run(testLogger().logger)).toMatchObject({ ok: false, reason: 'invalid', status: 422 });
  });

  it('cuts a body over the limit at a line and says so', async () => {
    installationToken();
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, []);
    let posted = '';
    nock(API).post(COMMENTS, (b) => ((posted = b.body), true)).reply(201, comment(904, 'x'));
    const long = Array.from({ length: 2000 }, (_, i) => `| layer ${i} | ${'x'.repeat(40)} |`).join('\n');
    expect(await run(testLogger().logger, long)).toMatchObject({ ok: true, action: 'created' });
    expect(posted.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT);
    expect(posted.startsWith(`${marker}\n| layer 0 |`)).toBe(true);
    expect(posted).toContain('The report was cut to fit');
    expect(posted).not.toMatch(/\| x+\n\n_The report/); // cut at a line boundary
  });

  it('on 422 "body is too long" posts once more at half the size', async () => {
    installationToken();
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, []);
    const tooLong = { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }], documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', status: '422' };
    const sizes: number[] = [];
    nock(API)
      .post(COMMENTS, (b) => (sizes.push(b.body.length), true))
      .reply(422, tooLong)
      .post(COMMENTS, (b) => (sizes.push(b.body.length), true))
      .reply(201, comment(905, 'x'));
    const emoji = Array.from({ length: 1500 }, () => `| 🐳 layer | ${'é'.repeat(30)} |`).join('\n');
    expect(await run(testLogger().logger, emoji)).toMatchObject({ ok: true, action: 'created', id: 905 });
    expect(sizes[1]).toBeLessThanOrEqual(Math.ceil(sizes[0]! / 2));
  });

  it('waits out a primary rate limit that resets within seconds, then posts, without a warning', async () => {
    installationToken();
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, []);
    const reset = String(Math.floor(Date.now() / 1000) + 5);
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
    expect(slept).toHaveLength(1);
    expect(slept[0]).toBeGreaterThanOrEqual(3_000);
    expect(slept[0]).toBeLessThanOrEqual(6_000);
    expect(warnings).toEqual([]);
  });

  it('does not sleep through a rate limit that resets in an hour: one failure, no further request', async () => {
    installationToken();
    nock(API)
      .get(COMMENTS)
      .query({ per_page: '100' })
      .reply(403, { message: 'API rate limit exceeded for installation ID 123.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) });
    const result = await run(testLogger().logger);
    expect(result).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(result.ok ? '' : result.message).toMatch(/rate limit \(lifts in 3(59|60)\ds; Strata waits at most 20s\)/);
    expect(slept).toEqual([]);
  });

  it('waits out a secondary rate limit (retry-after) once, and gives up when it comes back', async () => {
    installationToken();
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, []);
    const secondary = { message: 'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' };
    nock(API).post(COMMENTS).times(2).reply(403, secondary, { 'retry-after': '3' });
    const { logger, warnings } = testLogger();
    const result = await run(logger);
    expect(result).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(result.ok ? '' : result.message).toContain('secondary rate limit');
    expect(slept).toEqual([3_000]);
    expect(warnings).toEqual([]);
  });

  it('a secondary rate limit without retry-after (GitHub: wait a minute) is not waited out', async () => {
    installationToken();
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, []);
    nock(API).post(COMMENTS).reply(403, { message: 'You have exceeded a secondary rate limit.' });
    expect(await run(testLogger().logger)).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(slept).toEqual([]);
  });

  it('a 5xx after GitHub stored the comment: looks for our marker, finds it, posts nothing more', async () => {
    installationToken();
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, []);
    nock(API).post(COMMENTS).reply(502, { message: 'Server Error' });
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, [comment(906, withMarker(marker, body))]);
    expect(await run(testLogger().logger)).toEqual({ ok: true, action: 'created', url: 'https://github.com/acme/shop/pull/42#issuecomment-906', id: 906 });
  });

  it('a 5xx before GitHub stored it: looks, finds nothing, posts once more', async () => {
    installationToken();
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, []);
    nock(API).post(COMMENTS).reply(500, { message: 'Server Error' });
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, []);
    nock(API).post(COMMENTS).reply(201, comment(907, withMarker(marker, body)));
    expect(await run(testLogger().logger)).toMatchObject({ ok: true, action: 'created', id: 907 });
  });

  it('an API that hangs is asked once, within the timeout, and never again', async () => {
    // A real socket that accepts and never answers (nock's delay does not honour an abort).
    const seen: string[] = [];
    const server = createServer((req) => void seen.push(`${req.method} ${req.url}`));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    nock.enableNetConnect('127.0.0.1');
    try {
      const logger = testLogger().logger;
      const client = createOctokit('ghs_x', { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, logger, timeoutMs: 300 });
      const started = performance.now();
      const result = await upsertComment({ octokit: client, owner: 'acme', repo: 'shop', issueNumber: 42, marker, body, logger });
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
      expect(result.ok ? '' : result.message).toContain('no answer');
      expect(seen).toEqual(['GET /user']);
    } finally {
      nock.disableNetConnect();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('an API that answers 5xx to everything is asked three times at most', async () => {
    const calls: string[] = [];
    nock(API).get('/user').reply(403, forbidden);
    nock(API)
      .get(COMMENTS)
      .query(true)
      .times(2)
      .reply(() => (calls.push('list'), [503, { message: 'Service Unavailable' }]));
    const result = await run(testLogger().logger);
    expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(calls).toEqual(['list', 'list']);
    expect(slept).toEqual([1_000]);
  });
});

describe('markOutdated', () => {
  const options = (logger: Logger) => ({ octokit: octokit(logger), owner: 'acme', repo: 'shop', issueNumber: 42, marker, logger, note: 'commit abc1234 has no report (the run failed).' });

  it('prefixes our previous comment, once, keeping its report', async () => {
    installationToken();
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, [comment(20, withMarker(marker, body))]);
    let edited = '';
    nock(API).patch('/repos/acme/shop/issues/comments/20', (b) => ((edited = b.body), true)).reply(200, comment(20, 'x'));
    expect(await markOutdated(options(testLogger().logger))).toMatchObject({ ok: true, action: 'updated' });
    expect(edited).toBe(`${marker}\n${OUTDATED_PREFIX} commit abc1234 has no report (the run failed).\n\n${body}`);

    // Marked again (a later failed run): the old note is replaced, not stacked.
    installationToken();
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, [comment(20, edited)]);
    let again = '';
    nock(API).patch('/repos/acme/shop/issues/comments/20', (b) => ((again = b.body), true)).reply(200, comment(20, 'x'));
    await markOutdated({ ...options(testLogger().logger), note: 'commit def5678 has no report.' });
    expect(again).toBe(`${marker}\n${OUTDATED_PREFIX} commit def5678 has no report.\n\n${body}`);
  });

  it('never edits a comment carrying our marker that someone else wrote, and creates nothing', async () => {
    installationToken();
    nock(API).get(COMMENTS).query({ per_page: '100' }).reply(200, [comment(21, withMarker(marker, 'spoofed'), { login: 'mallory', type: 'User' })]);
    expect(await markOutdated(options(testLogger().logger))).toBeUndefined();
  });
});

describe('fitToLimit', () => {
  it('closes an open code fence and <details> it cut through', () => {
    const report = `<details><summary>layers</summary>\n\n\`\`\`\n${'line\n'.repeat(500)}\`\`\`\n</details>`;
    const fitted = fitToLimit(marker, report, 1_000);
    expect(fitted.length).toBeLessThanOrEqual(1_000);
    expect((fitted.match(/^```/gm) ?? []).length % 2).toBe(0);
    expect(fitted).toContain('</details>');
  });
});

describe('markerFor', () => {
  it('keys by image and job, and cannot be closed early', () => {
    expect(markerFor(commentKey({ image: 'ghcr.io/acme/shop', job: 'build', variant: 'linux/arm64' }))).toBe('<!-- strata:report:ghcr.io/acme/shop|build|linux/arm64 -->');
    expect(markerFor('a --> <b>')).toBe('<!-- strata:report:a_-___b_ -->');
  });
});
