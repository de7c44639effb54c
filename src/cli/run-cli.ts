import { mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, delimiter, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Exec } from '../adapters.js';
import type { GitHubContext } from '../context.js';
import { createDockerEngine } from '../io/docker-engine.js';
import { createExec } from '../io/exec.js';
import { terminalLogger } from '../io/terminal.js';

const USAGE = `Usage:
  strata detect [path] [options]                say how the app at path would be built, and why
      --json                the decision as JSON
      --file PATH           Dockerfile path
      --build-arg K=V       (repeatable)
      --platform P          target platform (repeatable, or comma-separated)
      --target STAGE        the stage to build
      --mode MODE           auto | dockerfile | buildpack
      --builder IMAGE       buildpack builder (as the buildpack-builder input)
  strata build [path] [options]                 build it (Dockerfile with BuildKit, or buildpacks)
      --image NAME          repository (default: the directory name)
      --tag, -t TAG         tag name or full reference (repeatable)
      --push                push to the registry
      --mode MODE           auto | dockerfile | buildpack
      --file PATH           Dockerfile path
      --platform P          target platform (repeatable)
      --build-arg K=V       (repeatable)
  strata report IMAGE [options]                 layer and base-image report for an image (registry or local)
      --baseline IMAGE      compare with this image
      --base REF            a base image it was built FROM (repeatable)
      --max-base-age DAYS   call older base images stale
      --json                the report as JSON
  strata rebase IMAGE [options]                 move IMAGE onto its base tag's current digest, no rebuild
      --old-base REF@DIGEST the base it was built on (default: from its labels)
      --new-base REF        the base to move onto (default: the old base's tag, now)
      --tag REF             where to push (repeatable; default: IMAGE's tag)
      --dry-run             plan only
`;

/** The run's git facts, for the OCI labels and default tags. */
async function gitContext(exec: Exec, dir: string): Promise<GitHubContext> {
  const git = async (...args: string[]) => {
    const r = await exec.run('git', ['-C', dir, ...args]);
    return r.exitCode === 0 ? r.stdout.trim() : '';
  };
  const [sha, branch] = await Promise.all([git('rev-parse', 'HEAD'), git('rev-parse', '--abbrev-ref', 'HEAD')]);
  return {
    eventName: 'cli',
    repository: process.env.GITHUB_REPOSITORY ?? '',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    sha,
    ref: branch && branch !== 'HEAD' ? `refs/heads/${branch}` : '',
    runId: '',
    job: '',
    workflow: '',
  };
}

export async function runCli(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  // Each command loads its own modules: the build pipeline (Dockerfile parser, cache client,
  // Octokit) is not `strata rebase`'s. (`strata report` does not come here: src/cli.ts sends it to
  // its own bundle.)
  if (argv[0] === 'rebase') {
    const { createRebaseRegistry, runRebaseCommand } = await import('./rebase-command.js');
    return runRebaseCommand(argv.slice(1), { registry: () => createRebaseRegistry(process.env, createExec()), out, err: process.stderr });
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      image: { type: 'string' },
      tag: { type: 'string', short: 't', multiple: true },
      push: { type: 'boolean' },
      mode: { type: 'string' },
      file: { type: 'string' },
      platform: { type: 'string', multiple: true },
      'build-arg': { type: 'string', multiple: true },
      target: { type: 'string' },
      builder: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, target] = positionals;
  if (values.help || !command) {
    out.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  const logger = terminalLogger();
  const exec = createExec();
  try {
    const [{ parseInputs }, { createContextFiles }] = await Promise.all([import('../inputs.js'), import('../io/context-files.js')]);
    const context = target ?? '.';
    const github = await gitContext(exec, context);
    const raw: Record<string, string> = {
      context,
      mode: values.mode ?? '',
      file: values.file ?? '',
      image: values.image ?? (github.repository ? '' : basename(resolve(context)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-')),
      tags: (values.tag ?? []).join('\n'),
      push: values.push ? 'true' : 'false',
      platforms: (values.platform ?? []).join(','),
      'build-args': (values['build-arg'] ?? []).join('\n'),
      target: values.target ?? '',
      'buildpack-builder': values.builder ?? '',
      comment: 'never',
    };
    const inputs = parseInputs((name) => raw[name] ?? '', github);
    if (command === 'detect') {
      const [{ detectReport, renderDetect }, { hostPlatform }] = await Promise.all([import('./detect-command.js'), import('../image/platforms.js')]);
      const report = await detectReport(createContextFiles(), inputs, hostPlatform());
      out.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderDetect(report));
      return 0;
    }
    if (command === 'build') {
      const [{ runMain }, { memoryOutputs, memoryState }, { createActionsCacheStore }] = await Promise.all([
        import('../run.js'),
        import('../io/terminal.js'),
        import('../cache/actions-cache.js'),
      ]);
      const outputs = memoryOutputs();
      await runMain({
        env: process.env,
        github,
        exec,
        engine: createDockerEngine({ env: process.env, exec }),
        logger,
        outputs,
        state: memoryState(),
        files: createContextFiles(),
        tempDir: mkdtempSync(join(tmpdir(), 'strata-')),
        now: () => new Date(),
        maskSecret: () => undefined,
        cacheStore: createActionsCacheStore({ env: process.env }),
        addPath: (dir) => {
          process.env.PATH = `${dir}${delimiter}${process.env.PATH ?? ''}`;
        },
        toolCache: async () => {
          // tool-cache keeps tools under RUNNER_TOOL_CACHE; outside Actions, in the user's cache.
          process.env.RUNNER_TOOL_CACHE ??= join(homedir(), '.cache', 'strata', 'tools');
          process.env.RUNNER_TEMP ??= tmpdir();
          return import('@actions/tool-cache');
        },
      }, inputs);
      out.write('\n');
      for (const [k, v] of outputs.values) {
        if (k === 'metadata' || v === '') continue;
        out.write(`${k.padEnd(12)} ${v.replace(/\n/g, `\n${' '.repeat(13)}`)}\n`);
      }
      return 0;
    }
    logger.error(`Unknown command ${JSON.stringify(command)}.\n${USAGE}`);
    return 2;
  } catch (e) {
    logger.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}
