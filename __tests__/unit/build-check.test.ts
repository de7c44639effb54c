// `call: check`: buildx's lint JSON (as buildx 0.29 prints it, captured from the real engine) ->
// annotations on Dockerfile lines, and the step's verdict.
import { describe, expect, it } from 'vitest';
import { buildCheckArgs, checkVerdict, type CheckResult } from '../../src/build/build-check.js';
import { NO_BUILDX_OPTIONS } from '../../src/build/buildx-options.js';
import type { DockerBuildPlan } from '../../src/build/dockerfile-args.js';

const warnings: CheckResult = {
  warnings: [
    {
      ruleName: 'StageNameCasing',
      description: 'Stage names should be lowercase',
      url: 'https://docs.docker.com/go/dockerfile/rule/stage-name-casing/',
      detail: "Stage name 'Build' should be lowercase",
      location: { ranges: [{ start: { line: 1 }, end: { line: 1 } } as { start: { line: number } }] },
    },
    {
      ruleName: 'MultipleInstructionsDisallowed',
      description: 'Multiple instructions of the same type should not be used in the same stage',
      url: 'https://docs.docker.com/go/dockerfile/rule/multiple-instructions-disallowed/',
      detail: 'Multiple CMD instructions should not be used in the same stage because only the last one will be used',
      location: { ranges: [{ start: { line: 3 } }] },
    },
  ],
  sources: [{ filename: 'Dockerfile' }],
};

describe('checkVerdict', () => {
  it('puts each warning on its line, and passes with check-fails-on: error', () => {
    const v = checkVerdict(warnings, 'svc/Dockerfile', 'error');
    expect(v.failed).toBe(false);
    expect(v.findings).toEqual([
      {
        level: 'warning',
        message: "Stage name 'Build' should be lowercase (https://docs.docker.com/go/dockerfile/rule/stage-name-casing/)",
        properties: { title: 'Build check StageNameCasing', file: 'svc/Dockerfile', startLine: 1 },
      },
      {
        level: 'warning',
        message: 'Multiple CMD instructions should not be used in the same stage because only the last one will be used (https://docs.docker.com/go/dockerfile/rule/multiple-instructions-disallowed/)',
        properties: { title: 'Build check MultipleInstructionsDisallowed', file: 'svc/Dockerfile', startLine: 3 },
      },
    ]);
    expect(v.summary).toBe('Build checks: 2 warnings (not failing: check-fails-on is error).');
  });

  it('fails on any warning with check-fails-on: warning', () => {
    const v = checkVerdict(warnings, 'Dockerfile', 'warning');
    expect(v.failed).toBe(true);
    expect(v.findings.map((f) => f.level)).toEqual(['error', 'error']);
  });

  it('fails on the error "# check=error=true" makes, whatever check-fails-on says', () => {
    const v = checkVerdict({ ...warnings, buildError: { message: 'lint violation found for rules: StageNameCasing', location: {} } }, 'Dockerfile', 'error');
    expect(v.failed).toBe(true);
    expect(v.findings.at(-1)).toEqual({ level: 'error', message: 'lint violation found for rules: StageNameCasing', properties: { title: 'Build check', file: 'Dockerfile' } });
  });

  it('passes a clean Dockerfile', () => {
    expect(checkVerdict({ warnings: null }, 'Dockerfile', 'warning')).toEqual({ findings: [], failed: false, summary: 'Build checks: no findings.' });
  });
});

describe('buildCheckArgs', () => {
  it('is the build\'s argv with --call=check and nothing that makes or exports an image', () => {
    const plan: DockerBuildPlan = {
      context: '.', dockerfile: 'Dockerfile', tags: ['r/a:1'], push: true, load: true, platforms: [], buildArgs: ['A=1'], labels: [],
      cacheFrom: ['type=gha'], cacheTo: ['type=gha,mode=max'], noCache: false, metadataFile: '/t/m.json', iidFile: '/t/iid',
      options: { ...NO_BUILDX_OPTIONS, outputs: ['type=local,dest=out'], secrets: [{ id: 't', env: 'STRATA_SECRET_0' }] },
    };
    expect(buildCheckArgs(plan)).toEqual([
      'buildx', 'build', '--call=check,format=json', '--file', 'Dockerfile', '--build-arg', 'A=1', '--cache-from', 'type=gha',
      '--secret', 'id=t,env=STRATA_SECRET_0', '--metadata-file', '/t/m.json', '--iidfile', '/t/iid', '.',
    ]);
  });
});
