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
    const e = errorOf(values as Record<string, string>);
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
