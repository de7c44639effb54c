// The Dockerfile corpus (__tests__/fixtures/dockerfiles): files written to reproduce the FROM/ARG
// patterns of well-known projects (each names its project in a header comment), with the bases
// per platform derived by hand from BuildKit's rules in expected.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDockerfileBases, type StageBase } from '../../src/build/base-images.js';

const DIR = join(import.meta.dirname, '../fixtures/dockerfiles');

interface Bases {
  stages: string[];
  runtime: string;
}
interface Case {
  follows: string;
  platforms?: string[];
  buildArgs?: string[];
  target?: string;
  buildPlatform?: string;
  /** By target platform (normalised), or "all" when every platform resolves the same. */
  expect: Record<string, Bases>;
}

const cases = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Case>;

/** "unresolved" without the reason: the corpus pins which bases Strata refuses to guess, not the wording. */
function short(b: StageBase): string {
  return b.kind === 'image' ? b.reference : b.kind === 'stage' ? `stage:${b.stage}` : b.kind;
}

describe('Dockerfile corpus', () => {
  it('has at least 30 Dockerfiles, each named in expected.json and naming its project', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.Dockerfile'));
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(cases).sort()).toEqual(files.sort());
    for (const f of files) expect(readFileSync(join(DIR, f), 'utf8')).toMatch(/^# Follows .+/m);
  });

  it.each(Object.entries(cases))('%s', (file, c) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const { targets } = resolveDockerfileBases(text, { platforms: c.platforms, buildArgs: c.buildArgs, target: c.target, buildPlatform: c.buildPlatform });
    const got = Object.fromEntries(targets.map((t) => [t.platform, { stages: t.stages.map((s) => short(s.base)), runtime: short(t.runtime) }]));
    const want = c.expect.all ? Object.fromEntries(targets.map((t) => [t.platform, c.expect.all!])) : c.expect;
    expect(got).toEqual(want);
  });
});
