// Documents as people have them, turned into the text the checker reads:
// saved web pages, PDF reports, Markdown and plain text, and rich text
// pasted from a browser.
//
// Which file types are read, and by which reader, is data: formats.json,
// which the `recoupe corpus` command reads too.
//
// Invariants:
// - Nothing of a document runs and nothing loads from it. HTML is parsed
//   with DOMParser into a document that has no browsing context: its
//   scripts never execute, and its images, styles and frames are never
//   fetched. Readability works on that document only.
// - The heavy readers (Readability, pdf.js) are imported when the first
//   HTML or PDF file arrives, never at page load. pdf.js parses in its own
//   worker, off the main thread.
// - Dates are ISO `YYYY-MM-DD`, read from what the document states
//   (metadata, a `<time>`, JSON-LD, a PDF's creation date); a document that
//   states none gets `null`, never a guess (the checker still reads a
//   dateline in the text).
// - Every failure is an `Error` with a `code` the page turns into a
//   sentence: 'empty', 'binary', 'too-large', 'refused-type',
//   'unknown-type', 'pdf-password', 'pdf-damaged', 'pdf-no-text',
//   'reader-missing', 'aborted'.

import FORMATS from './formats.json' with { type: 'json' };
import { addLabels } from './i18n.js';

export { FORMATS };

/** The page's messages about files, in each language of i18n.js. */
addLabels({
  en: {
    refusedType: '{name}: not read ({type}, {ext}); {hint}',
    unknownType: '{name}: {ext} files are not read (accepted: {accepted})',
    noExtension: 'no extension',
    emptyFile: '{name}: the file is empty',
    tooLarge: '{name}: {size} MB, more than the {max} MB this page reads',
    binaryFile: '{name}: not a {type} but binary data',
    pdfPassword: '{name}: the PDF is protected by a password',
    pdfDamaged: '{name}: the PDF is damaged and could not be read',
    pdfNoText: '{name}: the PDF has no text layer (a scan?); its figures cannot be read',
    readerMissing: '{name}: the document reader is not installed (run npm start)',
    readingCancelled: 'Reading cancelled; the sources already read are kept',
    readingFile: 'Reading {name}…',
    readingPages: 'Reading {name}: page {page} of {pages}',
    cancelReading: 'Cancel',
    articleNotCorpus: '{name}: a corpus holds sources; open it from the Sources panel',
    pagesCount: '{n} pages',
    dateFromText: 'date read in the text',
    newDate: 'Publication date',
    editSource: 'Edit the title and date of “{title}”',
  },
  fr: {
    refusedType: '{name} : non lu ({type}, {ext}) ; {hint}',
    unknownType: '{name} : les fichiers {ext} ne se lisent pas (acceptés : {accepted})',
    noExtension: 'sans extension',
    emptyFile: '{name} : le fichier est vide',
    tooLarge: '{name} : {size} Mo, plus que les {max} Mo que lit cette page',
    binaryFile: '{name} : pas un fichier {type} mais des données binaires',
    pdfPassword: '{name} : le PDF est protégé par un mot de passe',
    pdfDamaged: '{name} : le PDF est endommagé et n’a pas pu être lu',
    pdfNoText: '{name} : le PDF n’a pas de texte (un scan ?) ; ses chiffres ne peuvent pas être lus',
    readerMissing: '{name} : le lecteur de documents n’est pas installé (lancez npm start)',
    readingCancelled: 'Lecture annulée ; les sources déjà lues sont gardées',
    readingFile: 'Lecture de {name}…',
    readingPages: 'Lecture de {name} : page {page} sur {pages}',
    cancelReading: 'Annuler',
    articleNotCorpus: '{name} : un corpus contient des sources ; ouvrez-le depuis le panneau Sources',
    pagesCount: '{n} pages',
    dateFromText: 'date lue dans le texte',
    newDate: 'Date de publication',
    editSource: 'Modifier le titre et la date de « {title} »',
  },
});

/** A failure the page explains to the reader; `detail` fills its message. */
export class DocumentError extends Error {
  constructor(code, detail = {}) {
    super(`${code}${detail.name ? `: ${detail.name}` : ''}`);
    this.name = 'DocumentError';
    this.code = code;
    this.detail = detail;
  }
}

const extensionOf = (name) => {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(String(name ?? ''));
  return m ? m[1].toLowerCase() : '';
};

/**
 * The format of a file, by its extension, else its MIME type:
 * `{ accepted }` (a row of formats.json's `accepted`), `{ refused }` (a
 * row of `refused`), or `{ unknown: true }`. `ext` is the extension read.
 *
 * @param {{name?: string, type?: string}} file
 * @param {string} where 'page' or 'cli': who reads it
 */
export function formatOf(file, where = 'page') {
  const ext = extensionOf(file?.name);
  const mime = String(file?.type ?? '').split(';')[0].trim().toLowerCase();
  const usable = FORMATS.accepted.filter((f) => f.where.includes(where));
  const accepted =
    (ext && usable.find((f) => f.extensions.includes(ext))) ||
    (!ext || !FORMATS.refused.some((f) => f.extensions.includes(ext)) ? usable.find((f) => mime && f.mime.includes(mime)) : null);
  if (accepted) return { accepted, ext };
  const refused = FORMATS.refused.find((f) => f.extensions.includes(ext));
  if (refused) return { refused, ext };
  // Accepted elsewhere (a PDF for the command line), or not at all.
  const elsewhere = FORMATS.accepted.find((f) => f.extensions.includes(ext));
  return { unknown: true, ext, elsewhere: elsewhere ?? null };
}

/** The `accept` attribute of a file input for these readers. */
export function acceptAttribute(readers, where = 'page') {
  return FORMATS.accepted
    .filter((f) => readers.includes(f.reader) && f.where.includes(where))
    .flatMap((f) => [...f.extensions.map((e) => `.${e}`), ...f.mime])
    .join(',');
}

/**
 * Whether decoded text is really a binary file (an image or an archive
 * renamed .html or .txt): NUL characters, or many replacement characters
 * where bytes were not UTF-8.
 */
export function looksBinary(text) {
  const sample = text.slice(0, 64 * 1024);
  if (sample.includes('\u0000')) return true;
  let bad = 0;
  for (const ch of sample) if (ch === '\uFFFD') bad++;
  return sample.length > 0 && bad / sample.length > 0.02;
}

// ---- HTML ------------------------------------------------------------------------

/** Elements whose content is never text of the document. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'math',
  'button', 'select', 'option', 'textarea', 'input', 'form', 'head', 'title', 'meta', 'link',
]);
/** Page furniture: skipped when no article could be found, and in pastes. */
const FURNITURE = new Set(['nav', 'footer', 'aside', 'header', 'menu', 'dialog']);
/** Elements that end a paragraph: their text never runs into the next. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'caption', 'tr', 'td', 'th', 'ul',
  'body', 'html',
]);

/**
 * The text of an element as a reader sees it: one paragraph per block,
 * separated by a blank line (so that a heading never runs into the first
 * sentence), spaces collapsed, no-break spaces kept (French writes
 * "1 000" with one). Walks iteratively: a hostile page nested a million
 * levels deep does not exhaust the stack.
 *
 * @param {Node} root
 * @param {{furniture?: boolean}} opts `furniture: false` also drops nav,
 *   header, footer and aside.
 */
export function htmlToText(root, { furniture = true } = {}) {
  const paragraphs = [];
  let line = '';
  const flush = () => {
    const p = line.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (p) paragraphs.push(p);
    line = '';
  };
  const stack = [[root, false]];
  while (stack.length) {
    const [node, leaving] = stack.pop();
    if (node.nodeType === 3) {
    line += node.data;
    continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeType === 1 ? node.localName : '';
    if (leaving) {
    if (BLOCK.has(tag)) flush();
    continue;
    }
    if (SKIP.has(tag) || (!furniture && FURNITURE.has(tag))) continue;
    if (node.nodeType === 1 && (node.hidden || node.getAttribute('aria-hidden') === 'true')) continue;
    if (tag === 'br') {
    flush();
    continue;
    }
    if (BLOCK.has(tag)) flush();
    stack.push([node, true]);
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push([child, false]);
  }
  flush();
  return paragraphs.join('\n\n');
}

/** `YYYY-MM-DD` from an ISO date or date-time, a PDF date ("D:20240312…"), else null. */
export function isoDate(value) {
  const m = /^(?:D:)?(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s\d+Z'-])/.exec(String(value ?? '').trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1800 || y > 2200 || mo < 1 || mo > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

const httpUrl = (value, base) => {
  try {
    const url = new URL(String(value ?? '').trim(), base || undefined);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
};

/** The objects of a page's JSON-LD blocks, flattened (`@graph`, arrays). Parsed, never run. */
function jsonLd(doc) {
  const out = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data;
    try {
    data = JSON.parse(script.textContent);
    } catch {
    continue;
    }
    const queue = [data];
    while (queue.length && out.length < 200) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.push(...item);
    else if (item && typeof item === 'object') {
      out.push(item);
      if (Array.isArray(item['@graph'])) queue.push(...item['@graph']);
    }
    }
  }
  return out;
}

/** Title, date, canonical URL and language as the page's markup states them. */
export function pageMetadata(doc) {
  const meta = (...keys) => {
    for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
    }
    return null;
  };
  const ld = jsonLd(doc);
  const ldValue = (key) => {
    for (const item of ld) {
    const v = item[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
    }
    return null;
  };
  const date =
    isoDate(meta('article:published_time', 'datePublished', 'og:published_time', 'pubdate', 'publish-date', 'date', 'dc.date', 'DC.date.issued')) ||
    isoDate(ldValue('datePublished')) ||
    isoDate(doc.querySelector('article time[datetime], main time[datetime]')?.getAttribute('datetime')) ||
    isoDate(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  const url =
    httpUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), meta('og:url')) ||
    httpUrl(meta('og:url')) ||
    httpUrl(ldValue('url'));
  const title =
    meta('og:title', 'twitter:title') ||
    ldValue('headline') ||
    doc.querySelector('title')?.textContent.replace(/\s+/g, ' ').trim() ||
    doc.querySelector('h1')?.textContent.replace(/\s+/g, ' ').trim() ||
    null;
  const langAttr = doc.documentElement?.getAttribute('lang') || meta('og:locale', 'language', 'inLanguage') || ldValue('inLanguage') || '';
  const lang = /^(fr|en)\b/i.test(langAttr) ? langAttr.slice(0, 2).toLowerCase() : null;
  return { title: title ? title.slice(0, 300) : null, date, url, lang };
}

let readability = null;
async function loadReadability() {
  readability ??= import('./vendor/readability.js').catch((err) => {
    readability = null;
    throw new DocumentError('reader-missing', { reader: 'Readability', cause: err.message });
  });
  return (await readability).Readability;
}

/** A parsed document in which nothing runs and from which nothing loads. */
export function inertDocument(html) {
  return new DOMParser().parseFromString(String(html), 'text/html');
}

/**
 * A saved web page's main text and what its markup says of it.
 *
 * @param {string} html
 * @returns {Promise<{text: string, title: string|null, date: string|null, url: string|null, lang: string|null}>}
 */
export async function readHtml(html) {
  const doc = inertDocument(html);
  // Read before Readability, which rewrites the document.
  const meta = pageMetadata(doc);
  const Readability = await loadReadability();
  let text = '';
  let title = null;
  try {
    const article = new Readability(doc, { charThreshold: 200, serializer: (el) => el }).parse();
    if (article?.content) {
    text = htmlToText(article.content);
    title = article.title?.trim() || null;
    }
  } catch {
    // A page Readability cannot handle still has its text, read below.
  }
  if (!text) {
    // Readability rewrote `doc`: the page's own text comes from a fresh parse.
    const whole = inertDocument(html);
    text = htmlToText(whole.body ?? whole, { furniture: false });
  }
  return { text, title: meta.title || title, date: meta.date, url: meta.url, lang: meta.lang };
}

/**
 * Rich text pasted from a web page as the clean text a reader sees, or
 * null when the clipboard's HTML holds none (then the plain text is used).
 */
export function pastedHtmlToText(html) {
  if (!html) return null;
  const doc = inertDocument(html);
  const text = htmlToText(doc.body ?? doc, { furniture: false });
  return text || null;
}

// ---- PDF -------------------------------------------------------------------------

let pdfjs = null;
async function loadPdfjs() {
  pdfjs ??= import('./vendor/pdfjs/pdf.min.mjs').then(
    (lib) => {
    lib.GlobalWorkerOptions.workerSrc = new URL('./vendor/pdfjs/pdf.worker.min.mjs', import.meta.url).href;
    return lib;
    },
    (err) => {
    pdfjs = null;
    throw new DocumentError('reader-missing', { reader: 'pdf.js', cause: err.message });
    },
  );
  return pdfjs;
}

/**
 * One page's text from pdf.js text items: lines joined into paragraphs, a
 * wide vertical gap starting a new one, words hyphenated at a line's end
 * joined again.
 */
export function pageText(items) {
  let text = '';
  let prev = null;
  for (const item of items) {
    if (typeof item?.str !== 'string') continue;
    const y = item.transform?.[5] ?? 0;
    const height = Math.abs(item.transform?.[3] ?? 0) || item.height || 10;
    if (prev) {
    const newLine = prev.eol || Math.abs(prev.y - y) > Math.max(height, prev.height) / 2;
    if (newLine) {
      const gap = Math.abs(prev.y - y);
      if (gap > 1.6 * Math.max(height, prev.height)) text = text.trimEnd() + '\n\n';
      else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(item.str)) text = text.slice(0, -1);
      else if (text && !/\s$/.test(text)) text += ' ';
    }
    }
    text += item.str;
    if (item.str !== '' || item.hasEOL) prev = { y, height, eol: Boolean(item.hasEOL) };
  }
  return text.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

/**
 * A PDF's text, page by page, read by pdf.js in its worker.
 *
 * @param {ArrayBuffer|Uint8Array} data
 * @param {{onProgress?: (page: number, pages: number) => void, signal?: AbortSignal}} opts
 * @returns {Promise<{text: string, pages: number[], title: string|null, date: string|null, lang: string|null}>}
 *   `pages[i]` is the UTF-16 offset in `text` where page i + 1 starts.
 */
export async function readPdf(data, { onProgress, signal } = {}) {
  if (signal?.aborted) throw new DocumentError('aborted');
  const lib = await loadPdfjs();
  const vendor = new URL('./vendor/pdfjs/', import.meta.url).href;
  const task = lib.getDocument({
    data: data instanceof Uint8Array ? data : new Uint8Array(data),
    // No code from the document, no fonts installed in the page, nothing
    // fetched but pdf.js's own files from this origin.
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: `${vendor}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${vendor}standard_fonts/`,
    stopAtErrors: false,
  });
  const abort = () => task.destroy();
  signal?.addEventListener('abort', abort, { once: true });
  let doc;
  try {
    try {
    doc = await task.promise;
    } catch (err) {
    if (signal?.aborted) throw new DocumentError('aborted');
    if (err?.name === 'PasswordException') throw new DocumentError('pdf-password');
    throw new DocumentError('pdf-damaged', { cause: err?.message });
    }
    const pages = [];
    let text = '';
    const count = doc.numPages;
    onProgress?.(0, count);
    for (let n = 1; n <= count; n++) {
    if (signal?.aborted) throw new DocumentError('aborted');
    let body = '';
    try {
      const page = await doc.getPage(n);
      body = pageText((await page.getTextContent()).items);
      page.cleanup();
    } catch (err) {
      if (signal?.aborted) throw new DocumentError('aborted');
      // One broken page does not lose the others.
      body = '';
    }
    if (text) text += '\n\n';
    pages.push(text.length);
    text += body;
    onProgress?.(n, count);
    }
    if (!text.trim()) throw new DocumentError('pdf-no-text', { pages: count });
    let title = null;
    let date = null;
    let lang = null;
    try {
    const { info } = await doc.getMetadata();
    title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim().slice(0, 300) : null;
    date = isoDate(info?.CreationDate) ?? isoDate(info?.ModDate);
    lang = /^(fr|en)\b/i.test(info?.Language ?? '') ? info.Language.slice(0, 2).toLowerCase() : null;
    } catch {
    // Metadata is a bonus: the text is what matters.
    }
    return { text, pages, title, date, lang };
  } finally {
    signal?.removeEventListener('abort', abort);
    if (doc) doc.destroy();
    else if (!signal?.aborted) task.destroy();
  }
}
