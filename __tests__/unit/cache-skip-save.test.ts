import { describe, expect, it } from 'vitest';
import { decideCacheSave, describeSkip, type SaveDecision, type SaveDecisionInput } from '../../src/cache/skip-save.js';
import { lifecycleFingerprint } from '../../src/cache/fingerprint.js';

describe('decideCacheSave', () => {
  it.each<[string, SaveDecisionInput, SaveDecision]>([
    ['failed build', { buildSucceeded: false, hit: 'miss', fingerprintAfterRestore: undefined, fingerprintNow: 'a' }, { save: false, reason: 'build-failed' }],
    ['failed build after an exact hit', { buildSucceeded: false, hit: 'exact', fingerprintAfterRestore: 'a', fingerprintNow: 'b' }, { save: false, reason: 'build-failed' }],
    ['no cache dir', { buildSucceeded: true, hit: 'miss', fingerprintAfterRestore: undefined, fingerprintNow: undefined }, { save: false, reason: 'nothing-to-save' }],
    ['exact hit, unchanged', { buildSucceeded: true, hit: 'exact', fingerprintAfterRestore: 'a', fingerprintNow: 'a' }, { save: false, reason: 'unchanged' }],
    ['exact hit, changed', { buildSucceeded: true, hit: 'exact', fingerprintAfterRestore: 'a', fingerprintNow: 'b' }, { save: true }],
    ['exact hit, restored fingerprint unknown', { buildSucceeded: true, hit: 'exact', fingerprintAfterRestore: undefined, fingerprintNow: 'a' }, { save: true }],
    ['partial hit, unchanged', { buildSucceeded: true, hit: 'partial', fingerprintAfterRestore: 'a', fingerprintNow: 'a' }, { save: true }],
    ['miss', { buildSucceeded: true, hit: 'miss', fingerprintAfterRestore: undefined, fingerprintNow: 'a' }, { save: true }],
  ])('%s', (_what, input, expected) => {
    expect(decideCacheSave(input)).toEqual(expected);
  });

  it('says "cache unchanged, nothing uploaded" when it skips an unchanged cache', () => {
    expect(describeSkip('unchanged')).toBe('cache unchanged, nothing uploaded');
  });
});

describe('lifecycleFingerprint', () => {
  const meta = '{"buildpacks":[{"key":"node","layers":{}}]}';
  it.each<[string, string | undefined, string[], string | undefined, string[]]>([
    ['layer order does not matter', meta, ['sha256:b.tar', 'sha256:a.tar'], meta, ['sha256:a.tar', 'sha256:b.tar']],
    ['non-layer entries are ignored', meta, ['sha256:a.tar', 'io.buildpacks.lifecycle.cache.metadata'], meta, ['sha256:a.tar']],
  ])('same: %s', (_what, m1, n1, m2, n2) => {
    expect(lifecycleFingerprint(m1, n1)).toBe(lifecycleFingerprint(m2, n2));
  });

  it.each<[string, string | undefined, string[], string | undefined, string[]]>([
    ['a layer added', meta, ['sha256:a.tar'], meta, ['sha256:a.tar', 'sha256:b.tar']],
    ['a layer replaced', meta, ['sha256:a.tar'], meta, ['sha256:c.tar']],
    ['metadata changed', meta, ['sha256:a.tar'], meta.replace('node', 'npm'), ['sha256:a.tar']],
    ['metadata appeared', undefined, ['sha256:a.tar'], meta, ['sha256:a.tar']],
  ])('differs: %s', (_what, m1, n1, m2, n2) => {
    expect(lifecycleFingerprint(m1, n1)).not.toBe(lifecycleFingerprint(m2, n2));
  });

  it('is undefined for an empty cache', () => {
    expect(lifecycleFingerprint(undefined, [])).toBeUndefined();
    expect(lifecycleFingerprint(undefined, ['staging'])).toBeUndefined();
  });
});
