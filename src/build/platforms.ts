// Platform strings as BuildKit reads them (containerd's platforms.Parse + Normalize), for the
// automatic platform ARGs: TARGETARCH of linux/arm/v7 is "arm", TARGETVARIANT "v7"; aarch64 is
// arm64 and its default variant v8 is dropped, as amd64's v1 is.

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
