import { describe, expect, it } from 'vitest';
import { ghaScope, planBuildkitCache, versionAtLeast, type BuildkitCacheRequest, type BuilderFacts, type RunFacts } from '../../src/build/buildkit-cache.js';
import type { DockerEngine, Exec } from '../../src/adapters.js';
import { buildErrorSummary, builderFacts, parseBuilderDriver, parseBuildxVersion } from '../../src/build/buildx.js';
import { startBuildxProbes } from '../../src/build/buildx-probes.js';

const req: BuildkitCacheRequest = { cache: true, backend: 'auto', cacheFrom: [], cacheTo: [], noCache: false, image: 'ghcr.io/o/app', platforms: [] };
const container: BuilderFacts = { driver: 'docker-container', containerdStore: false, buildxVersion: '0.23.0' };
const actions: RunFacts = { actionsCacheAvailable: true, cacheServiceV2: true };

describe('planBuildkitCache', () => {
  it.each<[string, Partial<BuildkitCacheRequest>, BuilderFacts, RunFacts, string]>([
    ['user cache wins', { cacheFrom: ['type=registry,ref=r/a:c'] }, container, actions, 'user'],
    ['cache off', { cache: false }, container, actions, 'none'],
    ['gha when it can', {}, container, actions, 'gha'],
    ['docker driver with containerd store can export', {}, { driver: 'docker', containerdStore: true, buildxVersion: '0.23.0' }, actions, 'gha'],
    ['docker driver without containerd store cannot', {}, { driver: 'docker', containerdStore: false, buildxVersion: '0.23.0' }, actions, 'none'],
    ['no buildx', {}, { driver: 'docker', containerdStore: true }, actions, 'none'],
    ['no Actions cache service', {}, container, { actionsCacheAvailable: false, cacheServiceV2: false }, 'none'],
    ['old buildx and the v2 service: local', {}, { ...container, buildxVersion: '0.13.1' }, actions, 'local'],
    ['old buildx and the v1 service (GHES): gha', {}, { ...container, buildxVersion: '0.13.1' }, { actionsCacheAvailable: true, cacheServiceV2: false }, 'gha'],
    ['cache-backend actions', { backend: 'actions' }, container, actions, 'local'],
  ])('%s', (_n, over, builder, run, kind) => {
    expect(planBuildkitCache({ ...req, ...over }, builder, run).kind).toBe(kind);
  });

  it('scopes gha per image and platform set, and never fails the build on cache errors', () => {
    const plan = planBuildkitCache({ ...req, platforms: ['linux/arm64', 'linux/amd64'] }, container, actions);
    const scope = ghaScope('ghcr.io/o/app', ['linux/amd64', 'linux/arm64']);
    expect(scope).toMatch(/^strata-ghcr\.io-o-app-linux-amd64\+linux-arm64-[0-9a-f]{8}$/);
    expect(plan).toMatchObject({
      kind: 'gha',
      cacheFrom: [`type=gha,scope=${scope}`],
      cacheTo: [`type=gha,scope=${scope},mode=max,ignore-error=true`],
      // The post step has nothing to save, and says why.
      postNote: expect.stringContaining(`BuildKit's gha backend saved the cache during the build (scope ${scope})`),
    });
  });

  it('says why and how to enable it when the builder cannot export', () => {
    const plan = planBuildkitCache(req, { driver: 'docker', containerdStore: false, buildxVersion: '0.13.1' }, actions);
    expect(plan.kind === 'none' && plan.note).toMatch(/"docker" driver without the containerd image store.*docker\/setup-buildx-action/);
  });

  it('separates images and matrix legs', () => {
    expect(ghaScope('ghcr.io/o/a', ['linux/amd64'])).not.toBe(ghaScope('ghcr.io/o/a', ['linux/arm64']));
    expect(ghaScope('ghcr.io/o/a', [])).not.toBe(ghaScope('ghcr.io/o/b', []));
    expect(ghaScope('ghcr.io/o/a-b', [])).not.toBe(ghaScope('ghcr.io/o/a/b', []));
    expect(ghaScope('ghcr.io/o/app-worker', []).startsWith(ghaScope('ghcr.io/o/app', []))).toBe(false);
  });

  it.each([
    ['0.13.1', '0.21.0', false],
    ['0.21.0', '0.21.0', true],
    ['0.30.1', '0.21.0', true],
    ['1.0.0', '0.21.0', true],
  ])('versionAtLeast(%s, %s)', (v, min, expected) => expect(versionAtLeast(v, min)).toBe(expected));
});

describe('buildx output parsing', () => {
  it('reads versions, Debian builds included', () => {
    expect(parseBuildxVersion('github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3')).toBe('0.13.1');
    expect(parseBuildxVersion('github.com/docker/buildx v0.23.0 28c90ea')).toBe('0.23.0');
  });
  it('reads the driver', () => {
    expect(parseBuilderDriver('Name:          ci\nDriver:        docker-container\n')).toBe('docker-container');
  });
  it('keeps the lines of the failed step and the solve error, not the progress noise', () => {
    const stderr = [
      '#1 [internal] load build definition from Dockerfile',
      '#1 DONE 0.0s',
      ...Array.from({ length: 30 }, (_, i) => `#2 progress ${i}`),
      '#5 [2/2] RUN exit 3',
      '#5 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
      '------',
      ' > [2/2] RUN exit 3:',
      '------',
      'ERROR: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
    ].join('\n');
    const summary = buildErrorSummary(stderr);
    expect(summary).toContain('#5 ERROR: process "/bin/sh -c exit 3"');
    expect(summary.split('\n').at(-1)).toBe('ERROR: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3');
    expect(summary).not.toContain('progress 0');
  });
});

describe('builderFacts', () => {
  type Answer = { exitCode: number; stdout?: string; stderr?: string };
  const exec = (answers: Record<string, Answer>): Exec => ({
    run: async (_cmd, args) => {
      const a = answers[args.slice(0, 2).join(' ')] ?? { exitCode: 0 };
      return { exitCode: a.exitCode, stdout: a.stdout ?? '', stderr: a.stderr ?? '' };
    },
  });
  const engine = (status: Array<[string, string]> | Error = []): DockerEngine => ({
    address: 'unix:///var/run/docker.sock',
    image: async () => undefined,
    history: async () => undefined,
    driverStatus: async () => {
      if (status instanceof Error) throw status;
      return status;
    },
  });
  const facts = (answers: Record<string, Answer>, status?: Array<[string, string]> | Error, builder?: string) => builderFacts({ exec: exec(answers), engine: engine(status) }, builder);

  it('takes the answers of probes started early (action.ts) for the same builder, and asks again for another', async () => {
    const calls: string[] = [];
    const recording = (answers: Record<string, Answer>): Exec => ({
      run: async (cmd, args, options) => {
        calls.push(args.join(' '));
        return exec(answers).run(cmd, args, options);
      },
    });
    const early = startBuildxProbes(recording({ 'buildx version': { exitCode: 0, stdout: 'v0.29.1' }, 'buildx inspect': { exitCode: 0, stdout: 'Driver: docker-container\n' } }), 'ci');
    expect(calls).toEqual(['buildx version', 'buildx inspect ci']);
    const later = recording({ 'buildx version': { exitCode: 0, stdout: 'v0.13.1' } });
    expect(await builderFacts({ exec: later, engine: engine(), buildxProbes: early }, 'ci')).toEqual({ driver: 'docker-container', buildxVersion: '0.29.1', containerdStore: false });
    expect(calls).toHaveLength(2);
    expect(await builderFacts({ exec: later, engine: engine(), buildxProbes: early }, 'other')).toMatchObject({ buildxVersion: '0.13.1', driver: 'docker' });
    expect(calls.slice(2)).toEqual(['buildx version', 'buildx inspect other']);
  });

  it("takes the engine's storage driver asked early too, and does not ask the engine again", async () => {
    let asked = 0;
    const counting = (status: Array<[string, string]>): DockerEngine => ({ ...engine(status), driverStatus: async () => (asked++, status) });
    const answers = { 'buildx version': { exitCode: 0, stdout: 'v0.29.1' } };
    const early = startBuildxProbes(exec(answers), undefined, undefined, counting([['driver-type', 'io.containerd.snapshotter.v1']]));
    const facts = await builderFacts({ exec: exec(answers), engine: counting([]), buildxProbes: early });
    expect(facts.containerdStore).toBe(true);
    expect(asked).toBe(1);
  });

  it('reads buildx, the driver and the image store', async () => {
    expect(
      await facts(
        {
          'buildx version': { exitCode: 0, stdout: 'github.com/docker/buildx v0.23.0 28c90ea' },
          'buildx inspect': { exitCode: 0, stdout: 'Name: ci\nDriver: docker-container\n' },
        },
        [['driver-type', 'io.containerd.snapshotter.v1']],
      ),
    ).toEqual({ driver: 'docker-container', buildxVersion: '0.23.0', containerdStore: true });
    expect((await facts({ 'buildx version': { exitCode: 0, stdout: 'v0.29.1' } }, [['Backing Filesystem', 'extfs']])).containerdStore).toBe(false);
  });

  it('refuses to go on without buildx: since Docker 23 there is no build without it', async () => {
    await expect(facts({ 'buildx version': { exitCode: 1, stderr: "docker: 'buildx' is not a docker command." } })).rejects.toThrow(
      /^The docker buildx plugin is missing \(`docker buildx version`: "docker: 'buildx' is not a docker command."\)\. .*since Docker 23 `docker build` needs it too\. Install it/,
    );
  });

  it('says which call hung when the engine accepts and never answers, and stops the buildx probes waiting on it', async () => {
    const signals: Array<AbortSignal | undefined> = [];
    const hung = new Error('GET /_ping on unix:///run/hung.sock did not answer within 5 s');
    const probes: Exec = {
      run: (_cmd, args, options) => {
        signals.push(options?.signal);
        if (args[1] === 'version') return Promise.resolve({ exitCode: 0, stdout: 'v0.29.1', stderr: '' });
        // `buildx inspect` asks the engine too: it answers only when stopped.
        return new Promise((resolve) => options?.signal?.addEventListener('abort', () => resolve({ exitCode: 137, stdout: '', stderr: '', signal: 'SIGKILL' })));
      },
    };
    await expect(builderFacts({ exec: probes, engine: engine(hung) })).rejects.toThrow(
      'Cannot reach the Docker engine: GET /_ping on unix:///run/hung.sock did not answer within 5 s. Start Docker (or set DOCKER_HOST) before Strata runs.',
    );
    expect(signals.every((s) => s?.aborted)).toBe(true);
  });

  it('says the docker CLI is missing when it is', async () => {
    await expect(facts({ 'buildx version': { exitCode: 127, stderr: 'docker: spawn docker ENOENT' }, 'buildx inspect': { exitCode: 127 } })).rejects.toThrow(/The docker CLI is not on PATH/);
  });

  it('names the buildx-builder input when the builder does not exist', async () => {
    await expect(
      facts({ 'buildx version': { exitCode: 0, stdout: 'github.com/docker/buildx v0.23.0' }, 'buildx inspect': { exitCode: 1, stderr: 'ERROR: no builder "k8s" found' } }, [], 'k8s'),
    ).rejects.toThrow('Input "buildx-builder" names "k8s", which buildx cannot use: ERROR: no builder "k8s" found. List builders with "docker buildx ls".');
  });
});
