// Every secret-bearing input set, used for real (a password-protected registry read for the
// baseline, the GitHub API emulation for the comment, the cache service's runtime token), then
// everything Strata wrote is scanned for each value, plain and base64-encoded: stdout, stderr,
// outputs, state, env, job summary, metadata, report files, comment bodies and request URLs the API
// emulation received, cache keys, and the contents of every cache archive the cache service got.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, zstdDecompressSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { startCacheService, type CacheService } from '../support/cache-service.js';
import { registryWithBase, requireDocker, run, workspaceFrom } from '../support/docker.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-api.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { ActionJob, type StepRun } from '../support/runner.js';

const repository = 'octo-org/secret-app';
const GITHUB_TOKEN = `ghs_${randomBytes(18).toString('hex')}`;
const REGISTRY_PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const REGISTRY_USERNAME = 'strata-reader';

let registry: TestRegistry;
let locked: TestRegistry;
let cache: CacheService;
let github: FakeGitHub;
let base: string;
const home = mkdtempSync(join(tmpdir(), 'strata-home-'));

beforeAll(async () => {
  await requireDocker();
  ({ registry, base } = await registryWithBase());
  locked = await startRegistry({ auth: 'htpasswd', username: REGISTRY_USERNAME, password: REGISTRY_PASSWORD });
  await run('skopeo', ['copy', '--src-tls-verify=false', '--dest-tls-verify=false', '--dest-creds', `${REGISTRY_USERNAME}:${REGISTRY_PASSWORD}`, `docker://${base}`, `docker://${locked.host}/private/baseline:main`]);
  cache = await startCacheService({ runnerTemp: mkdtempSync(join(tmpdir(), 'strata-runner-temp-')) });
  github = await startFakeGitHub({ owner: 'octo-org', repo: 'secret-app' });
}, 180_000);

afterAll(async () => {
  await github?.stop();
  await cache?.stop();
  await locked?.stop();
  await registry?.stop();
});

/** Each secret, and the forms it travels in (Basic auth, base64). */
function secretForms(): Array<[string, string]> {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const runtimeToken = cache.env.ACTIONS_RUNTIME_TOKEN!;
  return [
    ['github-token', GITHUB_TOKEN],
    ['github-token (base64)', b64(GITHUB_TOKEN)],
    ['registry-password', REGISTRY_PASSWORD],
    ['registry-password (base64)', b64(REGISTRY_PASSWORD)],
    ['registry Basic credentials', b64(`${REGISTRY_USERNAME}:${REGISTRY_PASSWORD}`)],
    ['ACTIONS_RUNTIME_TOKEN', runtimeToken],
  ];
}

function job(workspace: string, extra: { eventName: string; ref: string; event: unknown; with?: Record<string, string> }): ActionJob {
  rmSync(join(home, '.cache'), { recursive: true, force: true });
  return new ActionJob({
    workspace,
    repository,
    eventName: extra.eventName,
    ref: extra.ref,
    event: extra.event,
    with: {
      // The image's registry is the password-protected one (registry-username/password are its
      // credentials); nothing is pushed, so the engine holds the image and BuildKit needs no login.
      image: `${locked.host}/octo-org/secret-app`,
      push: 'false',
      'cache-backend': 'actions',
      'build-args': `BASE=${base}`,
      'compare-to': `${locked.host}/private/baseline:main`,
      'github-token': GITHUB_TOKEN,
      'registry-username': REGISTRY_USERNAME,
      'registry-password': REGISTRY_PASSWORD,
      comment: 'always',
      ...extra.with,
    },
    env: { ...cache.env, HOME: home, GITHUB_API_URL: github.url, GITHUB_TOKEN },
  });
}

it('no secret appears in anything Strata wrote, though every one was used', async () => {
  const workspace = workspaceFrom('examples/dockerfile-app');
  const repo = { default_branch: 'main', full_name: repository };
  const onMain = await job(workspace, { eventName: 'push', ref: 'refs/heads/main', event: { repository: repo } }).run();
  expect(onMain.main.exitCode, onMain.main.stdout + onMain.main.stderr).toBe(0);
  writeFileSync(join(workspace, 'extra.txt'), 'pr change\n');
  const pr = { number: 9, pull_request: { number: 9, base: { ref: 'main', repo: { full_name: repository } }, head: { ref: 'feature', sha: 'feedface'.repeat(5), repo: { full_name: repository } } }, repository: repo };
  // Its own platforms: the default branch's snapshot (another key) cannot stand in for compare-to.
  const onPr = await job(workspace, { eventName: 'pull_request', ref: 'refs/pull/9/merge', event: pr, with: { platforms: 'linux/amd64' } }).run();
  expect(onPr.main.exitCode, onPr.main.stdout + onPr.main.stderr).toBe(0);

  // Every secret was really used.
  const report = JSON.parse(readFileSync(onPr.main.outputs['report-json']!, 'utf8')) as Report;
  // The baseline came from the password-protected registry (a failed read would have left none).
  expect(report.baseline).toMatchObject({ origin: 'compare-to', source: 'registry' });
  expect(github.requests.some((r) => r.authorization === `token ${GITHUB_TOKEN}`)).toBe(true);
  expect(github.comments(9)).toHaveLength(1);
  const archives = cache.entries().filter((e) => e.finalized);
  expect(archives.length).toBeGreaterThanOrEqual(1);

  // Everything Strata wrote.
  const written: Array<[string, string]> = [];
  const steps: Array<[string, StepRun]> = [['main (push)', onMain.main], ['post (push)', onMain.post], ['main (PR)', onPr.main], ['post (PR)', onPr.post]];
  for (const [name, step] of steps) {
    // `::add-mask::VALUE` is how a step asks the runner to mask a value: the runner consumes the
    // line and shows it nowhere. Strata masks both secrets in the main step.
    if (name.startsWith('main')) for (const value of [GITHUB_TOKEN, REGISTRY_PASSWORD]) expect(step.stdout.split('\n')).toContain(`::add-mask::${value}`);
    const shown = step.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    written.push([`${name} stdout`, shown], [`${name} stderr`, step.stderr], [`${name} outputs`, JSON.stringify(step.outputs)]);
    written.push([`${name} state`, JSON.stringify(step.state)], [`${name} env`, JSON.stringify(step.env)], [`${name} summary`, step.summary]);
  }
  for (const file of ['report-json', 'report-file']) {
    const path = onPr.main.outputs[file];
    expect(path, file).toBeTruthy();
    written.push([`${file} ${path}`, readFileSync(path!, 'utf8')]);
  }
  written.push(['metadata output', onPr.main.outputs.metadata ?? '']);
  written.push(['comment bodies', JSON.stringify(github.comments(9))]);
  written.push(['GitHub API request URLs', github.requests.map((r) => `${r.method} ${r.path}`).join('\n')]);
  written.push(['cache keys', JSON.stringify(cache.entries().map((e) => [e.key, e.version]))]);
  // The cache archives: downloaded as a restore would, unpacked, every file read.
  for (const entry of archives) {
    const blob = Buffer.from(await (await fetch(`${cache.url}/download/${entry.id}`)).arrayBuffer());
    // The raw tar stream holds every member's name and bytes as stored (names climb out of the
    // workspace, ../home/.cache/..., which tar refuses to extract).
    const tarStream = blob[0] === 0x28 && blob[1] === 0xb5 ? zstdDecompressSync(blob) : gunzipSync(blob);
    expect(tarStream.length).toBeGreaterThan(512);
    written.push([`archive ${entry.key}`, tarStream.toString('latin1')]);
  }
  expect(written.length).toBeGreaterThan(25);

  const leaks = written.flatMap(([where, text]) => secretForms().filter(([, value]) => text.includes(value)).map(([what]) => `${what} in ${where}`));
  expect(leaks).toEqual([]);
}, 600_000);
