// 2. Cold start: spawn of the bundle to its exit when the very first input it validates is bad
// (INPUT_MODE=x fails in parseInputs), against bare Node startup. Also what loads at startup: the
// dist files the failing run loads (recorded by bench/trace-loads.mjs), by file and by package.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadActionYml, REPO_ROOT } from '../__tests__/support/runner.ts';
import { bytesByOrigin, distFile, fmtBytes, fmtMs, loadTracing, median, printTable, progress, runProc } from './lib.ts';

const RUNS = 10;
const GOAL_MS = 150;

function actionEnv(workspace: string): Record<string, string> {
  const eventPath = join(workspace, 'event.json');
  writeFileSync(eventPath, '{}');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'octo-org/hello-app',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    RUNNER_TEMP: workspace,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
  };
  for (const [name, def] of Object.entries(loadActionYml().inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = def.default ?? '';
  env.INPUT_GITHUB_TOKEN = 'ghs_benchTokenValue0123456789';
  env.INPUT_MODE = 'x';
  return env;
}

export async function benchColdStart(): Promise<void> {
  progress(`2. cold start: ${RUNS} runs each`);
  const main = join(REPO_ROOT, 'dist/main.mjs');
  const workspace = mkdtempSync(join(tmpdir(), 'strata-bench-cold-'));
  const env = actionEnv(workspace);
  const node = process.execPath;
  // One untimed run that records what it loads (static imports and any import() before the failure).
  const tracing = loadTracing();
  await runProc(node, [main], { env: { ...env, ...tracing.env }, cwd: workspace });
  const trace = tracing.read();
  const loaded = trace.loads.flatMap((l) => {
    const f = distFile(l.url);
    return f ? [{ ...f, abs: fileURLToPath(l.url) }] : [];
  });
  const chunks = loaded.filter((f) => f.path !== 'dist/main.mjs');
  const importOnly = chunks.map((f) => `import ${JSON.stringify(pathToFileURL(f.abs).href)};`).join('');

  const first = await runProc(node, [main], { env, cwd: workspace });
  const failedOnMode = first.exitCode !== 0 && /mode/i.test(first.stdout + first.stderr);
  if (!failedOnMode) throw new Error(`dist/main.mjs with INPUT_MODE=x did not fail on the mode input (exit ${first.exitCode}):\n${first.stdout}${first.stderr}`);
  await runProc(node, ['-e', '']);

  const bundleMs: number[] = [];
  const bareMs: number[] = [];
  const importMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bundleMs.push((await runProc(node, [main], { env, cwd: workspace })).ms);
    bareMs.push((await runProc(node, ['-e', ''])).ms);
    importMs.push((await runProc(node, ['--input-type=module', '-e', importOnly], { cwd: workspace })).ms);
  }
  const b = median(bundleMs);
  const bare = median(bareMs);
  const imp = median(importMs);
  const totalBytes = loaded.reduce((n, f) => n + f.size, 0);
  const origins = [...bytesByOrigin(loaded.map((f) => f.abs))].sort((x, y) => y[1] - x[1]);
  const top = origins.slice(0, 6).map(([name, bytes]) => `${name} ${fmtBytes(bytes)}`).join(', ');
  const errorLine = (first.stdout.match(/^::error::.*$/m)?.[0] ?? '').slice(0, 100);

  printTable(
    '2. Cold start: spawn of dist/main.mjs to exit on a bad first input (INPUT_MODE=x)',
    ['name', 'value', 'reference', 'ratio / goal'],
    [
      ['node dist/main.mjs (fails in parseInputs) vs node -e \'\'', fmtMs(b), fmtMs(bare), `+${fmtMs(b - bare)}; goal < ${GOAL_MS} ms ${b < GOAL_MS ? 'MET' : 'MISSED'}`],
      ['  importing the same chunks without running anything', fmtMs(imp), fmtMs(bare), `+${fmtMs(imp - bare)}`],
      [`dist files loaded before the exit: ${loaded.length}`, fmtBytes(totalBytes), '', ''],
      ...loaded.map((f) => [`  ${f.path}`, fmtBytes(f.size), '', '']),
    ],
    [
      `median of ${RUNS}, interleaved; Node ${process.version}; the step ended with: ${errorLine}`,
      `largest origins in what loads (esbuild's module markers): ${top}`,
    ],
  );
}
