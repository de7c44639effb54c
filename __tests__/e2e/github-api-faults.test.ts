// The GitHub API rows of the fault matrix (README): the real client (createOctokit: timeouts,
// rate-limit cap, circuit breaker) and the sticky comment against the loopback emulation, with each
// fault injected at the protocol level, and every request and response checked against GitHub's
// OpenAPI description.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/adapters.js';
import { COMMENT_BODY_LIMIT, markerFor, markOutdated, OUTDATED_PREFIX, upsertComment, withMarker } from '../../src/github/comment.js';
import { createOctokit } from '../../src/github/octokit.js';
import { GITHUB_FAULTS, startFakeGitHub, type FakeGitHub } from '../support/github-api.js';

const ISSUE = 7;
const COMMENTS = /^\/repos\/octo-org\/app\/issues\/7\/comments$/;
const marker = markerFor('127.0.0.1:5000/app|build');
const report = '### Image report\n\n**12.3 MB** compressed (linux/amd64): +1.2 kB';

let github: FakeGitHub;
let log: { warnings: string[]; infos: string[] };

function logger(): Logger {
  return {
    info: (m) => void log.infos.push(m),
    warning: (m) => void log.warnings.push(m),
    error: (m) => void log.warnings.push(m),
    debug: () => {},
    group: (_n, fn) => fn(),
  };
}

function post(body = report, opts: { timeoutMs?: number } = {}) {
  const octokit = createOctokit('ghs_fakeInstallationToken000000000000000', { baseUrl: github.url, logger: logger(), ...opts });
  return upsertComment({ octokit, owner: 'octo-org', repo: 'app', issueNumber: ISSUE, marker, body, logger: logger() });
}

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - started };
}

const sent = (method: string, path: RegExp) => github.requests.filter((r) => r.method === method && path.test(r.path.split('?')[0]!));

beforeEach(async () => {
  github = await startFakeGitHub({ owner: 'octo-org', repo: 'app' });
  log = { warnings: [], infos: [] };
});

afterEach(async () => {
  await github.stop();
  // Every request Strata sent, and every answer the emulation gave, is GitHub's documented shape.
  expect(github.contractViolations).toEqual([]);
});

describe('rate limits', () => {
  it('403 rate limit with reset in an hour: skipped at once, GitHub not asked again', async () => {
    github.inject({ method: 'POST', path: COMMENTS, fault: GITHUB_FAULTS.rateLimit(3600) });
    const { result, ms } = await timed(() => post());
    expect(ms).toBeLessThan(3_000);
    expect(result).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(result.ok ? '' : result.message).toMatch(/^GitHub rate limit \(lifts in 3[56]\d\ds; Strata waits at most 20s\)$/);
    expect(sent('POST', COMMENTS)).toHaveLength(1);
    expect(github.comments(ISSUE)).toEqual([]);
  });

  it('403 rate limit with reset in 2 s: waited out, then posted', async () => {
    github.inject({ method: 'POST', path: COMMENTS, times: 1, fault: GITHUB_FAULTS.rateLimit(2) });
    const { result, ms } = await timed(() => post());
    expect(result).toMatchObject({ ok: true, action: 'created' });
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(github.comments(ISSUE)).toHaveLength(1);
  });

  it('secondary rate limit with retry-after: 1: waited out once, then posted', async () => {
    github.inject({ method: 'POST', path: COMMENTS, times: 1, fault: GITHUB_FAULTS.secondaryRateLimit(1) });
    expect(await post()).toMatchObject({ ok: true, action: 'created' });
    expect(sent('POST', COMMENTS)).toHaveLength(2);
  });

  it('secondary rate limit without retry-after (GitHub: wait a minute): skipped at once', async () => {
    github.inject({ method: 'POST', path: COMMENTS, fault: GITHUB_FAULTS.secondaryRateLimit() });
    const { result, ms } = await timed(() => post());
    expect(ms).toBeLessThan(3_000);
    expect(result).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(result.ok ? '' : result.message).toContain('secondary rate limit');
    expect(sent('POST', COMMENTS)).toHaveLength(1);
  });
});

describe('exactly-once comments', () => {
  it('5xx after GitHub stored the comment: found by its marker, not posted again', async () => {
    github.inject({ method: 'POST', path: COMMENTS, times: 1, fault: { kind: 'after-storing', status: 502 } });
    const result = await post();
    expect(result).toMatchObject({ ok: true, action: 'created' });
    expect(github.comments(ISSUE)).toHaveLength(1);
    expect(sent('POST', COMMENTS)).toHaveLength(1);
    // The lookup came before any retry.
    expect(github.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'POST', 'GET']);
  });

  it('5xx before storing: looked up, then posted once more; one comment', async () => {
    github.inject({ method: 'POST', path: COMMENTS, times: 1, fault: GITHUB_FAULTS.serverError(500) });
    expect(await post()).toMatchObject({ ok: true, action: 'created' });
    expect(github.comments(ISSUE)).toHaveLength(1);
    expect(sent('POST', COMMENTS)).toHaveLength(2);
  });

  it('5xx on every request: at most three requests, a typed failure, no comment', async () => {
    github.inject({ method: 'GET', path: COMMENTS, fault: GITHUB_FAULTS.serverError(503) });
    github.inject({ method: 'POST', path: COMMENTS, fault: GITHUB_FAULTS.serverError(503) });
    const { result, ms } = await timed(() => post());
    expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(ms).toBeLessThan(5_000);
    expect(github.requests.length).toBeLessThanOrEqual(3);
  });

  it('a POST that hangs: ends at the timeout, never retried (the comment may exist), no duplicate', async () => {
    github.inject({ method: 'POST', path: COMMENTS, fault: { kind: 'hang' } });
    const { result, ms } = await timed(() => post(report, { timeoutMs: 500 }));
    expect(ms).toBeLessThan(2_500);
    expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(result.ok ? '' : result.message).toMatch(/^GitHub API unavailable: no answer \(0\.5s without an answer to POST .*\); it was not asked again in this step$/);
    expect(sent('POST', COMMENTS)).toHaveLength(1);
  });

  it('GET /user hangs: one request, then nothing more', async () => {
    github.inject({ method: 'GET', path: /^\/user$/, fault: { kind: 'hang' } });
    const { result, ms } = await timed(() => post(report, { timeoutMs: 500 }));
    expect(ms).toBeLessThan(2_500);
    expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(github.requests).toHaveLength(1);
  });
});

describe('bodies and pages', () => {
  it('422 body too long: posted once more, cut, saying so', async () => {
    github.inject({ method: 'POST', path: COMMENTS, times: 1, fault: GITHUB_FAULTS.bodyTooLong() });
    const long = Array.from({ length: 1200 }, (_, i) => `| \`RUN step ${i}\` | 🐳 ${'é'.repeat(20)} |`).join('\n');
    expect(await post(long)).toMatchObject({ ok: true, action: 'created' });
    const [stored] = github.comments(ISSUE);
    expect(stored!.body.length).toBeLessThan(COMMENT_BODY_LIMIT / 2 + 1);
    expect(stored!.body.startsWith(`${marker}\n`)).toBe(true);
    expect(stored!.body).toContain('The report was cut to fit');
  });

  it('paginated list (100 per page): our comment on page 3 is edited, not duplicated', async () => {
    for (let i = 0; i < 230; i++) github.seed(ISSUE, `comment ${i}`, 'octocat');
    const first = await post('first');
    expect(first).toMatchObject({ ok: true, action: 'created' });
    const second = await post('second');
    expect(second).toMatchObject({ ok: true, action: 'updated', id: first.ok ? first.id : -1 });
    expect(github.comments(ISSUE).filter((c) => c.body.startsWith(marker))).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'GET' && r.path.includes('page=3'))).toHaveLength(2);
  });

  it('a failed run marks our previous comment as outdated, never one somebody else wrote', async () => {
    const ours = await post();
    github.seed(ISSUE, withMarker(marker, 'a copy by somebody else'), 'mallory');
    const octokit = createOctokit('ghs_x', { baseUrl: github.url, logger: logger() });
    const result = await markOutdated({ octokit, owner: 'octo-org', repo: 'app', issueNumber: ISSUE, marker, logger: logger(), note: 'for commit `abc1234`, the build failed.' });
    expect(result).toMatchObject({ ok: true, action: 'updated', id: ours.ok ? ours.id : -1 });
    const [mine, theirs] = github.comments(ISSUE);
    expect(mine!.body).toBe(`${marker}\n${OUTDATED_PREFIX} for commit \`abc1234\`, the build failed.\n\n${report}`);
    expect(theirs!.body).toBe(withMarker(marker, 'a copy by somebody else'));
  });
});

it('the contract check itself rejects what GitHub would not accept or send', async () => {
  await fetch(`${github.url}/repos/octo-org/app/issues/7/comments?per_page=100&sort=asc`);
  await fetch(`${github.url}/repos/octo-org/app/issues/7/comments`, { method: 'POST', body: JSON.stringify({ text: 'no body field' }) });
  expect(github.contractViolations).toEqual([
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments: unknown query parameter "sort"',
    "POST /repos/{owner}/{repo}/issues/{issue_number}/comments: request body does not match the schema: / must have required property 'body'",
  ]);
  github.contractViolations.length = 0;
});
