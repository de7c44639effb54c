// docker/build-push-action, the reference action of bench section 1: its action.yml and committed
// dist read at run time from a git dir or checkout (never part of this repository), and its
// inputs for the build Strata logged.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where build-push-action's repository is read from: a git dir (bare mirror, .git) or a checkout. */
const BUILD_PUSH_ACTION_ENV = 'STRATA_BENCH_BUILD_PUSH_ACTION';
const BUILD_PUSH_ACTION_DEFAULT = '/work/.mirror/docker+build-push-action/repo';

/**
 * build-push-action's action.yml and committed dist/index.cjs (its main and post), copied to a
 * temp dir at run time: its code is never part of this repository.
 */
export function buildPushAction(): { dir: string; version: string } | { missing: string } {
  const source = process.env[BUILD_PUSH_ACTION_ENV] || BUILD_PUSH_ACTION_DEFAULT;
  const dir = mkdtempSync(join(tmpdir(), 'strata-bench-bpa-'));
  mkdirSync(join(dir, 'dist'));
  const files = ['action.yml', 'dist/index.cjs'];
  try {
    // A checkout, or else a git directory whose HEAD has the files.
    const gitDir = existsSync(join(source, 'action.yml')) ? join(source, '.git') : source;
    if (existsSync(join(source, 'action.yml'))) for (const f of files) cpSync(join(source, f), join(dir, f));
    else for (const f of files) writeFileSync(join(dir, f), execFileSync('git', ['--git-dir', gitDir, 'show', `HEAD:${f}`], { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }));
    let version = 'unknown commit';
    try {
      version = execFileSync('git', ['--git-dir', gitDir, 'log', '-1', '--format=%h %cs'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    } catch {
      // A checkout without its .git: the files still run.
    }
    return { dir, version };
  } catch {
    return {
      missing:
        `docker/build-push-action not found at ${JSON.stringify(source)} (${BUILD_PUSH_ACTION_ENV}): its column is skipped. ` +
        `Get it with \`git clone --bare https://github.com/docker/build-push-action <dir>\` and set ${BUILD_PUSH_ACTION_ENV}=<dir> (a checkout works too).`,
    };
  }
}

/** build-push-action's inputs for the build Strata logged: its tags, build args, labels and file. */
export function buildPushInputs(logged: readonly string[]): Record<string, string> {
  const values = (...flags: string[]) => logged.flatMap((a, i) => (flags.includes(a) && i + 1 < logged.length ? [logged[i + 1]!] : []));
  const file = values('--file', '-f')[0];
  return {
    context: '.',
    ...(file ? { file } : {}),
    tags: values('--tag', '-t').join('\n'),
    'build-args': values('--build-arg').join('\n'),
    labels: values('--label').join('\n'),
    push: 'false',
  };
}

/** Its build summary and build record upload need the Actions artifact service, which does not run here. */
export const BUILD_PUSH_ACTION_ENV_OFF = { DOCKER_BUILD_SUMMARY: 'false', DOCKER_BUILD_RECORD_UPLOAD: 'false' };
