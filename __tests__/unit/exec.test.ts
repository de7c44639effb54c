// The exec adapter against real processes: time limits stop the whole process group, an abort
// signal stops it too, and signals reach every command still running.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createExec, runningCount, signalRunning } from '../../src/io/exec.js';

const quiet = { out: () => undefined, err: () => undefined };

function alive(marker: string): boolean {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

describe('createExec', () => {
  it('stops a command past its time limit, with everything it started, and says which command hung', async () => {
    const marker = `strata-exec-test-${process.pid}-a`;
    const started = performance.now();
    const result = await createExec(quiet).run('sh', ['-c', `sleep 30 && echo ${marker} & sleep 30; echo ${marker}`], { timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result).toMatchObject({ exitCode: 124, timedOut: true, stderr: expect.stringMatching(/^`sh -c sleep 30 .*` did not finish within 0 s and was stopped$/) });
    // The background child (in the same process group) is gone too.
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(marker)).toBe(false);
    expect(runningCount()).toBe(0);
  });

  it('hands over complete lines as they arrive, and stops the command when aborted', async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    const run = createExec(quiet).run('sh', ['-c', 'printf "#1 a\\n#1 DO"; sleep 0.1; printf "NE\\n"; sleep 30'], {
      onLine: (line) => {
        lines.push(line);
        if (line === '#1 DONE') stop.abort();
      },
      signal: stop.signal,
    });
    const result = await run;
    expect(lines).toEqual(['#1 a', '#1 DONE']);
    expect(result.signal).toBe('SIGKILL');
  });

  it('passes a signal on to every running command, which can handle it', async () => {
    const exec = createExec(quiet);
    const run = exec.run('sh', ['-c', 'trap "echo got-int; exit 130" INT; echo ready; while true; do sleep 0.05; done'], {
      onLine: (line) => {
        if (line === 'ready') expect(signalRunning('SIGINT')).toBe(1);
      },
    });
    const result = await run;
    expect(result.stdout).toContain('got-int');
    expect(result.exitCode).toBe(130);
  });

  it('a missing program is exit code 127, like a shell, and never said to have started', async () => {
    let started = 0;
    expect(await createExec(quiet).run('strata-no-such-program', [], { onSpawn: () => started++ })).toMatchObject({ exitCode: 127 });
    expect(started).toBe(0);
  });

  it('says once when the process has started, while it still runs', async () => {
    const events: string[] = [];
    const run = createExec(quiet).run('sh', ['-c', 'sleep 0.2; echo done'], {
      onSpawn: () => events.push('started'),
      onLine: (line) => events.push(line),
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(events).toEqual(['started']);
    await run;
    expect(events).toEqual(['started', 'done']);
  });
});
