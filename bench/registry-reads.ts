// 4. `strata report` as users run it (`node dist/cli.mjs report IMAGE --baseline BASE --json`, a
// fresh process each run) for two single-platform images built from the same base, like a PR's
// image and its main branch's, next to skopeo reading the same documents. Both go through the
// counting reverse proxy (counting-proxy.ts) in front of the loopback registry, so their HTTP
// requests are counted the same way, per method and path.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceFrom } from '../__tests__/support/docker.ts';
import { distPath } from '../__tests__/support/runner.ts';
import { countByRequest, fetchedOnce, isDocument, shortPath, startCountingProxy, type CountingProxy } from './counting-proxy.ts';
import { distFile, fmtBytes, fmtMs, fmtRatio, loadTracing, median, mustRun, printTable, progress, timed, type Goal } from './lib.ts';

// A run is ~0.1 s a side: enough of them that one stall of this shared machine does not move the median.
const RUNS = 15;
const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const GOAL = 1.0;

/**
 * Builds and pushes one app image on `base`, recording its base as Strata's pushes do: OCI
 * base.name/base.digest labels, and the same as manifest annotations (what crane rebase reads);
 * `labelsOnly`: the labels alone, as images pushed by other tools often carry them.
 */
async function pushApp(ref: string, base: { build: string; label: string; digest: string }, opts: { change?: string; labelsOnly?: boolean } = {}): Promise<void> {
  const workspace = workspaceFrom('examples/dockerfile-app');
  if (opts.change) writeFileSync(join(workspace, 'app.sh'), opts.change);
  const record = [`org.opencontainers.image.base.name=${base.label}`, `org.opencontainers.image.base.digest=${base.digest}`];
  await mustRun('docker', [
    'buildx', 'build', '--provenance=false', '--push', '-t', ref,
    '--build-arg', `BASE=${base.build}`,
    ...record.flatMap((r) => ['--label', r]),
    ...(opts.labelsOnly ? [] : record.flatMap((r) => ['--annotation', r])),
    workspace,
  ]);
}

/**
 * Where one more (traced) run's time goes: the process's start, the dist files it loads, its
 * registry requests as the proxy saw them, and its exit, in time order from the spawn.
 */
async function cliTimeline(args: readonly string[], proxy: CountingProxy): Promise<string[][]> {
  const tracing = loadTracing();
  const from = proxy.requests.length;
  const t0 = Date.now();
  const run = await mustRun(process.execPath, args, { env: { ...process.env, ...tracing.env } });
  const trace = tracing.read();
  const requests = proxy.requests.slice(from);
  const at = (epoch: number) => `+${fmtMs(epoch - t0)}`;
  const events: Array<{ at: number; row: string[] }> = [
    { at: trace.start, row: [`  at ${at(trace.start)}: node process starts`, '', '', ''] },
    { at: trace.exit, row: [`  at ${at(trace.exit)}: process exits`, '', '', `then ${fmtMs(run.ms - (trace.exit - t0))} until the bench sees it end`] },
  ];
  for (const l of trace.loads) {
    const file = distFile(l.url);
    if (file) events.push({ at: l.at, row: [`  at ${at(l.at)}: loads ${file.path}`, fmtBytes(file.size), '', ''] });
  }
  for (const r of requests) events.push({ at: r.at, row: [`  at ${at(r.at)}: ${shortPath(`${r.method} ${r.path}`)}`, fmtMs(r.end - r.at), '', String(r.status)] });
  const first = Math.min(...requests.map((r) => r.at));
  const last = Math.max(...requests.map((r) => r.end));
  return [
    [`timeline of one more run (${fmtMs(run.ms)}): ${requests.length} requests, from ${at(first)} to ${at(last)}`, '', '', `${fmtMs(first - t0)} before the first request, ${fmtMs(run.ms - (last - t0))} after the last`],
    ...events.sort((x, y) => x.at - y.at).map((e) => e.row),
  ];
}

export async function benchRegistryReads(ctx: { registryHost: string; base: string }): Promise<Goal[]> {
  const proxy = await startCountingProxy(ctx.registryHost);
  try {
    const via = (ref: string) => ref.replace(ctx.registryHost, proxy.host);
    progress('4. strata report: pushing a main-branch and a PR image on the same base');
    const digestOf = async (ref: string) => (await mustRun('skopeo', ['inspect', '--tls-verify=false', '--format', '{{.Digest}}', `docker://${ref}`])).stdout.trim();
    // Two bases that state when they were built (org.opencontainers.image.created, here the plain
    // base's config date), so a report dates them without reading their configs:
    // - the goal's: a single-platform base as build-push-action pushes one with metadata-action's
    //   annotations and provenance off, an OCI manifest carrying the annotation;
    // - a row's: as Docker Official Images are published, the tag an OCI index over two platforms
    //   whose descriptors and manifests carry it (the report finds the platform's manifest, for
    //   the base's layers, once the image's config has said which platform: a round trip more).
    const created = (JSON.parse((await mustRun('skopeo', ['inspect', '--tls-verify=false', '--config', `docker://${ctx.base}`])).stdout) as { created: string }).created;
    const annotated = async (ref: string, platform?: string) => {
      await mustRun('skopeo', ['copy', '-q', '--src-tls-verify=false', '--dest-tls-verify=false', '--format', 'oci', `docker://${ctx.base}`, `docker://${ref}`]);
      await mustRun('crane', ['mutate', '--annotation', `org.opencontainers.image.created=${created}`, ...(platform ? ['--set-platform', platform] : []), '-t', ref, ref]);
      return Buffer.from((await mustRun('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${ref}`])).stdout);
    };
    const singleBase = `${ctx.registryHost}/acme/base:1.36`;
    const single = await annotated(singleBase);
    const officialBase = `${ctx.registryHost}/official/busybox:1.36`;
    const platforms = [
      { platform: { os: 'linux', architecture: 'amd64' }, manifest: await annotated(`${ctx.registryHost}/official/busybox:build-amd64`) },
      { platform: { os: 'linux', architecture: 'arm64' }, manifest: await annotated(`${ctx.registryHost}/official/busybox:build-arm64`, 'linux/arm64') },
    ];
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: platforms.map((p) => ({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha256(p.manifest), size: p.manifest.length, platform: p.platform, annotations: { 'org.opencontainers.image.created': created } })),
      }),
    );
    const put = await fetch(`http://${ctx.registryHost}/v2/official/busybox/manifests/1.36`, { method: 'PUT', headers: { 'Content-Type': 'application/vnd.oci.image.index.v1+json' }, body: index });
    if (put.status !== 201) throw new Error(`PUT of the base's index answered ${put.status}: ${await put.text()}`);
    // The base label names the base through the proxy, so the report's base reads are counted too.
    const base = { build: singleBase, label: via(singleBase), digest: sha256(single) };
    const official = { build: officialBase, label: via(officialBase), digest: sha256(index) };
    const mainRef = `${ctx.registryHost}/bench/report-app:main`;
    const prRef = `${ctx.registryHost}/bench/report-app:pr-7`;
    const prChange = '#!/bin/sh\necho "hello from the pull request"\n';
    await pushApp(mainRef, base);
    await pushApp(prRef, base, { change: prChange });
    const mainOfficialRef = `${ctx.registryHost}/bench/report-app-official:main`;
    const prOfficialRef = `${ctx.registryHost}/bench/report-app-official:pr-7`;
    await pushApp(mainOfficialRef, official);
    await pushApp(prOfficialRef, official, { change: prChange });
    // The slow path: two images with their base in the config's labels only (the base is known
    // one round trip later, after the config), on the plain base, which states no date (its
    // config is read too).
    const plainBase = { build: ctx.base, label: via(ctx.base), digest: await digestOf(ctx.base) };
    const mainLabelsRef = `${ctx.registryHost}/bench/report-app-labels:main`;
    const prLabelsRef = `${ctx.registryHost}/bench/report-app-labels:pr-7`;
    await pushApp(mainLabelsRef, plainBase, { labelsOnly: true });
    await pushApp(prLabelsRef, plainBase, { change: prChange, labelsOnly: true });

    const image = via(prRef);
    const baseline = via(mainRef);
    const cli = distPath('cli.mjs');
    const strata = async (images: [string, string] = [image, baseline]) => {
      const from = proxy.requests.length;
      const r = await mustRun(process.execPath, [cli, 'report', images[0], '--baseline', images[1], '--json']);
      return { report: JSON.parse(r.stdout) as { comparison?: { platforms?: unknown[] }; freshness?: unknown[] }, requests: proxy.requests.slice(from) };
    };

    // Mirror what the CLI reads: each image's manifest and config (`--config` reads the manifest,
    // then the config); the base at the digest its label records (`--raw`: its layers, and the date
    // its annotations state); and the base's tag now: a plain `inspect` reads the tag's manifest
    // and the tag list (newer tags of the same flavour), where the CLI sends a HEAD for the tag's
    // digest. It reads the base's config as well, which the CLI needs only for a base that states
    // no date (the labels-only row): skopeo has no call for a tag's digest and tags without it
    // (the table shows the extra document).
    const skopeoCallsFor = (images: readonly [string, string], on: { label: string; digest: string }) => [
      ['--config', `docker://${images[0]}`],
      ['--config', `docker://${images[1]}`],
      ['--raw', `docker://${on.label.replace(/:[^:/]+$/, '')}@${on.digest}`],
      [`docker://${on.label}`],
    ];
    const skopeoCalls = skopeoCallsFor([image, baseline], base);
    const officialImages: [string, string] = [via(prOfficialRef), via(mainOfficialRef)];
    const officialSkopeoCalls = skopeoCallsFor(officialImages, official);
    const skopeoInspect = (args: string[]) => mustRun('skopeo', ['inspect', '--tls-verify=false', ...args]);
    const viaSkopeo = async () => {
      const from = { requests: proxy.requests.length, nonHttp: proxy.nonHttp };
      await Promise.all(skopeoCalls.map(skopeoInspect));
      return { requests: proxy.requests.slice(from.requests), nonHttp: proxy.nonHttp - from.nonHttp };
    };
    // The goal's reference: the calls in the order the documents depend on each other, as a script
    // doing the report's reads with skopeo would have to make them. The base is known only from the
    // image (its config's labels, or its manifest's annotations, where a script would need
    // `inspect --raw` as well): the two image calls first (at once), then the two base calls (at
    // once). The CLI has the same dependency, one round trip shorter when the manifest names the
    // base. All four at once (above) is shown too: it needs the base known in advance.
    const viaSkopeoInOrder = async (calls = skopeoCalls) => {
      await Promise.all(calls.slice(0, 2).map(skopeoInspect));
      await Promise.all(calls.slice(2).map(skopeoInspect));
    };

    progress(`4. strata report: ${RUNS} runs each, interleaved, after a warm-up`);
    let s = await strata();
    let k = await viaSkopeo();
    await viaSkopeoInOrder();
    const labelsOnly: [string, string] = [via(prLabelsRef), via(mainLabelsRef)];
    let l = await strata(labelsOnly);
    let o = await strata(officialImages);
    await viaSkopeoInOrder(officialSkopeoCalls);
    // What Node itself needs for these reads, with none of Strata: where the floor is.
    const floorScript = join(import.meta.dirname, 'node-floor.mjs');
    const nodeFloor = () => mustRun(process.execPath, [floorScript, ...labelsOnly]);
    await nodeFloor();
    const floorMs: number[] = [];
    const strataMs: number[] = [];
    const strataLabelsMs: number[] = [];
    const strataOfficialMs: number[] = [];
    const skopeoOfficialMs: number[] = [];
    const skopeoMs: number[] = [];
    const skopeoAllMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = await timed(() => strata());
      strataMs.push(a.ms);
      s = a.value;
      const c = await timed(() => strata(labelsOnly));
      strataLabelsMs.push(c.ms);
      l = c.value;
      const d = await timed(() => strata(officialImages));
      strataOfficialMs.push(d.ms);
      o = d.value;
      skopeoOfficialMs.push((await timed(() => viaSkopeoInOrder(officialSkopeoCalls))).ms);
      floorMs.push((await timed(nodeFloor)).ms);
      skopeoMs.push((await timed(viaSkopeoInOrder)).ms);
      const b = await timed(viaSkopeo);
      skopeoAllMs.push(b.ms);
      k = b.value;
    }

    progress('4. strata report: timeline of one more run');
    const timeline = await cliTimeline([cli, 'report', image, '--baseline', baseline, '--json'], proxy);

    const a = median(strataMs);
    const b = median(skopeoMs);
    const once = fetchedOnce(s.requests);
    const strataDocs = new Set(s.requests.filter(isDocument).map((r) => `${r.method} ${r.path}`));
    const skopeoDocs = new Set(k.requests.filter(isDocument).map((r) => r.path));
    const notBySkopeo = [...strataDocs].filter((d) => !skopeoDocs.has(d.slice(d.indexOf(' ') + 1)));
    const met = a / b <= GOAL;
    const goal: Goal = {
      what: '`strata report` (2 images) vs skopeo inspect, same documents',
      value: `${fmtMs(a)} vs ${fmtMs(b)} = ${fmtRatio(a, b)}; each document fetched once: ${once}`,
      goal: `<= ${GOAL.toFixed(1)}x and each document once`,
      met: met && once === 'yes',
    };
    printTable(
      '4. `strata report IMAGE --baseline BASE --json` (fresh process) vs skopeo inspect of the same documents',
      ['name', 'value', 'reference', 'ratio / goal'],
      [
        ['wall time (strata report vs skopeo calls: image calls, then base calls)', fmtMs(a), fmtMs(b), `${fmtRatio(a, b)} (goal <= ${GOAL.toFixed(2)}x) ${met ? 'MET' : 'MISSED'}`],
        ['  skopeo with all four calls at once (the base known in advance)', '', fmtMs(median(skopeoAllMs)), fmtRatio(a, median(skopeoAllMs))],
        [`  strata report, images on a base published as Docker Official Images are (an index over two platforms; ${o.requests.length} requests, each document once: ${fetchedOnce(o.requests)}) vs skopeo's same calls for them`, fmtMs(median(strataOfficialMs)), fmtMs(median(skopeoOfficialMs)), fmtRatio(median(strataOfficialMs), median(skopeoOfficialMs))],
        [`  strata report, images whose base is in their labels only, on a base that states no date (${l.requests.length} requests, each document once: ${fetchedOnce(l.requests)})`, fmtMs(median(strataLabelsMs)), fmtMs(b), fmtRatio(median(strataLabelsMs), b)],
        ["  Node's floor: those 8 requests in that order over node:http, hashed and parsed, nothing else (bench/node-floor.mjs)", fmtMs(median(floorMs)), fmtMs(b), fmtRatio(median(floorMs), b)],
        ['HTTP requests (counted at the proxy)', String(s.requests.length), String(k.requests.length), fmtRatio(s.requests.length, k.requests.length)],
        ['  of which documents (manifests, blobs)', String(s.requests.filter(isDocument).length), String(k.requests.filter(isDocument).length), `distinct: ${strataDocs.size} vs ${new Set(k.requests.filter(isDocument).map((r) => `${r.method} ${r.path}`)).size}`],
        ['  connections that were not HTTP (TLS probes)', '0', String(k.nonHttp), ''],
        ['processes started', '1 (node)', String(skopeoCalls.length), `skopeo inspect ${skopeoCalls.map((c) => (c.length > 1 ? c[0] : '(plain)')).join(', ')}`],
        ['each document fetched once (same method+path)', once === 'yes' ? 'yes' : 'no', fetchedOnce(k.requests) === 'yes' ? 'yes' : 'no', once === 'yes' ? '' : once.slice(4)],
        ['documents Strata read that skopeo did not', String(notBySkopeo.length), '', notBySkopeo.map(shortPath).join(', ')],
        ['report read (platforms compared, bases checked)', `${s.report.comparison?.platforms?.length ?? 0}, ${s.report.freshness?.length ?? 0}`, '', ''],
        ...timeline,
      ],
      [
        `images: ${prRef} and ${mainRef}, examples/dockerfile-app built twice on ${singleBase} (the PR one with a changed app.sh), single-platform (--provenance=false), recording base.name/base.digest as Strata's pushes do (config labels and manifest annotations); the base (${singleBase}) is ${ctx.base} as build-push-action pushes a single-platform image with metadata-action's annotations (an OCI manifest carrying org.opencontainers.image.created), so Strata dates it without its config where skopeo's plain inspect reads the config; the Docker Official Images row reads the same builds on ${officialBase}, an index over linux/amd64 and linux/arm64 whose descriptors and manifests carry the date (${prOfficialRef}, ${mainOfficialRef}); the labels-only row reads the same builds pushed with the labels alone on ${ctx.base} itself, which states no date (${prLabelsRef}, ${mainLabelsRef}); read through the counting proxy ${proxy.host}`,
        `skopeo: ${skopeoCalls.length} calls: \`inspect --config\` of the image and of the baseline at once (manifest, then config: layer sizes, history, and the labels that name the base), then at once \`inspect --raw\` of the base at its labelled digest (layers, stated date) and a plain \`inspect\` of the base's tag (manifest: its digest; tag list: newer tags; and the config, which the CLI does not need here): the documents the CLI requests (a GET where the CLI sends a HEAD for the tag), in the order they depend on each other`,
        `median of ${RUNS}, interleaved, after a warm-up; a fresh process each run on both sides (no token or connection reuse)`,
        `Strata's requests in one run: ${[...countByRequest(s.requests)].map(([r, n]) => `${shortPath(r)}${n > 1 ? ` x${n}` : ''}`).join('; ')}`,
        `ratio per interleaved round (strata / skopeo in order): ${strataMs.map((x, i) => (x / skopeoMs[i]!).toFixed(2)).join(', ')}; median ${median(strataMs.map((x, i) => x / skopeoMs[i]!)).toFixed(2)}`,
        `runs (strata):  ${strataMs.map(fmtMs).join(', ')}`,
        `runs (strata, labels only):  ${strataLabelsMs.map(fmtMs).join(', ')}`,
        `runs (strata, Docker Official Images' shape):  ${strataOfficialMs.map(fmtMs).join(', ')}; skopeo in order for them: ${skopeoOfficialMs.map(fmtMs).join(', ')}`,
        `runs (Node's floor):  ${floorMs.map(fmtMs).join(', ')}`,
        `runs (skopeo, image calls then base calls): ${skopeoMs.map(fmtMs).join(', ')}`,
        `runs (skopeo, all at once): ${skopeoAllMs.map(fmtMs).join(', ')}`,
      ],
    );
    return [goal];
  } finally {
    await proxy.stop();
  }
}
