// One typed, validated object for everything the user asked for. Every input error names the
// input, quotes the value and says what is accepted, and is raised before anything runs.
import type { GitHubContext } from './github/context.js';
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
  ) {
    super(`Input "${input}" has an invalid value ${JSON.stringify(value)}: ${accepted}`);
    this.name = 'InputError';
  }
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
  const entries = parseList(read(name), { commas: false });
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

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

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
export function parseInputs(read: InputReader, github: Pick<GitHubContext, 'repository' | 'serverUrl'>): Inputs {
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

  const platforms = parseList(read('platforms'));
  for (const p of platforms) {
    if (!PLATFORM.test(p)) throw new InputError('platforms', p, 'use os/arch[/variant] entries such as linux/amd64, linux/arm64.');
  }

  const maxBaseAgeRaw = optional(read, 'max-base-age');
  let maxBaseAge: number | undefined;
  if (maxBaseAgeRaw !== undefined) {
    maxBaseAge = Number(maxBaseAgeRaw);
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
    context: optional(read, 'context') ?? '.',
    file: optional(read, 'file'),
    image,
    tags: parseList(read('tags')),
    push,
    load,
    platforms,
    target: optional(read, 'target'),
    buildArgs: keyValues(read, 'build-args'),
    labels: keyValues(read, 'labels'),
    cacheFrom: parseList(read('cache-from'), { commas: false }),
    cacheTo: parseList(read('cache-to'), { commas: false }),
    noCache: bool(read, 'no-cache', false),
    buildxBuilder: optional(read, 'buildx-builder'),
    githubToken: read('github-token').trim(),

    buildpackBuilder: optional(read, 'buildpack-builder'),
    runImage: optional(read, 'run-image'),
    buildpackEnv: keyValues(read, 'buildpack-env'),
    packVersion,
    descriptor: optional(read, 'descriptor'),
    cache: bool(read, 'cache', true),
    cacheBackend: oneOf(read, 'cache-backend', ['auto', 'gha', 'actions'] as const, 'auto'),
    rebase: bool(read, 'rebase', false),

    comment: oneOf(read, 'comment', ['auto', 'always', 'never'] as const, 'auto'),
    commentKey: optional(read, 'comment-key'),
    compareTo: optional(read, 'compare-to'),
    failOnSizeIncrease: sizeThreshold(read, 'fail-on-size-increase'),
    maxBaseAge,
    registryUsername,
    registryPassword,
    ...parseBuildOptionInputs(read, { push }),
  };
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
