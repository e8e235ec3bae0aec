// Memory in a real page: 1,000 consecutive checks of the demo article
// against the demo sources, each asked for with the page's Check button and
// drawn in full, must not make the page or its core grow. Measured after a
// forced garbage collection: the page's JS heap and its DOM counters (over
// Chrome DevTools Protocol), and the wasm memory of the worker that runs
// the core.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { launch, settled, skip } from './chromium.mjs';

const WARM = 100;
const CHECKS = 1000;

/** Clicks Check `n` times, each time waiting until the result is drawn. */
async function checks(page, n) {
  await page.evaluate(async (count) => {
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => {
        addEventListener('recoupe:drawn', resolve, { once: true });
        document.getElementById('check').click();
      });
    }
  }, n);
}

async function sample(page, cdp) {
  const [worker] = page.workers();
  // The worker's own module instance of the wasm glue: init() returns the
  // instance already loaded.
  const wasm = await worker.evaluate(async () => {
    globalThis.gc?.();
    const glue = await import('/pkg/recoupe.js');
    return (await glue.default()).memory.buffer.byteLength;
  });
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { wasm, heap: usedSize, nodes, listeners: jsEventListeners };
}

test('1,000 checks in the page keep the wasm memory, the JS heap and the DOM bounded', { skip, timeout: 600_000 }, async () => {
  const chrome = await launch({ csp: true, args: ['--js-flags=--expose-gc'] });
  try {
    const page = await chrome.open();
    // The demo arrives after the first paint, whose empty state counts as settled.
    await page.waitForSelector('#output mark.rc-claim', { timeout: 30_000 });
    await settled(page);
    const claims = await page.locator('#output mark.rc-claim').count();
    assert.ok(claims > 10, `the demo is drawn (${claims} claims)`);
    const cdp = await page.context().newCDPSession(page);

    await checks(page, WARM);
    const warm = await sample(page, cdp);
    const started = performance.now();
    await checks(page, CHECKS);
    const seconds = (performance.now() - started) / 1000;
    const end = await sample(page, cdp);
    console.log(
      `page, after ${WARM} checks: wasm ${warm.wasm} B, JS heap ${warm.heap} B, ${warm.nodes} DOM nodes, ${warm.listeners} listeners; ` +
        `after ${WARM + CHECKS} (${seconds.toFixed(1)} s): wasm ${end.wasm} B, JS heap ${end.heap} B, ${end.nodes} DOM nodes, ${end.listeners} listeners`,
    );

    // Still drawing the same report.
    assert.equal(await page.locator('#output mark.rc-claim').count(), claims);
    // Bounds: the wasm memory does not grow once warm (each report is copied
    // out and freed); the page's heap grows by less than 2 MB; each redraw
    // replaces the last, so the DOM does not keep them: the node count
    // (which includes detached nodes not yet swept) grows by less than one
    // node per check, and the listeners by a few at most.
    assert.equal(end.wasm, warm.wasm, 'the wasm memory grew');
    assert.ok(end.heap - warm.heap < 2 * 1024 * 1024, `the JS heap grew by ${end.heap - warm.heap} B`);
    assert.ok(end.nodes - warm.nodes < CHECKS, `DOM nodes: ${warm.nodes} then ${end.nodes}`);
    assert.ok(end.listeners - warm.listeners <= 5, `listeners: ${warm.listeners} then ${end.listeners}`);
    assert.deepEqual(chrome.problems, []);
    assert.deepEqual(chrome.offsite, []);
  } finally {
    await chrome.close();
  }
});
