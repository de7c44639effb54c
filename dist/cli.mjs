#!/usr/bin/env node
import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// src/cli.ts
var argv = process.argv.slice(2);
process.exitCode = argv[0] === "report" ? await (await import("./cli-report.mjs")).reportMain(argv.slice(1)) : await (await import("./chunks/run-cli-J7U4SSQ6.mjs")).runCli(argv);
