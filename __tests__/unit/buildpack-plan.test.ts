// Inputs -> the `pack build` plan: the buildpack options, the commit's creation time by default;
// and which previous image pack is given.
import { describe, expect, it } from 'vitest';
import { findPreviousImage, packPlan } from '../../src/build/buildpack-mode.js';
import { sourceDate } from '../../src/build/source-date.js';
import { parseInputs } from '../../src/inputs.js';
import { recordingLogger } from '../support/logger.js';

const planning = { choice: { builder: 'paketobuildpacks/builder-jammy-base', reason: 'default' }, env: [] } as unknown as Parameters<typeof packPlan>[1]['planning'];
const inputsOf = (values: Record<string, string>) => parseInputs((n) => values[n] ?? '', { repository: 'o/app', serverUrl: 'https://github.com' });
const req = { tags: ['ghcr.io/o/app:main'], planning, tempDir: '/t', created: sourceDate({ gitCommitSeconds: 1700000000, now: new Date() }) };

describe('packPlan', () => {
  it('defaults the creation time to the commit\'s, and passes each buildpack option', () => {
    const plan = packPlan(
      inputsOf({ buildpacks: 'paketo-buildpacks/nodejs', volumes: '/c:/certs', 'default-process': 'web', network: 'host', 'sbom-output-dir': 'sbom', 'buildpack-env-file': 'b.env', push: 'true', 'cache-image': 'ghcr.io/o/cache' }),
      req,
      '/t/b/bindings',
    );
    expect(plan).toMatchObject({
      creationTime: '1700000000', buildpacks: ['paketo-buildpacks/nodejs'], volumes: ['/c:/certs'], defaultProcess: 'web', network: 'host',
      sbomOutputDir: 'sbom', envFile: 'b.env', publish: true, cacheImage: 'ghcr.io/o/cache', bindingsDir: '/t/b/bindings',
    });
  });

  it('lets creation-time win, and leaves out what was not asked for', () => {
    const plan = packPlan(inputsOf({ 'creation-time': 'now' }), req);
    expect(plan.creationTime).toBe('now');
    expect(plan.pullPolicy).toBe('if-not-present');
    expect(packPlan(inputsOf({ pull: 'true' }), req).pullPolicy).toBe('always');
    // No commit time known: pack's fixed default beats the clock.
    expect(packPlan(inputsOf({}), { ...req, created: sourceDate({ now: new Date() }) })).not.toHaveProperty('creationTime');
    for (const k of ['buildpacks', 'volumes', 'defaultProcess', 'network', 'sbomOutputDir', 'envFile', 'cacheImage', 'bindingsDir']) expect(plan).not.toHaveProperty(k);
  });
});

describe('findPreviousImage', () => {
  const noExec = { run: async () => ({ exitCode: 1, stdout: '', stderr: 'not expected' }) };
  it('takes the first candidate the registry has; one it cannot ask about is said, then skipped; one it has not is silent', async () => {
    const { logger, log } = recordingLogger();
    const answers: Record<string, () => Promise<boolean>> = {
      'ghcr.io/o/app:pr-7': () => Promise.resolve(false),
      'ghcr.io/o/app:main': () => Promise.reject(new Error('Manifest ghcr.io/o/app:main failed (HTTP 500)')),
      'ghcr.io/o/app:latest': () => Promise.resolve(true),
    };
    const found = await findPreviousImage({ imageExists: (ref) => answers[ref]!(), exec: noExec, logger }, Object.keys(answers), true);
    expect(found).toBe('ghcr.io/o/app:latest');
    expect(log).toEqual([
      { level: 'info', message: 'Previous image ghcr.io/o/app:main not checked (Manifest ghcr.io/o/app:main failed (HTTP 500)): its launch layers cannot be reused from it.' },
    ]);
  });
});
