import { readdir, readFile } from 'node:fs/promises';
import type { ContextFiles } from '../adapters.js';

export function createContextFiles(): ContextFiles {
  return {
    async list(dir) {
      try {
        return await readdir(dir);
      } catch (e) {
        // A missing directory, or a file where a directory was expected (a file named htdocs), lists nothing.
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return [];
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
