// The demo page: an article to check, its figures highlighted, and the
// sources to compare it with. The core runs in worker.js; this file only
// wires the page together.

import { renderArticle, attachTooltip, renderClaims } from './render.js';

const STORAGE_KEY = 'recoupe.page.v1';
const DEMO_ARTICLE_ID = '001_125bc9ff60828318';
const DEBOUNCE_MS = 300;
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
  form: $('check-form'),
  article: $('article'),
  clear: $('clear'),
  demo: $('demo'),
  status: $('status'),
  empty: $('empty'),
  output: $('output'),
  tooltip: $('tooltip'),
  claimsSection: $('claims-section'),
  claims: $('claims'),
  sources: $('sources'),
  sourcesEmpty: $('sources-empty'),
  sourceCount: $('source-count'),
  sourceForm: $('source-form'),
  sourceTitle: $('source-title'),
  sourceText: $('source-text'),
  largeNote: $('large-note'),
  largeInfo: $('large-info'),
  editAll: $('edit-all'),
};

let sources = [];
/** The article when it is too large for the field; null otherwise. */
let largeText = null;

function articleText() {
  return largeText ?? ui.article.value;
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
    ui.largeInfo.textContent =
      `A long text: the field shows its first ${cut.toLocaleString('en')} of ` +
      `${text.length.toLocaleString('en')} characters; all of it is checked.`;
    ui.largeNote.hidden = false;
  } else {
    largeText = null;
    ui.article.readOnly = false;
    ui.largeNote.hidden = true;
    ui.largeInfo.textContent = '';
    ui.article.value = text;
  }
}

// ---- status ---------------------------------------------------------------

function setStatus(text, state = 'idle') {
  ui.status.textContent = text;
  ui.status.dataset.state = state;
}

function showEmpty() {
  ui.output.hidden = true;
  ui.output.replaceChildren();
  ui.claimsSection.hidden = true;
  ui.claims.replaceChildren();
  ui.empty.hidden = false;
  ui.output.removeAttribute('aria-busy');
  setStatus('');
}

// ---- the checker in its worker ---------------------------------------------

let worker = null;
let busy = false;
/** The latest check asked for; older answers are dropped. */
let latest = { id: 0, text: '' };
/** Text waiting for the worker to finish its current job. */
let queued = null;
let drawing = null;

function startWorker() {
  const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  w.addEventListener('message', (event) => onWorkerMessage(event.data));
  w.addEventListener('error', (event) => {
    event.preventDefault();
    failWorker(event.message || 'the checker could not be loaded');
  });
  return w;
}

function failWorker(message) {
  worker?.terminate();
  worker = null;
  busy = false;
  queued = null;
  ui.output.removeAttribute('aria-busy');
  setStatus(`The checker could not start: ${message}`, 'error');
}

function send(job) {
  worker ??= startWorker();
  busy = true;
  worker.postMessage(job);
}

function requestCheck() {
  const text = articleText();
  const id = latest.id + 1;
  latest = { id, text };
  drawing?.abort();
  drawing = null;
  if (text.trim() === '') {
    queued = null;
    showEmpty();
    return;
  }
  setStatus('Checking…', 'busy');
  ui.output.setAttribute('aria-busy', 'true');
  if (busy) queued = { id, text };
  else send({ id, text });
}

async function onWorkerMessage(data) {
  if (data?.type === 'fatal') {
    failWorker(data.error);
    return;
  }
  busy = false;
  if (!data.ok) {
    // A core that failed (a trap, say) may be left in a bad state: the next
    // check gets a fresh one.
    worker?.terminate();
    worker = null;
  }
  if (queued) {
    const job = queued;
    queued = null;
    send(job);
  }
  if (data.id !== latest.id) return; // the text changed meanwhile
  if (!data.ok) {
    ui.output.removeAttribute('aria-busy');
    setStatus(`Could not check this text: ${data.error}`, 'error');
    return;
  }
  await show(latest.text, data);
}

async function show(text, result) {
  const controller = new AbortController();
  drawing = controller;
  ui.empty.hidden = true;
  ui.output.hidden = false;
  const { marks, complete } = await renderArticle(ui.output, text, result.quantities, {
    lang: result.lang,
    signal: controller.signal,
  });
  if (!complete || controller.signal.aborted) return;
  drawing = null;

  const claimCount = Array.isArray(result.claims)
    ? renderClaims(ui.claims, result.claims, { lang: result.lang })
    : 0;
  ui.claimsSection.hidden = claimCount === 0;

  ui.output.removeAttribute('aria-busy');
  const language = { fr: 'French', en: 'English' }[result.lang] ?? result.lang;
  const figures = marks === 0 ? 'no figures found' : marks === 1 ? '1 figure' : `${marks.toLocaleString('en')} figures`;
  setStatus(`${figures} · ${language} text · ${Math.max(1, Math.round(result.ms))} ms`, marks ? 'done' : 'none');
}

let debounceTimer = 0;
function scheduleCheck() {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(() => {
    requestCheck();
    save();
  }, DEBOUNCE_MS);
}

function checkNow() {
  clearTimeout(debounceTimer);
  requestCheck();
  save();
}

// ---- sources ---------------------------------------------------------------

let nextSourceId = 1;

function makeSource({ title, text, url = null, date = null, id = null }) {
  const fallback = text.trim().split('\n', 1)[0].trim();
  return {
    id: id ?? `s${Date.now().toString(36)}-${nextSourceId++}`,
    title: (title || fallback || 'Untitled source').slice(0, 200),
    text,
    url,
    date,
  };
}

function safeHttpUrl(value) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function renderSources() {
  ui.sources.replaceChildren();
  for (const source of sources) {
    const item = document.createElement('li');
    item.className = 'source';
    const body = document.createElement('div');
    body.className = 'source-body';
    const title = document.createElement('p');
    title.className = 'source-title';
    title.textContent = source.title;
    const meta = document.createElement('p');
    meta.className = 'source-meta';
    const words = source.text.trim().split(/\s+/).filter(Boolean).length;
    const bits = [`${words.toLocaleString('en')} words`];
    if (source.date) bits.push(source.date);
    meta.textContent = bits.join(' · ');
    const url = safeHttpUrl(source.url);
    if (url) {
      const link = document.createElement('a');
      link.href = url.href;
      link.textContent = url.hostname.replace(/^www\./, '');
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      meta.append(' · ', link);
    }
    body.append(title, meta);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'button button-icon';
    remove.textContent = '×';
    remove.setAttribute('aria-label', `Remove source: ${source.title}`);
    remove.title = 'Remove';
    remove.addEventListener('click', () => {
      sources = sources.filter((s) => s !== source);
      renderSources();
      save();
      ui.sourceText.focus();
    });
    item.append(body, remove);
    ui.sources.append(item);
  }
  ui.sourcesEmpty.hidden = sources.length > 0;
  ui.sourceCount.textContent = sources.length ? `(${sources.length})` : '';
}

// ---- persistence and the demo ----------------------------------------------

function save() {
  const article = articleText();
  const state = {
    article: article.length <= MAX_STORED_CHARS ? article : '',
    sources: sources.filter((s) => s.text.length <= MAX_STORED_CHARS),
  };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Storage full or disabled (private mode): the page works without it.
  }
}

function load() {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw === null) return null;
    const state = JSON.parse(raw);
    if (typeof state?.article !== 'string' || !Array.isArray(state.sources)) return null;
    return {
      article: state.article,
      sources: state.sources
        .filter((s) => s && typeof s.text === 'string')
        .map((s) => makeSource(s)),
    };
  } catch {
    return null;
  }
}

/** Bumped by any edit, so a slow demo download never overwrites the reader's text. */
let demoToken = 0;

async function loadDemo() {
  const token = ++demoToken;
  setStatus('Loading the demo…', 'busy');
  let corpus;
  try {
    const response = await fetch(new URL('./demo/corpus.json', import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    corpus = await response.json();
    if (!Array.isArray(corpus)) throw new Error('unexpected format');
  } catch {
    if (token === demoToken) setStatus('');
    return false;
  }
  if (token !== demoToken) return false;
  const docs = corpus.filter((d) => d && typeof d.text === 'string');
  const article = docs.find((d) => d.id === DEMO_ARTICLE_ID) ?? docs[0];
  if (!article) {
    setStatus('');
    return false;
  }
  setArticle(article.text);
  sources = docs.filter((d) => d !== article).map((d) => makeSource(d));
  renderSources();
  checkNow();
  return true;
}

// ---- events ----------------------------------------------------------------

ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  checkNow();
});
ui.article.addEventListener('input', () => {
  demoToken++;
  scheduleCheck();
});
// A paste that would make the field too large is taken over: the text is
// kept aside and only its beginning shown (see LARGE_INPUT).
ui.article.addEventListener('paste', (event) => {
  const pasted = event.clipboardData?.getData('text/plain');
  if (!pasted || largeText !== null) return;
  const { value, selectionStart, selectionEnd } = ui.article;
  if (value.length - (selectionEnd - selectionStart) + pasted.length <= LARGE_INPUT) return;
  event.preventDefault();
  demoToken++;
  setArticle(value.slice(0, selectionStart) + pasted + value.slice(selectionEnd));
  checkNow();
});
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
    checkNow();
  }
});
ui.clear.addEventListener('click', () => {
  demoToken++;
  clearTimeout(debounceTimer);
  setArticle('');
  sources = [];
  renderSources();
  requestCheck();
  save();
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
  sources.push(makeSource({ title: ui.sourceTitle.value.trim(), text }));
  ui.sourceTitle.value = '';
  ui.sourceText.value = '';
  renderSources();
  save();
});

attachTooltip(ui.output, ui.tooltip);

// ---- start -----------------------------------------------------------------

const saved = load();
if (saved) {
  setArticle(saved.article);
  sources = saved.sources;
  renderSources();
  requestCheck();
} else {
  renderSources();
  showEmpty();
  // First visit: show what the page does with a real article.
  loadDemo();
}
