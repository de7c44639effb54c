// Which references the image gets. Defaults follow docker/metadata-action's: pr-N on pull
// requests, the branch on pushes, the tag on tag pushes, and sha-<7> always.
import type { GitHubContext } from '../github/context.js';
import { InputError } from '../inputs.js';

const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

/** A git ref name as a valid image tag, like metadata-action's sanitizeTag. */
export function sanitizeTag(name: string): string {
  return name
    .replace(/[^a-zA-Z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128);
}

export function defaultTagNames(github: Pick<GitHubContext, 'eventName' | 'ref' | 'sha' | 'pullRequest'>): string[] {
  const names: string[] = [];
  if (github.pullRequest) {
    names.push(`pr-${github.pullRequest.number}`);
  } else if (github.ref.startsWith('refs/heads/')) {
    names.push(sanitizeTag(github.ref.slice('refs/heads/'.length)));
  } else if (github.ref.startsWith('refs/tags/')) {
    names.push(sanitizeTag(github.ref.slice('refs/tags/'.length)));
  }
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
export function resolveTags(image: string, entries: readonly string[], github: Pick<GitHubContext, 'eventName' | 'ref' | 'sha' | 'pullRequest'>): string[] {
  const names = entries.length > 0 ? entries : defaultTagNames(github);
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
