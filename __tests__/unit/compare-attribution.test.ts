import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributeLayers, baseLayersFrom, cleanCreatedBy, originLabel } from '../../src/compare/attribution.js';
import type { PlatformImage } from '../../src/image/types.js';
import { buildpackPr, nodeBase, nodeSlimLayers, prImage } from '../fixtures/compare/images.js';

describe('cleanCreatedBy', () => {
  it.each([
    ['/bin/sh -c #(nop)  CMD ["bash"]', 'CMD ["bash"]'],
    ['/bin/sh -c #(nop) ADD file:9a4f77 in / ', 'ADD file:9a4f77 in /'],
    ['/bin/sh -c apt-get update &&     apt-get install -y curl', 'RUN apt-get update && apt-get install -y curl'],
    ['|2 HTTP_PROXY=http://proxy:3128 TOKEN=abc /bin/sh -c make', 'RUN make'],
    ['RUN /bin/sh -c npm ci --omit=dev # buildkit', 'RUN npm ci --omit=dev'],
    ['RUN |1 NPM_TOKEN=npm_s3cr3t /bin/sh -c npm ci # buildkit', 'RUN npm ci'],
    ['RUN |2 A=x B=y npm ci # buildkit', 'RUN npm ci'],
    ['COPY . . # buildkit', 'COPY . .'],
    ['WORKDIR /app', 'WORKDIR /app'],
    ['RUN /bin/sh -c set -eux;\n\tapt-get update # buildkit', 'RUN set -eux; apt-get update'],
    ['RUN /bin/bash -c echo hi # buildkit', 'RUN echo hi'],
  ])('%j -> %j', (raw, clean) => {
    expect(cleanCreatedBy(raw)).toBe(clean);
  });

  it('never keeps a build-arg value', () => {
    expect(cleanCreatedBy('RUN |1 NPM_TOKEN=npm_s3cr3tT0k3nValue /bin/sh -c npm ci # buildkit')).not.toContain('s3cr3t');
  });
});

describe('attributeLayers (Dockerfile)', () => {
  const image = prImage.platforms[0]!;

  it('walks history skipping empty_layer entries and groups the base layers', () => {
    const labels = attributeLayers(image, { reference: 'node:20.11-slim', layerCount: 4 }).map((l) => originLabel(l.origin));
    expect(labels).toEqual([
      'base image node:20.11-slim',
      'base image node:20.11-slim',
      'base image node:20.11-slim',
      'base image node:20.11-slim',
      'WORKDIR /app',
      'COPY package.json package-lock.json ./',
      'RUN npm ci --omit=dev',
      'COPY . .',
      'RUN npm run build',
    ]);
  });

  it('without base information, the base image history shows as instructions', () => {
    const labels = attributeLayers(image).map((l) => originLabel(l.origin));
    expect(labels[0]).toBe('ADD file:9a4f77dfaba7fd2aa78186e4ef0e7486ad55101cefc1fabbc1b385601bb38920 in /');
    expect(labels[3]).toBe('COPY docker-entrypoint.sh /usr/local/bin/');
  });

  it('aligns from the top when history is shorter than the layer list', () => {
    const squashed: PlatformImage = { ...image, history: [{ createdBy: 'COPY . . # buildkit', emptyLayer: false }] };
    const origins = attributeLayers(squashed).map((l) => l.origin);
    expect(origins.at(-1)).toEqual({ kind: 'instruction', instruction: 'COPY . .' });
    expect(origins[0]).toEqual({ kind: 'unknown' });
  });

  it('counts base layers as the shared prefix with the base image summary', () => {
    const base: PlatformImage = { ...image, layers: nodeSlimLayers };
    expect(baseLayersFrom(nodeBase, image, base)).toEqual({ reference: 'node:20.11-slim', layerCount: 4 });
    const rebuiltBase: PlatformImage = { ...image, layers: [nodeSlimLayers[0]!, { digest: 'sha256:other', size: 1 }] };
    expect(baseLayersFrom(nodeBase, image, rebuiltBase).layerCount).toBe(1);
  });
});

describe('attributeLayers (buildpacks)', () => {
  const image = buildpackPr.platforms[0]!;

  it('uses the lifecycle label: run image up to runImage.topLayer, then buildpack layers by sha', () => {
    const labels = attributeLayers(image).map((l) => originLabel(l.origin));
    expect(labels).toEqual([
      'base image index.docker.io/paketobuildpacks/run-jammy-base:latest',
      'base image index.docker.io/paketobuildpacks/run-jammy-base:latest',
      'base image index.docker.io/paketobuildpacks/run-jammy-base:latest',
      'paketo-buildpacks/node-engine@4.1.7 › node',
      'paketo-buildpacks/npm-install@1.5.2 › launch-modules',
      'buildpacks app',
      'buildpacks launcher',
      'buildpacks config',
    ]);
  });

  it('prefers the reference the caller names for the run image', () => {
    const [first] = attributeLayers(image, { reference: 'paketobuildpacks/run-jammy-base:0.1.120' });
    expect(first!.origin).toEqual({ kind: 'base', reference: 'paketobuildpacks/run-jammy-base:0.1.120' });
  });

  it('matches engine images, whose digests are diffIDs', () => {
    const engine: PlatformImage = { ...image, layers: image.layers.map((l) => ({ digest: l.diffId!, size: l.size })) };
    expect(attributeLayers(engine)[3]!.origin).toEqual({ kind: 'buildpack', buildpack: 'paketo-buildpacks/node-engine@4.1.7', layer: 'node' });
  });

  it('names every layer of an image the real lifecycle exported, process types included', () => {
    const real = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/lifecycle/real-image.json'), 'utf8')) as {
      labels: Record<string, string>;
      diffIds: string[];
      layers: Array<{ digest: string; size: number }>;
    };
    const exported: PlatformImage = {
      platform: 'linux/amd64',
      manifestDigest: 'sha256:m',
      configDigest: 'sha256:c',
      layers: real.layers.map((l, i) => ({ ...l, diffId: real.diffIds[i]! })),
      history: [],
      labels: real.labels,
    };
    const labels = attributeLayers(exported).map((l) => originLabel(l.origin));
    expect(labels.filter((l) => l.startsWith('layer ') || l === 'unknown')).toEqual([]);
    expect(labels).toContain('buildpacks process-types');
    expect(labels).toContain('strata-test/node@0.1.0 › deps');
  });

  it('falls back to history when the label is not JSON', () => {
    const broken: PlatformImage = { ...image, labels: { 'io.buildpacks.lifecycle.metadata': '{oops' } };
    expect(attributeLayers(broken).every((l) => l.origin.kind === 'unknown')).toBe(true);
  });
});
