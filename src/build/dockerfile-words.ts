// Word expansion as BuildKit's Dockerfile frontend does it (frontend/dockerfile/shell/lex.go):
// $V, ${V}, the ${V<op>word} modifiers, quotes and the escape character. Pure; written from the
// lexer's documented behaviour, and pinned by table tests against the cases BuildKit's own tests use.
//
// Differences from a POSIX shell that BuildKit keeps, and so Strata keeps:
// - ${#V} (length) is not supported: `#` right after `${` is read as the special parameter `#`,
//   and the next character is an "unsupported modifier".
// - `:` only combines with `-`, `+` and `?`; `${V:#p}` and `${V:%p}` are errors.
// - Patterns know `*` and `?` but no bracket expressions.

export class WordError extends Error {
  constructor(
    readonly word: string,
    reason: string,
  ) {
    super(`failed to process ${JSON.stringify(word)}: ${reason}`);
    this.name = 'WordError';
  }
}

export interface Expansion {
  value: string;
  /** Variables whose value was looked up and found. */
  used: string[];
  /**
   * Variables that were unset where their value went straight into the result ($V, ${V},
   * ${V#p}, ${V/p/r}…). BuildKit substitutes "" there; Strata reports the word as unresolved.
   * An unset variable behind -, +, or ? is not listed: the modifier decides the result.
   */
  unset: string[];
}

const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);

class Reason extends Error {}

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}
  peek(): string | undefined {
    return this.text[this.pos];
  }
  next(): string | undefined {
    return this.text[this.pos++];
  }
}

class WordLexer {
  private readonly s: Scanner;
  readonly unset = new Set<string>();
  readonly used = new Set<string>();

  constructor(
    text: string,
    private readonly env: ReadonlyMap<string, string>,
    private readonly escape: string,
  ) {
    this.s = new Scanner(text);
  }

  /** Reads up to `stop` (consumed) or the end; `raw` keeps escape characters (patterns). */
  processStopOn(stop: string | undefined, raw: boolean): string {
    let out = '';
    for (let ch = this.s.peek(); ch !== undefined; ch = this.s.peek()) {
      if (stop !== undefined && ch === stop) {
        this.s.next();
        return out;
      }
      if (ch === '$') out += this.dollar();
      else if (ch === "'") out += this.singleQuote();
      else if (ch === '"') out += this.doubleQuote(raw);
      else {
        this.s.next();
        if (ch === this.escape) {
          if (raw) out += ch;
          const escaped = this.s.next();
          if (escaped === undefined) break;
          out += escaped;
        } else out += ch;
      }
    }
    if (stop !== undefined) throw new Reason(`unexpected end of statement while looking for matching ${stop}`);
    return out;
  }

  private singleQuote(): string {
    this.s.next();
    let out = '';
    for (;;) {
      const ch = this.s.next();
      if (ch === undefined) throw new Reason('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") return out;
      out += ch;
    }
  }

  private doubleQuote(raw: boolean): string {
    this.s.next();
    let out = '';
    for (;;) {
      const ch = this.s.peek();
      if (ch === undefined) throw new Reason('unexpected end of statement while looking for matching double-quote');
      if (ch === '"') {
        this.s.next();
        return out;
      }
      if (ch === '$') {
        out += this.dollar();
        continue;
      }
      this.s.next();
      if (ch === this.escape) {
        if (raw) out += ch;
        const after = this.s.peek();
        if (after === undefined) continue;
        // Inside double quotes the escape character only escapes ", $ and itself.
        if (after === '"' || after === '$' || after === this.escape) {
          out += this.s.next();
          continue;
        }
      }
      out += ch;
    }
  }

  private name(): string {
    let name = '';
    for (let ch = this.s.peek(); ch !== undefined; ch = this.s.peek()) {
      if (name === '' && /\d/.test(ch)) {
        while (this.s.peek() !== undefined && /\d/.test(this.s.peek()!)) name += this.s.next();
        return name;
      }
      if (name === '' && SPECIAL_PARAMS.has(ch)) return this.s.next()!;
      if (!/[\p{L}\p{N}_]/u.test(ch)) break;
      name += this.s.next();
    }
    return name;
  }

  private get(name: string): string | undefined {
    const value = this.env.get(name);
    if (value !== undefined) this.used.add(name);
    return value;
  }

  private direct(name: string): string {
    const value = this.get(name);
    if (value === undefined) this.unset.add(name);
    return value ?? '';
  }

  private dollar(): string {
    this.s.next();
    if (this.s.peek() !== '{') {
      const name = this.name();
      return name === '' ? '$' : this.direct(name);
    }
    this.s.next();
    const first = this.s.peek();
    if (first === undefined) throw new Reason("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new Reason('syntax error: bad substitution');
    const name = this.name();
    let op = this.s.next();
    if (op === undefined) throw new Reason(`unsupported modifier () in substitution`);
    if (op === '}') return this.direct(name);
    if (op === '/') return this.substitute(name);
    let nullIsUnset = false;
    let ops = op;
    if (op === ':') {
      nullIsUnset = true;
      op = this.s.next() ?? '';
      ops += op;
    }
    if (!['+', '-', '?', '#', '%'].includes(op) && !nullIsUnset) throw new Reason(`unsupported modifier (${ops}) in substitution`);
    const pattern = op === '#' || op === '%';
    if (nullIsUnset && pattern) throw new Reason(`unsupported modifier (${ops}) in substitution`);
    let word: string;
    try {
      word = this.processStopOn('}', pattern);
    } catch (e) {
      if (this.s.peek() === undefined) throw new Reason("syntax error: missing '}'");
      throw e;
    }
    const value = this.get(name);
    const isSet = value !== undefined && !(nullIsUnset && value === '');
    switch (op) {
      case '-':
        return isSet ? value : word;
      case '+':
        return isSet ? word : '';
      case '?':
        if (value === undefined) throw new Reason(`${name}: ${word || 'is not allowed to be unset'}`);
        if (!isSet) throw new Reason(`${name}: ${word || 'is not allowed to be empty'}`);
        return value;
      case '#':
      case '%': {
        const greedy = word.startsWith(op);
        const pat = greedy ? word.slice(1) : word;
        const v = this.direct(name);
        return op === '#' ? trimPrefix(pat, v, greedy) : trimSuffix(pat, v, greedy);
      }
      default:
        throw new Reason(`unsupported modifier (${ops}) in substitution`);
    }
  }

  private substitute(name: string): string {
    const all = this.s.peek() === '/';
    if (all) this.s.next();
    let pattern: string;
    let replacement: string;
    try {
      pattern = this.processStopOn('/', true);
    } catch (e) {
      if (this.s.peek() === undefined) throw new Reason("syntax error: missing '/' in ${}");
      throw e;
    }
    try {
      replacement = this.processStopOn('}', true);
    } catch (e) {
      if (this.s.peek() === undefined) throw new Reason("syntax error: missing '}'");
      throw e;
    }
    const value = this.direct(name);
    const re = patternToRegex(pattern, true, false, all);
    if (all) return value.replace(re, () => replacement);
    const m = re.exec(value);
    return m ? value.slice(0, m.index) + replacement + value.slice(m.index + m[0].length) : value;
  }
}

/** A shell pattern (`*`, `?`, `\` escapes; no brackets) as a RegExp, the way BuildKit converts it. */
function patternToRegex(pattern: string, greedy: boolean, anchored: boolean, global = false): RegExp {
  let out = anchored ? '^' : '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') out += greedy ? '[\\s\\S]*' : '[\\s\\S]*?';
    else if (ch === '?') out += '[\\s\\S]';
    else if (ch === '\\') {
      // `}` and `/` are escaped to end the ${}, but the escape isn't part of the pattern.
      const next = pattern[i + 1];
      if (next === '}' || next === '/') continue;
      if (next !== '*' && next !== '?' && next !== '\\') throw new Reason(`invalid pattern (${pattern}) in substitution: invalid escape '\\${next ?? ''}'`);
      out += `\\${next}`;
      i++;
    } else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(out, global ? 'gu' : 'u');
}

function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const m = patternToRegex(pattern, greedy, true).exec(value);
  return m ? value.slice(m[0].length) : value;
}

/** Reverses a pattern but keeps each escape before the character it escapes. */
function reversePattern(pattern: string): string {
  const tokens: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\' && i < pattern.length - 1) {
      tokens.push(pattern[i]! + pattern[i + 1]!);
      i++;
    } else tokens.push(pattern[i]!);
  }
  return tokens.reverse().join('');
}

const reverse = (s: string) => [...s].reverse().join('');

function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  // A regex finds the leftmost match, so the shortest suffix is found on the reversed strings.
  return reverse(trimPrefix(reversePattern(pattern), reverse(value), greedy));
}

/**
 * Expands one word (a FROM operand, an ARG default, a --platform value) with `env`, removing
 * quotes and escapes. Throws WordError for what BuildKit rejects, with its reason.
 */
export function expandWord(word: string, env: ReadonlyMap<string, string>, escape = '\\'): Expansion {
  const lexer = new WordLexer(word, env, escape);
  try {
    const value = lexer.processStopOn(undefined, false);
    return { value, used: [...lexer.used], unset: [...lexer.unset] };
  } catch (e) {
    if (e instanceof Reason) throw new WordError(word, e.message);
    throw e;
  }
}
