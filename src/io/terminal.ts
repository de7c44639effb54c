// Adapters for the CLI: the same seams as the action, printed for a person at a terminal.
import type { Logger, Outputs, StateStore } from '../adapters.js';

export function terminalLogger(stream: NodeJS.WritableStream = process.stderr, verbose = false): Logger {
  return {
    info: (m) => stream.write(`${m}\n`),
    warning: (m, p) => stream.write(`warning: ${p?.file ? `${p.file}${p.startLine ? `:${p.startLine}` : ''}: ` : ''}${m}\n`),
    error: (m) => stream.write(`error: ${m}\n`),
    debug: (m) => {
      if (verbose) stream.write(`debug: ${m}\n`);
    },
    group: async (name, fn) => {
      stream.write(`\n== ${name}\n`);
      return fn();
    },
  };
}

export function memoryOutputs(): Outputs & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, set: (n, v) => void values.set(n, v) };
}

export function memoryState(): StateStore {
  const values = new Map<string, string>();
  return { get: (n) => values.get(n) ?? '', set: (n, v) => void values.set(n, v) };
}
