// Where one job's time goes (bench section 1): the docker commands its main and post steps run,
// timed by a `docker` shell shim first on PATH, the registry and GitHub requests the counting
// proxies saw, and the dist files each step's node process loaded, in one time line.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionJob } from '../__tests__/support/runner.ts';
import { shortPath, type CountingProxy, type ProxiedRequest } from './counting-proxy.ts';
import { distFile, expectOk, fmtBytes, fmtMs, loadTracing, timed, type LoadTrace } from './lib.ts';

export interface DockerCall {
  args: string[];
  /** ms from the job's start */
  start: number;
  ms: number;
}

/** A request one of the counting proxies saw during the job. */
export interface JobRequest {
  /** 'registry' or 'GitHub' */
  service: string;
  request: ProxiedRequest;
}

export interface JobTimeline {
  calls: DockerCall[];
  requests: JobRequest[];
  mainMs: number;
  postMs: number;
  /** The main step's process and then the post step's. */
  traces: LoadTrace[];
  t0: number;
}

/**
 * The docker commands one job (main, then post) runs, with when each started and how long it took:
 * a `docker` shell shim first on PATH logs them around the real docker (a few ms of its own per call).
 */
export async function timelineOfOneJob(
  job: (env: Record<string, string>) => ActionJob,
  proxies: Record<string, CountingProxy>,
  env: Record<string, string> = {},
): Promise<JobTimeline> {
  const shimDir = mkdtempSync(join(tmpdir(), 'strata-bench-shim-'));
  const realDocker = execFileSync('sh', ['-c', 'command -v docker']).toString().trim();
  const log = join(shimDir, 'calls.log');
  writeFileSync(log, '');
  const shim = join(shimDir, 'docker');
  writeFileSync(
    shim,
    `#!/bin/sh\ns=$(date +%s%3N)\n${JSON.stringify(realDocker)} "$@"\nrc=$?\ne=$(date +%s%3N)\n` +
      `{ printf '%s\\037%s\\037' "$s" "$e"; printf '%s\\037' "$@"; printf '\\n'; } >>${JSON.stringify(log)}\nexit $rc\n`,
  );
  chmodSync(shim, 0o755);
  const tracing = loadTracing();
  const from = Object.fromEntries(Object.entries(proxies).map(([service, p]) => [service, p.requests.length]));
  const t0 = Date.now();
  const j = job({ ...env, PATH: `${shimDir}:${process.env.PATH ?? ''}`, ...tracing.env });
  const main = await timed(() => j.main());
  expectOk('main step (docker shim)', main.value);
  const post = await timed(() => j.post());
  expectOk('post step (docker shim)', post.value);
  const calls = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [s, e, ...args] = line.split('\x1f');
      args.pop(); // after the last separator
      return { args, start: Number(s) - t0, ms: Number(e) - Number(s) };
    })
    .sort((a, b) => a.start - b.start);
  const requests = Object.entries(proxies).flatMap(([service, p]) => p.requests.slice(from[service]).map((request) => ({ service, request })));
  return { calls, requests, mainMs: main.ms, postMs: post.ms, traces: tracing.readAll(), t0 };
}

/** Milliseconds covered by at least one of the intervals (calls may overlap). */
export function covered(calls: readonly DockerCall[]): number {
  let total = 0;
  let end = -Infinity;
  for (const c of [...calls].sort((a, b) => a.start - b.start)) {
    const s = Math.max(c.start, end);
    if (c.start + c.ms > s) total += c.start + c.ms - s;
    end = Math.max(end, c.start + c.ms);
  }
  return total;
}

export const isBuild = (c: DockerCall) => c.args[0] === 'buildx' && c.args[1] === 'build';

/** Docker calls, the bundle's module loads and each step's process start and exit, in time order. */
export function timelineRows(t: JobTimeline, rawMs: number): string[][] {
  const events: Array<{ at: number; row: string[] }> = [];
  t.traces.forEach((trace, i) => {
    const step = i === 0 ? 'main' : 'post';
    events.push({ at: trace.start - t.t0, row: [`  at +${fmtMs(trace.start - t.t0)}: ${step} step's node process starts`, '', '', ''] });
    events.push({ at: trace.exit - t.t0, row: [`  at +${fmtMs(trace.exit - t.t0)}: ${step} step's process.exit() (the exit event)`, '', '', ''] });
    for (const l of trace.loads) {
      const file = distFile(l.url);
      if (file) events.push({ at: l.at - t.t0, row: [`  at +${fmtMs(l.at - t.t0)}: loads ${file.path}`, fmtBytes(file.size), '', ''] });
    }
  });
  for (const { service, request: q } of t.requests) {
    events.push({ at: q.at - t.t0, row: [`  at +${fmtMs(q.at - t.t0)}: ${service} ${shortPath(`${q.method} ${q.path}`)} (${q.agent || 'no user agent'})`, fmtMs(q.end - q.at), '', String(q.status)] });
  }
  for (const c of t.calls) {
    const build = isBuild(c);
    events.push({ at: c.start, row: [`  at +${fmtMs(c.start)}: docker ${describeCall(c.args)}`, fmtMs(c.ms), build ? fmtMs(rawMs) : '', build ? 'the build itself (ref: raw median)' : ''] });
  }
  return events.sort((a, b) => a.at - b.at).map((e) => e.row);
}

/** `buildx imagetools inspect` for `buildx imagetools inspect REF --format {{json .Manifest}}`. */
function describeCall(args: readonly string[]): string {
  const end = args.findIndex((a) => a.startsWith('-'));
  return (end === -1 ? args : args.slice(0, end)).slice(0, 3).join(' ');
}
