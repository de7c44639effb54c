// Bundles src/ into dist/ (committed: the runner executes dist/ without installing anything).
// Usage: node scripts/bundle.mjs [outdir]   (a test bundles into a temp dir and diffs with dist/)
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = process.argv[2] ?? 'dist';

// @actions/core imports its OIDC client eagerly, and with it @actions/http-client and undici
// (~0.8 MB) that every step would parse before reading its first input, though Strata never asks
// for an ID token. This plugin hands core.js a stand-in whose getIDToken loads the real client on
// first use, so behaviour is unchanged and the HTTP stack stays off the startup path.
const lazyOidcClient = {
  name: 'lazy-oidc-client',
  setup(b) {
    b.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      /[\\/]@actions[\\/]core[\\/]lib[\\/]core\.js$/.test(args.importer)
        ? { path: args.resolveDir + '/oidc-utils.js', namespace: 'lazy-oidc' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-oidc' }, (args) => ({
      resolveDir: args.path.replace(/\/oidc-utils\.js$/, ''),
      contents: `export class OidcClient {
  static async getIDToken(audience) {
    const { OidcClient: Real } = await import(${JSON.stringify(args.path)});
    return Real.getIDToken(audience);
  }
}`,
    }));
  },
};
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
  plugins: [lazyOidcClient],
  // Some CommonJS dependencies call require() on Node built-ins; ESM output needs a real require.
  banner: {
    js: "import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);",
  },
});
