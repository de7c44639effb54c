// The base images a Dockerfile builds on, as BuildKit's dockerfile2llb resolves them, per target
// platform: the automatic platform ARGs, then the global ARGs (before the first FROM; a build-arg
// replaces a declared ARG's default), expanded into every FROM with BuildKit's word rules
// (dockerfile-words.ts); a FROM naming an earlier stage follows that stage; `scratch` is no image.
// What Strata cannot know (an ARG without default or build-arg) is "unresolved", never a guess:
// only resolved bases reach labels, freshness and rebase (baseImagesOf).
import { parseReference, ReferenceError } from '../registry/reference.js';
import { parseDockerfile, type FromLine, type Parsed } from './dockerfile-parse.js';
import { expandWord, WordError } from './dockerfile-words.js';
import { formatPlatform, parsePlatform, PlatformError, type Platform } from '../image/platforms.js';
import type { BaseImageUse } from './types.js';

export type StageBase =
  | { kind: 'image'; reference: string }
  | { kind: 'stage'; stage: string }
  | { kind: 'scratch' }
  | { kind: 'unresolved'; reason: string };

export interface StageResolution {
  index: number;
  /** The AS name, lowercased as BuildKit stores it. */
  name?: string;
  line: number;
  /** The FROM operand as written. */
  from: string;
  base: StageBase;
  /** FROM --platform, expanded (e.g. linux/amd64 for `--platform=$BUILDPLATFORM`). */
  platform?: string;
  /** Whether building the final stage needs this one: BuildKit skips the others, bases included. */
  reachable: boolean;
}

export interface PlatformResolution {
  /** The target platform, normalised (TARGETPLATFORM). */
  platform: string;
  stages: StageResolution[];
  /** The stage the image is (the target, or the last one) and the external base it runs on. */
  final?: string;
  /** The stage whose FROM names the runtime base (the final stage, or the one its stage chain ends at). */
  runtimeStage?: string;
  runtime: Exclude<StageBase, { kind: 'stage' }>;
}

export interface DockerfileBases {
  buildPlatform: string;
  targets: PlatformResolution[];
}

export interface ResolveOptions {
  /** KEY=VALUE build args; entries without "=" are ignored (the CLI reads them from its env). */
  buildArgs?: readonly string[];
  /** Target platforms; none means the build platform, as BuildKit defaults. */
  platforms?: readonly string[];
  /** The builder's platform (BUILDPLATFORM); defaults to linux/amd64. */
  buildPlatform?: string;
  target?: string;
}

interface Var {
  value: string;
  /** Set when the value is not known (it depends on an unresolved ARG). */
  unknown?: string;
}

function buildArgMap(buildArgs: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of buildArgs) {
    const eq = entry.indexOf('=');
    if (eq > 0) map.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return map;
}

function automaticArgs(build: Platform, target: Platform, targetStage: string): Map<string, Var> {
  const entries: Array<[string, string]> = [
    ['BUILDPLATFORM', formatPlatform(build)],
    ['BUILDOS', build.os],
    ['BUILDOSVERSION', ''],
    ['BUILDARCH', build.architecture],
    ['BUILDVARIANT', build.variant],
    ['TARGETPLATFORM', formatPlatform(target)],
    ['TARGETOS', target.os],
    ['TARGETOSVERSION', ''],
    ['TARGETARCH', target.architecture],
    ['TARGETVARIANT', target.variant],
    ['TARGETSTAGE', targetStage],
  ];
  return new Map(entries.map(([k, v]) => [k, { value: v }]));
}

type Expanded = { value: string } | { unresolved: string };

/** Expands a word with the global scope; says why when the result would be a guess. */
function expandGlobal(word: string, scope: Map<string, Var>, declared: ReadonlySet<string>, escape: string): Expanded {
  const env = new Map([...scope].map(([k, v]) => [k, v.value]));
  let result;
  try {
    result = expandWord(word, env, escape);
  } catch (e) {
    if (e instanceof WordError) return { unresolved: e.message };
    throw e;
  }
  const unknown = result.used.map((n) => scope.get(n)?.unknown).find(Boolean);
  if (unknown) return { unresolved: unknown };
  if (result.unset.length > 0) {
    const name = result.unset[0]!;
    return {
      unresolved: declared.has(name)
        ? `ARG ${name} has no default and no build-arg sets it`
        : `${name} is not an ARG declared before the first FROM (BuildKit substitutes "")`,
    };
  }
  return { value: result.value };
}

function globalScope(parsed: Parsed, overrides: Map<string, string>, auto: Map<string, Var>): Map<string, Var> {
  const scope = new Map(auto);
  for (const [k, v] of overrides) if (scope.has(k)) scope.set(k, { value: v });
  const declared = new Set<string>();
  for (const arg of parsed.globalArgs) {
    declared.add(arg.name);
    const override = overrides.get(arg.name);
    if (override !== undefined) scope.set(arg.name, { value: override });
    else if (arg.value !== undefined) {
      const expanded = expandGlobal(arg.value, scope, declared, parsed.escape);
      scope.set(arg.name, 'value' in expanded ? { value: expanded.value } : { value: '', unknown: `ARG ${arg.name}: ${expanded.unresolved}` });
    }
    // An ARG without default or build-arg leaves the name as it was (an automatic ARG keeps its value).
  }
  return scope;
}

function resolveBase(base: string, scope: Map<string, Var>, declared: ReadonlySet<string>, escape: string, earlier: ReadonlySet<string>): StageBase {
  const expanded = expandGlobal(base, scope, declared, escape);
  if ('unresolved' in expanded) return { kind: 'unresolved', reason: expanded.unresolved };
  const name = expanded.value;
  if (name === '') return { kind: 'unresolved', reason: `base name (${base}) should not be blank` };
  // Stage names are stored lowercased and the FROM operand is looked up as it is.
  if (earlier.has(name)) return { kind: 'stage', stage: name };
  if (name === 'scratch') return { kind: 'scratch' };
  try {
    parseReference(name);
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const hint = earlier.has(name.toLowerCase()) ? ` (stage ${JSON.stringify(name.toLowerCase())} is only found when written in lowercase)` : '';
    return { kind: 'unresolved', reason: `${e.message}${hint}` };
  }
  return { kind: 'image', reference: name };
}

function resolveForPlatform(parsed: Parsed, overrides: Map<string, string>, build: Platform, target: Platform, wanted?: string): PlatformResolution {
  const last = parsed.froms[parsed.froms.length - 1];
  const targetStage = wanted || last?.name || 'default';
  const scope = globalScope(parsed, overrides, automaticArgs(build, target, targetStage));
  const declared = new Set(parsed.globalArgs.map((a) => a.name));
  const earlier = new Set<string>();
  const stages: StageResolution[] = [];
  for (const from of parsed.froms) {
    const stage: StageResolution = {
      index: from.index,
      ...(from.name ? { name: from.name } : {}),
      line: from.line,
      from: from.base,
      base: resolveBase(from.base, scope, declared, parsed.escape, earlier),
      reachable: false,
    };
    if (from.platformFlag !== undefined) {
      const p = expandGlobal(from.platformFlag, scope, declared, parsed.escape);
      try {
        stage.platform = 'value' in p ? formatPlatform(parsePlatform(p.value)) : `unresolved: ${p.unresolved}`;
      } catch (e) {
        if (!(e instanceof PlatformError)) throw e;
        stage.platform = `unresolved: ${e.message}`;
      }
    }
    stages.push(stage);
    if (from.name) earlier.add(from.name);
  }

  const platform = formatPlatform(target);
  const finalStage = wanted ? stages.find((s) => s.name === wanted.toLowerCase()) : stages[stages.length - 1];
  if (!finalStage) {
    const reason = wanted ? `target stage ${JSON.stringify(wanted)} could not be found` : 'the Dockerfile has no FROM';
    return { platform, stages, runtime: { kind: 'unresolved', reason } };
  }
  markReachable(stages, finalStage, parsed.froms);
  let s = finalStage;
  const byName = stagesByName(stages);
  while (s.base.kind === 'stage') s = byName.get(s.base.stage)!;
  return { platform, stages, final: label(finalStage), runtimeStage: label(s), runtime: s.base };
}

/**
 * Stages by name, the first of a name kept. BuildKit refuses a Dockerfile that names two stages
 * alike (DuplicateStageName); here `FROM build AS build` after a first `build` must still mean the
 * earlier stage, never itself (found by the property test: following it looped for ever).
 */
function stagesByName(stages: readonly StageResolution[]): Map<string, StageResolution> {
  const byName = new Map<string, StageResolution>();
  for (const x of stages) if (x.name && !byName.has(x.name)) byName.set(x.name, x);
  return byName;
}

/**
 * Marks the final stage and what it needs. A --from that is no stage name or index is an image
 * (nothing to mark); one that needs a variable (stage-scope ARGs are out of reach here) marks every
 * stage, so nothing BuildKit might build is left out.
 */
function markReachable(stages: StageResolution[], finalStage: StageResolution, froms: readonly FromLine[]): void {
  const byName = stagesByName(stages);
  const todo = [finalStage];
  while (todo.length > 0) {
    const s = todo.pop()!;
    if (s.reachable) continue;
    s.reachable = true;
    if (s.base.kind === 'stage') todo.push(byName.get(s.base.stage)!);
    for (const use of froms[s.index]!.uses) {
      if (use.includes('$')) {
        for (const x of stages) x.reachable = true;
        return;
      }
      const dep = /^\d+$/.test(use) ? stages[Number(use)] : byName.get(use.toLowerCase());
      if (dep && dep.index < s.index) todo.push(dep);
    }
  }
}

export function label(stage: Pick<StageResolution, 'name' | 'index'>): string {
  return stage.name ?? String(stage.index);
}

/**
 * Pure: every stage's base for each target platform. Throws PlatformError for a bad platform
 * (input values are checked before this; the CLI passes its flags through).
 */
export function resolveDockerfileBases(dockerfile: string, opts: ResolveOptions = {}): DockerfileBases {
  const parsed = parseDockerfile(dockerfile);
  const overrides = buildArgMap(opts.buildArgs ?? []);
  const build = parsePlatform(opts.buildPlatform ?? 'linux/amd64');
  const wanted = opts.platforms && opts.platforms.length > 0 ? opts.platforms : [formatPlatform(build)];
  const targets = [...new Map(wanted.map((p) => parsePlatform(p)).map((p) => [formatPlatform(p), p])).values()];
  return {
    buildPlatform: formatPlatform(build),
    targets: targets.map((t) => resolveForPlatform(parsed, overrides, build, t, opts.target)),
  };
}

/**
 * Pure: the external images the build pulls (FROM lines of the stages the final one needs,
 * deduplicated by reference), with the runtime one marked. A reference used on only some of the
 * platforms lists them; unresolved bases are left out, so nothing downstream (labels, freshness,
 * rebase) uses a guess.
 */
export function baseImagesOf(dockerfile: string, opts: ResolveOptions & { file?: string } = {}): BaseImageUse[] {
  return usesOf(resolveDockerfileBases(dockerfile, opts), opts.file);
}

export function usesOf({ targets }: DockerfileBases, file?: string): BaseImageUse[] {
  const uses = new Map<string, BaseImageUse & { on: Set<string> }>();
  for (const t of targets) {
    for (const stage of t.stages) {
      if (stage.base.kind !== 'image' || !stage.reachable) continue;
      const reference = stage.base.reference;
      let use = uses.get(reference);
      if (!use) {
        use = { reference, stage: label(stage), runtime: false, file, line: stage.line, on: new Set() };
        uses.set(reference, use);
      }
      use.on.add(t.platform);
      if (t.runtime.kind === 'image' && t.runtime.reference === reference) use.runtime = true;
    }
  }
  return [...uses.values()].map(({ on, ...use }) => (on.size < targets.length ? { ...use, platforms: [...on] } : use));
}

/**
 * The runtime base the image's org.opencontainers.image.base.* labels may name: one label set
 * covers every platform of the build, so only a base all of them run on.
 */
export function labelledBase(uses: readonly BaseImageUse[]): BaseImageUse | undefined {
  const runtimes = uses.filter((u) => u.runtime);
  return runtimes.length === 1 && !runtimes[0]!.platforms ? runtimes[0] : undefined;
}

export interface UnresolvedBase {
  stage: string;
  line: number;
  reason: string;
  /** The target platforms it is unresolved on. */
  platforms: string[];
  runtime: boolean;
}

/** Pure: the bases of the stages the build needs that Strata could not resolve, once per stage. */
export function unresolvedOf({ targets }: DockerfileBases): UnresolvedBase[] {
  const byStage = new Map<number, UnresolvedBase>();
  for (const t of targets) {
    for (const stage of t.stages) {
      if (stage.base.kind !== 'unresolved' || !stage.reachable) continue;
      const entry = byStage.get(stage.index) ?? { stage: label(stage), line: stage.line, reason: stage.base.reason, platforms: [], runtime: false };
      entry.platforms.push(t.platform);
      if (t.runtimeStage === label(stage)) entry.runtime = true;
      byStage.set(stage.index, entry);
    }
  }
  return [...byStage.values()];
}
