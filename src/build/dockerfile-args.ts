// Typed build plan -> the exact argv for `docker buildx build`. Pure, so every flag is pinned by a
// table test. (There is no `docker build` fallback: since Docker 23 it is buildx too.)
import type { RepositoryInfo } from '../context.js';
import { buildxOptionArgs, type BuildxOptions } from './buildx-options.js';

export interface DockerBuildPlan {
  context: string;
  dockerfile: string;
  tags: readonly string[];
  push: boolean;
  load: boolean;
  platforms: readonly string[];
  target?: string;
  buildArgs: readonly string[];
  labels: readonly string[];
  cacheFrom: readonly string[];
  cacheTo: readonly string[];
  noCache: boolean;
  builder?: string;
  metadataFile: string;
  iidFile: string;
  /** build-push-action's further options (secrets, ssh, contexts, attestations, …). */
  options?: BuildxOptions;
}

export function buildxArgs(plan: DockerBuildPlan): string[] {
  const args = ['buildx', 'build'];
  if (plan.builder) args.push('--builder', plan.builder);
  args.push('--file', plan.dockerfile);
  for (const tag of plan.tags) args.push('--tag', tag);
  if (plan.platforms.length > 0) args.push('--platform', plan.platforms.join(','));
  if (plan.target) args.push('--target', plan.target);
  for (const arg of plan.buildArgs) args.push('--build-arg', arg);
  for (const label of plan.labels) args.push('--label', label);
  for (const from of plan.cacheFrom) args.push('--cache-from', from);
  for (const to of plan.cacheTo) args.push('--cache-to', to);
  if (plan.noCache) args.push('--no-cache');
  if (plan.options) args.push(...buildxOptionArgs(plan.options));
  if (plan.push) args.push('--push');
  if (plan.load) args.push('--load');
  args.push('--metadata-file', plan.metadataFile, '--iidfile', plan.iidFile);
  args.push(plan.context);
  return args;
}

/**
 * The OCI labels Strata adds, from the workflow run (user labels with the same key win). The
 * runtime base's name and digest (`base.name`, `base.digest`) let a later rebase, Docker Scout or
 * regctl tell which layers are the base's without guessing.
 */
export function ociLabels(
  opts: {
    serverUrl: string;
    repository: string;
    revision: string;
    created: Date;
    base?: { name: string; digest?: string };
    /** The event payload's repository, for the labels docker/metadata-action adds by default. */
    repositoryInfo?: RepositoryInfo;
    /** metadata-action's version: the first tag's name (1.2.3, main, pr-7). */
    version?: string;
  },
  userLabels: readonly string[],
): string[] {
  const ours: Array<[string, string]> = [];
  const info = opts.repositoryInfo;
  const url = info?.htmlUrl ?? (opts.repository ? `${opts.serverUrl.replace(/\/+$/, '')}/${opts.repository}` : undefined);
  const title = info?.name ?? opts.repository.split('/')[1];
  if (title) ours.push(['org.opencontainers.image.title', title]);
  if (info?.description) ours.push(['org.opencontainers.image.description', info.description]);
  if (url) ours.push(['org.opencontainers.image.url', url], ['org.opencontainers.image.source', url]);
  if (opts.version) ours.push(['org.opencontainers.image.version', opts.version]);
  if (info?.license) ours.push(['org.opencontainers.image.licenses', info.license]);
  if (opts.revision) ours.push(['org.opencontainers.image.revision', opts.revision]);
  ours.push(['org.opencontainers.image.created', opts.created.toISOString()]);
  if (opts.base?.digest) {
    ours.push(['org.opencontainers.image.base.name', opts.base.name.split('@')[0]!]);
    ours.push(['org.opencontainers.image.base.digest', opts.base.digest]);
  }
  const userKeys = new Set(userLabels.map((l) => l.slice(0, l.indexOf('='))));
  return [...ours.filter(([k]) => !userKeys.has(k)).map(([k, v]) => `${k}=${v}`), ...userLabels];
}
