// The plain progress stream of real BuildKit builds (buildx 0.29 + Docker 28.5's BuildKit, docker
// driver, containerd image store), captured on this machine while the engine's gha backend was
// stalled: fixtures/buildkit/gha-export-hang.txt stops in the cache export after the image was
// exported, gha-import-hang.txt in the cache import.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeBuild, newBuildProgress, readProgressLine, type BuildWatchBounds } from '../../src/build/progress.js';

const bounds: BuildWatchBounds = { importStallMs: 60_000, exportStallMs: 120_000 };
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/buildkit', name), 'utf8').split('\n');
const exportHang = fixture('gha-export-hang.txt');
const importHang = fixture('gha-import-hang.txt');

function feed(lines: readonly string[], at = 0) {
  const progress = newBuildProgress();
  for (const line of lines) readProgressLine(progress, line, at);
  return progress;
}

describe('the cache export hang', () => {
  it('is a hang only after the image export is done and the cache export stayed quiet past its bound', () => {
    const progress = feed(exportHang);
    expect(judgeBuild(progress, 120_000, bounds)).toEqual({ go: true });
    expect(judgeBuild(progress, 120_001, bounds)).toEqual({ go: false, hang: 'cache-export', vertex: 'exporting to GitHub Actions Cache', quietMs: 120_001 });
  });

  it('reads what was built from the image export: the manifest list and the config', () => {
    const progress = feed(exportHang);
    expect(progress.digest).toBe('sha256:dde1fc95583b15f2c9661f63cb2e54376388b27a71827ecac9d280b9747b5d63');
    expect(progress.imageId).toBe('sha256:e1ddf21ce7c8615d74a5beac68347674adeabe1701d119ade491c59a55de7017');
  });

  it('a push names the digest it pushed', () => {
    const progress = feed(exportHang.slice(0, -3));
    readProgressLine(progress, '#6 pushing manifest for 127.0.0.1:5000/app:1@sha256:' + 'b'.repeat(64) + ' 0.0s done', 0);
    expect(progress.digest).toBe('sha256:' + 'b'.repeat(64));
  });

  it('older BuildKit names the vertex "exporting cache"', () => {
    const progress = feed([...exportHang.slice(0, -3), '#7 exporting cache', '#7 preparing build cache for export']);
    expect(judgeBuild(progress, 120_001, bounds)).toMatchObject({ go: false, hang: 'cache-export', vertex: 'exporting cache' });
  });

  it('a cache export that keeps printing is not a hang', () => {
    const progress = feed(exportHang);
    readProgressLine(progress, '#7 writing layer sha256:aa 0.1s done', 100_000);
    expect(judgeBuild(progress, 200_000, bounds).go).toBe(true);
  });

  it('a quiet cache export while the image export is still running is not judged (the image is not built yet)', () => {
    const upToImage = exportHang.slice(0, exportHang.findIndex((l) => l.startsWith('#6 DONE')));
    const progress = feed([...upToImage, '#7 exporting to GitHub Actions Cache']);
    expect(judgeBuild(progress, 10 * 60_000, bounds).go).toBe(true);
  });

  it('a finished cache export is not a hang', () => {
    const progress = feed([...exportHang, '#7 DONE 0.4s']);
    expect(judgeBuild(progress, 10 * 60_000, bounds).go).toBe(true);
  });
});

describe('the cache import hang', () => {
  it('is a hang once the import stayed quiet past its bound, whatever else printed', () => {
    const progress = feed(importHang);
    readProgressLine(progress, '#5 [internal] load metadata for docker.io/library/busybox:1.36', 50_000);
    expect(judgeBuild(progress, 60_000, bounds).go).toBe(true);
    expect(judgeBuild(progress, 60_001, bounds)).toMatchObject({ go: false, hang: 'cache-import', vertex: 'importing cache manifest from gha:9299616257872004619' });
  });

  it('a finished import is not a hang', () => {
    expect(judgeBuild(feed([...importHang, '#4 DONE 0.1s']), 10 * 60_000, bounds).go).toBe(true);
  });
});

it('ignores lines that are not progress (the build\'s own output, warnings)', () => {
  const progress = feed(['WARNING: current commit information was not captured by the build', '', 'random']);
  expect(progress.vertices.size).toBe(0);
});
