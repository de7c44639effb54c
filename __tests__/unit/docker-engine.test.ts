// The Engine API adapter's pure parts (endpoint, version, parsers) on answers captured from this
// machine's engine (fixtures/engine-api/README.md), and its transport against sockets that fail
// the ways engines do: absent, accepting and never answering, answering garbage.
import { readFileSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exec } from '../../src/adapters.js';
import { usesContainerdStore } from '../../src/build/buildx.js';
import { driverStatusOf, engineHistoryOf, engineInspectOf, parseEngineHistory, parseEngineInspect, summarizeEngineImage } from '../../src/image/engine.js';
import { ENGINE_API_MS } from '../../src/io/command-bounds.js';
import { apiVersionFor, createApiEngine, createDockerEngine, currentContextOf, engineEndpoint } from '../../src/io/docker-engine.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/engine-api/${name}`, import.meta.url), 'utf8');
const CONFIG_DIR = '/home/runner/.docker';

describe('engineEndpoint: the endpoint the docker CLI would use', () => {
  it.each<[string, Record<string, string>, string | undefined, unknown]>([
    ['nothing set: the default socket', {}, undefined, { kind: 'unix', socketPath: '/var/run/docker.sock', address: 'unix:///var/run/docker.sock' }],
    ['a unix socket (rootless docker)', { DOCKER_HOST: 'unix:///run/user/1001/docker.sock' }, undefined, { kind: 'unix', socketPath: '/run/user/1001/docker.sock', address: 'unix:///run/user/1001/docker.sock' }],
    ['tcp, plain', { DOCKER_HOST: 'tcp://127.0.0.1:2375' }, undefined, { kind: 'tcp', host: '127.0.0.1', port: 2375, address: 'tcp://127.0.0.1:2375' }],
    ['tcp without a port: 2375', { DOCKER_HOST: 'tcp://docker' }, undefined, { kind: 'tcp', host: 'docker', port: 2375, address: 'tcp://docker:2375' }],
    [
      'tcp with TLS verification (docker-machine, dind with certs): 2376, certs from DOCKER_CERT_PATH',
      { DOCKER_HOST: 'tcp://docker', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs/client' },
      undefined,
      { kind: 'tcp', host: 'docker', port: 2376, tls: { certDir: '/certs/client' }, address: 'tcp://docker:2376' },
    ],
    ['TLS certs default to the docker config dir', { DOCKER_HOST: 'tcp://[::1]:2376', DOCKER_TLS_VERIFY: '1' }, undefined, { kind: 'tcp', host: '::1', port: 2376, tls: { certDir: CONFIG_DIR }, address: 'tcp://[::1]:2376' }],
    ['DOCKER_HOST wins over a context (as in the CLI)', { DOCKER_HOST: 'unix:///tmp/d.sock', DOCKER_CONTEXT: 'remote' }, 'other', { kind: 'unix', socketPath: '/tmp/d.sock', address: 'unix:///tmp/d.sock' }],
    ['ssh: the CLI', { DOCKER_HOST: 'ssh://builder@10.0.0.5' }, undefined, { kind: 'cli', reason: 'DOCKER_HOST="ssh://builder@10.0.0.5"' }],
    ['npipe: the CLI', { DOCKER_HOST: 'npipe:////./pipe/docker_engine' }, undefined, { kind: 'cli', reason: 'DOCKER_HOST="npipe:////./pipe/docker_engine"' }],
    ['TLS without verification: the CLI', { DOCKER_HOST: 'tcp://docker:2376', DOCKER_TLS: '1' }, undefined, { kind: 'cli', reason: 'DOCKER_HOST="tcp://docker:2376"' }],
    ['a path prefix: the CLI', { DOCKER_HOST: 'tcp://docker:2375/engine' }, undefined, { kind: 'cli', reason: 'DOCKER_HOST="tcp://docker:2375/engine"' }],
    ['not a URL: the CLI (it says what is wrong)', { DOCKER_HOST: 'docker:2375' }, undefined, { kind: 'cli', reason: 'DOCKER_HOST="docker:2375"' }],
    ['DOCKER_CONTEXT: the CLI', { DOCKER_CONTEXT: 'colima' }, undefined, { kind: 'cli', reason: 'docker context "colima"' }],
    ['`docker context use`: the CLI', {}, 'desktop-linux', { kind: 'cli', reason: 'docker context "desktop-linux"' }],
    ['DOCKER_CONTEXT=default overrides config.json', { DOCKER_CONTEXT: 'default' }, 'desktop-linux', { kind: 'unix', socketPath: '/var/run/docker.sock', address: 'unix:///var/run/docker.sock' }],
  ])('%s', (_name, env, context, expected) => {
    expect(engineEndpoint(env, context, CONFIG_DIR)).toEqual(expected);
  });

  it('never shows a password a DOCKER_HOST carries', () => {
    expect(engineEndpoint({ DOCKER_HOST: 'ssh://me:hunter2@host' }, undefined, CONFIG_DIR)).toEqual({ kind: 'cli', reason: 'DOCKER_HOST="ssh://me:***@host"' });
  });

  it.each([
    [undefined, undefined],
    ['{"auths":{}}', undefined],
    ['{"currentContext":"colima"}', 'colima'],
    ['{"currentContext":""}', undefined],
    ['{not json', 'unreadable config.json'],
  ])('currentContextOf(%s)', (content, expected) => {
    expect(currentContextOf(content)).toBe(expected);
  });
});

describe('apiVersionFor', () => {
  it.each([
    ['1.51', '1.51'],
    ['1.41', '1.41'], // Docker 20.10
    ['1.52', '1.51'], // newer engines serve older versions
    ['2.0', '1.51'],
    [undefined, undefined],
    ['garbage', undefined],
  ])('engine %s -> %s', (engine, expected) => {
    expect(apiVersionFor(engine)).toBe(expected);
  });
});

describe('Engine API answers (Docker 28.5, captured)', () => {
  const inspect = engineInspectOf(JSON.parse(fixture('image-inspect.json')), 'strata-engine-fixture:1');
  const history = engineHistoryOf(JSON.parse(fixture('image-history.json')), 'strata-engine-fixture:1');

  it('reads the image and its history, oldest first, dates as RFC 3339', () => {
    expect(inspect.Id).toBe('sha256:91d5d3e34010a0321699a2b7b699501527764cd4b1321036bd90b06d9a6c64e9');
    expect(inspect.RepoDigests).toEqual(['strata-engine-fixture@sha256:91d5d3e34010a0321699a2b7b699501527764cd4b1321036bd90b06d9a6c64e9']);
    expect(history.map((h) => h.createdBy)).toEqual([
      'ARG TARGETARCH=amd64',
      'COPY rootfs/ / # buildkit',
      'ENV PATH=/bin',
      'CMD ["/bin/sh"]',
      'WORKDIR /app',
      'ENV A=1',
      'RUN |1 TARGETARCH=amd64 /bin/sh -c echo hi >/hi # buildkit',
      'RUN |1 TARGETARCH=amd64 /bin/sh -c true # buildkit',
      'LABEL x=y',
    ]);
    expect(history.at(-1)).toEqual({ createdBy: 'LABEL x=y', size: 0, createdAt: '2026-12-02T03:26:39Z', comment: 'buildkit.dockerfile.v0' });
  });

  it('gives the summary the docker CLI path gives for the same image', () => {
    const api = summarizeEngineImage('strata-engine-fixture:1', inspect, history);
    const cli = summarizeEngineImage(
      'strata-engine-fixture:1',
      parseEngineInspect(fixture('cli-image-inspect.json'), 'strata-engine-fixture:1'),
      parseEngineHistory(fixture('cli-history.jsonl'), 'strata-engine-fixture:1'),
    );
    expect(api).toEqual(cli);
    const [p] = api.platforms;
    expect(p!.layers.map((l) => l.size)).toEqual([history[1]!.size, 8192, 20480, 4096]);
    expect(p!.labels).toEqual({ x: 'y' });
  });

  it('tells the containerd image store from the classic one by DriverStatus', () => {
    const containerd = driverStatusOf(JSON.parse(fixture('info.json')));
    expect(containerd).toEqual([['driver-type', 'io.containerd.snapshotter.v1']]);
    expect(usesContainerdStore(containerd)).toBe(true);
    const overlay2 = driverStatusOf(JSON.parse(fixture('info-overlay2.json')));
    expect(overlay2).toContainEqual(['Backing Filesystem', 'extfs']);
    expect(usesContainerdStore(overlay2)).toBe(false);
    // `docker info --format '{{json .DriverStatus}}'`: the pairs alone, or null.
    expect(driverStatusOf([['driver-type', 'io.containerd.snapshotter.v1']])).toEqual(containerd);
    expect(driverStatusOf(null)).toEqual([]);
  });

  it.each([
    [() => engineInspectOf({ message: 'page not found' }, 'x:1'), /inspect of x:1 holds no image: "{\\"message\\":\\"page not found\\"}"/],
    [() => engineInspectOf([], 'x:1'), /inspect of x:1 holds no image/],
    [() => engineHistoryOf({ message: 'nope' }, 'x:1'), /history of x:1 is not a list/],
    [() => engineHistoryOf([{ CreatedBy: 'RUN x', Size: '4kB' }], 'x:1'), /history of x:1, row 1, has an unreadable size "4kB"/],
  ])('errors clearly (%#)', (fn, message) => {
    expect(fn).toThrow(message);
  });

  it('leaves out a missing timestamp rather than saying 1970', () => {
    expect(engineHistoryOf([{ CreatedBy: 'COPY a /', Size: 1, Created: 0 }], 'x')).toEqual([{ createdBy: 'COPY a /', size: 1 }]);
  });
});

describe('the transport, against sockets that fail', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'strata-engine-unit-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  /** A unix socket server speaking raw bytes: `answer` gets each connection. */
  async function socketServer(answer: (s: Socket) => void): Promise<string> {
    const path = join(tempDir(), 'engine.sock');
    const sockets = new Set<Socket>();
    const server: Server = createServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
      answer(s);
    });
    await new Promise<void>((resolve) => server.listen(path, resolve));
    cleanups.push(() => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    });
    return path;
  }

  const http = (status: string, headers: Record<string, string>, body: string) =>
    `HTTP/1.1 ${status}\r\n${Object.entries({ ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n${body}`;

  it('a missing socket: fails at once, naming the call and the socket', async () => {
    const socketPath = join(tempDir(), 'no-such.sock');
    const engine = createApiEngine({ kind: 'unix', socketPath, address: `unix://${socketPath}` });
    const started = performance.now();
    await expect(engine.driverStatus()).rejects.toThrow(`GET /_ping on unix://${socketPath} failed: connect ENOENT ${socketPath}`);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('a socket that accepts and never answers: given up after the version check bound, naming it; later reads fail at once', async () => {
    const path = await socketServer(() => undefined);
    const engine = createApiEngine({ kind: 'unix', socketPath: path, address: `unix://${path}` });
    const started = performance.now();
    await expect(engine.image('app:1')).rejects.toThrow(`GET /_ping on unix://${path} did not answer within ${ENGINE_API_MS.ping / 1000} s`);
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(ENGINE_API_MS.ping - 50);
    expect(took).toBeLessThan(ENGINE_API_MS.ping + 2_000);
    const again = Date.now();
    await expect(engine.history('app:1')).rejects.toThrow(/did not answer within/);
    expect(Date.now() - again).toBeLessThan(100);
  }, ENGINE_API_MS.ping + 10_000);

  it('an engine that answers the version check, then hangs on a read: that read is named', async () => {
    const path = await socketServer((s) =>
      s.once('data', (d) => {
        if (d.toString().startsWith('GET /_ping ')) s.end(http('200 OK', { 'Api-Version': '1.41' }, 'OK'));
      }),
    );
    const engine = createApiEngine({ kind: 'unix', socketPath: path, address: `unix://${path}` }, { ...ENGINE_API_MS, read: 1_000 });
    await expect(engine.driverStatus()).rejects.toThrow(`GET /v1.41/info on unix://${path} did not answer within 1 s`);
  });

  it("says what an engine's error answer says, and reads a 404 as no such image", async () => {
    const requests: string[] = [];
    const path = await socketServer((s) =>
      s.once('data', (d) => {
        const line = d.toString().split('\r\n')[0]!;
        requests.push(line);
        if (line.startsWith('GET /_ping ')) return s.end(http('200 OK', { 'Api-Version': '1.47' }, 'OK'));
        if (line.includes('/images/')) return s.end(http('404 Not Found', { 'Content-Type': 'application/json' }, '{"message":"No such image: ghcr.io/o/app:pr-1"}'));
        s.end(http('500 Internal Server Error', { 'Content-Type': 'application/json' }, '{"message":"storage is on fire"}'));
      }),
    );
    const engine = createApiEngine({ kind: 'unix', socketPath: path, address: `unix://${path}` });
    expect(await engine.image('ghcr.io/o/app:pr-1')).toBeUndefined();
    expect(await engine.history('ghcr.io/o/app:pr-1')).toBeUndefined();
    await expect(engine.driverStatus()).rejects.toThrow(`GET /v1.47/info on unix://${path} answered 500: storage is on fire`);
    // One version check; the reference goes into the path as the CLI puts it.
    expect(requests.filter((r) => r.startsWith('GET /_ping '))).toHaveLength(1);
    expect(requests).toContain('GET /v1.47/images/ghcr.io/o/app:pr-1/json HTTP/1.1');
  });

  it('an answer that is not JSON is an error naming the call', async () => {
    const path = await socketServer((s) =>
      s.once('data', (d) => s.end(d.toString().startsWith('GET /_ping ') ? http('200 OK', {}, 'OK') : http('200 OK', {}, '<html>proxy login</html>'))),
    );
    const engine = createApiEngine({ kind: 'unix', socketPath: path, address: `unix://${path}` });
    // No Api-Version header (a proxy in front): unversioned paths, the engine's own version.
    await expect(engine.driverStatus()).rejects.toThrow(`GET /info on unix://${path} answered something other than JSON: "<html>proxy login</html>"`);
  });

  it('a docker context other than the default goes through the docker CLI', async () => {
    const config = tempDir();
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, 'config.json'), '{"currentContext":"colima"}');
    const calls: string[][] = [];
    const exec: Exec = {
      run: async (command, args) => {
        calls.push([command, ...args]);
        return { exitCode: 0, stdout: '[["driver-type","io.containerd.snapshotter.v1"]]\n', stderr: '' };
      },
    };
    const engine = createDockerEngine({ env: { DOCKER_CONFIG: config }, exec });
    expect(engine.address).toBe('the docker CLI\'s endpoint (docker context "colima")');
    expect(await engine.driverStatus()).toEqual([['driver-type', 'io.containerd.snapshotter.v1']]);
    expect(calls).toEqual([['docker', 'info', '--format', '{{json .DriverStatus}}']]);
  });
});
