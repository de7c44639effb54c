// `strata report`: arguments, exit codes, where images are read from, which base images are
// assessed. No network: the registry is an in-memory fake behind RegistryClient's fetch seam, the
// engine a fake docker CLI replaying captured `docker image inspect` / `docker history` output
// (support/memory-registry.ts).
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  OCI_BASE_DIGEST_LABEL,
  OCI_BASE_NAME_LABEL,
  UsageError,
  parseReportArgs,
  runReportCommand,
} from '../../src/cli/report-command.js';
import { LIFECYCLE_METADATA_LABEL } from '../../src/image/labels.js';
import { knownBases, knownBasesFromAnnotations } from '../../src/report/known-bases.js';
import type { ImageSummary } from '../../src/image/types.js';
import type { Report } from '../../src/report/report.js';
import { createCliEngine } from '../../src/io/docker-engine-cli.js';
import { FakeRegistry, fakeDocker, HOST, sha, type FakeLayer } from '../support/memory-registry.js';

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text: () => string };
  w.text = () => chunks.join('');
  return w;
}

const NOW = new Date('2026-03-01T00:00:00Z');

async function report(argv: string[], opts: { registry?: FakeRegistry; local?: string[] } = {}) {
  const registry = opts.registry ?? new FakeRegistry();
  const out = sink();
  const err = sink();
  const asked: string[] = [];
  const code = await runReportCommand(argv, {
    registry: async (image) => {
      asked.push(image);
      return registry.client();
    },
    // The engine through the docker CLI (the fallback path), answering from captured output.
    engine: createCliEngine(fakeDocker(opts.local), 'unix:///var/run/docker.sock'),
    out,
    err,
    now: () => NOW,
  });
  return { code, stdout: out.text(), stderr: err.text(), asked, registry };
}

const BASE_LAYER: FakeLayer = { content: 'busybox', size: 1_000_000, createdBy: 'COPY rootfs/ / # buildkit' };

function twoRevisions(): FakeRegistry {
  const r = new FakeRegistry();
  r.push(`${HOST}/library/busybox:1.36`, { layers: [BASE_LAYER] });
  r.push(`${HOST}/library/busybox:1.37`, { layers: [{ ...BASE_LAYER, content: 'busybox 1.37' }] });
  r.push(`${HOST}/acme/app:1`, {
    layers: [BASE_LAYER, { content: 'app v1', size: 2_000, createdBy: 'COPY app.sh /app/ # buildkit' }, { content: 'data v1', size: 10_000, createdBy: 'COPY data/ /app/data/ # buildkit' }],
  });
  r.push(`${HOST}/acme/app:2`, {
    layers: [BASE_LAYER, { content: 'app v1', size: 2_000, createdBy: 'COPY app.sh /app/ # buildkit' }, { content: 'data v2', size: 45_000, createdBy: 'COPY data/ /app/data/ # buildkit' }],
  });
  return r;
}

describe('parseReportArgs', () => {
  it('takes IMAGE, --baseline, repeated --base, --max-base-age and --json', () => {
    expect(parseReportArgs(['ghcr.io/a/app:2', '--baseline', 'ghcr.io/a/app:1', '--base', 'node:20-slim', '--base', 'debian:12', '--max-base-age', '90', '--json'])).toEqual({
      image: 'ghcr.io/a/app:2',
      baseline: 'ghcr.io/a/app:1',
      bases: ['node:20-slim', 'debian:12'],
      maxBaseAge: 90,
      json: true,
      help: false,
    });
    expect(parseReportArgs(['app:1'])).toEqual({ image: 'app:1', bases: [], json: false, help: false });
    expect(parseReportArgs(['--help']).help).toBe(true);
  });

  it.each([
    [[], /missing IMAGE/],
    [['a:1', 'b:1'], /one IMAGE only; unexpected "b:1"/],
    [['a:1', '--bogus'], /Unknown option '--bogus'/],
    [['a:1', '--baseline'], /--baseline/],
    [['a:1', '--baseline', 'b:1', '--baseline', 'c:1'], /--baseline given 2 times \("b:1", "c:1"\)/],
    [['a:1', '--base', ''], /--base has an empty value/],
    [['a:1', '--max-base-age', 'ninety'], /--max-base-age has an invalid value "ninety": use a whole number of days greater than 0/],
    [['a:1', '--max-base-age', '0'], /--max-base-age has an invalid value "0"/],
    [['a:1', '--max-base-age=-3'], /--max-base-age has an invalid value "-3"/],
    [['a:1', '--max-base-age', '1.5'], /--max-base-age has an invalid value "1.5"/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseReportArgs(argv)).toThrow(UsageError);
    expect(() => parseReportArgs(argv)).toThrow(message);
  });
});

describe('runReportCommand exit codes', () => {
  it('usage errors exit 2 with the message and the usage on stderr, nothing on stdout', async () => {
    const r = await report(['app:1', '--max-base-age', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: strata report: --max-base-age has an invalid value "soon"/);
    expect(r.stderr).toContain('Usage: strata report IMAGE');
    expect(r.asked).toEqual([]);
    expect((await report([])).code).toBe(2);
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await report(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--base REF');
  });

  it('an image found nowhere exits 1 with one line quoting it', async () => {
    const r = await report([`${HOST}/acme/app:nope`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^error: cannot read image "${HOST}/acme/app:nope": its registry: Manifest ${HOST}/acme/app:nope not found .*; the local Docker engine: .*No such image`));
  });
});

describe('report output', () => {
  it('compares two registry images: both named, the changed layer with its instruction and delta', async () => {
    const r = await report([`${HOST}/acme/app:2`, '--baseline', `${HOST}/acme/app:1`, '--base', `${HOST}/library/busybox:1.36`], { registry: twoRevisions() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.asked).toEqual([`${HOST}/acme/app:2`]);
    expect(r.stdout).toContain(`image     ${HOST}/acme/app:2: read from its registry (compressed sizes)`);
    expect(r.stdout).toContain(`baseline  ${HOST}/acme/app:1: read from its registry (compressed sizes)`);
    expect(r.stdout).toContain(`bases     ${HOST}/library/busybox:1.36: from --base`);
    expect(r.stdout).toContain(`+35.0 kB (+3.5%) against ${HOST}/acme/app:1`);
    expect(r.stdout).toMatch(/changed\s+10.0 kB\s+-> 45.0 kB\s+\+35.0 kB \(\+350.0%\)\s+COPY data\/ \/app\/data\//);
    expect(r.stdout).toContain('2 unchanged layers, 1.00 MB');
    // 1.37 exists in the same repository: the base is flagged.
    expect(r.stdout).toContain(`${HOST}/library/busybox:1.36 [final]: newer version`);
    expect(r.stdout).toContain('Sizes: compressed registry blobs.');
  });

  it('--json prints the Report, nothing else on stdout', async () => {
    const r = await report([`${HOST}/acme/app:2`, '--baseline', `${HOST}/acme/app:1`, '--base', `${HOST}/library/busybox:1.36`, '--json', '--max-base-age', '30'], { registry: twoRevisions() });
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Report;
    expect(json.comparison.status).toBe('compared');
    expect(json.baseline).toMatchObject({ reference: `${HOST}/acme/app:1`, origin: 'compare-to', sizeKind: 'compressed' });
    expect(json.headline).toMatchObject({ delta: 35_000, sizeKind: 'compressed', platform: 'linux/amd64' });
    expect(json.comparison.platforms[0]!.changes[0]).toMatchObject({ status: 'unchanged', origin: { kind: 'base', reference: `${HOST}/library/busybox:1.36` } });
    expect(json.staleBases).toEqual([`${HOST}/library/busybox:1.36`]);
    expect(json.maxBaseAge).toBe(30);
    expect(json.generatedAt).toBe(NOW.toISOString());
    expect(r.stderr).toBe('');
  });

  it('falls back to the engine for an image the registry lacks, says so, and does not subtract across kinds', async () => {
    const r = await report(['probe:1', '--baseline', `${HOST}/acme/app:1`], { registry: twoRevisions(), local: ['probe:1'] });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^image {5}probe:1: read from the local Docker engine \(uncompressed sizes\), as its registry did not provide it \(Manifest docker.io\/library\/probe:1 .*\)$/m);
    expect(r.stdout).toContain("NOT COMPARED: the image's sizes are uncompressed (local engine), the baseline's compressed (registry)");
    expect(r.stdout).toContain('no size comparison: the baseline');
    expect(r.stdout).not.toMatch(/ -> /);
    expect(r.stdout).toContain('Sizes: uncompressed engine layers.');

    const json = await report(['probe:1', '--baseline', `${HOST}/acme/app:1`, '--json'], { registry: twoRevisions(), local: ['probe:1'] });
    const parsed = JSON.parse(json.stdout) as Report;
    expect(parsed.comparison.status).toBe('incomparable');
    expect(parsed.image).toMatchObject({ source: 'engine', sizeKind: 'uncompressed' });
    expect(parsed.headline.delta).toBeUndefined();
    expect(json.stderr).toContain('note: image probe:1: read from the local Docker engine');
    expect(json.stderr).toContain('NOT COMPARED');
  });

  it('a --baseline that cannot be read leaves a report without comparison, saying why', async () => {
    const r = await report([`${HOST}/acme/app:2`, '--baseline', `${HOST}/acme/app:gone`], { registry: twoRevisions() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`baseline  ${HOST}/acme/app:gone: not read, so no comparison (cannot read image "${HOST}/acme/app:gone"`);
    expect(r.stdout).toContain(`no size comparison: cannot read image "${HOST}/acme/app:gone"`);
  });

  it('without --base or labels: no base image known', async () => {
    const r = await report([`${HOST}/acme/app:2`], { registry: twoRevisions() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('bases     no base image known (pass --base)');
    expect(r.stdout).toContain('no size comparison: no --baseline given');
    expect(r.stdout).not.toContain('Base images');
  });

  it('the OCI base labels name the base and the digest built from: a moved tag is flagged', async () => {
    const registry = twoRevisions();
    const old = sha('an older busybox:1.36 manifest');
    registry.push(`${HOST}/acme/labelled:1`, {
      layers: [BASE_LAYER, { content: 'app', size: 10, createdBy: 'COPY . /app # buildkit' }],
      labels: { [OCI_BASE_NAME_LABEL]: `${HOST}/library/busybox:1.36`, [OCI_BASE_DIGEST_LABEL]: old },
    });
    const r = await report([`${HOST}/acme/labelled:1`, '--json'], { registry });
    const json = JSON.parse(r.stdout) as Report;
    expect(json.freshness[0]).toMatchObject({ use: { reference: `${HOST}/library/busybox:1.36`, digest: old }, verdict: 'tag-moved' });
    // --base takes over, and keeps the labelled digest for the same reference.
    const flagged = JSON.parse((await report([`${HOST}/acme/labelled:1`, '--json', '--base', `${HOST}/library/busybox:1.36`], { registry })).stdout) as Report;
    expect(flagged.freshness[0]).toMatchObject({ use: { stage: 'final', digest: old }, verdict: 'tag-moved' });
  });
});

describe('knownBases', () => {
  const image = (labels: Record<string, string>): ImageSummary => ({
    reference: 'x',
    digest: 'sha256:x',
    source: 'registry',
    sizeKind: 'compressed',
    platforms: [
      { platform: 'unknown/unknown', manifestDigest: 'a', configDigest: 'a', layers: [], history: [], labels: {} },
      { platform: 'linux/amd64', manifestDigest: 'b', configDigest: 'b', layers: [], history: [], labels },
    ],
  });
  const digest = `sha256:${'a'.repeat(64)}`;

  it('--base REFs in FROM order, the last one the runtime base', () => {
    expect(knownBases(image({}), ['golang:1.22', 'gcr.io/distroless/static'])).toEqual({
      from: '--base',
      uses: [
        { reference: 'golang:1.22', stage: 'stage 0', runtime: false },
        { reference: 'gcr.io/distroless/static', stage: 'final', runtime: true },
      ],
    });
  });

  it('the buildpack run image from the lifecycle label, with the digest it was published by', () => {
    const label = JSON.stringify({ runImage: { topLayer: 'sha256:t', reference: `index.docker.io/paketobuildpacks/run-jammy-base@${digest}`, image: 'paketobuildpacks/run-jammy-base:latest' } });
    const bases = knownBases(image({ [LIFECYCLE_METADATA_LABEL]: label }), []);
    expect(bases.uses).toEqual([{ reference: 'paketobuildpacks/run-jammy-base:latest', stage: 'run-image', runtime: true, digest }]);
    expect(bases.from).toContain(LIFECYCLE_METADATA_LABEL);
    // A daemon export records a local image id, not a digest; the deprecated stack.runImage still names it.
    const local = JSON.stringify({ runImage: { reference: `sha256:${'b'.repeat(64)}` }, stack: { runImage: { image: 'cnbs/run:noble' } } });
    expect(knownBases(image({ [LIFECYCLE_METADATA_LABEL]: local }), []).uses).toEqual([{ reference: 'cnbs/run:noble', stage: 'run-image', runtime: true }]);
  });

  it('the OCI base labels win over the lifecycle label (namedBase precedence, as rebase reads it)', () => {
    const label = JSON.stringify({ runImage: { image: 'paketobuildpacks/run-jammy-base:latest' } });
    expect(knownBases(image({ [LIFECYCLE_METADATA_LABEL]: label, [OCI_BASE_NAME_LABEL]: 'other:1' }), []).uses).toEqual([
      { reference: 'other:1', stage: 'base', runtime: true },
    ]);
  });

  it('the OCI base name and digest labels', () => {
    expect(knownBases(image({ [OCI_BASE_NAME_LABEL]: 'docker.io/library/node:20-slim', [OCI_BASE_DIGEST_LABEL]: digest }), []).uses).toEqual([
      { reference: 'docker.io/library/node:20-slim', stage: 'base', runtime: true, digest },
    ]);
    // --base with the same image (written the short way) keeps the labelled digest; another does not.
    expect(knownBases(image({ [OCI_BASE_NAME_LABEL]: 'docker.io/library/node:20-slim', [OCI_BASE_DIGEST_LABEL]: digest }), ['node:20-slim']).uses[0]!.digest).toBe(digest);
    expect(knownBases(image({ [OCI_BASE_NAME_LABEL]: 'docker.io/library/node:20-slim', [OCI_BASE_DIGEST_LABEL]: digest }), ['node:22-slim']).uses[0]!.digest).toBeUndefined();
  });

  it('nothing known', () => {
    expect(knownBases(image({}), [])).toEqual({ uses: [] });
  });
});

describe('knownBasesFromAnnotations: the early answer is the one the whole image gives, or none', () => {
  const digest = `sha256:${'a'.repeat(64)}`;
  const other = `sha256:${'b'.repeat(64)}`;
  const withNamings = (annotations: Record<string, string> | undefined, labels: Record<string, string>): ImageSummary => ({
    reference: 'x',
    digest: 'sha256:x',
    source: 'registry',
    sizeKind: 'compressed',
    platforms: [{ platform: 'linux/amd64', manifestDigest: 'b', configDigest: 'b', layers: [], history: [], labels, ...(annotations ? { annotations } : {}) }],
  });
  const annotated = { [OCI_BASE_NAME_LABEL]: 'docker.io/library/node:20-slim', [OCI_BASE_DIGEST_LABEL]: digest };
  const run = JSON.stringify({ runImage: { image: 'paketobuildpacks/run-jammy-base:latest' } });
  const annotationsCases: Array<[string, Record<string, string> | undefined]> = [
    ['none', undefined],
    ['the base recorded', annotated],
    ['a name, no digest', { [OCI_BASE_NAME_LABEL]: 'node:22' }],
    ['unrelated ones', { 'org.opencontainers.image.source': 'https://github.com/acme/app' }],
  ];
  const labelsCases: Array<[string, Record<string, string>]> = [
    ['none', {}],
    ['another base recorded', { [OCI_BASE_NAME_LABEL]: 'docker.io/library/node:22', [OCI_BASE_DIGEST_LABEL]: other }],
    ['the same base', annotated],
    ['a run image', { [LIFECYCLE_METADATA_LABEL]: run }],
  ];
  const referencesCases: string[][] = [[], ['node:20-slim'], ['golang:1.22', 'node:20-slim'], ['node:22']];
  const rows = annotationsCases.flatMap(([a, annotations]) => labelsCases.flatMap(([l, labels]) => referencesCases.map((references) => [`annotations: ${a}; labels: ${l}; --base ${JSON.stringify(references)}`, annotations, labels, references] as const)));

  it.each(rows)('%s', (_name, annotations, labels, references) => {
    const early = knownBasesFromAnnotations(annotations, references);
    // Given whenever the annotations record a base, and then whatever the config's labels say.
    expect(early !== undefined).toBe(annotations?.[OCI_BASE_NAME_LABEL] !== undefined);
    if (early) expect(early).toEqual(knownBases(withNamings(annotations, labels), references));
  });
});
