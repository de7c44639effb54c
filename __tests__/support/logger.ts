// A Logger that records what it is told, for tests that assert on warnings and info lines.
import type { Logger } from '../../src/adapters.js';

export interface LoggedLine {
  level: 'info' | 'warning' | 'error';
  message: string;
}

export function recordingLogger(): { logger: Logger; log: LoggedLine[] } {
  const log: LoggedLine[] = [];
  const logger: Logger = {
    info: (message) => void log.push({ level: 'info', message }),
    debug: () => undefined,
    warning: (message) => void log.push({ level: 'warning', message }),
    error: (message) => void log.push({ level: 'error', message }),
    group: (_name, fn) => fn(),
  };
  return { logger, log };
}
