// Hostile inputs against the bundled action, as the runner passes them: each is refused before
// anything runs or is logged, and nothing the step writes carries the payload's effect (a workflow
// command at the start of a line, a file from outside the workspace).
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ActionJob, type StepRun } from '../support/runner.js';

// Something the test plants outside the workspace, standing in for /etc/passwd.
const outside = mkdtempSync(join(tmpdir(), 'strata-outside-'));
const SECRET_LINE = 'root:x:0:0:planted-outside-the-workspace:/root:/bin/bash';
writeFileSync(join(outside, 'passwd'), `${SECRET_LINE}\n`);

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'strata-ws-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox:1.36\n');
  return dir;
}

async function main(withInputs: Record<string, string>, dir = workspace()): Promise<StepRun> {
  // No docker on PATH: a refused input must fail before any command runs.
  return new ActionJob({ workspace: dir, with: withInputs, env: { PATH: '/nonexistent' } }).main();
}

function everything(run: StepRun): string {
  return [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), JSON.stringify(run.state)].join('\n');
}

it.each([
  ['context', '--help'],
  ['file', '-'],
  ['target', '--output=type=local,dest=/tmp/x'],
  ['buildx-builder', '--help'],
])('%s %j fails the step naming the input, with nothing built', async (input, value) => {
  const run = await main({ [input]: value });
  expect(run.exitCode).toBe(1);
  expect(run.annotations).toEqual([expect.objectContaining({ level: 'error', message: expect.stringContaining(`Input "${input}" has an invalid value ${JSON.stringify(value)}`) })]);
  expect(run.stdout).not.toContain('Usage:');
});

it.each([
  ['labels', 'org.example=1\r::error title=owned::injected'],
  ['build-args', 'A=1\r::warning::injected'],
  ['tags', 'v1\r::error::injected'],
  ['target', 'app\n::error::injected'],
])('%s with a CR/LF payload: one error annotation, no injected workflow command', async (input, value) => {
  const run = await main({ [input]: value });
  expect(run.exitCode).toBe(1);
  expect(run.annotations).toHaveLength(1);
  expect(run.annotations[0]!.message).toContain(`Input "${input}"`);
  // No line the step printed starts a workflow command other than our own error.
  const commands = run.stdout.split(/\r?\n|\r/).filter((l) => l.startsWith('::'));
  expect(commands).toHaveLength(1);
  expect(commands[0]).toMatch(/^::error::Input /);
});

it.each([
  ['file', `../../../../../../../../..${outside}/passwd`],
  ['file', join(outside, 'passwd')],
  ['context', outside],
])('%s outside the workspace (%s) is refused without echoing the file', async (input, value) => {
  const run = await main({ [input]: value });
  expect(run.exitCode).toBe(1);
  expect(run.annotations[0]!.message).toContain(`Input "${input}" has an invalid value ${JSON.stringify(value)}: use a path inside the workspace`);
  expect(everything(run)).not.toContain('planted-outside');
});

it('a Dockerfile symlinked out of the workspace is refused without echoing its target', async () => {
  const dir = workspace();
  symlinkSync(join(outside, 'passwd'), join(dir, 'Dockerfile.prod'));
  const run = await main({ file: 'Dockerfile.prod' }, dir);
  expect(run.exitCode).toBe(1);
  expect(run.annotations[0]!.message).toContain('Input "file" has an invalid value "Dockerfile.prod": it leads outside the workspace through a symbolic link');
  expect(everything(run)).not.toContain('planted-outside');
});

it.each([
  ['max-base-age', '0x10', 'whole number of days'],
  ['platforms', 'foo/bar', 'os/arch[/variant]'],
])('%s %j is an error naming the value', async (input, value, accepted) => {
  const run = await main({ [input]: value });
  expect(run.exitCode).toBe(1);
  expect(run.annotations[0]!.message).toContain(`Input "${input}" has an invalid value ${JSON.stringify(value)}`);
  expect(run.annotations[0]!.message).toContain(accepted);
});
