// Build secrets and SSH forwarding end to end: the bundled action passes a secret by value, by
// file and by environment variable, and an ssh-agent socket, to RUN steps of a real BuildKit build
// that write what they received into the image (sha256 of each secret, the socket's path). Then
// everything Strata produced is scanned for the secret values, down to what the registry holds.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCacheService, type CacheService } from '../support/cache-service.js';
import { registryWithBase, requireDocker, run, workspaceFrom } from '../support/docker.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-api.js';
import type { TestRegistry } from '../support/registry.js';
import { ActionJob } from '../support/runner.js';

let registry: TestRegistry;
let base: string;
let github: FakeGitHub;
let cache: CacheService;
let agentPid: number | undefined;
let agentSock: string;

beforeAll(async () => {
  await requireDocker();
  ({ registry, base } = await registryWithBase());
  github = await startFakeGitHub({ owner: 'octo-org', repo: 'secret-app' });
  cache = await startCacheService({ runnerTemp: mkdtempSync(join(tmpdir(), 'strata-runner-temp-')) });
  // A real agent (openssh's), on a socket of our own.
  agentSock = join(mkdtempSync(join(tmpdir(), 'strata-ssh-')), 'agent.sock');
  const out = execFileSync('ssh-agent', ['-s', '-a', agentSock], { encoding: 'utf8' });
  agentPid = Number(/SSH_AGENT_PID=(\d+)/.exec(out)?.[1]);
});

afterAll(async () => {
  if (agentPid) process.kill(agentPid);
  await cache?.stop();
  await github?.stop();
  await registry?.stop();
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Every file under dir, with gzip members (BuildKit's cache blobs) unpacked too. */
function filesUnder(dir: string): Array<{ path: string; text: string }> {
  const found: Array<{ path: string; text: string }> = [];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    found.push({ path, text: bytes.toString('latin1') });
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      try {
        found.push({ path: `${path} (gunzipped)`, text: gunzipSync(bytes).toString('latin1') });
      } catch {
        // not a gzip member after all
      }
    }
  }
  return found;
}

/** Every document and blob the registry holds for `ref` (its storage is in memory), layers unpacked. */
async function pushedContents(ref: string): Promise<Array<[string, string]>> {
  const [hostRepo, tag] = [ref.slice(0, ref.lastIndexOf(':')), ref.slice(ref.lastIndexOf(':') + 1)];
  const base = `http://${hostRepo.replace('/', '/v2/')}`;
  const accept = 'application/vnd.oci.image.index.v1+json,application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.v2+json';
  const found: Array<[string, string]> = [];
  const blob = async (digest: string) => Buffer.from(await (await fetch(`${base}/blobs/${digest}`)).arrayBuffer());
  const walk = async (reference: string): Promise<void> => {
    const text = await (await fetch(`${base}/manifests/${reference}`, { headers: { accept } })).text();
    found.push([`manifest ${reference}`, text]);
    const doc = JSON.parse(text) as { manifests?: Array<{ digest: string }>; config?: { digest: string }; layers?: Array<{ digest: string }> };
    for (const m of doc.manifests ?? []) await walk(m.digest);
    for (const d of [doc.config, ...(doc.layers ?? [])]) {
      if (!d) continue;
      const bytes = await blob(d.digest);
      found.push([`blob ${d.digest}`, bytes.toString('latin1')]);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) found.push([`blob ${d.digest} (gunzipped)`, gunzipSync(bytes).toString('latin1')]);
    }
  };
  await walk(tag);
  return found;
}

it('secrets and an ssh agent reach RUN steps, and their values reach nothing Strata writes', async () => {
  const repository = 'octo-org/secret-app';
  const image = `${registry.host}/octo-org/secret-app`;
  const workspace = workspaceFrom('examples/dockerfile-app');
  const secret = { value: `sv-${Date.now()}-b9f2c0e1d4a7`, file: `sf-${Date.now()}-7c1e5a0b3d9f`, env: `se-${Date.now()}-2e8d4b6a1c0f` };
  writeFileSync(join(workspace, 'secret.txt'), secret.file);
  // BuildKit does not key its cache on secrets: a fresh FROM-level step keeps an earlier run's layers out.
  writeFileSync(
    join(workspace, 'Dockerfile'),
    [
      `FROM ${base}`,
      `RUN echo ${Date.now()} > /run-id`,
      'RUN --mount=type=secret,id=token,required=true sha256sum /run/secrets/token | cut -d" " -f1 > /token.sha256',
      'RUN --mount=type=secret,id=fromfile,required=true sha256sum /run/secrets/fromfile | cut -d" " -f1 > /file.sha256',
      'RUN --mount=type=secret,id=fromenv,required=true sha256sum /run/secrets/fromenv | cut -d" " -f1 > /env.sha256',
      'RUN --mount=type=ssh test -S "$SSH_AUTH_SOCK" && echo "$SSH_AUTH_SOCK" > /ssh.sock',
      'CMD ["cat", "/token.sha256", "/file.sha256", "/env.sha256", "/ssh.sock"]',
      '',
    ].join('\n'),
  );
  const home = mkdtempSync(join(tmpdir(), 'strata-home-'));
  const event = {
    number: 3,
    pull_request: {
      number: 3,
      base: { ref: 'main', repo: { full_name: repository } },
      head: { ref: 'feature/private-deps', sha: 'feedface00112233445566778899aabbccddeeff', repo: { full_name: repository } },
    },
    repository: { default_branch: 'main', full_name: repository },
  };
  const job = new ActionJob({
    workspace,
    repository,
    eventName: 'pull_request',
    ref: 'refs/pull/3/merge',
    event,
    with: {
      image,
      push: 'true',
      tags: 'pr-3',
      'cache-backend': 'actions',
      secrets: `token=${secret.value}`,
      'secret-files': `fromfile=${join(workspace, 'secret.txt')}`,
      'secret-envs': 'fromenv=MY_SECRET_ENV',
      ssh: 'default',
      // The provenance records the build's inputs (build args, secret ids): scanned below too.
      provenance: 'mode=max',
    },
    env: { ...cache.env, HOME: home, SSH_AUTH_SOCK: agentSock, MY_SECRET_ENV: secret.env, GITHUB_API_URL: github.url, GITHUB_TOKEN: 'ghs_fakeInstallationToken000000000000000' },
  });
  const { main, post } = await job.run();
  expect(main.exitCode, main.stdout + main.stderr).toBe(0);
  expect(post.exitCode, post.stdout + post.stderr).toBe(0);

  // They arrived: the image holds each secret's hash and the forwarded socket's path.
  const { stdout } = await run('docker', ['run', '--rm', `${image}:pr-3`]);
  const [token, file, env, sock] = stdout.trim().split('\n');
  expect(token).toBe(sha256(secret.value));
  expect(file).toBe(sha256(secret.file));
  expect(env).toBe(sha256(secret.env));
  expect(sock).toMatch(/^\/run\/buildkit\/ssh_agent\.\d+$/);

  // Masked before anything else is printed (the runner consumes ::add-mask:: lines).
  const lines = main.stdout.split('\n');
  const maskAt = lines.indexOf(`::add-mask::${secret.value}`);
  expect(maskAt).toBeGreaterThanOrEqual(0);
  expect(lines.indexOf(`::add-mask::${secret.env}`)).toBeGreaterThanOrEqual(0);
  expect(maskAt).toBeLessThan(lines.findIndex((l) => l.startsWith('Mode:')));

  // The report was published (summary and comment), so they were there to be scanned.
  expect(main.summary).toContain('#### Base images');
  expect(github.comments(3)).toHaveLength(1);
  expect(cache.entries().some((e) => e.finalized)).toBe(true);

  const produced: Array<[string, string]> = [
    ['main stdout', lines.filter((l) => !l.startsWith('::add-mask::')).join('\n')],
    ['main stderr', main.stderr],
    ['post stdout', post.stdout],
    ['post stderr', post.stderr],
    ['outputs', JSON.stringify(main.outputs)],
    ['state', JSON.stringify(main.state)],
    ['env', JSON.stringify(main.env)],
    ['summary', main.summary],
    ['comment', JSON.stringify(github.comments(3))],
    ['cache keys', JSON.stringify(cache.entries())],
    ...filesUnder(job.dir).map((f): [string, string] => [f.path, f.text]),
    // RUNNER_TEMP: Strata's scratch files (build metadata, iidfile) and @actions/cache's archives.
    ...filesUnder(cache.env.RUNNER_TEMP!).map((f): [string, string] => [f.path, f.text]),
    ...filesUnder(join(home, '.cache')).map((f): [string, string] => [f.path, f.text]),
    // What was pushed: the image's layers (unpacked), configs, manifests and the attestation.
    ...(await pushedContents(`${image}:pr-3`)),
  ];
  // The scan reaches into what was pushed: the attestation, and the layer holding the hash.
  expect(produced.some(([, text]) => text.includes('https://slsa.dev/provenance'))).toBe(true);
  expect(produced.some(([where, text]) => where.endsWith('(gunzipped)') && text.includes(sha256(secret.value)))).toBe(true);
  expect(produced.some(([name]) => name.endsWith('build-metadata.json'))).toBe(true);
  for (const [where, text] of produced) {
    for (const value of Object.values(secret)) {
      if (where.endsWith('secret.txt')) continue;
      expect(text.includes(value), `${where} holds a secret`).toBe(false);
    }
  }
}, 240_000);

it('a RUN step that prints a secret and fails: the error in the annotation and job summary has it redacted', async () => {
  const workspace = workspaceFrom('examples/dockerfile-app');
  const value = `leaky-${Date.now()}-9d3f`;
  writeFileSync(join(workspace, 'Dockerfile'), `FROM ${base}\nRUN --mount=type=secret,id=token cat /run/secrets/token && echo && exit 3\n`);
  const main = await new ActionJob({ workspace, with: { image: `${registry.host}/octo-org/leaky`, secrets: `token=${value}` } }).main();
  expect(main.exitCode).toBe(1);
  // The runner masks the live log (::add-mask:: came first); the summary it does not mask.
  expect(main.stdout.split('\n').slice(0, 2)).toContain(`::add-mask::${value}`);
  const error = main.annotations.find((a) => a.level === 'error')!;
  expect(error.message).toContain('exit code: 3');
  expect(error.message).toContain('***');
  expect(error.message).not.toContain(value);
  expect(main.summary).toContain('### Strata: the step failed');
  expect(main.summary).not.toContain(value);
}, 120_000);
