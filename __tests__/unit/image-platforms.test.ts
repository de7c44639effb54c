import { describe, expect, it } from 'vitest';
import { findPlatform, platformKey, samePlatform } from '../../src/image/platforms.js';

describe('platformKey (one normaliser, as containerd matches platforms)', () => {
  it.each([
    ['linux/arm64/v8', 'linux/arm64'],
    ['linux/arm64', 'linux/arm64'],
    ['linux/aarch64', 'linux/arm64'],
    ['linux/amd64/v1', 'linux/amd64'],
    ['linux/amd64/v3', 'linux/amd64/v3'],
    ['linux/arm/v7', 'linux/arm/v7'],
    ['linux/arm', 'linux/arm/v7'],
    ['Linux/AMD64', 'linux/amd64'],
    // Not os/arch[/variant]: compared as written.
    ['unknown', 'unknown'],
  ])('%s -> %s', (input, key) => expect(platformKey(input)).toBe(key));

  it.each([
    ['linux/arm', 'linux/arm64', false],
    ['linux/arm64', 'linux/arm64/v8', true],
    ['linux/arm/v6', 'linux/arm/v7', false],
    ['linux/amd64', 'windows/amd64', false],
  ])('%s vs %s -> %s', (a, b, same) => expect(samePlatform(a, b)).toBe(same));
});

describe('findPlatform (the index entry for a platform)', () => {
  // The shape of docker.io/library/alpine's index: arm64 listed before arm/v7.
  const entries = [
    { digest: 'amd64', platform: { os: 'linux', architecture: 'amd64' } },
    { digest: 'arm64', platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
    { digest: 'armv7', platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
    { digest: 'att', platform: { os: 'unknown', architecture: 'unknown' } },
    { digest: 'none' },
  ];

  it.each([
    // registry/for-run used a prefix match, for which linux/arm found the linux/arm64 entry.
    ['linux/arm', 'armv7'],
    ['linux/arm64', 'arm64'],
    ['linux/amd64/v1', 'amd64'],
    ['linux/s390x', undefined],
  ])('%s -> %s', (platform, digest) => expect(findPlatform(entries, platform)?.digest).toBe(digest));
});
