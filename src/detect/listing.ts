// The context listing detection reads: the root's entries, plus the entries of the few directories
// a detect rule looks into (signals.ts LISTED_DIRS), as paths relative to the context.
import type { ContextFiles } from '../adapters.js';
import { join } from './mode.js';
import { LISTED_DIRS } from './signals.js';

export async function contextListing(files: Pick<ContextFiles, 'list'>, context: string): Promise<string[]> {
  const root = await files.list(context);
  const nested = await Promise.all(
    LISTED_DIRS.filter((d) => root.includes(d)).map(async (d) => (await files.list(join(context, d))).map((name) => `${d}/${name}`)),
  );
  return [...root, ...nested.flat()];
}
