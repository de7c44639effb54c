import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// node-builtin:node:stream
var m = /* @__PURE__ */ process.getBuiltinModule("node:stream");
var Readable = /* @__PURE__ */ (() => m.Readable)();
var Transform = /* @__PURE__ */ (() => m.Transform)();
var pipeline = /* @__PURE__ */ (() => m.pipeline)();

export {
  Readable,
  Transform,
  pipeline
};
