import { describe, expect, it } from 'vitest';
import { newerTags, parseTag } from '../../src/compare/tag-flavour.js';

const nodeTags = [
  '20', '20-slim', '20-alpine', '20.11', '20.11-slim', '20.11-alpine', '20.11.0-slim', '20.11.1-slim',
  '20.12', '20.12-slim', '20.12.1-slim', '20.13-slim', '20.13-alpine', '20.9-slim', '21-alpine', '21-slim',
  '21.1-slim', '22.1-slim', '22.2-slim', '20.14-slim-rc1', '20.15.0rc1-slim', 'lts-slim', 'latest', 'slim',
  '20.12-bookworm-slim', 'v20.14-slim',
];

describe('newerTags', () => {
  it.each([
    ['20.11-slim', ['20.13-slim', '20.12-slim'], ['22.2-slim', '22.1-slim', '21.1-slim']],
    ['20.11.0-slim', ['20.12.1-slim', '20.11.1-slim'], []],
    ['20-slim', [], ['21-slim']],
    ['20.11', ['20.12'], []],
    ['20.13-alpine', [], []],
    ['20.11-alpine', ['20.13-alpine'], []],
  ])('%s: minor %j, major %j', (current, minor, major) => {
    expect(newerTags(current, nodeTags)).toEqual({ minor, major });
  });

  it('never changes suffix, precision or prefix', () => {
    const result = newerTags('20.11-slim', nodeTags)!;
    const all = [...result.minor, ...result.major];
    expect(all).not.toContain('21-alpine');
    expect(all).not.toContain('20.12.1-slim');
    expect(all).not.toContain('20.12-bookworm-slim');
    expect(all).not.toContain('v20.14-slim');
  });

  it('ignores prereleases, glued (3.13.0rc1) or hyphenated (-rc1)', () => {
    expect(newerTags('3.12.1-slim', ['3.13.0rc1-slim', '3.12.2-slim', '3.13.0-rc.1-slim'])).toEqual({ minor: ['3.12.2-slim'], major: [] });
    expect(newerTags('1.2.3', ['1.2.4-rc1', '1.2.4-beta.2', '1.2.4'])).toEqual({ minor: ['1.2.4'], major: [] });
  });

  it('compares numerically, not lexically', () => {
    expect(newerTags('1.9', ['1.10', '1.8', '1.09'])!.minor).toEqual(['1.10']);
  });

  it('keeps the prefix: v1.2 -> v1.3, jdk-17.0.2_8 -> jdk-17.0.3_7 only with the same suffix', () => {
    expect(newerTags('v1.2', ['v1.3', '1.4', 'v2.0'])).toEqual({ minor: ['v1.3'], major: ['v2.0'] });
    expect(newerTags('17.0.2_8-jdk', ['17.0.3_8-jdk', '17.0.3_7-jdk'])!.minor).toEqual(['17.0.3_8-jdk']);
  });

  it('does not treat date tags as versions of a small number, nor the reverse', () => {
    expect(newerTags('20', ['20240101', '22'])).toEqual({ minor: [], major: ['22'] });
    expect(newerTags('20240101', ['20240315', '22'])).toEqual({ minor: [], major: ['20240315'] });
  });

  it('has nothing to say about unversioned or prerelease tags', () => {
    expect(newerTags('latest', nodeTags)).toBeUndefined();
    expect(newerTags('bookworm-slim', nodeTags)).toBeUndefined();
    expect(newerTags('3.13.0rc1-slim', ['3.13.0-slim'])).toBeUndefined();
  });

  it('reads alpine-style suffixes that contain digits', () => {
    expect(parseTag('3.12-alpine3.19')).toMatchObject({ numbers: [3, 12], suffix: '-alpine3.19', prefix: '' });
    expect(newerTags('3.12-alpine3.19', ['3.13-alpine3.19', '3.13-alpine3.20'])!.minor).toEqual(['3.13-alpine3.19']);
  });
});
