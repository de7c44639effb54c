// The detection corpus: apps laid out like the Paketo samples (__tests__/fixtures/apps), read from
// disk through the same listing, mode and builder choice that `strata detect` and the action use.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectReport } from '../../src/cli/detect-command.js';
import { contextListing } from '../../src/detect/listing.js';
import { parseInputs } from '../../src/inputs.js';
import { createContextFiles } from '../../src/io/context-files.js';

const APPS = join(import.meta.dirname, '../fixtures/apps');

interface Expected {
  follows: string;
  mode?: string;
  language?: string;
  decidedBy?: string;
  builder?: string;
  reasonContains?: string;
  error?: string;
}

const expected = JSON.parse(readFileSync(join(APPS, 'expected.json'), 'utf8')) as Record<string, Expected | string>;
const cases = Object.entries(expected).filter((e): e is [string, Expected] => !e[0].startsWith('_'));

function inputsFor(name: string, extra: Record<string, string> = {}) {
  const raw: Record<string, string> = { context: join(APPS, name), image: 'example.com/app', ...extra };
  return parseInputs((n) => raw[n] ?? '', { repository: 'o/r', serverUrl: 'https://github.com' });
}

describe('detection corpus', () => {
  it('has at least 30 apps', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)('%s', async (name, want) => {
    const run = detectReport(createContextFiles(), inputsFor(name), 'linux/amd64');
    if (want.error) {
      await expect(run).rejects.toThrow(want.error);
      return;
    }
    const report = await run;
    expect(report.mode).toBe(want.mode);
    expect(report.decidedBy).toBe(want.decidedBy);
    if (want.builder) expect(report.builder?.builder).toBe(want.builder);
    if (want.language) expect(report.builder?.language).toBe(want.language);
    if (want.reasonContains) expect(`${report.reason} ${report.builder?.reason ?? ''}`).toContain(want.reasonContains);
  });

  it('a Rust app builds with buildpacks once the user names a builder', async () => {
    const report = await detectReport(createContextFiles(), inputsFor('rust-cargo', { 'buildpack-builder': 'example.com/rust-builder:1' }), 'linux/amd64');
    expect(report).toMatchObject({ mode: 'buildpack', decidedBy: 'Cargo.toml', builder: { builder: 'example.com/rust-builder:1' } });
  });

  it('a Dockerfile app reports its stages', async () => {
    const report = await detectReport(createContextFiles(), inputsFor('containerfile-go'), 'linux/amd64');
    expect(report.platforms?.[0]).toMatchObject({ platform: 'linux/amd64', runtime: { kind: 'image', reference: 'gcr.io/distroless/static' } });
  });
});

describe('contextListing', () => {
  it('lists the root and the directories detect rules look into', async () => {
    expect((await contextListing(createContextFiles(), join(APPS, 'java-executable-jar'))).sort()).toEqual(['META-INF', 'META-INF/MANIFEST.MF', 'io']);
  });

  it('takes a file named like such a directory as a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-listing-'));
    writeFileSync(join(dir, 'htdocs'), 'not a directory\n');
    expect(await contextListing(createContextFiles(), dir)).toEqual(['htdocs']);
  });
});
