import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// node-builtin:node:crypto
var m = /* @__PURE__ */ process.getBuiltinModule("node:crypto");
var createHash = /* @__PURE__ */ (() => m.createHash)();
var createHmac = /* @__PURE__ */ (() => m.createHmac)();
var randomUUID = /* @__PURE__ */ (() => m.randomUUID)();

export {
  createHash,
  createHmac,
  randomUUID
};
