// Shared helpers for the benchmark: timing, medians, child processes, byte formatting, tables.
// Nothing here asserts a timing: the bench prints figures next to a reference and a goal.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ActionJob, REPO_ROOT, type JobOptions, type StepRun } from '../__tests__/support/runner.ts';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export interface ProcResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Spawns a program, collects its output, and times it from spawn to exit. */
export function runProc(cmd: string, args: readonly string[], opts: { env?: Record<string, string | undefined>; cwd?: string } = {}): Promise<ProcResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr, ms: performance.now() - start }));
  });
}

/** Like runProc, but throws with the output when the program fails. */
export async function mustRun(cmd: string, args: readonly string[], opts: { env?: Record<string, string | undefined>; cwd?: string } = {}): Promise<ProcResult> {
  const r = await runProc(cmd, args, opts);
  if (r.exitCode !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.exitCode}:\n${r.stdout}${r.stderr}`);
  return r;
}

/** Forgets everything the engine's own BuildKit remembers, as a fresh runner would. */
export async function pruneBuildkit(): Promise<void> {
  await mustRun('docker', ['buildx', 'prune', '--all', '--force']);
}

/**
 * Runners share the HOME path but not its contents: a job gets the path with an empty ~/.cache
 * (the e2e tests do the same), so only the Actions cache can carry anything between jobs.
 */
export function freshHomeJob(home: string, opts: JobOptions): ActionJob {
  rmSync(join(home, '.cache'), { recursive: true, force: true });
  return new ActionJob({ ...opts, env: { ...opts.env, HOME: home } });
}

/** Fails the bench with the step's output when a step that should pass did not. */
export function expectOk(what: string, step: StepRun): StepRun {
  if (step.exitCode !== 0) throw new Error(`${what} exited ${step.exitCode}:\n${step.stdout}${step.stderr}`);
  return step;
}

export function fmtMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

export function fmtRatio(value: number, reference: number): string {
  return reference > 0 ? `${(value / reference).toFixed(2)}x` : 'n/a';
}

/** A plain-text table with a title, aligned columns and optional notes under it. */
export function printTable(title: string, headers: readonly string[], rows: readonly (readonly string[])[], notes: readonly string[] = []): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const out = [`\n## ${title}`, line(headers), `|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`];
  for (const r of rows) out.push(line(headers.map((_, i) => r[i] ?? '')));
  for (const n of notes) out.push(`  ${n}`);
  console.log(out.join('\n'));
}

/** Progress to stderr, so stdout stays the report. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export interface LoadTrace {
  /** Epoch ms: the process's start, its exit, and when each file module was loaded. */
  start: number;
  exit: number;
  loads: Array<{ url: string; at: number }>;
}

/**
 * Env for Node processes that record what they load (bench/trace-loads.mjs), and readers for the
 * record: the last process's, or every process's in the order they exited.
 */
export function loadTracing(): { env: Record<string, string>; read(): LoadTrace; readAll(): LoadTrace[] } {
  const out = join(mkdtempSync(join(tmpdir(), 'strata-bench-trace-')), 'trace.json');
  const tracer = pathToFileURL(join(import.meta.dirname, 'trace-loads.mjs')).href;
  const readAll = () => readFileSync(out, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as LoadTrace);
  return { env: { NODE_OPTIONS: `--import=${tracer}`, STRATA_BENCH_TRACE: out }, readAll, read: () => readAll().at(-1)! };
}

/** A loaded module's path under the repo and size, when it is part of dist/. */
export function distFile(url: string): { path: string; size: number } | undefined {
  if (!url.startsWith('file:')) return undefined;
  const path = relative(REPO_ROOT, fileURLToPath(url));
  if (!path.startsWith('dist/')) return undefined;
  return { path, size: statSync(fileURLToPath(url)).size };
}

/** Bytes per package (or src/) in a bundle file, from esbuild's `// node_modules/pkg/...` markers. */
export function bytesByOrigin(files: readonly string[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    let origin = '(chunk glue)';
    let start = 0;
    const add = (end: number) => totals.set(origin, (totals.get(origin) ?? 0) + Buffer.byteLength(text.slice(start, end)));
    for (const m of text.matchAll(/^\/\/ (node_modules\/(?:@[^/\n]+\/)?[^/\n]+|src)\/[^\n]*$/gm)) {
      add(m.index);
      origin = m[1]!.replace(/^node_modules\//, '');
      start = m.index;
    }
    add(text.length);
  }
  return totals;
}

/** A section's goal, gathered by run.ts into one table at the end so the ratios read side by side. */
export interface Goal {
  what: string;
  value: string;
  goal: string;
  met: boolean;
}

export function printGoals(goals: readonly Goal[]): void {
  if (goals.length === 0) return;
  printTable(
    'Goals (issue 12), side by side',
    ['measure', 'measured', 'goal', 'met'],
    goals.map((g) => [g.what, g.value, g.goal, g.met ? 'MET' : 'MISSED']),
  );
}
