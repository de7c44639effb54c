// The runner harness running another JavaScript action (JobOptions.actionDir), as the bench runs
// docker/build-push-action's committed dist: its own action.yml's input defaults, its entry for
// main and post (one file for both, told apart by the state it saved, as build-push-action does).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionJob } from '../support/runner.js';

function tinyAction(): string {
  const dir = mkdtempSync(join(tmpdir(), 'strata-tiny-action-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(
    join(dir, 'action.yml'),
    [
      'name: tiny',
      'inputs:',
      '  greeting:',
      '    default: hello',
      '  build-args:',
      "    default: ''",
      'runs:',
      "  using: 'node24'",
      "  main: 'dist/index.cjs'",
      "  post: 'dist/index.cjs'",
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'dist', 'index.cjs'),
    [
      "const fs = require('node:fs');",
      'const post = Boolean(process.env.STATE_isPost);',
      "if (!post) fs.appendFileSync(process.env.GITHUB_STATE, 'isPost=true\\n');",
      "fs.appendFileSync(process.env.GITHUB_OUTPUT, `step=${post ? 'post' : 'main'}\\ngreeting=${process.env.INPUT_GREETING}\\nargs=${process.env['INPUT_BUILD-ARGS']}\\n`);",
      '',
    ].join('\n'),
  );
  return dir;
}

describe('ActionJob with actionDir', () => {
  it("runs the action's own entry for main and post, with its inputs and the saved state", async () => {
    const job = new ActionJob({ workspace: mkdtempSync(join(tmpdir(), 'strata-ws-')), actionDir: tinyAction(), with: { 'build-args': 'A=1' } });
    const { main, post } = await job.run();
    expect(main.exitCode, main.stderr).toBe(0);
    expect(main.outputs).toEqual({ step: 'main', greeting: 'hello', args: 'A=1' });
    expect(post.outputs.step).toBe('post');
  });
});
