// The timeline of one measure: each figure of a discrepancy table placed by
// its date, drawn as SVG from the report's rows, with no chart library.
// Shared by the page's table view and the widget's panel.
//
// Invariants: a dated row is one point, once; undated rows are listed
// beside the chart, never placed on it. Series (whose and where) differ by
// shape and line pattern, the article's figures by a star: colour is never
// the only signal. Strokes and text use currentColor, so the host's theme
// (dark mode included) decides the colours; the viewBox scales with the
// width, so zoom only makes it bigger. Every point is focusable and names
// its figure, date and source; focus or hover shows its sentence.

import { h, formatDate, formatNumber } from './render.js';
import { t } from './i18n.js';

const NS = 'http://www.w3.org/2000/svg';
/** The viewBox: default width, height, and the plot's margins (left, right, top, bottom). */
const WIDTH = 600;
const H = 220;
const M = [64, 16, 12, 30];
/** Series shapes, in order; the article's figures are stars. */
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross'];
/** Line patterns joining a series' points, in the same order. */
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 5'];

/**
 * Milliseconds since 1970 of an ISO date ("2024-03-03", "2024-03", "2024"),
 * a partial date counted from its first day; null for anything else
 * ("--02-11" has no year).
 */
export function dateValue(iso) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso ?? '');
  if (!m) return null;
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return Date.UTC(Number(m[1]), month - 1, day);
}

/**
 * Where a value falls on an axis from `x0` to `x1` for the domain
 * `[d0, d1]`; a domain of one value puts it in the middle.
 */
export function scale(value, d0, d1, x0, x1) {
  if (!(d1 > d0)) return (x0 + x1) / 2;
  return x0 + ((value - d0) / (d1 - d0)) * (x1 - x0);
}

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  el.append(...children.filter(Boolean));
  return el;
}

/** A marker of `shape` centred on (x, y), `r` its half-size. */
function marker(shape, x, y, r) {
  const pts = (list) => s('polygon', { points: list.map(([a, b]) => `${(x + a * r).toFixed(1)},${(y + b * r).toFixed(1)}`).join(' ') });
  switch (shape) {
    case 'square':
      return s('rect', { x: x - r * 0.85, y: y - r * 0.85, width: r * 1.7, height: r * 1.7 });
    case 'triangle':
      return pts([[0, -1.1], [1, 0.8], [-1, 0.8]]);
    case 'diamond':
      return pts([[0, -1.2], [1.1, 0], [0, 1.2], [-1.1, 0]]);
    case 'cross':
      return pts([[-0.35, -1], [0.35, -1], [0.35, -0.35], [1, -0.35], [1, 0.35], [0.35, 0.35], [0.35, 1], [-0.35, 1], [-0.35, 0.35], [-1, 0.35], [-1, -0.35], [-0.35, -0.35]]);
    case 'star': {
      const list = [];
      for (let i = 0; i < 10; i++) {
        const a = (Math.PI / 5) * i - Math.PI / 2;
        const k = i % 2 ? 0.5 : 1.35;
        list.push([Math.cos(a) * k, Math.sin(a) * k]);
      }
      return pts(list);
    }
    default:
      return s('circle', { cx: x, cy: y, r });
  }
}

/** A legend swatch: the shape, in a small SVG of its own. */
function swatch(shape, dash, article) {
  const svg = s('svg', { viewBox: '0 0 28 14', width: 28, height: 14, class: 'rc-tl-swatch', 'aria-hidden': 'true' });
  if (dash !== null) svg.append(s('line', { x1: 1, y1: 7, x2: 27, y2: 7, 'stroke-dasharray': dash || null }));
  const m = marker(shape, 14, 7, 4.5);
  m.setAttribute('class', article ? 'rc-tl-mark rc-tl-article' : 'rc-tl-mark');
  svg.append(m);
  return svg;
}

/** "1 200, 3 mars 2024, Le Monde" and the sentence, for one row. */
function describe(row, lang, sources) {
  const who = row.document === 'article' ? t(lang, 'theArticle') : sources?.get(row.document)?.title || row.document;
  return { who, label: `${row.surface}, ${formatDate(row.date, lang)}, ${who}` };
}

/** The dated rows of a table in date order (ties in document order), each once. */
export function datedRows(rows) {
  return (rows ?? [])
    .map((row, i) => ({ row, i, at: dateValue(row.date) }))
    .filter((p) => p.at !== null && Number.isFinite(p.row.value))
    .sort((a, b) => a.at - b.at || a.i - b.i);
}

/**
 * The timeline of discrepancy `d`: a `<figure class="rc-timeline">` with
 * the chart, its legend, the undated figures and a live line showing the
 * sentence of the point under focus or the pointer. Null when no row is
 * dated. `width` is the viewBox width: a narrow panel asks for less, so
 * that its labels are not scaled down to nothing.
 */
export function renderTimeline(d, { lang, sources, caption, width = WIDTH }) {
  const W = width;
  const points = datedRows(d.rows);
  if (points.length === 0) return null;
  const undated = (d.rows ?? []).filter((row) => dateValue(row.date) === null);
  const seriesNames = [...new Set(points.map((p) => p.row.series ?? ''))];
  const seriesOf = (row) => seriesNames.indexOf(row.series ?? '') % SHAPES.length;

  const t0 = points[0].at;
  const t1 = points[points.length - 1].at;
  let v0 = 0;
  let v1 = 0;
  for (const { row } of points) {
    v0 = Math.min(v0, row.low ?? row.value, row.value);
    v1 = Math.max(v1, row.high ?? row.value, row.value);
  }
  if (v1 === v0) v1 = v0 + 1;
  v1 *= 1.08;
  const [l, r, top, bottom] = M;
  const x = (at) => scale(at, t0, t1, l, W - r);
  const y = (v) => scale(v, v0, v1, H - bottom, top);

  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'rc-tl-chart', role: 'group', 'aria-label': t(lang, 'timeline', { measure: caption }) });
  // Axes and their end labels: the extremes a reader needs.
  svg.append(
    s('line', { class: 'rc-tl-axis', x1: l, y1: H - bottom, x2: W - r, y2: H - bottom }),
    s('line', { class: 'rc-tl-axis', x1: l, y1: top, x2: l, y2: H - bottom }),
    s('text', { x: l - 6, y: y(v0) + 4, 'text-anchor': 'end' }, formatNumber(v0, lang)),
    s('text', { x: l - 6, y: y(v1 / 1.08) + 4, 'text-anchor': 'end' }, formatNumber(v1 / 1.08, lang)),
    s('text', { x: l, y: H - 8, 'text-anchor': 'start' }, formatDate(points[0].row.date, lang)),
    t1 > t0 ? s('text', { x: W - r, y: H - 8, 'text-anchor': 'end' }, formatDate(points[points.length - 1].row.date, lang)) : null,
  );
  // One line per series, joining its points in date order.
  seriesNames.forEach((name, k) => {
    const own = points.filter((p) => (p.row.series ?? '') === name);
    if (own.length < 2) return;
    const dash = DASHES[k % DASHES.length];
    svg.append(s('polyline', { class: 'rc-tl-line', points: own.map((p) => `${x(p.at).toFixed(1)},${y(p.row.value).toFixed(1)}`).join(' '), 'stroke-dasharray': dash || null }));
  });
  const tip = h('p', { class: 'rc-tl-tip', 'aria-live': 'polite' });
  const texts = new Map();
  for (const p of points) {
    const { row } = p;
    const px = x(p.at);
    const py = y(row.value);
    const article = row.document === 'article';
    const g = s('g', { class: article ? 'rc-tl-pt rc-tl-article' : 'rc-tl-pt', tabindex: 0, role: 'img', 'data-document': row.document, 'data-date': row.date, 'data-value': row.value });
    // The interval the wording allows: "at least" opens upwards, "up to"
    // downwards, a range spans its ends.
    const q = row.qualifier;
    let bar = null;
    if (q === 'at_least' || q === 'more_than') bar = [py, top];
    else if (q === 'at_most' || q === 'less_than') bar = [py, H - bottom];
    else if (row.low !== null && row.low !== undefined && row.high !== null && row.high !== undefined && row.high > row.low) bar = [y(row.high), y(row.low)];
    if (bar) {
      g.append(s('line', { class: 'rc-tl-bar', x1: px, y1: bar[0], x2: px, y2: bar[1] }));
      // An open end is an arrow; a closed one a cap.
      const open = q === 'at_least' || q === 'more_than' ? top : q === 'at_most' || q === 'less_than' ? H - bottom : null;
      for (const end of bar) {
        if (end === open) g.append(s('polyline', { class: 'rc-tl-bar', points: `${px - 4},${end + (end === top ? 5 : -5)} ${px},${end} ${px + 4},${end + (end === top ? 5 : -5)}` }));
        else if (end !== py) g.append(s('line', { class: 'rc-tl-bar', x1: px - 4, y1: end, x2: px + 4, y2: end }));
      }
    }
    const m = marker(article ? 'star' : SHAPES[seriesOf(row)], px, py, article ? 6 : 4.5);
    m.setAttribute('class', 'rc-tl-mark');
    g.append(m);
    const { who, label } = describe(row, lang, sources);
    const full = row.series ? `${label} (${row.series})` : label;
    g.setAttribute('aria-label', full);
    texts.set(g, `${full} — ${row.sentence ?? ''}`);
    g.append(s('title', {}, who));
    svg.append(g);
  }
  const show = (event) => {
    const g = event.target.closest?.('.rc-tl-pt');
    if (g && texts.has(g)) tip.textContent = texts.get(g);
  };
  svg.addEventListener('focusin', show);
  svg.addEventListener('pointerover', show);

  const legend = h(
    'ul',
    { class: 'rc-tl-legend' },
    points.some((p) => p.row.document === 'article') ? h('li', {}, swatch('star', null, true), ' ', t(lang, 'theArticle')) : null,
    seriesNames.map((name, k) => h('li', {}, swatch(SHAPES[k % SHAPES.length], seriesNames.length > 1 ? DASHES[k % DASHES.length] : null), ' ', name || t(lang, 'timelineSeries'))),
  );
  const aside = undated.length
    ? h(
        'div',
        { class: 'rc-tl-undated' },
        h('p', {}, t(lang, 'timelineUndated')),
        h('ul', {}, undated.map((row) => h('li', { dataset: { document: row.document } }, `${row.surface} — ${describe(row, lang, sources).who}`))),
      )
    : null;
  return h(
    'figure',
    { class: 'rc-timeline', dataset: { measure: d.measure } },
    h('figcaption', {}, t(lang, 'timeline', { measure: caption })),
    h('div', { class: 'rc-tl-body' }, h('div', { class: 'rc-tl-plot' }, svg, legend, tip), aside),
  );
}
