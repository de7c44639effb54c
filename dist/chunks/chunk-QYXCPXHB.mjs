import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// node-builtin:node:os
var m = /* @__PURE__ */ process.getBuiltinModule("node:os");
var node_os_default = m;
var arch = /* @__PURE__ */ (() => m.arch)();
var homedir = /* @__PURE__ */ (() => m.homedir)();
var platform = /* @__PURE__ */ (() => m.platform)();
var tmpdir = /* @__PURE__ */ (() => m.tmpdir)();
var EOL = /* @__PURE__ */ (() => m.EOL)();

export {
  node_os_default,
  arch,
  homedir,
  platform,
  tmpdir,
  EOL
};
