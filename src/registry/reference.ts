// Image references, normalized the way the distribution reference grammar (and so the docker
// CLI) reads them: `busybox` and `docker.io/library/busybox:latest` must name the same image,
// or freshness checks and comparisons would miss matches.

export const DOCKER_HUB = 'docker.io';
/** Docker Hub's API lives on a different host from the one people write in references. */
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
export const DEFAULT_TAG = 'latest';

export interface ImageReference {
  /** Registry host[:port] as written, with Docker Hub's aliases folded into `docker.io`. */
  registry: string;
  /** Path within the registry, e.g. `library/busybox`. */
  repository: string;
  /** Tag; `latest` when neither a tag nor a digest was given. */
  tag?: string;
  /** `algorithm:hex`, when pinned with `@`. */
  digest?: string;
}

export class ReferenceError extends Error {
  constructor(
    readonly reference: string,
    reason: string,
  ) {
    super(`Invalid image reference ${JSON.stringify(reference)}: ${reason}`);
    this.name = 'ReferenceError';
  }
}

// From distribution/reference regexp.go.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const SHA256_HEX = /^[a-f0-9]{64}$/;
// host or IPv4, optional port; or a bracketed IPv6 literal, optional port.
const HOST = /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;
const MAX_NAME_LENGTH = 255;

const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** Folds Docker Hub's host aliases into `docker.io`; other hosts are kept as written (lowercase). */
export function normalizeRegistry(host: string): string {
  const lower = host.toLowerCase();
  return HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}

/** The parts as written, unvalidated: a colon after the last slash starts a tag, one before it is a port. */
function splitReference(raw: string): { name: string; tag?: string; digest?: string } {
  const at = raw.indexOf('@');
  const digest = at === -1 ? undefined : raw.slice(at + 1);
  const named = at === -1 ? raw : raw.slice(0, at);
  const colon = named.indexOf(':', named.lastIndexOf('/') + 1);
  if (colon === -1) return { name: named, ...(digest !== undefined ? { digest } : {}) };
  return { name: named.slice(0, colon), tag: named.slice(colon + 1), ...(digest !== undefined ? { digest } : {}) };
}

/** Parses `[host[:port]/]path[:tag][@digest]`, throwing ReferenceError that quotes the input. */
export function parseReference(input: string): ImageReference {
  const raw = input.trim();
  if (raw === '') throw new ReferenceError(input, 'it is empty');

  const { name: rest, tag, digest } = splitReference(raw);
  if (digest !== undefined) {
    if (!DIGEST.test(digest)) throw new ReferenceError(input, `digest ${JSON.stringify(digest)} is not algorithm:hex`);
    if (digest.startsWith('sha256:') && !SHA256_HEX.test(digest.slice(7))) {
      throw new ReferenceError(input, `sha256 digest ${JSON.stringify(digest)} must be 64 lowercase hex characters`);
    }
  }
  if (tag !== undefined && !TAG.test(tag)) {
    throw new ReferenceError(input, `tag ${JSON.stringify(tag)} does not match [A-Za-z0-9_][A-Za-z0-9._-]{0,127}`);
  }

  let registry = DOCKER_HUB;
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    // The docker CLI's rule: the first component is a host only if it looks like one.
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      if (!HOST.test(first)) throw new ReferenceError(input, `registry host ${JSON.stringify(first)} is not a valid host[:port]`);
      registry = normalizeRegistry(first);
      path = rest.slice(slash + 1);
    }
  }

  if (path === '') throw new ReferenceError(input, 'the repository name is missing');
  for (const component of path.split('/')) {
    if (!PATH_COMPONENT.test(component)) {
      const why = component !== component.toLowerCase() ? 'repository names must be lowercase' : 'allowed are a-z, 0-9 and single separators . _ __ -';
      throw new ReferenceError(input, `path component ${JSON.stringify(component)} is invalid (${why})`);
    }
  }
  if (registry === DOCKER_HUB && !path.includes('/')) path = `library/${path}`;
  if (registry.length + 1 + path.length > MAX_NAME_LENGTH) {
    throw new ReferenceError(input, `the name is longer than ${MAX_NAME_LENGTH} characters`);
  }

  const shownTag = tag ?? (digest === undefined ? DEFAULT_TAG : undefined);
  return { registry, repository: path, ...(shownTag !== undefined ? { tag: shownTag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** Accepts either form, so callers can pass what they have. */
export function toReference(ref: ImageReference | string): ImageReference {
  return typeof ref === 'string' ? parseReference(ref) : ref;
}

/** Fully qualified form, e.g. `docker.io/library/busybox:latest` or `127.0.0.1:5000/app@sha256:…`. */
export function formatReference(ref: ImageReference): string {
  let out = `${ref.registry}/${ref.repository}`;
  if (ref.tag !== undefined) out += `:${ref.tag}`;
  if (ref.digest !== undefined) out += `@${ref.digest}`;
  return out;
}

/** The short form people write: Docker Hub's host and `library/` dropped. */
export function familiarReference(ref: ImageReference): string {
  let name = `${ref.registry}/${ref.repository}`;
  // Without the host, a first component that looks like one (`a.b/c`) would be read as a host.
  const first = ref.repository.split('/')[0]!;
  if (ref.registry === DOCKER_HUB && !(first.includes('.') || first === 'localhost')) {
    name = ref.repository.startsWith('library/') && ref.repository.split('/').length === 2 ? ref.repository.slice(8) : ref.repository;
  }
  if (ref.tag !== undefined) name += `:${ref.tag}`;
  if (ref.digest !== undefined) name += `@${ref.digest}`;
  return name;
}

/** What goes after /manifests/: the digest when pinned (it wins over the tag), else the tag. */
export function manifestReference(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? DEFAULT_TAG;
}

/** Host to send API requests to. */
export function apiHost(registry: string): string {
  return normalizeRegistry(registry) === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry;
}

/** Loopback registries are served over plain HTTP, as the docker engine assumes. */
export function isLoopbackRegistry(registry: string): boolean {
  let host = registry.toLowerCase();
  if (host.startsWith('[')) host = host.slice(1, host.indexOf(']'));
  else host = host.replace(/:\d+$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

// Parts of a reference string, for callers that keep references as written (messages, argv):
// a valid reference gives its parts by parseReference's grammar, an invalid one gives none.

/** The repository as written, without tag or digest: `ghcr.io/o/app:1@sha256:…` -> `ghcr.io/o/app`. */
export function repositoryOf(reference: string): string {
  return splitReference(reference.trim()).name;
}

/** The tag written in the reference (no implied `latest`): `node:20@sha256:…` -> `20`; invalid -> undefined. */
export function tagOf(reference: string | undefined): string | undefined {
  if (reference === undefined || !isValid(reference)) return undefined;
  return splitReference(reference.trim()).tag;
}

/** The pinned digest, `repo@sha256:…` -> `sha256:…`; invalid (or a bare image id) -> undefined. */
export function digestOf(reference: string | undefined): string | undefined {
  if (reference === undefined || !isValid(reference)) return undefined;
  return splitReference(reference.trim()).digest;
}

function isValid(reference: string): boolean {
  try {
    parseReference(reference);
    return true;
  } catch {
    return false;
  }
}
