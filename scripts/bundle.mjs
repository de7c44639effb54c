// Bundles src/ into dist/ (committed: the runner executes dist/ without installing anything).
// Usage: node scripts/bundle.mjs [outdir]   (a test bundles into a temp dir and diffs with dist/)
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinModules, createRequire } from 'node:module';

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
// An ES import of a Node built-in builds a facade that reads every export of it, and with them
// lazy getters that load more built-ins (`node:util`'s TextDecoder, `node:fs`'s streams and
// promises, `node:http`'s undici): milliseconds before the CLI's first request, measured. Each
// built-in is bundled instead as a module that takes the object from process.getBuiltinModule
// and exports each name as a pure read, so esbuild keeps only the names Strata uses and nothing
// else of the built-in is touched. Names come from the built-in itself at bundle time.
const nodeRequire = createRequire(import.meta.url);
const builtinsByName = {
  name: 'builtins-by-name',
  setup(b) {
    b.onResolve({ filter: /^[a-z_/:]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!args.path.startsWith('node:') && !builtinModules.includes(name)) return undefined;
      // CommonJS dependencies' require() gets the module object itself: nothing is read from it.
      return { path: `node:${name}`, namespace: args.kind === 'require-call' ? 'node-builtin-cjs' : 'node-builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'node-builtin-cjs' }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
    b.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (args) => {
      const names = Object.keys(nodeRequire(args.path)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
      return {
        contents: [
          // Pure too: a built-in none of whose names is used is not loaded at all.
          `const m = /* @__PURE__ */ process.getBuiltinModule(${JSON.stringify(args.path)});`,
          'export default m;',
          ...names.map((n) => `export const ${n} = /* @__PURE__ */ (() => m.${n})();`),
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};
rmSync(outdir, { recursive: true, force: true });
const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  legalComments: 'none',
  sourcemap: false,
  logLevel: 'warning',
  plugins: [lazyOidcClient, builtinsByName],
  // Some CommonJS dependencies call require() on Node built-ins; ESM output needs a real require.
  banner: {
    js: "import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);",
  },
};
// `strata report` runs from dist/cli-report.mjs, a bundle of its own in one file: the command is
// a short process, and loading the shared chunks one by one cost it ~13 ms of ~110 (measured).
const reportBundle = {
  name: 'report-bundle',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli\/report-main\.js$/ }, (args) => (args.importer.endsWith('src/cli.ts') ? { path: './cli-report.mjs', external: true } : undefined));
  },
};
await build({
  ...common,
  entryPoints: { main: 'src/main.ts', post: 'src/post.ts', cli: 'src/cli.ts' },
  outdir,
  // Splitting keeps heavy modules (the cache client, Octokit, the registry client) in chunks that
  // load on first use, so the step starts fast.
  splitting: true,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [...common.plugins, reportBundle],
});
await build({ ...common, entryPoints: { 'cli-report': 'src/cli/report-main.ts' }, outdir, splitting: false, outExtension: { '.js': '.mjs' } });

// Node decodes a source file with any non-ASCII byte into a two-byte string (twice the memory, a
// slower decode at every start). esbuild escapes strings, regular expressions and names, but
// copies comments as written, and dependencies' comments carry dashes and curly quotes: those are
// escaped here (inside a comment, `\u2014` is only text). A test keeps dist/ ASCII.
for (const file of readdirSync(outdir, { recursive: true })) {
  if (!String(file).endsWith('.mjs')) continue;
  const path = join(outdir, String(file));
  const text = readFileSync(path, 'utf8');
  const ascii = text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(path, ascii);
}
