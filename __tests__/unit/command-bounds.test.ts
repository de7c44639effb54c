import { describe, expect, it } from 'vitest';
import { commandTimeoutMs, describeTimeout, ENGINE_PROBE_MS, REGISTRY_LOOKUP_MS } from '../../src/io/command-bounds.js';

describe('commandTimeoutMs', () => {
  it.each([
    ['docker', ['info', '--format', '{{json .DriverStatus}}'], ENGINE_PROBE_MS],
    ['docker', ['buildx', 'inspect'], ENGINE_PROBE_MS],
    ['docker', ['buildx', 'version'], ENGINE_PROBE_MS],
    ['docker', ['image', 'inspect', 'x'], ENGINE_PROBE_MS],
    ['docker', ['history', '--no-trunc', 'x'], ENGINE_PROBE_MS],
    ['docker', ['buildx', 'imagetools', 'inspect', 'busybox'], REGISTRY_LOOKUP_MS],
    ['docker', ['buildx', 'build', '--push', '.'], undefined],
    ['docker', ['--debug', 'buildx', 'build', '.'], undefined],
    ['docker', ['build', '.'], undefined],
    ['docker', ['push', 'x'], undefined],
    ['/usr/bin/docker', ['version'], ENGINE_PROBE_MS],
    ['pack', ['--version'], ENGINE_PROBE_MS],
    ['/opt/hostedtoolcache/pack/0.38.2/x64/pack', ['--version'], ENGINE_PROBE_MS],
    ['pack', ['build', 'app'], undefined],
    ['docker-credential-pass', ['get'], ENGINE_PROBE_MS],
    ['git', ['status'], undefined],
  ] as const)('%s %j', (command, args, expected) => {
    expect(commandTimeoutMs(command, args)).toBe(expected);
  });
});

describe('describeTimeout', () => {
  it('names the command that hung', () => {
    expect(describeTimeout('docker', ['info', '--format', '{{json .DriverStatus}}'], 20_000)).toBe(
      '`docker info --format {{json .DriverStatus}}` did not finish within 20 s and was stopped',
    );
    expect(describeTimeout('/usr/bin/docker', ['buildx', 'imagetools', 'inspect', 'a', '--format', 'x'], 90_000)).toBe(
      '`docker buildx imagetools inspect a ...` did not finish within 90 s and was stopped',
    );
  });
});
