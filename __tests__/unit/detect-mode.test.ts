import { describe, expect, it } from 'vitest';
import { DetectionError, detectMode, type DetectRequest } from '../../src/detect/mode.js';

const base: DetectRequest = { requested: 'auto', contextFiles: [], context: '.' };

describe('detectMode', () => {
  it.each<[string, Partial<DetectRequest>, { mode: string; dockerfile?: string; decidedBy: string }]>([
    ['Dockerfile wins in auto', { contextFiles: ['Dockerfile', 'package.json'] }, { mode: 'dockerfile', dockerfile: 'Dockerfile', decidedBy: 'Dockerfile' }],
    ['Containerfile counts', { contextFiles: ['Containerfile', 'go.mod'] }, { mode: 'dockerfile', dockerfile: 'Containerfile', decidedBy: 'Containerfile' }],
    ['Dockerfile before Containerfile', { contextFiles: ['Containerfile', 'Dockerfile'] }, { mode: 'dockerfile', dockerfile: 'Dockerfile', decidedBy: 'Dockerfile' }],
    ['context joins the path', { context: 'services/api', contextFiles: ['Dockerfile'] }, { mode: 'dockerfile', dockerfile: 'services/api/Dockerfile', decidedBy: 'Dockerfile' }],
    ['file input decides', { contextFiles: ['package.json'], file: { path: 'build/app.Dockerfile', exists: true } }, { mode: 'dockerfile', dockerfile: 'build/app.Dockerfile', decidedBy: 'file' }],
    ['package.json', { contextFiles: ['package.json', 'README.md'] }, { mode: 'buildpack', decidedBy: 'package.json' }],
    ['go.mod', { contextFiles: ['go.mod'] }, { mode: 'buildpack', decidedBy: 'go.mod' }],
    ['*.go without go.mod', { contextFiles: ['main.go'] }, { mode: 'buildpack', decidedBy: 'main.go' }],
    ['server.js without package.json', { contextFiles: ['server.js'] }, { mode: 'buildpack', decidedBy: 'server.js' }],
    ['build.sbt', { contextFiles: ['build.sbt', 'project'] }, { mode: 'buildpack', decidedBy: 'build.sbt' }],
    ['an exploded executable JAR', { contextFiles: ['META-INF', 'META-INF/MANIFEST.MF'] }, { mode: 'buildpack', decidedBy: 'META-INF/MANIFEST.MF' }],
    ['a published .NET app', { contextFiles: ['app.runtimeconfig.json'] }, { mode: 'buildpack', decidedBy: 'app.runtimeconfig.json' }],
    ['nginx.conf', { contextFiles: ['nginx.conf'] }, { mode: 'buildpack', decidedBy: 'nginx.conf' }],
    ['a Python entry point', { contextFiles: ['app.py'] }, { mode: 'buildpack', decidedBy: 'app.py' }],
    ['PHP in htdocs', { contextFiles: ['htdocs', 'htdocs/index.php'] }, { mode: 'buildpack', decidedBy: 'htdocs/index.php' }],
    ['pom.xml', { contextFiles: ['pom.xml'] }, { mode: 'buildpack', decidedBy: 'pom.xml' }],
    ['build.gradle.kts', { contextFiles: ['build.gradle.kts'] }, { mode: 'buildpack', decidedBy: 'build.gradle.kts' }],
    ['requirements.txt', { contextFiles: ['requirements.txt'] }, { mode: 'buildpack', decidedBy: 'requirements.txt' }],
    ['pyproject.toml', { contextFiles: ['pyproject.toml'] }, { mode: 'buildpack', decidedBy: 'pyproject.toml' }],
    ['Pipfile', { contextFiles: ['Pipfile'] }, { mode: 'buildpack', decidedBy: 'Pipfile' }],
    ['Gemfile', { contextFiles: ['Gemfile'] }, { mode: 'buildpack', decidedBy: 'Gemfile' }],
    ['composer.json', { contextFiles: ['composer.json'] }, { mode: 'buildpack', decidedBy: 'composer.json' }],
    ['Cargo.toml with a builder chosen', { contextFiles: ['Cargo.toml'], buildpackBuilder: 'example.com/rust-builder' }, { mode: 'buildpack', decidedBy: 'Cargo.toml' }],
    ['Cargo.toml with a project.toml', { contextFiles: ['Cargo.toml', 'project.toml'] }, { mode: 'buildpack', decidedBy: 'project.toml' }],
    ['a .csproj', { contextFiles: ['Api.csproj'] }, { mode: 'buildpack', decidedBy: 'Api.csproj' }],
    ['Procfile', { contextFiles: ['Procfile'] }, { mode: 'buildpack', decidedBy: 'Procfile' }],
    ['project.toml', { contextFiles: ['project.toml'] }, { mode: 'buildpack', decidedBy: 'project.toml' }],
    ['explicit dockerfile', { requested: 'dockerfile', contextFiles: ['Dockerfile', 'package.json'] }, { mode: 'dockerfile', dockerfile: 'Dockerfile', decidedBy: 'mode' }],
    ['explicit buildpack ignores a Dockerfile', { requested: 'buildpack', contextFiles: ['Dockerfile', 'package.json'] }, { mode: 'buildpack', decidedBy: 'mode' }],
  ])('%s', (_name, req, expected) => {
    expect(detectMode({ ...base, ...req })).toMatchObject(expected);
  });

  it('says which file decided in the reason', () => {
    expect(detectMode({ ...base, contextFiles: ['go.mod'] }).reason).toBe('no Dockerfile; go.mod found, so Cloud Native Buildpacks build it');
    expect(detectMode({ ...base, context: 'app', contextFiles: ['META-INF/MANIFEST.MF'] }).reason).toBe('no Dockerfile; app/META-INF/MANIFEST.MF found, so Cloud Native Buildpacks build it');
    expect(detectMode({ ...base, contextFiles: ['Dockerfile'] }).reason).toBe('Dockerfile found, so BuildKit builds it');
  });

  it.each<[string, Partial<DetectRequest>, RegExp]>([
    ['nothing recognisable', { contextFiles: ['README.md'] }, /Cannot tell how to build the context "\.".*Dockerfile or Containerfile and none of the files the default builders detect \(Gemfile, \*\.csproj.*project\.toml\)/],
    ['Rust, which no default builder carries', { contextFiles: ['Cargo.toml', 'src'] }, /The context "\." is a Rust app \(Cargo\.toml\).*paketo-community\/rust.*buildpack-builder/],
    ['Rust in buildpack mode', { requested: 'buildpack', contextFiles: ['Cargo.toml'] }, /is a Rust app.*paketo-community\/rust/],
    ['dockerfile mode without one', { requested: 'dockerfile', contextFiles: ['package.json'] }, /Input "mode" is "dockerfile" but there is no Dockerfile or Containerfile in the context "\."/],
    ['buildpack mode without an app', { requested: 'buildpack', contextFiles: ['Dockerfile'] }, /Input "mode" is "buildpack" but the context "\." holds none/],
    ['missing file', { file: { path: 'nope/Dockerfile', exists: false } }, /Input "file" names "nope\/Dockerfile", which does not exist/],
  ])('%s is a clear error', (_name, req, message) => {
    expect(() => detectMode({ ...base, ...req })).toThrow(DetectionError);
    expect(() => detectMode({ ...base, ...req })).toThrow(message);
  });
});
