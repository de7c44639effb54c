import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  contextListing,
  decide,
  planBuildpack,
  resolveDockerfileBases
} from "./chunk-HD4S27F7.mjs";
import "./chunk-GQ4WX3Q2.mjs";
import "./chunk-SQQ6Q726.mjs";
import "./chunk-VZQIZ2NN.mjs";
import "./chunk-CASSTEEJ.mjs";
import "./chunk-XEES7JCB.mjs";
import "./chunk-EXODKZOY.mjs";
import "./chunk-OYJANBGF.mjs";
import "./chunk-LRUIOUFA.mjs";
import "./chunk-S5MJTEV4.mjs";
import "./chunk-FMNSBQPK.mjs";
import "./chunk-W76PVC6K.mjs";
import "./chunk-VQ53LQAZ.mjs";
import "./chunk-GWZLJZQ2.mjs";
import "./chunk-5NHPEEYU.mjs";
import "./chunk-IKMFQSA6.mjs";
import "./chunk-AFJQPEMD.mjs";
import "./chunk-KZH7OWNJ.mjs";
import "./chunk-LN2W4AOD.mjs";
import "./chunk-QYXCPXHB.mjs";
import "./chunk-I2GFJFAX.mjs";
import "./chunk-HB5L67CJ.mjs";

// src/cli/detect-command.ts
async function detectReport(files, inputs, buildPlatform) {
  const decision = await decide({ files }, inputs);
  const report = { context: inputs.context, mode: decision.mode, reason: decision.reason, decidedBy: decision.decidedBy };
  if (decision.mode === "buildpack") {
    report.builder = (await planBuildpack(files, inputs, await contextListing(files, inputs.context))).choice;
    return report;
  }
  const text = await files.read(decision.dockerfile) ?? "";
  const bases = resolveDockerfileBases(text, { buildArgs: inputs.buildArgs, platforms: inputs.platforms, buildPlatform, target: inputs.target });
  return {
    ...report,
    dockerfile: decision.dockerfile,
    ...inputs.target ? { target: inputs.target } : {},
    buildArgs: [...inputs.buildArgs],
    buildPlatform: bases.buildPlatform,
    platforms: bases.targets
  };
}
function showBase(b) {
  switch (b.kind) {
    case "image":
      return b.reference;
    case "stage":
      return `stage ${b.stage}`;
    case "scratch":
      return "scratch (no base image)";
    case "unresolved":
      return `unresolved: ${b.reason}`;
  }
}
function renderDetect(report) {
  const lines = [`mode        ${report.mode}`, `reason      ${report.reason}`];
  if (report.builder) lines.push(`builder     ${report.builder.builder}`, `            ${report.builder.reason}`);
  if (report.dockerfile) lines.push(`dockerfile  ${report.dockerfile}`);
  for (const p of report.platforms ?? []) {
    const via = p.runtimeStage && p.runtimeStage !== p.final ? `, from stage ${p.runtimeStage}` : "";
    lines.push("", `${p.platform}: runs on ${showBase(p.runtime)}${p.final ? ` (final stage ${p.final}${via})` : ""}`);
    for (const s of p.stages) {
      const name = s.name ?? String(s.index);
      const flags = [s.platform ? `--platform ${s.platform}` : "", s.reachable ? "" : "not built for this target"].filter(Boolean).join("; ");
      lines.push(`  line ${String(s.line).padEnd(4)} ${name.padEnd(16)} FROM ${s.from} \u2192 ${showBase(s.base)}${flags ? `  (${flags})` : ""}`);
    }
  }
  return `${lines.join("\n")}
`;
}
export {
  detectReport,
  renderDetect
};
