// A typed plan for one `pack build`, turned into its exact argv. Pure.
// Flag semantics: buildpacks/pack internal/commands/build.go (see shared/research/buildpacks.md §2).

export type PullPolicy = 'always' | 'never' | 'if-not-present';

export interface PackBuildPlan {
  /** Full reference of the image, with its first tag: ghcr.io/o/app:sha-abc */
  image: string;
  /** Further full references (`--tag`). */
  extraTags: string[];
  builder: string;
  /** The app directory (`--path`). */
  path: string;
  /**
   * Directory for the bind build cache. pack appends /build-cache to it. Only with a trusted
   * builder: an untrusted (5-phase) build never mounts a bind cache (buildpacks/pack#2450), which
   * is why the argv always carries --trust-builder.
   */
  cacheDir?: string;
  /** `if-not-present` by default: `always` re-pulls the builder on every build. */
  pullPolicy: PullPolicy;
  /** Export straight to the registry (`--publish`) instead of the local engine. */
  publish: boolean;
  /** KEY=VALUE build-time env, in order. */
  env: string[];
  runImage?: string;
  /** Where pack copies the lifecycle's report.toml (holds the digest). */
  reportDir: string;
  descriptor?: string;
  /**
   * `--network` for the lifecycle's container. A loopback registry is reachable from it only on
   * the host's network, so that is chosen for one (see buildpack-mode.ts).
   */
  network?: string;
  /**
   * `--previous-image`: the image whose layers and metadata the lifecycle may reuse. pack's
   * default is the image being built, which a new tag (pr-7, sha-abc1234) never has yet.
   */
  previousImage?: string;
}

export class PackPlanError extends Error {
  constructor(field: string, value: string, detail: string) {
    super(`pack build ${field} ${JSON.stringify(value)}: ${detail}`);
    this.name = 'PackPlanError';
  }
}

export function packBuildArgs(plan: PackBuildPlan): string[] {
  if (plan.image.trim() === '') throw new PackPlanError('image', plan.image, 'an image reference is required.');
  if (plan.cacheDir !== undefined && /[;"]/.test(plan.cacheDir)) {
    // --cache is parsed as CSV with ';' as separator: these characters would split or quote the path.
    throw new PackPlanError('cache directory', plan.cacheDir, 'must not contain ";" or \'"\' (pack parses --cache as ;-separated CSV).');
  }
  for (const entry of plan.env) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*=/.test(entry)) {
      throw new PackPlanError('env', entry, 'each entry must be KEY=VALUE.');
    }
  }

  const argv = ['build', plan.image, '--builder', plan.builder, '--path', plan.path, '--trust-builder'];
  if (plan.cacheDir !== undefined) argv.push('--cache', `type=build;format=bind;source=${plan.cacheDir}`);
  argv.push('--pull-policy', plan.pullPolicy);
  if (plan.publish) argv.push('--publish');
  for (const tag of plan.extraTags) if (tag !== plan.image) argv.push('--tag', tag);
  for (const entry of plan.env) argv.push('--env', entry);
  if (plan.runImage !== undefined) argv.push('--run-image', plan.runImage);
  argv.push('--report-output-dir', plan.reportDir);
  if (plan.descriptor !== undefined) argv.push('--descriptor', plan.descriptor);
  if (plan.network !== undefined) argv.push('--network', plan.network);
  if (plan.previousImage !== undefined && plan.previousImage !== plan.image) argv.push('--previous-image', plan.previousImage);
  return argv;
}
