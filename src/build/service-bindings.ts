// Build secrets for buildpacks, the CNB way: service bindings (the Kubernetes Service Binding
// spec the lifecycle follows). Each binding is a directory with a `type` file and one file per
// key, under SERVICE_BINDING_ROOT; buildpacks such as Paketo's npm (type npmrc, key .npmrc) and
// Maven (type maven, key settings.xml) read them there. A secret id `type/key` names both; a
// bare id is a binding of that type with one key of the same name.
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretInput } from '../inputs-build.js';

export interface BindingFile {
  /** Relative to the bindings root: <binding>/type or <binding>/<key>. */
  path: string;
  content: string | Buffer;
}

export interface SecretSource {
  id: string;
  content: string | Buffer;
}

/** The files of the bindings for these secrets. Pure. */
export function bindingFiles(secrets: readonly SecretSource[]): BindingFile[] {
  const files: BindingFile[] = [];
  const types = new Set<string>();
  for (const s of secrets) {
    const [type, key = type] = s.id.split('/') as [string, string?];
    if (!types.has(type)) {
      types.add(type);
      files.push({ path: `${type}/type`, content: type });
    }
    if (key === 'type') throw new Error(`Secret id ${JSON.stringify(s.id)}: "type" is the binding's type file, not a key; name the key otherwise.`);
    files.push({ path: `${type}/${key}`, content: s.content });
  }
  return files;
}

/** Reads each secret's content: the value, the file, or the step's environment variable. */
export async function secretContents(secrets: readonly SecretInput[], env: Record<string, string | undefined>): Promise<SecretSource[]> {
  return Promise.all(
    secrets.map(async (s): Promise<SecretSource> => {
      if ('value' in s) return { id: s.id, content: s.value };
      if ('path' in s) {
        try {
          return { id: s.id, content: await readFile(s.path) };
        } catch (e) {
          throw new Error(`Input "secret-files": secret ${JSON.stringify(s.id)} names ${JSON.stringify(s.path)}, which cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}). Give a path relative to the workspace.`, { cause: e });
        }
      }
      const value = env[s.env];
      if (value === undefined) throw new Error(`Input "secret-envs": secret ${JSON.stringify(s.id)} names the environment variable ${s.env}, which is not set in this step.`);
      return { id: s.id, content: value };
    }),
  );
}

/**
 * Writes the bindings under a fresh directory of `tempDir` and returns the root to mount, and a
 * cleanup that deletes it. The parent is private to this user (0700); the root and its files are
 * world-readable (0755/0644) because the build container runs as the builder's user, not ours,
 * and a bind mount shows it only the root's own modes.
 */
export async function writeBindings(tempDir: string, files: readonly BindingFile[]): Promise<{ root: string; remove: () => Promise<void> }> {
  const parent = await mkdtemp(join(tempDir, 'strata-bindings-'));
  await chmod(parent, 0o700);
  const root = join(parent, 'bindings');
  const remove = () => rm(parent, { recursive: true, force: true });
  try {
    await mkdir(root, { mode: 0o755 });
    for (const f of files) {
      const dir = join(root, f.path.split('/')[0]!);
      await mkdir(dir, { recursive: true, mode: 0o755 });
      await writeFile(join(root, f.path), f.content, { mode: 0o644 });
    }
  } catch (e) {
    await remove();
    throw e;
  }
  return { root, remove };
}
