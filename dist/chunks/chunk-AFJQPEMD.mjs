import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// node-builtin:node:fs
var m = /* @__PURE__ */ process.getBuiltinModule("node:fs");
var node_fs_default = m;
var appendFileSync = /* @__PURE__ */ (() => m.appendFileSync)();
var closeSync = /* @__PURE__ */ (() => m.closeSync)();
var createReadStream = /* @__PURE__ */ (() => m.createReadStream)();
var createWriteStream = /* @__PURE__ */ (() => m.createWriteStream)();
var existsSync = /* @__PURE__ */ (() => m.existsSync)();
var mkdtempSync = /* @__PURE__ */ (() => m.mkdtempSync)();
var openSync = /* @__PURE__ */ (() => m.openSync)();
var readdirSync = /* @__PURE__ */ (() => m.readdirSync)();
var readFileSync = /* @__PURE__ */ (() => m.readFileSync)();
var realpathSync = /* @__PURE__ */ (() => m.realpathSync)();
var statSync = /* @__PURE__ */ (() => m.statSync)();
var unlink = /* @__PURE__ */ (() => m.unlink)();
var writeFileSync = /* @__PURE__ */ (() => m.writeFileSync)();
var constants = /* @__PURE__ */ (() => m.constants)();
var promises = /* @__PURE__ */ (() => m.promises)();

export {
  node_fs_default,
  appendFileSync,
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  unlink,
  writeFileSync,
  constants,
  promises
};
