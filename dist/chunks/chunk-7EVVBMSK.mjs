import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  CACHE_POST_NOTE_STATE,
  CACHE_STATE,
  CANCELLED_STATE
} from "./chunk-EXODKZOY.mjs";

// src/post-step.ts
function nothingToSave(state) {
  if (state.get(CANCELLED_STATE)) return `The build was cancelled (${state.get(CANCELLED_STATE)}): no build cache is saved.`;
  if (!state.get(CACHE_STATE)) return state.get(CACHE_POST_NOTE_STATE) || "No build cache to save.";
  return void 0;
}
async function runPost(deps) {
  const nothing = nothingToSave(deps.state);
  if (nothing !== void 0) {
    deps.logger.info(nothing);
    return;
  }
  const { saveAfterBuild } = await import("./build-cache-XEY5WKPG.mjs");
  const state = JSON.parse(deps.state.get(CACHE_STATE));
  const succeeded = deps.state.get("build-succeeded") === "true";
  await saveAfterBuild(state, succeeded, { store: deps.cacheStore, logger: deps.logger, exec: deps.exec });
}

export {
  nothingToSave,
  runPost
};
