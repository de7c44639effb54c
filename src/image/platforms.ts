// Platform strings as BuildKit reads them (containerd's platforms.Parse + Normalize), for the
// automatic platform ARGs: TARGETARCH of linux/arm/v7 is "arm", TARGETVARIANT "v7"; aarch64 is
// arm64 and its default variant v8 is dropped, as amd64's v1 is.

import type { ImageSummary, PlatformImage } from './types.js';

export interface Platform {
  os: string;
  architecture: string;
  variant: string;
}

export class PlatformError extends Error {
  constructor(
    readonly platform: string,
    reason: string,
  ) {
    super(`Invalid platform ${JSON.stringify(platform)}: ${reason}`);
    this.name = 'PlatformError';
  }
}

const COMPONENT = /^[a-z0-9_-]+$/;

export function parsePlatform(text: string): Platform {
  const parts = text.trim().toLowerCase().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !COMPONENT.test(p))) {
    throw new PlatformError(text, 'use os/arch[/variant], e.g. linux/amd64 or linux/arm/v7');
  }
  const [os, arch, variant = ''] = parts as [string, string, string?];
  return normalize({ os: os === 'macos' ? 'darwin' : os, architecture: arch, variant });
}

function normalize(p: Platform): Platform {
  let { architecture: arch, variant } = p;
  switch (arch) {
    case 'i386':
      arch = '386';
      variant = '';
      break;
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      arch = 'amd64';
      if (variant === 'v1') variant = '';
      break;
    case 'aarch64':
    case 'arm64':
      arch = 'arm64';
      if (variant === '8' || variant === 'v8') variant = '';
      break;
    case 'armhf':
      arch = 'arm';
      variant = 'v7';
      break;
    case 'armel':
      arch = 'arm';
      variant = 'v6';
      break;
    case 'arm':
      if (variant === '' || variant === '7') variant = 'v7';
      else if (/^[568]$/.test(variant)) variant = `v${variant}`;
      break;
  }
  return { os: p.os, architecture: arch, variant };
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/** The platform of this machine's engine, as the default build (and target) platform. */
export function hostPlatform(arch: string = process.arch): string {
  const map: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm/v7', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
  return `linux/${map[arch] ?? arch}`;
}

/**
 * The one key platforms are compared by, normalised as containerd matches them: `linux/arm64/v8`
 * is `linux/arm64`, `linux/arm` is `linux/arm/v7`, `aarch64` is `arm64`. Text that is no
 * os/arch[/variant] (an image whose config names none) is compared as written, lowercased.
 */
export function platformKey(platform: string): string {
  try {
    return formatPlatform(parsePlatform(platform));
  } catch {
    return platform.trim().toLowerCase();
  }
}

export function samePlatform(a: string, b: string): boolean {
  return platformKey(a) === platformKey(b);
}

interface DescribedPlatform {
  os?: string;
  architecture?: string;
  variant?: string;
}

/** `os/arch[/variant]` of an index entry's or config's platform fields, `unknown` for what is missing. */
export function platformString(p: DescribedPlatform | undefined): string {
  const parts = [p?.os || 'unknown', p?.architecture || 'unknown'];
  if (p?.variant) parts.push(p.variant);
  return parts.join('/');
}

/** The entry for `platform` (an index's manifests), by platformKey: never a prefix match. */
export function findPlatform<T extends { platform?: DescribedPlatform }>(entries: readonly T[], platform: string): T | undefined {
  return entries.find((e) => e.platform !== undefined && samePlatform(platformString(e.platform), platform));
}

/** An image's platforms to report: BuildKit attestation manifests ride along in an index as unknown/unknown, and are not images. */
export function imagePlatforms(summary: ImageSummary): PlatformImage[] {
  return summary.platforms.filter((p) => !p.platform.startsWith('unknown/'));
}
