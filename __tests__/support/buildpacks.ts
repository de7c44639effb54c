// The real buildpacks stack for e2e tests: pack and the lifecycle built from source, busybox
// build/run images and two builders published to a test registry by scripts/test-builder.sh.
import { join } from 'node:path';
import { run } from './docker.ts';
import { REPO_ROOT } from './runner.ts';

export interface TestBuilders {
  /** Runs as 1001:1000, like Paketo's jammy builders (and uid 1001 is GitHub's runner user). */
  uid1001: string;
  /** Runs as 1000:1000. */
  uid1000: string;
  runImage: (uid: 1000 | 1001) => string;
  registry: string;
}

export async function publishTestBuilders(registry: string): Promise<TestBuilders> {
  const { stdout } = await run(join(REPO_ROOT, 'scripts/test-builder.sh'), [registry], { maxBuffer: 16 * 1024 * 1024 });
  const last = stdout.trim().split('\n').at(-1)!;
  return {
    uid1001: last,
    uid1000: `${registry}/strata-test/builder:uid-1000`,
    runImage: (uid) => `${registry}/strata-test/run:uid-${uid}`,
    registry,
  };
}

/**
 * What a fresh runner lacks: the app's and the builders' images in the engine, and pack's
 * volumes (its launch cache). The bind build cache lives under the job's HOME, which each job
 * gets new.
 */
export async function freshRunner(...repositories: string[]): Promise<void> {
  const { stdout } = await run('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']);
  const images = stdout.split('\n').filter((ref) => repositories.some((repo) => ref.startsWith(`${repo}:`)));
  if (images.length) await run('docker', ['image', 'rm', '--force', ...images]);
  const volumes = (await run('docker', ['volume', 'ls', '--quiet', '--filter', 'name=pack-cache-'])).stdout.split('\n').filter(Boolean);
  if (volumes.length) await run('docker', ['volume', 'rm', '--force', ...volumes]);
}
