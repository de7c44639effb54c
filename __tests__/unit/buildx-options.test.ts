// build-push-action's options -> buildx flags, one row per input; secret values never in the argv.
import { describe, expect, it } from 'vitest';
import { buildxOptionArgs, buildxOptionsOf, NO_BUILDX_OPTIONS, secretsForBuild, type BuildxOptions } from '../../src/build/buildx-options.js';
import { buildxArgs, type DockerBuildPlan } from '../../src/build/dockerfile-args.js';
import { parseInputs } from '../../src/inputs.js';

describe('secretsForBuild', () => {
  it('passes values through numbered env vars, files and env names as they are', () => {
    const { secrets, env } = secretsForBuild([
      { id: 'token', value: 's3cr3t-value' },
      { id: 'aws', path: '/home/runner/.aws/credentials' },
      { id: 'gh', env: 'GH_TOKEN' },
      { id: 'npmrc', value: 'line1\nline2' },
    ]);
    expect(secrets).toEqual([
      { id: 'token', env: 'STRATA_SECRET_0' },
      { id: 'aws', src: '/home/runner/.aws/credentials' },
      { id: 'gh', env: 'GH_TOKEN' },
      { id: 'npmrc', env: 'STRATA_SECRET_3' },
    ]);
    expect(env).toEqual({ STRATA_SECRET_0: 's3cr3t-value', STRATA_SECRET_3: 'line1\nline2' });
    const argv = buildxOptionArgs({ ...NO_BUILDX_OPTIONS, secrets });
    expect(argv).toEqual([
      '--secret', 'id=token,env=STRATA_SECRET_0',
      '--secret', 'id=aws,src=/home/runner/.aws/credentials',
      '--secret', 'id=gh,env=GH_TOKEN',
      '--secret', 'id=npmrc,env=STRATA_SECRET_3',
    ]);
    expect(argv.join(' ')).not.toContain('s3cr3t');
  });
});

describe('buildxOptionArgs', () => {
  it.each<[string, Partial<BuildxOptions>, string[]]>([
    ['nothing', {}, []],
    ['ssh', { ssh: ['default', 'github=/run/key'] }, ['--ssh', 'default', '--ssh', 'github=/run/key']],
    ['build-contexts', { buildContexts: ['alpine=docker-image://alpine:3.20', 'src=../src'] }, ['--build-context', 'alpine=docker-image://alpine:3.20', '--build-context', 'src=../src']],
    ['annotations', { annotations: ['a=1', 'index:b=2'] }, ['--annotation', 'a=1', '--annotation', 'index:b=2']],
    ['provenance', { provenance: 'mode=max' }, ['--provenance=mode=max']],
    ['provenance false', { provenance: 'false' }, ['--provenance=false']],
    ['sbom', { sbom: 'true' }, ['--sbom=true']],
    ['attests', { attests: ['type=sbom', 'type=provenance,mode=max'] }, ['--attest', 'type=sbom', '--attest', 'type=provenance,mode=max']],
    ['pull', { pull: true }, ['--pull']],
    ['network', { network: 'host' }, ['--network', 'host']],
    ['add-hosts (both separators)', { addHosts: ['docker:10.0.0.1', 'db=10.0.0.2'] }, ['--add-host', 'docker:10.0.0.1', '--add-host', 'db:10.0.0.2']],
    ['shm-size', { shmSize: '2g' }, ['--shm-size', '2g']],
    ['ulimit', { ulimits: ['nofile=1024:2048'] }, ['--ulimit', 'nofile=1024:2048']],
    ['no-cache-filters', { noCacheFilters: ['deps', 'build'] }, ['--no-cache-filter', 'deps', '--no-cache-filter', 'build']],
    ['allow', { allow: ['network.host'] }, ['--allow', 'network.host']],
    ['outputs', { outputs: ['type=local,dest=out'] }, ['--output', 'type=local,dest=out']],
  ])('%s', (_n, over, expected) => {
    expect(buildxOptionArgs({ ...NO_BUILDX_OPTIONS, ...over })).toEqual(expected);
  });

  it('lets the user\'s annotation of the same key win over Strata\'s', () => {
    const inputs = parseInputs((n) => (n === 'annotations' ? 'org.opencontainers.image.base.name=mine' : ''), { repository: 'o/a', serverUrl: 'https://github.com' });
    expect(buildxOptionsOf(inputs, [], ['org.opencontainers.image.base.name=ours', 'x=1']).annotations).toEqual(['x=1', 'org.opencontainers.image.base.name=mine']);
  });
});

const plan: DockerBuildPlan = {
  context: '.', dockerfile: 'Dockerfile', tags: ['r/a:1'], push: true, load: false, platforms: [], buildArgs: [], labels: [],
  cacheFrom: [], cacheTo: [], noCache: false, metadataFile: '/t/m.json', iidFile: '/t/iid',
};

describe('provenance', () => {
  const of = (values: Record<string, string>) => buildxOptionsOf(parseInputs((n) => values[n] ?? '', { repository: 'o/a', serverUrl: 'https://github.com' }), []).provenance;
  it.each([
    ['off by default, so builds of one commit share a digest', {}, 'false'],
    ['as given', { provenance: 'mode=max' }, 'mode=max'],
    ['left to attests when they ask for it', { attests: 'type=provenance,mode=min' }, undefined],
    ['still off when attests asks only for an SBOM', { attests: 'type=sbom' }, 'false'],
  ])('%s', (_n, values, expected) => {
    expect(of(values as Record<string, string>)).toBe(expected);
  });

  it('"false" needs no buildx: the classic build makes no attestations anyway', () => {
  });
});

describe('in the build argv', () => {
  const options: BuildxOptions = { ...NO_BUILDX_OPTIONS, secrets: [{ id: 't', env: 'STRATA_SECRET_0' }], ssh: ['default'], pull: true, buildContexts: ['a=b'] };

  it('buildx gets the options before --push and the context', () => {
    expect(buildxArgs({ ...plan, options })).toEqual([
      'buildx', 'build', '--file', 'Dockerfile', '--tag', 'r/a:1',
      '--secret', 'id=t,env=STRATA_SECRET_0', '--ssh', 'default', '--pull', '--build-context', 'a=b',
      '--push', '--metadata-file', '/t/m.json', '--iidfile', '/t/iid', '.',
    ]);
  });
});
