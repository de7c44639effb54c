// `strata report` as a process: the adapters it needs and nothing else. Bundled as a file of its
// own (dist/cli-report.mjs, see scripts/bundle.mjs): the command is a short process whose time,
// measured, was mostly spent loading the shared chunks one by one.
import { createDockerEngine } from '../io/docker-engine.js';
import { createExec } from '../io/exec.js';
import { terminalLogger } from '../io/terminal.js';
import { createRunRegistryClient } from '../registry/for-run.js';
import { runReportCommand } from './report-command.js';

/** Runs `strata report` with argv after `report`; returns the exit code. */
export function reportMain(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const exec = createExec();
  return runReportCommand(argv, {
    registry: (image) => createRunRegistryClient({ env: process.env, exec, logger: terminalLogger(), image, rememberTags: true }),
    engine: createDockerEngine({ env: process.env, exec }),
    out,
    err: process.stderr,
    now: () => new Date(),
  });
}
