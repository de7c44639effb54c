// 4. Report inputs: reading two images' summaries (every manifest and config, no layers) with
// Strata's registry client, next to skopeo reading the same documents. Both go through a small
// counting reverse proxy in front of the loopback registry, so their HTTP requests are counted the
// same way (a forward proxy would not see skopeo: Go never proxies loopback addresses).
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { pushBaseImage, workspaceFrom } from '../__tests__/support/docker.ts';
import { REPO_ROOT } from '../__tests__/support/runner.ts';
import type { RegistryClient as RegistryClientType, RegistryClientOptions } from '../src/registry/client.ts';
import type { readImageSummary as readImageSummaryType } from '../src/image/remote.ts';
import type { ImageSummary } from '../src/image/types.ts';
import { fmtMs, fmtRatio, median, mustRun, printTable, progress, timed } from './lib.ts';

const RUNS = 5;

interface ClientModule {
  RegistryClient: new (options: RegistryClientOptions) => RegistryClientType;
  readImageSummary: typeof readImageSummaryType;
}

/**
 * src/ is written for the bundler (`.js` specifiers, parameter properties), so plain Node cannot
 * import it as is: bundle just these two modules with the project's esbuild, as dist/ is made.
 */
async function loadClient(): Promise<ClientModule> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'strata-bench-client-')), 'client.mjs');
  await build({
    stdin: {
      contents: "export { RegistryClient } from './src/registry/client.ts';\nexport { readImageSummary } from './src/image/remote.ts';\n",
      resolveDir: REPO_ROOT,
      sourcefile: 'bench-client-entry.ts',
      loader: 'ts',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    logLevel: 'warning',
  });
  return (await import(pathToFileURL(outfile).href)) as ClientModule;
}

interface CountingProxy {
  host: string;
  /** HTTP requests forwarded. */
  requests: number;
  /** Connections that never spoke HTTP (skopeo's HTTPS attempt before it falls back to HTTP). */
  nonHttp: number;
  stop(): Promise<void>;
}

async function startCountingProxy(targetHost: string): Promise<CountingProxy> {
  const [hostname, port] = targetHost.split(':');
  const sockets = new Set<Socket>();
  const proxy: CountingProxy = { host: '', requests: 0, nonHttp: 0, stop: async () => undefined };
  const server: Server = createServer((req, res) => {
    proxy.requests++;
    const upstream = httpRequest({ hostname, port: Number(port), method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', (e) => res.destroy(e));
    req.pipe(upstream);
  });
  server.on('clientError', (_err, socket) => {
    proxy.nonHttp++;
    socket.destroy();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return proxy;
}

interface SkopeoRead {
  invocations: number;
  /** Config digests of every platform manifest, for the cross-check. */
  configDigests: string[];
}

async function skopeo(...args: string[]): Promise<Record<string, unknown>> {
  const r = await mustRun('skopeo', ['inspect', '--tls-verify=false', ...args]);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/**
 * The same documents with skopeo, with the client's concurrency: the root manifest first, then
 * every platform manifest (`--raw`) and config (`--config`) at once. One process per document.
 */
async function skopeoSummary(ref: string): Promise<SkopeoRead> {
  const repo = ref.slice(0, ref.lastIndexOf(':'));
  const root = await skopeo('--raw', `docker://${ref}`);
  const children = Array.isArray(root.manifests) ? (root.manifests as Array<{ digest: string }>).map((m) => `${repo}@${m.digest}`) : [];
  if (children.length === 0) {
    await skopeo('--config', `docker://${ref}`);
    return { invocations: 2, configDigests: [(root.config as { digest: string }).digest] };
  }
  const read = await Promise.all(
    children.map(async (child) => {
      const [manifest] = await Promise.all([skopeo('--raw', `docker://${child}`), skopeo('--config', `docker://${child}`)]);
      return (manifest.config as { digest: string }).digest;
    }),
  );
  return { invocations: 1 + 2 * children.length, configDigests: read };
}

export async function benchRegistryReads(ctx: { registryHost: string; base: string }): Promise<void> {
  progress('4. report inputs: pushing a multi-platform base and a single-platform app image');
  const multi = `${ctx.registryHost}/library/busybox:multi`;
  await pushBaseImage(multi, { platforms: 'linux/amd64,linux/arm64' });
  const app = `${ctx.registryHost}/bench/report-app:1`;
  await mustRun('docker', ['buildx', 'build', '--provenance=false', '--push', '-t', app, '--build-arg', `BASE=${ctx.base}`, workspaceFrom('examples/dockerfile-app')]);

  const { RegistryClient, readImageSummary } = await loadClient();
  const proxy = await startCountingProxy(ctx.registryHost);
  try {
    const refs = [multi, app].map((r) => r.replace(ctx.registryHost, proxy.host));
    const strata = async () => {
      const client = new RegistryClient({ fetch: globalThis.fetch });
      const before = proxy.requests;
      const summaries: ImageSummary[] = await Promise.all(refs.map((r) => readImageSummary(client, r)));
      return { summaries, requestCount: client.requestCount, seen: proxy.requests - before };
    };
    const viaSkopeo = async () => {
      const before = { requests: proxy.requests, nonHttp: proxy.nonHttp };
      const reads = await Promise.all(refs.map(skopeoSummary));
      return { reads, requests: proxy.requests - before.requests, nonHttp: proxy.nonHttp - before.nonHttp };
    };

    progress(`4. report inputs: ${RUNS} runs each, interleaved`);
    await strata();
    await viaSkopeo();
    const strataMs: number[] = [];
    const skopeoMs: number[] = [];
    let s = await strata();
    let k = await viaSkopeo();
    for (let i = 0; i < RUNS; i++) {
      const a = await timed(strata);
      strataMs.push(a.ms);
      s = a.value;
      const b = await timed(viaSkopeo);
      skopeoMs.push(b.ms);
      k = b.value;
    }

    const ours = s.summaries.flatMap((x) => x.platforms.map((p) => p.configDigest)).sort();
    const theirs = k.reads.flatMap((r) => r.configDigests).sort();
    const same = JSON.stringify(ours) === JSON.stringify(theirs);
    const docs = s.summaries.reduce((n, x) => n + x.platforms.length * 2 + (x.platforms.length > 1 ? 1 : 0), 0);
    const invocations = k.reads.reduce((n, r) => n + r.invocations, 0);
    const a = median(strataMs);
    const b = median(skopeoMs);
    printTable(
      '4. Report inputs: two image summaries (manifests + configs) — RegistryClient + readImageSummary vs skopeo',
      ['name', 'value', 'reference', 'ratio / goal'],
      [
        ['wall time (Strata client vs skopeo)', fmtMs(a), fmtMs(b), fmtRatio(a, b)],
        ['HTTP requests (counted at the proxy)', String(s.seen), String(k.requests), fmtRatio(s.seen, k.requests)],
        ['  client.requestCount (Strata\'s own count)', String(s.requestCount), '', s.requestCount === s.seen ? 'agrees with the proxy' : 'DIFFERS from the proxy'],
        ['  connections that were not HTTP (TLS probes)', '0', String(k.nonHttp), ''],
        ['processes started', '0 (in-process)', String(invocations), `skopeo: ${invocations} inspect invocations`],
        ['documents read (manifests + configs)', String(docs), String(docs), same ? 'same config digests' : 'DIFFERENT config digests'],
      ],
      [
        `images: ${multi} (index, linux/amd64 + linux/arm64) and ${app} (single manifest); median of ${RUNS}, interleaved, after a warm-up; a fresh client (no token/scheme cache) each run`,
        'skopeo: `inspect --raw` for every manifest and `inspect --config` for every platform config, root first and the rest concurrently, like the client',
        `runs (Strata): ${strataMs.map(fmtMs).join(', ')}`,
        `runs (skopeo): ${skopeoMs.map(fmtMs).join(', ')}`,
      ],
    );
  } finally {
    await proxy.stop();
  }
}
