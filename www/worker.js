// Runs the WebAssembly core off the main thread, so that checking a very long
// text never freezes the page.
//
// In:  {id, text, options?}
// Out: {id, ok: true, lang, quantities, claims, claimsError, ms}
//      {id, ok: false, error}
//      {type: 'fatal', error}   when the core cannot be loaded at all

import { init, numbers, extract } from '../js/index.js';

const ready = init().catch((err) => {
  self.postMessage({ type: 'fatal', error: messageOf(err) });
  throw err;
});

function messageOf(err) {
  return err instanceof Error ? err.message : String(err);
}

self.addEventListener('message', async (event) => {
  const { id, text, options } = event.data ?? {};
  try {
    await ready;
  } catch {
    return; // already reported as fatal
  }
  try {
    const t0 = performance.now();
    const found = numbers(text, options);
    // Claims are a bonus on top of the figures: a core without extract(), or
    // one failing on this text, must not hide the highlights.
    let claims = null;
    let claimsError = null;
    try {
      claims = extract(text, options).claims;
    } catch (err) {
      claimsError = messageOf(err);
    }
    const ms = performance.now() - t0;
    self.postMessage({ id, ok: true, lang: found.lang, quantities: found.quantities, claims, claimsError, ms });
  } catch (err) {
    self.postMessage({ id, ok: false, error: messageOf(err) });
  }
});
