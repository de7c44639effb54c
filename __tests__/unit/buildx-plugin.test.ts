// Where the buildx plugin is looked for (the docker CLI's order), and that the probes run it as
// itself with the same bounds as `docker buildx ...`.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Exec } from '../../src/adapters.js';
import { startBuildxProbes } from '../../src/build/buildx-probes.js';
import { buildxPluginDirs, findBuildxPlugin } from '../../src/io/buildx-plugin.js';
import { commandTimeoutMs, ENGINE_PROBE_MS } from '../../src/io/command-bounds.js';

function plugin(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'docker-buildx');
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('buildx plugin lookup', () => {
  it("follows the docker CLI: the config's extra dirs, then the user's, then the system's", () => {
    expect(buildxPluginDirs('/home/r/.docker', ['/opt/plugins'])).toEqual([
      '/opt/plugins',
      '/home/r/.docker/cli-plugins',
      '/usr/local/lib/docker/cli-plugins',
      '/usr/local/libexec/docker/cli-plugins',
      '/usr/lib/docker/cli-plugins',
      '/usr/libexec/docker/cli-plugins',
    ]);
  });

  it.runIf(process.platform === 'linux')("finds DOCKER_CONFIG's own plugin first, and an extra dir before it", () => {
    const config = mkdtempSync(join(tmpdir(), 'strata-buildx-plugin-'));
    const own = plugin(join(config, 'cli-plugins'));
    expect(findBuildxPlugin({ DOCKER_CONFIG: config })).toBe(own);
    const extra = plugin(join(config, 'extra'));
    writeFileSync(join(config, 'config.json'), JSON.stringify({ cliPluginsExtraDirs: [join(config, 'extra')] }));
    expect(findBuildxPlugin({ DOCKER_CONFIG: config })).toBe(extra);
    // A config the CLI could not read either: the default dirs.
    writeFileSync(join(config, 'config.json'), '{');
    expect(findBuildxPlugin({ DOCKER_CONFIG: config })).toBe(own);
  });

  it('the plugin run as itself is bounded like docker buildx', () => {
    expect(commandTimeoutMs('/usr/libexec/docker/cli-plugins/docker-buildx', ['version'])).toBe(ENGINE_PROBE_MS);
    expect(commandTimeoutMs('/usr/libexec/docker/cli-plugins/docker-buildx', ['build', '.'])).toBeUndefined();
  });

  it('the probes run the plugin with the subcommand alone, or docker buildx without one', async () => {
    const calls: string[] = [];
    const exec: Exec = { run: async (cmd, args) => (calls.push([cmd, ...args].join(' ')), { exitCode: 0, stdout: '', stderr: '' }) };
    const a = startBuildxProbes(exec, 'ci', '/p/docker-buildx');
    await Promise.all([a.version, a.inspect]);
    const b = startBuildxProbes(exec, undefined);
    await Promise.all([b.version, b.inspect]);
    expect(calls).toEqual(['/p/docker-buildx version', '/p/docker-buildx inspect ci', 'docker buildx version', 'docker buildx inspect']);
  });
});
