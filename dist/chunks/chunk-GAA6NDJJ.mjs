import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// src/io/terminal.ts
function terminalLogger(stream = process.stderr, verbose = false) {
  return {
    info: (m) => stream.write(`${m}
`),
    warning: (m, p) => stream.write(`warning: ${p?.file ? `${p.file}${p.startLine ? `:${p.startLine}` : ""}: ` : ""}${m}
`),
    error: (m) => stream.write(`error: ${m}
`),
    debug: (m) => {
      if (verbose) stream.write(`debug: ${m}
`);
    },
    group: async (name, fn) => {
      stream.write(`
== ${name}
`);
      return fn();
    }
  };
}
function memoryOutputs() {
  const values = /* @__PURE__ */ new Map();
  return { values, set: (n, v) => void values.set(n, v) };
}
function memoryState() {
  const values = /* @__PURE__ */ new Map();
  return { get: (n) => values.get(n) ?? "", set: (n, v) => void values.set(n, v) };
}

export {
  terminalLogger,
  memoryOutputs,
  memoryState
};
