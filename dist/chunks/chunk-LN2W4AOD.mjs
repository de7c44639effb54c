import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// node-builtin:node:fs/promises
var m = /* @__PURE__ */ process.getBuiltinModule("node:fs/promises");
var rename = /* @__PURE__ */ (() => m.rename)();
var rm = /* @__PURE__ */ (() => m.rm)();
var mkdir = /* @__PURE__ */ (() => m.mkdir)();
var readdir = /* @__PURE__ */ (() => m.readdir)();
var lstat = /* @__PURE__ */ (() => m.lstat)();
var stat = /* @__PURE__ */ (() => m.stat)();
var chmod = /* @__PURE__ */ (() => m.chmod)();
var lchown = /* @__PURE__ */ (() => m.lchown)();
var mkdtemp = /* @__PURE__ */ (() => m.mkdtemp)();
var writeFile = /* @__PURE__ */ (() => m.writeFile)();
var readFile = /* @__PURE__ */ (() => m.readFile)();

export {
  rename,
  rm,
  mkdir,
  readdir,
  lstat,
  stat,
  chmod,
  lchown,
  mkdtemp,
  writeFile,
  readFile
};
