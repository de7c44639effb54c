import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// src/image/platforms.ts
var PlatformError = class extends Error {
  constructor(platform, reason) {
    super(`Invalid platform ${JSON.stringify(platform)}: ${reason}`);
    this.platform = platform;
    this.name = "PlatformError";
  }
  platform;
};
var COMPONENT = /^[a-z0-9_-]+$/;
function parsePlatform(text) {
  const parts = text.trim().toLowerCase().split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !COMPONENT.test(p))) {
    throw new PlatformError(text, "use os/arch[/variant], e.g. linux/amd64 or linux/arm/v7");
  }
  const [os, arch, variant = ""] = parts;
  return normalize({ os: os === "macos" ? "darwin" : os, architecture: arch, variant });
}
function normalize(p) {
  let { architecture: arch, variant } = p;
  switch (arch) {
    case "i386":
      arch = "386";
      variant = "";
      break;
    case "x86_64":
    case "x86-64":
    case "amd64":
      arch = "amd64";
      if (variant === "v1") variant = "";
      break;
    case "aarch64":
    case "arm64":
      arch = "arm64";
      if (variant === "8" || variant === "v8") variant = "";
      break;
    case "armhf":
      arch = "arm";
      variant = "v7";
      break;
    case "armel":
      arch = "arm";
      variant = "v6";
      break;
    case "arm":
      if (variant === "" || variant === "7") variant = "v7";
      else if (/^[568]$/.test(variant)) variant = `v${variant}`;
      break;
  }
  return { os: p.os, architecture: arch, variant };
}
function formatPlatform(p) {
  return [p.os, p.architecture, p.variant].filter(Boolean).join("/");
}
function hostPlatform(arch = process.arch) {
  const map = { x64: "amd64", arm64: "arm64", arm: "arm/v7", ia32: "386", ppc64: "ppc64le", s390x: "s390x", riscv64: "riscv64" };
  return `linux/${map[arch] ?? arch}`;
}
function platformKey(platform) {
  try {
    return formatPlatform(parsePlatform(platform));
  } catch {
    return platform.trim().toLowerCase();
  }
}
function samePlatform(a, b) {
  return platformKey(a) === platformKey(b);
}
function platformString(p) {
  const parts = [p?.os || "unknown", p?.architecture || "unknown"];
  if (p?.variant) parts.push(p.variant);
  return parts.join("/");
}
function findPlatform(entries, platform) {
  return entries.find((e) => e.platform !== void 0 && samePlatform(platformString(e.platform), platform));
}
function imagePlatforms(summary) {
  return summary.platforms.filter((p) => !p.platform.startsWith("unknown/"));
}

export {
  PlatformError,
  parsePlatform,
  formatPlatform,
  hostPlatform,
  platformKey,
  samePlatform,
  platformString,
  findPlatform,
  imagePlatforms
};
