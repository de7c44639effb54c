#!/usr/bin/env node
// strata: the action's core outside GitHub. `strata detect [path]`, `strata build [path]`,
// `strata report IMAGE [--baseline IMAGE]`.
const argv = process.argv.slice(2);
// `strata report` is a short process whose time is mostly module loading: it goes straight to its
// own one-file bundle (scripts/bundle.mjs), before anything else of the CLI loads.
process.exitCode =
  argv[0] === 'report'
    ? await (await import('./cli/report-main.js')).reportMain(argv.slice(1))
    : await (await import('./cli/run-cli.js')).runCli(argv);
