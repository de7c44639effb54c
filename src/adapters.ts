// The I/O seams of the pipeline. Pure stages never see these; run.ts and the adapters do.
// Entrypoints build the real implementations; tests hand in fakes or loopback-backed ones.
import type { EngineHistoryRow, EngineInspect } from './image/engine.js';

export interface ExecOptions {
  cwd?: string;
  /** Merged over process.env by the implementation. */
  env?: Record<string, string | undefined>;
  /** Written to the child's stdin. */
  input?: string | Buffer;
  /** Stream the child's output to the log as it runs (builds do; probes don't). */
  stream?: boolean;
  /** Stop the command (its whole process group) after this long; 0 for no limit. Default: io/command-bounds.ts. */
  timeoutMs?: number;
  /** Each complete line of output as it arrives (a build's progress). */
  onLine?: (line: string, stream: 'out' | 'err') => void;
  /** Aborting it stops the command and its process group. */
  signal?: AbortSignal;
  /** Called once the process has started (a build: the step's own work can go on meanwhile). */
  onSpawn?: () => void;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The command ran past its time limit and was stopped; stderr says which command hung. */
  timedOut?: boolean;
  /** The signal that ended it, if one did. */
  signal?: string;
}

/** Runs a program; never throws on a non-zero exit (callers decide what that means). */
export interface Exec {
  run(command: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
}

/**
 * Reads of the local Docker engine (io/docker-engine.ts): its Engine API over the socket, or the
 * docker CLI where Strata cannot speak to the endpoint itself. Unreachable engines, hung calls and
 * unexpected answers throw errors that name the call and the engine's address.
 */
export interface DockerEngine {
  /** Where the reads go, as messages show it: `unix:///var/run/docker.sock`, or the docker CLI's context. */
  readonly address: string;
  /** The image's inspect document; undefined when the engine has no image of that name. */
  image(reference: string): Promise<EngineInspect | undefined>;
  /** The image's history, oldest first; undefined when the engine has no image of that name. */
  history(reference: string): Promise<EngineHistoryRow[] | undefined>;
  /** The storage driver's status pairs (`docker info`'s DriverStatus). */
  driverStatus(): Promise<Array<[string, string]>>;
}

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
}

export interface Logger {
  info(message: string): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  debug(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** Values carried from the main step to the post step (GITHUB_STATE in Actions). */
export interface StateStore {
  get(name: string): string;
  set(name: string, value: string): void;
}

/** Step outputs (GITHUB_OUTPUT in Actions, a table on the terminal for the CLI). */
export interface Outputs {
  set(name: string, value: string): void;
}

/** Reads files of the build context; detection and cache keys only need this much. */
export interface ContextFiles {
  /** Names (not paths) of the entries directly in `dir`. */
  list(dir: string): Promise<string[]>;
  read(path: string): Promise<string | undefined>;
}
