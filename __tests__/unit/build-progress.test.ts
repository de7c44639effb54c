// The plain progress stream of a BuildKit build (buildx 0.29 + the engine's BuildKit, docker driver):
// fixtures/buildkit/gha-export-hang.txt is written in the shape of one whose gha cache service
// stopped answering after the image was pushed (vertex numbering, statuses and DONE lines as printed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeBuild, newBuildProgress, readProgressLine, type BuildWatchBounds } from '../../src/build/progress.js';

const bounds: BuildWatchBounds = { importStallMs: 60_000, exportStallMs: 120_000 };
const exportHang = readFileSync(join(import.meta.dirname, '../fixtures/buildkit/gha-export-hang.txt'), 'utf8').split('\n');

function feed(lines: readonly string[], at = 0) {
  const progress = newBuildProgress();
  for (const line of lines) readProgressLine(progress, line, at);
  return progress;
}

describe('the cache export hang', () => {
  it('is a hang only after the image export is done and the cache export stayed quiet past its bound', () => {
    const progress = feed(exportHang);
    expect(judgeBuild(progress, 120_000, bounds)).toEqual({ go: true });
    expect(judgeBuild(progress, 120_001, bounds)).toEqual({ go: false, hang: 'cache-export', vertex: 'exporting cache to GitHub Actions Cache', quietMs: 120_001 });
  });

  it('reads what was built from the image export: the pushed digest and the config', () => {
    const progress = feed(exportHang);
    expect(progress.digest).toBe('sha256:5d41402abc4b2a76b9719d911017c592ae1d5b6f2a7c3e8d9f0a1b2c3d4e5f6a');
    expect(progress.imageId).toBe('sha256:9b2f0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b');
  });

  it('a cache export that keeps printing is not a hang', () => {
    const progress = feed(exportHang);
    readProgressLine(progress, '#8 writing layer sha256:aa 0.1s done', 100_000);
    expect(judgeBuild(progress, 200_000, bounds).go).toBe(true);
  });

  it('a quiet cache export while the image export is still running is not judged (the image is not built yet)', () => {
    const upToImage = exportHang.slice(0, exportHang.findIndex((l) => l.startsWith('#7 DONE')));
    const progress = feed([...upToImage, '#8 exporting cache to GitHub Actions Cache']);
    expect(judgeBuild(progress, 10 * 60_000, bounds).go).toBe(true);
  });

  it('a finished cache export is not a hang', () => {
    const progress = feed([...exportHang, '#8 DONE 0.4s']);
    expect(judgeBuild(progress, 10 * 60_000, bounds).go).toBe(true);
  });
});

describe('the cache import hang', () => {
  const upToImport = exportHang.slice(0, exportHang.indexOf('#4 DONE 0.1s'));

  it('is a hang once the import stayed quiet past its bound, whatever else printed', () => {
    const progress = feed(upToImport);
    readProgressLine(progress, '#5 [1/2] FROM busybox', 50_000);
    expect(judgeBuild(progress, 60_000, bounds).go).toBe(true);
    expect(judgeBuild(progress, 60_001, bounds)).toMatchObject({ go: false, hang: 'cache-import', vertex: 'importing cache manifest from gha:6614843364406283917' });
  });

  it('a finished import is not a hang', () => {
    expect(judgeBuild(feed([...upToImport, '#4 DONE 0.1s']), 10 * 60_000, bounds).go).toBe(true);
  });
});

it('ignores lines that are not progress (the build\'s own output, warnings)', () => {
  const progress = feed(['WARNING: current commit information was not captured by the build', '', 'random']);
  expect(progress.vertices.size).toBe(0);
});
