// `npm run bench`: Strata's performance figures, each next to a reference, in one run. Nothing is
// asserted: these are measurements to read, not tests. Sections (all by default; pick some with
// `npm run bench -- 2 4`):
//   1. action overhead in Dockerfile mode: main+post of Strata vs raw docker buildx build vs
//      docker/build-push-action, fully cached, report on
//   2. cold start of the bundle (to its first input read) vs bare Node
//   3. cold vs warm builds through the loopback Actions cache, both modes, bytes uploaded
//   4. `strata report` for two images (fresh CLI process) vs skopeo inspect of the same documents
// The goals of sections 1 and 4 are printed together at the end, so one run shows both ratios.
// Needs the test environment (scripts/test-env.sh, which `npm run bench` runs first) and a
// current dist/ (node scripts/bundle.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pushBaseImage, requireDocker } from '../__tests__/support/docker.ts';
import { startRegistry } from '../__tests__/support/registry.ts';
import { REPO_ROOT } from '../__tests__/support/runner.ts';
import { benchCache } from './cache.ts';
import { benchColdStart } from './cold-start.ts';
import { fmtMs, printGoals, progress, type Goal } from './lib.ts';
import { benchOverhead } from './overhead.ts';
import { benchRegistryReads } from './registry-reads.ts';

/** Whether dist/ is what bundling src/ makes now (by content: a fresh clone's mtimes say nothing). */
function distIsCurrent(): boolean {
  const fresh = join(mkdtempSync(join(tmpdir(), 'strata-bench-dist-')), 'dist');
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/bundle.mjs'), fresh], { cwd: REPO_ROOT });
  const contents = (root: string): string =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .map((p) => `${p.slice(root.length)}\n${readFileSync(p, 'utf8')}`)
      .sort()
      .join('\n');
  const same = contents(fresh) === contents(join(REPO_ROOT, 'dist'));
  rmSync(join(fresh, '..'), { recursive: true, force: true });
  return same;
}

/** Names, sizes and mtimes of dist/: another bundle written during the run changes it. */
function distFingerprint(): string {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return files(path);
      const st = statSync(path);
      return [`${path}:${st.size}:${st.mtimeMs}`];
    });
  return files(join(REPO_ROOT, 'dist')).sort().join('\n');
}

const wanted = new Set(process.argv.slice(2).map(Number).filter((n) => n >= 1 && n <= 4));
const sections = wanted.size > 0 ? wanted : new Set([1, 2, 3, 4]);

const start = performance.now();
await requireDocker();
console.log(`# Strata bench — Node ${process.version}, ${new Date().toISOString()}`);
if (!distIsCurrent()) console.log('WARNING: dist/ is not what src/ bundles to now; run `npm run bundle` first or the figures describe an old bundle.');

const distAtStart = distFingerprint();
const registry = await startRegistry();
const goals: Goal[] = [];
try {
  const base = `${registry.host}/library/busybox:1.36`;
  progress(`loopback registry ${registry.host}; pushing ${base}`);
  await pushBaseImage(base);
  if (sections.has(1)) goals.push(...(await benchOverhead({ registryHost: registry.host, base })));
  if (sections.has(2)) await benchColdStart();
  if (sections.has(3)) await benchCache({ registryHost: registry.host, base });
  if (sections.has(4)) goals.push(...(await benchRegistryReads({ registryHost: registry.host, base })));
} finally {
  await registry.stop();
}
printGoals(goals);
if (distFingerprint() !== distAtStart) console.log('\nWARNING: dist/ was rewritten while the bench ran (another bundle); figures may mix two builds.');
console.log(`\nbench finished in ${fmtMs(performance.now() - start)}`);
