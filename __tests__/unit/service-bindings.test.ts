// Secrets for buildpacks as CNB service bindings: the files, their modes, and that they go away.
import { mkdtempSync, readFileSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindingFiles, secretContents, writeBindings } from '../../src/build/service-bindings.js';

describe('bindingFiles', () => {
  it('makes type/key ids bindings Paketo\'s buildpacks read (npmrc/.npmrc, maven/settings.xml), and bare ids one-key bindings', () => {
    expect(
      bindingFiles([
        { id: 'npmrc/.npmrc', content: '//registry.npmjs.org/:_authToken=x' },
        { id: 'maven/settings.xml', content: '<settings/>' },
        { id: 'maven/settings-security.xml', content: '<settingsSecurity/>' },
        { id: 'token', content: 't0k' },
      ]),
    ).toEqual([
      { path: 'npmrc/type', content: 'npmrc' },
      { path: 'npmrc/.npmrc', content: '//registry.npmjs.org/:_authToken=x' },
      { path: 'maven/type', content: 'maven' },
      { path: 'maven/settings.xml', content: '<settings/>' },
      { path: 'maven/settings-security.xml', content: '<settingsSecurity/>' },
      { path: 'token/type', content: 'token' },
      { path: 'token/token', content: 't0k' },
    ]);
  });

  it('refuses a key named type', () => {
    expect(() => bindingFiles([{ id: 'x/type', content: '' }])).toThrow(/"type" is the binding's type file/);
  });
});

describe('secretContents and writeBindings', () => {
  it('reads values, files and env vars, writes them readable by the builder\'s user, and removes them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-bind-test-'));
    writeFileSync(join(dir, 'settings.xml'), '<settings/>');
    const sources = await secretContents(
      [{ id: 'npmrc/.npmrc', value: 'v' }, { id: 'maven/settings.xml', path: join(dir, 'settings.xml') }, { id: 'gh', env: 'GH_TOKEN' }],
      { GH_TOKEN: 'ghs_x' },
    );
    const { root, remove } = await writeBindings(dir, bindingFiles(sources));
    expect(readFileSync(join(root, 'npmrc', '.npmrc'), 'utf8')).toBe('v');
    expect(readFileSync(join(root, 'maven', 'settings.xml'), 'utf8')).toBe('<settings/>');
    expect(readFileSync(join(root, 'gh', 'gh'), 'utf8')).toBe('ghs_x');
    expect(readFileSync(join(root, 'gh', 'type'), 'utf8')).toBe('gh');
    expect(statSync(join(root, '..')).mode & 0o777).toBe(0o700);
    expect(statSync(join(root, 'gh', 'gh')).mode & 0o777).toBe(0o644);
    await remove();
    expect(existsSync(join(root, '..'))).toBe(false);
  });

  it('names the input and the secret when its source is missing', async () => {
    await expect(secretContents([{ id: 'gh', env: 'NOPE' }], {})).rejects.toThrow('Input "secret-envs": secret "gh" names the environment variable NOPE, which is not set');
    await expect(secretContents([{ id: 'f', path: '/nonexistent/x' }], {})).rejects.toThrow('Input "secret-files": secret "f" names "/nonexistent/x", which cannot be read (ENOENT)');
  });
});
