import { describe, expect, it } from 'vitest';
import { InputError, parseInputs, parseList } from '../../src/inputs.js';

const github = { repository: 'Octo-Org/Hello-App', serverUrl: 'https://github.com' };
const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

function errorOf(values: Record<string, string>): InputError {
  try {
    parseInputs(reader(values), github);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseInputs', () => {
  it('applies defaults', () => {
    const inputs = parseInputs(reader({}), github);
    expect(inputs).toMatchObject({
      mode: 'auto',
      context: '.',
      file: undefined,
      image: 'ghcr.io/octo-org/hello-app',
      tags: [],
      push: false,
      load: false,
      platforms: [],
      buildArgs: [],
      cache: true,
      cacheBackend: 'auto',
      comment: 'auto',
      commentKey: undefined,
      failOnSizeIncrease: undefined,
      maxBaseAge: undefined,
    });
  });

  it('uses the GHES container host for the default image', () => {
    expect(parseInputs(reader({}), { repository: 'a/b', serverUrl: 'https://ghe.example.com' }).image).toBe('containers.ghe.example.com/a/b');
  });

  it('parses lists from newlines and commas', () => {
    const inputs = parseInputs(
      reader({ tags: 'v1, latest\nedge', platforms: 'linux/amd64,linux/arm64/v8', 'build-args': 'A=1\nJAVA_OPTS=-Xmx1g,-Xss1m' }),
      github,
    );
    expect(inputs.tags).toEqual(['v1', 'latest', 'edge']);
    expect(inputs.platforms).toEqual(['linux/amd64', 'linux/arm64/v8']);
    // build-args split on newlines only: values may hold commas.
    expect(inputs.buildArgs).toEqual(['A=1', 'JAVA_OPTS=-Xmx1g,-Xss1m']);
  });

  it.each([
    ['10%', { kind: 'percent', value: 10 }],
    ['1048576', { kind: 'bytes', value: 1048576 }],
    ['5MB', { kind: 'bytes', value: 5_000_000 }],
    ['2 MiB', { kind: 'bytes', value: 2 * 1024 * 1024 }],
    ['500kB', { kind: 'bytes', value: 500_000 }],
  ])('fail-on-size-increase %s', (raw, expected) => {
    expect(parseInputs(reader({ 'fail-on-size-increase': raw }), github).failOnSizeIncrease).toEqual(expected);
  });

  it.each([
    [{ mode: 'docker' }, 'mode', 'docker', 'auto, dockerfile, buildpack'],
    [{ push: 'yes please' }, 'push', 'yes please', 'true or false'],
    [{ load: 'maybe' }, 'load', 'maybe', 'true or false'],
    [{ 'no-cache': '2' }, 'no-cache', '2', 'true or false'],
    [{ cache: 'on' }, 'cache', 'on', 'true or false'],
    [{ rebase: 'later' }, 'rebase', 'later', 'true or false'],
    [{ image: 'ghcr.io/Octo/App' }, 'image', 'ghcr.io/Octo/App', 'lowercase'],
    [{ image: 'ghcr.io/octo/app:v1' }, 'image', 'ghcr.io/octo/app:v1', 'without a tag'],
    [{ platforms: 'linux' }, 'platforms', 'linux', 'os/arch'],
    [{ 'build-args': 'NOVALUE' }, 'build-args', 'NOVALUE', 'KEY=VALUE'],
    [{ labels: '=x' }, 'labels', '=x', 'KEY=VALUE'],
    [{ 'buildpack-env': 'BP ENV=1' }, 'buildpack-env', 'BP ENV=1', 'KEY=VALUE'],
    [{ 'cache-backend': 'registry' }, 'cache-backend', 'registry', 'auto, gha, actions'],
    [{ comment: 'sometimes' }, 'comment', 'sometimes', 'auto, always, never'],
    [{ 'fail-on-size-increase': 'big' }, 'fail-on-size-increase', 'big', '10%'],
    [{ 'max-base-age': '-3' }, 'max-base-age', '-3', 'whole number of days'],
    [{ 'max-base-age': '1.5' }, 'max-base-age', '1.5', 'whole number of days'],
    [{ 'pack-version': 'latest' }, 'pack-version', 'latest', '0.40.6'],
    [{ 'registry-username': 'bot' }, 'registry-password', '', 'both'],
    [{ 'registry-password': 'hunter2' }, 'registry-username', '', 'both'],
  ])('rejects %o naming the input, the value and what is accepted', (values, input, value, accepted) => {
    const e = errorOf(values);
    expect(e.input).toBe(input);
    expect(e.value).toBe(value);
    expect(e.message).toContain(`"${input}"`);
    expect(e.message).toContain(JSON.stringify(value));
    expect(e.message).toContain(accepted);
  });

  it('never quotes the registry password in an error', () => {
    const e = errorOf({ 'registry-password': 'hunter2' });
    expect(e.message).not.toContain('hunter2');
  });

  it.each([
    ['context', '--help'],
    ['context', '-'],
    ['file', '-f'],
    ['target', '--output=type=local,dest=/tmp/x'],
    ['buildx-builder', '--help'],
    ['buildpack-builder', '-v'],
    ['run-image', '--publish'],
    ['descriptor', '--help'],
    ['compare-to', '-x'],
  ])('refuses %s %j, which would be read as a flag', (input, value) => {
    const e = errorOf({ [input]: value });
    expect(e.input).toBe(input);
    expect(e.message).toContain(`"${input}"`);
    expect(e.message).toContain(JSON.stringify(value));
    expect(e.message).toContain('must not start with "-"');
  });

  it.each([
    ['tags', 'v1\n--push'],
    ['cache-from', 'type=gha\n-x'],
    ['platforms', 'linux/amd64,-x'],
  ])('refuses a %s entry that looks like a flag', (input, value) => {
    const e = errorOf({ [input]: value });
    expect(e.input).toBe(input);
    expect(e.message).toContain('must not start with "-"');
  });

  it.each([
    ['labels', 'A=1\r::error::owned'],
    ['build-args', 'A=1\r\n::add-mask::x'],
    ['tags', 'v1\r::warning::x'],
    ['target', 'app\n::error::owned'],
    ['context', 'app\r::error::owned'],
    ['comment-key', 'leg\n::set-output name=x::y'],
    ['image', 'ghcr.io/o/a\u001b[31m'],
  ])('refuses %s with a CR, LF or control character before anything is logged, escaping it in the message', (input, value) => {
    const e = errorOf({ [input]: value });
    expect(e.input).toBe(input);
    expect(e.message).toContain(JSON.stringify(value));
    // The message is one line and no line of it starts a workflow command.
    expect(e.message).not.toMatch(/[\r\n\u001b]/);
  });

  it.each([
    ['strata-app[bot]', 'strata-app[bot]'],
    ['octocat', 'octocat'],
    ['', undefined],
  ])('takes comment-author %j as a GitHub login', (value, want) => {
    expect(parseInputs(reader({ 'comment-author': value }), github).commentAuthor).toBe(want);
  });

  it.each(['strata app', 'strata-app[Bot]', '-leading', 'a'.repeat(40), '@octocat'])('refuses comment-author %j, saying what a login looks like', (value) => {
    const e = errorOf({ 'comment-author': value });
    expect(e.input).toBe('comment-author');
    expect(e.message).toContain(JSON.stringify(value));
    expect(e.message).toContain('my-app[bot]');
  });

  it('allows a line break in registry-password (a JSON key) but refuses a CR without quoting it', () => {
    expect(parseInputs(reader({ 'registry-username': '_json_key', 'registry-password': '{\n"k": "s3cret"\n}' }), github).registryPassword).toContain('s3cret');
    const e = errorOf({ 'registry-username': 'u', 'registry-password': 's3cret\r::error::x' });
    expect(e.input).toBe('registry-password');
    expect(e.message).not.toContain('s3cret');
    expect(e.message).toContain('carriage return');
    const t = errorOf({ 'github-token': 'ghs_abc\ndef' });
    expect(t.input).toBe('github-token');
    expect(t.message).not.toContain('ghs_abc');
  });

  describe('paths stay inside the workspace', () => {
    const inWorkspace = (values: Record<string, string>) => () => parseInputs(reader(values), github, { workspace: '/home/runner/work/app/app' });
    it.each([
      ['file', '../../../../etc/passwd'],
      ['file', '/etc/passwd'],
      ['context', '..'],
      ['context', 'sub/../../other'],
      ['descriptor', '../project.toml'],
    ])('refuses %s %j, naming it and never reading it', (input, value) => {
      const run = inWorkspace({ [input]: value });
      expect(run).toThrow(InputError);
      expect(run).toThrow(`"${input}" has an invalid value ${JSON.stringify(value)}: use a path inside the workspace`);
    });
    it.each([
      ['file', 'docker/Dockerfile.prod'],
      ['file', '/home/runner/work/app/app/Dockerfile'],
      ['context', '.'],
      ['context', 'services/../api'],
      ['file', '..dockerfile'],
    ])('accepts %s %j', (input, value) => {
      expect(inWorkspace({ [input]: value })).not.toThrow();
    });
    it('the CLI (no workspace) builds any directory', () => {
      expect(parseInputs(reader({ context: '../elsewhere' }), github).context).toBe('../elsewhere');
    });
  });

  it.each(['0x10', '1e2', '0b11', '16.0', ' 1 6', '+16', '١٦'])('max-base-age %j: decimal digits only', (raw) => {
    const e = errorOf({ 'max-base-age': raw });
    expect(e.input).toBe('max-base-age');
    expect(e.message).toContain(JSON.stringify(raw.trim()));
  });

  it('max-base-age 016 is 16 days', () => {
    expect(parseInputs(reader({ 'max-base-age': '016' }), github).maxBaseAge).toBe(16);
  });

  it.each(['foo/bar', 'linux/amd65', 'linux/arm/7', 'linux/amd64/v2/x', 'Linux/amd64', 'linux'])('platforms %j is an error naming the value and the form', (p) => {
    const e = errorOf({ platforms: `linux/amd64,${p}` });
    expect(e.input).toBe('platforms');
    expect(e.value).toBe(p);
    expect(e.message).toContain('os/arch[/variant]');
    expect(e.message).toContain('linux/arm64');
  });

  it.each(['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7', 'linux/amd64/v3', 'windows/amd64', 'linux/s390x', 'linux/riscv64', 'linux/386', 'local'])('platforms %j is accepted', (p) => {
    expect(parseInputs(reader({ platforms: p }), github).platforms).toEqual([p]);
  });

  it('requires an image when there is no repository to default to', () => {
    expect(() => parseInputs(reader({}), { repository: '', serverUrl: 'https://github.com' })).toThrow(/set "image"/);
  });
});

describe('parseList', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    [' a ,b\n\nc ', ['a', 'b', 'c']],
    ['# comment\na', ['a']],
  ])('%j', (raw, expected) => {
    expect(parseList(raw)).toEqual(expected);
  });
});
