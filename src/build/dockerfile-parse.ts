// The parts of a Dockerfile base-image resolution reads, split into words as BuildKit's parser
// does (frontend/dockerfile/parser): global ARGs (before the first FROM), FROM lines with their
// --platform flag and AS name, and the stages each stage reads from. dockerfile-ast does the
// structure (escape directive, continuations, heredocs); the word rules are BuildKit's.
import { DockerfileParser, type Copy, type From, type Instruction } from 'dockerfile-ast';

/** An instruction's arguments with line continuations (and the comment lines inside them) removed. */
function argumentsText(instruction: Instruction, escape: string): string {
  const raw = instruction.getRawArgumentsContent() ?? '';
  const lines = raw.split(/\r?\n/);
  const kept = lines.filter((line, i) => i === 0 || !/^\s*#/.test(line));
  return kept.map((line, i) => (i < kept.length - 1 && line.trimEnd().endsWith(escape) ? line.trimEnd().slice(0, -1) : line)).join('');
}

export interface FromLine {
  index: number;
  line: number;
  base: string;
  name?: string;
  platformFlag?: string;
  /** Stages this one reads from: COPY/ADD --from, RUN --mount from= (as written). */
  uses: string[];
}

export interface Parsed {
  escape: string;
  globalArgs: Array<{ name: string; value?: string }>;
  froms: FromLine[];
}

export function parseDockerfile(text: string): Parsed {
  const doc = DockerfileParser.parse(text);
  const escape = doc.getEscapeCharacter();
  const globalArgs: Parsed['globalArgs'] = [];
  const froms: FromLine[] = [];
  for (const instruction of doc.getInstructions()) {
    const keyword = instruction.getKeyword();
    const words = argumentsText(instruction, escape);
    if (keyword === 'ARG' && froms.length === 0) {
      for (const word of splitWords(words, escape)) {
        const eq = word.indexOf('=');
        globalArgs.push(eq < 0 ? { name: word } : { name: word.slice(0, eq), value: word.slice(eq + 1) });
      }
    } else if (keyword === 'FROM') {
      // FROM's operands split on whitespace, without quote handling (BuildKit's parseStringsWhitespaceDelimited).
      // dockerfile-ast has taken the flags off already.
      const parts = words.trim().split(/\s+/).filter(Boolean);
      const platformFlag = (instruction as From).getPlatformFlag()?.getValue() ?? undefined;
      const name = parts.length === 3 && parts[1]!.toLowerCase() === 'as' ? parts[2]!.toLowerCase() : undefined;
      froms.push({ index: froms.length, line: instruction.getRange().start.line + 1, base: parts[0] ?? '', name, platformFlag, uses: [] });
    } else if (froms.length > 0 && (keyword === 'COPY' || keyword === 'ADD' || keyword === 'RUN')) {
      const uses = froms[froms.length - 1]!.uses;
      for (const flag of ((instruction as Copy).getFlags?.() ?? [])) {
        if (flag.getName() === 'from' && flag.getValue()) uses.push(flag.getValue()!);
        if (flag.getName() === 'mount') {
          const from = flag.getOptions().find((o) => o.getName() === 'from')?.getValue();
          if (from) uses.push(from);
        }
      }
    }
  }
  return { escape, globalArgs, froms };
}


/**
 * Splits an instruction's arguments into words the way BuildKit's parser does for ARG/ENV
 * (parseWords): on whitespace outside quotes, keeping quotes and escapes for the expansion.
 */
export function splitWords(rest: string, escape = '\\'): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  let blankOk = false;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!;
    if (!inWord) {
      if (/\s/.test(ch)) continue;
      inWord = true;
    }
    if (quote === undefined) {
      if (/\s/.test(ch)) {
        if (blankOk || word !== '') words.push(word);
        word = '';
        blankOk = false;
        inWord = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
      }
      if (ch === escape) {
        if (i + 1 === rest.length) continue;
        word += ch + rest[++i]!;
        continue;
      }
      word += ch;
    } else {
      if (ch === escape && quote === '"' && i + 1 < rest.length) {
        word += ch + rest[++i]!;
        continue;
      }
      if (ch === quote) quote = undefined;
      word += ch;
    }
  }
  if (inWord && (blankOk || word !== '')) words.push(word);
  return words;
}
