// Which references the image gets. Defaults follow docker/metadata-action's common configuration:
// pr-N on pull requests, the branch on pushes, semver tags (or the tag) on tag pushes, sha-<7>
// always, and latest for stable releases and the default branch.
import type { GitHubContext } from '../context.js';
import { InputError } from '../inputs.js';

const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

/** A git ref name as a valid image tag, like metadata-action's sanitizeTag. */
export function sanitizeTag(name: string): string {
  return name
    .replace(/[^a-zA-Z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128);
}

// semver.org's regular expression, with the leading v metadata-action also accepts.
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * metadata-action's `type=semver` tags for {{version}}, {{major}}.{{minor}} and {{major}}: v1.2.3
 * gives 1.2.3, 1.2 and 1; a pre-release gives only its full version (a release candidate must
 * not take over 1.2 or 1). Build metadata is dropped, as a tag cannot hold '+'. Undefined for a
 * tag that is not semver.
 */
export function semverTags(tag: string): { names: string[]; stable: boolean } | undefined {
  const m = SEMVER.exec(tag);
  if (!m) return undefined;
  const [, major, minor, patch, pre] = m;
  if (pre !== undefined) return { names: [`${major}.${minor}.${patch}-${pre}`], stable: false };
  return { names: [`${major}.${minor}.${patch}`, `${major}.${minor}`, major!], stable: true };
}

export type TagLatest = 'auto' | 'true' | 'false';

/**
 * The default tags, as docker/metadata-action's common configuration gives them: pr-N, the branch,
 * semver tags for a semver tag push (else the tag), sha-<7>; and `latest` (with tag-latest: auto)
 * for a stable semver tag and for the default branch.
 */
export function defaultTagNames(
  github: Pick<GitHubContext, 'eventName' | 'ref' | 'sha' | 'pullRequest' | 'defaultBranch'>,
  tagLatest: TagLatest = 'auto',
): string[] {
  const names: string[] = [];
  let latest = false;
  if (github.pullRequest) {
    names.push(`pr-${github.pullRequest.number}`);
  } else if (github.ref.startsWith('refs/heads/')) {
    const branch = github.ref.slice('refs/heads/'.length);
    names.push(sanitizeTag(branch));
    latest = github.defaultBranch !== undefined && branch === github.defaultBranch;
  } else if (github.ref.startsWith('refs/tags/')) {
    const tag = github.ref.slice('refs/tags/'.length);
    const semver = semverTags(tag);
    names.push(...(semver?.names ?? [sanitizeTag(tag)]));
    latest = semver?.stable === true;
  }
  if (tagLatest === 'true' || (tagLatest === 'auto' && latest)) names.push('latest');
  // On pull requests GITHUB_SHA is the merge commit; the head commit is what the author pushed.
  const sha = github.pullRequest?.headSha ?? github.sha;
  if (sha) names.push(`sha-${sha.slice(0, 7)}`);
  return names.filter((n) => n.length > 0);
}

/** The base branch's tag: where the baseline image of a pull request lives by default. */
export function baseBranchTag(image: string, github: Pick<GitHubContext, 'pullRequest'>): string | undefined {
  return github.pullRequest ? `${image}:${sanitizeTag(github.pullRequest.baseRef)}` : undefined;
}

/**
 * Full references from the `tags` input: a bare name is a tag of `image`; an entry with ':' or '/'
 * is already a full reference. Falls back to the defaults when the input is empty.
 */
export function resolveTags(
  image: string,
  entries: readonly string[],
  github: Pick<GitHubContext, 'eventName' | 'ref' | 'sha' | 'pullRequest' | 'defaultBranch'>,
  tagLatest: TagLatest = 'auto',
): string[] {
  const names = entries.length > 0 ? entries : defaultTagNames(github, tagLatest);
  const refs: string[] = [];
  for (const entry of names) {
    if (entry.includes(':') || entry.includes('/')) {
      refs.push(entry);
      continue;
    }
    if (!TAG.test(entry)) {
      throw new InputError(
        'tags',
        entry,
        'a tag may hold letters, digits, _ . and -, must not start with . or -, and is at most 128 characters.',
      );
    }
    refs.push(`${image}:${entry}`);
  }
  if (refs.length === 0) {
    refs.push(`${image}:latest`);
  }
  return [...new Set(refs)];
}
