// DOM building for highlighted articles, value tooltips and claim lists.
// Shared by the page and the embeddable widget, so it knows nothing about
// either: it takes elements and data, and only ever inserts text through
// text nodes (never HTML), since the text comes from whoever pasted it.

/** Above this many UTF-16 units, offscreen chunks skip layout and paint. */
const LARGE_TEXT = 200_000;
/** Text per chunk of lines (the unit that offscreen rendering skips). */
const CHUNK_CHARS = 16_000;
/** Longest run of text laid out as one block (long lines are cut at a space). */
const MAX_BLOCK = 8_000;

const QUALIFIER_SIGNS = {
  exact: '',
  approx: '≈ ',
  at_least: '≥ ',
  more_than: '> ',
  at_most: '≤ ',
  less_than: '< ',
};

const QUALIFIER_WORDS = {
  exact: 'exact',
  approx: 'approximate',
  at_least: 'at least',
  more_than: 'more than',
  at_most: 'at most',
  less_than: 'less than',
  range: 'range',
};

const KIND_WORDS = {
  count: 'count',
  percent: 'percentage',
  measure: 'measurement',
  money: 'amount of money',
  ordinal: 'ordinal',
  date: 'date',
  year: 'year',
  duration: 'duration',
};

/**
 * The quantities that can be drawn: valid UTF-16 spans inside the text,
 * in reading order, without overlaps (marks cannot interleave, so the
 * earliest, then longest, wins).
 */
export function drawableQuantities(quantities, textLength) {
  const valid = [];
  for (const q of quantities ?? []) {
    const span = q?.spanUtf16;
    if (!Array.isArray(span) || span.length !== 2) continue;
    const [start, end] = span;
    if (!Number.isInteger(start) || !Number.isInteger(end)) continue;
    if (start < 0 || end > textLength || start >= end) continue;
    valid.push(q);
  }
  valid.sort((a, b) => a.spanUtf16[0] - b.spanUtf16[0] || b.spanUtf16[1] - a.spanUtf16[1]);
  const out = [];
  let reached = 0;
  for (const q of valid) {
    if (q.spanUtf16[0] >= reached) {
      out.push(q);
      reached = q.spanUtf16[1];
    }
  }
  return out;
}

/**
 * Cuts the text into blocks (lines, long lines in pieces) that no mark
 * straddles. Blocks keep the layout work of a huge text local to each one.
 * Yields [start, end, firstMark, endMark]; the newline after a block is
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
      // A figure written across a line break pulled the block into the next
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

function nextTask() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Writes a number the way readers of `lang` expect. */
export function formatNumber(value, lang, { grouping = true } = {}) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  try {
    return new Intl.NumberFormat(lang || undefined, {
      maximumFractionDigits: 6,
      useGrouping: grouping,
    }).format(value);
  } catch {
    return String(value);
  }
}

function formatWithUnit(value, q, lang) {
  const grouping = !['year', 'date', 'ordinal'].includes(q.kind);
  const unit = q.unit;
  if (q.kind === 'money' && typeof unit === 'string' && /^[A-Z]{3}$/.test(unit)) {
    try {
      return new Intl.NumberFormat(lang || undefined, {
        style: 'currency',
        currency: unit,
        minimumFractionDigits: 0,
        maximumFractionDigits: 2,
      }).format(value);
    } catch {
      // An unknown currency code: fall through to "value unit".
    }
  }
  const number = formatNumber(value, lang, { grouping });
  if (unit) return `${number}\u00a0${unit}`;
  if (q.kind === 'percent') return `${number}\u00a0%`;
  return number;
}

/** A full ISO date in the reader's format; partial ones ("--02-11") as given. */
function formatDate(iso, lang) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  try {
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return iso;
  }
}

/**
 * Human-readable description of a quantity: `main` is the value as a reader
 * would check it ("≈ 11 000"), `detail` says what sort of figure it is.
 */
export function describeQuantity(q, lang) {
  let main;
  if (q.kind === 'date' && q.date) {
    main = formatDate(q.date, lang);
  } else if (q.qualifier === 'range' && Number.isFinite(q.low) && Number.isFinite(q.high) && q.low !== q.high) {
    main = `${formatWithUnit(q.low, q, lang)} – ${formatWithUnit(q.high, q, lang)}`;
  } else {
    main = `${QUALIFIER_SIGNS[q.qualifier] ?? ''}${formatWithUnit(q.value, q, lang)}`;
  }
  const parts = [KIND_WORDS[q.kind] ?? q.kind];
  if (q.qualifier && q.qualifier !== 'exact') parts.push(QUALIFIER_WORDS[q.qualifier] ?? q.qualifier);
  if (q.measure) parts.push(q.measure.replaceAll('_', ' '));
  const detail = parts.filter(Boolean).join(' · ');
  let interval = null;
  if (q.qualifier !== 'range' && q.kind !== 'date' && Number.isFinite(q.low) && Number.isFinite(q.high) && q.low !== q.high) {
    interval = `between ${formatWithUnit(q.low, q, lang)} and ${formatWithUnit(q.high, q, lang)}`;
  }
  return { main, detail, interval };
}

function setData(el, name, value) {
  if (value !== null && value !== undefined) el.dataset[name] = String(value);
}

/** One highlighted figure. */
export function createMark(text, q) {
  const mark = document.createElement('mark');
  mark.className = 'rc-q';
  mark.tabIndex = 0;
  mark.textContent = text;
  setData(mark, 'value', q.value);
  setData(mark, 'low', q.low);
  setData(mark, 'high', q.high);
  setData(mark, 'qualifier', q.qualifier);
  setData(mark, 'kind', q.kind);
  setData(mark, 'unit', q.unit);
  setData(mark, 'measure', q.measure);
  setData(mark, 'date', q.date);
  return mark;
}

/**
 * Replaces the content of `container` with `text`, each quantity wrapped in
 * a `<mark class="rc-q">`. Long texts are drawn in slices between which the
 * page stays responsive; aborting `signal` stops drawing.
 *
 * Lines are grouped in chunks of about CHUNK_CHARS: a large text's offscreen
 * chunks skip layout and paint (content-visibility), and there are few
 * enough of them for the browser to track cheaply.
 *
 * @param {HTMLElement} container
 * @param {string} text
 * @param {import('../js/index.js').Quantity[]} quantities
 * @param {{lang?: string, signal?: AbortSignal, sliceMs?: number}} [options]
 * @returns {Promise<{marks: number, complete: boolean}>}
 */
export async function renderArticle(container, text, quantities, { lang, signal, sliceMs = 12 } = {}) {
  const marks = drawableQuantities(quantities, text.length);
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
      // then remembers the real one): lines plus wrapped lines.
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
      const [qs, qe] = marks[k].spanUtf16;
      if (qs > at) line.append(text.slice(at, qs));
      line.append(createMark(text.slice(qs, qe), marks[k]));
      at = qe;
    }
    if (end > at) line.append(text.slice(at, end));
    chunk.append(line);
    chunkChars += end - start;
    chunkLines++;
    if (chunkChars >= CHUNK_CHARS) closeChunk();

    if ((++count & 31) === 0 && performance.now() - sliceStart > sliceMs) {
      await nextTask();
      if (signal?.aborted) return { marks: marks.length, complete: false };
      sliceStart = performance.now();
    }
  }
  closeChunk();
  return { marks: marks.length, complete: true };
}

/**
 * Shows the value of a mark in `tooltip` while the mark is hovered or
 * focused (Escape hides it). Returns a function that detaches it.
 */
export function attachTooltip(container, tooltip) {
  if (!tooltip.id) tooltip.id = `rc-tip-${Math.random().toString(36).slice(2)}`;
  let current = null;
  let frame = 0;

  function place() {
    frame = 0;
    if (!current) return;
    const rect = current.getBoundingClientRect();
    const tip = tooltip.getBoundingClientRect();
    const margin = 8;
    let top = rect.bottom + margin;
    if (top + tip.height > window.innerHeight - margin && rect.top - tip.height - margin > 0) {
      top = rect.top - tip.height - margin;
    }
    let left = rect.left + rect.width / 2 - tip.width / 2;
    left = Math.max(margin, Math.min(left, window.innerWidth - tip.width - margin));
    // CSSOM writes, not style attributes: allowed under a strict CSP.
    tooltip.style.left = `${Math.round(left)}px`;
    tooltip.style.top = `${Math.round(top)}px`;
  }

  function show(mark) {
    if (current && current !== mark) current.removeAttribute('aria-describedby');
    current = mark;
    const lang = mark.closest('[lang]')?.lang;
    const d = mark.dataset;
    // Absent bounds are unbounded ("at least 150" has no high).
    const q = {
      value: Number(d.value),
      low: d.low === undefined ? null : Number(d.low),
      high: d.high === undefined ? null : Number(d.high),
      qualifier: d.qualifier ?? 'exact',
      kind: d.kind ?? 'count',
      unit: d.unit ?? null,
      measure: d.measure ?? null,
      date: d.date ?? null,
    };
    const { main, detail, interval } = describeQuantity(q, lang);
    const value = document.createElement('span');
    value.className = 'rc-tip-value';
    value.textContent = main;
    const kind = document.createElement('span');
    kind.className = 'rc-tip-detail';
    kind.textContent = detail;
    tooltip.replaceChildren(value, kind);
    if (interval) {
      const range = document.createElement('span');
      range.className = 'rc-tip-detail';
      range.textContent = interval;
      tooltip.append(range);
    }
    if (lang) tooltip.lang = lang;
    tooltip.hidden = false;
    mark.setAttribute('aria-describedby', tooltip.id);
    place();
  }

  function hide() {
    if (current) current.removeAttribute('aria-describedby');
    current = null;
    tooltip.hidden = true;
  }

  const markOf = (target) => (target instanceof Element ? target.closest('mark.rc-q') : null);
  const onOver = (e) => {
    const mark = markOf(e.target);
    if (mark && mark !== current) show(mark);
  };
  const onOut = (e) => {
    const mark = markOf(e.target);
    // Keep it while the pointer moves inside the mark or while it has focus.
    if (!mark || mark.contains(e.relatedTarget) || mark === document.activeElement) return;
    if (mark === current) hide();
  };
  const onFocusIn = (e) => {
    const mark = markOf(e.target);
    if (mark) show(mark);
  };
  const onFocusOut = (e) => {
    if (markOf(e.target) === current) hide();
  };
  const onKey = (e) => {
    if (e.key === 'Escape' && current) hide();
  };
  const onMove = () => {
    if (current && !frame) frame = requestAnimationFrame(place);
  };

  container.addEventListener('mouseover', onOver);
  container.addEventListener('mouseout', onOut);
  container.addEventListener('focusin', onFocusIn);
  container.addEventListener('focusout', onFocusOut);
  document.addEventListener('keydown', onKey);
  window.addEventListener('scroll', onMove, { capture: true, passive: true });
  window.addEventListener('resize', onMove, { passive: true });
  return function detach() {
    hide();
    container.removeEventListener('mouseover', onOver);
    container.removeEventListener('mouseout', onOut);
    container.removeEventListener('focusin', onFocusIn);
    container.removeEventListener('focusout', onFocusOut);
    document.removeEventListener('keydown', onKey);
    window.removeEventListener('scroll', onMove, { capture: true });
    window.removeEventListener('resize', onMove);
  };
}

/**
 * Lists claims in `list` (an `<ol>` or `<ul>`), best first, at most `limit`.
 * @param {HTMLElement} list
 * @param {import('../js/index.js').Claim[]} claims
 * @param {{lang?: string, limit?: number}} [options]
 * @returns {number} how many were drawn
 */
export function renderClaims(list, claims, { lang, limit = 50 } = {}) {
  list.replaceChildren();
  if (lang) list.lang = lang;
  const sorted = [...(claims ?? [])]
    .filter((c) => c && typeof c.text === 'string')
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
    .slice(0, limit);
  for (const claim of sorted) {
    const item = document.createElement('li');
    item.className = 'rc-claim';
    const text = document.createElement('p');
    text.className = 'rc-claim-text';
    text.textContent = claim.text;
    const meta = document.createElement('p');
    meta.className = 'rc-claim-meta';
    const bits = [];
    if (claim.attribution) bits.push(`according to ${claim.attribution}`);
    const n = claim.quantities?.length ?? 0;
    bits.push(n === 1 ? '1 figure' : `${n} figures`);
    meta.textContent = bits.join(' · ');
    if (claim.hedged) {
      const badge = document.createElement('span');
      badge.className = 'rc-badge';
      badge.textContent = 'reported with reserve';
      meta.append(' ', badge);
    }
    item.append(text, meta);
    list.append(item);
  }
  return sorted.length;
}
