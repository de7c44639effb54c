#!/usr/bin/env node
// strata: the action's core outside GitHub. `strata detect [path]`, `strata build [path]`,
// `strata report IMAGE [--baseline IMAGE]`.
import { runCli } from './cli/run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
