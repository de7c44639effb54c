import { describe, expect, it } from 'vitest';
import type { Exec } from '../../src/adapters.js';
import { createCredentialResolver } from '../../src/registry/auth.js';
import { helperQueries, parseHelperGet, parseHelperList, readHelperCredentials } from '../../src/registry/credential-helpers.js';
import { parseDockerConfig } from '../../src/registry/docker-config.js';

describe('credential helper answers', () => {
  it.each([
    ['{"ServerURL":"ghcr.io","Username":"bot","Secret":"s3cret"}', { kind: 'basic', username: 'bot', password: 's3cret' }],
    ['{"ServerURL":"acr.io","Username":"<token>","Secret":"refresh"}', { kind: 'identity-token', identityToken: 'refresh' }],
    ['{"ServerURL":"x","Username":"bot","Secret":""}', undefined],
    ['credentials not found in native keychain', undefined],
  ])('get %s', (stdout, expected) => expect(parseHelperGet(stdout)).toEqual(expected));

  it.each([
    ['{"https://index.docker.io/v1/":"me","123.dkr.ecr.us-east-1.amazonaws.com":"AWS"}', ['https://index.docker.io/v1/', '123.dkr.ecr.us-east-1.amazonaws.com']],
    ['[]', []],
    ['not json', []],
  ])('list %s', (stdout, expected) => expect(parseHelperList(stdout)).toEqual(expected));
});

describe('helperQueries', () => {
  it('asks the store for what it lists, and a credHelpers entry for its own registry', () => {
    expect(
      helperQueries({ credsStore: 'desktop', credHelpers: { 'gcr.io': 'gcloud', 'docker.io': 'pass' } }, ['https://index.docker.io/v1/', 'ghcr.io']),
    ).toEqual([
      { host: 'docker.io', server: 'docker.io', helper: 'pass' },
      { host: 'ghcr.io', server: 'ghcr.io', helper: 'desktop' },
      { host: 'gcr.io', server: 'gcr.io', helper: 'gcloud' },
    ]);
  });
});

describe('readHelperCredentials and the resolver', () => {
  const config = parseDockerConfig(
    JSON.stringify({ credsStore: 'desktop', credHelpers: { 'gcr.io': 'gcloud' }, auths: { 'ghcr.io': {}, 'quay.io': { auth: Buffer.from('q:inline').toString('base64') } } }),
  );
  const calls: string[] = [];
  const exec: Exec = {
    run: async (cmd, args, opts) => {
      calls.push(`${cmd} ${args.join(' ')}${opts?.input ? ` <${String(opts.input)}` : ''}`);
      if (cmd === 'docker-credential-desktop' && args[0] === 'list') return { exitCode: 0, stdout: '{"ghcr.io":"bot","quay.io":"q"}', stderr: '' };
      if (cmd === 'docker-credential-desktop' && opts?.input === 'ghcr.io') return { exitCode: 0, stdout: '{"Username":"bot","Secret":"from-store"}', stderr: '' };
      if (cmd === 'docker-credential-desktop') return { exitCode: 1, stdout: 'credentials not found in native keychain', stderr: '' };
      return { exitCode: 127, stdout: '', stderr: `${cmd}: spawn ENOENT` };
    },
  };

  it('takes the helpers\' answers, notes their failures without secrets, and lets them beat inline entries', async () => {
    const { credentials, notes } = await readHelperCredentials(exec, config);
    expect(calls).toContain('docker-credential-desktop list');
    expect(calls).toContain('docker-credential-desktop get <ghcr.io');
    expect(credentials.get('ghcr.io')).toEqual({ kind: 'basic', username: 'bot', password: 'from-store' });
    expect(notes).toEqual(
      expect.arrayContaining([
        'credential helper docker-credential-gcloud gave no credentials for gcr.io (exit 127)',
        'credential helper docker-credential-desktop gave no credentials for quay.io (exit 1)',
      ]),
    );
    expect(notes.join('\n')).not.toContain('from-store');

    const resolve = createCredentialResolver({ dockerConfig: config, helpers: credentials, input: { registry: 'docker.io', username: 'in', password: 'put' } });
    expect(resolve('ghcr.io')).toEqual({ kind: 'basic', username: 'bot', password: 'from-store' });
    expect(resolve('quay.io')).toEqual({ kind: 'basic', username: 'q', password: 'inline' });
    expect(resolve('docker.io')).toEqual({ kind: 'basic', username: 'in', password: 'put' });
    expect(resolve('gcr.io')).toBeUndefined();
  });
});
