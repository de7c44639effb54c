// Tests that need root: they chown files to other users (the builder's 1000:1000), run steps as
// GitHub's runner user (uid 1001) through setpriv, or publish the test builders (which installs
// pack into /usr/local/bin). As another user they cannot set up what they check, so they skip,
// and their name says why, instead of failing on EPERM.
import { describe, it, type TestFunction } from 'vitest';

export const IS_ROOT = process.getuid?.() === 0;

/** The test's name, marked when it is skipped for want of root; `why` names what needs root. */
export function rootOnly(name: string, why = 'chown/setpriv'): string {
  return IS_ROOT ? name : `${name} [skipped: needs root for ${why}]`;
}

/** describe() whose tests run only as root. */
export function describeAsRoot(name: string, fn: () => void, why?: string): void {
  describe.skipIf(!IS_ROOT)(rootOnly(name, why), fn);
}

/** it() that runs only as root (for it.each: `it.skipIf(!IS_ROOT).each(...)(rootOnly(name), ...)`). */
export function itAsRoot(name: string, fn: TestFunction, timeout?: number, why?: string): void {
  it.skipIf(!IS_ROOT)(rootOnly(name, why), fn, timeout);
}
