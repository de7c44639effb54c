// Ownership and modes of cached files across a save/restore round trip.
// Builders write the cache as their own user (uid 1000 "cnb"), often 0600/0700. tar run by a
// non-root runner can neither read those files on save nor give them back their owner on
// restore, so a manifest recorded before save is reapplied after restore, through `sudo -n`
// when we are not root (GitHub-hosted runners allow it).
import { lstat, readdir, readFile, writeFile, chmod, lchown } from 'node:fs/promises';
import { join } from 'node:path';
import type { Exec, Logger } from '../adapters.js';

export const OWNERSHIP_MANIFEST = '.strata-ownership.json';

export interface OwnershipRecord {
  uid: number;
  gid: number;
  /** Permission bits (mode & 0o7777). */
  mode: number;
  symlink?: boolean;
}

/** Path relative to the cache dir -> what it should be. */
export type OwnershipManifest = Record<string, OwnershipRecord>;

export interface OwnershipRepair {
  chown: { owner: string; paths: string[] }[];
  chmod: { mode: string; paths: string[] }[];
}

export interface RunnerUser {
  uid: number;
  gids: readonly number[];
}

// ---- pure ----

/** What to change so `current` matches `manifest`; paths the restore did not bring back are left alone. */
export function planOwnershipRepair(manifest: OwnershipManifest, current: OwnershipManifest): OwnershipRepair {
  const chown = new Map<string, string[]>();
  const chmodGroups = new Map<string, string[]>();
  for (const path of Object.keys(manifest).sort()) {
    const want = manifest[path]!;
    const have = current[path];
    if (!have) continue;
    if (want.uid !== have.uid || want.gid !== have.gid) push(chown, `${want.uid}:${want.gid}`, path);
    if (!want.symlink && want.mode !== have.mode) push(chmodGroups, want.mode.toString(8).padStart(4, '0'), path);
  }
  return {
    chown: [...chown].map(([owner, paths]) => ({ owner, paths })),
    chmod: [...chmodGroups].map(([mode, paths]) => ({ mode, paths })),
  };
}

/** Entries `user` cannot archive: files it cannot read, directories it cannot list and enter. */
export function unreadableEntries(entries: OwnershipManifest, user: RunnerUser): string[] {
  if (user.uid === 0) return [];
  return Object.keys(entries)
    .filter((path) => {
      const e = entries[path]!;
      if (e.symlink) return false;
      const shift = e.uid === user.uid ? 6 : user.gids.includes(e.gid) ? 3 : 0;
      const bits = (e.mode >> shift) & 0o7;
      const isDir = (e.mode & 0o40000) !== 0;
      return isDir ? (bits & 0o5) !== 0o5 : (bits & 0o4) === 0;
    })
    .sort();
}

/** argv for the repair, root-relative paths made absolute, in argv-sized chunks; sudo -n unless root. */
export function repairCommands(dir: string, repair: OwnershipRepair, asRoot: boolean, chunk = 200): [string, string[]][] {
  const commands: [string, string[]][] = [];
  const add = (args: string[], paths: string[]): void => {
    for (let i = 0; i < paths.length; i += chunk) {
      const argv = [...args, '--', ...paths.slice(i, i + chunk).map((p) => (p === '.' ? dir : join(dir, p)))];
      commands.push(asRoot ? [argv[0]!, argv.slice(1)] : ['sudo', ['-n', ...argv]]);
    }
  };
  // chown first: changing the owner may clear setuid/setgid bits that chmod then puts back.
  for (const { owner, paths } of repair.chown) add(['chown', '-h', owner], paths);
  for (const { mode, paths } of repair.chmod) add(['chmod', mode], paths);
  return commands;
}

/** Parses `find DIR -printf '%P\0%U\0%G\0%m\0%y\0'` (what we run through sudo when we can't list a dir). */
export function parseFindOwnership(output: string): OwnershipManifest {
  const fields = output.split('\0');
  const manifest: OwnershipManifest = {};
  for (let i = 0; i + 4 < fields.length; i += 5) {
    const [path, uid, gid, mode, type] = fields.slice(i, i + 5) as [string, string, string, string, string];
    const typeBits = type === 'd' ? 0o40000 : 0;
    manifest[path === '' ? '.' : path] = {
      uid: Number(uid),
      gid: Number(gid),
      mode: parseInt(mode, 8) | typeBits,
      ...(type === 'l' ? { symlink: true } : {}),
    };
  }
  return manifest;
}

// ---- adapters ----

export interface OwnershipDeps {
  exec: Exec;
  logger: Logger;
  /** Defaults to this process's user. */
  user?: RunnerUser;
}

export type SavePreparation = { ok: true; manifest: OwnershipManifest } | { ok: false; reason: string };

/**
 * Records the manifest inside `dir` and makes every entry readable, so tar can archive all of it.
 * Not ok when that is impossible: the caller must then skip the save, since an archive with holes
 * would be restored later as if it were whole.
 */
export async function prepareCacheForSave(dir: string, deps: OwnershipDeps): Promise<SavePreparation> {
  const user = deps.user ?? currentUser();
  let entries: OwnershipManifest;
  try {
    entries = await readOwnership(dir);
  } catch (error) {
    if (!isDenied(error) || user.uid === 0) return { ok: false, reason: `cannot read "${dir}": ${message(error)}` };
    const found = await deps.exec.run('sudo', ['-n', 'find', dir, '-printf', '%P\\0%U\\0%G\\0%m\\0%y\\0']);
    if (found.exitCode !== 0) {
      return { ok: false, reason: `cannot list "${dir}" as uid ${user.uid} and sudo -n failed: ${found.stderr.trim()}` };
    }
    entries = parseFindOwnership(found.stdout);
  }
  delete entries[OWNERSHIP_MANIFEST];
  const unreadable = unreadableEntries(entries, user);
  if (unreadable.length > 0) {
    const fixed = await deps.exec.run('sudo', ['-n', 'chmod', '-R', 'a+rX', '--', dir]);
    if (fixed.exitCode !== 0) {
      return {
        ok: false,
        reason: `${unreadable.length} cached entries are unreadable by uid ${user.uid} (e.g. "${unreadable[0]}") and sudo -n chmod failed: ${fixed.stderr.trim()}`,
      };
    }
  }
  const manifest = stripTypeBits(entries);
  try {
    await writeFile(join(dir, OWNERSHIP_MANIFEST), JSON.stringify(manifest));
  } catch (error) {
    return { ok: false, reason: `cannot write "${join(dir, OWNERSHIP_MANIFEST)}": ${message(error)}` };
  }
  return { ok: true, manifest };
}

/** Reapplies the manifest after a restore. Never throws: without root or sudo it warns once. */
export async function restoreOwnership(dir: string, deps: OwnershipDeps): Promise<void> {
  const user = deps.user ?? currentUser();
  let manifest: OwnershipManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, OWNERSHIP_MANIFEST), 'utf8')) as OwnershipManifest;
  } catch (error) {
    if (!isMissing(error)) deps.logger.warning(`Cache ownership manifest in "${dir}" is unreadable: ${message(error)}`);
    return;
  }
  const repair = planOwnershipRepair(manifest, stripTypeBits(await readOwnership(dir)));
  const changed = new Set([...repair.chown, ...repair.chmod].flatMap((r) => r.paths)).size;
  const done = () => {
    if (changed > 0) deps.logger.info(`Cache files given back their builder's owners and modes (${changed} entries, uid ${user.uid} restored them).`);
  };
  if (user.uid === 0) {
    // Root needs no helper process per chunk of paths.
    for (const { owner, paths } of repair.chown) {
      const [uid, gid] = owner.split(':').map(Number) as [number, number];
      for (const p of paths) await lchown(join(dir, p), uid, gid);
    }
    for (const { mode, paths } of repair.chmod) for (const p of paths) await chmod(join(dir, p), parseInt(mode, 8));
    return done();
  }
  for (const [command, args] of repairCommands(dir, repair, false)) {
    const result = await deps.exec.run(command, args);
    if (result.exitCode !== 0) {
      deps.logger.warning(
        `Could not restore owners and modes of the cache in "${dir}" (not root, and "sudo -n ${args.slice(1, 3).join(' ')}" failed: ${result.stderr.trim()}); the builder may not be able to reuse it.`,
      );
      return;
    }
  }
  done();
}

/** lstat of every entry under `dir` (dir itself as '.'), keyed by relative path. Mode keeps the dir bit. */
export async function readOwnership(dir: string): Promise<OwnershipManifest> {
  const manifest: OwnershipManifest = {};
  const visit = async (relative: string): Promise<void> => {
    const absolute = relative === '.' ? dir : join(dir, relative);
    const stat = await lstat(absolute);
    manifest[relative] = {
      uid: stat.uid,
      gid: stat.gid,
      mode: stat.mode & (0o7777 | 0o40000),
      ...(stat.isSymbolicLink() ? { symlink: true } : {}),
    };
    if (!stat.isDirectory()) return;
    for (const name of await readdir(absolute)) await visit(relative === '.' ? name : join(relative, name));
  };
  await visit('.');
  return manifest;
}

function stripTypeBits(entries: OwnershipManifest): OwnershipManifest {
  const out: OwnershipManifest = {};
  for (const [path, e] of Object.entries(entries)) out[path] = { ...e, mode: e.mode & 0o7777 };
  return out;
}

function currentUser(): RunnerUser {
  return { uid: process.getuid?.() ?? 0, gids: process.getgroups?.() ?? [] };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function isDenied(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EPERM';
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
