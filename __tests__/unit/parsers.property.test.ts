// Property tests (fast-check) for the parsers that read what others write: image references,
// WWW-Authenticate challenges, Link headers, tag flavours and the action's inputs. Each states a
// law the parser must keep for every input, not just the table cases; fast-check shrinks any
// counterexample to the smallest one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compareVersions, newerTags, parseTag, sameFlavour } from '../../src/compare/tag-flavour.js';
import { InputError, parseInputs, SECRET_INPUTS } from '../../src/inputs.js';
import { parseWwwAuthenticate } from '../../src/registry/auth.js';
import { nextPagePath } from '../../src/registry/client.js';
import { familiarReference, formatReference, parseReference, ReferenceError } from '../../src/registry/reference.js';

const RUNS = { numRuns: 300 };
const char = (chars: string) => fc.constantFrom(...chars.split(''));
const word = (chars: string, min: number, max: number) => fc.string({ unit: char(chars), minLength: min, maxLength: max });
const lower = 'abcdefghijklmnopqrstuvwxyz0123456789';

// The distribution reference grammar, generated: host[:port]/path-components[:tag][@digest].
const pathComponent = fc
  .tuple(word(lower, 1, 6), fc.array(fc.tuple(fc.constantFrom('.', '_', '__', '-', '--'), word(lower, 1, 5)), { maxLength: 2 }))
  .map(([head, rest]) => head + rest.map(([sep, w]) => sep + w).join(''));
const host = fc.oneof(
  fc.tuple(word(lower, 1, 8), fc.constantFrom('.io', '.com', '.example.org')).map(([a, b]) => a + b),
  fc.constantFrom('localhost', '127.0.0.1', '[::1]', 'ghcr.io', 'index.docker.io', 'registry-1.docker.io', 'Docker.IO'),
);
const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
const tag = fc.tuple(char(`${lower}ABCXYZ_`), word(`${lower}ABC_.-`, 0, 20)).map(([a, b]) => a + b);
const digest = fc.string({ unit: char('0123456789abcdef'), minLength: 64, maxLength: 64 }).map((h) => `sha256:${h}`);
const reference = fc
  .record({ host: fc.option(fc.tuple(host, port), { nil: undefined }), path: fc.array(pathComponent, { minLength: 1, maxLength: 3 }), tag: fc.option(tag, { nil: undefined }), digest: fc.option(digest, { nil: undefined }) })
  // Without a host, a first component with a '.' would be read as one (the docker CLI's rule).
  .filter(({ host: h, path }) => h !== undefined || !path[0]!.includes('.'))
  .map(({ host: h, path, tag: t, digest: d }) => {
    const prefix = h ? `${h[0]}${h[1] !== undefined ? `:${h[1]}` : ''}/` : '';
    return `${prefix}${path.join('/')}${t !== undefined ? `:${t}` : ''}${d !== undefined ? `@${d}` : ''}`;
  })
  .filter((r) => r.length < 200);

describe('image references (src/registry/reference.ts)', () => {
  it('parses every reference the grammar allows, and formatting is a fixed point', () => {
    fc.assert(
      fc.property(reference, (raw) => {
        const ref = parseReference(raw);
        expect(parseReference(formatReference(ref))).toEqual(ref);
        expect(parseReference(familiarReference(ref))).toEqual(ref);
        expect(ref.registry).toBe(ref.registry.toLowerCase());
        expect(ref.tag !== undefined || ref.digest !== undefined).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps the tag and digest as written', () => {
    fc.assert(
      fc.property(fc.array(pathComponent, { minLength: 1, maxLength: 2 }), tag, digest, (path, t, d) => {
        const ref = parseReference(`ghcr.io/${path.join('/')}:${t}@${d}`);
        expect(ref).toEqual({ registry: 'ghcr.io', repository: path.join('/'), tag: t, digest: d });
      }),
      RUNS,
    );
  });

  it('throws only ReferenceError, quoting the input, for anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: char('aA0:/@._-[]sha256 ') })), (raw) => {
        try {
          parseReference(raw);
        } catch (e) {
          expect(e).toBeInstanceOf(ReferenceError);
          expect((e as Error).message).toContain(JSON.stringify(raw));
        }
      }),
      { numRuns: 1000 },
    );
  });
});

// RFC 7235 challenges, generated and serialised with quoting and escaping.
const tokenChars = "!#$%&'*+.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-";
const authToken = word(tokenChars, 1, 10);
const quotedValue = fc.string({ unit: fc.oneof(char('abc ,=:/;"\\'), fc.constantFrom('repository:a/b:pull,push', 'https://auth.example.com/token')), maxLength: 6 });
const challenge = fc.record({
  scheme: authToken,
  params: fc.uniqueArray(fc.tuple(authToken, quotedValue), { maxLength: 4, selector: ([k]) => k.toLowerCase() }),
});
const quote = (v: string) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;

describe('WWW-Authenticate (src/registry/auth.ts)', () => {
  it('reads back every challenge and parameter, however values are quoted', () => {
    fc.assert(
      fc.property(fc.array(challenge, { minLength: 1, maxLength: 3 }), fc.constantFrom(', ', ',', ' ,  '), (challenges, sep) => {
        const header = challenges.map((c) => [c.scheme, c.params.map(([k, v]) => `${k}=${quote(v)}`).join(sep)].filter(Boolean).join(' ')).join(sep);
        const parsed = parseWwwAuthenticate(header);
        expect(parsed.map((c) => c.scheme)).toEqual(challenges.map((c) => c.scheme.toLowerCase()));
        parsed.forEach((c, i) => expect(c.params).toEqual(Object.fromEntries(challenges[i]!.params.map(([k, v]) => [k.toLowerCase(), v]))));
      }),
      RUNS,
    );
  });

  it('never throws and never invents a parameter before the first scheme', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: char('Bearer realm="=,\\ ') })), (header) => {
        const parsed = parseWwwAuthenticate(header);
        for (const c of parsed) expect(c.scheme).toBe(c.scheme.toLowerCase());
      }),
      { numRuns: 1000 },
    );
  });
});

// RFC 8288 Link headers as registries send them (distribution: `</v2/x/tags/list?last=a&n=100>; rel="next"`).
const pathQuery = fc
  .tuple(fc.array(word(lower, 1, 6), { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(word(lower, 1, 4), word(`${lower}%2F`, 0, 6)), { maxLength: 3 }))
  .map(([segs, q]) => `/${segs.join('/')}${q.length ? `?${q.map(([k, v]) => `${k}=${v}`).join('&')}` : ''}`);
const rel = fc.constantFrom('prev', 'last', 'first', 'self');

describe('Link headers (src/registry/client.ts nextPagePath)', () => {
  it('finds rel="next" among other links, quoted or not, in any order', () => {
    fc.assert(
      fc.property(pathQuery, fc.array(fc.tuple(pathQuery, rel), { maxLength: 3 }), fc.nat(), fc.boolean(), (next, others, at, quoted) => {
        const links = others.map(([p, r]) => `<${p}>; rel="${r}"`);
        links.splice(at % (links.length + 1), 0, `<${next}>; rel=${quoted ? '"next"' : 'next'}`);
        expect(nextPagePath(links.join(', '), 'http://127.0.0.1:5000/v2/app/tags/list')).toBe(next);
      }),
      RUNS,
    );
  });

  it('an absolute next URL keeps only its path and query', () => {
    fc.assert(
      fc.property(pathQuery, (next) => {
        expect(nextPagePath(`<https://registry.example.com${next}>; rel="next"`, 'https://registry.example.com/v2/')).toBe(next);
      }),
      RUNS,
    );
  });

  it('never throws on a malformed header, and without rel="next" there is no next page', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: char('<>;, rel="nxt/?[]:%') }), fc.string({ unit: char('htp:/[]%@ ') }).map((u) => `<${u}>; rel="next"`)), (header) => {
        const next = nextPagePath(header, 'http://127.0.0.1:5000/v2/app/tags/list');
        if (!/next/.test(header)) expect(next).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });
});

// Tags as Docker Hub's official images write them: 20.11-slim, v1.2.3, 3.13.0rc1, 20240101.
const version = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 3 }).map((ns) => ns.join('.'));
const flavouredTag = fc
  .tuple(fc.constantFrom('', 'v', 'jdk-'), version, fc.constantFrom('', '-slim', '-alpine3.19', '-bookworm', '_windows', '-rc1', '-beta.2'))
  .map(([p, v, s]) => p + v + s);

describe('tag flavours (src/compare/tag-flavour.ts)', () => {
  it('a newer tag is in the list, of the same flavour, newer, not a prerelease, best first', () => {
    fc.assert(
      fc.property(flavouredTag, fc.array(flavouredTag, { maxLength: 25 }), (current, all) => {
        const newer = newerTags(current, all);
        if (!newer) return;
        const base = parseTag(current)!;
        const found = [...newer.minor, ...newer.major];
        for (const t of found) {
          const v = parseTag(t)!;
          expect(all).toContain(t);
          expect(sameFlavour(base, v)).toBe(true);
          expect(compareVersions(v, base)).toBeGreaterThan(0);
          expect(v.prerelease).toBeUndefined();
        }
        expect(found).not.toContain(current);
        for (const list of [newer.minor, newer.major]) {
          for (let i = 1; i < list.length; i++) expect(compareVersions(parseTag(list[i - 1]!)!, parseTag(list[i]!)!)).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it('compareVersions is antisymmetric, and parseTag reads back the numbers', () => {
    fc.assert(
      fc.property(flavouredTag, flavouredTag, (a, b) => {
        const [x, y] = [parseTag(a), parseTag(b)];
        if (x && y) expect(Math.sign(compareVersions(x, y))).toBe(-Math.sign(compareVersions(y, x)) || 0);
        if (x) expect(x.tag).toBe(a);
      }),
      RUNS,
    );
  });

  it('never throws on any tag', () => {
    fc.assert(fc.property(fc.string(), fc.array(fc.string(), { maxLength: 5 }), (t, all) => void newerTags(t, all)), { numRuns: 1000 });
  });
});

// Inputs as a workflow can write them: any string, including CR, LF, control characters,
// workflow commands, leading dashes and ../ paths.
// Every input action.yml declares: the property covers inputs added later without editing this list.
const INPUT_NAMES = Object.keys((parseYaml(readFileSync(join(import.meta.dirname, '../../action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs);
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('a', '=', '-', '/', '.', '\r', '\n', '\u001b', '::error::', '%0A', ',', '0x', '1', ' ') }),
  fc.constantFrom('--help', '../../etc/passwd', '/etc/passwd', 'linux/amd64', 'A=1', 'true', '10%', '0x10', 'foo/bar'),
);
// Secrets carry a recognisable stem so a leak can be told from a coincidence with another input.
const secret = nasty.map((v) => `S3CRET${v}`);
const rawInputs = fc
  .tuple(fc.dictionary(fc.constantFrom(...INPUT_NAMES), nasty, { maxKeys: 6 }), fc.dictionary(fc.constantFrom(...SECRET_INPUTS), secret))
  .map(([plain, secrets]) => ({ ...plain, ...secrets }));
const WORKSPACE = '/home/runner/work/app/app';
const github = { repository: 'octo-org/app', serverUrl: 'https://github.com' };

describe('inputs (src/inputs.ts)', () => {
  it('either parses or throws an InputError whose message is one line naming the input, and never a secret', () => {
    fc.assert(
      fc.property(rawInputs, (values) => {
        try {
          parseInputs((n) => (values[n] ?? '').trim(), github, { workspace: WORKSPACE });
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          const err = e as InputError;
          expect(INPUT_NAMES).toContain(err.input);
          expect(err.message).toContain(`Input "${err.input}"`);
          expect(err.message).not.toMatch(/[\r\n\u0000-\u001f]/);
          expect(err.message).not.toContain('S3CRET');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('what it accepts cannot start a log line, be read as a flag, or leave the workspace', () => {
    fc.assert(
      fc.property(rawInputs, (values) => {
        let inputs;
        try {
          inputs = parseInputs((n) => (values[n] ?? '').trim(), github, { workspace: WORKSPACE });
        } catch {
          return;
        }
        const { githubToken: _t, registryPassword: _p, ...logged } = inputs;
        // Every string it keeps, as itself (not as JSON text, where a literal backslash and "r" in
        // a value would read as an escaped CR): no CR, and no control character JSON would have
        // to write as \u00XX.
        const strings: string[] = [];
        JSON.stringify(logged, (_k, v: unknown) => (typeof v === 'string' ? (strings.push(v), v) : v));
        for (const value of strings) expect(value).not.toMatch(/[\r\u0000-\u0007\u000b\u000e-\u001f]/);
        for (const single of [inputs.context, inputs.file, inputs.target, inputs.buildxBuilder, inputs.runImage, inputs.buildpackBuilder, inputs.descriptor, inputs.compareTo, inputs.commentKey]) {
          if (single !== undefined) expect(single).not.toMatch(/\n/);
        }
        for (const argv of [inputs.context, inputs.file, inputs.target, inputs.buildxBuilder, inputs.runImage, inputs.buildpackBuilder, ...inputs.tags, ...inputs.platforms, ...inputs.cacheFrom, ...inputs.cacheTo]) {
          if (argv !== undefined) expect(argv.startsWith('-')).toBe(false);
        }
        for (const p of [inputs.context, inputs.file, inputs.descriptor]) {
          if (p !== undefined) expect(p.startsWith('/') ? p.startsWith(`${WORKSPACE}/`) || p === WORKSPACE : !/^\.\.(\/|$)/.test(p.replace(/^(\.\/)+/, ''))).toBe(true);
        }
        if (inputs.maxBaseAge !== undefined) expect(String(inputs.maxBaseAge)).toMatch(/^[1-9][0-9]*$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('counterexamples the properties found (kept as fixed cases)', () => {
  it('a Docker Hub repository whose first component has a dot keeps its host in the familiar form', () => {
    const ref = parseReference('Docker.IO/a.a/a');
    expect(familiarReference(ref)).toBe('docker.io/a.a/a:latest');
    expect(parseReference(familiarReference(ref))).toEqual(ref);
  });
  it('a registry-username of a backslash and "r" is two characters, not a carriage return', () => {
    const inputs = parseInputs((n) => ({ 'registry-username': '\\r', 'registry-password': 'S3CRET' })[n] ?? '', github, { workspace: WORKSPACE });
    expect(inputs.registryUsername).toBe('\\r');
    expect(() => parseInputs((n) => ({ 'registry-username': 'a\rb', 'registry-password': 'S3CRET' })[n] ?? '', github, { workspace: WORKSPACE })).toThrow(InputError);
  });
  it('a Link target that is not a URL ends the listing instead of throwing', () => {
    expect(nextPagePath('<//>; rel="next"', 'http://127.0.0.1:5000/v2/app/tags/list')).toBeUndefined();
  });
});
