// Adapter: child processes. Streams output to the log when asked (builds), keeps it otherwise.
// Every command runs in its own process group with a time limit (command-bounds.ts), so a hung
// command (a Docker engine that accepts and never answers) is stopped with everything it started,
// and a cancelled step can pass SIGINT/SIGTERM on to whatever is still running.
import type { ChildProcess } from 'node:child_process';
import type { Exec, ExecOptions, ExecResult } from '../adapters.js';
import { commandTimeoutMs, describeTimeout } from './command-bounds.js';

const running = new Set<ChildProcess>();

/** Sends `signal` to the process group of every command still running; returns how many there were. */
export function signalRunning(signal: NodeJS.Signals): number {
  for (const child of running) killGroup(child, signal);
  return running.size;
}

export function runningCount(): number {
  return running.size;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

export function createExec(write: { out: (s: string) => void; err: (s: string) => void } = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
}): Exec {
  return {
    run(command: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
      return new Promise((resolve) => {
        // Loaded on the first command, not with this module: child_process brings net, stream and
        // dgram (~3 ms), and `strata report` reads the engine over its API without running any.
        const { spawn } = process.getBuiltinModule('node:child_process');
        const child = spawn(command, args, {
          cwd: options.cwd,
          env: { ...process.env, ...options.env },
          stdio: ['pipe', 'pipe', 'pipe'],
          // Its own process group: killing the group reaches the docker CLI's plugins (buildx).
          detached: true,
        });
        running.add(child);
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        const lines = { out: '', err: '' };
        const onData = (stream: 'out' | 'err', d: Buffer): void => {
          (stream === 'out' ? out : err).push(d);
          if (options.stream) write[stream](d.toString());
          if (options.onLine) {
            const text = lines[stream] + d.toString();
            const parts = text.split('\n');
            lines[stream] = parts.pop()!;
            for (const line of parts) options.onLine(line, stream);
          }
        };
        child.stdout.on('data', (d: Buffer) => onData('out', d));
        child.stderr.on('data', (d: Buffer) => onData('err', d));

        const limit = options.timeoutMs === undefined ? commandTimeoutMs(command, args) : options.timeoutMs || undefined;
        let timedOut = false;
        const timer =
          limit === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                killGroup(child, 'SIGKILL');
              }, limit);
        timer?.unref();
        const onAbort = (): void => killGroup(child, 'SIGKILL');
        options.signal?.addEventListener('abort', onAbort, { once: true });

        let settled = false;
        const settle = (result: ExecResult): void => {
          if (settled) return;
          settled = true;
          running.delete(child);
          if (timer) clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
          resolve(result);
        };
        child.on('error', (e) => {
          // A missing program is an exit code like a shell's, so callers handle one shape.
          settle({ exitCode: 127, stdout: '', stderr: `${command}: ${e.message}` });
        });
        child.on('close', (code, signal) => {
          if (options.onLine) for (const s of ['out', 'err'] as const) if (lines[s]) options.onLine(lines[s], s);
          const stdout = Buffer.concat(out).toString();
          const stderr = Buffer.concat(err).toString();
          if (timedOut) return settle({ exitCode: 124, stdout, stderr: describeTimeout(command, args, limit!), timedOut: true });
          settle({ exitCode: code ?? (signal ? 128 + signalNumber(signal) : 1), stdout, stderr, ...(signal ? { signal } : {}) });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input ?? '');
        if (options.onSpawn) child.once('spawn', options.onSpawn);
      });
    },
  };
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 1;
}
