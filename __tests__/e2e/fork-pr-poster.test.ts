// The workflow_run poster documented in docs/fork-prs.md, run as actions/github-script runs it
// (an async function of github, context, core, require) against the GitHub API emulation, on
// artifacts a hostile fork could upload: only Strata's report for the expected image is posted,
// defused, on the PR whose head is the built commit, and only our own comment is ever edited.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startFakeGitHub, type FakeGitHub } from '../support/github-api.js';
import { REPO_ROOT } from '../support/runner.js';

const IMAGE = 'ghcr.io/acme/app';
const HEAD = 'a'.repeat(40);
const MARKER = `<!-- strata:report:${IMAGE}|build -->`;

/** The poster's github-script step, exactly as the docs show it. */
function posterStep(): { script: string; env: Record<string, string> } {
  const doc = readFileSync(join(REPO_ROOT, 'docs/fork-prs.md'), 'utf8');
  const blocks = [...doc.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((m) => parse(m[1]!) as { on?: { workflow_run?: unknown }; jobs?: Record<string, { steps: Array<{ uses?: string; with?: { script?: string }; env?: Record<string, string> }> }> });
  const poster = blocks.find((b) => b.on?.workflow_run !== undefined)!;
  const step = Object.values(poster.jobs!)[0]!.steps.find((s) => s.uses?.startsWith('actions/github-script@'))!;
  return { script: step.with!.script!, env: step.env ?? {} };
}

let github: FakeGitHub;
let artifacts: string;
let log: { warnings: string[]; notices: string[] };

async function runPoster(): Promise<void> {
  const { script, env } = posterStep();
  expect(env.STRATA_IMAGE).toBe(IMAGE);
  // download-artifact's `path:` is relative to the job's working directory; here, a temp dir.
  expect(script.match(/const root = 'strata-report';/g)).toHaveLength(1);
  const body = script.replace("const root = 'strata-report';", `const root = ${JSON.stringify(artifacts)};`);
  const octokit = new Octokit({ auth: 'ghs_posterToken', baseUrl: github.url });
  const context = { repo: { owner: 'acme', repo: 'app' }, payload: { workflow_run: { head_sha: HEAD, event: 'pull_request' } } };
  const core = {
    warning: (m: string) => void log.warnings.push(m),
    notice: (m: string) => void log.notices.push(m),
    info: () => {},
  };
  const saved = process.env.STRATA_IMAGE;
  process.env.STRATA_IMAGE = env.STRATA_IMAGE;
  try {
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
    await new AsyncFunction('github', 'context', 'core', 'require', body)(octokit, context, core, createRequire(import.meta.url));
  } finally {
    if (saved === undefined) delete process.env.STRATA_IMAGE;
    else process.env.STRATA_IMAGE = saved;
  }
}

/** One artifact as download-artifact lays it out: a directory named after it. */
function artifact(name: string, files: Record<string, string>): string {
  const dir = join(artifacts, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

const id = (n: number) => n.toString(16).padStart(12, '0');

beforeEach(async () => {
  github = await startFakeGitHub({
    owner: 'acme',
    repo: 'app',
    pulls: [
      { number: 3, headSha: 'b'.repeat(40), headRef: 'patch-1', headRepo: 'someone/app' },
      { number: 7, headSha: HEAD, headRef: 'patch-2', headRepo: 'mallory/app' },
    ],
  });
  artifacts = mkdtempSync(join(tmpdir(), 'strata-artifacts-'));
  log = { warnings: [], notices: [] };
});

afterEach(async () => {
  await github.stop();
  expect(github.contractViolations).toEqual([]);
});

it('posts only Strata\'s report for the expected image, defused, on the PR whose head was built', async () => {
  const report = [
    MARKER,
    '### Image report `ghcr.io/acme/app:pr-7`',
    'cc @octocat @acme/admins, fixes #12',
    '<img src=x onerror=alert(1)> <a href="https://evil.example">click</a> <details open ontoggle=alert(1)>',
    '![pixel](https://evil.example/p.png)',
    '<details><summary>2 unchanged layers</summary>',
    '| `COPY . /app` | 1.2 kB |',
    '</details>',
    '<sub>Sizes: compressed registry blobs.</sub><br>',
    '<!-- strata:report:ghcr.io/acme/app|other -->',
  ].join('\n');
  artifact(`strata-report-${id(1)}`, { 'strata-report.md': report });
  artifact(`strata-report-${id(2)}`, { 'strata-report.md': report.replace(MARKER, '<!-- strata:report:ghcr.io/evil/app|build -->') });
  artifact(`strata-report-${id(3)}`, { 'strata-report.md': report, 'extra.md': 'x' });
  artifact(`strata-report-${id(4)}`, { 'strata-report.md': `${MARKER}\n${'x'.repeat(70_000)}` });
  symlinkSync('/etc/passwd', join(artifact(`strata-report-${id(5)}`, {}), 'strata-report.md'));
  artifact('strata-report-not-hex', { 'strata-report.md': report });
  artifact(`strata-report-${id(6)}`, { 'strata-report.md': report.replace('cc @octocat', 'a second copy') });
  artifact(`strata-report-${id(7)}`, { 'strata-report.md': `no marker\n${report}` });
  for (let i = 10; i < 27; i++) artifact(`strata-report-${id(i)}`, { 'README.md': 'not a report' });

  await runPoster();

  expect(github.comments(3)).toEqual([]);
  const posted = github.comments(7);
  expect(posted).toHaveLength(1);
  const body = posted[0]!.body;
  expect(body.split('\n')[0]).toBe(MARKER);
  expect(body).toContain('@\u200boctocat');
  expect(body).toContain('@\u200bacme/admins');
  expect(body).toContain('#\u200b12');
  expect(body).not.toMatch(/<img|<a |<details open|<!-- strata:report:ghcr.io\/acme\/app\|other/);
  expect(body).toContain('&lt;img src=x onerror=alert(1)>');
  expect(body).toContain('!\\[pixel]');
  expect(body).toContain('<details><summary>2 unchanged layers</summary>');
  expect(body).toContain('<sub>Sizes: compressed registry blobs.</sub><br>');
  // 25 artifacts, one comment: the other 24 are each skipped with a warning.
  expect(log.warnings).toHaveLength(24);
});

it('refuses to post more reports than matrix legs plausibly make', async () => {
  for (let i = 0; i < 11; i++) artifact(`strata-report-${id(i)}`, { 'strata-report.md': `<!-- strata:report:${IMAGE}|build|leg${i} -->\nreport ${i}` });
  await runPoster();
  expect(github.comments(7)).toEqual([]);
  expect(log.warnings).toEqual(['11 reports (at most 10 expected); none posted.']);
});

it('edits its own comment on a re-run, never one with the marker that someone else wrote', async () => {
  const spoof = github.seed(7, `${MARKER}\nspoofed`, 'mallory');
  artifact(`strata-report-${id(1)}`, { 'strata-report.md': `${MARKER}\nfirst` });
  await runPoster();
  writeFileSync(join(artifacts, `strata-report-${id(1)}`, 'strata-report.md'), `${MARKER}\nsecond`);
  await runPoster();
  const comments = github.comments(7);
  expect(comments.map((c) => c.body)).toEqual([`${MARKER}\nspoofed`, `${MARKER}\nsecond`]);
  expect(comments[0]!.id).toBe(spoof.id);
});

it('comments nowhere when no open PR has the built commit as its head', async () => {
  artifact(`strata-report-${id(1)}`, { 'strata-report.md': `${MARKER}\nreport` });
  await github.stop();
  github = await startFakeGitHub({ owner: 'acme', repo: 'app', pulls: [{ number: 3, headSha: 'b'.repeat(40), headRef: 'x', headRepo: 'someone/app' }] });
  await runPoster();
  expect(github.comments(3)).toEqual([]);
  expect(log.notices).toEqual([`No open pull request has head ${HEAD}; nothing to comment on.`]);
});
