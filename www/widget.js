// <recoupe-check>: annotates a publisher's article in place.
//
//   <script type="module" src="/recoupe/www/widget.js"></script>
//   <recoupe-check for="article.story" sources="/factcheck/sources.json"></recoupe-check>
//
// The claims of the article are highlighted with the CSS Custom Highlight
// API, which leaves the page's DOM untouched; where the browser lacks it
// (or with highlight="marks") the text is wrapped in <mark> elements
// instead. The widget's own interface (summary, claim list, evidence
// cards) lives in a shadow root. The core runs in a worker.
//
// Attributes:
//   for        CSS selector of the article (default: the enclosing <article>,
//              else the page's first <article>, else <main>)
//   sources    address of a corpus JSON, same origin only
//   lang       "fr" or "en": the widget's labels (default: the article's)
//   ignore     CSS selector of parts of the article not to check (byline...)
//   highlight  "auto" (default) or "marks" (always wrap in <mark>)
// Sources may also be given inline, in a <script type="application/json">
// child holding the corpus array.

import { CheckerClient } from './checker-client.js';
import { h, renderCard, renderSummary } from './render.js';
import { renderTimeline } from './timeline.js';
import { VERDICTS, VERDICT_ICONS, t, pickLang, claimCount } from './i18n.js';
import { parseCorpus, verdictCounts, restatements, drawableClaims, claimFigure } from './report.js';

const DEBOUNCE_MS = 300;
const SHADOW_STYLES = [new URL('./card.css', import.meta.url), new URL('./widget.css', import.meta.url)];

// The ::highlight() rules must live in the host document. A constructed
// stylesheet adopted by the document does that without adding an element
// to the page, and a strict CSP (style-src 'self') allows it.
const HOST_CSS = `
::highlight(recoupe-corroborated) {
  background-color: var(--recoupe-corroborated, rgb(34 197 94 / 24%));
  text-decoration: underline solid var(--recoupe-corroborated-line, light-dark(#15803d, #5fd48a)) 2px;
}
::highlight(recoupe-contradicted) {
  background-color: var(--recoupe-contradicted, rgb(239 68 68 / 24%));
  text-decoration: underline wavy var(--recoupe-contradicted-line, light-dark(#b91c1c, #ff8a80)) 1.5px;
}
::highlight(recoupe-disputed) {
  background-color: var(--recoupe-disputed, rgb(249 115 22 / 26%));
  text-decoration: underline double var(--recoupe-disputed-line, light-dark(#b45309, #f5a55b)) 2px;
}
::highlight(recoupe-related) {
  background-color: var(--recoupe-related, rgb(59 130 246 / 20%));
  text-decoration: underline dotted var(--recoupe-related-line, light-dark(#1d4ed8, #8fb3ff)) 2px;
}
::highlight(recoupe-unverified) {
  background-color: var(--recoupe-unverified, rgb(107 114 128 / 20%));
  text-decoration: underline dashed var(--recoupe-unverified-line, light-dark(#5b6470, #aeb7c2)) 2px;
}
::highlight(recoupe-figure) {
  background-color: var(--recoupe-figure, rgb(250 204 21 / 50%));
}
::highlight(recoupe-active) {
  background-color: var(--recoupe-active, rgb(37 99 235 / 22%));
}
mark.recoupe-claim {
  color: inherit;
  background-color: var(--recoupe-unverified, rgb(107 114 128 / 20%));
  text-decoration: underline dashed var(--recoupe-unverified-line, light-dark(#5b6470, #aeb7c2)) 2px;
  text-underline-offset: 0.2em;
  border-radius: 2px;
  cursor: pointer;
}
mark.recoupe-claim[data-verdict="corroborated"] {
  background-color: var(--recoupe-corroborated, rgb(34 197 94 / 24%));
  text-decoration: underline solid var(--recoupe-corroborated-line, light-dark(#15803d, #5fd48a)) 2px;
}
mark.recoupe-claim[data-verdict="contradicted"] {
  background-color: var(--recoupe-contradicted, rgb(239 68 68 / 24%));
  text-decoration: underline wavy var(--recoupe-contradicted-line, light-dark(#b91c1c, #ff8a80)) 1.5px;
}
mark.recoupe-claim[data-verdict="disputed"] {
  background-color: var(--recoupe-disputed, rgb(249 115 22 / 26%));
  text-decoration: underline double var(--recoupe-disputed-line, light-dark(#b45309, #f5a55b)) 2px;
}
mark.recoupe-claim[data-verdict="related"] {
  background-color: var(--recoupe-related, rgb(59 130 246 / 20%));
  text-decoration: underline dotted var(--recoupe-related-line, light-dark(#1d4ed8, #8fb3ff)) 2px;
}
mark.recoupe-claim.recoupe-active,
mark.recoupe-claim:focus-visible {
  outline: 2px solid var(--recoupe-accent, light-dark(#1d4ed8, #8fb3ff));
  outline-offset: 1px;
}
mark.recoupe-claim.recoupe-dim {
  background-color: transparent;
  text-decoration: none;
}
mark.recoupe-figure {
  color: inherit;
  background-color: var(--recoupe-figure, rgb(250 204 21 / 50%));
  font-weight: 700;
}
`;

let hostSheet = null;
let instances = 0;

function adoptHostSheet() {
  if (!hostSheet) {
    hostSheet = new CSSStyleSheet();
    hostSheet.replaceSync(HOST_CSS);
  }
  if (!document.adoptedStyleSheets.includes(hostSheet)) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, hostSheet];
  }
}

function dropHostSheet() {
  if (hostSheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== hostSheet);
}

const HIGHLIGHTS = [...VERDICTS.map((v) => `recoupe-${v}`), 'recoupe-figure', 'recoupe-active'];
/** The figure over its claim, the claim in focus over both. */
const PRIORITY = { 'recoupe-figure': 1, 'recoupe-active': 2 };
const hasHighlights = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/**
 * Highlight names belong to the whole document, and a page may hold several
 * <recoupe-check> elements: each registers its ranges here, and every name
 * carries the ranges of all of them, so that one never erases another's.
 */
const painted = new Map();

/** Sets (or, with null, drops) `owner`'s ranges by highlight name. */
function paintShared(owner, ranges) {
  if (ranges) painted.set(owner, ranges);
  else painted.delete(owner);
  for (const name of HIGHLIGHTS) {
    const all = [...painted.values()].flatMap((byName) => byName[name] ?? []);
    if (!all.length) {
      CSS.highlights.delete(name);
      continue;
    }
    const highlight = new Highlight(...all);
    highlight.priority = PRIORITY[name] ?? 0;
    CSS.highlights.set(name, highlight);
  }
}

// ---- the article's text, and the way back to its nodes ------------------------

/** Never part of the article's text. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'BUTTON', 'IFRAME',
  'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'SVG', 'MATH', 'RECOUPE-CHECK',
]);
/** Elements that end a paragraph: the core sees a blank line between them. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'CAPTION', 'TR', 'TD',
  'TH', 'UL',
]);

/**
 * The text of `root` as the core should read it: its text nodes in order,
 * a blank line between blocks, a newline for <br>. Line breaks and tabs
 * inside text nodes (source formatting) read as spaces, one for one, so
 * that an offset in the text is an offset in its node. `segments` maps the
 * text back: each text node with the offset where it starts. Elements
 * matching the selector `ignore` are left out.
 *
 * @returns {{text: string, segments: {node: Text, start: number, end: number}[]}}
 */
export function collectText(root, ignore = null) {
  let text = '';
  const segments = [];
  const paragraph = () => {
    if (text !== '' && !text.endsWith('\n\n')) text += text.endsWith('\n') ? '\n' : '\n\n';
  };
  const walk = (parent) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE) {
        const data = node.data;
        // Indentation between blocks is not text.
        if (data === '' || (/^[ \t\n\r\f]*$/.test(data) && (text === '' || text.endsWith('\n')))) continue;
        segments.push({ node, start: text.length, end: text.length + data.length });
        text += data.replace(/[\t\n\r\f]/g, ' ');
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const tag = node.tagName.toUpperCase();
        if (SKIP.has(tag) || node.hidden || node.getAttribute('aria-hidden') === 'true') continue;
        if (ignore && node.matches(ignore)) continue;
        if (tag === 'BR') {
          text += '\n';
          continue;
        }
        const block = BLOCKS.has(tag);
        if (block) paragraph();
        walk(node);
        if (block) paragraph();
      }
    }
  };
  walk(root);
  return { text, segments };
}

/** The segment index holding `offset` (its last one starting at or before it). */
function segmentAt(segments, offset) {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * A Range over the text offsets `[start, end)`. Ends falling on a block
 * break (text the page does not hold) move to the nearest node boundary.
 */
export function rangeFor(segments, start, end) {
  if (segments.length === 0 || start >= end) return null;
  let i = segmentAt(segments, start);
  let startNode;
  let startOffset;
  if (i !== -1 && start < segments[i].end) {
    startNode = segments[i].node;
    startOffset = start - segments[i].start;
  } else {
    const next = segments[i + 1];
    if (!next || next.start >= end) return null;
    startNode = next.node;
    startOffset = 0;
  }
  i = segmentAt(segments, end - 1);
  if (i === -1) return null;
  const seg = segments[i];
  const endNode = seg.node;
  const endOffset = Math.min(end, seg.end) - seg.start;
  const range = document.createRange();
  try {
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
  } catch {
    return null; // the node changed under us; the next pass re-anchors
  }
  return range.collapsed ? null : range;
}

/** Pieces of `[start, end)` per text node: [{node, from, to}] in node offsets. */
function piecesOf(segments, start, end) {
  const out = [];
  let i = Math.max(0, segmentAt(segments, start));
  for (; i < segments.length && segments[i].start < end; i++) {
    const seg = segments[i];
    const from = Math.max(start, seg.start);
    const to = Math.min(end, seg.end);
    if (from < to) out.push({ node: seg.node, from: from - seg.start, to: to - seg.start });
  }
  return out;
}

// ---- the element ---------------------------------------------------------------

class RecoupeCheck extends HTMLElement {
  static observedAttributes = ['for', 'sources', 'lang', 'highlight', 'ignore'];

  #root;
  #ui = {};
  #client = null;
  #article = null;
  #sources = [];
  #observer = null;
  #debounce = 0;
  #generation = 0;
  #checkedText = null;
  #report = null;
  #restatedBy = new Map();
  /** The claims as drawn: {claim, range, figure, marks}. */
  #anchors = [];
  #byId = new Map();
  /** <mark> elements added to the page (fallback only). */
  #marks = [];
  #filter = null;
  #open = null;
  #returnFocus = null;
  #frame = 0;
  #status = { key: '', vars: null };
  #connected = false;
  #sourcesFailed = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    const links = SHADOW_STYLES.map((href) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href.href;
      return link;
    });
    const ui = this.#ui;
    ui.title = h('h2', { class: 'title', id: 'recoupe-title' });
    ui.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    ui.summary = h('div', { class: 'summary', role: 'group' });
    ui.live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
    ui.listTitle = h('summary', { class: 'list-title' });
    ui.list = h('ol', { class: 'claims' });
    ui.details = h('details', { class: 'list', open: true }, ui.listTitle, ui.list);
    ui.timelinesTitle = h('summary', { class: 'list-title' });
    ui.timelineList = h('div', { class: 'timelines' });
    ui.timelines = h('details', { class: 'list', hidden: true }, ui.timelinesTitle, ui.timelineList);
    ui.foot = h('p', { class: 'foot' });
    ui.panel = h(
      'section',
      { class: 'panel', part: 'panel', 'aria-labelledby': 'recoupe-title' },
      h('header', { class: 'head' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '≈'), ui.title),
      ui.status,
      ui.summary,
      ui.live,
      ui.details,
      ui.timelines,
      ui.foot,
    );
    ui.card = h('div', { class: 'rc-card floating', part: 'card', role: 'dialog', 'aria-labelledby': 'recoupe-card-title' });
    ui.card.popover = 'manual';
    this.#root.append(...links, ui.panel, ui.card);

    ui.summary.addEventListener('click', (e) => this.#onSummary(e));
    ui.list.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-claim]');
      if (button) this.#openCard(button.dataset.claim, { focus: true, scroll: true, from: button });
    });
    ui.list.addEventListener('keydown', (e) => this.#onListKey(e));
    ui.list.addEventListener('focusin', (e) => {
      const button = e.target.closest('button[data-claim]');
      if (button) this.#setActive(button.dataset.claim);
    });
    ui.list.addEventListener('focusout', () => {
      if (!this.#open) this.#setActive(null);
    });
    ui.card.addEventListener('click', (e) => this.#onCardClick(e));
    ui.card.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.#closeCard({ restoreFocus: true });
      }
    });
  }

  /** The latest report, as `Checker.check()` returned it (null before the first). */
  get report() {
    return this.#report;
  }

  /** Checks the article again (its text and the sources are re-read). */
  refresh() {
    this.#start();
  }

  connectedCallback() {
    this.#connected = true;
    instances++;
    adoptHostSheet();
    document.addEventListener('click', this.#onDocumentClick, true);
    document.addEventListener('keydown', this.#onDocumentKey);
    addEventListener('scroll', this.#onMove, { capture: true, passive: true });
    addEventListener('resize', this.#onMove, { passive: true });
    this.#labels();
    // Attributes set by the parser after this callback are picked up by
    // attributeChangedCallback; start once they have all been read.
    queueMicrotask(() => this.#start());
  }

  disconnectedCallback() {
    this.#connected = false;
    instances--;
    this.#generation++;
    clearTimeout(this.#debounce);
    this.#observer?.disconnect();
    this.#observer = null;
    this.#closeCard();
    this.#clearAnnotations();
    this.#client?.close();
    this.#client = null;
    document.removeEventListener('click', this.#onDocumentClick, true);
    document.removeEventListener('keydown', this.#onDocumentKey);
    removeEventListener('scroll', this.#onMove, { capture: true });
    removeEventListener('resize', this.#onMove);
    if (instances === 0) dropHostSheet();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#connected || before === after) return;
    if (name === 'lang') {
      this.#labels();
      this.#renderPanel();
    } else if (name === 'highlight') {
      if (this.#report && this.#article) this.#anchor();
    } else {
      this.#start();
    }
  }

  // ---- labels and status ------------------------------------------------------

  #lang() {
    return pickLang(this.getAttribute('lang'), this.#report?.lang, document.documentElement.lang, navigator.language);
  }

  #labels() {
    const lang = this.#lang();
    this.#ui.panel.lang = lang;
    this.#ui.card.lang = lang;
    this.#ui.title.textContent = t(lang, 'widgetTitle');
    this.#ui.summary.setAttribute('aria-label', t(lang, 'summaryGroup'));
    this.#ui.list.setAttribute('aria-label', t(lang, 'widgetList'));
    this.#ui.foot.textContent = t(lang, 'widgetFoot');
    this.#setStatus(this.#status.key, this.#status.vars);
  }

  #setStatus(key, vars = null, state = 'idle') {
    this.#status = { key, vars };
    this.#ui.status.textContent = key ? t(this.#lang(), key, vars) : '';
    this.#ui.status.dataset.state = state;
  }

  // ---- finding the article and the sources -----------------------------------

  #findArticle() {
    const selector = this.getAttribute('for');
    if (selector) {
      try {
        return document.querySelector(selector);
      } catch {
        return null;
      }
    }
    return this.closest('article') ?? document.querySelector('article') ?? document.querySelector('main');
  }

  async #loadSources() {
    const sources = [];
    const taken = new Set();
    const inline = [...this.children].find((el) => el.localName === 'script' && el.type === 'application/json');
    if (inline) {
      for (const s of parseCorpus(JSON.parse(inline.textContent), taken)) {
        sources.push(s);
        taken.add(s.id);
      }
    }
    const address = this.getAttribute('sources');
    if (address) {
      const url = new URL(address, document.baseURI);
      // The reader's browser fetches nothing but the publisher's own files.
      if (url.origin !== location.origin) throw new Error(`sources must be on ${location.origin}`);
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      sources.push(...parseCorpus(await response.json(), taken));
    }
    return sources;
  }

  async #start() {
    if (!this.#connected) return;
    const generation = ++this.#generation;
    this.#observer?.disconnect();
    this.#closeCard();
    this.#clearAnnotations();
    this.#checkedText = null;
    this.#article = this.#findArticle();
    if (!this.#article) {
      this.#setStatus('widgetNoArticle', null, 'error');
      return;
    }
    this.#client ??= new CheckerClient(() => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }));
    this.#client.warm();
    this.#setStatus('checking', null, 'busy');
    this.#sourcesFailed = false;
    try {
      this.#sources = await this.#loadSources();
    } catch (err) {
      if (generation !== this.#generation) return;
      console.warn(`recoupe: ${err.message}`);
      // The article is still checked (every claim unverified), and the
      // status keeps saying why.
      this.#sources = [];
      this.#sourcesFailed = true;
    }
    if (generation !== this.#generation) return;
    this.#observer = new MutationObserver(() => this.#onMutation());
    this.#observe();
    this.#check(generation);
  }

  #observe() {
    this.#observer?.observe(this.#article, { childList: true, subtree: true, characterData: true });
  }

  /** Runs `change` on the page's DOM without hearing it as the page's own change. */
  #quietly(change) {
    this.#observer?.disconnect();
    try {
      change();
    } finally {
      this.#observer?.takeRecords();
      if (this.#observer && this.#article) this.#observe();
    }
  }

  #onMutation() {
    // News pages fill their articles late, and in bursts.
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => {
      const generation = this.#generation;
      const { text } = this.#readArticle();
      if (text === this.#checkedText) {
        // Same words, new nodes: only the anchors move.
        if (this.#report) this.#anchor();
      } else {
        this.#check(generation);
      }
    }, DEBOUNCE_MS);
  }

  #collect() {
    const ignore = this.getAttribute('ignore');
    try {
      if (ignore) document.createDocumentFragment().querySelector(ignore);
    } catch {
      return collectText(this.#article); // not a selector: check everything
    }
    return collectText(this.#article, ignore || null);
  }

  /** The article's text, read without the widget's own <mark> wrappers. */
  #readArticle() {
    if (this.#marks.length) this.#quietly(() => this.#unwrapMarks());
    return this.#collect();
  }

  /**
   * The article's publication date as the publisher's page states it
   * (`article:published_time`, a `<time datetime>` in the article), so that
   * "mardi" and "l'an dernier" resolve; null when the page gives none.
   */
  #articleDate() {
    const meta = document.querySelector('meta[property="article:published_time"], meta[name="date"]');
    const time = this.#article?.querySelector?.('time[datetime]');
    const value = meta?.getAttribute('content') || time?.getAttribute('datetime') || '';
    return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
  }

  async #check(generation) {
    const { text } = this.#readArticle();
    this.#checkedText = text;
    if (text.trim() === '') {
      this.#setStatus('widgetNoArticle', null, 'idle');
      return;
    }
    this.#setStatus('checking', null, 'busy');
    let result;
    try {
      result = await this.#client.check(text, this.#sources, this.#articleDate());
    } catch (err) {
      if (generation === this.#generation) this.#setStatus('checkFailed', { error: err.message }, 'error');
      return;
    }
    if (!result || generation !== this.#generation || text !== this.#checkedText) return;
    this.#report = result.report;
    this.#restatedBy = restatements(result.report.claims);
    this.#byId = new Map(result.report.claims.map((c) => [c.id, c]));
    this.#labels();
    // The page may have changed while the core worked: the mutation
    // observer has a new check on its way, and these offsets are stale.
    if (this.#collect().text !== text) return;
    this.#anchor();
    this.#renderPanel();
    if (this.#sourcesFailed) this.#setStatus('widgetSourcesFailed', null, 'error');
    else this.#setStatus('statusDone', { claims: claimCount(this.#lang(), this.#anchors.length), ms: Math.max(1, Math.round(result.ms)) }, 'done');
    this.dispatchEvent(new CustomEvent('recoupe-checked', { detail: { report: result.report, ms: result.ms } }));
  }

  // ---- annotating the article ------------------------------------------------

  #useMarks() {
    return this.getAttribute('highlight') === 'marks' || !hasHighlights();
  }

  #clearAnnotations() {
    if (hasHighlights() && painted.has(this)) paintShared(this, null);
    if (this.#marks.length) this.#quietly(() => this.#unwrapMarks());
    this.#anchors = [];
  }

  #anchor() {
    this.#clearAnnotations();
    const { text, segments } = this.#collect();
    if (text !== this.#checkedText) return;
    const claims = drawableClaims(this.#report.claims, text.length);
    if (this.#useMarks()) {
      this.#quietly(() => this.#wrapMarks(claims, segments));
    } else {
      this.#anchors = claims
        .map((claim) => {
          const range = rangeFor(segments, claim.spanUtf16[0], claim.spanUtf16[1]);
          const fig = claimFigure(claim);
          return range && { claim, range, figure: fig ? rangeFor(segments, fig[0], fig[1]) : null };
        })
        .filter(Boolean);
      this.#paint();
    }
    if (this.#open && !this.#anchors.some((a) => a.claim.id === this.#open)) this.#closeCard();
  }

  /** Registers the highlights: one per verdict (the filter's left out), the figures, the active claim. */
  #paint() {
    if (this.#useMarks()) {
      for (const a of this.#anchors) {
        const dim = this.#filter !== null && a.claim.verdict !== this.#filter;
        for (const mark of a.marks) {
          mark.classList.toggle('recoupe-dim', dim);
          mark.classList.toggle('recoupe-active', a.claim.id === this.#active);
        }
      }
      return;
    }
    const shown = this.#anchors.filter((a) => this.#filter === null || a.claim.verdict === this.#filter);
    const ranges = {};
    for (const verdict of VERDICTS) {
      ranges[`recoupe-${verdict}`] = shown.filter((a) => (a.claim.verdict ?? 'unverified') === verdict).map((a) => a.range);
    }
    ranges['recoupe-figure'] = shown.map((a) => a.figure).filter(Boolean);
    const active = this.#anchors.find((a) => a.claim.id === this.#active);
    ranges['recoupe-active'] = active ? [active.range] : [];
    paintShared(this, ranges);
  }

  /** The fallback: each claim's text wrapped in <mark>, node by node. */
  #wrapMarks(claims, segments) {
    const byNode = new Map();
    const anchors = [];
    for (const claim of claims) {
      const anchor = { claim, range: null, figure: null, marks: [] };
      anchors.push(anchor);
      const fig = claimFigure(claim);
      for (const piece of piecesOf(segments, claim.spanUtf16[0], claim.spanUtf16[1])) {
        if (!byNode.has(piece.node)) byNode.set(piece.node, []);
        const seg = segments.find((s) => s.node === piece.node);
        const figure = fig ? [Math.max(fig[0] - seg.start, piece.from), Math.min(fig[1] - seg.start, piece.to)] : null;
        byNode.get(piece.node).push({ ...piece, anchor, figure: figure && figure[0] < figure[1] ? figure : null });
      }
    }
    const lang = this.#lang();
    for (const [node, pieces] of byNode) {
      const data = node.data;
      const parts = [];
      let at = 0;
      for (const p of pieces.sort((a, b) => a.from - b.from)) {
        if (p.from > at) parts.push(data.slice(at, p.from));
        const mark = document.createElement('mark');
        mark.className = 'recoupe-claim';
        mark.dataset.verdict = p.anchor.claim.verdict ?? 'unverified';
        mark.dataset.recoupeClaim = p.anchor.claim.id;
        if (p.anchor.marks.length === 0) {
          // One stop per claim for the keyboard, on its first piece.
          mark.tabIndex = 0;
          mark.setAttribute('role', 'button');
          mark.setAttribute('aria-label', t(lang, 'claimLabel', { verdict: t(lang, `verdict.${mark.dataset.verdict}`), text: p.anchor.claim.text }));
        }
        if (p.figure) {
          const [fs, fe] = p.figure;
          if (fs > p.from) mark.append(data.slice(p.from, fs));
          mark.append(h('mark', { class: 'recoupe-figure' }, data.slice(fs, fe)));
          if (p.to > fe) mark.append(data.slice(fe, p.to));
        } else {
          mark.append(data.slice(p.from, p.to));
        }
        p.anchor.marks.push(mark);
        this.#marks.push(mark);
        parts.push(mark);
        at = p.to;
      }
      if (at < data.length) parts.push(data.slice(at));
      node.replaceWith(...parts);
    }
    this.#anchors = anchors.filter((a) => a.marks.length);
    this.#paint();
  }

  #unwrapMarks() {
    const parents = new Set();
    for (const mark of this.#marks) {
      if (!mark.isConnected || !mark.parentNode) continue;
      parents.add(mark.parentNode);
      mark.replaceWith(mark.textContent);
    }
    // Join the pieces back into the text nodes they were cut from.
    for (const parent of parents) parent.normalize();
    this.#marks = [];
  }

  // ---- the panel ------------------------------------------------------------------

  #renderPanel() {
    if (!this.#report) return;
    const lang = this.#lang();
    const claims = this.#anchors.map((a) => a.claim);
    this.#ui.live.textContent = renderSummary(this.#ui.summary, verdictCounts(claims), { lang, filter: this.#filter, report: this.#report });
    this.#renderTimelines(lang);
    this.#ui.listTitle.textContent = `${t(lang, 'widgetList')} (${claims.length})`;
    const items = claims
      .filter((c) => this.#filter === null || c.verdict === this.#filter)
      .map((claim) => {
        const fig = claimFigure(claim);
        const local = fig ? [fig[0] - claim.spanUtf16[0], fig[1] - claim.spanUtf16[0]] : null;
        const text = claim.text;
        const body = local
          ? [text.slice(0, local[0]), h('strong', {}, text.slice(...local)), text.slice(local[1])]
          : [text];
        const verdict = claim.verdict ?? 'unverified';
        return h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'claim', dataset: { claim: claim.id, verdict }, 'aria-haspopup': 'dialog' },
            h('span', { class: 'rc-icon', 'aria-hidden': 'true' }, VERDICT_ICONS[verdict]),
            h('span', { class: 'claim-text' }, body),
            h('span', { class: 'visually-hidden' }, ` (${t(lang, `verdict.${verdict}`)})`),
          ),
        );
      });
    this.#ui.list.replaceChildren(...items);
  }

  /** One timeline per measure with dated figures, folded under the claims. */
  #renderTimelines(lang) {
    const sources = new Map(this.#sources.map((s) => [s.id, s]));
    const words = new Map();
    for (const c of this.#report.claims ?? []) for (const q of c.quantities ?? []) if (q.measure && q.measureSurface && !words.has(q.measure)) words.set(q.measure, q.measureSurface);
    const figures = (this.#report.discrepancies ?? [])
      .map((d) => renderTimeline(d, { lang, sources, caption: words.get(d.measure) ?? d.measure, width: 360 }))
      .filter(Boolean);
    this.#ui.timelinesTitle.textContent = t(lang, 'timelines');
    this.#ui.timelineList.replaceChildren(...figures);
    this.#ui.timelines.hidden = figures.length === 0;
  }

  #onSummary(event) {
    const button = event.target.closest('button[data-verdict]');
    if (!button) return;
    const verdict = button.dataset.verdict;
    this.#filter = verdict === '' || verdict === this.#filter ? null : verdict;
    this.#paint();
    this.#renderPanel();
    this.#ui.summary.querySelector(`button[data-verdict="${this.#filter ?? ''}"]`)?.focus();
  }

  #onListKey(event) {
    const buttons = [...this.#ui.list.querySelectorAll('button[data-claim]')];
    const i = buttons.indexOf(event.target.closest('button[data-claim]'));
    if (i === -1) return;
    let next = null;
    if (event.key === 'j' || event.key === 'ArrowDown') next = buttons[Math.min(buttons.length - 1, i + 1)];
    else if (event.key === 'k' || event.key === 'ArrowUp') next = buttons[Math.max(0, i - 1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

  // ---- the active claim and its card -------------------------------------------

  #active = null;

  #setActive(id) {
    if (this.#active === id) return;
    this.#active = id;
    this.#paint();
  }

  #anchorRect(anchor) {
    if (anchor.range) return anchor.range.getBoundingClientRect();
    return anchor.marks[0]?.getBoundingClientRect() ?? null;
  }

  #openCard(id, { focus = false, scroll = false, from = null } = {}) {
    const anchor = this.#anchors.find((a) => a.claim.id === id);
    if (!anchor) return;
    const lang = this.#lang();
    const sources = new Map();
    for (const s of this.#report.sources ?? []) sources.set(s.id, s);
    for (const s of this.#sources) sources.set(s.id, { ...sources.get(s.id), title: s.title, url: s.url, date: s.date });
    this.#open = id;
    this.#returnFocus = from ?? this.#returnFocus;
    this.#setActive(id);
    this.#ui.card.replaceChildren(
      renderCard(anchor.claim, {
        lang,
        contentLang: this.#report.lang,
        sources,
        restatedBy: this.#restatedBy,
        titleId: 'recoupe-card-title',
      }),
    );
    if (scroll) {
      const target = anchor.range ? anchor.range.startContainer.parentElement : anchor.marks[0];
      target?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    if (!this.#ui.card.matches(':popover-open')) this.#ui.card.showPopover();
    this.#place();
    if (focus) this.#ui.card.querySelector('.rc-card-title')?.focus({ preventScroll: true });
  }

  #closeCard({ restoreFocus = false } = {}) {
    if (!this.#open) return;
    this.#open = null;
    if (this.#ui.card.matches(':popover-open')) this.#ui.card.hidePopover();
    this.#ui.card.replaceChildren();
    const back = this.#returnFocus;
    this.#returnFocus = null;
    this.#setActive(null);
    if (restoreFocus && back?.isConnected) back.focus();
  }

  #place() {
    this.#frame = 0;
    if (!this.#open) return;
    const anchor = this.#anchors.find((a) => a.claim.id === this.#open);
    const rect = anchor && this.#anchorRect(anchor);
    if (!rect) return;
    const card = this.#ui.card;
    const margin = 8;
    // Below the claim, else above it; when neither side has room for the
    // whole card, the roomier side with the card scrolling inside.
    card.style.maxHeight = '';
    const natural = card.getBoundingClientRect().height;
    const below = innerHeight - rect.bottom - 2 * margin;
    const above = rect.top - 2 * margin;
    let top;
    if (natural <= below) top = rect.bottom + margin;
    else if (natural <= above) top = rect.top - margin - natural;
    else if (Math.max(below, above) >= 160) {
      const room = Math.max(below, above);
      card.style.maxHeight = `${Math.floor(room)}px`;
      top = below >= above ? rect.bottom + margin : margin;
    } else {
      // Never over the claim it explains: the roomier side, however small.
      const room = Math.max(below, above, 48);
      card.style.maxHeight = `${Math.floor(room)}px`;
      top = below >= above ? rect.bottom + margin : Math.max(0, rect.top - margin - room);
    }
    const width = card.getBoundingClientRect().width;
    const left = Math.max(margin, Math.min(rect.left, innerWidth - width - margin));
    // CSSOM writes, not style attributes: a strict CSP allows them.
    card.style.left = `${Math.round(left)}px`;
    card.style.top = `${Math.round(top)}px`;
  }

  #onMove = () => {
    if (this.#open && !this.#frame) this.#frame = requestAnimationFrame(() => this.#place());
  };

  #onCardClick(event) {
    if (event.target.closest('.rc-close')) {
      this.#closeCard({ restoreFocus: true });
      return;
    }
    const link = event.target.closest('a[data-goto]');
    if (link) {
      // Never the page's own URL fragment: the widget is a guest.
      event.preventDefault();
      this.#openCard(link.dataset.goto, { focus: true, scroll: true });
    }
  }

  /** A click on the article's text opens the card of the claim under it. */
  #onDocumentClick = (event) => {
    if (!this.#article || this.#anchors.length === 0) return;
    const path = event.composedPath();
    if (path.includes(this) || path.includes(this.#ui.card)) return;
    if (!this.#article.contains(event.target)) {
      this.#closeCard();
      return;
    }
    const mark = event.target.closest?.('mark.recoupe-claim');
    if (mark) {
      this.#openCard(mark.dataset.recoupeClaim, { focus: true, from: mark });
      return;
    }
    if (event.target.closest('a, button, input, select, textarea, label')) return;
    if (!document.getSelection()?.isCollapsed) return; // selecting text, not clicking
    const { clientX: x, clientY: y } = event;
    const hit = this.#anchors.find(
      (a) => a.range && [...a.range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom),
    );
    if (hit) this.#openCard(hit.claim.id, { focus: true });
    else this.#closeCard();
  };

  #onDocumentKey = (event) => {
    if (event.key === 'Escape' && this.#open) {
      this.#closeCard({ restoreFocus: true });
      return;
    }
    // The fallback's marks are the page's own focusable elements.
    const mark = event.target.closest?.('mark.recoupe-claim');
    if (mark && this.#article?.contains(mark) && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      this.#openCard(mark.dataset.recoupeClaim, { focus: true, from: mark });
    }
  };
}

if (!customElements.get('recoupe-check')) customElements.define('recoupe-check', RecoupeCheck);

export { RecoupeCheck };
