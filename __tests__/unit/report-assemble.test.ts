// The report's one assembly (src/report/assemble.ts), as the action and `strata report` ask for
// it: where each image is read from, which baseline is chosen and why there is none, where a
// baseline is split at its base. The registry is the in-memory one behind RegistryClient's fetch
// seam and the engine a docker CLI replaying captured output (support/memory-registry.ts).
import { createCliEngine } from '../../src/io/docker-engine-cli.js';
import { describe, expect, it } from 'vitest';
import { OCI_BASE_DIGEST, OCI_BASE_NAME } from '../../src/image/labels.js';
import { assembleReport, readImage, type ImageSource, type ReportRequest } from '../../src/report/assemble.js';
import type { BaselineSnapshot } from '../../src/report/baseline.js';
import { recordingLogger } from '../support/logger.js';
import { FakeRegistry, fakeDocker, HOST, type FakeLayer } from '../support/memory-registry.js';

const NOW = new Date('2026-03-01T00:00:00Z');
const BUSYBOX_136: FakeLayer = { content: 'busybox 1.36', size: 1_000_000, createdBy: 'COPY rootfs/ / # buildkit' };
const BUSYBOX_137: FakeLayer = { content: 'busybox 1.37', size: 1_100_000, createdBy: 'COPY rootfs/ / # buildkit' };
const APP: FakeLayer = { content: 'app', size: 2_000, createdBy: 'COPY app.sh /app/ # buildkit' };

/** busybox 1.36 and 1.37; app:1 built on 1.36 (labelled so, as Strata's Dockerfile builds are), app:2 on 1.37. */
function registry(): { registry: FakeRegistry; app2: string; busybox136: string } {
  const r = new FakeRegistry();
  const busybox136 = r.push(`${HOST}/library/busybox:1.36`, { layers: [BUSYBOX_136] });
  r.push(`${HOST}/library/busybox:1.37`, { layers: [BUSYBOX_137] });
  r.push(`${HOST}/acme/app:1`, {
    layers: [BUSYBOX_136, APP],
    labels: { [OCI_BASE_NAME]: `${HOST}/library/busybox:1.36`, [OCI_BASE_DIGEST]: busybox136 },
  });
  r.push(`${HOST}/acme/unlabelled:1`, { layers: [BUSYBOX_136, APP] });
  const app2 = r.push(`${HOST}/acme/app:2`, { layers: [BUSYBOX_137, { ...APP, size: 3_000 }] });
  return { registry: r, app2, busybox136 };
}

function adapters(r: FakeRegistry, local: string[] = []) {
  const docker = fakeDocker(local);
  // The engine through the docker CLI (the fallback path), answering from captured output.
  return { client: r.client(), engine: createCliEngine(docker, 'unix:///var/run/docker.sock'), docker, logger: recordingLogger().logger, now: () => NOW };
}

describe('readImage: the registry, the engine, or both, as the source says', () => {
  const app = `${HOST}/acme/app:2`;
  it.each<[string, (digest: string) => ImageSource, string[], { sources: string[]; fallback?: RegExp; registryAsked: boolean }]>([
    ['registry first, found there', () => ({ reference: app, engine: 'fallback' }), [], { sources: ['registry'], registryAsked: true }],
    ['registry first, the engine when it lacks the tag', () => ({ reference: 'probe:1', engine: 'fallback' }), ['probe:1'], { sources: ['engine'], fallback: /^Manifest docker\.io\/library\/probe:1 /, registryAsked: false }],
    ['a push read by digest and the engine alongside', (d) => ({ reference: app, registry: `${HOST}/acme/app@${d}`, engine: 'alongside' }), [app], { sources: ['registry', 'engine'], registryAsked: true }],
    ['not pushed: the engine alone, no registry request', () => ({ reference: app, registry: null, engine: 'alongside' }), [app], { sources: ['engine'], registryAsked: false }],
  ])('%s', async (_name, source, local, want) => {
    const { registry: r, app2 } = registry();
    const read = await readImage(source(app2), adapters(r, local));
    expect(read.map((x) => x.summary.source)).toEqual(want.sources);
    // Whatever it was read by, it is reported under its name.
    expect(read.every((x) => x.summary.reference === source(app2).reference)).toBe(true);
    if (want.fallback) expect(read[0]!.fallback).toMatch(want.fallback);
    else expect(read[0]!.fallback).toBeUndefined();
    expect(r.requests.some((q) => q.includes('/acme/app/manifests/'))).toBe(want.registryAsked && source(app2).reference === app);
  });

  it.each<[string, ImageSource, RegExp, boolean]>([
    ['nowhere: both answers quoted', { reference: `${HOST}/acme/app:nope`, engine: 'fallback' }, /^cannot read image "registry\.test\/acme\/app:nope": its registry: Manifest .* not found.*; the local Docker engine: .*No such image/, true],
    ['the engine never asked', { reference: `${HOST}/acme/app:nope`, engine: 'never' }, /^cannot read image "registry\.test\/acme\/app:nope": its registry: Manifest .* not found[^;]*$/, false],
    ['not pushed, not in the engine', { reference: 'probe:1', registry: null, engine: 'alongside' }, /^cannot read image "probe:1": the local Docker engine: .*No such image/, true],
  ])('%s', async (_name, source, message, engineAsked) => {
    const a = adapters(registry().registry);
    await expect(readImage(source, a)).rejects.toThrow(message);
    expect(a.docker.calls.length > 0).toBe(engineAsked);
  });
});

const RUNTIME_137 = [{ reference: `${HOST}/library/busybox:1.37`, stage: 'final', runtime: true }];

/** The action's request for app:2 on busybox:1.37 (the bases as the build resolved them). */
function actionRequest(over: Partial<ReportRequest> = {}): ReportRequest {
  return {
    current: { reference: `${HOST}/acme/app:2`, engine: 'alongside' },
    baselines: [{ reference: `${HOST}/acme/app:1`, engine: 'never', origin: 'base-branch' }],
    noBaselineReason: 'not a pull request, and no compare-to image',
    bases: { uses: RUNTIME_137 },
    ...over,
  };
}

describe('assembleReport: the baseline', () => {
  it('the first candidate that reads; no snapshot looked for when its sizes compare', async () => {
    const { registry: r } = registry();
    let snapshots = 0;
    const a = await assembleReport(adapters(r, [`${HOST}/acme/app:2`]), actionRequest({ snapshot: async () => (snapshots++, undefined) }));
    expect(a.report.comparison.status).toBe('compared');
    expect(a.report.baseline).toMatchObject({ reference: `${HOST}/acme/app:1`, origin: 'base-branch', sizeKind: 'compressed' });
    expect(a.current.map((c) => c.summary.source)).toEqual(['registry', 'engine']);
    // The registry's view is compared with a registry baseline.
    expect(a.report.image.source).toBe('registry');
    expect(a.report.headline.delta).toBe(101_000);
    expect(snapshots).toBe(0);
  });

  it("a baseline of another kind: the snapshot's view of the same kind wins, compared with the engine's view", async () => {
    const { registry: r } = registry();
    const engineView = (await readImage({ reference: 'probe:0', registry: null, engine: 'alongside' }, adapters(r, ['probe:0'])))[0]!.summary;
    const snapshot: BaselineSnapshot = { format: 'strata-baseline-v1', summaries: [engineView], sha: 'abc' };
    const a = await assembleReport(
      adapters(r, ['probe:1']),
      actionRequest({ current: { reference: 'probe:1', registry: null, engine: 'alongside' }, snapshot: async () => snapshot }),
    );
    expect(a.report.baseline).toMatchObject({ origin: 'default-branch-snapshot', source: 'engine' });
    expect(a.report.comparison.status).toBe('compared');
    expect(a.baselineError).toBeUndefined();
  });

  it.each<[string, Partial<ReportRequest>, string | undefined, string]>([
    [
      'nothing to look for: the caller says why',
      { baselines: [] },
      undefined,
      'not a pull request, and no compare-to image',
    ],
    [
      'every attempt, each naming its image',
      { baselines: [{ reference: `${HOST}/acme/app:gone`, engine: 'never', origin: 'base-branch' }], snapshot: async () => undefined },
      `cannot read image "${HOST}/acme/app:gone": its registry: Manifest`,
      '; no default-branch snapshot in the Actions cache',
    ],
    [
      "strata report's --baseline: its own error, word for word",
      { baselines: [{ reference: `${HOST}/acme/app:gone`, engine: 'fallback', origin: 'compare-to' }] },
      `cannot read image "${HOST}/acme/app:gone": its registry: Manifest`,
      'the local Docker engine: No such image: ',
    ],
  ])('no baseline: %s', async (_name, over, errorStart, reasonHas) => {
    const a = await assembleReport(adapters(registry().registry), actionRequest(over));
    expect(a.report.comparison.status).toBe('no-baseline');
    expect(a.report.comparison.reason).toContain(reasonHas);
    if (errorStart) expect(a.baselineError).toMatch(new RegExp(`^${errorStart.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    else expect(a.baselineError).toBeUndefined();
    expect(a.report.comparison.reason).toBe(a.baselineError ?? 'not a pull request, and no compare-to image');
  });
});

describe('assembleReport: the bases', () => {
  // app:2 moved from busybox 1.36 to 1.37: the baseline's bottom layer is its own base's.
  it.each<[string, string, string | undefined]>([
    ['a baseline that names its base is split at it', `${HOST}/acme/app:1`, `${HOST}/library/busybox:1.36`],
    ["one that does not is split at the current image's", `${HOST}/acme/unlabelled:1`, undefined],
  ])('%s', async (_name, baseline, baselineBase) => {
    const a = await assembleReport(adapters(registry().registry), actionRequest({ baselines: [{ reference: baseline, engine: 'never', origin: 'compare-to' }] }));
    const bottom = a.report.comparison.platforms[0]!.changes.find((c) => c.baseline?.index === 0)!;
    const baselineSide = bottom.baselineOrigin ?? bottom.origin;
    if (baselineBase) expect(baselineSide).toMatchObject({ kind: 'base', reference: baselineBase });
    else expect(baselineSide).not.toMatchObject({ kind: 'base', reference: `${HOST}/library/busybox:1.36` });
  });

  it('--base references take the digest the image records; none: the bases its labels name', async () => {
    const { registry: r, busybox136 } = registry();
    const request = (references: string[]): ReportRequest => ({ ...actionRequest({ current: { reference: `${HOST}/acme/app:1`, engine: 'fallback' }, baselines: [] }), bases: { references } });
    const labelled = await assembleReport(adapters(r), request([]));
    expect(labelled.bases.from).toBe(`the ${OCI_BASE_NAME} label`);
    expect(labelled.report.freshness[0]).toMatchObject({ use: { reference: `${HOST}/library/busybox:1.36`, digest: busybox136 } });
    const given = await assembleReport(adapters(r), request([`${HOST}/library/busybox:1.36`]));
    expect(given.bases).toMatchObject({ from: '--base', uses: [{ stage: 'final', digest: busybox136 }] });
  });

  it('bases the build could not resolve are reported as unresolved, after the checked ones', async () => {
    const unresolved = [{ stage: 'build', line: 1, reason: 'ARG VERSION has no value', runtime: false }];
    const a = await assembleReport(adapters(registry().registry), actionRequest({ bases: { uses: RUNTIME_137, unresolved } }));
    expect(a.report.freshness.map((f) => f.verdict)).toEqual([expect.not.stringMatching(/^unresolved$/), 'unresolved']);
  });
});

describe('assembleReport: the bases are asked about as soon as they are known', () => {
  /** Holds the answer to `held` until `awaited` is asked (1 s at most); says whether it had to give up. */
  function holdUntil(r: FakeRegistry, held: string, awaited: string): { gaveUp: () => boolean } {
    let gaveUp = false;
    let arrived!: () => void;
    const seen = new Promise<void>((resolve) => (arrived = resolve));
    r.gate = async (request) => {
      if (request === awaited) arrived();
      if (request !== held) return;
      const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 1000).unref());
      if ((await Promise.race([seen.then(() => 'seen' as const), timer])) === 'late') gaveUp = true;
    };
    return { gaveUp: () => gaveUp };
  }

  it("the build's bases: their tag is asked while the image's manifest is still on its way", async () => {
    const { registry: r } = registry();
    const hold = holdUntil(r, 'GET /v2/acme/app/manifests/2', 'HEAD /v2/library/busybox/manifests/1.37');
    const a = await assembleReport(adapters(r), actionRequest({ current: { reference: `${HOST}/acme/app:2`, engine: 'never' }, baselines: [] }));
    expect(hold.gaveUp()).toBe(false);
    expect(a.report.freshness[0]).toMatchObject({ use: { reference: `${HOST}/library/busybox:1.37` } });
    expect(a.report.freshness[0]!.verdict).not.toBe('unknown');
  });

  it("a base the image's manifest annotations record: asked while its config is on its way, every document once", async () => {
    const { registry: r, busybox136 } = registry();
    const record = { [OCI_BASE_NAME]: `${HOST}/library/busybox:1.36`, [OCI_BASE_DIGEST]: busybox136 };
    r.push(`${HOST}/acme/annotated:1`, { layers: [BUSYBOX_136, APP], labels: record, annotations: record });
    const config = JSON.parse(r.manifests.get('acme/annotated:1')!.body).config.digest as string;
    const hold = holdUntil(r, `GET /v2/acme/annotated/blobs/${config}`, 'HEAD /v2/library/busybox/manifests/1.36');
    const request: ReportRequest = { current: { reference: `${HOST}/acme/annotated:1`, engine: 'fallback' }, baselines: [], noBaselineReason: 'no --baseline given', bases: { references: [] } };
    const a = await assembleReport({ ...adapters(r), client: r.reader({ rememberTags: true }) }, request);
    expect(hold.gaveUp()).toBe(false);
    expect(a.bases.from).toBe(`the ${OCI_BASE_NAME} annotation`);
    expect(a.report.freshness[0]).toMatchObject({ use: { reference: `${HOST}/library/busybox:1.36`, digest: busybox136 } });
    // The manifest read to learn the base early is the image read's own request.
    expect(r.requests.filter((q) => q === 'GET /v2/acme/annotated/manifests/1')).toHaveLength(1);
    expect(new Set(r.requests).size).toBe(r.requests.length);
  });

  it("a base named in the config's labels only: asked after the config, as nothing earlier names it", async () => {
    const { registry: r } = registry();
    const config = JSON.parse(r.manifests.get('acme/app:1')!.body).config.digest as string;
    const request: ReportRequest = { current: { reference: `${HOST}/acme/app:1`, engine: 'fallback' }, baselines: [], noBaselineReason: 'no --baseline given', bases: { references: [] } };
    const a = await assembleReport({ ...adapters(r), client: r.reader({ rememberTags: true }) }, request);
    expect(a.bases.from).toBe(`the ${OCI_BASE_NAME} label`);
    expect(r.requests.indexOf('HEAD /v2/library/busybox/manifests/1.36')).toBeGreaterThan(r.requests.indexOf(`GET /v2/acme/app/blobs/${config}`));
  });
});
