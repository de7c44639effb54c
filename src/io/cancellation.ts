// Adapter: the runner cancels a step by sending SIGINT, then SIGTERM a few seconds later (then
// SIGKILL). Node's default is to die at once, leaving the build's processes running. Instead each
// signal is passed on to the commands still running (their process groups), the step says once
// that it was cancelled, and a step with nothing left to stop ends right away.

export interface CancellationOptions {
  /** Passes a signal on to running commands; returns how many there were. */
  forward: (signal: NodeJS.Signals) => number;
  /** Called once, on the first signal. */
  onCancel: (signal: NodeJS.Signals) => void;
  /** After SIGTERM, how long running commands get before they are killed and the step ends. */
  graceMs?: number;
  exit?: (code: number) => void;
}

export interface Cancellation {
  cancelled(): NodeJS.Signals | undefined;
  stop(): void;
}

export function watchCancellation(options: CancellationOptions): Cancellation {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let cancelled: NodeJS.Signals | undefined;
  let hardStop: NodeJS.Timeout | undefined;
  const handler = (signal: NodeJS.Signals): void => {
    if (!cancelled) {
      cancelled = signal;
      options.onCancel(signal);
    }
    const stillRunning = options.forward(signal);
    if (stillRunning === 0) return exit(1);
    if (signal === 'SIGTERM' && !hardStop) {
      hardStop = setTimeout(() => {
        options.forward('SIGKILL');
        exit(1);
      }, options.graceMs ?? 5_000);
    }
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    cancelled: () => cancelled,
    stop() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
      if (hardStop) clearTimeout(hardStop);
    },
  };
}
