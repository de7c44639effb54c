// One typed, validated object for everything the user asked for. Every input error names the
// input, quotes the value and says what is accepted, and is raised before anything runs.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { GitHubContext } from './context.js';
import { parseBuildOptionInputs, type BuildOptionInputs } from './inputs-build.js';

export type ModeInput = 'auto' | 'dockerfile' | 'buildpack';
export type CommentMode = 'auto' | 'always' | 'never';
export type CacheBackend = 'auto' | 'gha' | 'actions';

export type SizeThreshold = { kind: 'bytes'; value: number } | { kind: 'percent'; value: number };

export interface Inputs extends BuildOptionInputs {
  mode: ModeInput;
  context: string;
  /** Dockerfile path as given (relative to the workspace), or undefined to look in the context. */
  file?: string;
  /** Repository part of the image reference, lowercased: ghcr.io/owner/repo */
  image: string;
  /** Raw `tags` entries; resolved to full references by build/tags.ts. Empty = defaults. */
  tags: string[];
  push: boolean;
  load: boolean;
  platforms: string[];
  target?: string;
  /** KEY=VALUE entries in the order given. */
  buildArgs: string[];
  labels: string[];
  cacheFrom: string[];
  cacheTo: string[];
  noCache: boolean;
  buildxBuilder?: string;
  githubToken: string;

  buildpackBuilder?: string;
  runImage?: string;
  /** KEY=VALUE entries. */
  buildpackEnv: string[];
  packVersion?: string;
  descriptor?: string;
  cache: boolean;
  cacheBackend: CacheBackend;
  /** Instead of building: move the image onto its base's current digest, registry-side. */
  rebase: boolean;

  comment: CommentMode;
  /** Tells apart the comments of matrix legs that build the same image in one job. */
  commentKey?: string;
  /** The login our PR comments are by, when the token cannot say (a GitHub App's: `<app-slug>[bot]`). */
  commentAuthor?: string;
  compareTo?: string;
  failOnSizeIncrease?: SizeThreshold;
  maxBaseAge?: number;
  registryUsername?: string;
  registryPassword?: string;
}

export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly value: string,
    readonly accepted: string,
    { secret = false }: { secret?: boolean } = {},
  ) {
    // JSON.stringify escapes CR, LF and other control characters, so a quoted value can never
    // start a line of the log, and with it a `::workflow-command::`.
    const quoted = secret ? '(value hidden: the input is a secret)' : JSON.stringify(value);
    super(`Input "${input}" has an invalid value ${quoted}: ${accepted}`);
    this.name = 'InputError';
  }
}

/**
 * Inputs that hold several lines: the only ones in which LF is allowed. registry-password is one
 * because a JSON key (GCR's `_json_key`) is a valid password; it is never logged.
 */
const MULTI_LINE_INPUTS = new Set([
  'tags', 'platforms', 'build-args', 'labels', 'cache-from', 'cache-to', 'buildpack-env', 'registry-password',
  // build-push-action's and pack's list inputs (src/inputs-build.ts)
  'secrets', 'secret-files', 'secret-envs', 'ssh', 'build-contexts', 'annotations', 'attests', 'add-hosts', 'ulimit',
  'no-cache-filters', 'allow', 'outputs', 'buildpacks', 'volumes',
]);
/** Inputs whose value must never be quoted back, not even in an error. */
export const SECRET_INPUTS = ['github-token', 'registry-password', 'secrets'] as const;
/**
 * Inputs that end up as one argv element each, some of them positional (context, pack's image):
 * a value starting with '-' would be read as a flag (`context: --help` prints buildx's help and
 * exits 0, with nothing built).
 */
const ARGV_INPUTS = ['context', 'file', 'target', 'buildx-builder', 'buildpack-builder', 'run-image', 'descriptor', 'compare-to'];

/**
 * Every raw value passes through here before anything reads it. The runner honours a workflow
 * command at the start of any line it prints, and inputs are echoed in the logged build command:
 * a CR (anywhere) or an LF (in a single-line input) would let a value start a line of its own.
 * Other control characters (ESC: terminal escapes) have no business in an input either.
 */
function guardedReader(read: InputReader): InputReader {
  return (name) => {
    const raw = read(name);
    const secret = (SECRET_INPUTS as readonly string[]).includes(name);
    // eslint-disable-next-line no-control-regex
    const bad = MULTI_LINE_INPUTS.has(name) ? /[\x00-\x08\x0b-\x1f\x7f]/ : /[\x00-\x08\x0a-\x1f\x7f]/;
    const m = bad.exec(raw);
    if (m) {
      const what = m[0] === '\r' ? 'a carriage return (CR)' : m[0] === '\n' ? 'a line break' : 'a control character';
      const where = MULTI_LINE_INPUTS.has(name) ? 'Put one entry per line, without CR (save the workflow with LF line endings).' : 'It takes a single line: remove line breaks and control characters.';
      throw new InputError(name, raw, `it contains ${what}. ${where}`, { secret });
    }
    if (ARGV_INPUTS.includes(name) && raw.trim().startsWith('-')) {
      throw new InputError(name, raw.trim(), 'it must not start with "-" (it would be read as a command-line flag).');
    }
    return raw;
  };
}

/** A path relative to a root (path.relative's answer) that climbs out of it. */
export function leavesRoot(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/**
 * Lexically inside the workspace: `file: ../../../../etc/passwd` is refused before anything
 * reads it, so its lines can never reach an annotation or the job summary.
 */
function insideWorkspace(name: string, path: string, workspace: string | undefined): string {
  if (workspace === undefined) return path;
  const rel = relative(resolve(workspace), resolve(workspace, path));
  if (!leavesRoot(rel)) return path;
  throw new InputError(name, path, 'use a path inside the workspace (relative to the repository root, without ../ leading out of it).');
}

/** Reads one raw input by its action.yml name ('' when unset). */
export type InputReader = (name: string) => string;

/** Newline- or comma-separated list; blank entries and surrounding spaces dropped. */
export function parseList(raw: string, { commas = true }: { commas?: boolean } = {}): string[] {
  const parts = commas ? raw.split(/[\n,]/) : raw.split('\n');
  return parts.map((s) => s.trim()).filter((s) => s.length > 0 && !s.startsWith('#'));
}

const TRUE = ['true', 'True', 'TRUE', 'yes', '1'];
const FALSE = ['false', 'False', 'FALSE', 'no', '0'];

function bool(read: InputReader, name: string, fallback: boolean): boolean {
  const raw = read(name).trim();
  if (raw === '') return fallback;
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw new InputError(name, raw, 'use true or false.');
}

function oneOf<T extends string>(read: InputReader, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(name).trim();
  if (raw === '') return fallback;
  const lower = raw.toLowerCase() as T;
  if (allowed.includes(lower)) return lower;
  throw new InputError(name, raw, `use one of ${allowed.join(', ')}.`);
}

function optional(read: InputReader, name: string): string | undefined {
  const raw = read(name).trim();
  return raw === '' ? undefined : raw;
}

function keyValues(read: InputReader, name: string): string[] {
  // Values may legitimately contain commas (JAVA_OPTS=-Xmx1g,-Xss1m), so only newlines split.
  const entries = listOf(read, name, { commas: false });
  for (const entry of entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*=/.test(entry)) {
      throw new InputError(name, entry, 'each line must be KEY=VALUE, with a key made of letters, digits and _ . -');
    }
  }
  return entries;
}

// https://github.com/distribution/reference/blob/main/regexp.go, without tag or digest.
const REPOSITORY =
  /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/** A list input whose entries become argv values: none may look like a flag. */
function listOf(read: InputReader, name: string, options?: { commas?: boolean }): string[] {
  const entries = parseList(read(name), options);
  const flag = entries.find((e) => e.startsWith('-'));
  if (flag !== undefined) throw new InputError(name, flag, 'an entry must not start with "-" (it would be read as a command-line flag).');
  return entries;
}

// The values BuildKit knows (containerd's platforms package: GOOS/GOARCH and their normalised
// aliases). Anything else builds the host's platform with only a warning from BuildKit.
const PLATFORM_OS = ['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'dragonfly', 'solaris', 'illumos', 'aix', 'android', 'ios', 'plan9', 'js', 'wasip1'];
const PLATFORM_ARCH = [
  'amd64', 'arm64', 'arm', '386', 'ppc64le', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'wasm',
  'x86_64', 'x86-64', 'aarch64', 'armhf', 'armel', 'i386', 'i686',
];
const PLATFORM_FORM = `os/arch[/variant], such as linux/amd64, linux/arm64 or linux/arm/v7 (os: ${PLATFORM_OS.slice(0, 3).join(', ')}, ...; arch: ${PLATFORM_ARCH.slice(0, 8).join(', ')}, ...)`;

function platformOk(p: string): boolean {
  if (p === 'local') return true;
  const [os, arch, variant, ...rest] = p.split('/');
  if (rest.length > 0 || !os || !arch) return false;
  if (!PLATFORM_OS.includes(os) || !PLATFORM_ARCH.includes(arch)) return false;
  return variant === undefined || /^v[0-9]+(?:\.[0-9]+)?$/.test(variant);
}

function sizeThreshold(read: InputReader, name: string): SizeThreshold | undefined {
  const raw = read(name).trim();
  if (raw === '') return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(%|b|kb|mb|gb|kib|mib|gib)?$/i.exec(raw);
  if (!m) {
    throw new InputError(name, raw, 'use a size such as 5MB, 500kB or 1048576 (bytes), or a percentage such as 10%.');
  }
  const value = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase();
  if (unit === '%') return { kind: 'percent', value };
  const factor: Record<string, number> = {
    b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3,
  };
  return { kind: 'bytes', value: Math.round(value * factor[unit]!) };
}

/**
 * Parses and validates every input. `read` returns the raw string (action.yml defaults already
 * applied by the runner); `github` supplies the defaults that come from the workflow run.
 */
export function parseInputs(
  rawRead: InputReader,
  github: Pick<GitHubContext, 'repository' | 'serverUrl'>,
  options: {
    /** Paths (context, file, descriptor) must stay inside it; unset (the CLI) allows any path. */
    workspace?: string;
  } = {},
): Inputs {
  const read = guardedReader(rawRead);
  const path = (name: string): string | undefined => {
    const value = optional(read, name);
    return value === undefined ? undefined : insideWorkspace(name, value, options.workspace);
  };
  const defaultImage = `${registryHostFor(github.serverUrl)}/${github.repository}`.toLowerCase();
  const imageRaw = optional(read, 'image');
  const image = (imageRaw ?? defaultImage).replace(/\/+$/, '');
  if (imageRaw !== undefined && !REPOSITORY.test(image)) {
    throw new InputError(
      'image',
      imageRaw,
      'use a lowercase repository reference without a tag, such as ghcr.io/owner/app or 127.0.0.1:5000/app (tags go in "tags").',
    );
  }
  if (imageRaw === undefined && !github.repository) {
    throw new InputError('image', '', 'set "image" (no GITHUB_REPOSITORY to default to ghcr.io/OWNER/REPO).');
  }

  const platforms = listOf(read, 'platforms');
  for (const p of platforms) {
    if (!platformOk(p)) throw new InputError('platforms', p, `not a platform BuildKit knows: use ${PLATFORM_FORM}.`);
  }

  const maxBaseAgeRaw = optional(read, 'max-base-age');
  let maxBaseAge: number | undefined;
  if (maxBaseAgeRaw !== undefined) {
    // Decimal digits only: Number() would also read 0x10, 1e2 and 0b11.
    maxBaseAge = /^[0-9]{1,6}$/.test(maxBaseAgeRaw) ? Number(maxBaseAgeRaw) : NaN;
    if (!Number.isInteger(maxBaseAge) || maxBaseAge <= 0) {
      throw new InputError('max-base-age', maxBaseAgeRaw, 'use a whole number of days greater than 0, such as 90.');
    }
  }

  const packVersion = optional(read, 'pack-version')?.replace(/^v/, '');
  if (packVersion !== undefined && !/^\d+\.\d+\.\d+$/.test(packVersion)) {
    throw new InputError('pack-version', read('pack-version').trim(), 'use a pack release version such as 0.40.6.');
  }

  const push = bool(read, 'push', false);
  const load = bool(read, 'load', false);
  const registryUsername = optional(read, 'registry-username');
  const registryPassword = optional(read, 'registry-password');
  if ((registryUsername === undefined) !== (registryPassword === undefined)) {
    const missing = registryUsername === undefined ? 'registry-username' : 'registry-password';
    throw new InputError(missing, '', 'set both registry-username and registry-password, or neither.');
  }

  return {
    mode: oneOf(read, 'mode', ['auto', 'dockerfile', 'buildpack'] as const, 'auto'),
    context: path('context') ?? '.',
    file: path('file'),
    image,
    tags: listOf(read, 'tags'),
    push,
    load,
    platforms,
    target: optional(read, 'target'),
    buildArgs: keyValues(read, 'build-args'),
    labels: keyValues(read, 'labels'),
    cacheFrom: listOf(read, 'cache-from', { commas: false }),
    cacheTo: listOf(read, 'cache-to', { commas: false }),
    noCache: bool(read, 'no-cache', false),
    buildxBuilder: optional(read, 'buildx-builder'),
    githubToken: read('github-token').trim(),

    buildpackBuilder: optional(read, 'buildpack-builder'),
    runImage: optional(read, 'run-image'),
    buildpackEnv: keyValues(read, 'buildpack-env'),
    packVersion,
    descriptor: path('descriptor'),
    cache: bool(read, 'cache', true),
    cacheBackend: oneOf(read, 'cache-backend', ['auto', 'gha', 'actions'] as const, 'auto'),
    rebase: bool(read, 'rebase', false),

    comment: oneOf(read, 'comment', ['auto', 'always', 'never'] as const, 'auto'),
    commentKey: optional(read, 'comment-key'),
    commentAuthor: githubLogin(read, 'comment-author'),
    compareTo: optional(read, 'compare-to'),
    failOnSizeIncrease: sizeThreshold(read, 'fail-on-size-increase'),
    maxBaseAge,
    registryUsername,
    registryPassword,
    ...parseBuildOptionInputs(read, { push }),
  };
}

/** A GitHub login (a user's, or an app's `<slug>[bot]`), or undefined when the input is empty. */
function githubLogin(read: InputReader, name: string): string | undefined {
  const raw = optional(read, name);
  if (raw === undefined || /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/.test(raw)) return raw;
  throw new InputError(name, raw, "use the GitHub login the comments are posted as, such as my-app[bot] for a GitHub App's installation token.");
}

/** github.com -> ghcr.io; a GHES host -> containers.<host> (GitHub Packages' container host). */
function registryHostFor(serverUrl: string): string {
  let host = 'github.com';
  try {
    host = new URL(serverUrl).host;
  } catch {
    // keep github.com
  }
  return host === 'github.com' ? 'ghcr.io' : `containers.${host}`;
}
