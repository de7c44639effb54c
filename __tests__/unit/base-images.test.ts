import { describe, expect, it } from 'vitest';
import { baseImagesOf, substituteArgs } from '../../src/build/base-images.js';

describe('substituteArgs', () => {
  const vars = new Map([['V', '20'], ['EMPTY', '']]);
  it.each([
    ['node:$V', 'node:20'],
    ['node:${V}-slim', 'node:20-slim'],
    ['node:${MISSING:-18}', 'node:18'],
    ['node:${EMPTY:-18}', 'node:18'],
    ['node:${EMPTY-18}', 'node:'],
    ['x${V:+-set}', 'x-set'],
    ['x${MISSING:+-set}', 'x'],
    ['$MISSING', ''],
  ])('%s', (text, expected) => expect(substituteArgs(text, vars)).toBe(expected));
});

describe('baseImagesOf', () => {
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

  it('skips scratch and ignores ARGs declared after the first FROM', () => {
    const df = 'FROM alpine:3.19\nARG LATE=x\nFROM scratch\nCOPY --from=0 / /\n';
    expect(baseImagesOf(df)).toEqual([{ reference: 'alpine:3.19', stage: '0', runtime: false, file: undefined, line: 1 }]);
  });

  it('marks a base used by several stages once, as runtime when the final stage uses it', () => {
    const df = 'FROM alpine:3.19 AS a\nRUN x\nFROM alpine:3.19\n';
    expect(baseImagesOf(df)).toEqual([{ reference: 'alpine:3.19', stage: 'a', runtime: true, file: undefined, line: 1 }]);
  });

  it('keeps FROM --platform and digests', () => {
    const df = 'FROM --platform=$BUILDPLATFORM alpine:3.19@sha256:' + 'a'.repeat(64) + '\n';
    expect(baseImagesOf(df)[0]!.reference).toBe('alpine:3.19@sha256:' + 'a'.repeat(64));
  });
});
