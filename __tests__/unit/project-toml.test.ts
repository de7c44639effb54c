import { describe, expect, it } from 'vitest';
import { mergeBuildEnv, parseProjectDescriptor } from '../../src/detect/project-toml.js';

describe('parseProjectDescriptor', () => {
  it('reads schema 0.2: builder, build env, include/exclude', () => {
    const text = `
[_]
schema-version = "0.2"
id = "io.example.app"

[io.buildpacks]
builder = "paketobuildpacks/builder-jammy-full"
exclude = ["/README.md"]

[[io.buildpacks.build.env]]
name = "BP_NODE_VERSION"
value = "22.*"

[[io.buildpacks.build.env]]
name = "BP_NUMBER"
value = 3
`;
    expect(parseProjectDescriptor(text)).toEqual({
      schemaVersion: '0.2',
      builder: 'paketobuildpacks/builder-jammy-full',
      env: [
        { name: 'BP_NODE_VERSION', value: '22.*' },
        { name: 'BP_NUMBER', value: '3' },
      ],
      include: undefined,
      exclude: ['/README.md'],
    });
  });

  it('reads [io.buildpacks] without a [_] table as 0.2', () => {
    expect(parseProjectDescriptor('[io.buildpacks]\nbuilder = "heroku/builder:24"\n')).toMatchObject({ schemaVersion: '0.2', builder: 'heroku/builder:24', env: [] });
  });

  it('tolerates the legacy 0.1 [build] table', () => {
    const text = `
[project]
id = "legacy"

[build]
builder = "heroku/builder:22"
include = ["src/"]

[[build.env]]
name = "GOOGLE_RUNTIME_VERSION"
value = "20"
`;
    expect(parseProjectDescriptor(text)).toEqual({
      schemaVersion: '0.1',
      builder: 'heroku/builder:22',
      env: [{ name: 'GOOGLE_RUNTIME_VERSION', value: '20' }],
      include: ['src/'],
      exclude: undefined,
    });
  });

  it('a descriptor with neither table has no builder and no env', () => {
    expect(parseProjectDescriptor('[_]\nid = "x"\n')).toEqual({ schemaVersion: undefined, env: [] });
    expect(parseProjectDescriptor('')).toEqual({ schemaVersion: undefined, env: [] });
  });

  it('treats a blank builder as unset', () => {
    expect(parseProjectDescriptor('[io.buildpacks]\nbuilder = "  "\n').builder).toBeUndefined();
  });

  it.each([
    ['[io.buildpacks\nbuilder = 1', /^app\/project\.toml: is not valid TOML: /],
    ['[io.buildpacks]\nbuilder = 1', 'app/project.toml: io.buildpacks.builder must be a string, got 1'],
    ['io = "x"', 'app/project.toml: [io] must be a table, got "x"'],
    ['[[io.buildpacks.build.env]]\nvalue = "1"', 'app/project.toml: io.buildpacks.build.env[0].name must be a variable name, got undefined'],
    ['[[io.buildpacks.build.env]]\nname = "A B"\nvalue = "1"', 'app/project.toml: io.buildpacks.build.env[0].name must be a variable name, got "A B"'],
    ['[[io.buildpacks.build.env]]\nname = "A"\nvalue = [1]', 'app/project.toml: io.buildpacks.build.env[0].value must be a string, got [1]'],
    ['[io.buildpacks.build]\nenv = "A=1"', 'app/project.toml: io.buildpacks.build.env must be an array of tables ([[io.buildpacks.build.env]])'],
    ['[io.buildpacks]\nexclude = "x"', 'app/project.toml: io.buildpacks.exclude must be a list of strings, got "x"'],
  ])('rejects %j with a message naming the file and field', (text, message) => {
    expect(() => parseProjectDescriptor(text, 'app/project.toml')).toThrow(message);
  });
});

describe('mergeBuildEnv', () => {
  it('keeps descriptor entries and lets input KEY=VALUE lines override them', () => {
    expect(
      mergeBuildEnv(
        [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
        ['B=from-input', 'C=x=y'],
      ),
    ).toEqual(['A=1', 'B=from-input', 'C=x=y']);
  });

  it('is the input alone without a descriptor, in input order', () => {
    expect(mergeBuildEnv([], ['Z=1', 'A=2'])).toEqual(['Z=1', 'A=2']);
  });
});
