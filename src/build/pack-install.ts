// Makes sure the wanted `pack` is on PATH: the one already there if its version matches, else a
// release from GitHub, checksum-verified and kept in the runner's tool cache for later jobs.
// buildpacks/github-actions setup-pack does the same download + .sha256 check but with curl into
// $HOME/bin (no tool cache). Its checksum became mandatory in v6.1.0; it is mandatory here too:
// a pack we can't verify runs with the docker socket, so "warn and proceed" isn't acceptable.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Exec, Logger } from '../adapters.js';

/**
 * The newest release tag in the pack repository as researched (v0.40.6). setup-pack's default has
 * since moved to 0.40.9; bump this after checking that release's assets exist.
 */
export const DEFAULT_PACK_VERSION = '0.40.6';

export class PackInstallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackInstallError';
  }
}

/** The release asset's platform suffix for a Node `process.arch` (pack ships linux x64/arm64). */
export function packPlatform(arch: string, os = 'linux'): 'linux' | 'linux-arm64' {
  if (os !== 'linux') throw new PackInstallError(`pack releases are installed on Linux runners only; this runner is ${os}/${arch}.`);
  if (arch === 'x64') return 'linux';
  if (arch === 'arm64') return 'linux-arm64';
  throw new PackInstallError(`pack has no Linux release for the ${arch} architecture (only x64 and arm64).`);
}

export function packAssetName(version: string, arch: string, os = 'linux'): string {
  return `pack-v${version}-${packPlatform(arch, os)}.tgz`;
}

export function packDownloadUrl(version: string, arch: string, os = 'linux'): string {
  return `https://github.com/buildpacks/pack/releases/download/v${version}/${packAssetName(version, arch, os)}`;
}

/**
 * The hex digest from a `.sha256` file: `sha256sum` output (`<hex>  <name>` or `<hex> *<name>`)
 * or a bare digest. When a name is present it must be the asset's, so a wrong file can't pass.
 */
export function parseChecksumFile(text: string, assetName: string): string {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l !== '');
  const m = line === undefined ? null : /^([0-9a-fA-F]{64})(?:\s+\*?(\S+))?$/.exec(line);
  if (!m) {
    throw new PackInstallError(`The checksum file for ${assetName} is not a SHA-256 checksum: ${JSON.stringify(text.slice(0, 120))}`);
  }
  if (m[2] !== undefined && m[2] !== assetName) {
    throw new PackInstallError(`The checksum file for ${assetName} names another file: ${JSON.stringify(m[2])}`);
  }
  return m[1]!.toLowerCase();
}

/** `pack --version` prints e.g. `0.40.6+git-7640af9.build-6718`; the build suffix doesn't matter. */
export function packVersionMatches(versionOutput: string, wanted: string): boolean {
  const printed = versionOutput.trim().split(/\s+/)[0]?.replace(/^v/, '') ?? '';
  return printed === wanted || printed.startsWith(`${wanted}+`);
}

/** The parts of @actions/tool-cache this uses (pass the module itself in production). */
export interface ToolCache {
  find(toolName: string, versionSpec: string, arch?: string): string;
  downloadTool(url: string): Promise<string>;
  extractTar(file: string): Promise<string>;
  cacheDir(sourceDir: string, tool: string, version: string, arch?: string): Promise<string>;
}

export interface PackInstallDeps {
  exec: Exec;
  toolCache: ToolCache;
  logger: Logger;
  /** core.addPath in Actions: later steps and this process find `pack` first. */
  addPath(dir: string): void;
  /** process.arch */
  arch: string;
  /** process.platform */
  os?: string;
  /** Overrides PACK_DOWNLOAD_TIMEOUT_MS (tests shorten it). */
  downloadTimeoutMs?: number;
}

/**
 * @actions/tool-cache's downloads have no timeout. pack's release is ~20 MB: five minutes is
 * under 70 kB/s, far below any runner's link, so a download still going then has hung.
 */
export const PACK_DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

function bounded<T>(download: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s (the download was given up)`)), ms);
    timer.unref();
  });
  return Promise.race([download, limit]).finally(() => clearTimeout(timer));
}

export interface PackInstallation {
  version: string;
  /** Directory holding the `pack` binary, or undefined when the one on PATH was used. */
  dir?: string;
  source: 'path' | 'tool-cache' | 'download';
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function httpStatus(err: unknown): number | undefined {
  const code = (err as { httpStatusCode?: unknown } | undefined)?.httpStatusCode;
  return typeof code === 'number' ? code : undefined;
}

/**
 * `requested` is the pack-version input (already validated as X.Y.Z), or undefined for the
 * default. Throws PackInstallError with what went wrong and which URL was involved.
 */
export async function ensurePack(requested: string | undefined, deps: PackInstallDeps): Promise<PackInstallation> {
  const version = requested ?? DEFAULT_PACK_VERSION;
  const { exec, toolCache, logger } = deps;
  const what = requested === undefined ? `pack ${version} (Strata's default)` : `pack ${version} (input "pack-version")`;

  const onPath = await exec.run('pack', ['--version']);
  if (onPath.exitCode === 0 && packVersionMatches(onPath.stdout, version)) {
    logger.info(`Using pack ${onPath.stdout.trim()} from PATH`);
    return { version, source: 'path' };
  }
  if (onPath.exitCode === 0) logger.info(`pack on PATH is ${onPath.stdout.trim()}, not ${version}; installing ${version}`);

  const arch = deps.arch;
  const cached = toolCache.find('pack', version, arch);
  if (cached) {
    logger.info(`Using ${what} from the tool cache: ${cached}`);
    deps.addPath(cached);
    return { version, dir: cached, source: 'tool-cache' };
  }

  const url = packDownloadUrl(version, arch, deps.os);
  const asset = packAssetName(version, arch, deps.os);
  logger.info(`Downloading ${what} from ${url}`);
  let archive: string;
  try {
    archive = await bounded(toolCache.downloadTool(url), deps.downloadTimeoutMs ?? PACK_DOWNLOAD_TIMEOUT_MS);
  } catch (err) {
    const status = httpStatus(err);
    const hint = status === 404 && requested !== undefined ? ` Input "pack-version" is ${JSON.stringify(requested)}: is that a pack release?` : '';
    throw new PackInstallError(`Could not download ${what} from ${url}: ${status ? `HTTP ${status}` : (err as Error).message}.${hint}`);
  }

  let checksumFile: string;
  try {
    checksumFile = await bounded(toolCache.downloadTool(`${url}.sha256`), deps.downloadTimeoutMs ?? PACK_DOWNLOAD_TIMEOUT_MS);
  } catch (err) {
    const status = httpStatus(err);
    throw new PackInstallError(
      `Could not fetch the checksum ${url}.sha256 (${status ? `HTTP ${status}` : (err as Error).message}); refusing to run a pack binary that can't be verified.`,
    );
  }
  const expected = parseChecksumFile(await readFile(checksumFile, 'utf8'), asset);
  const actual = await sha256File(archive);
  if (actual !== expected) {
    throw new PackInstallError(`Checksum mismatch for ${asset}: ${url}.sha256 says ${expected}, the download is ${actual}. Not installing it.`);
  }

  const extracted = await toolCache.extractTar(archive);
  const dir = await toolCache.cacheDir(extracted, 'pack', version, arch);
  const check = await exec.run(join(dir, 'pack'), ['--version']);
  if (check.exitCode !== 0 || !packVersionMatches(check.stdout, version)) {
    throw new PackInstallError(`The pack from ${url} doesn't report version ${version}: ${JSON.stringify((check.stdout + check.stderr).trim())}`);
  }
  deps.addPath(dir);
  logger.info(`Installed pack ${check.stdout.trim()} into the tool cache: ${dir}`);
  return { version, dir, source: 'download' };
}
