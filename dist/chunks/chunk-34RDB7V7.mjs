import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  commandTimeoutMs,
  describeTimeout
} from "./chunk-55EGGPV3.mjs";

// src/io/exec.ts
var running = /* @__PURE__ */ new Set();
function signalRunning(signal) {
  for (const child of running) killGroup(child, signal);
  return running.size;
}
function runningCount() {
  return running.size;
}
function killGroup(child, signal) {
  if (child.pid === void 0) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
    }
  }
}
function createExec(write = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s)
}) {
  return {
    run(command, args, options = {}) {
      return new Promise((resolve) => {
        const { spawn } = process.getBuiltinModule("node:child_process");
        const child = spawn(command, args, {
          cwd: options.cwd,
          env: { ...process.env, ...options.env },
          stdio: ["pipe", "pipe", "pipe"],
          // Its own process group: killing the group reaches the docker CLI's plugins (buildx).
          detached: true
        });
        running.add(child);
        const out = [];
        const err = [];
        const lines = { out: "", err: "" };
        const onData = (stream, d) => {
          (stream === "out" ? out : err).push(d);
          if (options.stream) write[stream](d.toString());
          if (options.onLine) {
            const text = lines[stream] + d.toString();
            const parts = text.split("\n");
            lines[stream] = parts.pop();
            for (const line of parts) options.onLine(line, stream);
          }
        };
        child.stdout.on("data", (d) => onData("out", d));
        child.stderr.on("data", (d) => onData("err", d));
        const limit = options.timeoutMs === void 0 ? commandTimeoutMs(command, args) : options.timeoutMs || void 0;
        let timedOut = false;
        const timer = limit === void 0 ? void 0 : setTimeout(() => {
          timedOut = true;
          killGroup(child, "SIGKILL");
        }, limit);
        timer?.unref();
        const onAbort = () => killGroup(child, "SIGKILL");
        options.signal?.addEventListener("abort", onAbort, { once: true });
        let settled = false;
        const settle = (result) => {
          if (settled) return;
          settled = true;
          running.delete(child);
          if (timer) clearTimeout(timer);
          options.signal?.removeEventListener("abort", onAbort);
          resolve(result);
        };
        child.on("error", (e) => {
          settle({ exitCode: 127, stdout: "", stderr: `${command}: ${e.message}` });
        });
        child.on("close", (code, signal) => {
          if (options.onLine) {
            for (const s of ["out", "err"]) if (lines[s]) options.onLine(lines[s], s);
          }
          const stdout = Buffer.concat(out).toString();
          const stderr = Buffer.concat(err).toString();
          if (timedOut) return settle({ exitCode: 124, stdout, stderr: describeTimeout(command, args, limit), timedOut: true });
          settle({ exitCode: code ?? (signal ? 128 + signalNumber(signal) : 1), stdout, stderr, ...signal ? { signal } : {} });
        });
        child.stdin.on("error", () => void 0);
        child.stdin.end(options.input ?? "");
        if (options.onSpawn) child.once("spawn", options.onSpawn);
      });
    }
  };
}
function signalNumber(signal) {
  return { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 1;
}

export {
  signalRunning,
  runningCount,
  createExec
};
