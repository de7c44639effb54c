// The base images a Dockerfile builds on, as BuildKit would resolve them: global ARG defaults,
// overridden by build-args, substituted into every FROM; stage references followed; scratch skipped.
import { DockerfileParser } from 'dockerfile-ast';
import type { BaseImageUse } from './types.js';

/** Substitutes $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:+alt}, ${VAR+alt} (what FROM supports). */
export function substituteArgs(text: string, vars: ReadonlyMap<string, string>): string {
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, word, bare) => {
    const name = (braced ?? bare) as string;
    const value = vars.get(name);
    switch (op as string | undefined) {
      case ':-':
        return value ? value : (word as string);
      case '-':
        return value !== undefined ? value : (word as string);
      case ':+':
        return value ? (word as string) : '';
      case '+':
        return value !== undefined ? (word as string) : '';
      default:
        return value ?? '';
    }
  });
}

function buildArgMap(buildArgs: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of buildArgs) {
    const eq = entry.indexOf('=');
    if (eq > 0) map.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return map;
}

interface Stage {
  index: number;
  name?: string;
  /** The FROM operand after substitution. */
  from: string;
  line: number;
}

/**
 * Pure: every external image the Dockerfile's FROM lines use (deduplicated by reference), with the
 * runtime one (the base of the final stage, or of `target`) marked.
 */
export function baseImagesOf(dockerfile: string, opts: { file?: string; buildArgs?: readonly string[]; target?: string } = {}): BaseImageUse[] {
  const parsed = DockerfileParser.parse(dockerfile);
  const overrides = buildArgMap(opts.buildArgs ?? []);
  // Only ARGs declared before the first FROM are in scope for FROM lines; a build-arg overrides
  // a declared ARG's default, and an undeclared build-arg is not visible (BuildKit warns on it).
  const globals = new Map<string, string>();
  for (const arg of parsed.getInitialARGs()) {
    const prop = arg.getProperty();
    if (!prop) continue;
    const name = prop.getName();
    const value = overrides.get(name) ?? (prop.getValue() !== null ? substituteArgs(prop.getValue()!, globals) : undefined);
    if (value !== undefined) globals.set(name, value);
  }

  const stages: Stage[] = parsed.getFROMs().map((from, index) => ({
    index,
    name: from.getBuildStage()?.toLowerCase() ?? undefined,
    from: substituteArgs(from.getImage() ?? '', globals),
    line: from.getRange().start.line + 1,
  }));
  const byName = new Map(stages.filter((s) => s.name).map((s) => [s.name!, s]));

  const finalStage = opts.target ? byName.get(opts.target.toLowerCase()) : stages[stages.length - 1];
  // Follow stage references down to the external image the final stage ships on.
  let runtimeRef: string | undefined;
  for (let s = finalStage, hops = 0; s && hops <= stages.length; hops++) {
    const parent = byName.get(s.from.toLowerCase());
    if (parent && parent.index < s.index) {
      s = parent;
      continue;
    }
    runtimeRef = s.from;
    break;
  }

  const uses = new Map<string, BaseImageUse>();
  for (const stage of stages) {
    const parent = byName.get(stage.from.toLowerCase());
    if ((parent && parent.index < stage.index) || stage.from.toLowerCase() === 'scratch' || stage.from === '') continue;
    if (uses.has(stage.from)) {
      if (stage.from === runtimeRef) uses.get(stage.from)!.runtime = true;
      continue;
    }
    uses.set(stage.from, {
      reference: stage.from,
      stage: stage.name ?? String(stage.index),
      runtime: stage.from === runtimeRef,
      file: opts.file,
      line: stage.line,
    });
  }
  return [...uses.values()];
}
