// Entry point of the recoupe package: loads the WebAssembly core once and
// exposes it with argument checks and clear errors. Works in browsers (main
// thread or workers), in bundlers and in Node.

// A namespace import, so that a build lacking an export (extract arrives
// after numbers) still loads and fails only when that export is called.
import * as glue from '../pkg/recoupe.js';

// Written out in full so that bundlers see the file and ship it as an asset.
const WASM_URL = new URL('../pkg/recoupe_bg.wasm', import.meta.url);

let ready = null;
let initialised = false;

const isNode =
  typeof process !== 'undefined' && process.versions != null && process.versions.node != null;

// Held in a variable so that bundlers do not try to resolve a Node module
// for the browser; only used where process.getBuiltinModule is missing.
const NODE_FS = 'node:fs/promises';

async function readLocal(url) {
  const fs =
    process.getBuiltinModule?.(NODE_FS) ??
    (await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_FS));
  return fs.readFile(url);
}

function isFileUrl(value) {
  return value instanceof URL && value.protocol === 'file:';
}

/**
 * Loads and instantiates the WebAssembly module. Safe to call many times:
 * every call returns the same promise once one has succeeded.
 *
 * @param {import('./index.js').InitSource |
 *   {module_or_path: import('./index.js').InitSource}} [input]
 *   Where to find the module; defaults to the `recoupe_bg.wasm` shipped next
 *   to this file.
 * @returns {Promise<void>}
 */
export function init(input) {
  if (!ready) {
    ready = (async () => {
      let source =
        input !== null && typeof input === 'object' && 'module_or_path' in input
          ? input.module_or_path
          : input;
      if (source === undefined) source = WASM_URL;
      // Node's fetch cannot read file: URLs, so hand the bytes over directly.
      if (isNode && isFileUrl(source)) source = await readLocal(source);
      await glue.default({ module_or_path: source });
      initialised = true;
    })();
    // A failed load (network hiccup, wrong path) may be retried.
    ready.catch(() => {
      ready = null;
    });
  }
  return ready;
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function requireInit() {
  if (!initialised) throw new Error('recoupe: call await init() first');
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Type checks on options; the core checks the values themselves. */
function checkOptions(where, options, numeric) {
  if (options === undefined || options === null) return;
  if (!isObject(options)) {
    throw new TypeError(`recoupe: ${where} options must be an object, got ${describe(options)}`);
  }
  const { lang } = options;
  if (lang !== undefined && lang !== null && typeof lang !== 'string') {
    throw new TypeError(`recoupe: ${where} options.lang must be "auto", "fr" or "en", got ${describe(lang)}`);
  }
  for (const key of numeric) {
    const value = options[key];
    if (value !== undefined && typeof value !== 'number') {
      throw new TypeError(`recoupe: ${where} options.${key} must be a number, got ${describe(value)}`);
    }
  }
}

/** A panic in the core: it stops the call with a trap. */
function isTrap(err) {
  return typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError;
}

// The core throws Error objects. A panic in the core surfaces as a trap: it
// becomes an Error carrying the panic's message (kept by the core's panic
// hook), and the module stays usable for the next call. Anything else
// (a bare value) is wrapped so that callers can always rely on `.message`.
function unwrap(name, run) {
  try {
    return run();
  } catch (err) {
    if (isTrap(err)) {
      let detail = err.message;
      try {
        detail = glue.lastPanic?.() ?? detail;
      } catch {
        // The message is a nicety; the Error below is what matters.
      }
      throw new Error(`recoupe: ${name}() stopped on an internal error (${detail})`, { cause: err });
    }
    if (err instanceof Error) throw err;
    throw new Error(`recoupe: ${name}() failed: ${String(err)}`);
  }
}

function call(name, text, options) {
  requireInit();
  if (typeof text !== 'string') {
    throw new TypeError(`recoupe: ${name}() expects a string, got ${describe(text)}`);
  }
  checkOptions(`${name}()`, options, ['approxTolerance']);
  const fn = glue[name];
  if (typeof fn !== 'function') {
    throw new Error(`recoupe: ${name}() is not available in this build`);
  }
  return unwrap(name, () => fn(text, options ?? undefined));
}

/**
 * Finds the figures (counts, amounts, percentages, dates...) in a text.
 *
 * @param {string} text
 * @param {import('./index.js').Options} [options]
 * @returns {import('./index.js').NumbersResult}
 */
export function numbers(text, options) {
  return call('numbers', text, options);
}

/**
 * Finds the checkable claims in a text: sentences carrying figures, with
 * who says them and how firmly.
 *
 * @param {string} text
 * @param {import('./index.js').Options} [options]
 * @returns {import('./index.js').ExtractResult}
 */
export function extract(text, options) {
  return call('extract', text, options);
}

const SOURCE_STRINGS = ['title', 'url', 'date', 'lang'];

function checkSource(source) {
  if (!isObject(source)) {
    throw new TypeError(`recoupe: addSource() expects an object {id, text}, got ${describe(source)}`);
  }
  for (const key of ['id', 'text']) {
    if (typeof source[key] !== 'string') {
      throw new TypeError(`recoupe: addSource() expects source.${key} to be a string, got ${describe(source[key])}`);
    }
  }
  for (const key of SOURCE_STRINGS) {
    const value = source[key];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new TypeError(`recoupe: addSource() expects source.${key} to be a string, got ${describe(value)}`);
    }
  }
}

// A checker dropped without free() has its core object freed once the
// wrapper is collected. The registry holds the core object itself, so it
// cannot be collected (and freed by the glue) while the wrapper lives.
const leaks =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry((inner) => {
        try {
          inner.free();
        } catch {
          // Nothing useful to do from a finaliser.
        }
      })
    : null;

/**
 * Sources indexed once, checked against many articles. Results are plain
 * objects; call `free()` (or use `using`) when done with the checker.
 */
export class Checker {
  #inner;
  #options;
  // The sources as given, to rebuild the core checker after an internal
  // error left it unusable.
  #sources = new Map();

  /**
   * @param {import('./index.js').CheckerOptions} [options]
   */
  constructor(options) {
    requireInit();
    checkOptions('Checker', options, ['approxTolerance', 'maxEvidence']);
    this.#options = options ?? undefined;
    const inner = unwrap('Checker', () => new glue.Checker(this.#options));
    this.#inner = inner;
    leaks?.register(this, inner, this);
  }

  // Runs a call on the core checker; after an internal error, replaces the
  // core checker by a fresh one holding the same sources, then rethrows.
  #run(name, fn) {
    const inner = this.#live(name);
    try {
      return unwrap(name, () => fn(inner));
    } catch (err) {
      if (isTrap(err.cause)) this.#rebuild();
      throw err;
    }
  }

  #rebuild() {
    const old = this.#inner;
    leaks?.unregister(this);
    try {
      old.free();
    } catch {
      // A checker stopped mid-call may refuse to be freed; drop it.
    }
    const inner = new glue.Checker(this.#options);
    for (const source of this.#sources.values()) inner.addSource(source);
    this.#inner = inner;
    leaks?.register(this, inner, this);
  }

  #live(name) {
    if (!this.#inner) throw new Error(`recoupe: ${name}() called on a freed Checker`);
    return this.#inner;
  }

  /**
   * Extracts and indexes a source.
   *
   * @param {import('./index.js').Source} source
   * @returns {import('./index.js').SourceInfo}
   */
  addSource(source) {
    this.#live('addSource');
    checkSource(source);
    const info = this.#run('addSource', (inner) => inner.addSource(source));
    const { id, text, title, url, date, lang } = source;
    this.#sources.set(info.id, { id, text, title, url, date, lang });
    return info;
  }

  /**
   * Removes a source by id.
   *
   * @param {string} id
   * @returns {boolean} false when there was no such source
   */
  removeSource(id) {
    this.#live('removeSource');
    if (typeof id !== 'string') {
      throw new TypeError(`recoupe: removeSource() expects a string id, got ${describe(id)}`);
    }
    const removed = this.#run('removeSource', (inner) => inner.removeSource(id));
    this.#sources.delete(id.trim());
    return removed;
  }

  /**
   * The loaded sources, in the order they were added.
   *
   * @returns {import('./index.js').SourceInfo[]}
   */
  sources() {
    return this.#run('sources', (inner) => inner.sources());
  }

  /**
   * Checks an article against the sources: claims with verdicts and evidence.
   *
   * @param {string} article
   * @param {{date?: string | null}} [options] the article's date (ISO 8601);
   *   by default read from its dateline, else unknown
   * @returns {import('./index.js').CheckReport}
   */
  check(article, options = {}) {
    this.#live('check');
    if (typeof article !== 'string') {
      throw new TypeError(`recoupe: check() expects a string, got ${describe(article)}`);
    }
    if (options === null || typeof options !== 'object') {
      throw new TypeError(`recoupe: check() options must be an object, got ${describe(options)}`);
    }
    const date = options.date ?? undefined;
    if (date !== undefined && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(date))) {
      throw new TypeError(`recoupe: check() options.date must be a date such as "2024-09-10", got ${describe(date)}`);
    }
    return this.#run('check', (inner) => inner.check(article, date));
  }

  /** Releases the checker's memory. Safe to call twice. */
  free() {
    const inner = this.#inner;
    if (inner) {
      this.#inner = null;
      this.#sources.clear();
      leaks?.unregister(this);
      inner.free();
    }
  }

  // Symbol.for('Symbol.dispose') is the key that transpilers' `using`
  // helpers fall back to where the runtime lacks Symbol.dispose.
  [Symbol.dispose ?? Symbol.for('Symbol.dispose')]() {
    this.free();
  }
}
