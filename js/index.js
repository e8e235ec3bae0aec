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
