// 1. Action overhead, Dockerfile mode: the bundled main step (through the runner harness) against
// the raw `docker buildx build` it runs, on a fully cached app. push=false for both: the image
// goes to the engine's image store (docker driver) and nothing is sent to the registry, so the
// registry's speed does not blur the comparison.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceFrom } from '../__tests__/support/docker.ts';
import { ActionJob } from '../__tests__/support/runner.ts';
import { bytesByOrigin, distFile, expectOk, fmtBytes, fmtMs, fmtRatio, loadTracing, median, mustRun, printTable, progress, timed, type LoadTrace } from './lib.ts';

const pct = (part: number, whole: number) => `${whole > 0 ? Math.round((part / whole) * 100) : 0}%`;

const RUNS = 5;
const GOAL = 1.15;

/** The build line the action logs (`docker buildx build ...`), as an argv for a raw replay. */
function loggedBuildArgs(stdout: string): string[] {
  const line = stdout.split('\n').find((l) => l.startsWith('docker buildx build '));
  if (!line) throw new Error(`the main step did not log its docker buildx build line:\n${stdout}`);
  return line.trim().split(/\s+/).slice(1);
}

/** The same argv with a fresh created label (the action sets it per run) and our own output files. */
function rawArgs(logged: readonly string[], dir: string): string[] {
  const args = [...logged];
  for (let i = 0; i < args.length - 1; i++) {
    if (args[i] === '--label' && args[i + 1]!.startsWith('org.opencontainers.image.created=')) {
      args[i + 1] = `org.opencontainers.image.created=${new Date().toISOString()}`;
    }
    if (args[i] === '--metadata-file') args[i + 1] = join(dir, 'metadata.json');
    if (args[i] === '--iidfile') args[i + 1] = join(dir, 'iidfile');
  }
  return args;
}

interface DockerCall {
  args: string[];
  /** ms from the step's spawn */
  start: number;
  ms: number;
}

/**
 * The docker commands one main step runs, with when each started and how long it took: a `docker`
 * shell shim first on PATH logs them around the real docker (a few ms of its own per call).
 */
async function timelineOfOneRun(job: (env: Record<string, string>) => ActionJob): Promise<{ calls: DockerCall[]; totalMs: number; trace: LoadTrace; t0: number }> {
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
  const t0 = Date.now();
  const step = await timed(() => job({ PATH: `${shimDir}:${process.env.PATH ?? ''}`, ...tracing.env }).main());
  expectOk('main step (docker shim)', step.value);
  const calls = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [s, e, ...args] = line.split('\x1f');
      args.pop(); // after the last separator
      return { args, start: Number(s) - t0, ms: Number(e) - Number(s) };
    })
    .sort((a, b) => a.start - b.start);
  return { calls, totalMs: step.ms, trace: tracing.read(), t0 };
}

/** Milliseconds covered by at least one of the intervals (calls may overlap). */
function covered(calls: readonly DockerCall[]): number {
  let total = 0;
  let end = -Infinity;
  for (const c of [...calls].sort((a, b) => a.start - b.start)) {
    const s = Math.max(c.start, end);
    if (c.start + c.ms > s) total += c.start + c.ms - s;
    end = Math.max(end, c.start + c.ms);
  }
  return total;
}

/** Docker calls, the bundle's module loads and the process's start and exit, in time order. */
function timelineRows(t: { calls: DockerCall[]; totalMs: number; trace: LoadTrace; t0: number }, rawMs: number): string[][] {
  const events: Array<{ at: number; row: string[] }> = [
    { at: t.trace.start - t.t0, row: [`  at +${fmtMs(t.trace.start - t.t0)}: node process starts`, '', '', ''] },
    { at: t.trace.exit - t.t0, row: [`  at +${fmtMs(t.trace.exit - t.t0)}: process.exit() (the exit event)`, '', '', `then ${fmtMs(t.totalMs - (t.trace.exit - t.t0))} until the harness sees it end`] },
  ];
  for (const c of t.calls) {
    const build = c.args[0] === 'buildx' && c.args[1] === 'build';
    events.push({ at: c.start, row: [`  at +${fmtMs(c.start)}: docker ${describeCall(c.args)}`, fmtMs(c.ms), build ? fmtMs(rawMs) : '', build ? 'the build itself (ref: raw median)' : ''] });
  }
  for (const l of t.trace.loads) {
    const file = distFile(l.url);
    if (file) events.push({ at: l.at - t.t0, row: [`  at +${fmtMs(l.at - t.t0)}: loads ${file.path}`, fmtBytes(file.size), '', ''] });
  }
  return events.sort((a, b) => a.at - b.at).map((e) => e.row);
}

/** `buildx imagetools inspect` for `buildx imagetools inspect REF --format {{json .Manifest}}`. */
function describeCall(args: readonly string[]): string {
  const end = args.findIndex((a) => a.startsWith('-'));
  return (end === -1 ? args : args.slice(0, end)).slice(0, 3).join(' ');
}

export async function benchOverhead(ctx: { registryHost: string; base: string }): Promise<void> {
  progress('1. action overhead: warming up');
  const workspace = workspaceFrom('examples/dockerfile-app');
  const image = `${ctx.registryHost}/bench/overhead-app`;
  const makeJob = (env: Record<string, string> = {}) =>
    new ActionJob({ workspace, with: { image, push: 'false', 'build-args': `BASE=${ctx.base}` }, env });

  const warm = expectOk('main step (warm-up)', await makeJob().main());
  const logged = loggedBuildArgs(warm.stdout);
  const rawDir = mkdtempSync(join(tmpdir(), 'strata-bench-raw-'));
  const raw = () => mustRun('docker', rawArgs(logged, rawDir), { cwd: workspace, env: { ...process.env, BUILDX_METADATA_WARNINGS: 'true' } });
  await raw();
  // A second warm-up of each, so both start from the same warm engine.
  expectOk('main step (warm-up)', await makeJob().main());
  await raw();

  progress(`1. action overhead: ${RUNS} runs each, interleaved`);
  const actionMs: number[] = [];
  const rawMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = await timed(() => makeJob().main());
    expectOk('main step', a.value);
    actionMs.push(a.ms);
    rawMs.push((await raw()).ms);
  }

  // What the overhead is made of: one more run with every docker call timed where it happens.
  progress('1. action overhead: timeline of one main step');
  const timeline = await timelineOfOneRun(makeJob);
  const isBuild = (c: DockerCall) => c.args[0] === 'buildx' && c.args[1] === 'build';
  const others = timeline.calls.filter((c) => !isBuild(c));
  const build = timeline.calls.find(isBuild);
  const outside = timeline.totalMs - covered(timeline.calls);

  const loadedFiles = timeline.trace.loads.flatMap((l) => (distFile(l.url) ? [fileURLToPath(l.url)] : []));
  const loadedBytes = loadedFiles.reduce((n, f) => n + statSync(f).size, 0);
  const origins = [...bytesByOrigin(loadedFiles)]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 5)
    .map(([name, bytes]) => `${name} ${fmtBytes(bytes)}`)
    .join(', ');
  const a = median(actionMs);
  const r = median(rawMs);
  printTable(
    '1. Action overhead, Dockerfile mode (examples/dockerfile-app, fully cached, push=false for both)',
    ['name', 'value', 'reference', 'ratio / goal'],
    [
      ['main step (dist/main.mjs via ActionJob) vs raw docker buildx build', fmtMs(a), fmtMs(r), `${fmtRatio(a, r)} (goal <= ${GOAL.toFixed(2)}x) ${a / r <= GOAL ? 'MET' : 'MISSED'}`],
      ['overhead (median difference)', fmtMs(a - r), '', `budget ${fmtMs(r * (GOAL - 1))}`],
      [`timeline of one more step (docker shim on PATH): ${timeline.calls.length} docker calls`, fmtMs(timeline.totalMs), '', ''],
      ...timelineRows(timeline, r),
      ['  docker calls besides the build (wall, overlaps merged)', fmtMs(covered(others)), '', `${pct(covered(others), timeline.totalMs - (build?.ms ?? 0))} of non-build time`],
      ['  outside any docker call (Node start, module load, JS, exit)', fmtMs(outside), '', `${pct(outside, timeline.totalMs - (build?.ms ?? 0))} of non-build time`],
    ],
    [
      `median of ${RUNS} each, interleaved, after 2 warm-ups each; raw = the exact argv the step logged (same tags, build-arg, labels with a fresh created time, metadata/iid files), same BUILDX_METADATA_WARNINGS`,
      `dist loaded by the step: ${fmtBytes(loadedBytes)}; largest origins (esbuild's module markers): ${origins}`,
      `runs (action): ${actionMs.map(fmtMs).join(', ')}`,
      `runs (raw):    ${rawMs.map(fmtMs).join(', ')}`,
    ],
  );
}
