import { describe, expect, it } from 'vitest';
import { escapeMarkdown, inlineCode, mermaidLabel, plainText, tableCode, truncate, truncateWords, wrappable } from '../../src/report/escape.js';

const ZWSP = '\u200b';

describe('escapeMarkdown', () => {
  it.each([
    ['a | b', 'a &#124; b'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['`code`', '&#96;code&#96;'],
    ['[click](https://evil.example)', `\\[click\\](https:/${ZWSP}/evil.example)`],
    ['![x](y)', '!\\[x\\](y)'],
    ['**bold** _em_ ~~del~~', '\\*\\*bold\\*\\* \\_em\\_ \\~\\~del\\~\\~'],
    ['line1\nline2\r\n# heading', 'line1 line2 # heading'],
    ['ping @octocat and @acme/team', `ping @${ZWSP}octocat and @${ZWSP}acme/team`],
    ['fixes #123 and GH-45', `fixes #${ZWSP}123 and GH-${ZWSP}45`],
    ['a|#1', `a&#124;#${ZWSP}1`],
    ['see www.evil.example', `see www${ZWSP}.evil.example`],
    ['<!-- strata:report:x -->', '&lt;!-- strata:report:x --&gt;'],
    ['back\\slash', 'back\\\\slash'],
  ])('%j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('tableCode', () => {
  it.each([
    ['RUN npm ci', '`RUN npm ci`'],
    ['RUN echo a | tee b', '`RUN echo a \\| tee b`'],
    // One space on each side is stripped by the renderer, so both sides get one.
    ['RUN echo `date`', '`` RUN echo `date` ``'],
    ['`x`', '`` `x` ``'],
    ['RUN a\nb', '`RUN a b`'],
    ['', ''],
  ])('%j -> %j', (input, output) => {
    expect(tableCode(input)).toBe(output);
  });

  it('inlineCode keeps pipes literal outside tables', () => {
    expect(inlineCode('a|b')).toBe('`a|b`');
  });
});

describe('mermaidLabel', () => {
  it('keeps only characters that cannot end a string, the chart or the fence', () => {
    expect(mermaidLabel('RUN echo "x" ```\n] ; %%{init}')).toBe('RUN echo x init');
    expect(mermaidLabel('"]`')).toBe('layer');
    expect(mermaidLabel('COPY package.json package-lock.json ./', 20)).toBe('COPY package.json p…');
  });
});

describe('plainText', () => {
  it('strips terminal escape sequences and control characters', () => {
    expect(plainText('RUN \u001b[2J\u001b[31mred\u001b[0m\u0007 ok\n')).toBe('RUN red ok');
    expect(plainText('title \u001b]0;pwned\u0007 done')).toBe('title done');
  });
});

describe('truncate', () => {
  it('cuts on characters, not UTF-16 halves', () => {
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncate('short', 10)).toBe('short');
  });
});

describe('wrappable', () => {
  it.each([
    ['COPY package.json ./', 'COPY package.json ./'],
    ['registry.example.com:5000/team/node:20.11-slim', `registry.${ZWSP}example.${ZWSP}com:5000/${ZWSP}team/${ZWSP}node:20.11-slim`],
    ['curl https://downloads.example.com/v1.2/tool.tar.gz', `curl https://${ZWSP}downloads.${ZWSP}example.${ZWSP}com/${ZWSP}v1.2/${ZWSP}tool.${ZWSP}tar.${ZWSP}gz`],
  ])('%j', (input, output) => {
    expect(wrappable(input)).toBe(output);
  });
});

describe('truncateWords', () => {
  it('cuts long words only, counting zero-width spaces as breaks', () => {
    expect(truncateWords('RUN echo 0123456789abcdef done', 8)).toBe('RUN echo 0123456… done');
    expect(truncateWords(`abcd/${ZWSP}efgh`, 5)).toBe(`abcd/${ZWSP}efgh`);
  });
});
