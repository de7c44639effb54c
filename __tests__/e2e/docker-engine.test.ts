// The Engine API adapter against the real engine (Docker 28.5 on /var/run/docker.sock): the same
// answers as the docker CLI for an image it built, through the default socket, a DOCKER_HOST
// tcp:// (a loopback TCP proxy to the socket, plain and with TLS verification), and a docker
// context (which goes through the CLI).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { createServer as createTlsServer } from 'node:tls';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builderFacts } from '../../src/build/buildx.js';
import { resolveDigest } from '../../src/build/dockerfile-mode.js';
import { readEngineImageSummary } from '../../src/image/engine.js';
import { createDockerEngine } from '../../src/io/docker-engine.js';
import { createCliEngine } from '../../src/io/docker-engine-cli.js';
import { createExec } from '../../src/io/exec.js';
import { run, TESTENV } from '../support/docker.ts';

const quiet = { out: () => undefined, err: () => undefined };
const exec = createExec(quiet);
const tag = `strata-e2e-engine:${process.pid}`;
// The same image under a registry-style name: host:port/path:tag goes into the API path as is.
const registryTag = `127.0.0.1:5999/acme/engine-${process.pid}:v1`;
const SOCKET = '/var/run/docker.sock';
let ctx: string;

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setEnv(name: string, value: string | undefined): void {
  const before = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  cleanups.push(() => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  });
}

beforeAll(async () => {
  execFileSync(join(TESTENV, 'docker-up.sh'), { stdio: 'ignore' });
  ctx = mkdtempSync(join(tmpdir(), 'strata-e2e-engine-'));
  mkdirSync(join(ctx, 'rootfs/bin'), { recursive: true });
  copyFileSync('/bin/busybox', join(ctx, 'rootfs/bin/busybox'));
  symlinkSync('busybox', join(ctx, 'rootfs/bin/sh'));
  // COPY, WORKDIR and metadata only: nothing to RUN, so nothing to start on the shared engine.
  writeFileSync(join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY rootfs/ /\nENV PATH=/bin\nWORKDIR /app\nCOPY Dockerfile /app/\nLABEL org.example.x=y\n');
  await run('docker', ['buildx', 'build', '--load', '--provenance=false', '-t', tag, '-t', registryTag, ctx]);
}, 120_000);

afterAll(async () => {
  if (ctx) rmSync(ctx, { recursive: true, force: true });
  await exec.run('docker', ['image', 'rm', '-f', tag, registryTag]);
});

describe('the Engine API on the default socket', () => {
  it('reads what the docker CLI reads, for the same image', async () => {
    setEnv('DOCKER_HOST', undefined);
    setEnv('DOCKER_CONTEXT', undefined);
    const api = createDockerEngine({ env: process.env, exec });
    expect(api.address).toBe(`unix://${SOCKET}`);
    const cli = createCliEngine(exec, 'the docker CLI');
    const [viaApi, viaCli] = await Promise.all([readEngineImageSummary(api, tag), readEngineImageSummary(cli, tag)]);
    expect(viaApi).toEqual(viaCli);
    const [p] = viaApi.platforms;
    expect(p!.labels).toEqual({ 'org.example.x': 'y' });
    expect(p!.layers).toHaveLength(3);
    expect(p!.layers[0]!.size).toBeGreaterThan(1_000_000); // busybox, uncompressed
    expect(await api.driverStatus()).toEqual(await cli.driverStatus());
    expect((await api.image(registryTag))?.Id).toBe(viaApi.digest);
  });

  it('finds an image by its repo digest, and says none for a name it does not have', async () => {
    const api = createDockerEngine({ env: { DOCKER_HOST: `unix://${SOCKET}` }, exec });
    const inspect = await api.image(tag);
    const byDigest = inspect!.RepoDigests!.find((d) => d.startsWith('strata-e2e-engine@'))!;
    expect((await api.image(byDigest))?.Id).toBe(inspect!.Id);
    expect(await api.image(`${tag}-missing`)).toBeUndefined();
    expect(await api.history(`${tag}-missing`)).toBeUndefined();
    await expect(readEngineImageSummary(api, `${tag}-missing`)).rejects.toThrow(`No such image: ${tag}-missing in the Docker engine at unix://${SOCKET}`);
  });

  it("gives a base image only the engine has its digest (the registry named in it does not answer)", async () => {
    const engine = createDockerEngine({ env: { DOCKER_HOST: `unix://${SOCKET}` }, exec });
    const inspect = await engine.image(registryTag);
    const digest = await resolveDigest({ exec, engine }, registryTag);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(inspect!.RepoDigests!.map((d) => d.split('@')[1])).toContain(digest);
  });

  it('gives builderFacts the image store, as `docker info` says it', async () => {
    const facts = await builderFacts({ exec, engine: createDockerEngine({ env: { DOCKER_HOST: `unix://${SOCKET}` }, exec }) });
    const info = (await exec.run('docker', ['info', '--format', '{{json .DriverStatus}}'])).stdout;
    expect(facts.containerdStore).toBe(info.includes('io.containerd.snapshotter'));
  });
});

describe('DOCKER_HOST=tcp://', () => {
  it('reads through a TCP endpoint (a loopback proxy to the socket)', async () => {
    const connections: Socket[] = [];
    const server: Server = createServer((client) => {
      connections.push(client);
      const upstream = createConnection(SOCKET);
      for (const s of [client, upstream]) s.on('error', () => undefined);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const { port } = server.address() as { port: number };
    const engine = createDockerEngine({ env: { DOCKER_HOST: `tcp://127.0.0.1:${port}` }, exec });
    expect(engine.address).toBe(`tcp://127.0.0.1:${port}`);
    const summary = await readEngineImageSummary(engine, tag);
    expect(summary).toEqual(await readEngineImageSummary(createCliEngine(exec, 'cli'), tag));
    // The version check, the inspect and the history: each through the proxy.
    expect(connections.length).toBe(3);
  });

  it('a TCP endpoint nothing listens on: a clear error naming it', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const engine = createDockerEngine({ env: { DOCKER_HOST: `tcp://127.0.0.1:${port}` }, exec });
    await expect(engine.driverStatus()).rejects.toThrow(`GET /_ping on tcp://127.0.0.1:${port} failed: connect ECONNREFUSED 127.0.0.1:${port}`);
  });
});

/** A CA, a server certificate for 127.0.0.1 and a client certificate, as `dockerd --tlsverify` setups have them. */
function certificates(dir: string): void {
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=strata-test-ca', '-keyout', 'ca-key.pem', '-out', 'ca.pem');
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, subject] of [['server', '/CN=127.0.0.1'], ['client', '/CN=client']] as const) {
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', subject, '-keyout', `${name}-key.pem`, '-out', `${name}.csr`);
    ssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-days', '1', '-extfile', `${name}.ext`, '-out', `${name}.pem`);
  }
  // The CLI's names in DOCKER_CERT_PATH: ca.pem, cert.pem, key.pem.
  copyFileSync(join(dir, 'client.pem'), join(dir, 'cert.pem'));
  copyFileSync(join(dir, 'client-key.pem'), join(dir, 'key.pem'));
}

describe('DOCKER_HOST=tcp:// with DOCKER_TLS_VERIFY', () => {
  it('speaks TLS with the client certificate from DOCKER_CERT_PATH, and verifies the engine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-e2e-tls-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    certificates(dir);
    let clients = 0;
    // A TLS front to the socket that requires a client certificate from the CA, as dockerd --tlsverify does.
    const server = createTlsServer(
      { key: readFileSync(join(dir, 'server-key.pem')), cert: readFileSync(join(dir, 'server.pem')), ca: readFileSync(join(dir, 'ca.pem')), requestCert: true, rejectUnauthorized: true },
      (client) => {
        clients++;
        const upstream = createConnection(SOCKET);
        for (const s of [client, upstream]) s.on('error', () => undefined);
        client.pipe(upstream).pipe(client);
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const { port } = server.address() as { port: number };
    const env = { DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir };
    const engine = createDockerEngine({ env, exec });
    expect(engine.address).toBe(`tcp://127.0.0.1:${port}`);
    expect((await engine.image(tag))?.RepoDigests).toContainEqual(expect.stringMatching(/^strata-e2e-engine@sha256:/));
    expect(clients).toBe(2);

    // An engine whose certificate another CA signed is refused.
    const other = mkdtempSync(join(tmpdir(), 'strata-e2e-tls-other-'));
    cleanups.push(() => rmSync(other, { recursive: true, force: true }));
    certificates(other);
    const wrongCa = createDockerEngine({ env: { ...env, DOCKER_CERT_PATH: other }, exec });
    await expect(wrongCa.image(tag)).rejects.toThrow(new RegExp(`^GET /_ping on tcp://127\\.0\\.0\\.1:${port} failed: .*(certificate|self-signed)`, 'i'));
  });

  it('certificates missing from DOCKER_CERT_PATH: the docker CLI is asked instead (its own error then says what is wrong)', async () => {
    const engine = createDockerEngine({ env: { DOCKER_HOST: 'tcp://127.0.0.1:1', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent/certs' }, exec });
    expect(engine.address).toMatch(/^the docker CLI's endpoint \(tcp:\/\/127\.0\.0\.1:1; TLS certificates unreadable here: ENOENT/);
  });
});

describe('a docker context', () => {
  it('is read through the docker CLI, so the reads see the engine the build uses', async () => {
    const config = mkdtempSync(join(tmpdir(), 'strata-e2e-docker-config-'));
    cleanups.push(() => rmSync(config, { recursive: true, force: true }));
    const name = `strata-e2e-${process.pid}`;
    // A context of its own, in a docker config of its own: nobody else's is touched.
    await run('docker', ['context', 'create', name, '--docker', `host=unix://${SOCKET}`], { env: { ...process.env, DOCKER_CONFIG: config } });
    await run('docker', ['context', 'use', name], { env: { ...process.env, DOCKER_CONFIG: config } });
    setEnv('DOCKER_CONFIG', config);
    setEnv('DOCKER_HOST', undefined);
    setEnv('DOCKER_CONTEXT', undefined);
    const engine = createDockerEngine({ env: process.env, exec });
    expect(engine.address).toBe(`the docker CLI's endpoint (docker context "${name}")`);
    expect(await readEngineImageSummary(engine, tag)).toEqual(await readEngineImageSummary(createDockerEngine({ env: { DOCKER_HOST: `unix://${SOCKET}` }, exec }), tag));
    expect(await engine.image(`${tag}-missing`)).toBeUndefined();
  });
});
