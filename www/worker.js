// Runs the WebAssembly core off the main thread, so that checking a long text
// never freezes the page. One Checker lives as long as the worker: sources
// are indexed once, as they are added, and every check reuses them.
//
// In (handled in order):
//   {type: 'add', source: {id, text, title?, url?, date?, lang?}}
//   {type: 'remove', id}
//   {type: 'check', id, text}
// Out:
//   {type: 'source-error', id, error}    a source the core refused
//   {type: 'result', id, ok: true, report, ms}
//   {type: 'result', id, ok: false, error}
//   {type: 'fatal', error}               the core cannot be loaded at all

import { init, Checker } from '../js/index.js';

let checker = null;
const ready = init().then(() => {
  checker = new Checker();
});
ready.catch((err) => self.postMessage({ type: 'fatal', error: messageOf(err) }));

function messageOf(err) {
  return err instanceof Error ? err.message : String(err);
}

self.addEventListener('message', async (event) => {
  const msg = event.data ?? {};
  try {
    await ready;
  } catch {
    return; // already reported as fatal
  }
  switch (msg.type) {
    case 'add':
      try {
        // A source of the same id is replaced (a rename, an edit).
        checker.removeSource(String(msg.source.id));
        checker.addSource(msg.source);
      } catch (err) {
        self.postMessage({ type: 'source-error', id: msg.source?.id, error: messageOf(err) });
      }
      break;
    case 'remove':
      checker.removeSource(String(msg.id));
      break;
    case 'check':
      try {
        const t0 = performance.now();
        const report = checker.check(msg.text, { date: msg.date ?? null });
        self.postMessage({ type: 'result', id: msg.id, ok: true, report, ms: performance.now() - t0 });
      } catch (err) {
        self.postMessage({ type: 'result', id: msg.id, ok: false, error: messageOf(err) });
      }
      break;
    default:
      break;
  }
});
