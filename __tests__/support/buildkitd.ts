// A remote BuildKit for e2e tests: buildkitd (built from source by scripts/test-registries.sh)
// with the OCI worker (runc) and its own --root, listening on loopback TCP, attached to the docker
// CLI as a buildx builder with the "remote" driver — what teams do when builds move to a shared or
// Kubernetes BuildKit. It runs on the host network, so it reaches the loopback registries (BuildKit
// speaks plain HTTP to a loopback registry without being told).
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, TEST_REGISTRIES_DIR } from './registry.ts';

const run = promisify(execFile);

export interface RemoteBuilder {
  /** The buildx builder instance name (input `buildx-builder`). */
  name: string;
  /** tcp://127.0.0.1:PORT */
  address: string;
  /** buildkitd's output so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

export interface RemoteBuilderOptions {
  name?: string;
  /** Bound on buildkitd coming up and buildx seeing it (default 60 s). */
  startTimeoutMs?: number;
}

export async function startRemoteBuilder(opts: RemoteBuilderOptions = {}): Promise<RemoteBuilder> {
  const bin = join(TEST_REGISTRIES_DIR, 'buildkitd', 'buildkitd');
  if (!existsSync(bin)) throw new Error(`buildkitd is not at ${bin}: run scripts/test-registries.sh (scripts/test-env.sh does).`);
  const name = opts.name ?? 'strata-remote';
  const dir = mkdtempSync(join(tmpdir(), 'strata-buildkitd-'));
  const port = await freePort();
  const address = `tcp://127.0.0.1:${port}`;
  const config = join(dir, 'buildkitd.toml');
  writeFileSync(
    config,
    [
      // Host network: no CNI plugins here, and RUN steps need nothing more.
      '[worker.oci]',
      '  enabled = true',
      '  networkMode = "host"',
      '  gc = false',
      '[worker.containerd]',
      '  enabled = false',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(bin, ['--config', config, '--root', join(dir, 'root'), '--addr', address, '--group', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own cgroup/mount state is runc's business; keep the test's env out except PATH (runc).
    env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));

  const stopDaemon = async () => {
    if (!exited) {
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
      if (!exited) child.kill('SIGKILL');
    }
    // runc leaves its state under --root; a few files may be root-owned mounts for a moment.
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  const removeBuilder = () => run('docker', ['buildx', 'rm', '--force', name], { timeout: 30_000 }).catch(() => undefined);

  try {
    // A builder left by an interrupted earlier run would make `create` fail.
    await removeBuilder();
    await run('docker', ['buildx', 'create', '--name', name, '--driver', 'remote', address], { timeout: 30_000 });
    const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
    for (;;) {
      if (exited) throw new Error(`buildkitd exited at start:\n${output}`);
      const inspect = await run('docker', ['buildx', 'inspect', '--bootstrap', name], { timeout: 15_000 }).then(
        (r) => r.stdout,
        () => '',
      );
      if (/^Status:\s*running/m.test(inspect)) break;
      if (Date.now() > deadline) throw new Error(`buildkitd did not answer on ${address} within ${opts.startTimeoutMs ?? 60_000} ms:\n${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (e) {
    await removeBuilder();
    await stopDaemon();
    throw e;
  }

  return {
    name,
    address,
    log: () => output,
    async stop() {
      await removeBuilder();
      await stopDaemon();
    },
  };
}
