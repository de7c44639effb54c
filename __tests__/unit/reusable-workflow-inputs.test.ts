// The reusable workflow (.github/workflows/build-image.yml) as a way into every action input: each
// input of action.yml is either forwarded from a workflow_call input of the same name and default,
// or made by the workflow itself, or listed below with the reason it is not offered, so an input
// added to action.yml later can't be left out without a decision. Secret values come only from
// `secrets.*` and never pass through a script's text, and the ssh-agent step is run for real
// (a key from ssh-keygen, a real ssh-agent). Structure checks shared by every workflow live in
// workflows.test.ts; each check here also runs against a broken copy.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/runner.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const objOr = (v: unknown): Obj => (isObj(v) ? v : {});
const stepsOf = (job: Obj): Obj[] => (Array.isArray(job.steps) ? job.steps.map(objOr) : []);
const load = (path: string): Obj => objOr(parse(readFileSync(join(REPO_ROOT, path), 'utf8')));

const STRATA_ACTION = 'strata-dev/strata@v1';

/**
 * Action inputs the reusable workflow does not take from its caller, and why (also said in
 * docs/reusable-workflow.md). An action input must be forwarded or listed here.
 */
const NOT_EXPOSED: Record<string, string> = {
  // Passed to Strata, but made by the workflow (WORKFLOW_MADE below).
  load: 'the workflow loads a single-platform image it does not push, so the report can read it',
  ssh: 'the workflow passes "default" when the ssh-private-key secret started an ssh-agent in the job; paths on the runner would need a self-hosted runner holding keys',
  secrets: 'a secret: the build-secrets secret of the workflow, never an input',
  'registry-password': 'a secret: the registry-password secret of the workflow, never an input',
  // Not passed at all.
  'buildx-builder': 'the job sets up its own docker-container builder; a builder the caller names does not exist on this runner',
  'github-token': "the job's own token, with the permissions the calling job grants (docs: Permissions)",
  'comment-author': "the job comments with its own token, as github-actions[bot]: another login would make each run post a new comment",
  'secret-envs': "the caller's environment does not reach a called workflow's job, so there is no variable to name; the value goes in the build-secrets secret instead",
  outputs: "files written on the called job's runner are gone when the job ends; push (and sbom/provenance attestations) carry the result",
};

/** What the workflow passes to Strata for the inputs it makes itself. */
const WORKFLOW_MADE: Record<string, string> = {
  load: '${{ steps.plan.outputs.load }}',
  ssh: '${{ steps.ssh.outputs.ssh }}',
  secrets: '${{ secrets.build-secrets }}',
  'registry-password': '${{ secrets.registry-password }}',
};

/** Action inputs whose value is a secret: only ever `${{ secrets.<name> }}`. */
const SECRET_INPUTS = ['secrets', 'registry-password'];

type ActionInputs = Map<string, string>;

function actionInputs(): ActionInputs {
  return new Map(Object.entries(objOr(load('action.yml').inputs)).map(([name, raw]) => [name, String(objOr(raw).default ?? '')]));
}

const strataStepOf = (wf: Obj): Obj => Object.values(objOr(wf.jobs)).flatMap((j) => stepsOf(objOr(j))).find((s) => s.uses === STRATA_ACTION) ?? {};
const callInputsOf = (wf: Obj): Obj => objOr(objOr(objOr(wf.on).workflow_call).inputs);

/** Every action input forwarded (same name, same default, boolean when the action's is) or in NOT_EXPOSED. */
function coverageProblems(wf: Obj, inputs: ActionInputs, notExposed: Record<string, string>): string[] {
  const problems: string[] = [];
  const passed = objOr(strataStepOf(wf).with);
  const declared = callInputsOf(wf);
  for (const [key, value] of Object.entries(passed)) {
    if (key in WORKFLOW_MADE) {
      if (value !== WORKFLOW_MADE[key]) problems.push(`${key}: passed ${JSON.stringify(value)}, expected ${WORKFLOW_MADE[key]}`);
      continue;
    }
    if (value !== `\${{ inputs.${key} }}`) {
      problems.push(`${key}: passed ${JSON.stringify(value)}, not \${{ inputs.${key} }}`);
      continue;
    }
    const input = objOr(declared[key]);
    const want = inputs.get(key);
    if (want === undefined) continue; // workflows.test.ts reports an input action.yml lacks
    if (!('default' in input)) problems.push(`input ${key}: no default (action.yml's is ${JSON.stringify(want)})`);
    else if (String(input.default) !== want) problems.push(`input ${key}: default ${JSON.stringify(input.default)}, action.yml's is ${JSON.stringify(want)}`);
    if ((want === 'true' || want === 'false') !== (input.type === 'boolean')) problems.push(`input ${key}: type ${String(input.type)}, but action.yml's default is ${JSON.stringify(want)}`);
  }
  for (const name of inputs.keys()) {
    const made = name in WORKFLOW_MADE;
    if (!(name in passed) && !(name in notExposed)) problems.push(`action input ${name} is neither passed to Strata nor listed as not exposed`);
    if (name in passed && name in notExposed && !made) problems.push(`action input ${name} is passed to Strata but listed as not exposed`);
    if (made && !(name in passed)) problems.push(`action input ${name} is not passed to Strata, which the workflow should make as ${WORKFLOW_MADE[name]}`);
  }
  for (const name of Object.keys(notExposed)) if (!inputs.has(name)) problems.push(`${name} is listed as not exposed but is not an input of action.yml`);
  return problems;
}

/** Every `${{ … }}` expression with its place, and `if:` values (expressions even without `${{ }}`). */
function expressionsAt(node: unknown, where: string, key?: string): Array<{ where: string; key?: string; expr: string }> {
  if (typeof node === 'string') {
    const found = [...node.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]!);
    if (key === 'if' && found.length === 0) found.push(node);
    return found.map((expr) => ({ where, key, expr }));
  }
  if (Array.isArray(node)) return node.flatMap((item, i) => expressionsAt(item, `${where}[${i}]`));
  if (isObj(node)) return Object.entries(node).flatMap(([k, v]) => expressionsAt(v, `${where}.${k}`, k));
  return [];
}

/**
 * Secrets reach a step only through `env:` or a `with:` value that is nothing but the secret: a
 * secret in a `run:` text is written into the script file (and breaks on a quote), one in an
 * output is handed on, and GitHub refuses one in `if:`. Secret action inputs come from secrets only.
 */
function secretProblems(wf: Obj): string[] {
  const problems: string[] = [];
  const call = objOr(objOr(wf.on).workflow_call);
  for (const { where, key, expr } of [...expressionsAt(wf.jobs, 'jobs'), ...expressionsAt(call.outputs, 'outputs')]) {
    if (!/(?<![\w.-])secrets\./.test(expr)) continue;
    if (key === 'run' || key === 'if' || /(^|\.)outputs\./.test(where)) problems.push(`${where}: a secret in ${key === 'run' ? 'a script' : key === 'if' ? 'a condition' : 'an output'}`);
  }
  const passed = objOr(strataStepOf(wf).with);
  for (const name of SECRET_INPUTS) {
    const value = passed[name];
    if (value !== undefined && !/^\$\{\{\s*secrets\.[\w-]+\s*\}\}$/.test(String(value))) problems.push(`Strata's ${name} is ${JSON.stringify(value)}, not a secret`);
  }
  for (const [name, raw] of Object.entries(objOr(call.secrets))) {
    if (objOr(raw).required !== false) problems.push(`secret ${name} is required: fork and Dependabot PRs get none`);
  }
  return problems;
}

/** The workflow's inputs and secrets that docs/reusable-workflow.md has no table row for. */
function undocumented(wf: Obj, markdown: string): string[] {
  const rows = new Set([...markdown.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]!));
  const call = objOr(objOr(wf.on).workflow_call);
  return [...Object.keys(objOr(call.inputs)), ...Object.keys(objOr(call.secrets))].filter((n) => !rows.has(n));
}

const WORKFLOW = '.github/workflows/build-image.yml';
const wf = load(WORKFLOW);
const inputs = actionInputs();

describe('build-image.yml offers the action inputs', () => {
  it('forwards each action input from an input of the same name and default, or makes it, or says why not', () => {
    expect(coverageProblems(wf, inputs, NOT_EXPOSED)).toEqual([]);
  });

  it('takes secret values only from secrets, never into a script, a condition or an output', () => {
    expect(secretProblems(wf)).toEqual([]);
    expect(Object.keys(objOr(objOr(objOr(wf.on).workflow_call).secrets))).toEqual(['registry-password', 'build-secrets', 'ssh-private-key']);
  });

  it('documents every input and secret in docs/reusable-workflow.md, and each input it does not offer', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/reusable-workflow.md'), 'utf8');
    expect(undocumented(wf, doc)).toEqual([]);
    const notOffered = doc.slice(doc.indexOf('### Not offered'), doc.indexOf('## Outputs'));
    expect(Object.keys(NOT_EXPOSED).filter((name) => !notOffered.includes(`\`${name}\``))).toEqual([]);
  });
});

describe('the sbom-output-dir of build-image.yml', () => {
  const steps = Object.values(objOr(wf.jobs)).flatMap((j) => stepsOf(objOr(j)));

  it('is uploaded after Strata as an artifact whose name is unique per call (matrix legs)', () => {
    const strata = steps.findIndex((st) => st.uses === STRATA_ACTION);
    const upload = steps.findIndex((st) => String(st.uses).startsWith('actions/upload-artifact@') && objOr(st.with).path === '${{ inputs.sbom-output-dir }}');
    expect(upload).toBeGreaterThan(strata);
    expect(steps[upload]!.if).toBe("inputs.sbom-output-dir != ''");
    expect(objOr(steps[upload]!.with).name).toBe('strata-sbom-${{ steps.plan.outputs.suffix }}');
    const plan = steps.find((st) => st.id === 'plan')!;
    expect(String(plan.run)).toMatch(/echo "suffix=\$\(head -c 6 \/dev\/urandom .*\)" >> "\$GITHUB_OUTPUT"/);
  });
});

describe('the ssh-agent step of build-image.yml', () => {
  const step = Object.values(objOr(wf.jobs)).flatMap((j) => stepsOf(objOr(j))).find((s) => s.id === 'ssh')!;
  const script = String(step.run);

  it('gets the key from the ssh-private-key secret through its env', () => {
    expect(objOr(step.env)).toEqual({ SSH_PRIVATE_KEY: '${{ secrets.ssh-private-key }}' });
  });

  /** The step's script under bash as the runner runs it, with the runner's files. */
  function runStep(key: string) {
    const dir = mkdtempSync(join(tmpdir(), 'strata-ssh-step-'));
    const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_ENV: join(dir, 'env') };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, RUNNER_TEMP: dir, SSH_PRIVATE_KEY: key, ...files };
    const r = spawnSync('bash', ['-e', '-c', script], { env, encoding: 'utf8', timeout: 20_000 });
    const read = (f: string) => readFileSync(f, 'utf8');
    const vars = Object.fromEntries(read(files.GITHUB_ENV).split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
    return { status: r.status, log: `${r.stdout}${r.stderr}`, output: read(files.GITHUB_OUTPUT), envFile: read(files.GITHUB_ENV), vars, dir };
  }

  function keyPair(): { key: string; fingerprint: string } {
    const dir = mkdtempSync(join(tmpdir(), 'strata-ssh-key-'));
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'strata-test', '-f', join(dir, 'id')], { encoding: 'utf8' });
    const fingerprint = spawnSync('ssh-keygen', ['-l', '-f', join(dir, 'id.pub')], { encoding: 'utf8' }).stdout.split(' ')[1]!;
    return { key: readFileSync(join(dir, 'id'), 'utf8'), fingerprint };
  }

  /** Runs the step and always stops the agent it started, by its pid. */
  function withAgent(key: string, check: (run: ReturnType<typeof runStep>) => void): void {
    const run = runStep(key);
    try {
      check(run);
    } finally {
      if (run.vars.SSH_AGENT_PID) process.kill(Number(run.vars.SSH_AGENT_PID));
    }
  }

  it('without the secret (fork and Dependabot PRs), starts nothing and succeeds, so the build runs without ssh', () => {
    const run = runStep('');
    expect(run.status).toBe(0);
    expect(run.output).toBe('');
    expect(run.envFile).toBe('');
  });

  it('with a key, starts an agent holding it, hands its socket to later steps and passes ssh: default', () => {
    const { key, fingerprint } = keyPair();
    withAgent(key, (run) => {
      expect(run.status, run.log).toBe(0);
      expect(run.output).toBe('ssh=default\n');
      expect(run.vars.SSH_AUTH_SOCK).toMatch(new RegExp(`^${run.dir}/strata-ssh\\.\\w+/agent\\.sock$`));
      const listed = spawnSync('ssh-add', ['-l'], { env: { PATH: process.env.PATH, SSH_AUTH_SOCK: run.vars.SSH_AUTH_SOCK }, encoding: 'utf8' });
      expect(listed.stdout).toContain(fingerprint);
      // Nothing of the key in the log or the runner's files.
      const body = key.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));
      expect(body.length).toBeGreaterThan(0);
      for (const line of body) expect(`${run.log}${run.output}${run.envFile}`).not.toContain(line);
    });
  });

  it('loads a key pasted with CRLF line ends', () => {
    const { key, fingerprint } = keyPair();
    withAgent(key.replaceAll('\n', '\r\n'), (run) => {
      expect(run.status, run.log).toBe(0);
      expect(spawnSync('ssh-add', ['-l'], { env: { PATH: process.env.PATH, SSH_AUTH_SOCK: run.vars.SSH_AUTH_SOCK }, encoding: 'utf8' }).stdout).toContain(fingerprint);
    });
  });

  it('fails with an error that names the secret but not its value when the secret is not a key', () => {
    const value = 'ghp_notAKeyButAToken0123456789';
    withAgent(value, (run) => {
      expect(run.status).toBe(1);
      expect(run.log).toContain('::error title=ssh-private-key::The ssh-private-key secret is not a private key');
      expect(run.log).not.toContain(value);
      expect(run.envFile).toBe('');
      expect(run.output).toBe('');
    });
  });
});

// Each check above can fail: run against a copy of the workflow (or of action.yml) with one thing broken.
describe('the reusable workflow input checks catch', () => {
  const copy = (): Obj => structuredClone(wf);
  const withOf = (w: Obj): Obj => objOr(strataStepOf(w).with);

  it('an action input neither forwarded nor listed, and a listed one that is forwarded or gone', () => {
    const missing = copy();
    delete withOf(missing).target;
    expect(coverageProblems(missing, inputs, NOT_EXPOSED)).toEqual(['action input target is neither passed to Strata nor listed as not exposed']);
    const newInput = new Map(inputs).set('frobnicate', '');
    expect(coverageProblems(wf, newInput, NOT_EXPOSED)).toEqual(['action input frobnicate is neither passed to Strata nor listed as not exposed']);
    const both = copy();
    withOf(both)['buildx-builder'] = '${{ inputs.buildx-builder }}';
    callInputsOf(both)['buildx-builder'] = { type: 'string', default: '' };
    expect(coverageProblems(both, inputs, NOT_EXPOSED)).toEqual(['action input buildx-builder is passed to Strata but listed as not exposed']);
    expect(coverageProblems(wf, inputs, { ...NOT_EXPOSED, 'old-input': 'gone' })).toEqual(['old-input is listed as not exposed but is not an input of action.yml']);
    const unmade = copy();
    delete withOf(unmade).secrets;
    expect(coverageProblems(unmade, inputs, NOT_EXPOSED)).toEqual(['action input secrets is not passed to Strata, which the workflow should make as ${{ secrets.build-secrets }}']);
  });

  it('a default or type that differs from action.yml, a value from another input, a made input changed', () => {
    const defaults = copy();
    objOr(callInputsOf(defaults).cache).default = false;
    objOr(callInputsOf(defaults)['tag-latest']).default = 'true';
    delete objOr(callInputsOf(defaults).call).default;
    expect(coverageProblems(defaults, inputs, NOT_EXPOSED)).toEqual([
      'input tag-latest: default "true", action.yml\'s is "auto"',
      'input cache: default false, action.yml\'s is "true"',
      'input call: no default (action.yml\'s is "build")',
    ]);
    const type = copy();
    callInputsOf(type).pull = { type: 'string', default: 'false' };
    expect(coverageProblems(type, inputs, NOT_EXPOSED)).toEqual(['input pull: type string, but action.yml\'s default is "false"']);
    const other = copy();
    withOf(other).labels = '${{ inputs.target }}';
    withOf(other).ssh = 'default';
    expect(coverageProblems(other, inputs, NOT_EXPOSED)).toEqual([
      'ssh: passed "default", expected ${{ steps.ssh.outputs.ssh }}',
      'labels: passed "${{ inputs.target }}", not ${{ inputs.labels }}',
    ]);
  });

  it('a secret from an input, in a script, a condition or an output, and a required secret', () => {
    const fromInput = copy();
    withOf(fromInput).secrets = '${{ inputs.build-secrets }}';
    expect(secretProblems(fromInput)).toEqual(['Strata\'s secrets is "${{ inputs.build-secrets }}", not a secret']);
    const inScript = copy();
    const build = objOr(objOr(inScript.jobs).build);
    (build.steps as Obj[]).push({ run: 'echo "${{ secrets.build-secrets }}" > s', if: "secrets.ssh-private-key != ''" });
    objOr(build.outputs).leak = '${{ secrets.registry-password }}';
    expect(secretProblems(inScript)).toEqual([
      'jobs.build.outputs.leak: a secret in an output',
      `jobs.build.steps[${(build.steps as Obj[]).length - 1}].run: a secret in a script`,
      `jobs.build.steps[${(build.steps as Obj[]).length - 1}].if: a secret in a condition`,
    ]);
    const required = copy();
    objOr(objOr(objOr(objOr(required.on).workflow_call).secrets)['build-secrets']).required = true;
    expect(secretProblems(required)).toEqual(['secret build-secrets is required: fork and Dependabot PRs get none']);
  });

  it('an input or secret without a row in the docs table', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/reusable-workflow.md'), 'utf8');
    expect(undocumented(wf, doc.replace(/^\| `shm-size` \|.*\n/m, '').replace(/^\| `build-secrets` \|.*\n/m, ''))).toEqual(['shm-size', 'build-secrets']);
  });
});
