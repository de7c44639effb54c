import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// node-builtin:node:util
var m = /* @__PURE__ */ process.getBuiltinModule("node:util");
var node_util_default = m;
var inspect = /* @__PURE__ */ (() => m.inspect)();
var promisify = /* @__PURE__ */ (() => m.promisify)();
var parseArgs = /* @__PURE__ */ (() => m.parseArgs)();

export {
  node_util_default,
  inspect,
  promisify,
  parseArgs
};
