// Text from the PR author (Dockerfile instructions, tags, labels) goes into a comment that
// GitHub renders as Markdown+HTML and into terminal output. None of it may add markup, links,
// images, pings or cross-references, or break out of a table cell. Pure.

const ZWSP = '\u200b';

/** Newlines and other control characters become spaces; runs of whitespace collapse. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Breaks @mentions and #123 / GH-123 references without changing what the reader sees. */
function defuseReferences(text: string): string {
  return text
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZWSP}`)
    // Not after &: our own numeric entities (&#124;) must stay intact.
    .replace(/(?<!&)#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`);
}

/**
 * For plain Markdown text, including table cells: HTML-significant characters become entities,
 * Markdown punctuation is backslash-escaped, pipes cannot split a cell, one line only.
 */
export function escapeMarkdown(text: string): string {
  const escaped = oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;')
    // ( ) and ! only mean something after ] or before [, both escaped here.
    .replace(/[\\*_~[\]]/g, (c) => `\\${c}`)
    // Bare URLs autolink; a zero-width space after the scheme keeps them as text.
    .replace(/\b(https?|ftp):\/\//gi, `$1:/${ZWSP}/`)
    .replace(/\bwww\./gi, `www${ZWSP}.`);
  return defuseReferences(escaped);
}

/**
 * A code span for a table cell: the content shows verbatim (no entities, no mentions in code),
 * the fence is longer than any backtick run inside, and `|` is escaped because GFM splits table
 * cells before it parses code spans.
 */
export function tableCode(text: string): string {
  return codeSpan(oneLine(text).replace(/\|/g, '\\|'));
}

/** A code span outside tables, where a `\|` would show its backslash. */
export function inlineCode(text: string): string {
  return codeSpan(oneLine(text));
}

function codeSpan(content: string): string {
  if (content === '') return '';
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * For a label inside a Mermaid chart string: letters, digits and a few separators only, so
 * nothing can end the quoted string, the chart, or the surrounding code fence.
 */
export function mermaidLabel(text: string, maxLength = 28): string {
  const safe = oneLine(text).replace(/[^A-Za-z0-9 ._:/@+=-]/g, '').replace(/\s+/g, ' ').trim();
  return truncate(safe, maxLength) || 'layer';
}

/** For terminal output: no escape sequences, no control characters (they could rewrite the log). */
export function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return oneLine(text.replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '').replace(/\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, ''));
}

/**
 * Cuts every word longer than `maxWord` characters: a table cell can't be narrower than its
 * longest word, and one long URL or path would push the table past the comment column.
 */
export function truncateWords(text: string, maxWord: number): string {
  return text.replace(/[^\s\u200b]+/g, (word) => truncate(word, maxWord));
}

/**
 * Lets a path, URL or host name wrap after its slashes and dots in a narrow cell (a zero-width
 * space, which shows nothing): `registry.example.com/team/images/node` need not fit on one line.
 * Short words and dots before digits stay put (`package.json`, `20.11`). Not for text people copy: a report lists full
 * references where nothing was inserted.
 */
export function wrappable(text: string, longerThan = 20): string {
  return text.replace(/\S+/g, (word) =>
    word.length <= longerThan ? word : word.replace(/\/(?=[^/])/g, `/${ZWSP}`).replace(/\.(?=[A-Za-z])/g, `.${ZWSP}`),
  );
}

/** Cuts at a character boundary (never inside a surrogate pair) and marks the cut. */
export function truncate(text: string, maxLength: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  return `${chars.slice(0, Math.max(0, maxLength - 1)).join('')}…`;
}
