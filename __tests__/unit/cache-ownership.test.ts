import { chmod, chown, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exec, ExecResult, Logger } from '../../src/adapters.js';
import {
  OWNERSHIP_MANIFEST,
  parseFindOwnership,
  planOwnershipRepair,
  prepareCacheForSave,
  repairCommands,
  restoreOwnership,
  unreadableEntries,
  type OwnershipManifest,
} from '../../src/cache/ownership.js';
import { describeAsRoot } from '../support/root.js';

const DIR = 0o40000;

describe('planOwnershipRepair', () => {
  it.each<[string, OwnershipManifest, OwnershipManifest, ReturnType<typeof planOwnershipRepair>]>([
    ['nothing to do', { a: { uid: 1000, gid: 1000, mode: 0o600 } }, { a: { uid: 1000, gid: 1000, mode: 0o600 } }, { chown: [], chmod: [] }],
    [
      'owner and mode lost by a non-root extract',
      { '.': { uid: 1001, gid: 1001, mode: 0o755 }, b: { uid: 1000, gid: 1000, mode: 0o700 }, 'b/f': { uid: 1000, gid: 1000, mode: 0o600 } },
      { '.': { uid: 1001, gid: 1001, mode: 0o755 }, b: { uid: 1001, gid: 1001, mode: 0o755 }, 'b/f': { uid: 1001, gid: 1001, mode: 0o644 } },
      { chown: [{ owner: '1000:1000', paths: ['b', 'b/f'] }], chmod: [{ mode: '0700', paths: ['b'] }, { mode: '0600', paths: ['b/f'] }] },
    ],
    ['only the group differs', { a: { uid: 0, gid: 5, mode: 0o640 } }, { a: { uid: 0, gid: 0, mode: 0o640 } }, { chown: [{ owner: '0:5', paths: ['a'] }], chmod: [] }],
    ['paths the restore did not bring back are skipped', { gone: { uid: 1000, gid: 1000, mode: 0o600 } }, {}, { chown: [], chmod: [] }],
    ['symlinks get their owner back but no mode', { l: { uid: 1000, gid: 1000, mode: 0o777, symlink: true } }, { l: { uid: 0, gid: 0, mode: 0o755, symlink: true } }, { chown: [{ owner: '1000:1000', paths: ['l'] }], chmod: [] }],
    ['setuid bits are kept', { x: { uid: 0, gid: 0, mode: 0o4755 } }, { x: { uid: 0, gid: 0, mode: 0o755 } }, { chown: [], chmod: [{ mode: '4755', paths: ['x'] }] }],
  ])('%s', (_what, manifest, current, expected) => {
    expect(planOwnershipRepair(manifest, current)).toEqual(expected);
  });
});

describe('unreadableEntries', () => {
  const entries: OwnershipManifest = {
    '.': { uid: 1001, gid: 1001, mode: DIR | 0o755 },
    'mine-0600': { uid: 1001, gid: 1001, mode: 0o600 },
    'cnb-0600': { uid: 1000, gid: 1000, mode: 0o600 },
    'cnb-0644': { uid: 1000, gid: 1000, mode: 0o644 },
    'cnb-0640-group': { uid: 1000, gid: 1001, mode: 0o640 },
    'cnb-dir-0700': { uid: 1000, gid: 1000, mode: DIR | 0o700 },
    'cnb-dir-0744': { uid: 1000, gid: 1000, mode: DIR | 0o744 },
    'cnb-dir-0755': { uid: 1000, gid: 1000, mode: DIR | 0o755 },
    link: { uid: 1000, gid: 1000, mode: 0o777, symlink: true },
  };
  it.each([
    ['runner (uid 1001, in group 1001)', { uid: 1001, gids: [1001] }, ['cnb-0600', 'cnb-dir-0700', 'cnb-dir-0744']],
    ['runner without the group', { uid: 1001, gids: [] }, ['cnb-0600', 'cnb-0640-group', 'cnb-dir-0700', 'cnb-dir-0744']],
    ['root', { uid: 0, gids: [0] }, []],
  ])('%s', (_who, user, expected) => {
    expect(unreadableEntries(entries, user)).toEqual(expected);
  });
});

describe('repairCommands', () => {
  const repair = { chown: [{ owner: '1000:1000', paths: ['a', 'b', 'c'] }], chmod: [{ mode: '0600', paths: ['a'] }] };
  it.each<[string, boolean, number, [string, string[]][]]>([
    ['through sudo -n', false, 200, [
      ['sudo', ['-n', 'chown', '-h', '1000:1000', '--', '/c/a', '/c/b', '/c/c']],
      ['sudo', ['-n', 'chmod', '0600', '--', '/c/a']],
    ]],
    ['as root, chunked', true, 2, [
      ['chown', ['-h', '1000:1000', '--', '/c/a', '/c/b']],
      ['chown', ['-h', '1000:1000', '--', '/c/c']],
      ['chmod', ['0600', '--', '/c/a']],
    ]],
  ])('%s', (_what, asRoot, chunk, expected) => {
    expect(repairCommands('/c', repair, asRoot, chunk)).toEqual(expected);
  });

  it('maps the root entry to the dir itself', () => {
    expect(repairCommands('/c', { chown: [{ owner: '1:1', paths: ['.'] }], chmod: [] }, true)).toEqual([['chown', ['-h', '1:1', '--', '/c']]]);
  });
});

describe('parseFindOwnership', () => {
  it.each<[string, string, OwnershipManifest]>([
    ['empty', '', {}],
    [
      'dir, file, symlink, name with a tab',
      '\0' + '1001\0' + '1001\0' + '755\0' + 'd\0' + 'committed\0' + '1000\0' + '1000\0' + '700\0' + 'd\0' + 'committed/a\tb.tar\0' + '1000\0' + '1000\0' + '600\0' + 'f\0' + 'l\0' + '0\0' + '0\0' + '777\0' + 'l\0',
      {
        '.': { uid: 1001, gid: 1001, mode: DIR | 0o755 },
        committed: { uid: 1000, gid: 1000, mode: DIR | 0o700 },
        'committed/a\tb.tar': { uid: 1000, gid: 1000, mode: 0o600 },
        l: { uid: 0, gid: 0, mode: 0o777, symlink: true },
      },
    ],
  ])('%s', (_what, output, expected) => {
    expect(parseFindOwnership(output)).toEqual(expected);
  });
});

// The adapters, on a real directory, as root (to chown to the builder's user), so the non-root
// branches get a user handed in and an Exec double standing in for sudo.
describeAsRoot('prepareCacheForSave / restoreOwnership', () => {
  let dir = '';
  const warnings: string[] = [];
  const logger: Logger = {
    info: () => undefined,
    debug: () => undefined,
    error: (m) => warnings.push(m),
    warning: (m) => warnings.push(m),
    group: (_n, fn) => fn(),
  };
  const execDouble = (exitCode: number, calls: [string, readonly string[]][]): Exec => ({
    run: async (command, args): Promise<ExecResult> => {
      calls.push([command, args]);
      return { exitCode, stdout: '', stderr: exitCode === 0 ? '' : 'sudo: a password is required' };
    },
  });

  const makeCache = async (): Promise<void> => {
    dir = await mkdtemp(join(tmpdir(), 'strata-own-'));
    await chown(dir, 1001, 1001); // the runner made the bind dir; the builder wrote inside it
    await mkdir(join(dir, 'build-cache/committed'), { recursive: true });
    await writeFile(join(dir, 'build-cache/committed/sha256:aa.tar'), 'layer');
    await chown(join(dir, 'build-cache'), 1000, 1000);
    await chown(join(dir, 'build-cache/committed'), 1000, 1000);
    await chown(join(dir, 'build-cache/committed/sha256:aa.tar'), 1000, 1000);
    await chmod(join(dir, 'build-cache/committed'), 0o700);
    await chmod(join(dir, 'build-cache/committed/sha256:aa.tar'), 0o600);
  };
  afterEach(async () => {
    warnings.length = 0;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('as root: records the manifest, then puts owners and modes back after they were lost', async () => {
    await makeCache();
    const prepared = await prepareCacheForSave(dir, { exec: execDouble(1, []), logger });
    expect(prepared.ok).toBe(true);
    const manifest = JSON.parse(await readFile(join(dir, OWNERSHIP_MANIFEST), 'utf8')) as OwnershipManifest;
    expect(manifest['build-cache/committed/sha256:aa.tar']).toEqual({ uid: 1000, gid: 1000, mode: 0o600 });
    expect(manifest[OWNERSHIP_MANIFEST]).toBeUndefined();

    // What a non-root tar extract leaves behind.
    for (const p of ['build-cache', 'build-cache/committed', 'build-cache/committed/sha256:aa.tar']) await chown(join(dir, p), 0, 0);
    await chmod(join(dir, 'build-cache/committed'), 0o755);
    await chmod(join(dir, 'build-cache/committed/sha256:aa.tar'), 0o644);

    await restoreOwnership(dir, { exec: execDouble(1, []), logger });
    const file = await stat(join(dir, 'build-cache/committed/sha256:aa.tar'));
    expect([file.uid, file.gid, file.mode & 0o7777]).toEqual([1000, 1000, 0o600]);
    expect((await stat(join(dir, 'build-cache/committed'))).mode & 0o7777).toBe(0o700);
    expect(warnings).toEqual([]);
  });

  it('as a runner user: makes unreadable entries readable through sudo -n before save', async () => {
    await makeCache();
    const calls: [string, readonly string[]][] = [];
    const prepared = await prepareCacheForSave(dir, { exec: execDouble(0, calls), logger, user: { uid: 1001, gids: [1001] } });
    expect(prepared.ok).toBe(true);
    expect(calls).toEqual([['sudo', ['-n', 'chmod', '-R', 'a+rX', '--', dir]]]);
  });

  it('as a runner user without sudo: refuses the save instead of archiving holes', async () => {
    await makeCache();
    const prepared = await prepareCacheForSave(dir, { exec: execDouble(1, []), logger, user: { uid: 1001, gids: [1001] } });
    expect(prepared).toEqual({
      ok: false,
      reason: expect.stringMatching(/^2 cached entries are unreadable by uid 1001 \(e\.g\. "build-cache\/committed"\) and sudo -n chmod failed: sudo: a password is required$/),
    });
  });

  it('as a runner user: restores through sudo -n, and warns once when sudo is refused', async () => {
    await makeCache();
    await prepareCacheForSave(dir, { exec: execDouble(0, []), logger });
    for (const p of ['build-cache', 'build-cache/committed', 'build-cache/committed/sha256:aa.tar']) await chown(join(dir, p), 1001, 1001);

    const calls: [string, readonly string[]][] = [];
    await restoreOwnership(dir, { exec: execDouble(0, calls), logger, user: { uid: 1001, gids: [1001] } });
    expect(calls[0]).toEqual([
      'sudo',
      ['-n', 'chown', '-h', '1000:1000', '--', join(dir, 'build-cache'), join(dir, 'build-cache/committed'), join(dir, 'build-cache/committed/sha256:aa.tar')],
    ]);
    expect(warnings).toEqual([]);

    await restoreOwnership(dir, { exec: execDouble(1, []), logger, user: { uid: 1001, gids: [1001] } });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`"${dir}"`);
  });

  it('does nothing without a manifest', async () => {
    await makeCache();
    const calls: [string, readonly string[]][] = [];
    await restoreOwnership(dir, { exec: execDouble(0, calls), logger, user: { uid: 1001, gids: [] } });
    expect(calls).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
