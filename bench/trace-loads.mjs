// Preloaded by the bench (NODE_OPTIONS=--import=<this file>, STRATA_BENCH_TRACE=<out.json>) into
// a step it is not timing: records each file module the process loads and when, and the exit time,
// as epoch milliseconds, as one JSON line. Plain JS so it loads before anything else without type stripping.
import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';

const out = process.env.STRATA_BENCH_TRACE;
const loads = [];
if (out) {
  const now = () => performance.timeOrigin + performance.now();
  registerHooks({
    load(url, context, nextLoad) {
      const result = nextLoad(url, context);
      if (url.startsWith('file:')) loads.push({ url, at: now() });
      return result;
    },
  });
  // One line per process: a job's main and post steps can share the file.
  process.on('exit', () => appendFileSync(out, `${JSON.stringify({ start: performance.timeOrigin, exit: now(), loads })}\n`));
}
