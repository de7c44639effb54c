// actionlint (rhysd/actionlint, pinned) on every workflow in .github/workflows and on the complete
// workflows the docs tell users to copy: expression types, contexts, action inputs, job needs, the
// shell of run: steps. scripts/test-env.sh builds it from the Go module proxy; this test builds it
// too when it is missing, and is skipped, saying why, only when it cannot be built.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/runner.js';

const VERSION = 'v1.7.12';

function findActionlint(): { path?: string; why?: string } {
  const onPath = spawnSync('actionlint', ['-version'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.split('\n')[0] === VERSION) return { path: 'actionlint' };
  const go = spawnSync('go', ['env', 'GOPATH'], { encoding: 'utf8' });
  if (go.status !== 0) return { why: `actionlint ${VERSION} is not installed and there is no Go toolchain to build it (scripts/test-env.sh installs it)` };
  const bin = join(go.stdout.trim(), 'bin', 'actionlint');
  const have = () => existsSync(bin) && spawnSync(bin, ['-version'], { encoding: 'utf8' }).stdout.split('\n')[0] === VERSION;
  if (have()) return { path: bin };
  const built = spawnSync('go', ['install', `github.com/rhysd/actionlint/cmd/actionlint@${VERSION}`], { encoding: 'utf8', timeout: 300_000 });
  if (built.status === 0 && have()) return { path: bin };
  return { why: `actionlint ${VERSION} could not be built with go install: ${(built.stderr || built.error?.message || '').trim().split('\n').slice(-2).join(' ')}` };
}

const actionlint = findActionlint();
if (!actionlint.path) console.warn(`SKIPPED actionlint: ${actionlint.why}`);

function lint(dir: string): string {
  const r = spawnSync(actionlint.path!, ['-no-color', '-oneline'], { cwd: dir, encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.trim();
}

describe.skipIf(!actionlint.path)(`actionlint ${VERSION}`, () => {
  it('finds nothing in .github/workflows', () => {
    expect(lint(REPO_ROOT)).toBe('');
  });

  it('finds nothing in the workflows the docs show', () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-actionlint-'));
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    execFileSync('git', ['init', '-q', dir]);
    let n = 0;
    for (const doc of ['README.md', 'docs/fork-prs.md', 'docs/reusable-workflow.md']) {
      for (const [, block] of readFileSync(join(REPO_ROOT, doc), 'utf8').matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)) {
        const wf = parse(block!) as { on?: unknown; jobs?: unknown } | null;
        if (!wf?.on || !wf.jobs) continue; // a fragment, not a whole workflow
        writeFileSync(join(dir, '.github/workflows', `${doc.replace(/\W+/g, '-')}-${++n}.yml`), block!);
      }
    }
    expect(n).toBeGreaterThanOrEqual(4);
    expect(lint(dir)).toBe('');
  });

  it('can fail: a typo in an expression context is reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-actionlint-'));
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    execFileSync('git', ['init', '-q', dir]);
    writeFileSync(join(dir, '.github/workflows/bad.yml'), 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt_name }}\n');
    expect(lint(dir)).toMatch(/bad\.yml:6:.*evnt_name/);
  });
});
