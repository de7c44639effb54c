import { describe, expect, it } from 'vitest';
import { chooseBuilder, DEFAULT_BUILDER, FULL_BUILDER, languageOf } from '../../src/detect/builder.js';

describe('chooseBuilder', () => {
  it.each([
    [['package.json', 'index.js'], 'nodejs', DEFAULT_BUILDER, `package.json → Node.js → ${DEFAULT_BUILDER}`],
    [['go.mod', 'main.go'], 'go', DEFAULT_BUILDER, `main.go → Go → ${DEFAULT_BUILDER}`],
    [['go.mod'], 'go', DEFAULT_BUILDER, `go.mod → Go → ${DEFAULT_BUILDER} (go-build looks for *.go at the root: for a main package elsewhere set BP_GO_TARGETS (e.g. ./cmd/app) in buildpack-env)`],
    [['index.php'], 'php', FULL_BUILDER, `index.php → PHP → ${FULL_BUILDER}`],
    [['requirements.txt', 'app.py'], 'python', DEFAULT_BUILDER, `requirements.txt → Python → ${DEFAULT_BUILDER}`],
    [['pom.xml'], 'java', DEFAULT_BUILDER, `pom.xml → Java → ${DEFAULT_BUILDER}`],
    [['build.gradle.kts'], 'java', DEFAULT_BUILDER, `build.gradle.kts → Java → ${DEFAULT_BUILDER}`],
    [['app.csproj'], 'dotnet', DEFAULT_BUILDER, `app.csproj → .NET → ${DEFAULT_BUILDER}`],
    [['nginx.conf', 'index.html'], 'web-server', DEFAULT_BUILDER, `nginx.conf → web server (nginx/httpd) → ${DEFAULT_BUILDER}`],
    [['Procfile'], 'procfile', DEFAULT_BUILDER, `Procfile → Procfile → ${DEFAULT_BUILDER}`],
    // jammy-base has no PHP group: only the full builder builds it.
    [['composer.json', 'index.php'], 'php', FULL_BUILDER, `composer.json → PHP → ${FULL_BUILDER}`],
  ])('%j → %s', (files, language, builder, reason) => {
    expect(chooseBuilder({ files })).toEqual({ builder, reason, language });
  });

  it('follows the builder order: Ruby is tried before Node.js, Go before Python', () => {
    expect(chooseBuilder({ files: ['package.json', 'Gemfile'] })).toEqual({
      builder: DEFAULT_BUILDER,
      language: 'ruby',
      reason: `Gemfile → Ruby → ${DEFAULT_BUILDER} (Ruby is detected before Node.js (package.json))`,
    });
    expect(chooseBuilder({ files: ['requirements.txt', 'go.mod'] }).language).toBe('go');
    expect(chooseBuilder({ files: ['package.json', 'requirements.txt'] }).language).toBe('nodejs');
    expect(chooseBuilder({ files: ['package.json', 'Procfile'] }).language).toBe('nodejs');
  });

  it('PHP next to a jammy-base language: the base builder group matches first, so no full builder', () => {
    expect(chooseBuilder({ files: ['composer.json', 'package.json'] })).toMatchObject({ builder: DEFAULT_BUILDER, language: 'nodejs' });
  });

  it('falls back to the default builder when no file signals a language', () => {
    expect(chooseBuilder({ files: ['README.md', 'Dockerfile.old'] })).toEqual({
      builder: DEFAULT_BUILDER,
      reason: `no language file (package.json, go.mod, pom.xml, requirements.txt, Gemfile, …) → default ${DEFAULT_BUILDER}`,
    });
  });

  it('the input wins over project.toml, which wins over detection', () => {
    const projectToml = { builder: 'heroku/builder:24', env: [] };
    expect(chooseBuilder({ files: ['package.json'], projectToml, input: ' gcr.io/buildpacks/builder:google-22 ' })).toEqual({
      builder: 'gcr.io/buildpacks/builder:google-22',
      reason: 'input buildpack-builder → gcr.io/buildpacks/builder:google-22',
      language: 'nodejs',
    });
    expect(chooseBuilder({ files: ['package.json'], projectToml, input: '' })).toEqual({
      builder: 'heroku/builder:24',
      reason: 'project.toml [io.buildpacks] builder → heroku/builder:24',
      language: 'nodejs',
    });
    expect(chooseBuilder({ files: ['package.json'], projectToml: { env: [] } }).builder).toBe(DEFAULT_BUILDER);
  });

  it('reads paths relative to the context: a file in a subdirectory is not a root signal', () => {
    expect(chooseBuilder({ files: ['app/package.json'] }).language).toBeUndefined();
    expect(chooseBuilder({ files: ['META-INF/MANIFEST.MF'] }).language).toBe('java');
    // A name that merely ends like a signal without a stem is not one.
    expect(languageOf(['.csproj', 'xgo.mod'])).toBeUndefined();
  });

  it('names a language no default builder carries instead of pretending the default will build it', () => {
    expect(chooseBuilder({ files: ['Cargo.toml'] })).toEqual({
      builder: DEFAULT_BUILDER,
      reason: `Cargo.toml → Rust, which ${DEFAULT_BUILDER} does not carry (project.toml must add its buildpack)`,
    });
  });
});

describe('languageOf', () => {
  it.each([
    [['index.js', 'package.json'], 'nodejs'],
    [['Gemfile', 'Gemfile.lock', 'package.json'], 'ruby'],
    [['main.go'], 'go'],
    [['Pipfile'], 'python'],
    [['pyproject.toml'], 'python'],
    [[], undefined],
  ])('%j → %s', (files, language) => {
    expect(languageOf(files)).toBe(language);
  });
});
