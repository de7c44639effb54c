// typescript-eslint's recommended and type-checked rules on everything tsconfig.json covers; the
// plain .js/.mjs scripts get the untyped rules. Each rule turned off says why.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // examples/ are users' sample apps (built into images by the tests), not Strata's code.
  { ignores: ['dist/', 'node_modules/', '.tmp/', 'coverage/', 'examples/', '__tests__/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Names starting with _ are deliberately unused (rest-destructuring a field away, a callback's
      // position-only parameters).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Adapters and test doubles implement Promise-returning interfaces: `async` keeps a throw a
      // rejection even where the body has nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['__tests__/**', 'bench/**'],
    rules: {
      // Tests and benchmarks read JSON (manifests, API payloads, fixtures) loosely typed on
      // purpose: the assertions on those values are the check.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // expect(double.method) and spies pass methods around unbound by design.
      '@typescript-eslint/unbound-method': 'off',
      // String() of parsed YAML/JSON fields and of caught errors, to match on text in assertions.
      '@typescript-eslint/no-base-to-string': 'off',
      // Tests look for control characters and ANSI escapes in what they check.
      'no-control-regex': 'off',
    },
  },
  {
    // Plain JavaScript (scripts/bundle.mjs, bench/trace-loads.mjs, the render page script): no
    // types to check against.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Runs inside the headless browser that renders the report.
    files: ['__tests__/support/github-render.page.js'],
    languageOptions: { globals: globals.browser },
  },
);
