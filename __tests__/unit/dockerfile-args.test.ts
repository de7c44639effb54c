import { describe, expect, it } from 'vitest';
import { buildxArgs, ociLabels, type DockerBuildPlan } from '../../src/build/dockerfile-args.js';

const plan: DockerBuildPlan = {
  context: '.',
  dockerfile: 'Dockerfile',
  tags: ['ghcr.io/o/app:main'],
  push: false,
  load: false,
  platforms: [],
  buildArgs: [],
  labels: [],
  cacheFrom: [],
  cacheTo: [],
  noCache: false,
  metadataFile: '/t/meta.json',
  iidFile: '/t/iid',
};

describe('buildxArgs', () => {
  it.each<[string, Partial<DockerBuildPlan>, string[]]>([
    ['minimal', {}, ['buildx', 'build', '--file', 'Dockerfile', '--tag', 'ghcr.io/o/app:main', '--metadata-file', '/t/meta.json', '--iidfile', '/t/iid', '.']],
    [
      'everything',
      {
        builder: 'k8s',
        dockerfile: 'svc/Containerfile',
        context: 'svc',
        tags: ['r/a:1', 'r/a:latest'],
        platforms: ['linux/amd64', 'linux/arm64'],
        target: 'runtime',
        buildArgs: ['A=1', 'B=x,y'],
        labels: ['l=1'],
        cacheFrom: ['type=gha,scope=s'],
        cacheTo: ['type=gha,scope=s,mode=max'],
        noCache: true,
        push: true,
        load: true,
      },
      [
        'buildx', 'build', '--builder', 'k8s', '--file', 'svc/Containerfile',
        '--tag', 'r/a:1', '--tag', 'r/a:latest', '--platform', 'linux/amd64,linux/arm64', '--target', 'runtime',
        '--build-arg', 'A=1', '--build-arg', 'B=x,y', '--label', 'l=1',
        '--cache-from', 'type=gha,scope=s', '--cache-to', 'type=gha,scope=s,mode=max', '--no-cache', '--push', '--load',
        '--metadata-file', '/t/meta.json', '--iidfile', '/t/iid', 'svc',
      ],
    ],
  ])('%s', (_n, over, expected) => {
    expect(buildxArgs({ ...plan, ...over })).toEqual(expected);
  });
});

describe('ociLabels', () => {
  const created = new Date('2026-11-28T10:00:00Z');
  it('adds title, url, source, revision and created', () => {
    expect(ociLabels({ serverUrl: 'https://github.com', repository: 'o/app', revision: 'abc', created }, ['team=x'])).toEqual([
      'org.opencontainers.image.title=app',
      'org.opencontainers.image.url=https://github.com/o/app',
      'org.opencontainers.image.source=https://github.com/o/app',
      'org.opencontainers.image.revision=abc',
      'org.opencontainers.image.created=2026-11-28T10:00:00.000Z',
      'team=x',
    ]);
  });
  it('records the runtime base by name and digest, without a pinned digest in the name', () => {
    const digest = 'sha256:' + 'b'.repeat(64);
    const labels = ociLabels({ serverUrl: 'https://github.com', repository: 'o/app', revision: 'abc', created, base: { name: `node:20-slim@${digest}`, digest } }, []);
    expect(labels.slice(-2)).toEqual(['org.opencontainers.image.base.name=node:20-slim', `org.opencontainers.image.base.digest=${digest}`]);
    expect(ociLabels({ serverUrl: 'https://github.com', repository: 'o/app', revision: 'abc', created, base: { name: 'node:20-slim' } }, [])).toHaveLength(5);
  });

  it('adds the labels docker/metadata-action adds, from the event\'s repository', () => {
    const repositoryInfo = { name: 'App', description: 'The app', htmlUrl: 'https://github.com/O/App', license: 'Apache-2.0' };
    expect(ociLabels({ serverUrl: 'https://github.com', repository: 'O/App', revision: 'abc', created, repositoryInfo, version: '1.2.3' }, [])).toEqual([
      'org.opencontainers.image.title=App',
      'org.opencontainers.image.description=The app',
      'org.opencontainers.image.url=https://github.com/O/App',
      'org.opencontainers.image.source=https://github.com/O/App',
      'org.opencontainers.image.version=1.2.3',
      'org.opencontainers.image.licenses=Apache-2.0',
      'org.opencontainers.image.revision=abc',
      'org.opencontainers.image.created=2026-11-28T10:00:00.000Z',
    ]);
  });

  it('takes metadata-action\'s labels output as it is, its values winning', () => {
    // metadata-action's `labels` output (one KEY=VALUE per line), passed to the labels input.
    const fromMetadataAction = ['org.opencontainers.image.title=app', 'org.opencontainers.image.version=1.2.3', 'org.opencontainers.image.created=2024-03-04T05:06:07.000Z'];
    const labels = ociLabels({ serverUrl: 'https://github.com', repository: 'o/app', revision: 'abc', created, version: 'main' }, fromMetadataAction);
    expect(labels.filter((l) => /\.(title|version|created)=/.test(l))).toEqual(fromMetadataAction);
  });

  it('lets a user label with the same key win', () => {
    const labels = ociLabels({ serverUrl: 'https://github.com', repository: 'o/app', revision: 'abc', created }, ['org.opencontainers.image.source=https://example.com/x']);
    expect(labels.filter((l) => l.startsWith('org.opencontainers.image.source='))).toEqual(['org.opencontainers.image.source=https://example.com/x']);
  });
});
