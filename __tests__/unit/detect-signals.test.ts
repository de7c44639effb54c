// The Paketo detect rules (src/detect/signals.ts): one row per rule, then the order between groups.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUILDER, FULL_BUILDER, languageMatches, matchesPattern, unsupportedLanguage } from '../../src/detect/signals.js';

describe('one row per detect rule', () => {
  it.each([
    // [listing, language, deciding file, buildpack]
    [['Gemfile'], 'ruby', 'Gemfile', 'paketo-buildpacks/bundle-install'],
    [['Api.csproj'], 'dotnet', 'Api.csproj', 'paketo-buildpacks/dotnet-publish'],
    [['Lib.fsproj'], 'dotnet', 'Lib.fsproj', 'paketo-buildpacks/dotnet-publish'],
    [['Old.vbproj'], 'dotnet', 'Old.vbproj', 'paketo-buildpacks/dotnet-publish'],
    [['app.runtimeconfig.json', 'app.dll'], 'dotnet', 'app.runtimeconfig.json', 'paketo-buildpacks/dotnet-execute'],
    [['main.go'], 'go', 'main.go', 'paketo-buildpacks/go-build'],
    [['go.mod', 'cmd/'], 'go', 'go.mod', 'paketo-buildpacks/go-mod-vendor'],
    [['pom.xml'], 'java', 'pom.xml', 'paketo-buildpacks/maven'],
    [['build.gradle'], 'java', 'build.gradle', 'paketo-buildpacks/gradle'],
    [['build.gradle.kts'], 'java', 'build.gradle.kts', 'paketo-buildpacks/gradle'],
    [['settings.gradle'], 'java', 'settings.gradle', 'paketo-buildpacks/gradle'],
    [['settings.gradle.kts'], 'java', 'settings.gradle.kts', 'paketo-buildpacks/gradle'],
    [['build.sbt'], 'java', 'build.sbt', 'paketo-buildpacks/sbt'],
    [['project.clj'], 'java', 'project.clj', 'paketo-buildpacks/leiningen'],
    [['META-INF', 'META-INF/MANIFEST.MF'], 'java', 'META-INF/MANIFEST.MF', 'paketo-buildpacks/executable-jar'],
    [['WEB-INF', 'WEB-INF/web.xml'], 'java', 'WEB-INF/web.xml', 'paketo-buildpacks/apache-tomcat'],
    [['nginx.conf'], 'web-server', 'nginx.conf', 'paketo-buildpacks/nginx'],
    [['httpd.conf'], 'web-server', 'httpd.conf', 'paketo-buildpacks/httpd'],
    [['package.json'], 'nodejs', 'package.json', 'paketo-buildpacks/npm-install'],
    [['server.js'], 'nodejs', 'server.js', 'paketo-buildpacks/node-start'],
    [['app.js'], 'nodejs', 'app.js', 'paketo-buildpacks/node-start'],
    [['main.js'], 'nodejs', 'main.js', 'paketo-buildpacks/node-start'],
    [['index.js'], 'nodejs', 'index.js', 'paketo-buildpacks/node-start'],
    [['requirements.txt'], 'python', 'requirements.txt', 'paketo-buildpacks/pip-install'],
    [['Pipfile'], 'python', 'Pipfile', 'paketo-buildpacks/pipenv-install'],
    [['pyproject.toml'], 'python', 'pyproject.toml', 'paketo-buildpacks/poetry-install'],
    [['environment.yml'], 'python', 'environment.yml', 'paketo-buildpacks/conda-env-update'],
    [['package-list.txt'], 'python', 'package-list.txt', 'paketo-buildpacks/conda-env-update'],
    [['server.py'], 'python', 'server.py', 'paketo-buildpacks/python-start'],
    [['composer.json'], 'php', 'composer.json', 'paketo-buildpacks/composer-install'],
    [['index.php'], 'php', 'index.php', 'paketo-buildpacks/php-builtin-server'],
    [['htdocs', 'htdocs/index.php'], 'php', 'htdocs/index.php', 'paketo-buildpacks/php-dist'],
    [['Procfile'], 'procfile', 'Procfile', 'paketo-buildpacks/procfile'],
  ])('%j → %s by %s', (files, language, file, buildpack) => {
    expect(languageMatches(files)[0]).toMatchObject({ language, file, buildpack });
  });

  it.each([
    // Not signals: a nested file where the rule looks at the root, a bare extension, a near name.
    [['src/main.go']],
    [['.csproj']],
    [['xgo.mod', 'package.json.bak']],
    [['lib/index.js', 'docs/index.php']],
    [['htdocs/css/site.css', 'htdocs/']],
    [['manifest.mf', 'META-INF/']],
    [['Cargo.toml']],
    [['README.md', 'Dockerfile.old']],
  ])('%j is no app', (files) => expect(languageMatches(files)).toEqual([]));

  it('PHP needs the full builder; the rest are in jammy-base', () => {
    expect(languageMatches(['index.php'])[0]!.builder).toBe(FULL_BUILDER);
    expect(languageMatches(['server.py'])[0]!.builder).toBe(DEFAULT_BUILDER);
  });
});

describe('builder order (jammy-base: ruby, dotnet, go, java, web-servers, nodejs, python, procfile; then PHP)', () => {
  it.each([
    [['package.json', 'Gemfile'], ['ruby', 'nodejs']],
    [['requirements.txt', 'main.go'], ['go', 'python']],
    [['pom.xml', 'package.json'], ['java', 'nodejs']],
    [['nginx.conf', 'package.json'], ['web-server', 'nodejs']],
    [['server.py', 'index.js'], ['nodejs', 'python']],
    [['Procfile', 'requirements.txt'], ['python', 'procfile']],
    [['index.php', 'package.json'], ['nodejs', 'php']],
    [['app.csproj', 'Gemfile'], ['ruby', 'dotnet']],
  ])('%j → %j', (files, order) => expect(languageMatches(files).map((m) => m.language)).toEqual(order));

  it('the first rule of a group that matches decides within it (package.json before server.js)', () => {
    expect(languageMatches(['server.js', 'package.json'])[0]!.file).toBe('package.json');
    expect(languageMatches(['go.mod', 'main.go'])[0]!.file).toBe('main.go');
  });

  it('a Go module with no *.go at the root gets the BP_GO_TARGETS hint', () => {
    expect(languageMatches(['go.mod'])[0]!.note).toMatch(/BP_GO_TARGETS/);
    expect(languageMatches(['go.mod', 'main.go'])[0]!.note).toBeUndefined();
  });
});

describe('languages no default builder carries', () => {
  it('Rust alone is named, with the community buildpack to use', () => {
    expect(unsupportedLanguage(['Cargo.toml', 'Cargo.lock', 'src/'])).toMatchObject({ language: 'Rust', file: 'Cargo.toml' });
    expect(unsupportedLanguage(['Cargo.toml'])!.advice).toMatch(/paketo-community\/rust.*project\.toml.*buildpack-builder/);
  });

  it('is not raised when a default builder can build something there', () => {
    expect(unsupportedLanguage(['Cargo.toml', 'package.json'])).toBeUndefined();
  });
});

describe('matchesPattern', () => {
  it.each([
    ['Gemfile', 'Gemfile', true],
    ['Gemfile', 'sub/Gemfile', false],
    ['*.go', 'main.go', true],
    ['*.go', '.go', false],
    ['*.go', 'cmd/main.go', false],
    ['WEB-INF/', 'WEB-INF/web.xml', true],
    ['WEB-INF/', 'WEB-INF', false],
    ['htdocs/*.php', 'htdocs/index.php', true],
    ['htdocs/*.php', 'htdocs/a/index.php', false],
    ['META-INF/MANIFEST.MF', 'META-INF/MANIFEST.MF', true],
  ])('%s ~ %s = %s', (pattern, path, expected) => expect(matchesPattern(pattern, path)).toBe(expected));
});
