// A docker credential helper (credsStore), as self-hosted runners use for ECR/GCR/ACR: a real
// helper program on PATH, a real password-protected registry, and the run's registry client.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createExec } from '../../src/io/exec.js';
import { terminalLogger } from '../../src/io/terminal.js';
import { createRunRegistryClient } from '../../src/registry/for-run.js';
import { pushBaseImage, requireDocker, run } from '../support/docker.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

let open: TestRegistry;
let locked: TestRegistry;
const originalPath = process.env.PATH;

beforeAll(async () => {
  await requireDocker();
  open = await startRegistry();
  locked = await startRegistry({ auth: 'htpasswd' });
  await pushBaseImage(`${open.host}/library/busybox:1.36`);
  await run('skopeo', ['copy', '--src-tls-verify=false', '--dest-tls-verify=false', '--dest-creds', `${locked.username}:${locked.password}`,
    `docker://${open.host}/library/busybox:1.36`, `docker://${locked.host}/private/busybox:1.36`]);
}, 120_000);

afterAll(async () => {
  process.env.PATH = originalPath;
  await locked?.stop();
  await open?.stop();
});

it('reads a private image with credentials from the docker config\'s credsStore helper', async () => {
  const bin = mkdtempSync(join(tmpdir(), 'strata-helper-bin-'));
  const helper = join(bin, 'docker-credential-strata-test');
  writeFileSync(
    helper,
    [
      '#!/bin/sh',
      'case "$1" in',
      `  list) printf '{"${locked.host}":"${locked.username}"}' ;;`,
      '  get) read server',
      `       if [ "$server" = "${locked.host}" ]; then printf '{"ServerURL":"%s","Username":"${locked.username}","Secret":"${locked.password}"}' "$server"`,
      '       else echo "credentials not found in native keychain"; exit 1; fi ;;',
      '  *) exit 1 ;;',
      'esac',
      '',
    ].join('\n'),
  );
  chmodSync(helper, 0o755);
  const dockerConfig = mkdtempSync(join(tmpdir(), 'strata-docker-config-'));
  mkdirSync(dockerConfig, { recursive: true });
  // What `docker login` leaves when a credsStore holds the secret: an empty placeholder.
  writeFileSync(join(dockerConfig, 'config.json'), JSON.stringify({ credsStore: 'strata-test', auths: { [locked.host]: {} } }));
  process.env.PATH = `${bin}:${originalPath}`;

  const ref = `${locked.host}/private/busybox:1.36`;
  const expected = JSON.parse((await run('skopeo', ['inspect', '--tls-verify=false', '--creds', `${locked.username}:${locked.password}`, `docker://${ref}`])).stdout).Digest;

  const withHelper = await createRunRegistryClient({ env: { DOCKER_CONFIG: dockerConfig, HOME: tmpdir() }, exec: createExec(), logger: terminalLogger() });
  expect((await withHelper.headDigest(ref)).digest).toBe(expected);

  // Without the helper's answer the same read is refused: the credentials really came from it.
  writeFileSync(join(dockerConfig, 'config.json'), JSON.stringify({ auths: { [locked.host]: {} } }));
  const without = await createRunRegistryClient({ env: { DOCKER_CONFIG: dockerConfig, HOME: tmpdir() }, exec: createExec(), logger: terminalLogger() });
  await expect(without.headDigest(ref)).rejects.toThrow(/requires a user name and password/);
}, 120_000);
