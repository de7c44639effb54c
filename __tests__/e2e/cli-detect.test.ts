// `strata detect --json` end to end: the CLI bundled from src/ (as dist/cli.mjs is), run as a
// process on a multi-stage, multi-platform Dockerfile with build args. No engine needed: detection
// reads files only.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { hostPlatform } from '../../src/image/platforms.js';
import { distPath, REPO_ROOT } from '../support/runner.js';

const run = promisify(execFile);
const cliPath = distPath('cli.mjs');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cliPath, ...args], { cwd: REPO_ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

// A Go service built on the build platform and shipped on a per-architecture runtime stage (the
// pattern of docker/buildx and many Go projects), with the Go version and registry as build args.
const DOCKERFILE = `# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22
ARG REGISTRY=docker.io
ARG DEBUG_IMAGE

FROM --platform=$BUILDPLATFORM \${REGISTRY}/library/golang:\${GO_VERSION}-alpine AS build
ARG TARGETOS TARGETARCH
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app ./cmd/app

FROM gcr.io/distroless/static-debian12:nonroot AS runtime-amd64
FROM gcr.io/distroless/static-debian12:nonroot-arm64 AS runtime-arm64

FROM \${DEBUG_IMAGE} AS debug
COPY --from=build /out/app /app

FROM runtime-\${TARGETARCH} AS final
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`;

function writeApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'strata-detect-'));
  writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(dir, 'go.mod'), 'module example.com/app\n');
  return dir;
}

it('prints every stage and the runtime base per platform, with build args applied', async () => {
  const dir = writeApp();
  const r = await cli(['detect', dir, '--json', '--platform', 'linux/amd64', '--platform', 'linux/arm64', '--build-arg', 'GO_VERSION=1.23', '--build-arg', 'REGISTRY=mirror.example.com:5000']);
  expect(r.code, r.stderr).toBe(0);
  const report = JSON.parse(r.stdout);
  expect(report).toMatchObject({ mode: 'dockerfile', decidedBy: 'Dockerfile', dockerfile: join(dir, 'Dockerfile'), buildPlatform: hostPlatform() });
  const build = { kind: 'image', reference: 'mirror.example.com:5000/library/golang:1.23-alpine' };
  const debug = { kind: 'unresolved', reason: 'ARG DEBUG_IMAGE has no default and no build-arg sets it' };
  expect(report.platforms).toEqual([
    {
      platform: 'linux/amd64',
      final: 'final',
      runtimeStage: 'runtime-amd64',
      runtime: { kind: 'image', reference: 'gcr.io/distroless/static-debian12:nonroot' },
      stages: [
        { index: 0, name: 'build', line: 6, from: '${REGISTRY}/library/golang:${GO_VERSION}-alpine', base: build, platform: hostPlatform(), reachable: true },
        { index: 1, name: 'runtime-amd64', line: 10, from: 'gcr.io/distroless/static-debian12:nonroot', base: { kind: 'image', reference: 'gcr.io/distroless/static-debian12:nonroot' }, reachable: true },
        { index: 2, name: 'runtime-arm64', line: 11, from: 'gcr.io/distroless/static-debian12:nonroot-arm64', base: { kind: 'image', reference: 'gcr.io/distroless/static-debian12:nonroot-arm64' }, reachable: false },
        { index: 3, name: 'debug', line: 13, from: '${DEBUG_IMAGE}', base: debug, reachable: false },
        { index: 4, name: 'final', line: 16, from: 'runtime-${TARGETARCH}', base: { kind: 'stage', stage: 'runtime-amd64' }, reachable: true },
      ],
    },
    {
      platform: 'linux/arm64',
      final: 'final',
      runtimeStage: 'runtime-arm64',
      runtime: { kind: 'image', reference: 'gcr.io/distroless/static-debian12:nonroot-arm64' },
      stages: [
        { index: 0, name: 'build', line: 6, from: '${REGISTRY}/library/golang:${GO_VERSION}-alpine', base: build, platform: hostPlatform(), reachable: true },
        { index: 1, name: 'runtime-amd64', line: 10, from: 'gcr.io/distroless/static-debian12:nonroot', base: { kind: 'image', reference: 'gcr.io/distroless/static-debian12:nonroot' }, reachable: false },
        { index: 2, name: 'runtime-arm64', line: 11, from: 'gcr.io/distroless/static-debian12:nonroot-arm64', base: { kind: 'image', reference: 'gcr.io/distroless/static-debian12:nonroot-arm64' }, reachable: true },
        { index: 3, name: 'debug', line: 13, from: '${DEBUG_IMAGE}', base: debug, reachable: false },
        { index: 4, name: 'final', line: 16, from: 'runtime-${TARGETARCH}', base: { kind: 'stage', stage: 'runtime-arm64' }, reachable: true },
      ],
    },
  ]);
});

it('says "unresolved" for the runtime base of a target it cannot know, and prints it plainly', async () => {
  const dir = writeApp();
  const r = await cli(['detect', dir, '--target', 'debug']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain(`${hostPlatform()}: runs on unresolved: ARG DEBUG_IMAGE has no default and no build-arg sets it (final stage debug)`);
  expect(r.stdout).toMatch(/line 6 +build +FROM \$\{REGISTRY\}\/library\/golang:\$\{GO_VERSION\}-alpine → docker\.io\/library\/golang:1\.22-alpine/);
});

it('prints the builder for a buildpack app', async () => {
  const r = await cli(['detect', '__tests__/fixtures/apps/php-htdocs', '--json']);
  expect(r.code, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({
    mode: 'buildpack',
    decidedBy: 'htdocs/index.php',
    builder: { builder: 'paketobuildpacks/builder-jammy-full', language: 'php' },
  });
});

it('fails with the reason for a Rust app no default builder carries', async () => {
  const r = await cli(['detect', '__tests__/fixtures/apps/rust-cargo']);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('is a Rust app (__tests__/fixtures/apps/rust-cargo/Cargo.toml)');
  expect(r.stderr).toContain('paketo-community/rust');
});

it('rejects a bad platform flag like the action rejects the input', async () => {
  const r = await cli(['detect', writeApp(), '--platform', 'amd64']);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('"amd64"');
});
