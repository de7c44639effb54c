// The workflows can't run here, so their structure is checked instead: every
// .github/workflows/*.yml parses and is shaped like a workflow; steps that run Strata pass only
// inputs action.yml declares and read only outputs it declares; the reusable workflow's inputs,
// secrets and outputs are wired end to end; and the caller examples in docs/reusable-workflow.md
// use only what the reusable workflow declares; every checkout drops the token; real-pack.yml
// builds cold and warm in two jobs and asserts the reuse. Each check is also run against a
// deliberately broken copy, so a check that can no longer fail is caught too.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/runner.js';

type Obj = Record<string, unknown>;

const WORKFLOWS_DIR = join(REPO_ROOT, '.github/workflows');
const REUSABLE = 'build-image.yml';
/** How the reusable workflow (and callers) name the published action; forks change it. */
const STRATA_ACTION = 'strata-dev/strata@v1';
const STRATA_WORKFLOW = 'strata-dev/strata/.github/workflows/build-image.yml@v1';

/**
 * Inputs and outputs the reusable workflow promises (docs/reusable-workflow.md). That it offers
 * every action input (or says why not) is reusable-workflow-inputs.test.ts's.
 */
const REUSABLE_INPUTS = [
  'context', 'file', 'mode', 'image', 'tags', 'push', 'platforms', 'build-args', 'buildpack-builder',
  'comment', 'compare-to', 'fail-on-size-increase', 'max-base-age', 'runs-on',
];
const REUSABLE_OUTPUTS = ['image', 'digest', 'tags', 'mode', 'size', 'size-delta', 'stale-bases', 'comment-url', 'report-markdown', 'rebased', 'check-findings', 'mode-reason', 'image-id', 'metadata', 'buildpack-builder', 'cache-hit', 'cache-key', 'reused-layers'];

interface ActionMeta {
  inputs: Set<string>;
  outputs: Set<string>;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const objOr = (v: unknown): Obj => (isObj(v) ? v : {});

function loadYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'));
}

function loadAction(): ActionMeta {
  const action = objOr(loadYaml(join(REPO_ROOT, 'action.yml')));
  return { inputs: new Set(Object.keys(objOr(action.inputs))), outputs: new Set(Object.keys(objOr(action.outputs))) };
}

function workflowFiles(): string[] {
  return readdirSync(WORKFLOWS_DIR)
    .filter((f) => f.endsWith('.yml'))
    .sort();
}

function isStrataStep(step: Obj): boolean {
  return step.uses === './' || step.uses === STRATA_ACTION;
}

/**
 * Every expression in a node: the insides of `${{ }}` in any string, plus `if:` values, which
 * GitHub evaluates as expressions even without `${{ }}`.
 */
function expressions(node: unknown, key?: string): string[] {
  if (typeof node === 'string') {
    const found = [...node.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]!);
    if (key === 'if' && found.length === 0) found.push(node);
    return found;
  }
  if (Array.isArray(node)) return node.flatMap((item) => expressions(item));
  if (isObj(node)) return Object.entries(node).flatMap(([k, v]) => expressions(v, k));
  return [];
}

/** `name` in every `<context>.name` of the expressions (not `github.event.inputs.name`). */
function contextRefs(exprs: readonly string[], context: string): string[] {
  const re = new RegExp(`(?<![\\w.-])${context}\\.([A-Za-z_][\\w-]*)`, 'g');
  return exprs.flatMap((e) => [...e.matchAll(re)].map((m) => m[1]!));
}

function outputRefs(exprs: readonly string[], context: 'steps' | 'needs' | 'jobs'): Array<{ id: string; name: string }> {
  const re = new RegExp(`(?<![\\w.-])${context}\\.([\\w-]+)\\.outputs\\.([\\w-]+)`, 'g');
  return exprs.flatMap((e) => [...e.matchAll(re)].map((m) => ({ id: m[1]!, name: m[2]! })));
}

function jobsOf(wf: Obj): Array<[string, Obj]> {
  return Object.entries(objOr(wf.jobs)).map(([id, job]) => [id, objOr(job)]);
}

function stepsOf(job: Obj): Obj[] {
  return Array.isArray(job.steps) ? job.steps.map(objOr) : [];
}

// ---------------------------------------------------------------------------------------------
// Checks. Each returns a list of problems; [] means the workflow passes.

/** `on`, `jobs`; each job runs steps on a runner or calls a workflow; each step uses or runs. */
function structureProblems(wf: unknown): string[] {
  if (!isObj(wf)) return ['the file is not a YAML mapping'];
  const problems: string[] = [];
  // YAML 1.1 parsers read a bare `on` key as true; the `yaml` package (1.2) keeps it a string.
  if (!('on' in wf) || wf.on === null || wf.on === undefined) problems.push('no "on" (triggers)');
  if (!isObj(wf.jobs) || Object.keys(wf.jobs).length === 0) {
    problems.push('no "jobs"');
    return problems;
  }
  for (const [id, raw] of Object.entries(wf.jobs)) {
    if (!isObj(raw)) {
      problems.push(`job ${id} is not a mapping`);
      continue;
    }
    if ('uses' in raw) {
      if (typeof raw.uses !== 'string' || raw.uses === '') problems.push(`job ${id}: "uses" is not a workflow reference`);
      if ('steps' in raw || 'runs-on' in raw) problems.push(`job ${id} calls a workflow, so it can't have "steps" or "runs-on"`);
      continue;
    }
    if (raw['runs-on'] === undefined || raw['runs-on'] === '') problems.push(`job ${id} has no "runs-on"`);
    if (!Array.isArray(raw.steps) || raw.steps.length === 0) {
      problems.push(`job ${id} has no "steps"`);
      continue;
    }
    const ids = new Set<string>();
    raw.steps.forEach((s: unknown, i: number) => {
      const step = objOr(s);
      const where = `job ${id}, step ${i + 1}${typeof step.name === 'string' ? ` (${step.name})` : ''}`;
      const hasUses = typeof step.uses === 'string' && step.uses !== '';
      const hasRun = typeof step.run === 'string' && step.run !== '';
      if (!hasUses && !hasRun) problems.push(`${where} has neither "uses" nor "run"`);
      if (hasUses && hasRun) problems.push(`${where} has both "uses" and "run"`);
      if (typeof step.id === 'string') {
        if (ids.has(step.id)) problems.push(`${where}: step id "${step.id}" is used twice`);
        ids.add(step.id);
      }
    });
  }
  return problems;
}

/** Strata steps pass declared inputs only; `steps.X.outputs.Y` names an earlier step (and, for a Strata step, a declared output). */
function actionUsageProblems(wf: Obj, action: ActionMeta): string[] {
  const problems: string[] = [];
  for (const [jobId, job] of jobsOf(wf)) {
    const seen = new Map<string, Obj>();
    const checkRefs = (exprs: string[], where: string) => {
      for (const { id, name } of outputRefs(exprs, 'steps')) {
        const target = seen.get(id);
        if (!target) problems.push(`${where} reads steps.${id}.outputs.${name}, but no earlier step in job ${jobId} has id "${id}"`);
        else if (isStrataStep(target) && !action.outputs.has(name)) {
          problems.push(`${where} reads steps.${id}.outputs.${name}, which is not an output of action.yml`);
        }
      }
    };
    stepsOf(job).forEach((step, i) => {
      const where = `job ${jobId}, step ${i + 1}${typeof step.id === 'string' ? ` (${step.id})` : ''}`;
      checkRefs(expressions(step), where);
      if (isStrataStep(step)) {
        for (const key of Object.keys(objOr(step.with))) {
          if (!action.inputs.has(key)) problems.push(`${where} passes "${key}", which is not an input of action.yml`);
        }
      }
      if (typeof step.id === 'string') seen.set(step.id, step);
    });
    // Job outputs are evaluated after every step.
    checkRefs(expressions(job.outputs), `job ${jobId} outputs`);
  }
  return problems;
}

/** Third-party actions pinned to a major tag (or a commit); Strata named one way everywhere. */
function usesProblems(wf: Obj): string[] {
  const problems: string[] = [];
  for (const [jobId, job] of jobsOf(wf)) {
    const refs = [
      ...(typeof job.uses === 'string' ? [job.uses] : []),
      ...stepsOf(job).flatMap((s) => (typeof s.uses === 'string' ? [s.uses] : [])),
    ];
    for (const ref of refs) {
      if (ref.startsWith('./') || ref === './' || ref.startsWith('docker://')) continue;
      if (!/@(v\d+|[0-9a-f]{40})$/.test(ref)) problems.push(`job ${jobId}: "${ref}" is not pinned to a major version tag or a commit`);
      if (/(^|\/)strata[@/]/.test(ref) && !ref.startsWith('strata-dev/strata')) {
        problems.push(`job ${jobId}: "${ref}" names Strata differently from ${STRATA_ACTION}`);
      }
    }
  }
  return problems;
}

/** Least privilege: a token scope set for the workflow or for each job, never write-all. */
function permissionProblems(wf: Obj): string[] {
  const problems: string[] = [];
  const on = wf.on;
  const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : Object.keys(objOr(on));
  const callableOnly = triggers.length === 1 && triggers[0] === 'workflow_call';
  const values = [wf.permissions, ...jobsOf(wf).map(([, j]) => j.permissions)];
  if (values.some((p) => p === 'write-all')) problems.push('"permissions: write-all"');
  // A reusable workflow may leave permissions to its caller (they can only narrow, never widen).
  if (callableOnly) return problems;
  if (wf.permissions === undefined) {
    for (const [jobId, job] of jobsOf(wf)) {
      if (job.permissions === undefined) problems.push(`no top-level "permissions", and job ${jobId} sets none`);
    }
  }
  return problems;
}

interface CallableMeta {
  inputs: Obj;
  secrets: Set<string>;
  outputs: Obj;
}

function callableOf(wf: Obj): CallableMeta | undefined {
  const call = objOr(wf.on).workflow_call;
  if (call === undefined) return undefined;
  const c = objOr(call);
  return { inputs: objOr(c.inputs), secrets: new Set(Object.keys(objOr(c.secrets))), outputs: objOr(c.outputs) };
}

/** The reusable workflow: declared inputs are typed and used, references are declared, outputs are wired to Strata's. */
function reusableProblems(wf: Obj, action: ActionMeta): string[] {
  const callable = callableOf(wf);
  if (!callable) return ['no on.workflow_call'];
  const problems: string[] = [];
  const exprs = expressions(wf.jobs);

  for (const [name, raw] of Object.entries(callable.inputs)) {
    const input = objOr(raw);
    if (!['string', 'boolean', 'number'].includes(String(input.type))) problems.push(`input ${name}: type must be string, boolean or number`);
    if (input.default !== undefined && typeof input.default !== input.type) problems.push(`input ${name}: default is not a ${String(input.type)}`);
  }
  const used = new Set(contextRefs(exprs, 'inputs'));
  for (const name of used) {
    if (!(name in callable.inputs)) problems.push(`inputs.${name} is used but not declared under on.workflow_call.inputs`);
  }
  for (const name of Object.keys(callable.inputs)) {
    if (!used.has(name)) problems.push(`input ${name} is declared but never used`);
  }
  for (const name of new Set(contextRefs(exprs, 'secrets'))) {
    if (name !== 'GITHUB_TOKEN' && !callable.secrets.has(name)) problems.push(`secrets.${name} is used but not declared under on.workflow_call.secrets`);
  }

  const jobs = new Map(jobsOf(wf));
  for (const [name, raw] of Object.entries(callable.outputs)) {
    const value = objOr(raw).value;
    const m = typeof value === 'string' ? /^\$\{\{\s*jobs\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(value) : null;
    if (!m) {
      problems.push(`output ${name}: value must be \${{ jobs.<job>.outputs.<name> }}`);
      continue;
    }
    const [, jobId, jobOutput] = m as unknown as [string, string, string];
    const job = jobs.get(jobId);
    if (!job) {
      problems.push(`output ${name}: no job "${jobId}"`);
      continue;
    }
    const jobValue = objOr(job.outputs)[jobOutput];
    const s = typeof jobValue === 'string' ? /^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(jobValue) : null;
    if (!s) {
      problems.push(`output ${name}: job ${jobId} has no output "${jobOutput}" of the form \${{ steps.<id>.outputs.<name> }}`);
      continue;
    }
    const [, stepId, stepOutput] = s as unknown as [string, string, string];
    const step = stepsOf(job).find((st) => st.id === stepId);
    if (!step) problems.push(`output ${name}: job ${jobId} has no step with id "${stepId}"`);
    else if (!isStrataStep(step)) problems.push(`output ${name}: step "${stepId}" does not run Strata`);
    else if (!action.outputs.has(stepOutput)) problems.push(`output ${name}: "${stepOutput}" is not an output of action.yml`);
  }
  return problems;
}

/** Callers (jobs with `uses: <reusable workflow>`) pass declared inputs and secrets, and read declared outputs. */
function callerProblems(caller: Obj, callable: CallableMeta): string[] {
  const problems: string[] = [];
  const callingJobs = new Set<string>();
  const jobs = isObj(caller.jobs) ? jobsOf(caller) : [['(fragment)', caller] as [string, Obj]];
  for (const [jobId, job] of jobs) {
    if (jobId !== '(fragment)') {
      if (job.uses !== STRATA_WORKFLOW) continue;
      callingJobs.add(jobId);
    }
    for (const key of Object.keys(objOr(job.with))) {
      if (!(key in callable.inputs)) problems.push(`job ${jobId} passes "${key}", which build-image.yml does not declare`);
    }
    if (job.secrets !== 'inherit') {
      for (const key of Object.keys(objOr(job.secrets))) {
        if (!callable.secrets.has(key)) problems.push(`job ${jobId} passes secret "${key}", which build-image.yml does not declare`);
      }
    }
  }
  for (const { id, name } of outputRefs(expressions(caller.jobs), 'needs')) {
    if (callingJobs.has(id) && !(name in callable.outputs)) problems.push(`needs.${id}.outputs.${name}: build-image.yml has no output "${name}"`);
  }
  return problems;
}

/**
 * A registry login whose password is a secret fails on fork and Dependabot PRs (no secrets there):
 * it must not fail the job unless the job pushes (continue-on-error, or an `if:`).
 */
function loginProblems(wf: Obj): string[] {
  const problems: string[] = [];
  for (const [jobId, job] of jobsOf(wf)) {
    for (const step of stepsOf(job)) {
      if (typeof step.uses !== 'string' || !step.uses.startsWith('docker/login-action@')) continue;
      const password = String(objOr(step.with).password ?? '');
      if (!/secrets\./.test(password) && !/github\.token|secrets\.GITHUB_TOKEN/.test(password)) continue;
      if (/github\.token|secrets\.GITHUB_TOKEN/.test(password) && !/secrets\.(?!GITHUB_TOKEN)/.test(password)) {
        if (step['continue-on-error'] === undefined && step.if === undefined && isCallable(wf)) problems.push(`job ${jobId}: ${String(step.name ?? step.uses)} can fail a PR that does not push`);
        continue;
      }
      if (step['continue-on-error'] === undefined && step.if === undefined) problems.push(`job ${jobId}: ${String(step.name ?? step.uses)} logs in with a secret and can fail a fork or Dependabot PR`);
    }
  }
  return problems;
}

function isCallable(wf: Obj): boolean {
  return objOr(wf.on).workflow_call !== undefined;
}

function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
}

/** actions/checkout leaves the token in .git/config unless told not to; no job here needs it there. */
function checkoutProblems(wf: Obj): string[] {
  const problems: string[] = [];
  for (const [jobId, job] of jobsOf(wf)) {
    stepsOf(job).forEach((step, i) => {
      if (typeof step.uses !== 'string' || !step.uses.startsWith('actions/checkout@')) return;
      const persist = objOr(step.with)['persist-credentials'];
      if (persist !== false && persist !== 'false') problems.push(`job ${jobId}, step ${i + 1}: actions/checkout without "persist-credentials: false"`);
    });
  }
  return problems;
}

/** The Strata steps' inputs that make the Actions cache key (and the image) the same in two jobs. */
const SAME_BUILD_INPUTS = ['mode', 'context', 'image', 'tags', 'push', 'buildpack-builder', 'pack-version'];

/**
 * real-pack.yml: a cold job and a warm job that `needs` it, each running Strata once in buildpack
 * mode with the same build inputs; the warm job has no cache of its own (it restores through
 * Strata, hence the Actions cache) and asserts an exact hit and a non-empty reused-layers output.
 */
function realPackProblems(wf: Obj): string[] {
  const problems: string[] = [];
  const jobs = new Map(jobsOf(wf));
  const cold = jobs.get('cold');
  const warm = jobs.get('warm');
  if (!cold || !warm) return [`jobs "cold" and "warm" expected, found ${[...jobs.keys()].join(', ') || 'none'}`];
  const needs = typeof warm.needs === 'string' ? [warm.needs] : Array.isArray(warm.needs) ? warm.needs.map(String) : [];
  if (!needs.includes('cold')) problems.push('job warm does not need job cold (it would not start after the cold cache is saved)');
  const strataOf = (id: string, job: Obj): Obj | undefined => {
    const steps = stepsOf(job).filter(isStrataStep);
    if (steps.length !== 1) problems.push(`job ${id} runs Strata ${steps.length} times; once expected`);
    return steps[0];
  };
  const coldStrata = strataOf('cold', cold);
  const warmStrata = strataOf('warm', warm);
  if (!coldStrata || !warmStrata) return problems;
  for (const [id, step] of [['cold', coldStrata], ['warm', warmStrata]] as const) {
    if (objOr(step.with).mode !== 'buildpack') problems.push(`job ${id}: Strata is not in buildpack mode`);
  }
  for (const input of SAME_BUILD_INPUTS) {
    if (objOr(coldStrata.with)[input] !== objOr(warmStrata.with)[input]) problems.push(`input "${input}" differs between the cold and warm jobs`);
  }
  for (const step of stepsOf(warm)) {
    if (typeof step.uses === 'string' && /^actions\/cache(\/restore)?@/.test(step.uses)) problems.push(`job warm restores a cache itself (${step.uses}); only Strata may`);
  }
  // The assertions: an env bound to the warm Strata step's output, then tested in a run script.
  const id = String(warmStrata.id ?? '');
  const asserted = (output: string, test: RegExp): boolean =>
    stepsOf(warm).some((step) =>
      Object.entries(objOr(step.env)).some(([name, value]) => {
        if (typeof value !== 'string' || !new RegExp(`\\bsteps\\.${id}\\.outputs\\.${output}\\b`).test(value)) return false;
        return test.test(String(step.run ?? '').replaceAll(`$${name}`, '$VALUE').replaceAll(`\${${name}}`, '$VALUE'));
      }),
    );
  if (!asserted('cache-hit', /test "\$VALUE" = exact/)) problems.push('job warm does not assert cache-hit = exact');
  if (!asserted('reused-layers', /test -n "\$VALUE"/)) problems.push('job warm does not assert a non-empty reused-layers');
  return problems;
}

// ---------------------------------------------------------------------------------------------

const action = loadAction();
const files = workflowFiles();
const parsed = new Map(files.map((f) => [f, loadYaml(join(WORKFLOWS_DIR, f))]));
const wfOf = (file: string): Obj => objOr(parsed.get(file));

describe('.github/workflows', () => {
  it('holds the workflows this repository relies on', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', REUSABLE, 'real-pack.yml']));
  });

  describe.each(files)('%s', (file) => {
    it('has triggers and jobs; jobs have a runner and steps (or call a workflow); steps use or run', () => {
      expect(structureProblems(parsed.get(file))).toEqual([]);
    });

    it('passes Strata only inputs action.yml declares, and reads only outputs of steps that exist', () => {
      expect(actionUsageProblems(wfOf(file), action)).toEqual([]);
    });

    it('pins actions to a major version and names Strata consistently', () => {
      expect(usesProblems(wfOf(file))).toEqual([]);
    });

    it('sets least-privilege permissions', () => {
      expect(permissionProblems(wfOf(file))).toEqual([]);
    });

    it('checks out with persist-credentials: false, and no secret login can fail a PR that does not push', () => {
      expect(checkoutProblems(wfOf(file))).toEqual([]);
      expect(loginProblems(wfOf(file))).toEqual([]);
    });
  });

  describe('workflow examples in the docs', () => {
    const docs = ['README.md', 'docs/fork-prs.md', 'docs/reusable-workflow.md'];
    const examples = docs.flatMap((d) => yamlBlocks(readFileSync(join(REPO_ROOT, d), 'utf8')).map((b) => [d, objOr(parse(b))] as const)).filter(([, b]) => isObj(b.jobs) || Array.isArray((b).steps));
    it.each(examples.map(([d, b], i) => [`${d} #${i + 1}`, b]))('%s: checkouts drop credentials, secret logins cannot fail a PR', (_name, block) => {
      const wf = isObj(block.jobs) ? block : { on: 'push', jobs: { example: block } };
      expect(checkoutProblems(wf)).toEqual([]);
      expect(loginProblems(wf)).toEqual([]);
    });
  });

  describe('build-image.yml for fork PRs and releases', () => {
    const wf = wfOf(REUSABLE);
    const steps = stepsOf(jobsOf(wf)[0]![1]);

    it('uploads the report file Strata wrote as a strata-report-* artifact on pull requests', () => {
      const keep = steps.find((st) => st.id === 'report')!;
      expect(String(keep.if)).toContain("github.event_name == 'pull_request'");
      expect(objOr(keep.env).REPORT_FILE).toBe('${{ steps.strata.outputs.report-file }}');
      expect(String(keep.run)).toContain('strata-report.md');
      const upload = steps.find((st) => String(st.uses).startsWith('actions/upload-artifact@'))!;
      expect(objOr(upload.with)).toMatchObject({ name: '${{ steps.report.outputs.name }}', path: '${{ steps.report.outputs.dir }}/strata-report.md' });
    });

    it('release.yml pins the action inside it to the release commit with scripts/pin-release.sh', () => {
      const release = wfOf('release.yml');
      const run = jobsOf(release).flatMap(([, j]) => stepsOf(j)).map((st) => String(st.run ?? '')).join('\n');
      expect(run).toContain('scripts/pin-release.sh "$release_sha" "$VERSION"');
      const dir = mkdtempSync(join(tmpdir(), 'strata-pin-'));
      const copy = join(dir, 'build-image.yml');
      copyFileSync(join(WORKFLOWS_DIR, REUSABLE), copy);
      const sha = '0123456789abcdef0123456789abcdef01234567';
      execFileSync(join(REPO_ROOT, 'scripts/pin-release.sh'), [sha, 'v1.4.0', copy]);
      const before = readFileSync(join(WORKFLOWS_DIR, REUSABLE), 'utf8').split('\n');
      const after = readFileSync(copy, 'utf8').split('\n');
      const changed = after.filter((line, i) => line !== before[i]);
      expect(changed).toEqual([`        uses: strata-dev/strata@${sha} # v1.4.0`]);
      // Pinned once, the script refuses to run again, and refuses a short SHA.
      expect(() => execFileSync(join(REPO_ROOT, 'scripts/pin-release.sh'), [sha, 'v1.4.1', copy], { stdio: 'pipe' })).toThrow(/expected one/);
      expect(() => execFileSync(join(REPO_ROOT, 'scripts/pin-release.sh'), ['abc123', 'v1.4.1', copy], { stdio: 'pipe' })).toThrow(/full 40-character/);
    });
  });

  describe('real-pack.yml', () => {
    it('builds cold and warm in two jobs, the warm one restoring through the Actions cache and asserting the reuse', () => {
      expect(realPackProblems(wfOf('real-pack.yml'))).toEqual([]);
    });
  });

  describe('ci.yml', () => {
    const ci = wfOf('ci.yml');
    const jobs = new Map(jobsOf(ci));

    it('runs on push and pull_request, with read-only contents by default', () => {
      expect(Object.keys(objOr(ci.on))).toEqual(expect.arrayContaining(['push', 'pull_request']));
      expect(ci.permissions).toEqual({ contents: 'read' });
    });

    it('has the unit, check-dist and e2e jobs', () => {
      expect([...jobs.keys()]).toEqual(expect.arrayContaining(['unit', 'check-dist', 'e2e']));
      const run = (id: string) => stepsOf(jobs.get(id)!).map((s) => String(s.run ?? '')).join('\n');
      expect(run('unit')).toMatch(/npm ci[\s\S]*npx tsc --noEmit[\s\S]*npm run lint[\s\S]*npx vitest run --project unit/);
      expect(run('check-dist')).toMatch(/npm run bundle[\s\S]*git status --porcelain -- dist/);
    });

    it('runs the action from the checkout against the registry service, once with comment: never', () => {
      const strataSteps = [...jobs.values()].flatMap((j) => stepsOf(j).filter((s) => s.uses === './'));
      expect(strataSteps.length).toBeGreaterThanOrEqual(2);
      for (const s of strataSteps) expect(objOr(s.with)).toMatchObject({ push: 'true', context: 'examples/dockerfile-app' });
      expect(strataSteps.some((s) => objOr(s.with).comment === 'never')).toBe(true);
      expect(objOr(objOr(jobs.get('e2e')!.services).registry)).toMatchObject({ image: 'registry:2', ports: ['5000:5000'] });
    });
  });

  describe(REUSABLE, () => {
    const wf = wfOf(REUSABLE);
    const callable = callableOf(wf);

    it('is callable only, with the documented inputs, secrets and outputs', () => {
      expect(Object.keys(objOr(wf.on))).toEqual(['workflow_call']);
      expect(Object.keys(callable!.inputs)).toEqual(expect.arrayContaining(REUSABLE_INPUTS));
      expect([...callable!.secrets]).toEqual(['registry-password', 'build-secrets', 'ssh-private-key']);
      expect(Object.keys(callable!.outputs).sort()).toEqual([...REUSABLE_OUTPUTS].sort());
    });

    it('declares every input it uses, uses every input it declares, and maps each output to a Strata output', () => {
      expect(reusableProblems(wf, action)).toEqual([]);
    });

    it(`runs the published action as ${STRATA_ACTION}`, () => {
      const strata = jobsOf(wf).flatMap(([, j]) => stepsOf(j).filter(isStrataStep));
      expect(strata).toHaveLength(1);
      expect(strata[0]!.uses).toBe(STRATA_ACTION);
    });
  });

  describe('docs/reusable-workflow.md', () => {
    const blocks = yamlBlocks(readFileSync(join(REPO_ROOT, 'docs/reusable-workflow.md'), 'utf8')).map((b) => objOr(parse(b)));

    it('has caller examples that call the reusable workflow with declared inputs, secrets and outputs', () => {
      const callers = blocks.filter((b) => jobsOf(b).some(([, j]) => j.uses === STRATA_WORKFLOW) || (!b.jobs && ('with' in b || 'secrets' in b)));
      expect(callers.length).toBeGreaterThanOrEqual(2);
      for (const b of callers) {
        expect(callerProblems(b, callableOf(wfOf(REUSABLE))!)).toEqual([]);
        if (b.jobs) expect(structureProblems(b)).toEqual([]);
      }
    });
  });
});

// The checks above must be able to fail: each one against a copy of a real workflow with one
// thing broken.
describe('the workflow checks catch', () => {
  const clone = (file: string): Obj => structuredClone(wfOf(file));
  const firstJob = (wf: Obj): Obj => jobsOf(wf)[0]![1];
  const strataStepIn = (wf: Obj): Obj => jobsOf(wf).flatMap(([, j]) => stepsOf(j)).find(isStrataStep)!;

  it('a missing "on", a job without runs-on or steps, a step with neither uses nor run', () => {
    const wf = clone('ci.yml');
    delete wf.on;
    expect(structureProblems(wf)).toContain('no "on" (triggers)');
    const noRunner = clone('ci.yml');
    delete firstJob(noRunner)['runs-on'];
    expect(structureProblems(noRunner).join('\n')).toMatch(/has no "runs-on"/);
    const noSteps = clone('ci.yml');
    firstJob(noSteps).steps = [];
    expect(structureProblems(noSteps).join('\n')).toMatch(/has no "steps"/);
    const badStep = clone('ci.yml');
    (firstJob(badStep).steps as Obj[]).push({ name: 'nothing' });
    expect(structureProblems(badStep).join('\n')).toMatch(/neither "uses" nor "run"/);
  });

  it('a `uses: ./` input action.yml does not declare, and an output it does not have', () => {
    const wf = clone('ci.yml');
    objOr(strataStepIn(wf).with).pushh = 'true';
    expect(actionUsageProblems(wf, action).join('\n')).toMatch(/passes "pushh", which is not an input of action.yml/);
    const out = clone('ci.yml');
    const check = stepsOf(objOr(objOr(out.jobs).e2e)).find((s) => s.name === 'Check the outputs')!;
    objOr(check.env).DIGEST = '${{ steps.strata.outputs.digests }}';
    expect(actionUsageProblems(out, action).join('\n')).toMatch(/steps\.strata\.outputs\.digests, which is not an output of action.yml/);
  });

  it('an undeclared inputs.X, an unused input, an undeclared secret', () => {
    const wf = clone(REUSABLE);
    objOr(strataStepIn(wf).with).target = '${{ inputs.stage }}';
    expect(reusableProblems(wf, action)).toContain('inputs.stage is used but not declared under on.workflow_call.inputs');
    const unused = clone(REUSABLE);
    objOr(objOr(objOr(unused.on).workflow_call).inputs)['extra-labels'] = { type: 'string', default: '' };
    expect(reusableProblems(unused, action)).toContain('input extra-labels is declared but never used');
    const secret = clone(REUSABLE);
    objOr(strataStepIn(secret).with)['registry-password'] = '${{ secrets.registry-token }}';
    expect(reusableProblems(secret, action)).toContain('secrets.registry-token is used but not declared under on.workflow_call.secrets');
    const ifExpr = clone(REUSABLE);
    strataStepIn(ifExpr).if = 'inputs.skip != true';
    expect(reusableProblems(ifExpr, action)).toContain('inputs.skip is used but not declared under on.workflow_call.inputs');
  });

  it('an output mapped to a missing step, a non-Strata step, or a name action.yml lacks', () => {
    const outputsOf = (wf: Obj) => objOr(firstJob(wf).outputs);
    const missing = clone(REUSABLE);
    outputsOf(missing).digest = '${{ steps.build.outputs.digest }}';
    expect(reusableProblems(missing, action).join('\n')).toMatch(/output digest: job build has no step with id "build"/);
    const notStrata = clone(REUSABLE);
    outputsOf(notStrata).digest = '${{ steps.plan.outputs.load }}';
    expect(reusableProblems(notStrata, action).join('\n')).toMatch(/output digest: step "plan" does not run Strata/);
    const badName = clone(REUSABLE);
    outputsOf(badName).size = '${{ steps.strata.outputs.bytes }}';
    expect(reusableProblems(badName, action).join('\n')).toMatch(/output size: "bytes" is not an output of action.yml/);
    const noJobOutput = clone(REUSABLE);
    objOr(objOr(objOr(noJobOutput.on).workflow_call).outputs).extra = { value: '${{ jobs.build.outputs.extra }}' };
    expect(reusableProblems(noJobOutput, action).join('\n')).toMatch(/output extra: job build has no output "extra"/);
  });

  it('an unpinned action, write-all, a workflow without permissions', () => {
    const wf = clone('ci.yml');
    (firstJob(wf).steps as Obj[])[0]!.uses = 'actions/checkout@main';
    expect(usesProblems(wf).join('\n')).toMatch(/not pinned/);
    const all = clone('ci.yml');
    all.permissions = 'write-all';
    expect(permissionProblems(all)).toContain('"permissions: write-all"');
    const none = clone('ci.yml');
    delete none.permissions;
    expect(permissionProblems(none).join('\n')).toMatch(/no top-level "permissions", and job unit sets none/);
  });

  it('a checkout that keeps credentials, a secret login that can fail a fork PR', () => {
    const wf = clone('ci.yml');
    delete objOr((firstJob(wf).steps as Obj[])[0]!.with)['persist-credentials'];
    expect(checkoutProblems(wf).join('\n')).toMatch(/without "persist-credentials: false"/);
    const login = clone(REUSABLE);
    const step = stepsOf(firstJob(login)).find((st) => String(st.uses).startsWith('docker/login-action@') && String(objOr(st.with).password).includes('secrets.'))!;
    delete step['continue-on-error'];
    delete step.if;
    expect(loginProblems(login).join('\n')).toMatch(/logs in with a secret and can fail a fork or Dependabot PR/);
  });

  it('a checkout that persists the token', () => {
    const wf = clone('real-pack.yml');
    delete objOr(stepsOf(objOr(objOr(wf.jobs).warm))[0]!.with)['persist-credentials'];
    expect(checkoutProblems(wf)).toEqual(['job warm, step 1: actions/checkout without "persist-credentials: false"']);
  });

  it('real-pack.yml: cold and warm in one job, a warm job not after the cold one, different inputs, a missing assertion', () => {
    const oneJob = clone('real-pack.yml');
    const jobs = objOr(oneJob.jobs);
    (objOr(jobs.cold).steps as Obj[]).push(...stepsOf(objOr(jobs.warm)));
    delete jobs.warm;
    expect(realPackProblems(oneJob)).toEqual(['jobs "cold" and "warm" expected, found cold']);
    const warmOf = (wf: Obj) => objOr(objOr(wf.jobs).warm);
    const noNeeds = clone('real-pack.yml');
    delete warmOf(noNeeds).needs;
    expect(realPackProblems(noNeeds)).toEqual(['job warm does not need job cold (it would not start after the cold cache is saved)']);
    const otherTag = clone('real-pack.yml');
    objOr(strataStepIn({ jobs: { warm: warmOf(otherTag) } }).with).tags = 'real-pack-warm';
    expect(realPackProblems(otherTag)).toEqual(['input "tags" differs between the cold and warm jobs']);
    const ownCache = clone('real-pack.yml');
    (warmOf(ownCache).steps as Obj[]).splice(1, 0, { uses: 'actions/cache@v4', with: { path: '~/.cache/strata', key: 'k' } });
    expect(realPackProblems(ownCache)).toEqual(['job warm restores a cache itself (actions/cache@v4); only Strata may']);
    const noReuse = clone('real-pack.yml');
    const check = stepsOf(warmOf(noReuse)).at(-1)!;
    check.run = String(check.run).replace(/test -n .*\n/, '');
    expect(realPackProblems(noReuse)).toEqual(['job warm does not assert a non-empty reused-layers']);
    const notExact = clone('real-pack.yml');
    const check2 = stepsOf(warmOf(notExact)).at(-1)!;
    check2.run = String(check2.run).replace('= exact', '= partial');
    expect(realPackProblems(notExact)).toEqual(['job warm does not assert cache-hit = exact']);
  });

  it('a caller passing an input, secret or output the reusable workflow lacks', () => {
    const callable = callableOf(wfOf(REUSABLE))!;
    const caller = {
      jobs: {
        image: { uses: STRATA_WORKFLOW, with: { pushh: true }, secrets: { token: 'x' } },
        after: { needs: 'image', 'runs-on': 'ubuntu-latest', steps: [{ run: 'echo ${{ needs.image.outputs.report }}' }] },
      },
    };
    expect(callerProblems(caller, callable)).toEqual([
      'job image passes "pushh", which build-image.yml does not declare',
      'job image passes secret "token", which build-image.yml does not declare',
      'needs.image.outputs.report: build-image.yml has no output "report"',
    ]);
  });
});
