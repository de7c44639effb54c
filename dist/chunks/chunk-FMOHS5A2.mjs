import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  readFile,
  readdir
} from "./chunk-LN2W4AOD.mjs";

// src/io/context-files.ts
function createContextFiles() {
  return {
    async list(dir) {
      try {
        return await readdir(dir);
      } catch (e) {
        const code = e.code;
        if (code === "ENOENT" || code === "ENOTDIR") return [];
        throw e;
      }
    },
    async read(path) {
      try {
        return await readFile(path, "utf8");
      } catch {
        return void 0;
      }
    }
  };
}

export {
  createContextFiles
};
