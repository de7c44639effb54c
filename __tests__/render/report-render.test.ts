// Every golden report, and the report of every end-to-end run that made one (written to
// .tmp/reports/ by the runner harness), rendered the way a reviewer sees the PR comment: GitHub's
// Markdown and sanitiser, GitHub's comment CSS, mermaid, headless Chromium. Screenshots go to
// .tmp/render/ on each run for people to look at.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentKey, markerFor, withMarker } from '../../src/github/comment.js';
import { GitHubCommentView } from '../support/github-render.js';
import { E2E_REPORTS } from '../support/runner.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GOLDEN = join(ROOT, '__tests__', 'golden');
const SCREENSHOTS = join(ROOT, '.tmp', 'render');

function reportsIn(dir: string): Array<[string, string]> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => [f, join(dir, f)]);
}

const goldens = reportsIn(GOLDEN);
const e2eReports = reportsIn(E2E_REPORTS);
const marker = markerFor(commentKey({ image: 'ghcr.io/acme/shop', job: 'image', variant: 'linux/amd64' }));

let view: GitHubCommentView;
beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  view = await GitHubCommentView.start();
}, 90_000);
afterAll(async () => {
  await view?.close();
});

/** The comment as posted: goldens are bodies without the marker; e2e reports carry theirs. */
async function renderComment(name: string, markdown: string, shots: boolean) {
  const body = markdown.startsWith('<!--') ? markdown : withMarker(marker, markdown);
  const stem = basename(name, '.md');
  return view.render(body, shots ? { collapsed: join(SCREENSHOTS, `${stem}.png`), expanded: join(SCREENSHOTS, `${stem}-expanded.png`) } : undefined);
}

function expectReadable(findings: Awaited<ReturnType<typeof renderComment>>, markdown: string): void {
  expect(findings.chartErrors, 'mermaid could not draw a chart').toEqual([]);
  expect(findings.charts, 'every ```mermaid block is drawn').toBe((markdown.match(/^```mermaid$/gm) ?? []).length);
  expect(findings.overflow, 'nothing scrolls sideways in the comment column').toEqual([]);
  expect(findings.labels, 'chart labels neither overlap nor get cut').toEqual([]);
  expect(findings.unexpectedElements, 'no live HTML from untrusted text').toEqual([]);
  expect(findings.liveReferences, 'no @mention, #123 or GH-123 links').toEqual([]);
  expect(findings.visibleText).not.toContain('strata:report');
}

describe('golden reports as rendered on GitHub', () => {
  it('has golden reports to render', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(5);
  });

  it.each(goldens)('%s', async (name, path) => {
    const markdown = readFileSync(path, 'utf8');
    const findings = await renderComment(name, markdown, true);
    expectReadable(findings, markdown);
  }, 90_000);
});

describe.runIf(e2eReports.length > 0)('end-to-end reports as rendered on GitHub', () => {
  it.each(e2eReports)('%s', async (name, path) => {
    const markdown = readFileSync(path, 'utf8');
    expectReadable(await renderComment(`e2e-${name}`, markdown, true), markdown);
  }, 90_000);
});
