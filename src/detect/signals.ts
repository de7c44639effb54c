// What the Paketo buildpacks detect an app by: the one table that mode choice (mode.ts) and builder
// choice (builder.ts) both read. Pure, over a listing of paths relative to the build context
// (root entries, plus the entries of the few directories a detect rule looks into: LISTED_DIRS).
//
// Order is paketobuildpacks/builder-jammy-base's builder.toml: ruby → dotnet-core → go →
// java-native-image → java → web-servers → nodejs → python → procfile. The first group that passes
// wins, so a repo with Gemfile and package.json is Ruby there, and Strata says so. PHP is only in
// builder-jammy-full, so it comes after every group jammy-base has. Each row follows the named
// buildpack's detect (env-var overrides such as BP_GO_TARGETS or BP_MAVEN_POM_FILE can't be seen
// in a file listing and are left out).

export const DEFAULT_BUILDER = 'paketobuildpacks/builder-jammy-base';
/** PHP is only in the full builder; jammy-base has no PHP group. */
export const FULL_BUILDER = 'paketobuildpacks/builder-jammy-full';

/** Directories whose entries detection needs, beyond the context's root. */
export const LISTED_DIRS = ['META-INF', 'WEB-INF', 'htdocs'] as const;

export type Language = 'ruby' | 'dotnet' | 'go' | 'java' | 'web-server' | 'nodejs' | 'python' | 'php' | 'procfile';

interface Rule {
  /** A path relative to the context: `name`, `*.ext` (at the root), `dir/` (any entry), `dir/*.ext`. */
  pattern: string;
  /** Buildpack whose detect passes on it. */
  buildpack: string;
}

export interface LanguageGroup {
  language: Language;
  label: string;
  builder: string;
  rules: readonly Rule[];
}

export function matchesPattern(pattern: string, path: string): boolean {
  const slash = pattern.lastIndexOf('/');
  const dir = slash < 0 ? '' : pattern.slice(0, slash + 1);
  const name = pattern.slice(slash + 1);
  if (!path.startsWith(dir) || path.slice(dir.length).includes('/')) return false;
  const rest = path.slice(dir.length);
  if (name === '') return rest !== '';
  if (name.startsWith('*')) return rest.endsWith(name.slice(1)) && rest.length > name.length - 1;
  return rest === name;
}

export const GROUPS: readonly LanguageGroup[] = [
  { language: 'ruby', label: 'Ruby', builder: DEFAULT_BUILDER, rules: [{ pattern: 'Gemfile', buildpack: 'paketo-buildpacks/bundle-install' }] },
  {
    language: 'dotnet',
    label: '.NET',
    builder: DEFAULT_BUILDER,
    rules: [
      { pattern: '*.csproj', buildpack: 'paketo-buildpacks/dotnet-publish' },
      { pattern: '*.fsproj', buildpack: 'paketo-buildpacks/dotnet-publish' },
      { pattern: '*.vbproj', buildpack: 'paketo-buildpacks/dotnet-publish' },
      { pattern: '*.runtimeconfig.json', buildpack: 'paketo-buildpacks/dotnet-execute' },
    ],
  },
  {
    language: 'go',
    label: 'Go',
    builder: DEFAULT_BUILDER,
    rules: [
      { pattern: '*.go', buildpack: 'paketo-buildpacks/go-build' },
      { pattern: 'go.mod', buildpack: 'paketo-buildpacks/go-mod-vendor' },
    ],
  },
  {
    language: 'java',
    label: 'Java',
    builder: DEFAULT_BUILDER,
    rules: [
      { pattern: 'pom.xml', buildpack: 'paketo-buildpacks/maven' },
      ...['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts'].map((pattern) => ({ pattern, buildpack: 'paketo-buildpacks/gradle' })),
      { pattern: 'build.sbt', buildpack: 'paketo-buildpacks/sbt' },
      { pattern: 'project.clj', buildpack: 'paketo-buildpacks/leiningen' },
      { pattern: 'META-INF/MANIFEST.MF', buildpack: 'paketo-buildpacks/executable-jar' },
      { pattern: 'WEB-INF/', buildpack: 'paketo-buildpacks/apache-tomcat' },
    ],
  },
  {
    language: 'web-server',
    label: 'web server (nginx/httpd)',
    builder: DEFAULT_BUILDER,
    rules: [
      { pattern: 'nginx.conf', buildpack: 'paketo-buildpacks/nginx' },
      { pattern: 'httpd.conf', buildpack: 'paketo-buildpacks/httpd' },
    ],
  },
  {
    language: 'nodejs',
    label: 'Node.js',
    builder: DEFAULT_BUILDER,
    rules: [
      { pattern: 'package.json', buildpack: 'paketo-buildpacks/npm-install' },
      ...['server.js', 'app.js', 'main.js', 'index.js'].map((pattern) => ({ pattern, buildpack: 'paketo-buildpacks/node-start' })),
    ],
  },
  {
    language: 'python',
    label: 'Python',
    builder: DEFAULT_BUILDER,
    rules: [
      { pattern: 'requirements.txt', buildpack: 'paketo-buildpacks/pip-install' },
      { pattern: 'Pipfile', buildpack: 'paketo-buildpacks/pipenv-install' },
      { pattern: 'pyproject.toml', buildpack: 'paketo-buildpacks/poetry-install' },
      { pattern: 'environment.yml', buildpack: 'paketo-buildpacks/conda-env-update' },
      { pattern: 'package-list.txt', buildpack: 'paketo-buildpacks/conda-env-update' },
      { pattern: '*.py', buildpack: 'paketo-buildpacks/python-start' },
    ],
  },
  {
    language: 'php',
    label: 'PHP',
    builder: FULL_BUILDER,
    rules: [
      { pattern: 'composer.json', buildpack: 'paketo-buildpacks/composer-install' },
      { pattern: '*.php', buildpack: 'paketo-buildpacks/php-builtin-server' },
      { pattern: 'htdocs/*.php', buildpack: 'paketo-buildpacks/php-dist' },
    ],
  },
  { language: 'procfile', label: 'Procfile', builder: DEFAULT_BUILDER, rules: [{ pattern: 'Procfile', buildpack: 'paketo-buildpacks/procfile' }] },
];

/** Languages that no default builder carries: Strata names the buildpack to use instead of failing late. */
export const UNSUPPORTED = [
  {
    language: 'Rust',
    file: 'Cargo.toml',
    advice:
      'No Paketo builder carries Rust. Add the community buildpack paketo-community/rust in project.toml ([[io.buildpacks.group]] uri = "docker://docker.io/paketocommunity/rust") so pack runs it on the default builder, or set the buildpack-builder input to a builder that includes it; or add a Dockerfile.',
  },
] as const;

export interface LanguageMatch {
  language: Language;
  label: string;
  /** The path that decided it. */
  file: string;
  builder: string;
  buildpack: string;
  /** Something the user should know, e.g. a Go module whose main package isn't at the root. */
  note?: string;
}

function normalise(paths: readonly string[]): string[] {
  return [...new Set(paths.map((p) => p.replace(/\\/g, '/').replace(/^\.\//, '')))].sort();
}

/** Every language group whose detect passes on the listing, in builder order (the first one wins). */
export function languageMatches(paths: readonly string[]): LanguageMatch[] {
  const files = normalise(paths);
  const found: LanguageMatch[] = [];
  for (const group of GROUPS) {
    for (const rule of group.rules) {
      const file = files.find((f) => matchesPattern(rule.pattern, f));
      if (file === undefined) continue;
      const match: LanguageMatch = { language: group.language, label: group.label, file, builder: group.builder, buildpack: rule.buildpack };
      if (group.language === 'go' && !files.some((f) => matchesPattern('*.go', f))) {
        match.note = 'go-build looks for *.go at the root: for a main package elsewhere set BP_GO_TARGETS (e.g. ./cmd/app) in buildpack-env';
      }
      found.push(match);
      break;
    }
  }
  return found;
}

/** A language no default builder carries, when the listing has one and nothing buildable. */
export function unsupportedLanguage(paths: readonly string[]): (typeof UNSUPPORTED)[number] | undefined {
  if (languageMatches(paths).length > 0) return undefined;
  const files = normalise(paths);
  return UNSUPPORTED.find((u) => files.includes(u.file));
}

/** Every pattern a rule looks for, for messages ("none of …"). */
export function signalPatterns(): string[] {
  return GROUPS.flatMap((g) => g.rules.map((r) => r.pattern));
}
