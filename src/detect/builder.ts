// Which buildpack builder to use, and why. Pure: gets the listing of the build context. The
// languages and their order are in signals.ts (the Paketo builders' detect order), shared with mode.ts.
import type { ProjectDescriptor } from './project-toml.js';
import { DEFAULT_BUILDER, FULL_BUILDER, languageMatches, unsupportedLanguage, type Language } from './signals.js';

export { DEFAULT_BUILDER, FULL_BUILDER, languageMatches, type Language };

/** The language the builder will detect, or undefined when no file signals one. */
export function languageOf(files: readonly string[]): Language | undefined {
  return languageMatches(files)[0]?.language;
}

export interface BuilderChoice {
  builder: string;
  /** For the log, e.g. "package.json → Node.js → paketobuildpacks/builder-jammy-base". */
  reason: string;
  language?: Language;
}

export interface ChooseBuilderArgs {
  /** Paths relative to the build context (see signals.ts LISTED_DIRS). */
  files: readonly string[];
  projectToml?: ProjectDescriptor;
  /** The buildpack-builder input. */
  input?: string;
}

export function chooseBuilder({ files, projectToml, input }: ChooseBuilderArgs): BuilderChoice {
  const matches = languageMatches(files);
  const first = matches[0];
  const language = first?.language;
  if (input !== undefined && input.trim() !== '') {
    return { builder: input.trim(), reason: `input buildpack-builder → ${input.trim()}`, language };
  }
  if (projectToml?.builder) {
    return { builder: projectToml.builder, reason: `project.toml [io.buildpacks] builder → ${projectToml.builder}`, language };
  }
  if (first === undefined) {
    const unsupported = unsupportedLanguage(files);
    if (unsupported) {
      return { builder: DEFAULT_BUILDER, reason: `${unsupported.file} → ${unsupported.language}, which ${DEFAULT_BUILDER} does not carry (project.toml must add its buildpack)` };
    }
    return {
      builder: DEFAULT_BUILDER,
      reason: `no language file (package.json, go.mod, pom.xml, requirements.txt, Gemfile, …) → default ${DEFAULT_BUILDER}`,
    };
  }
  let reason = `${first.file} → ${first.label} → ${first.builder}`;
  if (first.note) reason += ` (${first.note})`;
  const beaten = matches.slice(1).filter((m) => m.builder === first.builder);
  if (beaten.length > 0) {
    // Worth saying: users with a package.json for tooling are surprised when Ruby/Go/Java wins.
    reason += ` (${first.label} is detected before ${beaten.map((m) => `${m.label} (${m.file})`).join(', ')})`;
  }
  return { builder: first.builder, reason, language };
}
