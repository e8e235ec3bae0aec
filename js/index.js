// Entry point of the recoupe package: loads the WebAssembly core once and
// exposes it with argument checks and clear errors. Works in browsers (main
// thread or workers) and in Node.

// A namespace import, so that a build lacking an export (extract arrives
// after numbers) still loads and fails only when that export is called.
import * as glue from '../pkg/recoupe.js';

const WASM_URL = new URL('../pkg/recoupe_bg.wasm', import.meta.url);

let ready = null;
let initialised = false;

const isNode =
  typeof process !== 'undefined' && process.versions != null && process.versions.node != null;

async function defaultSource() {
  if (isNode) {
    // Node's fetch cannot read file: URLs, so hand the bytes over directly.
    // Imported lazily so that bundlers and browsers never see it.
    const { readFile } = await import('node:fs/promises');
    return readFile(WASM_URL);
  }
  return WASM_URL;
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
      const source = input === undefined ? await defaultSource() : input;
      const arg =
        source !== null && typeof source === 'object' && 'module_or_path' in source
          ? source
          : { module_or_path: source };
      await glue.default(arg);
      initialised = true;
    })();
    // A failed load (network hiccup, wrong path) may be retried.
    ready.catch(() => {
      ready = null;
    });
  }
  return ready;
}

function checkArgs(name, text, options) {
  if (!initialised) throw new Error('recoupe: call await init() first');
  if (typeof text !== 'string') {
    throw new TypeError(`recoupe: ${name}() expects a string, got ${describe(text)}`);
  }
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new TypeError(`recoupe: ${name}() options must be an object, got ${describe(options)}`);
  }
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function call(name, text, options) {
  checkArgs(name, text, options);
  const fn = glue[name];
  if (typeof fn !== 'function') {
    throw new Error(`recoupe: ${name}() is not available in this build`);
  }
  try {
    return options == null ? fn(text) : fn(text, options);
  } catch (err) {
    // The core throws Error objects; anything else (a trap, a bare value)
    // is wrapped so callers can always rely on `.message`.
    if (err instanceof Error) throw err;
    throw new Error(`recoupe: ${name}() failed: ${String(err)}`);
  }
}

/**
 * Finds the figures (counts, amounts, percentages, dates...) in a text.
 *
 * @param {string} text
 * @param {{lang?: 'auto' | 'fr' | 'en'}} [options]
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
 * @param {{lang?: 'auto' | 'fr' | 'en'}} [options]
 * @returns {import('./index.js').ExtractResult}
 */
export function extract(text, options) {
  return call('extract', text, options);
}

function unwrap(name, run) {
  try {
    return run();
  } catch (err) {
    if (err instanceof Error) throw err;
    throw new Error(`recoupe: ${name}() failed: ${String(err)}`);
  }
}

/**
 * Sources indexed once, checked against many articles. Results are plain
 * objects; call `free()` (or use `using`) when done with the checker.
 */
export class Checker {
  #inner;

  /**
   * @param {{lang?: 'auto' | 'fr' | 'en', approxTolerance?: number, maxEvidence?: number}} [options]
   */
  constructor(options) {
    if (!initialised) throw new Error('recoupe: call await init() first');
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new TypeError(`recoupe: Checker options must be an object, got ${describe(options)}`);
    }
    this.#inner = unwrap('Checker', () => new glue.Checker(options ?? undefined));
  }

  #live(name) {
    if (!this.#inner) throw new Error(`recoupe: ${name}() called on a freed Checker`);
    return this.#inner;
  }

  /** Extracts and indexes a source `{id, text, title?, url?, date?, lang?}`. */
  addSource(source) {
    const inner = this.#live('addSource');
    if (source === null || typeof source !== 'object') {
      throw new TypeError(`recoupe: addSource() expects an object {id, text}, got ${describe(source)}`);
    }
    return unwrap('addSource', () => inner.addSource(source));
  }

  /** Removes a source by id; false when there was none. */
  removeSource(id) {
    const inner = this.#live('removeSource');
    if (typeof id !== 'string') throw new TypeError(`recoupe: removeSource() expects a string id, got ${describe(id)}`);
    return inner.removeSource(id);
  }

  /** The loaded sources. */
  sources() {
    return unwrap('sources', () => this.#live('sources').sources());
  }

  /** Checks an article against the sources: claims with verdicts and evidence. */
  check(article) {
    const inner = this.#live('check');
    if (typeof article !== 'string') throw new TypeError(`recoupe: check() expects a string, got ${describe(article)}`);
    return unwrap('check', () => inner.check(article));
  }

  /** Releases the checker's memory. Safe to call twice. */
  free() {
    if (this.#inner) {
      this.#inner.free();
      this.#inner = null;
    }
  }

  [Symbol.dispose ?? Symbol.for('Symbol.dispose')]() {
    this.free();
  }
}
