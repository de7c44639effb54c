import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  readGitHubContext
} from "./chunk-KV4N4XID.mjs";
import {
  InputError,
  leavesRoot,
  parseInputs
} from "./chunk-VQ53LQAZ.mjs";
import {
  existsSync,
  realpathSync
} from "./chunk-AFJQPEMD.mjs";
import {
  relative,
  resolve
} from "./chunk-I2GFJFAX.mjs";

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
function refuseLinksOutOf(workspace, inputs) {
  const real = (p) => {
    try {
      return realpathSync(p);
    } catch {
      return void 0;
    }
  };
  const root = real(workspace) ?? resolve(workspace);
  for (const [name, value] of [["context", inputs.context], ["file", inputs.file], ["descriptor", inputs.descriptor]]) {
    if (value === void 0) continue;
    const target = real(resolve(workspace, value));
    if (target === void 0) continue;
    const rel = relative(root, target);
    if (leavesRoot(rel)) {
      throw new InputError(name, value, "it leads outside the workspace through a symbolic link; use a path whose target is inside the repository.");
    }
  }
}
async function buildsWithBuildx(workspace, inputs) {
  if (inputs.rebase || inputs.mode === "buildpack") return false;
  if (inputs.mode === "dockerfile") return true;
  if (inputs.file) return existsSync(resolve(workspace, inputs.file));
  const { DOCKERFILE_NAMES } = await import("./mode-575SYAVW.mjs");
  return DOCKERFILE_NAMES.some((name) => existsSync(resolve(workspace, inputs.context, name)));
}
async function runAction(step) {
  if (step === "post") {
    const { nothingToSave } = await import("./post-step-6QVYH6IF.mjs");
    const nothing = nothingToSave({ get: (name) => process.env[`STATE_${name}`] ?? "" });
    if (nothing !== void 0) {
      process.stdout.write(`${nothing}
`);
      return;
    }
    const { runStep: runStep2 } = await import("./action-runtime-34BWB43X.mjs");
    return runStep2({ step: "post" });
  }
  let inputs;
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  try {
    inputs = parseInputs(readEnvInput, readGitHubContext(), { workspace });
    refuseLinksOutOf(workspace, inputs);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    failFast(e.message);
    return;
  }
  let buildxProbes;
  if (await buildsWithBuildx(workspace, inputs)) {
    const [{ startBuildxProbes }, { createExec }, { findBuildxPlugin }, { createDockerEngine }] = await Promise.all([
      import("./buildx-probes-5PQYO6XK.mjs"),
      import("./exec-F6HGZASS.mjs"),
      import("./buildx-plugin-AEQZLURN.mjs"),
      import("./docker-engine-O2APJJTZ.mjs")
    ]);
    const exec = createExec();
    buildxProbes = startBuildxProbes(exec, inputs.buildxBuilder, findBuildxPlugin(process.env), createDockerEngine({ env: process.env, exec }));
  }
  const { runStep } = await import("./action-runtime-34BWB43X.mjs");
  await runStep({ step: "main", inputs, ...buildxProbes ? { buildxProbes } : {} });
}

export {
  runAction
};
