import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// src/state-keys.ts
var CACHE_STATE = "build-cache";
var CACHE_POST_NOTE_STATE = "build-cache-post-note";
var CANCELLED_STATE = "cancelled";
var CACHE_SERVICE_DOWN_STATE = "cache-service-down";

export {
  CACHE_STATE,
  CACHE_POST_NOTE_STATE,
  CANCELLED_STATE,
  CACHE_SERVICE_DOWN_STATE
};
