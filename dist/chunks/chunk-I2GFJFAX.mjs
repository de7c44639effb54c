import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// node-builtin:node:path
var m = /* @__PURE__ */ process.getBuiltinModule("node:path");
var resolve = /* @__PURE__ */ (() => m.resolve)();
var isAbsolute = /* @__PURE__ */ (() => m.isAbsolute)();
var join = /* @__PURE__ */ (() => m.join)();
var relative = /* @__PURE__ */ (() => m.relative)();
var dirname = /* @__PURE__ */ (() => m.dirname)();
var basename = /* @__PURE__ */ (() => m.basename)();
var extname = /* @__PURE__ */ (() => m.extname)();
var sep = /* @__PURE__ */ (() => m.sep)();
var delimiter = /* @__PURE__ */ (() => m.delimiter)();

export {
  resolve,
  isAbsolute,
  join,
  relative,
  dirname,
  basename,
  extname,
  sep,
  delimiter
};
