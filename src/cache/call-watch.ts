// Adapter: runs one @actions/cache call under watch, and gives it up when bounds.ts says so.
//
// @actions/cache cannot be aborted and reports through @actions/core rather than to its caller, so
// the call is watched from outside, at three places it cannot avoid:
//   - its HTTP traffic (node's http diagnostics channels): bytes moved on its sockets, and the
//     status of every response (a 403 on the download URL is seen here, not as the tar failure it
//     later causes);
//   - its temp directory (RUNNER_TEMP, pointed at a fresh directory per call): the archive growing
//     while tar writes or the download arrives;
//   - the workflow-command lines it writes (one stdout write each): its steps, and the failures it
//     would otherwise print as red ::error:: annotations.
// A call that is given up is left to run in the background (the entrypoint exits explicitly); its
// archive is deleted and its tar killed, so nothing it leaves behind is half-written.
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judgeCacheCall, type CacheCallBounds, type CachePhase, type ObservedResponse } from './bounds.js';

export interface CacheLogLine {
  command: 'error' | 'warning' | 'debug' | 'info';
  text: string;
}

/** Pure: one stdout write of @actions/core back into a command and its unescaped text. */
export function parseCoreOutput(chunk: string): CacheLogLine {
  const line = chunk.replace(/\r?\n$/, '');
  const command = /^::(error|warning|debug)(?: [^:]*)?::(.*)$/s.exec(line);
  if (!command) return { command: 'info', text: line };
  const text = command[2]!.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  return { command: command[1] as CacheLogLine['command'], text };
}

export class CacheCallAbandonedError extends Error {
  constructor(
    readonly what: string,
    readonly reason: string,
  ) {
    super(`${what} was given up: ${reason}`);
    this.name = 'CacheCallAbandonedError';
  }
}

export interface WatchOptions {
  /** "restoring the build cache ...": for the error message. */
  what: string;
  bounds: CacheCallBounds;
  /** Each line @actions/cache writes; return true to keep it out of the job log. */
  onLine: (line: CacheLogLine) => boolean;
  /** How often the call is judged. */
  pollMs?: number;
}

export interface WatchedResult<T> {
  result: T;
  responses: ObservedResponse[];
  /** What tar and its compressor said on stderr ("Cannot write: No space left on device"). */
  toolErrors: string[];
}

const REQUEST_START = 'http.client.request.start';
const RESPONSE_FINISH = 'http.client.response.finish';

interface CallContext {
  abandoned: boolean;
  onLine: (line: CacheLogLine) => boolean;
}

/**
 * Which call a line or a request belongs to. A call given up goes on in the background (in this
 * step, nothing else asks the service after it: the breaker is open); its late lines and requests
 * must not be taken for those of a call that runs later in the same process.
 */
const currentCall = new AsyncLocalStorage<CallContext>();

export async function watchCacheCall<T>(call: () => Promise<T>, options: WatchOptions): Promise<WatchedResult<T>> {
  const runnerTemp = process.env.RUNNER_TEMP;
  const callTemp = await mkdtemp(join(runnerTemp || tmpdir(), 'strata-cache-call-'));
  const sockets = new Set<Socket>();
  const responses: ObservedResponse[] = [];
  const started = Date.now();
  let lastProgressMs = started;
  let lastBytes = 0;
  let phase: CachePhase = 'request';
  let phaseStartedMs = started;
  let archiveBytes: number | undefined;
  let abandoned = false;
  const context: CallContext = { abandoned: false, onLine: options.onLine };
  const ownRequests = new WeakSet<ClientRequest>();
  // Never earlier than an announced backoff's end (see below).
  const progress = (): void => {
    lastProgressMs = Math.max(lastProgressMs, Date.now());
  };

  const onRequest = (message: unknown): void => {
    const { request } = message as { request: ClientRequest };
    if (currentCall.getStore() !== context) return;
    ownRequests.add(request);
    if (request.socket) sockets.add(request.socket);
    request.once('socket', (s: Socket) => sockets.add(s));
  };
  const onResponse = (message: unknown): void => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    if (!ownRequests.has(request)) return;
    const path = request.path.split('?')[0]!;
    responses.push({
      status: response.statusCode ?? 0,
      target: path.startsWith('/twirp/') ? 'service' : 'blob',
      method: request.method,
      where: `${String(request.getHeader('host') ?? request.host)}${path}`,
    });
    progress();
  };
  subscribe(REQUEST_START, onRequest);
  subscribe(RESPONSE_FINISH, onResponse);

  const toolErrors: string[] = [];
  let partial = '';
  const collectToolErrors = (chunk: unknown): void => {
    const lines = (partial + (typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : '')).split('\n');
    partial = lines.pop()!.slice(-4096);
    for (const line of lines) if (/^\S*\b(tar|zstd|zstdmt|gzip|unzstd): /.test(line) && toolErrors.length < 20) toolErrors.push(line.trim());
  };
  const stdout = process.stdout;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with stdout as `this`
  const write = stdout.write;
  const hook = function (this: typeof stdout, chunk: unknown, ...rest: unknown[]): boolean {
    const owner = currentCall.getStore();
    if (owner !== context) {
      // Another call's line: a given-up call's failure stays out of the log, the rest passes on.
      if (owner?.abandoned && typeof chunk === 'string' && owner.onLine(parseCoreOutput(chunk))) return true;
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    }
    if (!abandoned) collectToolErrors(chunk);
    if (typeof chunk === 'string') {
      const line = parseCoreOutput(chunk);
      if (!abandoned) {
        // The Azure SDK's progress display repeats itself each second: only a changed count is progress.
        if (!/^Sent \d+ of \d+/.test(line.text)) progress();
        // The twirp client announces its backoff: waiting it out is not a stall.
        const backoff = /Retrying request in (\d+) ms/.exec(line.text);
        if (backoff) lastProgressMs = Date.now() + Number(backoff[1]);
        const size = /^Cache Size: ~\d+ MB \((\d+) B\)$/.exec(line.text);
        if (size) {
          phase = 'extract';
          phaseStartedMs = Date.now();
          archiveBytes = Number(size[1]);
        }
      }
      // A call given up still finishes in the background: its failure, already reported, stays out
      // of the log (only @actions/cache's own lines are held back, never the step's).
      if (options.onLine(line)) return true;
    }
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof stdout.write;
  stdout.write = hook;
  // tar's complaints come through @actions/exec (stderr, copied to stdout as Buffers); @actions/cache's
  // own message is just tar's exit code.
  const stderr = process.stderr;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with stderr as `this`
  const writeErr = stderr.write;
  const errHook = function (this: typeof stderr, chunk: unknown, ...rest: unknown[]): boolean {
    if (currentCall.getStore() === context) collectToolErrors(chunk);
    return (writeErr as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof stderr.write;
  stderr.write = errHook;
  process.env.RUNNER_TEMP = callTemp;

  const finish = (): void => {
    unsubscribe(REQUEST_START, onRequest);
    unsubscribe(RESPONSE_FINISH, onResponse);
    if (stderr.write === errHook) stderr.write = writeErr;
    if (runnerTemp === undefined) delete process.env.RUNNER_TEMP;
    else process.env.RUNNER_TEMP = runnerTemp;
  };

  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_resolve, reject) => {
    timer = setInterval(() => {
      void (async () => {
        const bytes = [...sockets].reduce((n, s) => n + s.bytesRead + s.bytesWritten, 0) + (await treeBytes(callTemp));
        if (bytes !== lastBytes) {
          lastBytes = bytes;
          progress();
        }
        const verdict = judgeCacheCall({ nowMs: Date.now(), lastProgressMs, phase, phaseStartedMs, archiveBytes, responses }, options.bounds);
        if (!verdict.go && !abandoned) {
          abandoned = true;
          context.abandoned = true;
          reject(new CacheCallAbandonedError(options.what, verdict.reason));
        }
      })();
    }, options.pollMs ?? 500);
    timer.unref();
  });

  try {
    const result = await Promise.race([currentCall.run(context, call), watchdog]);
    return { result, responses, toolErrors };
  } catch (error) {
    if (abandoned) {
      for (const s of sockets) s.destroy();
      await killArchivers();
      await rm(callTemp, { recursive: true, force: true }).catch(() => undefined);
    }
    throw error;
  } finally {
    clearInterval(timer);
    finish();
    // Undo only our own layer, and only when the call is over: a call given up keeps writing.
    if (!abandoned && stdout.write === hook) stdout.write = write;
    if (!abandoned) await rm(callTemp, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function treeBytes(dir: string): Promise<number> {
  let total = 0;
  try {
    for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name)).catch(() => ({ size: 0 }))).size;
    }
  } catch {
    // gone already
  }
  return total;
}

/** Kills the tar (and its compressor) a given-up call started, so it writes nothing more. */
async function killArchivers(): Promise<void> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((p) => /^\d+$/.test(p));
  } catch {
    return; // not Linux: nothing to find this way
  }
  const ours = new Set([String(process.pid)]);
  // Two passes reach tar's children too (zstd, gzip).
  for (let pass = 0; pass < 2; pass++) {
    for (const pid of pids) {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      const m = /^\d+ \((.*)\) \S+ (\d+)/s.exec(stat);
      if (m && ours.has(m[2]!) && !ours.has(pid) && /^(tar|gtar|zstd|zstdmt|gzip|pigz)$/.test(m[1]!)) ours.add(pid);
    }
  }
  ours.delete(String(process.pid));
  for (const pid of ours) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
