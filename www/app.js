// The page: an article, the sources to check it against, and the article
// drawn with its claims highlighted by verdict. The core runs in worker.js
// (through checker-client.js); this file wires the page together.

import { CheckerClient } from './checker-client.js';
import {
  h,
  externalLink,
  renderArticle,
  renderCard,
  renderSummary,
  renderDiscrepancies,
  formatDate,
  download,
} from './render.js';
import { VERDICTS, t, pickLang, claimCount } from './i18n.js';
import { verdictCounts, restatements, parseCorpus, uniqueId, titleOf, claimReviews } from './report.js';
import { FORMATS, DocumentError, formatOf, acceptAttribute, looksBinary, readHtml, readPdf, pastedHtmlToText } from './documents.js';

const STORAGE_KEY = 'recoupe.page.v2';
const DEMO_ARTICLE_ID = '001_125bc9ff60828318';
const DEBOUNCE_MS = 300;
/** Work shorter than this shows no progress indicator (it would only flicker). */
const PROGRESS_DELAY_MS = 150;
/** localStorage holds about 5 MB per origin; past this, do not even try. */
const MAX_STORED_CHARS = 1_000_000;
/**
 * Laying out a text field holding megabytes blocks the page for seconds, so
 * past this size the field only shows the beginning of the article (read-only)
 * while the whole of it is checked.
 */
const LARGE_INPUT = 300_000;
const PREVIEW_CHARS = 20_000;

const $ = (id) => document.getElementById(id);
const ui = {
  labels: $('labels-lang'),
  form: $('check-form'),
  article: $('article'),
  articleDrop: $('article-drop'),
  articleFile: $('article-file'),
  clear: $('clear'),
  demo: $('demo'),
  largeNote: $('large-note'),
  largeInfo: $('large-info'),
  editAll: $('edit-all'),
  sourcesPanel: $('sources-panel'),
  sources: $('sources'),
  sourcesEmpty: $('sources-empty'),
  sourceCount: $('source-count'),
  sourcesNote: $('sources-note'),
  sourceFiles: $('source-files'),
  corpusFile: $('corpus-file'),
  sourceForm: $('source-form'),
  sourceTitle: $('source-title'),
  sourceUrl: $('source-url'),
  sourceText: $('source-text'),
  reading: $('reading'),
  readingLabel: $('reading-label'),
  readingBar: $('reading-bar'),
  readingCancel: $('reading-cancel'),
  status: $('status'),
  progress: $('progress'),
  toolbar: $('toolbar'),
  summary: $('summary'),
  summaryLive: $('summary-live'),
  tabs: [...document.querySelectorAll('[role="tab"]')],
  exportJson: $('export-json'),
  exportJsonLd: $('export-jsonld'),
  empty: $('empty'),
  output: $('output'),
  table: $('table-view'),
  card: $('card'),
  verdictNames: $('verdict-names'),
};

const state = {
  /** @type {{id: string, title: string, text: string, url: string|null, date: string|null, lang: string|null}[]} */
  sources: [],
  /** "auto" follows the article's language. */
  labels: 'auto',
};
/** The article when it is too large for the field; null otherwise. */
let largeText = null;
/** The report drawn on the page, and what goes with it. */
let shown = null; // {text, report, byId: Map, restatedBy: Map}
let filter = null;
let view = 'article';
/** The discrepancy tables are drawn when first shown, not with every check. */
let tableStale = true;
let openClaimId = null;
/** Source ids the core refused, with why. */
const sourceErrors = new Map();
let renamingId = null;
/** The publication date an opened web page or PDF states for the article; null otherwise. */
let articleDate = null;
let lastStatus = { key: '', vars: null, state: 'idle' };

// ---- labels ----------------------------------------------------------------

function uiLang() {
  return state.labels !== 'auto' ? state.labels : pickLang(shown?.report.lang, navigator.language);
}

const verdictNameId = (v) => `rc-verdict-name-${v}`;

function applyLabels() {
  const lang = uiLang();
  document.documentElement.lang = lang;
  document.title = t(lang, 'pageTitle');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(lang, el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(lang, el.dataset.i18nPlaceholder);
  for (const el of document.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(lang, el.dataset.i18nAriaLabel));
  // Claims name their verdict through these (aria-describedby), so a change
  // of language never has to touch every highlight.
  ui.verdictNames.replaceChildren(...VERDICTS.map((v) => h('span', { id: verdictNameId(v) }, t(lang, `verdict.${v}`))));
  showLargeInfo();
  renderSources();
  if (shown) {
    drawSummary();
    tableStale = true;
    if (view === 'table') drawTable();
    if (openClaimId) openCard(openClaimId);
  }
  setStatus(lastStatus.key, lastStatus.vars, lastStatus.state);
}

function setStatus(key, vars = null, stateName = 'idle') {
  lastStatus = { key, vars, state: stateName };
  ui.status.textContent = key ? t(uiLang(), key, vars) : '';
  ui.status.dataset.state = stateName;
}

// ---- the article field -----------------------------------------------------

function articleText() {
  return largeText ?? ui.article.value;
}

function showLargeInfo() {
  if (largeText === null) return;
  const lang = uiLang();
  ui.largeInfo.textContent = t(lang, 'largeInfo', {
    shown: ui.article.value.length.toLocaleString(lang),
    total: largeText.length.toLocaleString(lang),
  });
}

function setArticle(text) {
  if (text.length > LARGE_INPUT) {
    largeText = text;
    let cut = PREVIEW_CHARS;
    // Never end the preview on half of a surrogate pair.
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut++;
    ui.article.value = text.slice(0, cut);
    ui.article.readOnly = true;
    ui.largeNote.hidden = false;
    showLargeInfo();
  } else {
    largeText = null;
    ui.article.readOnly = false;
    ui.largeNote.hidden = true;
    ui.largeInfo.textContent = '';
    ui.article.value = text;
  }
}

// ---- checking ----------------------------------------------------------------

const client = new CheckerClient(() => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }), {
  onSourceError(id, error) {
    sourceErrors.set(id, error);
    const source = state.sources.find((s) => s.id === id);
    ui.sourcesNote.textContent = t(uiLang(), 'sourceFailed', { title: source?.title ?? id, error });
    renderSources();
  },
});

let runToken = 0;
let drawing = null;
let progressTimer = 0;

function setBusy(busy) {
  clearTimeout(progressTimer);
  if (busy) {
    ui.output.setAttribute('aria-busy', 'true');
    ui.status.dataset.state = 'busy';
    // Only work that lasts gets an indicator.
    progressTimer = setTimeout(() => {
      ui.progress.hidden = false;
      setStatus('checking', null, 'busy');
    }, PROGRESS_DELAY_MS);
  } else {
    ui.output.removeAttribute('aria-busy');
    ui.progress.hidden = true;
  }
}

function showEmpty() {
  shown = null;
  filter = null;
  closeCard();
  setBusy(false);
  ui.output.hidden = true;
  ui.output.replaceChildren();
  ui.table.hidden = true;
  ui.table.replaceChildren();
  tableStale = true;
  ui.toolbar.hidden = true;
  ui.empty.hidden = false;
  ui.summaryLive.textContent = '';
  setStatus('', null, 'idle');
}

async function run() {
  const token = ++runToken;
  drawing?.abort();
  drawing = null;
  const text = articleText();
  if (text.trim() === '') {
    showEmpty();
    return;
  }
  const started = performance.now();
  setBusy(true);
  let result;
  try {
    result = await client.check(text, state.sources, articleDate);
  } catch (err) {
    if (token !== runToken) return;
    setBusy(false);
    setStatus('checkFailed', { error: err.message }, 'error');
    return;
  }
  // Null: a newer check was asked for, and will draw instead.
  if (!result || token !== runToken) return;
  await draw(text, result, started, token);
}

async function draw(text, { report, ms }, started, token) {
  const before = uiLang();
  const byId = new Map(report.claims.map((c) => [c.id, c]));
  shown = { text, report, byId, restatedBy: restatements(report.claims) };
  if (uiLang() !== before) applyLabels();
  // Dates read in the sources' texts show in the list (not while one is edited).
  else if (renamingId === null) renderSources();
  const lang = uiLang();

  const controller = new AbortController();
  drawing = controller;
  ui.empty.hidden = true;
  ui.toolbar.hidden = false;
  setView(view);
  const { claims, complete } = await renderArticle(ui.output, text, report.claims, {
    lang: report.lang,
    signal: controller.signal,
    describedBy: verdictNameId,
  });
  if (!complete || token !== runToken) return;
  drawing = null;
  applyFilter();
  drawSummary();
  tableStale = true;
  if (view === 'table') drawTable();
  if (openClaimId && byId.has(openClaimId)) openCard(openClaimId);
  else closeCard();
  setBusy(false);
  setStatus('statusDone', { claims: claimCount(lang, claims), ms: Math.max(1, Math.round(ms)) }, claims ? 'done' : 'none');
  // For measurements (scripts/bench-page.mjs): from asking to drawn.
  dispatchEvent(new CustomEvent('recoupe:drawn', { detail: { ms: performance.now() - started, coreMs: ms, claims } }));
}

let debounceTimer = 0;
function scheduleRun() {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(() => {
    save();
    run();
  }, DEBOUNCE_MS);
}

function runNow() {
  clearTimeout(debounceTimer);
  save();
  run();
}

// ---- summary, filter, views ---------------------------------------------------

function drawSummary() {
  const sentence = renderSummary(ui.summary, verdictCounts(shown.report.claims), { lang: uiLang(), filter, report: shown.report });
  ui.summaryLive.textContent = sentence;
}

function applyFilter() {
  ui.output.dataset.filter = filter ?? '';
  for (const mark of ui.output.querySelectorAll('mark.rc-claim')) {
    const dim = filter !== null && mark.dataset.verdict !== filter;
    mark.classList.toggle('rc-dim', dim);
    // Claims filtered out leave the tab order too.
    mark.tabIndex = dim ? -1 : 0;
  }
}

function drawTable() {
  if (!shown || !tableStale) return;
  tableStale = false;
  renderDiscrepancies(ui.table, shown.report, { lang: uiLang(), sources: sourceMeta() });
}

function setView(name) {
  // The card explains marks in the article; over another view it would only hide it.
  if (name !== 'article' && openClaimId) closeCard();
  view = name;
  if (name === 'table') drawTable();
  for (const tab of ui.tabs) {
    const selected = tab.dataset.view === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
  ui.output.hidden = name !== 'article';
  ui.table.hidden = name !== 'table';
}

// ---- the evidence card --------------------------------------------------------

/** What the card and the table show of each source: the page's own list first. */
function sourceMeta() {
  const map = new Map();
  for (const s of shown?.report.sources ?? []) map.set(s.id, { ...s });
  // A date the reader gave wins; else the one the checker read in the text.
  for (const s of state.sources) map.set(s.id, { ...map.get(s.id), title: s.title, url: s.url, date: s.date ?? map.get(s.id)?.date ?? null, pages: s.pages ?? null });
  return map;
}

function markOf(id) {
  return document.getElementById(`rc-claim-${id}`);
}

function openCard(id, { focus = false } = {}) {
  const claim = shown?.byId.get(id);
  if (!claim) return;
  if (openClaimId && openClaimId !== id) markOf(openClaimId)?.classList.remove('rc-active');
  openClaimId = id;
  ui.card.replaceChildren(
    renderCard(claim, {
      lang: uiLang(),
      contentLang: shown.report.lang,
      sources: sourceMeta(),
      restatedBy: shown.restatedBy,
      titleId: 'card-title',
    }),
  );
  ui.card.hidden = false;
  const mark = markOf(id);
  mark?.classList.add('rc-active');
  // The card takes room from the article: keep the claim it explains in view.
  mark?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  if (focus) ui.card.querySelector('.rc-card-title')?.focus();
}

function closeCard({ restoreFocus = false } = {}) {
  const id = openClaimId;
  openClaimId = null;
  ui.card.hidden = true;
  ui.card.replaceChildren();
  if (!id) return;
  const mark = markOf(id);
  mark?.classList.remove('rc-active');
  if (restoreFocus) mark?.focus();
}

function gotoClaim(id, { openIt = true } = {}) {
  const mark = markOf(id);
  if (!mark) return;
  if (view !== 'article') setView('article');
  mark.focus({ preventScroll: true });
  mark.scrollIntoView({ block: 'nearest' });
  if (openIt) openCard(id);
}

/** j / k: the next or previous claim left by the filter. */
function step(direction) {
  if (!shown) return;
  if (view !== 'article') setView('article');
  const marks = [...ui.output.querySelectorAll('mark.rc-claim:not(.rc-dim)')];
  if (marks.length === 0) return;
  const focused = document.activeElement?.closest?.('mark.rc-claim');
  const ref = focused ?? (openClaimId ? markOf(openClaimId) : null);
  let index = ref ? marks.indexOf(ref) : -1;
  if (index === -1 && ref) {
    // A claim hidden by the filter: continue from where it is.
    index = marks.findIndex((m) => ref.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (index === -1) index = marks.length;
    if (direction > 0) index--;
  }
  const next = index === -1 ? (direction > 0 ? 0 : marks.length - 1) : Math.min(marks.length - 1, Math.max(0, index + direction));
  marks[next].focus({ preventScroll: true });
  marks[next].scrollIntoView({ block: 'nearest' });
}

function isEditable(el) {
  return el instanceof Element && (el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null);
}

// ---- sources ----------------------------------------------------------------

function wordCount(text) {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n++;
  return n;
}

function renderSources() {
  const lang = uiLang();
  // Dates the checker read in a source's own text (a dateline, a byline).
  const readDates = new Map((shown?.report.sources ?? []).filter((s) => s.date).map((s) => [s.id, s.date]));
  const items = state.sources.map((source) => {
    const editing = renamingId === source.id;
    const title = editing
      ? h(
          'div',
          { class: 'source-edit', dataset: { editing: source.id } },
          h('input', {
            type: 'text',
            class: 'text-input source-rename',
            'aria-label': t(lang, 'newTitle'),
            dataset: { renaming: source.id },
          }),
          h('input', {
            type: 'date',
            class: 'text-input source-redate',
            'aria-label': t(lang, 'newDate'),
            dataset: { redating: source.id },
          }),
        )
      : h('p', { class: 'source-title' }, source.title);
    if (editing) {
      title.querySelector('[data-renaming]').value = source.title;
      title.querySelector('[data-redating]').value = source.date && /^\d{4}-\d{2}-\d{2}$/.test(source.date) ? source.date : '';
    }
    const meta = [t(lang, 'words', { n: wordCount(source.text).toLocaleString(lang) })];
    if (source.pages?.length) meta.push(t(lang, 'pagesCount', { n: source.pages.length.toLocaleString(lang) }));
    if (source.date) meta.push(formatDate(source.date, lang));
    else if (readDates.has(source.id)) meta.push(`${formatDate(readDates.get(source.id), lang)} (${t(lang, 'dateFromText')})`);
    if (source.lang) meta.push(source.lang.toUpperCase());
    const link = externalLink(source.url, null, { class: 'source-link' });
    if (link) link.textContent = link.hostname.replace(/^www\./, '');
    const error = sourceErrors.get(source.id);
    return h(
      'li',
      { class: error ? 'source source-error' : 'source', dataset: { id: source.id } },
      h(
        'div',
        { class: 'source-body' },
        title,
        h('p', { class: 'source-meta' }, meta.join(' · '), link ? [' · ', link] : null),
        error ? h('p', { class: 'source-problem' }, error) : null,
      ),
      h(
        'div',
        { class: 'source-actions' },
        h('button', {
          type: 'button',
          class: 'button button-icon',
          dataset: { action: 'rename', id: source.id },
          'aria-label': t(lang, 'editSource', { title: source.title }),
          title: t(lang, 'rename'),
        }, '✎'),
        h('button', {
          type: 'button',
          class: 'button button-icon button-remove',
          dataset: { action: 'remove', id: source.id },
          'aria-label': t(lang, 'removeSource', { title: source.title }),
          title: t(lang, 'remove'),
        }, '×'),
      ),
    );
  });
  ui.sources.replaceChildren(...items);
  ui.sourcesEmpty.hidden = state.sources.length > 0;
  ui.sourceCount.textContent = state.sources.length ? `(${state.sources.length})` : '';
  const input = ui.sources.querySelector('input[data-renaming]');
  if (input) {
    input.focus();
    input.select();
  }
}

function sourcesChanged() {
  renderSources();
  scheduleRun();
}

function addSources(list) {
  state.sources.push(...list);
  sourcesChanged();
}

function takenIds() {
  return new Set(state.sources.map((s) => s.id));
}

function commitRename(id, value, { keep = true, date } = {}) {
  if (renamingId !== id) return;
  renamingId = null;
  const source = state.sources.find((s) => s.id === id);
  const title = value.trim();
  let changed = false;
  if (source && keep && title && title !== source.title) {
    source.title = title.slice(0, 300);
    changed = true;
  }
  // An emptied date field means the date is unknown; the field only holds
  // valid dates (YYYY-MM-DD) or nothing.
  if (source && keep && date !== undefined && (date || null) !== (source.date ?? null)) {
    source.date = date || null;
    changed = true;
  }
  if (changed) sourcesChanged();
  else renderSources();
  ui.sources.querySelector(`[data-action="rename"][data-id="${CSS.escape(id)}"]`)?.focus();
}

/** Commits the edit of the source whose fields hold `el`. */
function commitEdit(el, opts = {}) {
  const group = el.closest('[data-editing]');
  if (!group) return;
  const id = group.dataset.editing;
  commitRename(id, group.querySelector('[data-renaming]').value, { ...opts, date: group.querySelector('[data-redating]').value });
}

/** The readers a file input offers: formats.json decides. */
const DOCUMENT_READERS = ['text', 'markdown', 'html', 'pdf'];

/** A markdown document's title: its first `# ` heading. */
const markdownTitle = (text) => /^#{1,2}[ \t]+(.+?)[ \t#]*$/m.exec(text)?.[1]?.trim().slice(0, 300) || null;

/**
 * The text of one file and what it says of itself (title, date, address,
 * language, page offsets), by the reader formats.json names for it.
 * Throws a DocumentError the page explains.
 */
async function readDocument(file, { signal, onProgress, corpus = false } = {}) {
  const format = corpus ? { accepted: FORMATS.accepted.find((f) => f.reader === 'corpus'), ext: 'json' } : formatOf(file);
  if (format.refused) {
    throw new DocumentError('refused-type', { name: file.name, ext: format.ext, type: format.refused.name, hint: format.refused.hint });
  }
  if (!format.accepted) throw new DocumentError('unknown-type', { name: file.name, ext: format.ext });
  const { reader, maxBytes } = format.accepted;
  if (file.size === 0) throw new DocumentError('empty', { name: file.name });
  if (file.size > maxBytes) throw new DocumentError('too-large', { name: file.name, size: file.size, max: maxBytes });
  if (reader === 'pdf') {
    let data;
    try {
      data = await file.arrayBuffer();
    } catch {
      throw new DocumentError('unreadable', { name: file.name });
    }
    return { reader, ...(await readPdf(data, { signal, onProgress })) };
  }
  let text;
  try {
    text = await file.text();
  } catch {
    throw new DocumentError('unreadable', { name: file.name });
  }
  if (looksBinary(text)) throw new DocumentError('binary', { name: file.name, type: format.accepted.name });
  if (text.trim() === '') throw new DocumentError('empty', { name: file.name });
  if (reader === 'corpus') return { reader, text };
  if (reader === 'html') {
    const page = await readHtml(text);
    if (!page.text.trim()) throw new DocumentError('empty', { name: file.name });
    return { reader, ...page };
  }
  return { reader, text, title: reader === 'markdown' ? markdownTitle(text) : null, date: null, url: null, lang: null };
}

/** A file's problem as a sentence. */
function documentProblem(err, file, lang) {
  const { key, vars } = problemOf(err, file, lang);
  return t(lang, key, vars);
}

/** A file's problem as an i18n key and its variables. */
function problemOf(err, file, lang) {
  if (!(err instanceof DocumentError)) return { key: 'unreadable', vars: { name: file.name } };
  const d = err.detail ?? {};
  const mb = (n) => (n / 1e6).toLocaleString(lang, { maximumFractionDigits: 1 });
  const vars = {
    name: file.name,
    ext: d.ext ? `.${d.ext}` : t(lang, 'noExtension'),
    type: d.type?.[lang] ?? d.type?.en ?? '',
    hint: d.hint?.[lang] ?? d.hint?.en ?? '',
    size: mb(d.size ?? 0),
    max: mb(d.max ?? 0),
    accepted: FORMATS.accepted
      .filter((f) => f.where.includes('page'))
      .flatMap((f) => f.extensions.slice(0, 2).map((e) => `.${e}`))
      .join(', '),
  };
  const key = {
    'refused-type': 'refusedType',
    'unknown-type': 'unknownType',
    empty: 'emptyFile',
    'too-large': 'tooLarge',
    binary: 'binaryFile',
    'pdf-password': 'pdfPassword',
    'pdf-damaged': 'pdfDamaged',
    'pdf-no-text': 'pdfNoText',
    'reader-missing': 'readerMissing',
    aborted: 'readingCancelled',
  }[err.code] ?? 'unreadable';
  return { key, vars };
}

/** Files wait their turn: a PDF being read keeps the next drop queued, not lost. */
let readingQueue = Promise.resolve();
let readingAbort = null;

function readFiles(files, { corpus }) {
  readingQueue = readingQueue.then(() => readBatch(files, { corpus })).catch(() => {});
  return readingQueue;
}

function showReading(name, page, pages) {
  const lang = uiLang();
  ui.reading.hidden = false;
  ui.readingLabel.textContent = pages ? t(lang, 'readingPages', { name, page, pages }) : t(lang, 'readingFile', { name });
  if (pages) {
    ui.readingBar.max = pages;
    ui.readingBar.value = page;
  } else {
    ui.readingBar.removeAttribute('value');
  }
}

async function readBatch(files, { corpus }) {
  const lang = uiLang();
  const problems = [];
  let loaded = 0;
  const controller = new AbortController();
  readingAbort = controller;
  try {
    for (const file of files) {
      if (controller.signal.aborted) break;
      // Only slow readers show progress: text files are read at once.
      const slow = !corpus && formatOf(file).accepted?.reader === 'pdf';
      if (slow) showReading(file.name, 0, 0);
      let doc;
      try {
        doc = await readDocument(file, {
          corpus,
          signal: controller.signal,
          onProgress: (page, pages) => showReading(file.name, page, pages),
        });
      } catch (err) {
        problems.push(documentProblem(err, file, lang));
        continue;
      }
      const taken = takenIds();
      let added;
      if (doc.reader === 'corpus') {
        try {
          added = parseCorpus(JSON.parse(doc.text), taken);
        } catch {
          problems.push(t(lang, 'notCorpus', { name: file.name }));
          continue;
        }
      } else {
        const base = file.name.replace(/\.[^.]*$/, '') || 'source';
        const source = { id: uniqueId(base, taken), title: doc.title || titleOf(doc.text, file.name), text: doc.text, url: doc.url ?? null, date: doc.date ?? null, lang: doc.lang ?? null };
        if (doc.pages) source.pages = doc.pages;
        added = [source];
      }
      // Each file's sources as soon as it is read: a later failure or a
      // cancel loses none of them.
      if (added.length) {
        loaded += added.length;
        addSources(added);
      }
    }
  } finally {
    readingAbort = null;
    ui.reading.hidden = true;
  }
  if (controller.signal.aborted) problems.push(t(lang, 'readingCancelled', { n: loaded }));
  ui.sourcesNote.textContent = [loaded ? t(lang, 'loaded', { n: loaded }) : '', ...problems].filter(Boolean).join(' · ');
}

// ---- persistence and the demo ---------------------------------------------------

function save() {
  const article = articleText();
  const data = {
    article: article.length <= MAX_STORED_CHARS ? article : '',
    sources: state.sources.filter((s) => s.text.length <= MAX_STORED_CHARS),
    labels: state.labels,
  };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(data));
  } catch {
    // Storage full or disabled (private mode): the page works without it.
  }
}

function load() {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw === null) return null;
    const data = JSON.parse(raw);
    if (typeof data?.article !== 'string' || !Array.isArray(data.sources)) return null;
    const sources = parseCorpus(data.sources).map((s) => ({ ...s, title: s.title ?? titleOf(s.text, s.id) }));
    const labels = ['auto', 'fr', 'en'].includes(data.labels) ? data.labels : 'auto';
    return { article: data.article, sources, labels };
  } catch {
    return null;
  }
}

/** Bumped by any edit, so that a slow demo download never overwrites the reader's text. */
let demoToken = 0;

async function loadDemo() {
  const token = ++demoToken;
  let corpus;
  try {
    const response = await fetch(new URL('./demo/corpus.json', import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    corpus = parseCorpus(await response.json());
  } catch {
    return false;
  }
  if (token !== demoToken) return false;
  const article = corpus.find((d) => d.id === DEMO_ARTICLE_ID) ?? corpus[0];
  if (!article) return false;
  articleDate = null;
  setArticle(article.text);
  state.sources = corpus.filter((d) => d !== article).map((s) => ({ ...s, title: s.title ?? titleOf(s.text, s.id) }));
  sourceErrors.clear();
  renderSources();
  runNow();
  return true;
}

// ---- events ----------------------------------------------------------------------

ui.labels.addEventListener('change', () => {
  state.labels = ui.labels.value;
  applyLabels();
  save();
});

ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  runNow();
});
ui.article.addEventListener('input', () => {
  demoToken++;
  // Another article: the opened file's date no longer applies.
  if (ui.article.value.trim() === '') articleDate = null;
  scheduleRun();
});
// A paste that would make the field too large is taken over: the text is
// kept aside and only its beginning shown (see LARGE_INPUT).
// Rich text from a web page comes in as the clean text a reader sees
// (documents.js): no hidden elements, no menus, one paragraph per block.
ui.article.addEventListener('paste', (event) => {
  if (largeText !== null) return;
  const rich = pastedHtmlToText(event.clipboardData?.getData('text/html'));
  const pasted = rich ?? event.clipboardData?.getData('text/plain');
  if (!pasted) return;
  const { value, selectionStart, selectionEnd } = ui.article;
  if (selectionStart === 0 && selectionEnd === value.length) articleDate = null;
  if (value.length - (selectionEnd - selectionStart) + pasted.length <= LARGE_INPUT) {
    if (rich !== null) {
      event.preventDefault();
      insertText(ui.article, rich);
    }
    return;
  }
  event.preventDefault();
  demoToken++;
  setArticle(value.slice(0, selectionStart) + pasted + value.slice(selectionEnd));
  runNow();
});
ui.sourceText.addEventListener('paste', (event) => {
  const rich = pastedHtmlToText(event.clipboardData?.getData('text/html'));
  if (rich === null) return;
  event.preventDefault();
  insertText(ui.sourceText, rich);
});

/** Types `text` over a field's selection, as a paste would (undo included where supported). */
function insertText(field, text) {
  field.focus();
  // execCommand keeps the field's undo history; setRangeText is the fallback.
  if (!document.execCommand?.('insertText', false, text)) {
    field.setRangeText(text, field.selectionStart, field.selectionEnd, 'end');
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

ui.readingCancel.addEventListener('click', () => readingAbort?.abort());

ui.editAll.addEventListener('click', () => {
  // The reader asked for it: accept the slow field.
  const text = largeText ?? ui.article.value;
  largeText = null;
  setArticle('');
  ui.article.value = text;
  ui.article.focus();
});
ui.article.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    runNow();
  }
});

async function openArticleFile(file) {
  if (!file) return;
  const lang = uiLang();
  const slow = formatOf(file).accepted?.reader === 'pdf';
  const controller = new AbortController();
  if (slow) {
    readingAbort = controller;
    showReading(file.name, 0, 0);
  }
  try {
    const doc = await readDocument(file, { signal: controller.signal, onProgress: (page, pages) => showReading(file.name, page, pages) });
    if (doc.reader === 'corpus') {
      setStatus('articleNotCorpus', { name: file.name }, 'error');
      return;
    }
    demoToken++;
    articleDate = doc.date ?? null;
    setArticle(doc.text);
    runNow();
  } catch (err) {
    const { key, vars } = problemOf(err, file, lang);
    setStatus(key, vars, 'error');
  } finally {
    if (slow) {
      readingAbort = null;
      ui.reading.hidden = true;
    }
  }
}
ui.articleFile.addEventListener('change', () => {
  openArticleFile(ui.articleFile.files[0]);
  ui.articleFile.value = '';
});

/** Dropped files: the article takes a text file, the sources panel any number. */
function dropZone(zone, onFiles) {
  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  zone.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    zone.classList.add('drop-target');
  });
  zone.addEventListener('dragleave', (event) => {
    if (!zone.contains(event.relatedTarget)) zone.classList.remove('drop-target');
  });
  zone.addEventListener('drop', (event) => {
    zone.classList.remove('drop-target');
    if (!hasFiles(event)) return;
    event.preventDefault();
    onFiles([...event.dataTransfer.files]);
  });
}
dropZone(ui.articleDrop, (files) => openArticleFile(files[0]));
dropZone(ui.sourcesPanel, (files) => {
  demoToken++;
  readFiles(files, { corpus: false });
});

ui.clear.addEventListener('click', () => {
  demoToken++;
  clearTimeout(debounceTimer);
  articleDate = null;
  setArticle('');
  state.sources = [];
  sourceErrors.clear();
  renamingId = null;
  ui.sourcesNote.textContent = '';
  renderSources();
  runNow();
  ui.article.focus();
});
ui.demo.addEventListener('click', () => {
  loadDemo();
});

ui.sourceForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = ui.sourceText.value;
  if (text.trim() === '') {
    ui.sourceText.focus();
    return;
  }
  demoToken++;
  const id = uniqueId(`s${state.sources.length + 1}`, takenIds());
  const url = ui.sourceUrl.value.trim();
  addSources([{ id, title: ui.sourceTitle.value.trim() || titleOf(text, t(uiLang(), 'untitled')), text, url: url || null, date: null, lang: null }]);
  ui.sourceTitle.value = '';
  ui.sourceUrl.value = '';
  ui.sourceText.value = '';
});
ui.sourceFiles.addEventListener('change', async () => {
  demoToken++;
  await readFiles([...ui.sourceFiles.files], { corpus: false });
  ui.sourceFiles.value = '';
});
ui.corpusFile.addEventListener('change', async () => {
  demoToken++;
  await readFiles([...ui.corpusFile.files], { corpus: true });
  ui.corpusFile.value = '';
});

ui.sources.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const id = button.dataset.id;
  if (button.dataset.action === 'remove') {
    const index = state.sources.findIndex((s) => s.id === id);
    if (index === -1) return;
    state.sources.splice(index, 1);
    sourceErrors.delete(id);
    demoToken++;
    sourcesChanged();
    // Keep the keyboard where it was: the next source's button, else the form.
    const buttons = ui.sources.querySelectorAll('button[data-action="remove"]');
    (buttons[Math.min(index, buttons.length - 1)] ?? ui.sourceFiles).focus();
  } else if (button.dataset.action === 'rename') {
    renamingId = id;
    renderSources();
  }
});
ui.sources.addEventListener('keydown', (event) => {
  const input = event.target.closest('input[data-renaming], input[data-redating]');
  if (!input) return;
  if (event.key === 'Enter') {
    event.preventDefault();
    commitEdit(input);
  } else if (event.key === 'Escape') {
    event.preventDefault();
    commitEdit(input, { keep: false });
  }
});
ui.sources.addEventListener('focusout', (event) => {
  const group = event.target.closest?.('[data-editing]');
  // Moving between the title and the date keeps the edit open.
  if (group && !group.contains(event.relatedTarget)) commitEdit(event.target);
});

ui.summary.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-verdict]');
  if (!button || !shown) return;
  const verdict = button.dataset.verdict;
  filter = verdict === '' || verdict === filter ? null : verdict;
  applyFilter();
  drawSummary();
  ui.summary.querySelector(`button[data-verdict="${filter ?? ''}"]`)?.focus();
  if (openClaimId && filter && shown.byId.get(openClaimId)?.verdict !== filter) closeCard();
});

for (const tab of ui.tabs) {
  tab.addEventListener('click', () => setView(tab.dataset.view));
  tab.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const i = ui.tabs.indexOf(tab);
    const next = ui.tabs[(i + (event.key === 'ArrowRight' ? 1 : ui.tabs.length - 1)) % ui.tabs.length];
    setView(next.dataset.view);
    next.focus();
  });
}

ui.exportJson.addEventListener('click', () => {
  if (shown) download('recoupe-report.json', shown.report);
});
ui.exportJsonLd.addEventListener('click', () => {
  if (shown) download('recoupe-claimreview.jsonld', claimReviews(shown.report, { sources: state.sources }), 'application/ld+json');
});

ui.output.addEventListener('click', (event) => {
  const mark = event.target.closest('mark.rc-claim');
  if (mark) openCard(mark.dataset.claim);
});
ui.output.addEventListener('keydown', (event) => {
  const mark = event.target.closest('mark.rc-claim');
  if (!mark || (event.key !== 'Enter' && event.key !== ' ')) return;
  event.preventDefault();
  openCard(mark.dataset.claim, { focus: true });
});
ui.card.addEventListener('click', (event) => {
  if (event.target.closest('.rc-close')) {
    closeCard({ restoreFocus: true });
    return;
  }
  const link = event.target.closest('a[data-goto]');
  if (link) {
    event.preventDefault();
    gotoClaim(link.dataset.goto);
  }
});
document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === 'Escape' && openClaimId) {
    closeCard({ restoreFocus: true });
    return;
  }
  if (isEditable(event.target)) return;
  if (event.key === 'j' || event.key === 'k') {
    event.preventDefault();
    step(event.key === 'j' ? 1 : -1);
  }
});

// ---- start -------------------------------------------------------------------------

// The file inputs accept what formats.json says the page reads.
ui.sourceFiles.accept = acceptAttribute(DOCUMENT_READERS);
ui.articleFile.accept = acceptAttribute(DOCUMENT_READERS);

// The core loads at once: the page then keeps working offline.
client.warm();
const saved = load();
if (saved) {
  state.sources = saved.sources;
  state.labels = saved.labels;
  ui.labels.value = saved.labels;
  setArticle(saved.article);
  applyLabels();
  run();
} else {
  applyLabels();
  showEmpty();
  // First visit: show what the page does with a real article.
  loadDemo();
}
