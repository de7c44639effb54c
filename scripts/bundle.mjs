// Bundles src/ into dist/ (committed: the runner executes dist/ without installing anything).
// Usage: node scripts/bundle.mjs [outdir]   (a test bundles into a temp dir and diffs with dist/)
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = process.argv[2] ?? 'dist';
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/main.ts', post: 'src/post.ts', cli: 'src/cli.ts' },
  outdir,
  bundle: true,
  // Splitting keeps heavy modules (the cache client, Octokit, the registry client) in chunks that
  // load on first use, so the step starts fast.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  sourcemap: false,
  logLevel: 'warning',
  // Some CommonJS dependencies call require() on Node built-ins; ESM output needs a real require.
  banner: {
    js: "import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);",
  },
});
