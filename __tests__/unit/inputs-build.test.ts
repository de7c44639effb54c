// The inputs carried over from build-push-action / metadata-action / pack: their formats, and
// errors that name the input, quote the value (never a secret's) and say what is accepted.
import { describe, expect, it } from 'vitest';
import { InputError, parseInputs } from '../../src/inputs.js';
import { inputsIgnoredBy, redactSecrets, secretLines, secretValues } from '../../src/inputs-build.js';

const github = { repository: 'octo-org/hello-app', serverUrl: 'https://github.com' };
const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';
const parse = (values: Record<string, string>) => parseInputs(reader(values), github);

function errorOf(values: Record<string, string>): InputError {
  try {
    parse(values);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('secrets, secret-files, secret-envs', () => {
  it('reads build-push-action\'s formats, in input order', () => {
    const inputs = parse({
      secrets: 'github_token=ghp_abc=def\n"npmrc=//registry.npmjs.org/:_authToken=x\nalways-auth=true"\n',
      'secret-files': 'aws=/home/runner/.aws/credentials',
      'secret-envs': 'token=MY_TOKEN',
    });
    expect(inputs.secrets).toEqual([
      { id: 'github_token', value: 'ghp_abc=def' },
      { id: 'npmrc', value: '//registry.npmjs.org/:_authToken=x\nalways-auth=true' },
      { id: 'aws', path: '/home/runner/.aws/credentials' },
      { id: 'token', env: 'MY_TOKEN' },
    ]);
  });

  it.each([
    ['a=b', ['a=b']],
    ['"a=b ""quoted"""', ['a=b "quoted"']],
    ['"a=1\n2\n3"\nb=4', ['a=1\n2\n3', 'b=4']],
    ['\n  x=y  \n', ['x=y']],
  ])('secretLines(%j)', (raw, expected) => {
    expect(secretLines(raw)).toEqual(expected);
  });

  it('never quotes a secret line in an error, and says which line', () => {
    const e = errorOf({ secrets: 'good=1\nghp_pastedWithoutAnId' });
    expect(e.input).toBe('secrets');
    expect(e.message).toContain('line 2');
    expect(e.message).toContain('id=value');
    expect(e.message).not.toContain('ghp_pastedWithoutAnId');
  });

  it('refuses an id given twice', () => {
    expect(errorOf({ secrets: 'a=1', 'secret-envs': 'a=TOKEN' }).message).toContain('given once');
  });

  it.each([
    [{ 'secret-files': 'a=x,y' }, 'secret-files', 'x,y', 'comma'],
    [{ 'secret-envs': 'a=not-an-env' }, 'secret-envs', 'a=not-an-env', 'ENV_NAME'],
    [{ ssh: 'default =x' }, 'ssh', 'default =x', 'default or id=path'],
  ])('rejects %o', (values, input, value, accepted) => {
    const e = errorOf(values);
    expect(e.input).toBe(input);
    expect(e.message).toContain(JSON.stringify(value));
    expect(e.message).toContain(accepted);
  });

  it('reads ssh entries', () => {
    expect(parse({ ssh: 'default\ngithub=/run/key1,/run/key2' }).ssh).toEqual(['default', 'github=/run/key1,/run/key2']);
  });
});

describe('the further build options', () => {
  it('has build-push-action\'s defaults', () => {
    expect(parse({})).toMatchObject({
      secrets: [], ssh: [], buildContexts: [], annotations: [], provenance: undefined, sbom: undefined, attests: [],
      pull: false, network: undefined, addHosts: [], shmSize: undefined, ulimits: [], noCacheFilters: [], allow: [],
      outputs: [], call: 'build', checkFailsOn: 'error', tagLatest: 'auto',
      buildpacks: [], volumes: [], buildpackEnvFile: undefined, defaultProcess: undefined, creationTime: undefined,
      sbomOutputDir: undefined, cacheImage: undefined,
    });
  });

  it('reads each in build-push-action\'s format', () => {
    expect(
      parse({
        'build-contexts': 'alpine=docker-image://alpine:3.20\nsrc=../src',
        annotations: 'org.opencontainers.image.description=An app\nindex:org.opencontainers.image.vendor=Octo',
        provenance: 'mode=max',
        sbom: 'true',
        attests: 'type=sbom,generator=image',
        pull: 'true',
        network: 'host',
        'add-hosts': 'docker:10.180.0.1,db=10.0.0.2',
        'shm-size': '2g',
        ulimit: 'nofile=1024:2048',
        'no-cache-filters': 'deps,build',
        allow: 'network.host,security.insecure',
        outputs: 'type=local,dest=out',
        call: 'check',
        'check-fails-on': 'warning',
        'tag-latest': 'false',
      }),
    ).toMatchObject({
      buildContexts: ['alpine=docker-image://alpine:3.20', 'src=../src'],
      annotations: ['org.opencontainers.image.description=An app', 'index:org.opencontainers.image.vendor=Octo'],
      provenance: 'mode=max',
      sbom: 'true',
      attests: ['type=sbom,generator=image'],
      pull: true,
      network: 'host',
      addHosts: ['docker:10.180.0.1', 'db=10.0.0.2'],
      shmSize: '2g',
      ulimits: ['nofile=1024:2048'],
      noCacheFilters: ['deps', 'build'],
      allow: ['network.host', 'security.insecure'],
      outputs: ['type=local,dest=out'],
      call: 'check',
      checkFailsOn: 'warning',
      tagLatest: 'false',
    });
  });

  it('takes docker/metadata-action\'s labels and annotations outputs as they are', () => {
    // The outputs' shape (metadata-action v5, DOCKER_METADATA_ANNOTATIONS_LEVELS=manifest,index).
    const labels = 'org.opencontainers.image.created=2024-03-04T05:06:07.000Z\norg.opencontainers.image.description=\norg.opencontainers.image.title=My App\norg.opencontainers.image.version=1.2.3';
    const annotations = 'manifest:org.opencontainers.image.created=2024-03-04T05:06:07.000Z\nmanifest:org.opencontainers.image.description=\nindex:org.opencontainers.image.title=My App\nindex:org.opencontainers.image.version=1.2.3';
    const inputs = parse({ labels, annotations });
    expect(inputs.labels).toEqual(labels.split('\n'));
    expect(inputs.annotations).toEqual(annotations.split('\n'));
  });

  it('reads the buildpack options in pack\'s format', () => {
    expect(
      parse({
        buildpacks: 'paketo-buildpacks/nodejs\ndocker://gcr.io/paketo-buildpacks/npm-start:1.0.0',
        'buildpack-env-file': 'build.env',
        volumes: '/tmp/certs:/certs\n/tmp/data:/data:rw',
        'default-process': 'web',
        'creation-time': '1700000000',
        'sbom-output-dir': 'sbom',
        push: 'true',
        'cache-image': 'ghcr.io/o/app-cache',
      }),
    ).toMatchObject({
      buildpacks: ['paketo-buildpacks/nodejs', 'docker://gcr.io/paketo-buildpacks/npm-start:1.0.0'],
      buildpackEnvFile: 'build.env',
      volumes: ['/tmp/certs:/certs', '/tmp/data:/data:rw'],
      defaultProcess: 'web',
      creationTime: '1700000000',
      sbomOutputDir: 'sbom',
      cacheImage: 'ghcr.io/o/app-cache',
    });
  });

  it.each([
    [{ 'build-contexts': 'alpine' }, 'build-contexts', 'alpine', 'name=value'],
    [{ annotations: 'no value' }, 'annotations', 'no value', 'key=value'],
    [{ provenance: 'maybe' }, 'provenance', 'maybe', 'mode=max'],
    [{ sbom: 'yes please' }, 'sbom', 'yes please', 'true, false'],
    [{ attests: 'sbom' }, 'attests', 'sbom', 'type='],
    [{ pull: 'always' }, 'pull', 'always', 'true or false'],
    [{ network: 'my net' }, 'network', 'my net', 'host, none'],
    [{ 'add-hosts': 'docker' }, 'add-hosts', 'docker', 'host:ip'],
    [{ 'shm-size': 'lots' }, 'shm-size', 'lots', '2g'],
    [{ ulimit: 'nofile' }, 'ulimit', 'nofile', 'type=soft[:hard]'],
    [{ 'no-cache-filters': 'a b' }, 'no-cache-filters', 'a b', 'stage name'],
    [{ allow: 'root' }, 'allow', 'root', 'network.host'],
    [{ outputs: 'type=local dest=x' }, 'outputs', 'type=local dest=x', 'type=local,dest=out'],
    [{ call: 'outline' }, 'call', 'outline', 'build, check'],
    [{ network: '--privileged' }, 'network', '--privileged', 'must not start with "-"'],
    [{ 'build-contexts': '--output=type=local=x' }, 'build-contexts', '--output=type=local=x', 'must not start with "-"'],
    [{ 'sbom-output-dir': '-x' }, 'sbom-output-dir', '-x', 'must not start with "-"'],
    [{ ssh: '-default' }, 'ssh', '-default', 'must not start with "-"'],
    [{ 'check-fails-on': 'never' }, 'check-fails-on', 'never', 'error, warning'],
    [{ 'tag-latest': 'always' }, 'tag-latest', 'always', 'auto, true, false'],
    [{ volumes: '/x:relative' }, 'volumes', '/x:relative', 'host-path:/container-path'],
    [{ 'default-process': 'web server' }, 'default-process', 'web server', 'process type'],
    [{ 'creation-time': 'yesterday' }, 'creation-time', 'yesterday', 'Unix time'],
    [{ 'cache-image': 'ghcr.io/o/cache' }, 'cache-image', 'ghcr.io/o/cache', 'push: true'],
  ] as Array<[Record<string, string>, string, string, string]>)('rejects %o', (values, input, value, accepted) => {
    const e = errorOf(values);
    expect(e.input).toBe(input);
    expect(e.message).toContain(`"${input}"`);
    expect(e.message).toContain(JSON.stringify(value));
    expect(e.message).toContain(accepted);
  });
});

describe('inputsIgnoredBy', () => {
  it('names what the mode has no use for; secrets, network and pull apply to both', () => {
    const inputs = parse({ ssh: 'default', 'add-hosts': 'a:1.2.3.4', volumes: '/a:/b', 'default-process': 'web', secrets: 'a=1', network: 'host', pull: 'true' });
    expect(inputsIgnoredBy('dockerfile', inputs)).toEqual(['volumes', 'default-process']);
    expect(inputsIgnoredBy('buildpack', inputs)).toEqual(['ssh', 'add-hosts']);
    expect(inputsIgnoredBy('buildpack', parse({}))).toEqual([]);
  });
});

describe('secretValues and redactSecrets', () => {
  it('lists values, env values and each line of a multi-line value; redacts them from a message', () => {
    const values = secretValues([{ id: 'a', value: 'tok-123' }, { id: 'b', env: 'B' }, { id: 'c', value: 'line-one\nline-two' }, { id: 'd', path: '/x' }, { id: 'e', env: 'UNSET' }], { B: 'env-456' });
    expect(values).toEqual(['tok-123', 'env-456', 'line-one\nline-two', 'line-one', 'line-two']);
    expect(redactSecrets('#5 0.2 tok-123 env-456\nline-one\nline-two done', values)).toBe('#5 0.2 *** ***\n*** done');
  });
});
