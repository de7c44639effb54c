// A runner harness that executes the bundle (distPath) exactly as the GitHub Actions runner does:
// INPUT_* from action.yml's defaults plus the step's `with:`, the GITHUB_OUTPUT / GITHUB_STATE /
// GITHUB_ENV / GITHUB_STEP_SUMMARY files, an event payload file, and the post step run with the
// saved STATE_*.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lchownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** Where each run's PR report goes, for the render test (__tests__/render) to check as GitHub shows it. */
export const E2E_REPORTS = join(REPO_ROOT, '.tmp', 'reports');
const reportsWritten = new Map<string, number>();

/**
 * A file of the bundle under test: the e2e project's fresh bundle of src/ (STRATA_DIST, set by
 * fresh-dist.ts, its globalSetup), else the committed dist/ (the bench, a test run on its own).
 */
export function distPath(file: string): string {
  return join(process.env.STRATA_DIST ?? join(REPO_ROOT, 'dist'), file);
}

/** Keeps the report-markdown output under a name from the test that made it (overwritten each run). */
function keepReport(run: StepRun): void {
  const markdown = run.outputs['report-markdown'];
  if (!markdown) return;
  // Only inside a test run (the bench drives the harness too, without vitest's state).
  let testPath: string | undefined;
  let currentTestName: string | undefined;
  try {
    // Lazy getters: they throw outside a test, on first read.
    ({ testPath, currentTestName } = expect.getState());
  } catch {
    return;
  }
  const slug = `${basename(testPath ?? 'e2e', '.test.ts')}-${currentTestName ?? ''}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 80).replace(/-+$/, '');
  const n = (reportsWritten.get(slug) ?? 0) + 1;
  reportsWritten.set(slug, n);
  mkdirSync(E2E_REPORTS, { recursive: true });
  writeFileSync(join(E2E_REPORTS, `${slug}-${n}.md`), markdown);
}

interface ActionYml {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; main: string; post?: string };
}

export interface StepRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  env: Record<string, string>;
  summary: string;
  /** ::error:: / ::warning:: workflow commands the step printed. */
  annotations: Array<{ level: string; message: string; properties: string }>;
}

export interface JobOptions {
  /** The step's `with:` */
  with?: Record<string, string>;
  /** Extra environment (cache service, PATH for the pack double, ...). */
  env?: Record<string, string | undefined>;
  /** The event payload (GITHUB_EVENT_PATH). */
  event?: unknown;
  eventName?: string;
  repository?: string;
  sha?: string;
  ref?: string;
  /** Working directory = GITHUB_WORKSPACE. */
  workspace: string;
  job?: string;
  /**
   * Run the steps as this user (GitHub's runner is uid 1001, see RUNNER_USER), as the runner
   * does: the job's files, the workspace, HOME and RUNNER_TEMP are handed to it first.
   */
  user?: { uid: number; gid: number };
  /**
   * Another JavaScript action to run instead of Strata's bundle: a directory holding its
   * action.yml and the entries that names (the bench runs docker/build-push-action this way).
   */
  actionDir?: string;
}

/** GitHub-hosted runners run steps as uid 1001 ("runner"); scripts/test-env.sh creates that user. */
export const RUNNER_USER = { uid: 1001, gid: 1001 } as const;

/** The runner's `${{ github.token }}`-style expressions in defaults, evaluated as the runner would. */
function evaluateDefault(value: string, opts: JobOptions): string {
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/g, String(opts.env?.GITHUB_TOKEN ?? 'ghs_harnessTokenValue0123456789'));
}

export function loadActionYml(dir: string = REPO_ROOT): ActionYml {
  return parse(readFileSync(join(dir, 'action.yml'), 'utf8')) as ActionYml;
}

/** Parses the runner's file-command format: `name=value` lines and `name<<DELIM ... DELIM` blocks. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) body.push(lines[i]!);
      out[name!] = body.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

function parseAnnotations(stdout: string): StepRun['annotations'] {
  const found: StepRun['annotations'] = [];
  for (const m of stdout.matchAll(/^::(error|warning|notice)([^:]*)::(.*)$/gm)) {
    found.push({ level: m[1]!, properties: m[2]!.trim(), message: m[3]!.replace(/%0A/g, '\n').replace(/%25/g, '%').replace(/%0D/g, '\r') });
  }
  return found;
}

/** Watches a running step's output; can signal the step's node process as the runner does on cancel. */
export type StepWatcher = (output: string, step: ChildProcess) => void;

function runNode(
  entry: string,
  env: Record<string, string>,
  cwd: string,
  user?: { uid: number; gid: number },
  watch?: StepWatcher,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    // setpriv, not spawn's uid/gid: those drop the supplementary groups (docker), which the runner user has.
    const [command, args] = user
      ? ['setpriv', ['--reuid', String(user.uid), '--regid', String(user.gid), '--init-groups', '--', process.execPath, entry]]
      : [process.execPath, [entry]];
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      watch?.(stdout + stderr, child);
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      watch?.(stdout + stderr, child);
    });
    // A step ended by a signal: the exit code a shell would report.
    child.on('close', (code, signal) => resolvePromise({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** chown -R, without following links; entries another user made (a builder's cache files) are kept. */
function chownTree(path: string, user: { uid: number; gid: number }, top = true): void {
  const stat = lstatSync(path);
  if (!top && stat.uid !== 0) return;
  if (stat.uid !== user.uid || stat.gid !== user.gid) lchownSync(path, user.uid, user.gid);
  if (stat.isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name), user, false);
}

/** A job with one Strata step: run `main`, then (like the runner) `post` with the saved state. */
export class ActionJob {
  readonly dir: string;
  private readonly action: ActionYml;
  private state: Record<string, string> = {};
  private readonly opts: JobOptions;

  constructor(opts: JobOptions) {
    this.opts = opts;
    this.action = loadActionYml(opts.actionDir);
    this.dir = mkdtempSync(join(tmpdir(), 'strata-runner-'));
    mkdirSync(join(this.dir, 'temp'), { recursive: true });
  }

  private baseEnv(step: string): Record<string, string> {
    const o = this.opts;
    const files = ['output', 'state', 'env', 'summary', 'path'].map((f) => join(this.dir, `${step}-${f}`));
    for (const f of files) writeFileSync(f, '');
    const eventPath = join(this.dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(o.event ?? {}));
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      DOCKER_CONFIG: process.env.DOCKER_CONFIG ?? '',
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: o.workspace,
      GITHUB_REPOSITORY: o.repository ?? 'octo-org/hello-app',
      GITHUB_REPOSITORY_OWNER: (o.repository ?? 'octo-org/hello-app').split('/')[0]!,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'https://api.github.com',
      GITHUB_SHA: o.sha ?? '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: o.ref ?? 'refs/heads/main',
      GITHUB_EVENT_NAME: o.eventName ?? 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_RUN_ID: '4242',
      GITHUB_JOB: o.job ?? 'build',
      GITHUB_WORKFLOW: 'ci',
      GITHUB_ACTION: 'strata',
      RUNNER_TEMP: join(this.dir, 'temp'),
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      GITHUB_OUTPUT: files[0]!,
      GITHUB_STATE: files[1]!,
      GITHUB_ENV: files[2]!,
      GITHUB_STEP_SUMMARY: files[3]!,
      GITHUB_PATH: files[4]!,
    };
    if (!env.DOCKER_CONFIG) delete env.DOCKER_CONFIG;
    for (const [name, def] of Object.entries(this.action.inputs)) {
      const value = o.with?.[name] ?? evaluateDefault(def.default ?? '', o);
      // The runner upper-cases the name and turns spaces (not hyphens) into underscores.
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    }
    for (const [k, v] of Object.entries(o.env ?? {})) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    return env;
  }

  private async step(step: 'main' | 'post', extra: Record<string, string>, watch?: StepWatcher): Promise<StepRun> {
    const env = { ...this.baseEnv(step), ...extra };
    const named = step === 'main' ? this.action.runs.main : this.action.runs.post!;
    // action.yml names dist/main.mjs and dist/post.mjs; the same files of the bundle under test.
    const entry = this.opts.actionDir ? join(this.opts.actionDir, named) : distPath(relative('dist', named));
    const user = this.opts.user;
    if (user) {
      // The runner user's PATH: root's holds directories it cannot read (~/go/bin, ~/.cargo/bin).
      env.PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
      // What the runner user must own; each path only once it exists (HOME may be fresh).
      for (const dir of [this.dir, this.opts.workspace, env.HOME, env.RUNNER_TEMP]) {
        if (dir && existsSync(dir)) chownTree(dir, user);
      }
    }
    const r = await runNode(entry, env, this.opts.workspace, user, watch);
    const read = (f: string) => readFileSync(join(this.dir, `${step}-${f}`), 'utf8');
    const run: StepRun = {
      ...r,
      outputs: parseFileCommands(read('output')),
      state: parseFileCommands(read('state')),
      env: parseFileCommands(read('env')),
      summary: read('summary'),
      annotations: parseAnnotations(r.stdout),
    };
    return run;
  }

  async main(watch?: StepWatcher): Promise<StepRun> {
    const run = await this.step('main', {}, watch);
    this.state = run.state;
    keepReport(run);
    return run;
  }

  /** The post step gets the main step's saved state as STATE_<name>, as the runner does. */
  async post(): Promise<StepRun> {
    const stateEnv = Object.fromEntries(Object.entries(this.state).map(([k, v]) => [`STATE_${k}`, v]));
    return this.step('post', stateEnv);
  }

  /** main then post, as one job. */
  async run(): Promise<{ main: StepRun; post: StepRun }> {
    const main = await this.main();
    const post = await this.post();
    return { main, post };
  }
}
