// Where the docker CLI finds its buildx plugin, so the probes can run it as itself: `docker buildx
// version` is two Go processes (the CLI, which also asks every installed plugin for its metadata,
// then the plugin), ~0.14 s here; the plugin alone answers in ~0.06 s with the same output, and
// reads the same config, contexts and current builder. The build itself still goes through
// `docker buildx build`.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { dockerConfigDir } from '../registry/docker-config.js';

/** The docker CLI's own search order (docker/cli cli-plugins/manager): the config's extra dirs, the user's, the system's. */
export function buildxPluginDirs(configDir: string, extraDirs: readonly string[]): string[] {
  return [
    ...extraDirs,
    join(configDir, 'cli-plugins'),
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
  ];
}

/** The plugin binary the docker CLI would run for `docker buildx`, or undefined (then the CLI is asked). */
export function findBuildxPlugin(env: Record<string, string | undefined>, home = homedir()): string | undefined {
  // Elsewhere than Linux the CLI's rules differ (a .exe, other dirs): ask the CLI there.
  if (process.platform !== 'linux') return undefined;
  const configDir = dockerConfigDir(env, home);
  let extra: string[] = [];
  try {
    const config = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as { cliPluginsExtraDirs?: unknown };
    if (Array.isArray(config.cliPluginsExtraDirs)) extra = config.cliPluginsExtraDirs.filter((d): d is string => typeof d === 'string');
  } catch {
    // No config, or one the CLI would reject too: the default dirs.
  }
  return buildxPluginDirs(configDir, extra)
    .map((dir) => join(dir, 'docker-buildx'))
    .find((path) => existsSync(path));
}
