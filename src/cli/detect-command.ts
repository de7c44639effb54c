// `strata detect DIR [--json]`: how Strata would build DIR and why — the mode, the builder
// (buildpack mode), and for a Dockerfile every stage's base per target platform and the base the
// image runs on. The same functions the build uses decide it; this only reads files and prints.
import type { ContextFiles } from '../adapters.js';
import { resolveDockerfileBases, type DockerfileBases, type StageBase } from '../build/base-images.js';
import { planBuildpack } from '../build/buildpack-mode.js';
import type { BuilderChoice } from '../detect/builder.js';
import { contextListing } from '../detect/listing.js';
import type { Inputs } from '../inputs.js';
import { decide } from '../run.js';

export interface DetectReport {
  context: string;
  mode: 'dockerfile' | 'buildpack';
  reason: string;
  decidedBy: string;
  /** Buildpack mode. */
  builder?: BuilderChoice;
  /** Dockerfile mode. */
  dockerfile?: string;
  target?: string;
  buildArgs?: string[];
  buildPlatform?: string;
  platforms?: DockerfileBases['targets'];
}

export async function detectReport(files: ContextFiles, inputs: Inputs, buildPlatform: string): Promise<DetectReport> {
  const decision = await decide({ files }, inputs);
  const report: DetectReport = { context: inputs.context, mode: decision.mode, reason: decision.reason, decidedBy: decision.decidedBy };
  if (decision.mode === 'buildpack') {
    report.builder = (await planBuildpack(files, inputs, await contextListing(files, inputs.context))).choice;
    return report;
  }
  const text = (await files.read(decision.dockerfile!)) ?? '';
  const bases = resolveDockerfileBases(text, { buildArgs: inputs.buildArgs, platforms: inputs.platforms, buildPlatform, target: inputs.target });
  return {
    ...report,
    dockerfile: decision.dockerfile,
    ...(inputs.target ? { target: inputs.target } : {}),
    buildArgs: [...inputs.buildArgs],
    buildPlatform: bases.buildPlatform,
    platforms: bases.targets,
  };
}

function showBase(b: StageBase): string {
  switch (b.kind) {
    case 'image':
      return b.reference;
    case 'stage':
      return `stage ${b.stage}`;
    case 'scratch':
      return 'scratch (no base image)';
    case 'unresolved':
      return `unresolved: ${b.reason}`;
  }
}

export function renderDetect(report: DetectReport): string {
  const lines = [`mode        ${report.mode}`, `reason      ${report.reason}`];
  if (report.builder) lines.push(`builder     ${report.builder.builder}`, `            ${report.builder.reason}`);
  if (report.dockerfile) lines.push(`dockerfile  ${report.dockerfile}`);
  for (const p of report.platforms ?? []) {
    const via = p.runtimeStage && p.runtimeStage !== p.final ? `, from stage ${p.runtimeStage}` : '';
    lines.push('', `${p.platform}: runs on ${showBase(p.runtime)}${p.final ? ` (final stage ${p.final}${via})` : ''}`);
    for (const s of p.stages) {
      const name = s.name ?? String(s.index);
      const flags = [s.platform ? `--platform ${s.platform}` : '', s.reachable ? '' : 'not built for this target'].filter(Boolean).join('; ');
      lines.push(`  line ${String(s.line).padEnd(4)} ${name.padEnd(16)} FROM ${s.from} → ${showBase(s.base)}${flags ? `  (${flags})` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
