// A PR comment as a reviewer sees it: GitHub-flavoured Markdown through GitHub's sanitising
// allowlist (hast-util-sanitize's default schema is GitHub's), GitHub's comment CSS
// (github-markdown-css) in a comment column, and ```mermaid blocks drawn by mermaid 11, in
// headless Chromium from Debian's package (no browser download). The page then measures what a
// reviewer would trip over: sideways scrolling, overlapping or clipped chart labels, live HTML,
// links or @mentions, a visible marker.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const require = createRequire(import.meta.url);
/** The in-page half (plain browser JavaScript): draws the charts and measures the page. */
const PAGE_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'github-render.page.js');

/** The width of a comment's Markdown body in a pull request's conversation at a desktop width. */
export const COMMENT_COLUMN_PX = 866;
export const CHROMIUM = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium';

/** GFM to HTML the way github.com does it for a comment: raw HTML parsed, then the allowlist applied. */
export async function githubHtml(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, defaultSchema)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

export interface ChartLabelProblem {
  text: string;
  problem: 'overlaps' | 'clipped';
  other?: string;
}

export interface RenderFindings {
  /** Width the content needs beyond the column, per scrolling element (0 everywhere is good). */
  overflow: Array<{ element: string; scrollWidth: number; clientWidth: number; text: string }>;
  charts: number;
  /** Mermaid's own error when a block did not parse. */
  chartErrors: string[];
  labels: ChartLabelProblem[];
  /** Elements the report never writes itself (img, a, script remnants...). */
  unexpectedElements: string[];
  /** Text a reviewer would see turned into a link: @mentions, #123, GH-123. */
  liveReferences: string[];
  visibleText: string;
}

/** What the report writes; anything else got through from untrusted text. */
const REPORT_ELEMENTS = new Set([
  'article', 'h3', 'h4', 'p', 'strong', 'em', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'details', 'summary', 'sub', 'br', 'ul', 'li', 'div',
]);

/** One browser for a test file; pages are cheap. */
export class GitHubCommentView {
  private readonly context: BrowserContext;
  private readonly profile: string;

  private constructor(context: BrowserContext, profile: string) {
    this.context = context;
    this.profile = profile;
  }

  static async start(): Promise<GitHubCommentView> {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/test-env.sh (installs Debian's chromium package) or set STRATA_CHROMIUM to a Chromium binary.`);
    }
    const profile = mkdtempSync(join(tmpdir(), 'strata-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      timeout: 60_000,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: COMMENT_COLUMN_PX + 64, height: 800 },
      deviceScaleFactor: 1,
    });
    // Nothing leaves the page: the report must not depend on (or reach) the network.
    await context.route(/^(?!about:|data:)/, (route) => route.abort());
    return new GitHubCommentView(context, profile);
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profile, { recursive: true, force: true });
  }

  /** Renders a comment body, measures it, and writes screenshots (collapsed and expanded) when asked. */
  async render(markdown: string, screenshot?: { collapsed: string; expanded: string }): Promise<RenderFindings> {
    const html = await githubHtml(markdown);
    const page = await this.context.newPage();
    try {
      await page.setContent(pageHtml(html), { waitUntil: 'load', timeout: 30_000 });
      await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
      await page.addScriptTag({ path: PAGE_SCRIPT });
      const chartErrors = await drawCharts(page);
      if (screenshot) await page.locator('article').screenshot({ path: screenshot.collapsed, timeout: 30_000 });
      // Reviewers open the details; everything inside must fit as well.
      await page.evaluate("document.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''))");
      const findings = await measure(page);
      if (screenshot) await page.locator('article').screenshot({ path: screenshot.expanded, timeout: 30_000 });
      return { ...findings, chartErrors };
    } finally {
      await page.close();
    }
  }
}

function pageHtml(body: string): string {
  const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
    body { margin: 0; padding: 16px; background: #fff; }
    .markdown-body { box-sizing: border-box; width: ${COMMENT_COLUMN_PX}px; }
    .mermaid-view { width: 100%; }
  </style></head><body><article class="markdown-body">${body}</article></body></html>`;
}

/** Replaces each ```mermaid block with the SVG mermaid draws for it, as GitHub's viewer does. */
async function drawCharts(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('strataDrawCharts()');
}

async function measure(page: Page): Promise<Omit<RenderFindings, 'chartErrors'>> {
  return page.evaluate<Omit<RenderFindings, 'chartErrors'>>(`strataMeasure(${JSON.stringify([...REPORT_ELEMENTS])})`);
}
