// The in-page half of github-render.ts, loaded into the comment page with addScriptTag: draws the
// ```mermaid blocks with mermaid (as GitHub's viewer does) and measures what a reviewer sees.
/* global mermaid */

/** Replaces each mermaid code block with mermaid's SVG; returns mermaid's parse errors. */
async function strataDrawCharts() {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
  const errors = [];
  const blocks = [...document.querySelectorAll('pre > code.language-mermaid')];
  for (const [i, code] of blocks.entries()) {
    const view = document.createElement('div');
    view.className = 'mermaid-view';
    try {
      view.innerHTML = (await mermaid.render(`chart-${i}`, code.textContent ?? '')).svg;
    } catch (e) {
      errors.push(String(e?.message ?? e));
    }
    code.parentElement.replaceWith(view);
  }
  return errors;
}

function describe(e) {
  return `${e.tagName.toLowerCase()}${typeof e.className === 'string' && e.className ? `.${e.className}` : ''}`;
}

/** Sideways scrolling: any scroll container wider inside than out, or anything past the column. */
function overflowIn(article) {
  const found = [];
  for (const e of [article, ...article.querySelectorAll('*')]) {
    if (e.closest('svg')) continue;
    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') {
      found.push({ element: describe(e), scrollWidth: e.scrollWidth, clientWidth: e.clientWidth, text: (e.innerText ?? '').slice(0, 160) });
    }
  }
  const right = article.getBoundingClientRect().right;
  for (const e of article.querySelectorAll('*')) {
    if (e.closest('svg') && e.tagName.toLowerCase() !== 'svg') continue;
    if (e.closest('table')) continue; // a table scrolls itself: reported above
    const r = e.getBoundingClientRect().right;
    if (r > right + 1) found.push({ element: describe(e), scrollWidth: Math.round(r), clientWidth: Math.round(right), text: (e.textContent ?? '').slice(0, 160) });
  }
  return found;
}

/** Chart text that overlaps other chart text, or lies outside the chart or the column. */
function labelProblems(article) {
  const problems = [];
  const column = article.getBoundingClientRect();
  for (const svg of article.querySelectorAll('.mermaid-view > svg')) {
    const frame = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')]
      .map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }))
      .filter((t) => t.text.trim() !== '' && t.box.width > 0);
    for (const [i, a] of texts.entries()) {
      const inside =
        a.box.left >= Math.max(frame.left, column.left) - 0.5 &&
        a.box.right <= Math.min(frame.right, column.right) + 0.5 &&
        a.box.top >= frame.top - 0.5 &&
        a.box.bottom <= frame.bottom + 0.5;
      if (!inside) problems.push({ text: a.text, problem: 'clipped' });
      for (const b of texts.slice(i + 1)) {
        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (x > 0.5 && y > 0.5) problems.push({ text: a.text, problem: 'overlaps', other: b.text });
      }
    }
  }
  return problems;
}

/** GitHub links @user, #123 and GH-123 in text outside code: none may be left. */
function liveReferencesIn(article) {
  const found = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('code, pre, svg')) continue;
    const hits = (node.textContent ?? '').match(/(?:^|[^\w`])(?:@[A-Za-z0-9][\w-]*|#\d+|GH-\d+)/gi);
    if (hits) found.push(...hits.map((h) => h.trim()));
  }
  return found;
}

function strataMeasure(allowedTags) {
  const article = document.querySelector('article');
  const unexpectedElements = [...article.querySelectorAll('*')]
    .filter((e) => !e.closest('svg') && !allowedTags.includes(e.tagName.toLowerCase()))
    .map((e) => e.outerHTML.slice(0, 160));
  return {
    overflow: overflowIn(article),
    charts: article.querySelectorAll('.mermaid-view > svg').length,
    labels: labelProblems(article),
    unexpectedElements,
    liveReferences: liveReferencesIn(article),
    visibleText: article.innerText,
  };
}

Object.assign(globalThis, { strataDrawCharts, strataMeasure });
