// Which buildpack builder to use, and why. Pure: gets the names of the files at the root of the
// build context. The order below is the detection order of paketobuildpacks/builder-jammy-base
// (builder.toml: ruby → dotnet-core → go → java-native-image → java → web-servers → nodejs →
// python → procfile): the first group that passes wins, so a repo with both Gemfile and
// package.json is built as Ruby there, and Strata must say so rather than guess "Node.js".
import type { ProjectDescriptor } from './project-toml.js';

export const DEFAULT_BUILDER = 'paketobuildpacks/builder-jammy-base';
/** PHP (composer) is only in the full builder; jammy-base has no PHP group. */
export const FULL_BUILDER = 'paketobuildpacks/builder-jammy-full';

export type Language =
  | 'ruby'
  | 'dotnet'
  | 'go'
  | 'java'
  | 'web-server'
  | 'nodejs'
  | 'python'
  | 'php'
  | 'procfile';

interface LanguageSignal {
  language: Language;
  /** Shown in the reason. */
  label: string;
  matches(name: string): boolean;
  builder: string;
}

const exact = (...names: string[]) => (name: string) => names.includes(name);
const suffix = (...ends: string[]) => (name: string) => ends.some((e) => name.endsWith(e) && name.length > e.length);

// java-native-image is absent: it detects on the same files as java plus BP_NATIVE_IMAGE, which
// is build env, not a file, so it never changes the builder choice.
const SIGNALS: readonly LanguageSignal[] = [
  { language: 'ruby', label: 'Ruby', matches: exact('Gemfile'), builder: DEFAULT_BUILDER },
  { language: 'dotnet', label: '.NET', matches: suffix('.csproj', '.fsproj', '.vbproj'), builder: DEFAULT_BUILDER },
  { language: 'go', label: 'Go', matches: (n) => n === 'go.mod' || suffix('.go')(n), builder: DEFAULT_BUILDER },
  {
    language: 'java',
    label: 'Java',
    matches: exact('pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts'),
    builder: DEFAULT_BUILDER,
  },
  { language: 'web-server', label: 'web server (nginx/httpd)', matches: exact('nginx.conf', 'httpd.conf'), builder: DEFAULT_BUILDER },
  { language: 'nodejs', label: 'Node.js', matches: exact('package.json'), builder: DEFAULT_BUILDER },
  {
    language: 'python',
    label: 'Python',
    matches: exact('requirements.txt', 'Pipfile', 'pyproject.toml', 'setup.py', 'environment.yml', 'package-list.txt'),
    builder: DEFAULT_BUILDER,
  },
  // After everything jammy-base can build: only reached when nothing above matched.
  { language: 'php', label: 'PHP', matches: exact('composer.json'), builder: FULL_BUILDER },
  { language: 'procfile', label: 'Procfile', matches: exact('Procfile'), builder: DEFAULT_BUILDER },
];

export interface LanguageMatch {
  language: Language;
  label: string;
  /** The file that decided it. */
  file: string;
  builder: string;
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** Every language signal in the files, in builder detection order (the first one wins). */
export function languageMatches(files: readonly string[]): LanguageMatch[] {
  const names = [...files].map(baseName).sort();
  const found: LanguageMatch[] = [];
  for (const s of SIGNALS) {
    const file = names.find(s.matches);
    if (file !== undefined) found.push({ language: s.language, label: s.label, file, builder: s.builder });
  }
  return found;
}

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
  /** Names of the files at the root of the build context. */
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
    return {
      builder: DEFAULT_BUILDER,
      reason: `no language file (package.json, go.mod, pom.xml, requirements.txt, Gemfile, …) → default ${DEFAULT_BUILDER}`,
    };
  }
  let reason = `${first.file} → ${first.label} → ${first.builder}`;
  const beaten = matches.slice(1).filter((m) => m.builder === first.builder);
  if (beaten.length > 0) {
    // Worth saying: users with a package.json for tooling are surprised when Ruby/Go/Java wins.
    reason += ` (${first.label} is detected before ${beaten.map((m) => `${m.label} (${m.file})`).join(', ')})`;
  }
  return { builder: first.builder, reason, language };
}
