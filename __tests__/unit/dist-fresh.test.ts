// dist/ is what the runner executes: it must be exactly what `npm run bundle` makes from src/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../support/runner.js';

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

it('dist/ matches a fresh bundle of src/ (run `npm run bundle` and commit dist/)', () => {
  const fresh = join(mkdtempSync(join(tmpdir(), 'strata-dist-')), 'dist');
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/bundle.mjs'), fresh], { cwd: REPO_ROOT });
  const committed = files(join(REPO_ROOT, 'dist'));
  const rebuilt = files(fresh);
  expect([...committed.keys()].sort()).toEqual([...rebuilt.keys()].sort());
  for (const [name, content] of rebuilt) {
    expect(committed.get(name) === content, `dist/${name} is stale`).toBe(true);
  }
}, 60_000);

// Node decodes a source file with any non-ASCII byte into a two-byte string: twice the memory and
// a slower decode for every start of the CLI and the action (esbuild escapes strings, not comments).
it('dist/ is ASCII (a comment with `…` or `—` kept by the bundler makes Node read the file as UTF-16)', () => {
  for (const [name, content] of files(join(REPO_ROOT, 'dist'))) {
    const at = content.search(/[\u0080-\uffff]/);
    expect(at, `dist/${name} has ${JSON.stringify(content.slice(Math.max(0, at - 30), at + 10))}`).toBe(-1);
  }
});
