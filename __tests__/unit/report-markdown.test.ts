import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareImages } from '../../src/compare/diff.js';
import { assessBases, unresolvedFreshness } from '../../src/compare/freshness.js';
import type { ImageSummary, LayerInfo } from '../../src/image/types.js';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../../src/report/markdown.js';
import { buildReport, checkSizeIncrease } from '../../src/report/report.js';
import { renderTerminal } from '../../src/report/terminal.js';
import {
  alpineBaseLayers,
  baselineImage,
  buildpackBaseline,
  buildpackPr,
  d,
  engineImage,
  multiBaseline,
  multiPr,
  nodeBase,
  nodeBaseLayers,
  prImage,
} from '../fixtures/compare/images.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden');

/** Golden files are reviewed like code: a difference fails; UPDATE_GOLDEN=1 rewrites them. */
function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`Golden file ${name} is missing; run with UPDATE_GOLDEN=1 and review it.`);
  expect(actual, `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`).toBe(readFileSync(path, 'utf8'));
}

const now = new Date('2026-11-28T12:00:00Z');
const MOVED = 'sha256:ab12ef34cd56ab78ef90ab12cd34ef56ab78cd90ef12ab34cd56ef78ab90cd12';

function dockerfileReport() {
  const comparison = compareImages({ baseline: baselineImage, current: prImage, baselineBases: nodeBaseLayers, currentBases: nodeBaseLayers });
  const freshness = assessBases(
    [
      { use: nodeBase, currentDigest: MOVED, tags: ['20.11-slim', '20.12-slim', '20.13-slim', '22.1-slim'], created: '2025-10-12T08:00:00Z' },
      { use: { reference: 'node:20.11', digest: d('index:node:20.11'), stage: 'deps', runtime: false, file: 'Dockerfile', line: 1 }, currentDigest: d('index:node:20.11'), tags: ['20.11'], created: '2026-11-01T00:00:00Z' },
    ],
    { now, maxBaseAge: 180 },
  );
  return buildReport({ comparison, freshness, baselineOrigin: 'base-branch', failOnSizeIncrease: { kind: 'percent', value: 10 }, maxBaseAge: 180, now });
}

function buildpackReport() {
  const comparison = compareImages({ baseline: buildpackBaseline, current: buildpackPr });
  const freshness = assessBases(
    [{ use: { reference: 'paketobuildpacks/run-jammy-base:latest', digest: d('index:run-jammy-base:0.1.120'), stage: 'run-image', runtime: true }, currentDigest: d('index:run-jammy-base:0.1.120'), created: '1980-01-01T00:00:01Z' }],
    { now },
  );
  return buildReport({ comparison, freshness, baselineOrigin: 'default-branch-snapshot', now });
}

/** A registry path as long as real ones get, pinned by digest as Renovate pins bases. */
const PINNED_BASE = `registry.internal.example.com:5000/platform-team/base-images/node:20.11-slim@${d('index:node:20.11-slim')}`;

/** Instructions and tags written to break out of their cells, the chart and the comment. */
function hostileReport() {
  const hostile: ImageSummary = {
    ...prImage,
    platforms: [
      {
        ...prImage.platforms[0]!,
        history: [
          ...prImage.platforms[0]!.history.slice(0, -3),
          { createdBy: 'RUN /bin/sh -c echo "</details><img src=x onerror=alert(1)> @octocat #1 | [x](https://evil.example)" ```mermaid # buildkit', emptyLayer: false },
          ...prImage.platforms[0]!.history.slice(-2),
        ],
      },
    ],
  };
  const pinned = { '*': { reference: PINNED_BASE, layerCount: 4 } };
  const comparison = compareImages({ baseline: baselineImage, current: hostile, baselineBases: pinned, currentBases: pinned });
  const freshness = assessBases(
    [
      { use: { ...nodeBase, reference: PINNED_BASE }, currentDigest: MOVED, tags: ['20.12-slim<script>', '20.12-slim'], created: '2026-10-01T00:00:00Z' },
      { use: { reference: 'node:20.11', digest: d('index:node:20.11'), stage: 'deps @octocat', runtime: false }, currentDigest: d('index:node:20.11'), tags: ['20.11'], created: '2026-11-27T00:00:00Z' },
    ],
    { now },
  );
  return buildReport({ comparison, freshness, now });
}

/** Many layer groups with long instructions: rows for every group, long words cut. */
function manyGroupsReport() {
  const image = (tag: string): ImageSummary => {
    const layers: LayerInfo[] = [];
    const history = [];
    for (let i = 0; i < 16; i++) {
      const grew = tag === 'pr' && i % 3 === 0;
      layers.push({ digest: d(`${grew ? tag : 'main'}:${i}`), size: (grew ? 1_300_000 : 1_000_000) * (1 + (i % 5)) });
      history.push({ createdBy: `RUN /bin/sh -c curl -fsSL https://downloads.example.com/releases/tool-${i}/v1.2.3/tool-linux-amd64.tar.gz | tar -xz -C /opt # buildkit`, emptyLayer: false });
    }
    return { ...prImage, reference: `ghcr.io/acme/tools:${tag}`, digest: d(`index:tools:${tag}`), platforms: [{ ...prImage.platforms[0]!, layers, history }] };
  };
  const comparison = compareImages({ baseline: image('main'), current: image('pr') });
  return buildReport({ comparison, freshness: [], baselineOrigin: 'base-branch', now });
}

describe('renderMarkdown golden files', () => {
  it('many layer groups with long instructions', () => {
    expectGolden('many-groups.md', renderMarkdown(manyGroupsReport()));
  });

  it('Dockerfile image: changed, added and removed layers, stale base', () => {
    expectGolden('dockerfile-pr.md', renderMarkdown(dockerfileReport()));
  });

  it('buildpack image', () => {
    expectGolden('buildpack-pr.md', renderMarkdown(buildpackReport()));
  });

  it('terminal text, buildpack image: rebuilt layers of the same size summed with the unchanged', () => {
    expectGolden('buildpack-pr.txt', renderTerminal(buildpackReport()));
  });

  it('multi-platform image', () => {
    const comparison = compareImages({ baseline: multiBaseline, current: multiPr, baselineBases: alpineBaseLayers, currentBases: alpineBaseLayers });
    const report = buildReport({ comparison, freshness: [], baselineOrigin: 'compare-to', failOnSizeIncrease: { kind: 'bytes', value: 500_000 }, now });
    expectGolden('multi-platform-pr.md', renderMarkdown(report));
  });

  it('no baseline', () => {
    const comparison = compareImages({ current: prImage, currentBases: nodeBaseLayers, noBaselineReason: 'no image at ghcr.io/acme/shop:main yet (first build of the base branch?)' });
    expectGolden('no-baseline.md', renderMarkdown(buildReport({ comparison, freshness: [], failOnSizeIncrease: { kind: 'bytes', value: 1_000_000 }, now })));
  });

  it('compressed baseline vs uncompressed image: no deltas, a reason', () => {
    const comparison = compareImages({ baseline: baselineImage, current: engineImage, currentBases: nodeBaseLayers });
    expectGolden('incomparable.md', renderMarkdown(buildReport({ comparison, freshness: [], baselineOrigin: 'base-branch', now })));
  });

  it('terminal text', () => {
    expectGolden('dockerfile-pr.txt', renderTerminal(dockerfileReport()));
  });
});

describe('renderMarkdown safety', () => {
  it('renders hostile instructions and tags inert', () => {
    const md = renderMarkdown(hostileReport());
    expectGolden('hostile-text.md', md);
    // What the renderer sees as markup: the Markdown minus code spans (where HTML is literal text).
    const outsideCode = md.replace(/```mermaid[\s\S]*?```\n/g, '').replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');
    expect(outsideCode).not.toMatch(/<img|<script|<\/details><|\]\(https/);
    expect(outsideCode).not.toMatch(/@octocat/);
    // Zero-width spaces let long words wrap in the cell; without them the instruction reads as written.
    expect(md.replace(/\u200b/g, '')).toContain('| added | ````RUN echo "</details><img src=x onerror=alert(1)> @octocat #1 \\| [x](https://evil.example)" ```mermaid```` |');
    // The mermaid block holds only sanitized labels: exactly one opening fence.
    expect(md.match(/^```mermaid$/gm)).toHaveLength(1);
  });

  it('never shows build-arg values recorded in history', () => {
    expect(renderMarkdown(dockerfileReport())).not.toContain('s3cr3t');
    expect(renderTerminal(dockerfileReport())).not.toContain('s3cr3t');
  });
});

describe('renderMarkdown wording', () => {
  const comparison = compareImages({ baseline: baselineImage, current: prImage, baselineBases: nodeBaseLayers, currentBases: nodeBaseLayers });
  const base = (n: number, moved: boolean) => ({
    use: { ...nodeBase, reference: `node:20.${n}-slim`, stage: `stage${n}` },
    currentDigest: moved ? MOVED : nodeBase.digest,
  });

  it.each([
    [[true], 'The base image needs attention (see Base images).'],
    [[true, true], 'Both base images need attention (see Base images).'],
    [[true, true, true], 'All 3 base images need attention (see Base images).'],
    [[true, false], '1 of 2 base images needs attention (see Base images).'],
    [[true, true, false], '2 of 3 base images need attention (see Base images).'],
  ])('stale bases %j', (moved, sentence) => {
    const freshness = assessBases(moved.map((m, i) => base(i, m)), { now });
    expect(renderMarkdown(buildReport({ comparison, freshness, now }))).toContain(`\n${sentence}\n`);
  });

  it('an unresolved base is a row that says so and why, never a guessed reference, and is not counted stale', () => {
    const freshness = [
      ...assessBases([base(0, false)], { now }),
      unresolvedFreshness({ stage: 'runtime', line: 12, reason: 'ARG BASE_IMAGE has no default and no build arg', runtime: true, file: 'Dockerfile' }),
    ];
    const md = renderMarkdown(buildReport({ comparison, freshness, now }));
    const row = md.split('\n').find((l) => l.startsWith('| unresolved |'));
    expect(row).toContain('ARG BASE\\_IMAGE has no default and no build arg; set the build arg to have it checked');
    expect(row).toMatch(/^\| unresolved \| — \|/);
    expect(row).toContain('runtime (final image)');
    expect(md).not.toContain('attention');
    expect(renderTerminal(buildReport({ comparison, freshness, now }))).toMatch(/unresolved/);
  });

  it('says nothing about bases when none is stale', () => {
    const freshness = assessBases([base(0, false)], { now });
    expect(renderMarkdown(buildReport({ comparison, freshness, now }))).not.toContain('attention');
  });

  it('a skipped size check says what it needs, once', () => {
    const noBaseline = compareImages({ current: prImage, noBaselineReason: 'no image at ghcr.io/acme/shop:main yet' });
    const md = renderMarkdown(buildReport({ comparison: noBaseline, freshness: [], failOnSizeIncrease: { kind: 'bytes', value: 1_000_000 }, now }));
    expect(md).toContain('Size check skipped: fail-on-size-increase (1.00\u00a0MB) needs a comparable baseline.');
    expect(md.match(/no image at ghcr\.io\/acme\/shop:main yet/g)).toHaveLength(1);
  });
});

describe('renderMarkdown size limit', () => {
  function hugeImage(tag: string, layerCount: number, changedEvery: number): ImageSummary {
    const layers: LayerInfo[] = [];
    const history = [];
    for (let i = 0; i < layerCount; i++) {
      const changed = tag !== 'main' && i % changedEvery === 0;
      layers.push({ digest: d(`${changed ? tag : 'main'}:${i}`), size: 1_000 + i * (changed ? 7 : 5) });
      history.push({ createdBy: `RUN /bin/sh -c step-${i} && echo ${'x'.repeat(120)} # buildkit`, emptyLayer: false });
    }
    return { ...prImage, reference: `ghcr.io/acme/huge:${tag}`, platforms: [{ ...prImage.platforms[0]!, layers, history }] };
  }

  it.each([
    ['thousands of unchanged layers', 5_000, 1_000_000],
    ['thousands of changed layers', 5_000, 2],
  ])('%s: stays under the limit and says it was trimmed', (_name, count, every) => {
    const comparison = compareImages({ baseline: hugeImage('main', count, every), current: hugeImage('pr', count, every) });
    const md = renderMarkdown(buildReport({ comparison, freshness: [], now }));
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT - 100);
    expect(md).toContain('Trimmed to fit GitHub’s comment size limit');
    expect(md).toContain('<sub>Sizes are compressed');
  });

  it('trims a huge image without a baseline too', () => {
    const comparison = compareImages({ current: hugeImage('pr', 5_000, 2) });
    const md = renderMarkdown(buildReport({ comparison, freshness: [], now }));
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT - 100);
    expect(md).toMatch(/Trimmed to fit GitHub’s comment size limit: \d+ layer rows not shown/);
  });

  it('does not trim a report that fits', () => {
    expect(renderMarkdown(dockerfileReport())).not.toContain('Trimmed');
  });
});

describe('checkSizeIncrease', () => {
  const comparison = compareImages({ baseline: baselineImage, current: prImage });
  const grew = comparison.platforms[0]!.delta!;

  it.each([
    [{ kind: 'bytes' as const, value: grew - 1 }, 'failed'],
    [{ kind: 'bytes' as const, value: grew }, 'passed'],
    [{ kind: 'percent' as const, value: 1 }, 'failed'],
    [{ kind: 'percent' as const, value: 10 }, 'passed'],
  ])('%j -> %s', (threshold, status) => {
    expect(checkSizeIncrease(comparison, threshold).status).toBe(status);
  });

  it('names every platform that grew past the limit', () => {
    const multi = compareImages({ baseline: multiBaseline, current: multiPr, baselineBases: alpineBaseLayers, currentBases: alpineBaseLayers });
    const check = checkSizeIncrease(multi, { kind: 'bytes', value: 500_000 });
    expect(check.status).toBe('failed');
    expect(check.exceeded?.map((g) => g.platform)).toEqual(['linux/amd64', 'linux/arm64/v8']);
    expect(check.message).toBe('linux/amd64 grew by +850 kB (+7.3%) and linux/arm64/v8 by +850 kB (+7.5%), more than fail-on-size-increase (500 kB) allows');
  });

  it('is not checked without a comparable baseline', () => {
    const c = compareImages({ baseline: baselineImage, current: engineImage });
    const check = checkSizeIncrease(c, { kind: 'bytes', value: 1 });
    expect(check.status).toBe('not-checked');
    expect(check.message).toContain('cannot be subtracted');
  });
});
