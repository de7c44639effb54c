// globalSetup of the e2e project: the e2e tests run the action and the CLI as shipped, bundled,
// but from the src/ under test rather than whatever dist/ is committed (the dist-fresh unit test
// guards that one). The bundle goes to a temp dir named by STRATA_DIST, which the runner harness
// and the CLI tests read (see distPath in runner.ts). A STRATA_DIST set beforehand is used as is:
// `STRATA_DIST=$PWD/dist npx vitest run --project e2e` tests the committed bundle.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

export default function setup(): (() => void) | undefined {
  if (process.env.STRATA_DIST) return undefined;
  const parent = mkdtempSync(join(tmpdir(), 'strata-e2e-dist-'));
  // mkdtemp makes it 0700: steps run as the runner user (uid 1001) must read the bundle too.
  chmodSync(parent, 0o755);
  const dir = join(parent, 'dist');
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/bundle.mjs'), dir], { cwd: REPO_ROOT, stdio: 'inherit' });
  process.env.STRATA_DIST = dir;
  return () => {
    delete process.env.STRATA_DIST;
    rmSync(parent, { recursive: true, force: true });
  };
}
