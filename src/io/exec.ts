// Adapter: child processes. Streams output to the log when asked (builds), keeps it otherwise.
import { spawn } from 'node:child_process';
import type { Exec, ExecOptions, ExecResult } from '../adapters.js';

export function createExec(write: { out: (s: string) => void; err: (s: string) => void } = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
}): Exec {
  return {
    run(command: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
      return new Promise((resolve) => {
        const child = spawn(command, args, {
          cwd: options.cwd,
          env: { ...process.env, ...options.env },
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (d: Buffer) => {
          out.push(d);
          if (options.stream) write.out(d.toString());
        });
        child.stderr.on('data', (d: Buffer) => {
          err.push(d);
          if (options.stream) write.err(d.toString());
        });
        child.on('error', (e) => {
          // A missing program is an exit code like a shell's, so callers handle one shape.
          resolve({ exitCode: 127, stdout: '', stderr: `${command}: ${e.message}` });
        });
        child.on('close', (code) => {
          resolve({ exitCode: code ?? 1, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input ?? '');
      });
    },
  };
}
