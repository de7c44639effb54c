import { readdir, readFile } from 'node:fs/promises';
import type { ContextFiles } from '../adapters.js';

export function createContextFiles(): ContextFiles {
  return {
    async list(dir) {
      try {
        return await readdir(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw e;
      }
    },
    async read(path) {
      try {
        return await readFile(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
