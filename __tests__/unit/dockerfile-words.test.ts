// BuildKit's word expansion (frontend/dockerfile/shell/lex.go), one table row per rule.
import { describe, expect, it } from 'vitest';
import { splitWords } from '../../src/build/dockerfile-parse.js';
import { expandWord, WordError } from '../../src/build/dockerfile-words.js';

const env = new Map([
  ['V', '1.23'],
  ['EMPTY', ''],
  ['IMG', 'docker.io/library/golang:1.23-alpine'],
  ['PATHV', 'a/b/c/b/a'],
  ['DEF', 'alpine'],
]);

describe('expandWord: substitution and modifiers', () => {
  it.each([
    // plain references; an unset one is "" (and reported, see below)
    ['golang:$V', 'golang:1.23'],
    ['golang:${V}-alpine', 'golang:1.23-alpine'],
    ['x$MISSING', 'x'],
    ['$', '$'],
    ['a$-b', 'ab'], // $- is a special parameter, unset
    ['$1x', 'x'], // positional parameters are unset
    // ${V:-d} / ${V-d}: default when unset (":" also when empty)
    ['${MISSING:-3.19}', '3.19'],
    ['${EMPTY:-3.19}', '3.19'],
    ['${EMPTY-3.19}', ''],
    ['${V-3.19}', '1.23'],
    ['${MISSING-3.19}', '3.19'],
    // ${V:+d} / ${V+d}: alternative when set (":" only when non-empty)
    ['x${V:+-set}', 'x-set'],
    ['x${EMPTY:+-set}', 'x'],
    ['x${EMPTY+-set}', 'x-set'],
    ['x${MISSING+-set}', 'x'],
    // ${V?msg} / ${V:?msg} pass a set value through
    ['${V?need V}', '1.23'],
    ['${V:?need V}', '1.23'],
    ['${EMPTY?need}', ''],
    // # ## % %% trim shell patterns (* ? and \ escapes)
    ['${IMG#*/}', 'library/golang:1.23-alpine'],
    ['${IMG##*/}', 'golang:1.23-alpine'],
    ['${IMG%-*}', 'docker.io/library/golang:1.23'],
    ['${IMG%%:*}', 'docker.io/library/golang'],
    ['${IMG%%.*}', 'docker'],
    ['${IMG%.*}', 'docker.io/library/golang:1'],
    ['${V#?.}', '23'],
    ['${V%nomatch}', '1.23'],
    ['${PATHV#a\\/}', 'b/c/b/a'],
    // / and // replace the first / every match of a pattern (greedy *)
    ['${PATHV/b/x}', 'a/x/c/b/a'],
    ['${PATHV//b/x}', 'a/x/c/x/a'],
    ['${PATHV/b*/x}', 'a/x'],
    ['${V/./-}', '1-23'],
    ['${PATHV//\\//:}', 'a:b:c:b:a'],
    ['${MISSING/a/b}', ''],
    // nested expansion and quotes inside a default
    ['${MISSING:-${DEF}:3.19}', 'alpine:3.19'],
    ['${MISSING:-${ALSO:-${DEF}}}', 'alpine'],
    ['${MISSING:-"my image"}', 'my image'],
    ["${MISSING:-'$V'}", '$V'],
    // quote removal: double quotes expand, single quotes don't
    ['"gcr.io/distroless/static"', 'gcr.io/distroless/static'],
    ['"golang:$V"', 'golang:1.23'],
    ["'golang:$V'", 'golang:$V'],
    ['"a\\"b"', 'a"b'],
    ['"a\\$V"', 'a$V'],
    ['"a\\xb"', 'a\\xb'], // other escapes stay inside double quotes
    // escapes outside quotes
    ['\\$V', '$V'],
    ['a\\b', 'ab'],
  ])('%s → %s', (word, expected) => expect(expandWord(word, env).value).toBe(expected));

  it('uses the escape directive’s character', () => {
    expect(expandWord('`$V\\x', env, '`').value).toBe('$V\\x');
    expect(expandWord('"a`"b"', env, '`').value).toBe('a"b');
  });

  it.each([
    ['$MISSING', ['MISSING'], []],
    ['${MISSING}', ['MISSING'], []],
    ['${MISSING#x}', ['MISSING'], []],
    ['${MISSING:-d}', [], []],
    ['${MISSING+d}', [], []],
    ['${V}${EMPTY}', [], ['V', 'EMPTY']],
    ['${MISSING:-$V}', [], ['V']],
  ])('%s reports unset %j and used %j', (word, unset, used) => {
    const r = expandWord(word, env);
    expect(r.unset).toEqual(unset);
    expect(r.used).toEqual(used);
  });
});

describe('expandWord: what BuildKit rejects', () => {
  it.each([
    ['${MISSING?}', 'MISSING: is not allowed to be unset'],
    ['${MISSING?set MISSING}', 'MISSING: set MISSING'],
    ['${EMPTY:?}', 'EMPTY: is not allowed to be empty'],
    ['${EMPTY:?give one}', 'EMPTY: give one'],
    ['${#V}', 'unsupported modifier (V) in substitution'], // no ${#V} length in BuildKit
    ['${V:#x}', 'unsupported modifier (:#) in substitution'],
    ['${V:%x}', 'unsupported modifier (:%) in substitution'],
    ['${V^^}', 'unsupported modifier (^) in substitution'],
    ['${}', 'bad substitution'],
    ['${:-x}', 'bad substitution'],
    ['${V', 'unsupported modifier'],
    ['${V:-x', "missing '}'"],
    ['${V/x', "missing '/' in ${}"],
    ['"open', 'matching double-quote'],
    ["'open", 'matching single-quote'],
    ['${V#a\\b}', "invalid escape '\\b'"],
  ])('%s', (word, message) => {
    expect(() => expandWord(word, env)).toThrow(WordError);
    expect(() => expandWord(word, env)).toThrow(message);
  });
});

describe('splitWords (ARG operands)', () => {
  it.each([
    ['A=1 B=2', ['A=1', 'B=2']],
    ['A="x y" B', ['A="x y"', 'B']],
    ["A='x y'   C=${D:-\"q r\"}", ["A='x y'", 'C=${D:-"q r"}']], // quotes hold a word together anywhere in it
    ['A=a\\ b', ['A=a\\ b']],
    ['A=""', ['A=""']],
    ['  A  ', ['A']],
  ])('%s', (text, words) => expect(splitWords(text)).toEqual(words));
});
