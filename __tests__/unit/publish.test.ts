// Publishing the report's comment (src/github/publish.ts) as the action does it, against nock:
// whose comment is ours. An installation token (GITHUB_TOKEN's kind) posts as github-actions[bot]
// without asking GET /user; a personal token asks; comment-author names a GitHub App's bot, and
// only a comment by that login is edited.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { compareImages } from '../../src/compare/diff.js';
import { commentKey, markerFor, withMarker } from '../../src/github/comment.js';
import { createOctokit } from '../../src/github/octokit.js';
import { publishReport } from '../../src/github/publish.js';
import type { GitHubContext } from '../../src/context.js';
import { parseInputs } from '../../src/inputs.js';
import { memoryOutputs } from '../../src/io/terminal.js';
import { buildReport } from '../../src/report/report.js';
import { recordingLogger } from '../support/logger.js';

const API = 'https://api.github.test';
const COMMENTS = '/repos/acme/shop/issues/7/comments';
const github: GitHubContext = { eventName: 'pull_request', repository: 'acme/shop', serverUrl: 'https://github.com', apiUrl: API, sha: 'a'.repeat(40), ref: 'refs/pull/7/merge', runId: '1', job: 'image', workflow: 'ci', pullRequest: { number: 7, headSha: 'b'.repeat(40), baseRef: 'main', headRef: 'feature', fork: false } };
const IMAGE = 'ghcr.io/acme/shop';
const marker = markerFor(commentKey({ image: IMAGE, job: 'image' }));
const report = buildReport({
  comparison: compareImages({
    current: { reference: `${IMAGE}:pr-7`, digest: 'sha256:c', source: 'registry', sizeKind: 'compressed', platforms: [{ platform: 'linux/amd64', manifestDigest: 'sha256:m', configDigest: 'sha256:c', layers: [{ digest: 'sha256:l', size: 1000 }], history: [], labels: {} }] },
    noBaselineReason: 'no baseline in this test',
  }),
  freshness: [],
  now: new Date('2026-12-01T00:00:00Z'),
});
const user = (login: string, type = 'Bot') => ({ login, id: 1, node_id: 'U', type, site_admin: false });
const comment = (id: number, login: string) => ({ id, node_id: `C${id}`, url: `${API}${COMMENTS}/${id}`, html_url: `https://github.com/acme/shop/pull/7#issuecomment-${id}`, body: withMarker(marker, 'an older report'), user: user(login), created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z', issue_url: `${API}/repos/acme/shop/issues/7`, author_association: 'NONE' });

async function publish(values: Record<string, string>) {
  const { logger, log } = recordingLogger();
  const outputs = memoryOutputs();
  const inputs = parseInputs((n) => ({ image: IMAGE, ...values })[n] ?? '', github);
  await publishReport(
    { logger, outputs, github, octokit: async (token) => createOctokit(token, { baseUrl: API, logger }), summary: async () => undefined, reportDir: mkdtempSync(join(tmpdir(), 'strata-publish-')) },
    inputs,
    report,
  );
  return { log, commentUrl: outputs.values.get('comment-url') };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending, 'every mocked request should have been made').toEqual([]);
});
afterAll(() => nock.enableNetConnect());

it("an installation token's comment is github-actions[bot]'s, known without asking GET /user", async () => {
  nock(API).get(COMMENTS).query(true).reply(200, [comment(10, 'github-actions[bot]')]);
  nock(API).patch(`/repos/acme/shop/issues/comments/10`).reply(200, comment(10, 'github-actions[bot]'));
  const r = await publish({ 'github-token': 'ghs_installationTokenOfGitHubActions00000' });
  expect(r.commentUrl).toContain('issuecomment-10');
});

it('a personal token asks GET /user whose comments are ours', async () => {
  nock(API).get('/user').reply(200, user('octocat', 'User'));
  nock(API).get(COMMENTS).query(true).reply(200, [comment(10, 'github-actions[bot]'), comment(11, 'octocat')]);
  nock(API).patch(`/repos/acme/shop/issues/comments/11`).reply(200, comment(11, 'octocat'));
  const r = await publish({ 'github-token': 'ghp_personalAccessToken0000000000000000000' });
  expect(r.commentUrl).toContain('issuecomment-11');
});

it("comment-author names a GitHub App's bot: its comment is edited, github-actions[bot]'s is not", async () => {
  nock(API).get(COMMENTS).query(true).reply(200, [comment(10, 'github-actions[bot]'), comment(12, 'strata-app[bot]')]);
  nock(API).patch(`/repos/acme/shop/issues/comments/12`).reply(200, comment(12, 'strata-app[bot]'));
  const r = await publish({ 'github-token': 'ghs_installationTokenOfAGitHubApp000000000', 'comment-author': 'strata-app[bot]' });
  expect(r.commentUrl).toContain('issuecomment-12');
});
