// resolveDigest: which source answers a base tag's digest, and that the action's path starts no
// docker process (the imagetools probe cost ~0.2 s on the build's critical path; bench section 1).
import { describe, expect, it } from 'vitest';
import type { DockerEngine, Exec } from '../../src/adapters.js';
import { resolveDigest } from '../../src/build/dockerfile-mode.js';

const D = (c: string) => `sha256:${c.repeat(64)}`;

function recordingExec(stdout: string, exitCode = 0): Exec & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    run: async (command, args) => {
      calls.push([command, ...args]);
      return { exitCode, stdout, stderr: exitCode ? 'no such manifest' : '' };
    },
  };
}

function engineWith(repoDigests: string[] | undefined): DockerEngine & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    address: 'unix:///var/run/docker.sock',
    image: async (reference) => {
      asked.push(reference);
      return repoDigests ? { Id: D('e'), RepoDigests: repoDigests } : undefined;
    },
    history: async () => undefined,
    driverStatus: async () => [],
  };
}

describe('resolveDigest', () => {
  it('a pinned reference is its own answer: nothing is asked', async () => {
    const exec = recordingExec('');
    const engine = engineWith(undefined);
    expect(await resolveDigest({ exec, engine, registryDigest: async () => D('b') }, `node:20@${D('a')}`)).toBe(D('a'));
    expect(exec.calls).toEqual([]);
    expect(engine.asked).toEqual([]);
  });

  it("the run's registry answers with one HEAD: no docker process, no engine read", async () => {
    const exec = recordingExec('');
    const engine = engineWith([`node@${D('e')}`]);
    const asked: string[] = [];
    const digest = await resolveDigest({ exec, engine, registryDigest: async (ref) => (asked.push(ref), D('b')) }, 'node:20');
    expect(digest).toBe(D('b'));
    expect(asked).toEqual(['node:20']);
    expect(exec.calls).toEqual([]);
    expect(engine.asked).toEqual([]);
  });

  it("a registry that cannot say: the engine's repo digest (a base built or loaded in the job), not imagetools", async () => {
    const exec = recordingExec('');
    const engine = engineWith([`127.0.0.1:5000/base@${D('e')}`]);
    const digest = await resolveDigest({ exec, engine, registryDigest: async () => Promise.reject(new Error('Manifest 127.0.0.1:5000/base:1 not found (HTTP 404)')) }, '127.0.0.1:5000/base:1');
    expect(digest).toBe(D('e'));
    expect(exec.calls).toEqual([]);
  });

  it('neither can say: undefined', async () => {
    expect(await resolveDigest({ exec: recordingExec(''), engine: engineWith(undefined), registryDigest: async () => undefined }, 'gone:1')).toBeUndefined();
  });

  it('without a registry adapter (strata build): docker buildx imagetools inspect, then the engine', async () => {
    const exec = recordingExec(JSON.stringify({ digest: D('c') }));
    expect(await resolveDigest({ exec, engine: engineWith(undefined) }, 'node:20')).toBe(D('c'));
    expect(exec.calls).toEqual([['docker', 'buildx', 'imagetools', 'inspect', 'node:20', '--format', '{{json .Manifest}}']]);
    const failing = recordingExec('', 1);
    expect(await resolveDigest({ exec: failing, engine: engineWith([`node@${D('e')}`]) }, 'node:20')).toBe(D('e'));
  });
});
