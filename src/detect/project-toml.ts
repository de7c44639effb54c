// project.toml (the CNB project descriptor) as Strata needs it: the builder and the build-time env.
// Pure: gets the file's text, returns data. pack reads the same file, but it only honours the
// descriptor's builder when --builder is absent, and Strata always passes --builder, so Strata has
// to apply the descriptor's builder itself.
// Schema 0.2: https://github.com/buildpacks/spec/blob/main/extensions/project-descriptor.md
import { parse, TomlError } from 'smol-toml';

export interface BuildEnvVar {
  name: string;
  value: string;
}

export interface ProjectDescriptor {
  /** '0.2', '0.1' (legacy [build] table) or undefined when the file doesn't say. */
  schemaVersion?: string;
  builder?: string;
  env: BuildEnvVar[];
  include?: string[];
  exclude?: string[];
}

export class ProjectDescriptorError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'ProjectDescriptorError';
  }
}

type Table = Record<string, unknown>;

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function table(parent: Table, key: string, file: string, path: string): Table | undefined {
  const v = parent[key];
  if (v === undefined) return undefined;
  if (!isTable(v)) throw new ProjectDescriptorError(file, `${path} must be a table, got ${JSON.stringify(v)}`);
  return v;
}

function optionalString(t: Table, key: string, file: string, path: string): string | undefined {
  const v = t[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new ProjectDescriptorError(file, `${path}.${key} must be a string, got ${JSON.stringify(v)}`);
  const trimmed = v.trim();
  return trimmed === '' ? undefined : trimmed;
}

function stringList(t: Table, key: string, file: string, path: string): string[] | undefined {
  const v = t[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new ProjectDescriptorError(file, `${path}.${key} must be a list of strings, got ${JSON.stringify(v)}`);
  }
  return v as string[];
}

function envList(t: Table | undefined, file: string, path: string): BuildEnvVar[] {
  const v = t?.['env'];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ProjectDescriptorError(file, `${path}.env must be an array of tables ([[${path}.env]])`);
  return v.map((entry, i) => {
    const where = `${path}.env[${i}]`;
    if (!isTable(entry)) throw new ProjectDescriptorError(file, `${where} must be a table with name and value`);
    const { name, value } = entry;
    if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
      throw new ProjectDescriptorError(file, `${where}.name must be a variable name, got ${JSON.stringify(name)}`);
    }
    // pack passes the value through as a string; TOML numbers/booleans are a common slip, so accept them.
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new ProjectDescriptorError(file, `${where}.value must be a string, got ${JSON.stringify(value)}`);
    }
    return { name, value: String(value) };
  });
}

/** Parses project.toml text. `file` only names the file in error messages. */
export function parseProjectDescriptor(text: string, file = 'project.toml'): ProjectDescriptor {
  let doc: Table;
  try {
    doc = parse(text);
  } catch (err) {
    const detail = err instanceof TomlError ? err.message.split('\n')[0] : String(err);
    throw new ProjectDescriptorError(file, `is not valid TOML: ${detail}`);
  }

  const underscore = table(doc, '_', file, '[_]');
  const schemaVersion = underscore ? optionalString(underscore, 'schema-version', file, '_') : undefined;

  const io = table(doc, 'io', file, '[io]');
  const cnb = io ? table(io, 'buildpacks', file, '[io.buildpacks]') : undefined;
  if (cnb !== undefined || schemaVersion === '0.2') {
    const c = cnb ?? {};
    return {
      schemaVersion: schemaVersion ?? '0.2',
      builder: optionalString(c, 'builder', file, 'io.buildpacks'),
      env: envList(table(c, 'build', file, '[io.buildpacks.build]'), file, 'io.buildpacks.build'),
      include: stringList(c, 'include', file, 'io.buildpacks'),
      exclude: stringList(c, 'exclude', file, 'io.buildpacks'),
    };
  }

  // Legacy 0.1: [project] + [build] (include/exclude/env/buildpacks); pack also read [build] builder.
  const build = table(doc, 'build', file, '[build]');
  if (build !== undefined) {
    return {
      schemaVersion: schemaVersion ?? '0.1',
      builder: optionalString(build, 'builder', file, 'build'),
      env: envList(build, file, 'build'),
      include: stringList(build, 'include', file, 'build'),
      exclude: stringList(build, 'exclude', file, 'build'),
    };
  }
  return { schemaVersion, env: [] };
}

/**
 * Build-time env for `pack build --env`: the descriptor's entries first, then the input's
 * KEY=VALUE lines; an input key replaces the descriptor's entry of the same name (in place of it).
 */
export function mergeBuildEnv(descriptorEnv: readonly BuildEnvVar[], inputEnv: readonly string[]): string[] {
  const merged = new Map<string, string>();
  for (const { name, value } of descriptorEnv) merged.set(name, value);
  for (const entry of inputEnv) {
    const eq = entry.indexOf('=');
    const name = eq < 0 ? entry : entry.slice(0, eq);
    merged.delete(name); // re-insert so the input's order wins for overridden keys
    merged.set(name, eq < 0 ? '' : entry.slice(eq + 1));
  }
  return [...merged].map(([k, v]) => `${k}=${v}`);
}
