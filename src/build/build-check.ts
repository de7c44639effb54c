// `call: check`: BuildKit's build checks (docker buildx build --call=check) as annotations on the
// Dockerfile lines they are about. The verdict is pure; running buildx is the thin part below.
import type { AnnotationProperties, Exec, Logger } from '../adapters.js';
import type { BuilderFacts } from './buildkit-cache.js';
import { BuildError, buildErrorSummary } from './buildx.js';
import { buildxArgs, type DockerBuildPlan } from './dockerfile-args.js';

interface CheckLocation {
  sourceIndex?: number;
  ranges?: Array<{ start?: { line?: number } }>;
}

/** What `--call=check,format=json` prints (buildx's lint result). */
export interface CheckResult {
  warnings?: Array<{ ruleName?: string; description?: string; url?: string; detail?: string; location?: CheckLocation }> | null;
  sources?: Array<{ filename?: string }>;
  buildError?: { message?: string; location?: CheckLocation };
}

export interface CheckFinding {
  level: 'warning' | 'error';
  message: string;
  properties: AnnotationProperties;
}

export interface CheckVerdict {
  findings: CheckFinding[];
  failed: boolean;
  summary: string;
}

/**
 * Findings from the checks' JSON, placed on `dockerfile` (the path the workflow knows; buildx only
 * knows the name it sent). Fails on a build error (a Dockerfile that does not parse, or checks the
 * Dockerfile turns into errors with `# check=error=true`), and on any warning with failOn 'warning'.
 */
export function checkVerdict(result: CheckResult, dockerfile: string, failOn: 'error' | 'warning'): CheckVerdict {
  const where = (loc?: CheckLocation): AnnotationProperties => {
    const line = loc?.ranges?.[0]?.start?.line;
    return { file: dockerfile, ...(line ? { startLine: line } : {}) };
  };
  const findings: CheckFinding[] = (result.warnings ?? []).map((w) => ({
    level: failOn === 'warning' ? 'error' : 'warning',
    message: `${w.detail ?? w.description ?? 'build check'}${w.url ? ` (${w.url})` : ''}`,
    properties: { title: `Build check ${w.ruleName ?? ''}`.trim(), ...where(w.location) },
  }));
  if (result.buildError) {
    findings.push({ level: 'error', message: result.buildError.message ?? 'the build checks failed', properties: { title: 'Build check', ...where(result.buildError.location) } });
  }
  const warnings = result.warnings?.length ?? 0;
  const failed = Boolean(result.buildError) || (failOn === 'warning' && warnings > 0);
  const summary =
    warnings === 0 && !result.buildError
      ? 'Build checks: no findings.'
      : `Build checks: ${warnings} warning${warnings === 1 ? '' : 's'}${result.buildError ? ', and an error' : ''}${failed ? '' : ' (not failing: check-fails-on is error)'}.`;
  return { findings, failed, summary };
}

/** Runs the checks, annotates each finding, and throws when the verdict is a failure. */
export async function runBuildCheck(
  deps: { exec: Exec; logger: Logger },
  plan: DockerBuildPlan,
  facts: BuilderFacts,
  failOn: 'error' | 'warning',
  env: Record<string, string> = {},
): Promise<CheckVerdict> {
  if (!facts.buildxVersion) throw new BuildError('Input "call" is check, which needs buildx (0.15 or later); install it (docker/setup-buildx-action).');
  const checkArgs = buildCheckArgs(plan);
  deps.logger.info(`docker ${checkArgs.join(' ')}`);
  const r = await deps.exec.run('docker', checkArgs, { env });
  let parsed: CheckResult;
  try {
    parsed = JSON.parse(r.stdout) as CheckResult;
  } catch {
    throw new BuildError(`docker buildx build --call=check failed:\n${buildErrorSummary(r.stderr || r.stdout)}`);
  }
  const verdict = checkVerdict(parsed, plan.dockerfile, failOn);
  for (const f of verdict.findings) {
    if (f.level === 'error') deps.logger.error(f.message, f.properties);
    else deps.logger.warning(f.message, f.properties);
  }
  deps.logger.info(verdict.summary);
  if (verdict.failed) throw new BuildError(verdict.summary);
  return verdict;
}

/** The build's argv as a check: no image comes out, so no tags, outputs or cache exports. */
export function buildCheckArgs(plan: DockerBuildPlan): string[] {
  const args = buildxArgs({
    ...plan,
    tags: [],
    push: false,
    load: false,
    cacheTo: [],
    ...(plan.options ? { options: { ...plan.options, outputs: [] } } : {}),
  });
  return [...args.slice(0, 2), '--call=check,format=json', ...args.slice(2)];
}
