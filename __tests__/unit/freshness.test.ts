import { describe, expect, it } from 'vitest';
import { annotationsFor, assessBase, assessBases, type BaseImageFacts } from '../../src/compare/freshness.js';
import { gatherBaseFacts } from '../../src/compare/gather.js';
import type { BaseImageRegistry } from '../../src/registry/base-image-registry.js';
import type { BaseImageUse } from '../../src/build/types.js';

const now = new Date('2026-11-28T12:00:00Z');
const BUILT = 'sha256:cd0a6e1b9e2f40c8b7a1d3e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5';
const MOVED = 'sha256:ab12ef34cd56ab78ef90ab12cd34ef56ab78cd90ef12ab34cd56ef78ab90cd12';
const use: BaseImageUse = { reference: 'node:20.11-slim', digest: BUILT, stage: 'runtime', runtime: true, file: 'Dockerfile', line: 12 };
const tags = ['20.11-slim', '20.12-slim', '22.1-slim'];

describe('assessBase verdicts', () => {
  it.each<[string, Omit<BaseImageFacts, 'use'>, number | undefined, string, string[]]>([
    ['fresh', { currentDigest: BUILT, tags: ['20.11-slim'], created: '2026-11-01T00:00:00Z' }, 180, 'fresh', []],
    ['tag moved', { currentDigest: MOVED, tags: ['20.11-slim'] }, undefined, 'tag-moved', ['tag node:20.11-slim now points to sha256:ab12ef34cd56 (built from sha256:cd0a6e1b9e2f) — a rebuild without cache picks it up']],
    ['newer version', { currentDigest: BUILT, tags }, undefined, 'newer-version', ['20.12-slim available', 'major version 22.1-slim available']],
    ['too old', { currentDigest: BUILT, created: '2025-10-12T08:00:00Z' }, 180, 'too-old', ['base is 412 days old (max-base-age 180)']],
    ['old but no max-base-age', { currentDigest: BUILT, created: '2025-10-12T08:00:00Z' }, undefined, 'fresh', []],
    ['registry error', { error: 'registry-1.docker.io answered 429 Too Many Requests' }, 180, 'unknown', ['could not check everything: registry-1.docker.io answered 429 Too Many Requests']],
  ])('%s', (_name, facts, maxBaseAge, verdict, reasons) => {
    const result = assessBase({ use, ...facts }, { now, maxBaseAge });
    expect(result.verdict).toBe(verdict);
    expect(result.reasons).toEqual(reasons);
  });

  it('lists every finding, most actionable first', () => {
    const r = assessBase({ use, currentDigest: MOVED, tags, created: '2025-10-12T08:00:00Z' }, { now, maxBaseAge: 180 });
    expect(r.findings).toEqual(['tag-moved', 'newer-version', 'too-old']);
    expect(r.ageDays).toBe(412);
    expect(r.newer).toEqual({ minor: ['20.12-slim'], major: ['22.1-slim'] });
  });

  it('does not call a tag moved when the build recorded a platform manifest of the same index', () => {
    const r = assessBase({ use, currentDigest: MOVED, currentPlatformDigests: [BUILT, 'sha256:ff'] }, { now });
    expect(r.verdict).toBe('fresh');
  });

  it('tells a pinned reference to update its pin', () => {
    const pinned = { ...use, reference: `node:20.11-slim@${BUILT}`, digest: undefined };
    expect(assessBase({ use: pinned, currentDigest: MOVED }, { now }).reasons[0]).toContain('update the pinned digest');
  });

  it('treats reproducible-build dates as no age at all', () => {
    const r = assessBase({ use, currentDigest: BUILT, created: '1980-01-01T00:00:01Z' }, { now, maxBaseAge: 30 });
    expect(r.verdict).toBe('fresh');
    expect(r.ageDays).toBeUndefined();
    expect(r.reasons).toEqual(['age unknown: the image records a fixed creation date (1980-01-01)']);
  });

  it('is unknown, and says why, when nothing could be checked', () => {
    const r = assessBase({ use: { ...use, reference: 'alpine@sha256:0123', digest: undefined } }, { now });
    expect(r.verdict).toBe('unknown');
    expect(r.reasons[0]).toContain('pinned by digest only');
  });
});

describe('annotationsFor', () => {
  it('puts stale bases on their FROM line and leaves fresh ones out', () => {
    const results = assessBases(
      [
        { use, currentDigest: MOVED },
        { use: { ...use, reference: 'golang:1.22', stage: 'build', runtime: false, line: 1, digest: BUILT }, currentDigest: BUILT },
        { use: { reference: 'gcr.io/distroless/static:nonroot', stage: 'final', runtime: true, digest: BUILT }, currentDigest: MOVED },
      ],
      { now },
    );
    expect(annotationsFor(results)).toEqual([
      {
        message: 'tag node:20.11-slim now points to sha256:ab12ef34cd56 (built from sha256:cd0a6e1b9e2f) — a rebuild without cache picks it up',
        properties: { title: 'Stale base image node:20.11-slim', file: 'Dockerfile', startLine: 12 },
      },
      {
        message: expect.stringContaining('tag gcr.io/distroless/static:nonroot now points'),
        properties: { title: 'Stale base image gcr.io/distroless/static:nonroot' },
      },
    ]);
  });
});

describe('gatherBaseFacts', () => {
  function fakeRegistry(overrides: Partial<BaseImageRegistry> = {}): BaseImageRegistry & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      headDigest: async (ref) => (calls.push(`head ${ref}`), MOVED),
      listTags: async (repo) => (calls.push(`tags ${repo}`), tags),
      getImageCreated: async (ref, platform) => (calls.push(`created ${ref} ${String(await platform)}`), '2026-10-01T00:00:00Z'),
      listPlatformDigests: async (ref) => (calls.push(`index ${ref}`), [BUILT]),
      ...overrides,
    };
  }

  it('collects digest, tags, age and index entries, once per reference', async () => {
    const registry = fakeRegistry();
    const facts = await gatherBaseFacts(registry, [use, { ...use, stage: 'deps', runtime: false }, { reference: 'scratch', stage: '2', runtime: false }], { platform: 'linux/amd64' });
    expect(facts).toHaveLength(2);
    expect(facts[0]).toEqual({ use, currentDigest: MOVED, currentPlatformDigests: [BUILT], tags, created: '2026-10-01T00:00:00Z' });
    expect(registry.calls.sort()).toEqual([
      `created node@${BUILT} linux/amd64`,
      'head node:20.11-slim',
      `index node@${MOVED}`,
      'tags node',
    ]);
  });

  it('turns failures into error facts without leaking credentials', async () => {
    const registry = fakeRegistry({
      headDigest: async () => {
        throw new Error('401 from registry (sent Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.secret)');
      },
      listTags: async () => {
        throw new Error('timeout');
      },
    });
    const [facts] = await gatherBaseFacts(registry, [use]);
    expect(facts!.currentDigest).toBeUndefined();
    expect(facts!.error).toBe('resolving node:20.11-slim: 401 from registry (sent Authorization: Bearer [redacted]); listing tags of node: timeout');
    expect(facts!.created).toBe('2026-10-01T00:00:00Z');
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let active = 0;
    let peak = 0;
    const slow = async <T>(value: T) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      return value;
    };
    const registry: BaseImageRegistry = { headDigest: () => slow(BUILT), listTags: () => slow(tags) };
    const uses = Array.from({ length: 6 }, (_, i) => ({ ...use, reference: `img${i}:1.0` }));
    await gatherBaseFacts(registry, uses, { concurrency: 2 });
    expect(peak).toBe(2);
  });
});
