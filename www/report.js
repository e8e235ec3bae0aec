// Plain functions over the report `Checker.check()` returns, shared by the
// page and the widget: no DOM here, so that they are easy to reason about.

import { VERDICTS } from './i18n.js';

/** The URL when it is http(s); anything else (javascript:, data:...) is null. */
export function safeHttpUrl(value, base) {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function validSpan(span, length) {
  return (
    Array.isArray(span) &&
    span.length === 2 &&
    Number.isInteger(span[0]) &&
    Number.isInteger(span[1]) &&
    span[0] >= 0 &&
    span[0] < span[1] &&
    span[1] <= length
  );
}

/**
 * The claims that can be drawn on `textLength` units of text: valid spans,
 * in reading order, without overlaps (the earliest, then longest, wins).
 */
export function drawableClaims(claims, textLength) {
  const valid = (claims ?? []).filter((c) => c && validSpan(c.spanUtf16, textLength));
  valid.sort((a, b) => a.spanUtf16[0] - b.spanUtf16[0] || b.spanUtf16[1] - a.spanUtf16[1]);
  const out = [];
  let reached = 0;
  for (const claim of valid) {
    if (claim.spanUtf16[0] >= reached) {
      out.push(claim);
      reached = claim.spanUtf16[1];
    }
  }
  return out;
}

/** The span of the claim's figure, when it lies inside the claim. */
export function claimFigure(claim) {
  const span = claim?.quantities?.[0]?.spanUtf16;
  if (!validSpan(span, Infinity)) return null;
  const [s, e] = claim.spanUtf16;
  return span[0] >= s && span[1] <= e ? span : null;
}

/**
 * Where the source's figure sits inside the evidence sentence. Its span
 * counts from the start of the source text, the sentence from
 * `evidence.spanUtf16[0]`; a span that does not land on the figure's own
 * text is dropped rather than drawn in the wrong place.
 */
export function evidenceFigure(evidence) {
  const q = evidence?.quantity;
  const sentence = evidence?.sentence;
  if (!q || typeof sentence !== 'string' || !Array.isArray(evidence.spanUtf16)) return null;
  if (!validSpan(q.spanUtf16, Infinity)) return null;
  const start = q.spanUtf16[0] - evidence.spanUtf16[0];
  const end = q.spanUtf16[1] - evidence.spanUtf16[0];
  if (!validSpan([start, end], sentence.length)) return null;
  if (typeof q.surface === 'string' && sentence.slice(start, end) !== q.surface) return null;
  return [start, end];
}

/** Claims per verdict, every verdict present (0 when none). */
export function verdictCounts(claims) {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0]));
  for (const c of claims ?? []) if (c?.verdict in counts) counts[c.verdict]++;
  return counts;
}

/** Ids of the claims that restate each claim: id → [ids]. */
export function restatements(claims) {
  const map = new Map();
  for (const c of claims ?? []) {
    if (!c?.restates) continue;
    if (!map.has(c.restates)) map.set(c.restates, []);
    map.get(c.restates).push(c.id);
  }
  return map;
}

const str = (v, max) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null);

/**
 * Reads a corpus: a JSON array of `{id, text, title?, url?, date?, lang?}`.
 * Entries without text are skipped; ids are made unique against `taken`.
 * Throws when the value is not an array.
 */
export function parseCorpus(value, taken = new Set()) {
  if (!Array.isArray(value)) throw new TypeError('a corpus is a JSON array');
  const out = [];
  const seen = new Set(taken);
  value.forEach((doc, i) => {
    if (!doc || typeof doc !== 'object' || typeof doc.text !== 'string' || doc.text.trim() === '') return;
    let id = typeof doc.id === 'string' || typeof doc.id === 'number' ? String(doc.id).slice(0, 200) : '';
    if (id === '') id = `source-${i + 1}`;
    id = uniqueId(id, seen);
    seen.add(id);
    const lang = doc.lang === 'fr' || doc.lang === 'en' ? doc.lang : null;
    const source = {
      id,
      text: doc.text,
      title: str(doc.title, 300),
      url: str(doc.url, 2000),
      date: str(doc.date, 40),
      lang,
    };
    const pages = pageOffsets(doc.pages, doc.text.length);
    if (pages) source.pages = pages;
    out.push(source);
  });
  return out;
}

/**
 * A PDF source's page starts (UTF-16 offsets into its text, page 1 first),
 * or null unless they are what that says: ascending, from 0, inside the text.
 */
export function pageOffsets(value, length) {
  if (!Array.isArray(value) || value.length === 0 || value.length > 100_000 || value[0] !== 0) return null;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (!Number.isInteger(v) || v < 0 || v > length || (i > 0 && v < value[i - 1])) return null;
  }
  return [...value];
}

/** The page (1-based) a UTF-16 offset of a paged source's text falls on, or null. */
export function pageAt(pages, offsetUtf16) {
  if (!Array.isArray(pages) || !pages.length || !Number.isFinite(offsetUtf16)) return null;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid] <= offsetUtf16) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** `id`, or `id-2`, `id-3`... whichever `taken` lacks. */
export function uniqueId(id, taken) {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

/** A title for a text without one: its first non-empty line, shortened. */
export function titleOf(text, fallback) {
  const line = (text ?? '').split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  if (line === '') return fallback;
  return line.length > 120 ? `${line.slice(0, 117).trimEnd()}…` : line;
}

/**
 * schema.org ClaimReview JSON-LD: one `ClaimReview` per claim, its verdict
 * as the rating's `alternateName`, and the sources that corroborate it
 * (those with an http(s) address) as the claim's appearances.
 *
 * @param {object} report what `Checker.check()` returned
 * @param {{sources?: Array<{id: string, title?: string|null, url?: string|null, date?: string|null}>,
 *          articleUrl?: string|null, date?: string}} [options]
 *   `sources` completes or overrides what the report says of each source;
 *   `articleUrl` is where the article itself appears.
 */
export function claimReviews(report, { sources = [], articleUrl = null, date } = {}) {
  const known = new Map();
  for (const s of report?.sources ?? []) known.set(s.id, s);
  for (const s of sources) known.set(s.id, { ...known.get(s.id), ...s });
  const today = date ?? new Date().toISOString().slice(0, 10);
  const article = safeHttpUrl(articleUrl);

  const graph = (report?.claims ?? []).map((claim) => {
    const appearances = [];
    const listed = new Set();
    if (article) {
      appearances.push({ '@type': 'CreativeWork', url: article.href });
      listed.add(article.href);
    }
    for (const ev of claim.evidence ?? []) {
      // Only a source stating the same figure is an appearance of the claim.
      if (ev.relation !== 'corroborates') continue;
      const source = known.get(ev.sourceId);
      const url = safeHttpUrl(source?.url);
      if (!url || listed.has(url.href)) continue;
      listed.add(url.href);
      const work = { '@type': 'CreativeWork', url: url.href };
      if (source.title) work.headline = source.title;
      if (source.date) work.datePublished = source.date;
      appearances.push(work);
    }
    const item = { '@type': 'Claim' };
    if (appearances.length) {
      item.appearance = appearances;
      // The article is where the claim was read first; otherwise the
      // earliest dated source.
      const dated = appearances.filter((a) => a.datePublished).sort((a, b) => (a.datePublished < b.datePublished ? -1 : 1));
      item.firstAppearance = article ? appearances[0] : dated[0] ?? appearances[0];
    }
    const review = {
      '@type': 'ClaimReview',
      claimReviewed: claim.text,
      datePublished: today,
      inLanguage: report.lang,
      author: { '@type': 'Organization', name: 'recoupe' },
      reviewRating: { '@type': 'Rating', alternateName: claim.verdict ?? 'unverified' },
      itemReviewed: item,
    };
    if (claim.explanation) review.reviewRating.ratingExplanation = claim.explanation;
    if (article) review.url = `${article.href.split('#')[0]}#${encodeURIComponent(claim.id)}`;
    return review;
  });
  return { '@context': 'https://schema.org', '@graph': graph };
}
