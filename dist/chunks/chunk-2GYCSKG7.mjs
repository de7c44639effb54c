import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  readGitHubContext
} from "./chunk-5KOIYFIB.mjs";
import {
  InputError,
  parseInputs
} from "./chunk-5DCG7C2A.mjs";

// src/action.ts
function readEnvInput(name) {
  return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function failFast(message) {
  const escaped = message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  process.stdout.write(`::error::${escaped}
`);
  process.exitCode = 1;
}
async function runAction(step) {
  if (step === "post") {
    const { runStep: runStep2 } = await import("./action-runtime-SSA6ZT5U.mjs");
    return runStep2({ step: "post" });
  }
  let inputs;
  try {
    inputs = parseInputs(readEnvInput, readGitHubContext());
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    failFast(e.message);
    return;
  }
  const { runStep } = await import("./action-runtime-SSA6ZT5U.mjs");
  await runStep({ step: "main", inputs });
}

export {
  runAction
};
