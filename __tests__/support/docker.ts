// Helpers for tests that use the real engine brought up by ../shared/testenv/docker-up.sh.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startRegistry, type RegistryKind, type TestRegistry } from './registry.ts';
import { REPO_ROOT } from './runner.ts';

export const run = promisify(execFile);
export const TESTENV = resolve(REPO_ROOT, '../shared/testenv');

export async function requireDocker(): Promise<void> {
  try {
    await run('docker', ['info', '--format', '{{.ServerVersion}}']);
  } catch {
    throw new Error('No Docker engine answers: run ../shared/testenv/docker-up.sh first (.ci/run does).');
  }
}

/** Pushes a real busybox base image (testenv/base-image.sh). */
export async function pushBaseImage(ref: string, opts: { platforms?: string; revision?: number; created?: string } = {}): Promise<void> {
  const args = [join(TESTENV, 'base-image.sh'), ref];
  if (opts.platforms) args.push('--platforms', opts.platforms);
  if (opts.revision !== undefined) args.push('--revision', String(opts.revision));
  if (opts.created) args.push('--created', opts.created);
  await run('bash', args, { maxBuffer: 16 * 1024 * 1024 });
}

export type BaseImageOptions = Parameters<typeof pushBaseImage>[1];

/** A loopback registry with a real busybox base image at <host>/library/busybox:1.36. */
export async function registryWithBase(opts: BaseImageOptions = {}, kind?: RegistryKind): Promise<{ registry: TestRegistry; base: string }> {
  const registry = await startRegistry({ kind });
  const base = `${registry.host}/library/busybox:1.36`;
  await pushBaseImage(base, opts);
  return { registry, base };
}

/** A copy of an example or fixture app in a fresh workspace directory. */
export function workspaceFrom(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'strata-ws-'));
  cpSync(resolve(REPO_ROOT, source), dir, { recursive: true });
  return dir;
}

export async function skopeoInspect(ref: string, ...flags: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run('skopeo', ['inspect', '--tls-verify=false', ...flags, `docker://${ref}`], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as Record<string, unknown>;
}
