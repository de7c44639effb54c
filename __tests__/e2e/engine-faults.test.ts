// The engine rows of the README's fault matrix, against the real docker CLI and Engine API client:
// a socket that is missing, one that accepts and never answers (a fake DOCKER_HOST), a CLI
// without buildx, and a connection to the engine that drops mid-build (a proxy socket cut while
// the build runs).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/adapters.js';
import { builderFacts, runDockerBuild } from '../../src/build/buildx.js';
import { ENGINE_API_MS } from '../../src/io/command-bounds.js';
import { createDockerEngine } from '../../src/io/docker-engine.js';
import { createExec, runningCount } from '../../src/io/exec.js';

const quiet = { out: () => undefined, err: () => undefined };
const logs: string[] = [];
const logger: Logger = {
  info: (m) => logs.push(m),
  warning: (m) => logs.push(`warning: ${m}`),
  error: (m) => logs.push(`error: ${m}`),
  debug: () => undefined,
  group: (_n, fn) => fn(),
};

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  logs.length = 0;
});

function setEnv(name: string, value: string): void {
  const before = process.env[name];
  process.env[name] = value;
  cleanups.push(() => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  });
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'strata-engine-faults-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve) => server.listen(path, resolve));
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** The probes as the action makes them, for the DOCKER_HOST set now. */
function probes() {
  const exec = createExec(quiet);
  return { exec, engine: createDockerEngine({ env: process.env, exec }) };
}

function dockerProcesses(marker: string): string {
  try {
    return execFileSync('pgrep', ['-af', marker], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

describe('Docker engine faults', () => {
  it('socket missing: the step fails at once, saying the engine cannot be reached', async () => {
    setEnv('DOCKER_HOST', `unix://${join(tempDir(), 'no-such.sock')}`);
    const started = performance.now();
    await expect(builderFacts(probes())).rejects.toThrow(/^Cannot reach the Docker engine: GET \/_ping on unix:\/\/.*no-such\.sock failed: connect ENOENT .*Start Docker \(or set DOCKER_HOST\)/s);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('an engine that accepts and never answers: the probe is given up after its bound, named, and nothing is left running', async () => {
    const dir = tempDir();
    const path = join(dir, 'hung.sock');
    const sockets = new Set<Socket>();
    const server = createServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await listen(server, path);
    cleanups.push(() => closeServer(server, sockets));
    setEnv('DOCKER_HOST', `unix://${path}`);
    const started = performance.now();
    await expect(builderFacts(probes())).rejects.toThrow(
      new RegExp(`^Cannot reach the Docker engine: GET /_ping on unix://${path} did not answer within ${ENGINE_API_MS.ping / 1000} s\\. Start Docker`),
    );
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(ENGINE_API_MS.ping - 50);
    expect(took).toBeLessThan(ENGINE_API_MS.ping + 5_000);
    // `docker buildx inspect` waits on the same engine: it was stopped, not left to its own bound.
    expect(runningCount()).toBe(0);
    expect(dockerProcesses(path)).toBe('');
  }, ENGINE_API_MS.ping + 15_000);

  it('buildx missing: a clear error that says how to install it (no docker build fallback since Docker 23)', async () => {
    // The CLI's own answer when the plugin is absent, from a shim in front of the real docker.
    const bin = tempDir();
    const realDocker = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
    writeFileSync(
      join(bin, 'docker'),
      `#!/bin/sh\nif [ "$1" = buildx ]; then echo "docker: 'buildx' is not a docker command." >&2; echo "See 'docker --help'" >&2; exit 1; fi\nexec ${realDocker} "$@"\n`,
    );
    chmodSync(join(bin, 'docker'), 0o755);
    setEnv('PATH', `${bin}:${process.env.PATH}`);
    await expect(builderFacts(probes())).rejects.toThrow(
      /^The docker buildx plugin is missing \(`docker buildx version`: "docker: 'buildx' is not a docker command\.\\nSee 'docker --help'"\)\. .* Install it: the docker-buildx-plugin package, or docker\/setup-buildx-action before Strata\.$/,
    );
  });

  it('the connection to the engine drops mid-build (a daemon restart): the build fails promptly, saying so', async () => {
    const dir = tempDir();
    const path = join(dir, 'proxy.sock');
    const target = (process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock').replace(/^unix:\/\//, '');
    const sockets = new Set<Socket>();
    const server = createServer((client) => {
      const upstream = createConnection(target);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await listen(server, path);
    cleanups.push(() => closeServer(server, sockets));
    setEnv('DOCKER_HOST', `unix://${path}`);

    const context = tempDir();
    const marker = `strata-engine-drop-${process.pid}-${Date.now()}`;
    writeFileSync(join(context, 'Dockerfile'), `# ${marker}\nFROM scratch\nCOPY Dockerfile /a\nCOPY Dockerfile /b\n`);
    const exec = createExec(quiet);
    let cut = false;
    const started = performance.now();
    const build = runDockerBuild(
      {
        run: (cmd, args, opts = {}) =>
          exec.run(cmd, args, {
            ...opts,
            onLine: (line, stream) => {
              opts.onLine?.(line, stream);
              // The build has reached the engine: cut every connection, as a daemon restart does.
              if (!cut && /^#\d+ \[internal\] load build definition/.test(line)) {
                cut = true;
                for (const s of sockets) s.destroy();
                server.close();
              }
            },
          }),
      },
      logger,
      {
        context,
        dockerfile: join(context, 'Dockerfile'),
        tags: [`strata-engine-drop:${process.pid}`],
        push: false,
        load: false,
        platforms: [],
        buildArgs: [],
        labels: [],
        cacheFrom: [],
        cacheTo: [],
        noCache: true,
        metadataFile: join(context, 'meta.json'),
        iidFile: join(context, 'iid'),
      },
    );
    await expect(build).rejects.toThrow(/docker buildx build failed:[\s\S]*The connection to the Docker engine dropped during the build \(did the daemon restart\?\)/);
    expect(cut).toBe(true);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(dockerProcesses(marker)).toBe('');
  }, 60_000);
});
