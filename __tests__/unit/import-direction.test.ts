import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Imports follow the pipeline's direction: a stage may import itself and earlier stages, never a
// later one. Shared vocabulary (src/image/, src/registry/reference.ts) may be imported by anyone.
const ORDER = ['inputs', 'detect', 'build', 'cache', 'registry', 'image', 'compare', 'report', 'github', 'rebase', 'cli'];
const SRC = resolve(__dirname, '../../src');

function stageOf(file: string): string | undefined {
  const rel = relative(SRC, file).split('\\').join('/');
  // The run's context is read from the environment at the start, like the inputs.
  if (rel === 'inputs.ts' || rel === 'inputs-build.ts' || rel === 'context.ts') return 'inputs';
  const top = rel.split('/')[0]!;
  return ORDER.includes(top) ? top : undefined;
}

function isVocabulary(file: string): boolean {
  const rel = relative(SRC, file).split('\\').join('/');
  return rel.startsWith('image/') || rel === 'registry/reference.ts';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

// Static `import … from`, `export … from` and dynamic `import('…')`, type-only ones included.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)['"](\.[^'"]+)['"]/gm;

function violations(files: readonly { path: string; text: string }[]): string[] {
  const out: string[] = [];
  for (const { path, text } of files) {
    const from = stageOf(path);
    if (from === undefined) continue;
    for (const m of text.matchAll(IMPORT)) {
      const target = resolve(dirname(path), m[1]!.replace(/\.js$/, '.ts'));
      const to = stageOf(target);
      if (to === undefined || isVocabulary(target)) continue;
      if (ORDER.indexOf(to) > ORDER.indexOf(from)) out.push(`${relative(SRC, path)} (${from}) imports ${relative(SRC, target)} (${to})`);
    }
  }
  return out.sort();
}

describe('imports follow the pipeline', () => {
  it('finds a backwards import (the check can fail)', () => {
    const path = join(SRC, 'registry/for-run.ts');
    expect(violations([{ path, text: "import type { X } from '../compare/gather.js';\nimport { y } from '../image/labels.js';" }])).toEqual([
      'registry/for-run.ts (registry) imports compare/gather.ts (compare)',
    ]);
    // The run's context is the inputs stage's: it may not reach into build/ or github/.
    expect(violations([{ path: join(SRC, 'context.ts'), text: "import { x } from './github/octokit.js';" }])).toEqual([
      'context.ts (inputs) imports github/octokit.ts (github)',
    ]);
  });

  it('no module in src/ imports from a later stage', () => {
    const files = sourceFiles(SRC).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    expect(violations(files)).toEqual([]);
  });
});
