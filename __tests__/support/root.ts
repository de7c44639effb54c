// Tests that need root: they chown files to other users (the builder's 1000:1000) or run steps as
// GitHub's runner user (uid 1001) through setpriv. As another user they cannot set up what they
// check, so they skip, and their name says why, instead of failing on EPERM.
import { describe, it, type TestFunction } from 'vitest';

export const IS_ROOT = process.getuid?.() === 0;

/** The test's name, marked when it is skipped for want of root. */
export function rootOnly(name: string): string {
  return IS_ROOT ? name : `${name} [skipped: needs root for chown/setpriv]`;
}

/** describe() whose tests run only as root. */
export function describeAsRoot(name: string, fn: () => void): void {
  describe.skipIf(!IS_ROOT)(rootOnly(name), fn);
}

/** it() that runs only as root (for it.each: `it.skipIf(!IS_ROOT).each(...)(rootOnly(name), ...)`). */
export function itAsRoot(name: string, fn: TestFunction, timeout?: number): void {
  it.skipIf(!IS_ROOT)(rootOnly(name), fn, timeout);
}
