// 4. `strata report` as users run it (`node dist/cli.mjs report IMAGE --baseline BASE --json`, a
// fresh process each run) for two single-platform images built from the same base, like a PR's
// image and its main branch's, next to skopeo reading the same documents. Both go through the
// counting reverse proxy (counting-proxy.ts) in front of the loopback registry, so their HTTP
// requests are counted the same way, per method and path.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceFrom } from '../__tests__/support/docker.ts';
import { distPath } from '../__tests__/support/runner.ts';
import { countByRequest, fetchedOnce, isDocument, shortPath, startCountingProxy, type CountingProxy } from './counting-proxy.ts';
import { distFile, fmtBytes, fmtMs, fmtRatio, loadTracing, median, mustRun, printTable, progress, timed, type Goal } from './lib.ts';

// A run is ~0.1 s a side: enough of them that one stall of this shared machine does not move the median.
const RUNS = 15;
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
    // The base as Docker Official Images are published: an OCI manifest whose annotations say when
    // it was built (org.opencontainers.image.created, here its config's date), so a report dates it
    // without reading its config.
    const officialBase = `${ctx.registryHost}/official/busybox:1.36`;
    const created = (JSON.parse((await mustRun('skopeo', ['inspect', '--tls-verify=false', '--config', `docker://${ctx.base}`])).stdout) as { created: string }).created;
    await mustRun('skopeo', ['copy', '-q', '--src-tls-verify=false', '--dest-tls-verify=false', '--format', 'oci', `docker://${ctx.base}`, `docker://${officialBase}`]);
    await mustRun('crane', ['mutate', '--annotation', `org.opencontainers.image.created=${created}`, '-t', officialBase, officialBase]);
    // The base label names the base through the proxy, so the report's base reads are counted too.
    const base = { build: officialBase, label: via(officialBase), digest: await digestOf(officialBase) };
    const mainRef = `${ctx.registryHost}/bench/report-app:main`;
    const prRef = `${ctx.registryHost}/bench/report-app:pr-7`;
    const prChange = '#!/bin/sh\necho "hello from the pull request"\n';
    await pushApp(mainRef, base);
    await pushApp(prRef, base, { change: prChange });
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
    const skopeoCalls = [
      ['--config', `docker://${image}`],
      ['--config', `docker://${baseline}`],
      ['--raw', `docker://${via(officialBase).replace(/:[^:/]+$/, '')}@${base.digest}`],
      [`docker://${via(officialBase)}`],
    ];
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
    const viaSkopeoInOrder = async () => {
      await Promise.all(skopeoCalls.slice(0, 2).map(skopeoInspect));
      await Promise.all(skopeoCalls.slice(2).map(skopeoInspect));
    };

    progress(`4. strata report: ${RUNS} runs each, interleaved, after a warm-up`);
    let s = await strata();
    let k = await viaSkopeo();
    await viaSkopeoInOrder();
    const labelsOnly: [string, string] = [via(prLabelsRef), via(mainLabelsRef)];
    let l = await strata(labelsOnly);
    // What Node itself needs for these reads, with none of Strata: where the floor is.
    const floorScript = join(import.meta.dirname, 'node-floor.mjs');
    const nodeFloor = () => mustRun(process.execPath, [floorScript, ...labelsOnly]);
    await nodeFloor();
    const floorMs: number[] = [];
    const strataMs: number[] = [];
    const strataLabelsMs: number[] = [];
    const skopeoMs: number[] = [];
    const skopeoAllMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = await timed(() => strata());
      strataMs.push(a.ms);
      s = a.value;
      const c = await timed(() => strata(labelsOnly));
      strataLabelsMs.push(c.ms);
      l = c.value;
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
        `images: ${prRef} and ${mainRef}, examples/dockerfile-app built twice on ${officialBase} (the PR one with a changed app.sh), single-platform (--provenance=false), recording base.name/base.digest as Strata's pushes do (config labels and manifest annotations); the base is ${ctx.base} as Docker Official Images publish theirs (an OCI manifest annotated with org.opencontainers.image.created), so Strata dates it without its config where skopeo's plain inspect reads the config; the labels-only row reads the same builds pushed with the labels alone on ${ctx.base} itself, which states no date (${prLabelsRef}, ${mainLabelsRef}); read through the counting proxy ${proxy.host}`,
        `skopeo: ${skopeoCalls.length} calls: \`inspect --config\` of the image and of the baseline at once (manifest, then config: layer sizes, history, and the labels that name the base), then at once \`inspect --raw\` of the base at its labelled digest (layers, stated date) and a plain \`inspect\` of the base's tag (manifest: its digest; tag list: newer tags; and the config, which the CLI does not need here): the documents the CLI requests (a GET where the CLI sends a HEAD for the tag), in the order they depend on each other`,
        `median of ${RUNS}, interleaved, after a warm-up; a fresh process each run on both sides (no token or connection reuse)`,
        `Strata's requests in one run: ${[...countByRequest(s.requests)].map(([r, n]) => `${shortPath(r)}${n > 1 ? ` x${n}` : ''}`).join('; ')}`,
        `ratio per interleaved round (strata / skopeo in order): ${strataMs.map((x, i) => (x / skopeoMs[i]!).toFixed(2)).join(', ')}; median ${median(strataMs.map((x, i) => x / skopeoMs[i]!)).toFixed(2)}`,
        `runs (strata):  ${strataMs.map(fmtMs).join(', ')}`,
        `runs (strata, labels only):  ${strataLabelsMs.map(fmtMs).join(', ')}`,
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
