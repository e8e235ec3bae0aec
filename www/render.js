// DOM building for the checked article, evidence cards, the verdict summary
// and the discrepancy tables. Shared by the page and the widget, so it knows
// nothing about either. Text only ever goes in through text nodes, never as
// HTML: it comes from whoever pasted it.

import { VERDICTS, VERDICT_ICONS, RELATION_ICONS, t, claimCount } from './i18n.js';
import { drawableClaims, claimFigure, evidenceFigure, safeHttpUrl, pageAt } from './report.js';
import { renderTimeline, datedRows } from './timeline.js';

/** Above this many UTF-16 units, offscreen chunks skip layout and paint. */
const LARGE_TEXT = 200_000;
/** Text per chunk of lines (the unit that offscreen rendering skips). */
const CHUNK_CHARS = 16_000;
/** Longest run of text laid out as one block (long lines are cut at a space). */
const MAX_BLOCK = 8_000;

/**
 * An element with attributes and children. Strings become text nodes;
 * null, undefined and false children are skipped. `class` sets the class
 * name, `dataset` the data attributes; no event handler attributes.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(name)) throw new Error(`h(): refusing the attribute ${name}`);
    // Addresses go through externalLink(), which checks them; here only
    // links inside the page.
    if (/^(href|src|action|formaction)$/i.test(name) && !String(value).startsWith('#')) {
      throw new Error(`h(): refusing the attribute ${name}`);
    }
    if (name === 'class') el.className = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child);
  }
}

/** A link to an http(s) address, opened apart; null for anything else. */
export function externalLink(href, text, attrs = {}) {
  const url = safeHttpUrl(href);
  if (!url) return null;
  const link = h('a', { ...attrs, rel: 'noopener noreferrer', target: '_blank' }, text ?? url.hostname);
  link.href = url.href;
  return link;
}

/** `text` with the part `[start, end)` emphasised in a `<mark class="rc-fig">`. */
function withFigure(text, span) {
  if (!span) return [text];
  const [s, e] = span;
  return [text.slice(0, s), h('mark', { class: 'rc-fig' }, text.slice(s, e)), text.slice(e)].filter((x) => x !== '');
}

function nextTask() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Cuts the text into blocks (lines, long lines in pieces) that no claim
 * straddles. Blocks keep the layout work of a huge text local to each one.
 * Yields [start, end, firstClaim, endClaim]; the newline after a block is
 * not part of it.
 */
function* blocks(text, marks) {
  const n = text.length;
  let pos = 0;
  let mi = 0;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    const atNewline = end - pos <= MAX_BLOCK;
    if (!atNewline) {
      const space = text.lastIndexOf(' ', pos + MAX_BLOCK);
      end = space > pos ? space + 1 : pos + MAX_BLOCK;
      // Never separate the halves of a surrogate pair (an emoji, say).
      const code = text.charCodeAt(end - 1);
      if (code >= 0xd800 && code <= 0xdbff) end++;
    }
    let mj = mi;
    for (;;) {
      while (mj < marks.length && marks[mj].spanUtf16[0] < end) {
        end = Math.max(end, marks[mj].spanUtf16[1]);
        mj++;
      }
      // A claim running across a line break pulled the block into the next
      // line: finish that line too rather than breaking it in two.
      if (atNewline && end < n && text.charCodeAt(end) !== 10) {
        const next = text.indexOf('\n', end);
        end = next === -1 ? n : next;
        continue;
      }
      break;
    }
    yield [pos, end, mi, mj];
    mi = mj;
    pos = end < n && text.charCodeAt(end) === 10 ? end + 1 : end;
  }
}

/** One highlighted claim of the article, its figure emphasised. */
function claimMark(text, claim, describedBy) {
  const mark = document.createElement('mark');
  const verdict = VERDICTS.includes(claim.verdict) ? claim.verdict : 'unverified';
  mark.className = 'rc-claim';
  mark.dataset.verdict = verdict;
  mark.dataset.claim = claim.id;
  mark.id = `rc-claim-${claim.id}`;
  mark.tabIndex = 0;
  mark.setAttribute('role', 'button');
  mark.setAttribute('aria-haspopup', 'dialog');
  if (describedBy) mark.setAttribute('aria-describedby', describedBy(verdict));
  const [s, e] = claim.spanUtf16;
  const fig = claimFigure(claim);
  const local = fig ? [fig[0] - s, fig[1] - s] : null;
  append(mark, withFigure(text.slice(s, e), local));
  return mark;
}

/**
 * Replaces the content of `container` with `text`, each claim wrapped in a
 * `<mark class="rc-claim">` (its verdict in `data-verdict`, its figure in a
 * `<mark class="rc-fig">`). Long texts are drawn in slices between which
 * the page stays responsive; aborting `signal` stops drawing.
 *
 * Lines are grouped in chunks of about CHUNK_CHARS: a large text's offscreen
 * chunks skip layout and paint (content-visibility), and there are few
 * enough of them for the browser to track cheaply.
 *
 * @param {HTMLElement} container
 * @param {string} text
 * @param {object[]} claims the report's claims
 * @param {{lang?: string, signal?: AbortSignal, sliceMs?: number,
 *          describedBy?: (verdict: string) => string}} [options]
 *   `describedBy` gives the id of an element naming the verdict, for
 *   screen readers.
 * @returns {Promise<{claims: number, complete: boolean}>}
 */
export async function renderArticle(container, text, claims, { lang, signal, sliceMs = 12, describedBy } = {}) {
  const marks = drawableClaims(claims, text.length);
  const large = text.length > LARGE_TEXT;
  container.replaceChildren();
  container.classList.toggle('rc-large', large);
  if (lang) container.lang = lang;
  else container.removeAttribute('lang');

  let chunk = null;
  let chunkChars = 0;
  let chunkLines = 0;
  const closeChunk = () => {
    if (chunk && large) {
      // A guess at the chunk's height until it is first drawn ("auto"
      // then remembers the real one): lines plus wrapped lines. A CSSOM
      // write, which a strict CSP allows.
      const ems = Math.ceil((chunkLines + chunkChars / 90) * 1.7);
      chunk.style.containIntrinsicSize = `auto ${ems}em`;
    }
    chunk = null;
  };

  let sliceStart = performance.now();
  let count = 0;
  for (const [start, end, mi, mj] of blocks(text, marks)) {
    if (!chunk) {
      chunk = document.createElement('div');
      chunk.className = 'rc-chunk';
      chunkChars = 0;
      chunkLines = 0;
      container.append(chunk);
    }
    const line = document.createElement('div');
    line.className = start === end ? 'rc-line rc-gap' : 'rc-line';
    let at = start;
    for (let k = mi; k < mj; k++) {
      const [cs, ce] = marks[k].spanUtf16;
      if (cs > at) line.append(text.slice(at, cs));
      line.append(claimMark(text, marks[k], describedBy));
      at = ce;
    }
    if (end > at) line.append(text.slice(at, end));
    chunk.append(line);
    chunkChars += end - start;
    chunkLines++;
    if (chunkChars >= CHUNK_CHARS) closeChunk();

    if ((++count & 31) === 0 && performance.now() - sliceStart > sliceMs) {
      await nextTask();
      if (signal?.aborted) return { claims: marks.length, complete: false };
      sliceStart = performance.now();
    }
  }
  closeChunk();
  return { claims: marks.length, complete: true };
}

/** A verdict badge: its glyph and its name (the glyph is decoration). */
export function verdictBadge(verdict, lang, tag = 'span') {
  return h(
    tag,
    { class: 'rc-verdict', dataset: { verdict } },
    h('span', { class: 'rc-icon', 'aria-hidden': 'true' }, VERDICT_ICONS[verdict] ?? '?'),
    ` ${t(lang, `verdict.${verdict}`)}`,
  );
}

function relationBadge(relation, lang) {
  return h(
    'span',
    { class: 'rc-relation', dataset: { relation } },
    h('span', { class: 'rc-icon', 'aria-hidden': 'true' }, RELATION_ICONS[relation] ?? '~'),
    ` ${t(lang, `relation.${relation}`)}`,
  );
}

/** The article's own words for each measure ("soldats" for soldier). */
function measureWords(report) {
  const words = new Map();
  for (const claim of report?.claims ?? []) {
    for (const q of claim.quantities ?? []) {
      if (q.measure && q.measureSurface && !words.has(q.measure)) words.set(q.measure, q.measureSurface);
    }
  }
  return words;
}

function monthYear(iso, lang) {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(iso ?? '');
  if (!m) return iso ?? '';
  if (!m[2]) return m[1];
  try {
    return new Intl.DateTimeFormat(lang || undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  } catch {
    return iso;
  }
}

/**
 * One line per measure with a timeline (two dated figures or more): its
 * range across the documents and the dates it spans ("soldats : 1 500 à
 * 15 000, oct. 2024 – avr. 2025").
 */
export function storyLines(report, lang) {
  const words = measureWords(report);
  const lines = [];
  for (const d of report?.discrepancies ?? []) {
    const dated = datedRows(d.rows);
    if (dated.length < 2) continue;
    const values = (d.rows ?? []).map((r) => r.value).filter(Number.isFinite);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const from = monthYear(dated[0].row.date, lang);
    const to = monthYear(dated[dated.length - 1].row.date, lang);
    lines.push(
      t(lang, 'storyLine', {
        measure: words.get(d.measure) ?? String(d.measure).replaceAll('_', ' '),
        range: lo === hi ? formatNumber(lo, lang) : t(lang, 'storyRange', { low: formatNumber(lo, lang), high: formatNumber(hi, lang) }),
        dates: from === to ? from : `${from} – ${to}`,
      }),
    );
  }
  return lines;
}

/**
 * The verdict counts as toggle buttons (`data-verdict`, `aria-pressed`),
 * after an "all" button (`data-verdict=""`), then a line per measure with
 * a timeline (`report` given). Returns the summary sentence for a live
 * region.
 */
export function renderSummary(container, counts, { lang, filter = null, report = null }) {
  const total = VERDICTS.reduce((n, v) => n + (counts[v] ?? 0), 0);
  const all = h(
    'button',
    { type: 'button', class: 'rc-count rc-count-all', dataset: { verdict: '' }, 'aria-pressed': String(!filter) },
    `${t(lang, 'showAll')} `,
    h('span', { class: 'rc-num' }, String(total)),
  );
  const buttons = VERDICTS.map((v) =>
    h(
      'button',
      {
        type: 'button',
        class: 'rc-count',
        dataset: { verdict: v },
        'aria-pressed': String(filter === v),
        disabled: counts[v] === 0 && filter !== v,
      },
      h('span', { class: 'rc-icon', 'aria-hidden': 'true' }, VERDICT_ICONS[v]),
      ` ${t(lang, `verdict.${v}`)} `,
      h('span', { class: 'rc-num' }, String(counts[v] ?? 0)),
    ),
  );
  const story = report ? storyLines(report, lang) : [];
  container.replaceChildren(all, ...buttons);
  if (story.length) container.append(h('ul', { class: 'rc-story' }, story.map((line) => h('li', {}, line))));
  const details = VERDICTS.filter((v) => counts[v]).map((v) => `${counts[v]} ${t(lang, `verdict.${v}`)}`);
  return t(lang, 'summaryLive', { total: claimCount(lang, total), details: details.join(', ') || '—' });
}

/** Intl formatters are slow to build: one per language and kind. */
const formatters = new Map();
function formatter(kind, lang) {
  const key = `${kind}:${lang ?? ''}`;
  if (!formatters.has(key)) {
    let f = null;
    try {
      f =
        kind === 'date'
          ? new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'medium', timeZone: 'UTC' })
          : new Intl.NumberFormat(lang || undefined, { maximumFractionDigits: 4 });
    } catch {
      // An unknown language: the raw value is shown instead.
    }
    formatters.set(key, f);
  }
  return formatters.get(key);
}

/** A date for a reader when it is a full ISO date; as given otherwise. */
export function formatDate(value, lang) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) return value ?? '';
  const f = formatter('date', lang);
  return f ? f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : value;
}

/** Writes a number the way readers of `lang` expect. */
export function formatNumber(value, lang) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  return formatter('number', lang)?.format(value) ?? String(value);
}

function formatInterval(row, lang) {
  const unit = row.unit ? `\u00a0${row.unit}` : '';
  const low = row.low === null || row.low === undefined ? null : formatNumber(row.low, lang);
  const high = row.high === null || row.high === undefined ? t(lang, 'unbounded') : formatNumber(row.high, lang);
  if (low !== null && row.low === row.high) return `${low}${unit}`;
  return `[${low ?? '0'} – ${high}]${unit}`;
}

/**
 * One line naming a figure's frame: what, whose, aspect, when, where, who
 * gives it ("unemployment · level · T2 2024 · France · Insee"), so that a
 * reader sees what was compared and why a figure is only related.
 *
 * @param {object|null|undefined} frame a quantity's `frame`
 * @param {string} lang
 * @returns {string}
 */
export function frameLine(frame, lang) {
  if (!frame) return '';
  const bits = [];
  if (frame.what) bits.push(frame.what.replace(/[._]/g, ' '));
  for (const w of frame.whose ?? []) if (w !== frame.what) bits.push(w.replace(/_/g, ' '));
  if (frame.aspect) bits.push(t(lang, `aspect_${frame.aspect}`) + (frame.per ? ` / ${frame.per}` : '') + (frame.basis && frame.basis !== 'rate' ? ` (${frame.basis})` : ''));
  if (frame.modality) bits.push(t(lang, `modality_${frame.modality}`));
  if (frame.period?.label) bits.push(frame.period.label);
  for (const p of frame.place ?? []) bits.push(p);
  for (const r of frame.restrictions ?? []) bits.push(r.replace(/_/g, ' '));
  if (frame.counter) bits.push(t(lang, 'according', { who: frame.counter }));
  return bits.join(' · ');
}

const RELATION_RANK = { contradicts: 0, corroborates: 1, related: 2 };
/** Related statements shown before the fold. */
export const RELATED_SHOWN = 3;

/**
 * Evidence in reading order: contradicting figures, then corroborating ones,
 * then related statements by how much they share with the claim; within a
 * relation, one source's statements stay together, placed by its best one.
 */
export function rankEvidence(evidence) {
  const best = new Map();
  for (const ev of evidence) {
    const key = `${ev.relation}\u0000${ev.sourceId}`;
    best.set(key, Math.max(best.get(key) ?? -1, ev.similarity ?? 0));
  }
  const keyOf = (ev) => `${ev.relation}\u0000${ev.sourceId}`;
  return evidence
    .map((ev, i) => ({ ev, i }))
    .sort(
      (a, b) =>
        (RELATION_RANK[a.ev.relation] ?? 3) - (RELATION_RANK[b.ev.relation] ?? 3) ||
        best.get(keyOf(b.ev)) - best.get(keyOf(a.ev)) ||
        String(a.ev.sourceId).localeCompare(String(b.ev.sourceId)) ||
        (b.ev.similarity ?? 0) - (a.ev.similarity ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.ev);
}

/** The evidence list, related statements after the first three behind a button. */
function foldedEvidence(evidence, items, lang) {
  const list = h('ol', { class: 'rc-evidence' });
  let related = 0;
  const hidden = [];
  evidence.forEach((ev, i) => {
    if (ev.relation === 'related' && ++related > RELATED_SHOWN) {
      items[i].hidden = true;
      hidden.push(items[i]);
    }
    list.append(items[i]);
  });
  if (!hidden.length) return list;
  // "1 autre phrase liée", "2 autres phrases liées".
  const label = (open) => t(lang, `${open ? 'fewerRelated' : 'moreRelated'}${hidden.length === 1 ? '1' : ''}`, { n: hidden.length });
  const button = h('button', { type: 'button', class: 'rc-unfold', 'aria-expanded': 'false' }, label(false));
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    for (const li of hidden) li.hidden = !open;
    button.textContent = label(open);
  });
  return h('div', { class: 'rc-evidence-wrap' }, list, button);
}

/**
 * An evidence card's content for `claim`.
 *
 * @param {object} claim
 * @param {{lang: string, sources: Map<string, {title?: string|null, url?: string|null, pages?: number[]|null,
 *          date?: string|null, copyOf?: string|null}>, restatedBy?: Map<string, string[]>,
 *          titleId?: string, contentLang?: string}} ctx
 *   `contentLang` is the language of the quoted sentences (the labels are
 *   in `lang`). Links to other claims are `<a data-goto="id" href="#rc-claim-id">`:
 *   the host decides what following one does.
 */
export function renderCard(claim, { lang, sources, restatedBy, titleId, contentLang }) {
  const verdict = VERDICTS.includes(claim.verdict) ? claim.verdict : 'unverified';
  const goto = (id, key) => h('a', { class: 'rc-goto', href: `#rc-claim-${id}`, dataset: { goto: id } }, t(lang, key, { id }));

  const head = h(
    'div',
    { class: 'rc-card-head' },
    verdictBadge(verdict, lang),
    h('h3', { class: 'rc-card-title', id: titleId, tabindex: '-1' }, t(lang, 'claimN', { id: claim.id })),
    h('button', { type: 'button', class: 'rc-close', 'aria-label': t(lang, 'close'), title: t(lang, 'close') }, '×'),
  );
  const explanation = claim.explanation ? h('p', { class: 'rc-explanation', lang: contentLang }, claim.explanation) : null;
  // A newer figure for the same frame leads the card: the growth is news.
  const newer = claim.newer
    ? h('p', { class: 'rc-newer', role: 'note' }, h('strong', {}, t(lang, 'newer')), ' — ', h('span', { lang: contentLang }, claim.newer.explanation))
    : null;
  const claimFrame = frameLine(claim.quantities?.[0]?.frame, lang);

  const fig = claimFigure(claim);
  const local = fig ? [fig[0] - claim.spanUtf16[0], fig[1] - claim.spanUtf16[0]] : null;
  const okLocal = local && claim.text.slice(...local) === claim.quantities[0].surface ? local : null;
  const meta = [];
  if (claim.attribution) meta.push(t(lang, 'according', { who: claim.attribution }));
  if (claim.hedged) meta.push(t(lang, 'hedged'));
  if (claim.time?.length) meta.push(claim.time.join(', '));
  const links = [];
  if (claim.restates) links.push(goto(claim.restates, 'restates'));
  for (const id of restatedBy?.get(claim.id) ?? []) links.push(goto(id, 'restatedBy'));

  const claimSide = h(
    'section',
    { class: 'rc-side rc-side-claim', dataset: { verdict } },
    h('h4', { class: 'rc-side-title' }, t(lang, 'inArticle')),
    h('blockquote', { class: 'rc-quote', lang: contentLang }, withFigure(claim.text, okLocal)),
    meta.length ? h('p', { class: 'rc-meta' }, meta.join(' · ')) : null,
    claimFrame ? h('p', { class: 'rc-frame' }, h('span', { class: 'rc-frame-label' }, t(lang, 'frame')), ' ', claimFrame) : null,
    links.length ? h('p', { class: 'rc-links' }, links.flatMap((l, i) => (i ? [' · ', l] : [l]))) : null,
  );

  const evidence = rankEvidence(claim.evidence ?? []);
  const items = evidence.map((ev) => {
    const source = sources.get(ev.sourceId) ?? {};
    const bits = [h('span', { class: 'rc-ev-source' }, source.title || ev.sourceId)];
    if (source.date) bits.push(' · ', h('span', { class: 'rc-ev-date' }, formatDate(source.date, lang)));
    // A PDF's evidence names its page, where the reader finds it in print.
    const page = pageAt(source.pages, ev.spanUtf16?.[0]);
    if (page) bits.push(' · ', h('span', { class: 'rc-ev-page' }, t(lang, 'pageOf', { page })));
    const link = externalLink(source.url, t(lang, 'openSource'), { class: 'rc-ev-link' });
    if (link) bits.push(' · ', link);
    if (source.copyOf) bits.push(' · ', t(lang, 'sourceCopy', { id: source.copyOf }));
    return h(
      'li',
      { class: 'rc-ev', dataset: { relation: ev.relation, source: ev.sourceId } },
      h('p', { class: 'rc-ev-head' }, relationBadge(ev.relation, lang), ' ', bits),
      h('blockquote', { class: 'rc-quote', lang: contentLang }, withFigure(ev.sentence ?? '', evidenceFigure(ev))),
      // The explanation already names who the source quotes, and hedging.
      h('p', { class: 'rc-ev-explanation', lang: contentLang }, ev.explanation ?? ''),
      ev.quantity?.frame ? h('p', { class: 'rc-frame' }, h('span', { class: 'rc-frame-label' }, t(lang, 'frame')), ' ', frameLine(ev.quantity.frame, lang)) : null,
    );
  });
  const sourcesSide = h(
    'section',
    { class: 'rc-side rc-side-sources' },
    h('h4', { class: 'rc-side-title' }, t(lang, 'inSources')),
    items.length ? foldedEvidence(evidence, items, lang) : h('p', { class: 'rc-none' }, t(lang, 'noEvidence')),
  );

  return h('div', { class: 'rc-card-body', lang: lang }, head, newer, explanation, h('div', { class: 'rc-card-grid' }, claimSide, sourcesSide));
}

/**
 * The discrepancy tables: per measure, a timeline of the dated figures and
 * every figure given across the article and the sources.
 */
export function renderDiscrepancies(container, report, { lang, sources }) {
  const list = report?.discrepancies ?? [];
  if (list.length === 0) {
    container.replaceChildren(h('p', { class: 'rc-none' }, t(lang, 'tableEmpty')));
    return;
  }
  const words = measureWords(report);
  const tables = list.flatMap((d) => {
    const key = String(d.measure).replaceAll('_', ' ').replaceAll('.', ' · ');
    const caption = words.has(d.measure) ? `${words.get(d.measure)} (${key})` : key;
    const rows = [...(d.rows ?? [])].sort(
      (a, b) => (a.document === 'article' ? 0 : 1) - (b.document === 'article' ? 0 : 1) || a.value - b.value,
    );
    const body = rows.map((row) => {
      const isArticle = row.document === 'article';
      const source = sources.get(row.document);
      const who = [row.attribution, row.hedged ? t(lang, 'hedged') : null].filter(Boolean).join(' · ');
      return h(
        'tr',
        { class: isArticle ? 'rc-row-article' : null, dataset: { document: row.document } },
        h('th', { scope: 'row' }, isArticle ? t(lang, 'theArticle') : source?.title || row.document),
        h('td', { class: 'rc-num-cell' }, h('span', { class: 'rc-figure' }, row.surface)),
        h('td', { class: 'rc-num-cell' }, formatInterval(row, lang)),
        h('td', {}, who),
        h('td', {}, row.date ? formatDate(row.date, lang) : ''),
        h('td', { class: 'rc-sentence' }, row.sentence ?? ''),
      );
    });
    const table = h(
      'table',
      { class: 'rc-table', dataset: { measure: d.measure } },
      h('caption', {}, t(lang, 'tableCaption', { measure: caption })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['colDocument', 'colFigure', 'colInterval', 'colWho', 'colDate', 'colSentence'].map((k) =>
            h('th', { scope: 'col' }, t(lang, k)),
          ),
        ),
      ),
      h('tbody', {}, body),
    );
    // The timeline first: growth over time is what a flat list hides.
    return [renderTimeline(d, { lang, sources, caption }), table].filter(Boolean);
  });
  container.replaceChildren(...tables);
}

/** Offers `data` as a file download (a Blob URL: allowed under a strict CSP). */
export function download(name, data, type = 'application/json') {
  const blob = new Blob([typeof data === 'string' ? data : JSON.stringify(data, null, 2)], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob; let it finish first.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
