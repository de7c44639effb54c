import { describe, expect, it } from 'vitest';
import { baseImagesOf, labelledBase, resolveDockerfileBases, unresolvedOf, type StageBase } from '../../src/build/base-images.js';

/** The base of each stage on one platform, as short strings: image ref, "stage:x", "scratch" or "unresolved: …". */
function bases(df: string, opts: Parameters<typeof resolveDockerfileBases>[1] = {}, platform = 0): string[] {
  return resolveDockerfileBases(df, opts).targets[platform]!.stages.map((s) => show(s.base));
}
function show(b: StageBase): string {
  return b.kind === 'image' ? b.reference : b.kind === 'stage' ? `stage:${b.stage}` : b.kind === 'scratch' ? 'scratch' : `unresolved: ${b.reason}`;
}
function runtime(df: string, opts: Parameters<typeof resolveDockerfileBases>[1] = {}): Record<string, string> {
  return Object.fromEntries(resolveDockerfileBases(df, opts).targets.map((t) => [t.platform, show(t.runtime)]));
}

describe('resolveDockerfileBases: one rule per row', () => {
  it.each<[string, string, Parameters<typeof resolveDockerfileBases>[1], string[]]>([
    ['global ARG default', 'ARG V=1.23\nFROM golang:${V}\n', {}, ['golang:1.23']],
    ['build-arg replaces a declared default', 'ARG V=1.23\nFROM golang:$V\n', { buildArgs: ['V=1.22'] }, ['golang:1.22']],
    ['build-arg for an ARG without default', 'ARG V\nFROM golang:$V\n', { buildArgs: ['V=1.21'] }, ['golang:1.21']],
    ['undeclared build-arg is not visible to FROM', 'FROM golang:${V:-1.23}\n', { buildArgs: ['V=1.21'] }, ['golang:1.23']],
    ['several names on one ARG line', 'ARG A=golang B=1.23\nFROM $A:$B\n', {}, ['golang:1.23']],
    ['a default uses an earlier ARG', 'ARG GO=1.23\nARG IMG=golang:${GO}-alpine\nFROM $IMG\n', {}, ['golang:1.23-alpine']],
    ['a default uses a later build-arg', 'ARG GO=1.23\nARG IMG=golang:${GO}\nFROM $IMG\n', { buildArgs: ['GO=1.24'] }, ['golang:1.24']],
    ['quote removal in the ARG default', 'ARG BASE="gcr.io/distroless/static:nonroot"\nFROM ${BASE}\n', {}, ['gcr.io/distroless/static:nonroot']],
    ['quote removal in FROM', 'FROM "alpine:3.20"\n', {}, ['alpine:3.20']],
    ['ARGs after the first FROM do not reach FROM', 'FROM alpine:3.20\nARG V=1\nFROM golang:${V:-9}\n', {}, ['alpine:3.20', 'golang:9']],
    ['ARG without default: unresolved', 'ARG V\nFROM golang:$V\n', {}, ['unresolved: ARG V has no default and no build-arg sets it']],
    ['undeclared variable: unresolved', 'FROM $REGISTRY/app:1\n', {}, ['unresolved: REGISTRY is not an ARG declared before the first FROM (BuildKit substitutes "")']],
    ['an ARG built from an unknown one stays unknown', 'ARG R\nARG IMG=${R}/app\nFROM ${IMG:-x}\n', {}, ['unresolved: ARG IMG: ARG R has no default and no build-arg sets it']],
    ['${V:?} without a value', 'ARG V\nFROM ${V:?set-V}\n', {}, ['unresolved: failed to process "${V:?set-V}": V: set-V']],
    ['FROM splits on whitespace before expanding', 'FROM ${V:-a b}\n', {}, ["unresolved: failed to process \"${V:-a\": syntax error: missing '}'"]],
    ['automatic TARGETARCH', 'FROM base-${TARGETARCH}\n', { platforms: ['linux/arm64'] }, ['base-arm64']],
    ['automatic args without declaring them', 'FROM img:${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-$TARGETVARIANT}\n', { platforms: ['linux/arm/v7'] }, ['img:linux-arm-v7']],
    ['redeclared automatic ARG keeps its value', 'ARG TARGETARCH\nFROM img:$TARGETARCH\n', { platforms: ['linux/arm64'] }, ['img:arm64']],
    ['BUILDPLATFORM from the builder', 'FROM img:${BUILDOS}-${BUILDARCH}\n', { buildPlatform: 'linux/arm64', platforms: ['linux/amd64'] }, ['img:linux-arm64']],
    ['a build-arg overrides an automatic ARG, declared or not', 'FROM img:$TARGETARCH\n', { buildArgs: ['TARGETARCH=riscv64'] }, ['img:riscv64']],
    ['TARGETSTAGE is "default" for an unnamed last stage', 'FROM img:${TARGETSTAGE}\n', {}, ['img:default']],
    ['TARGETSTAGE names the target', 'FROM img:${TARGETSTAGE}\nFROM alpine AS out\n', {}, ['img:out', 'alpine']],
    ['stage reference', 'FROM golang:1.23 AS build\nFROM build\n', {}, ['golang:1.23', 'stage:build']],
    ['stage names are case-insensitive (stored lowercase)', 'FROM golang:1.23 AS Build\nFROM build\n', {}, ['golang:1.23', 'stage:build']],
    ['a later stage is not a stage reference', 'FROM app\nFROM alpine AS app\n', {}, ['app', 'alpine']],
    ['stage reference through an ARG', 'ARG FLAVOR=slim\nFROM debian AS base-slim\nFROM base-${FLAVOR}\n', {}, ['debian', 'stage:base-slim']],
    ['scratch', 'FROM scratch\n', {}, ['scratch']],
    ['digest', `FROM alpine:3.20@sha256:${'a'.repeat(64)}\n`, {}, [`alpine:3.20@sha256:${'a'.repeat(64)}`]],
    ['registry with a port', 'ARG REG=localhost:5000\nFROM ${REG}/team/app:1\n', {}, ['localhost:5000/team/app:1']],
    ['pattern trim in FROM', 'ARG IMG=docker.io/library/node:22-slim\nFROM node:${IMG##*:}\n', {}, ['node:22-slim']],
    ['pattern replace in FROM', 'ARG V=1.23.4\nFROM golang:${V/%.4/}\n', {}, ['golang:1.23.4']],
    ['invalid reference', 'FROM Alpine\n', {}, ['unresolved: Invalid image reference "Alpine": path component "Alpine" is invalid (repository names must be lowercase)']],
    ['escape directive', '# escape=`\nARG V=3.20\nFROM alpine:$V `\n  AS app\nFROM app\n', {}, ['alpine:3.20', 'stage:app']],
    ['line continuation in ARG', 'ARG A=alpine \\\n  B=3.20\nFROM $A:$B\n', {}, ['alpine:3.20']],
    ['heredoc bodies are not instructions', 'FROM alpine:3.20 AS a\nRUN <<EOF\nFROM evil:1\nARG X=1\nEOF\nFROM a\n', {}, ['alpine:3.20', 'stage:a']],
    ['FROM --platform is kept apart from the base', 'FROM --platform=$BUILDPLATFORM golang:1.23 AS b\n', {}, ['golang:1.23']],
  ])('%s', (_name, df, opts, expected) => {
    const got = bases(df, opts);
    for (let i = 0; i < expected.length; i++) expect(got[i]).toContain(expected[i]);
    expect(got).toHaveLength(expected.length);
  });

  it('resolves per target platform, and FROM --platform per stage', () => {
    const df = [
      'FROM --platform=$BUILDPLATFORM golang:1.23 AS build',
      'FROM alpine:3.20 AS base-amd64',
      'FROM arm64v8/alpine:3.20 AS base-arm64',
      'FROM base-${TARGETARCH}',
    ].join('\n');
    const r = resolveDockerfileBases(df, { platforms: ['linux/amd64', 'linux/aarch64'], buildPlatform: 'linux/amd64' });
    expect(r.targets.map((t) => t.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(r.targets[0]!.stages[0]!.platform).toBe('linux/amd64');
    expect(r.targets[1]!.stages[0]!.platform).toBe('linux/amd64');
    expect(r.targets.map((t) => show(t.runtime))).toEqual(['alpine:3.20', 'arm64v8/alpine:3.20']);
    expect(r.targets[1]!.final).toBe('3');
  });

  it('defaults the target platform to the build platform', () => {
    expect(runtime('FROM img-$TARGETARCH\n', { buildPlatform: 'linux/arm64' })).toEqual({ 'linux/arm64': 'img-arm64' });
  });

  it('follows the target, not the last stage', () => {
    expect(runtime('FROM alpine:3.20 AS app\nFROM app AS debug\nFROM scratch\n', { target: 'Debug' })).toEqual({ 'linux/amd64': 'alpine:3.20' });
    expect(runtime('FROM alpine\n', { target: 'nope' })).toEqual({ 'linux/amd64': 'unresolved: target stage "nope" could not be found' });
  });

  it('says an unresolved runtime base instead of inventing one', () => {
    expect(runtime('ARG BASE\nFROM golang:1.23 AS build\nFROM ${BASE}\n')).toEqual({
      'linux/amd64': 'unresolved: ARG BASE has no default and no build-arg sets it',
    });
  });
});

describe('baseImagesOf (what labels, freshness and rebase use)', () => {
  it('a stage named like an earlier one follows the earlier one, never itself (BuildKit refuses the file; Strata must not loop)', () => {
    // Found by base-images.property.test.ts: `FROM build AS build` looked itself up for ever.
    expect(baseImagesOf('FROM busybox:1.36 AS build\nFROM build AS build\n', { file: 'Dockerfile' })).toEqual([
      { reference: 'busybox:1.36', stage: 'build', runtime: true, file: 'Dockerfile', line: 1 },
    ]);
    expect(baseImagesOf('FROM scratch AS build\nFROM build AS build\n', { file: 'Dockerfile' })).toEqual([]);
  });

  it('follows stages to the runtime base and substitutes global ARGs', () => {
    const df = [
      'ARG NODE=20.11',
      'ARG REGISTRY=127.0.0.1:5000',
      'FROM ${REGISTRY}/node:${NODE}-slim AS deps',
      'RUN npm ci',
      'FROM golang:1.22 AS tools',
      'FROM deps AS build',
      'RUN npm run build',
      'FROM ${REGISTRY}/distroless/nodejs:${NODE} AS runtime',
      'COPY --from=build /app /app',
      'RUN --mount=type=bind,from=tools,source=/usr/local/go,target=/go true',
    ].join('\n');
    expect(baseImagesOf(df, { file: 'Dockerfile' })).toEqual([
      { reference: '127.0.0.1:5000/node:20.11-slim', stage: 'deps', runtime: false, file: 'Dockerfile', line: 3 },
      { reference: 'golang:1.22', stage: 'tools', runtime: false, file: 'Dockerfile', line: 5 },
      { reference: '127.0.0.1:5000/distroless/nodejs:20.11', stage: 'runtime', runtime: true, file: 'Dockerfile', line: 8 },
    ]);
  });

  it('lets build-args override ARG defaults, and a target pick the final stage through aliases', () => {
    const df = 'ARG BASE=busybox:1.35\nFROM $BASE AS base\nFROM base AS app\nFROM scratch AS final\n';
    expect(baseImagesOf(df, { buildArgs: ['BASE=busybox:1.36'], target: 'app' })).toEqual([
      { reference: 'busybox:1.36', stage: 'base', runtime: true, file: undefined, line: 2 },
    ]);
  });

  it('marks a base used by several stages once, as runtime when the final stage uses it', () => {
    const df = 'FROM alpine:3.19 AS a\nRUN x\nFROM alpine:3.19\nCOPY --from=a /x /x\n';
    expect(baseImagesOf(df)).toEqual([{ reference: 'alpine:3.19', stage: 'a', runtime: true, file: undefined, line: 1 }]);
  });

  it('leaves unresolved bases out', () => {
    expect(baseImagesOf('ARG BASE\nFROM golang:1.23 AS build\nFROM ${BASE}\nCOPY --from=0 /x /x\n')).toEqual([
      { reference: 'golang:1.23', stage: 'build', runtime: false, file: undefined, line: 2 },
    ]);
  });

  it('skips the bases of stages the final stage does not need, as BuildKit does', () => {
    const df = 'FROM golang:1.23 AS build\nFROM node:22 AS unused\nFROM debian:12 AS dev\nFROM alpine:3.20\nCOPY --from=build /a /a\nADD --from=0 /b /b\n';
    expect(baseImagesOf(df).map((u) => u.reference)).toEqual(['golang:1.23', 'alpine:3.20']);
    expect(baseImagesOf(df, { target: 'dev' }).map((u) => u.reference)).toEqual(['debian:12']);
    // A --from with a variable could be any stage: keep them all.
    expect(baseImagesOf(`${df}COPY --from=\${SRC} /c /c\n`)).toHaveLength(4);
  });

  it('names the platforms of a base that not every platform uses', () => {
    const df = 'FROM alpine:3.20 AS base-amd64\nFROM arm64v8/alpine:3.20 AS base-arm64\nFROM base-${TARGETARCH}\n';
    expect(baseImagesOf(df, { platforms: ['linux/amd64', 'linux/arm64'] })).toEqual([
      { reference: 'alpine:3.20', stage: 'base-amd64', runtime: true, file: undefined, line: 1, platforms: ['linux/amd64'] },
      { reference: 'arm64v8/alpine:3.20', stage: 'base-arm64', runtime: true, file: undefined, line: 2, platforms: ['linux/arm64'] },
    ]);
  });
});

describe('labelledBase (org.opencontainers.image.base.* covers every platform)', () => {
  const perArch = 'FROM alpine:3.20 AS base-amd64\nFROM arm64v8/alpine:3.20 AS base-arm64\nFROM base-${TARGETARCH}\n';
  it.each<[string, string, Parameters<typeof baseImagesOf>[1], string | undefined]>([
    ['one platform', perArch, { platforms: ['linux/arm64'] }, 'arm64v8/alpine:3.20'],
    ['a base shared by all platforms', 'FROM golang:1.23 AS b\nFROM alpine:3.20\nCOPY --from=b / /\n', { platforms: ['linux/amd64', 'linux/arm64'] }, 'alpine:3.20'],
    ['a different base per platform: no label', perArch, { platforms: ['linux/amd64', 'linux/arm64'] }, undefined],
    ['an unresolved runtime base: no label', 'ARG BASE\nFROM golang:1.23 AS b\nFROM $BASE\nCOPY --from=b / /\n', {}, undefined],
    ['scratch: no label', 'FROM golang:1.23 AS b\nFROM scratch\nCOPY --from=b / /\n', {}, undefined],
  ])('%s', (_name, df, opts, expected) => expect(labelledBase(baseImagesOf(df, opts))?.reference).toBe(expected));
});

describe('unresolvedOf (what the build warns about)', () => {
  it('lists each needed stage whose base is unresolved once, with its platforms, and says when it is the runtime base', () => {
    const df = 'ARG BUILDER\nARG BASE\nFROM $BUILDER AS build\nFROM ${UNUSED} AS unused\nFROM $BASE\nCOPY --from=build / /\n';
    expect(unresolvedOf(resolveDockerfileBases(df, { platforms: ['linux/amd64', 'linux/arm64'] }))).toEqual([
      { stage: 'build', line: 3, reason: 'ARG BUILDER has no default and no build-arg sets it', platforms: ['linux/amd64', 'linux/arm64'], runtime: false },
      { stage: '2', line: 5, reason: 'ARG BASE has no default and no build-arg sets it', platforms: ['linux/amd64', 'linux/arm64'], runtime: true },
    ]);
  });

  it('is empty when build args resolve everything', () => {
    expect(unresolvedOf(resolveDockerfileBases('ARG BASE\nFROM $BASE\n', { buildArgs: ['BASE=alpine:3.20'] }))).toEqual([]);
  });
});
