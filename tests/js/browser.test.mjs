// The page in headless Chromium, served under the strict CSP: the demo on
// first visit, render.js on odd input, the empty state, a 5 MB paste that
// leaves the page responsive, working offline once loaded, and no request
// leaving 127.0.0.1.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { launch, settled, skip, SEEDS, screenshotPath } from './chromium.mjs';

const SEED = join(SEEDS, '001_125bc9ff60828318.txt');

describe('the page in Chromium', { skip, timeout: 180_000 }, () => {
  let chrome;

  before(async () => {
    chrome = await launch({ csp: true });
  });

  after(async () => {
    await chrome?.close();
  });

  test('first visit shows the demo article, its four sources and its claims', async () => {
    const page = await chrome.open();
    await page.waitForSelector('#output mark.rc-claim', { timeout: 30_000 });
    await settled(page);
    assert.match(await page.inputValue('#article'), /Corée du Nord/);
    assert.equal(await page.locator('#sources li').count(), 4);
    const verdicts = await page.$$eval('#output mark.rc-claim', (els) => els.map((el) => el.dataset.verdict));
    assert.ok(verdicts.length > 5, `claims: ${verdicts.length}`);
    // Against the demo sources, not everything stays unverified.
    assert.ok(verdicts.some((v) => v !== 'unverified'), verdicts.join(' '));
    // The article's language (French) sets the labels.
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.textContent('#output-title'), 'Affirmations');
    await page.close();
  });

  test('render.js copes with odd spans and inserts text, never markup', async () => {
    const page = await chrome.open();
    const result = await page.evaluate(async () => {
      const { renderArticle, renderCard } = await import(new URL('render.js', location.href).href);
      const text = '🇫🇷 12 et 300\nfin <b>7</b> <img src=x>';
      const q = (start, end) => ({ surface: text.slice(start, end), spanUtf16: [start, end], value: 1 });
      const claim = (id, start, end, fig, verdict) => ({
        id, text: text.slice(start, end), spanUtf16: [start, end], verdict, quantities: fig ? [q(...fig)] : [],
        evidence: [], explanation: '<i>x</i>',
      });
      const box = document.createElement('div');
      const drawn = await renderArticle(box, text, [
        claim('c2', 11, 14, [11, 14], 'related'), claim('c1', 5, 8, [5, 7], 'disputed'),
        claim('c9', 6, 9, null, 'related'), // overlaps c1
        claim('x1', -1, 2, null), claim('x2', 10, 99, null), claim('x3', 3, 3, null), { id: 'x4', spanUtf16: null },
        claim('c3', 19, 30, [19, 22], 'nonsense'), // the span holds markup as text; an unknown verdict
      ], { lang: 'fr' });
      const card = renderCard(claim('c1', 5, 8, [5, 7], 'disputed'), { lang: 'en', sources: new Map() });
      return {
        drawn,
        marks: [...box.querySelectorAll('mark.rc-claim')].map((m) => [m.textContent, m.dataset.verdict, m.querySelector('.rc-fig')?.textContent ?? null]),
        lines: [...box.querySelectorAll('.rc-line')].map((l) => l.textContent),
        lang: box.lang,
        elements: box.querySelectorAll('img, b').length + card.querySelectorAll('img, i').length,
        cardText: card.textContent,
      };
    });
    assert.deepEqual(result.drawn, { claims: 3, complete: true });
    assert.deepEqual(result.marks, [
      ['12 ', 'disputed', '12'],
      ['300', 'related', '300'],
      ['<b>7</b> <i', 'unverified', '<b>'],
    ]);
    assert.deepEqual(result.lines, ['🇫🇷 12 et 300', 'fin <b>7</b> <img src=x>']);
    assert.equal(result.lang, 'fr');
    assert.equal(result.elements, 0);
    assert.match(result.cardText, /<i>x<\/i>/);
    await page.close();
  });

  test('empty or blank text shows the empty state, not an error', async () => {
    const page = await chrome.open();
    await page.waitForSelector('#output mark.rc-claim', { timeout: 30_000 });
    await page.click('#clear');
    for (const text of ['', '   \n\t  ']) {
      await page.fill('#article', text);
      await page.click('#check');
      await page.waitForSelector('#empty:not([hidden])');
      await settled(page);
      assert.equal(await page.isHidden('#output'), true);
      assert.equal(await page.isHidden('#toolbar'), true);
    }
    // Cleared stays cleared: no demo on the next visit.
    await page.reload();
    await page.waitForSelector('#empty:not([hidden])');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await page.inputValue('#article')).trim(), '');
    assert.equal(await page.locator('#sources li').count(), 0);
    await page.close();
  });

  test('once loaded, the page keeps checking offline', async () => {
    const page = await chrome.open();
    await page.waitForSelector('#output mark.rc-claim', { timeout: 30_000 });
    await settled(page);
    await page.context().setOffline(true);
    try {
      await page.fill('#article', 'Selon Séoul, 12 000 soldats ont été déployés en 2024.');
      await page.click('#check');
      await settled(page);
      await page.waitForSelector('#output mark.rc-claim');
      assert.match(await page.textContent('#output mark.rc-claim'), /12\s000 soldats/);
    } finally {
      await page.context().setOffline(false);
    }
    await page.close();
  });

  test('a 5 MB paste keeps the page responsive, with a progress indicator', { timeout: 150_000 }, async () => {
    const page = await chrome.open();
    await page.waitForSelector('#output mark.rc-claim', { timeout: 30_000 });
    await page.click('#clear');
    const seed = await readFile(SEED, 'utf8');
    const big = `${seed}\n`.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(`${seed}\n`)));
    assert.ok(Buffer.byteLength(big) >= 5 * 1024 * 1024);

    // A real paste event, as Ctrl+V fires it (the page takes large pastes
    // over, so that the text field does not have to lay out megabytes).
    await page.focus('#article');
    await page.$eval(
      '#article',
      (el, text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
        // Nothing else inserts the text, as for a real paste the page does not handle.
        if (el.dispatchEvent(event)) {
          el.value = text;
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }
      },
      big,
    );

    // While it is being checked and drawn, the page keeps answering.
    const started = Date.now();
    let probes = 0;
    let sawProgress = false;
    for (;;) {
      let timer;
      const answer = await Promise.race([
        page.evaluate(() => [1 + 1, !document.getElementById('progress').hidden]),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('the page froze for 3 s')), 3_000);
        }),
      ]).finally(() => clearTimeout(timer));
      assert.equal(answer[0], 2);
      sawProgress ||= answer[1];
      probes++;
      const state = await page.getAttribute('#status', 'data-state');
      const busy = await page.$eval('#output', (el) => el.hasAttribute('aria-busy'));
      if (state !== 'busy' && !busy && Date.now() - started > 500) break;
      assert.ok(Date.now() - started < 120_000, 'the check did not finish in 2 minutes');
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(probes > 1, 'probed while checking');
    assert.ok(sawProgress, 'the progress indicator showed');

    await settled(page);
    const marks = await page.locator('#output mark.rc-claim').count();
    assert.ok(marks > 1000, `claims drawn: ${marks}`);
    // The status reports the claims actually drawn.
    const status = await page.textContent('#status');
    assert.match(status.replace(/[\u00a0\u202f]/g, ' '), new RegExp(`${marks.toLocaleString('fr').replace(/[\u00a0\u202f]/g, ' ')} affirmations`), status);
    // The whole text was checked, though the field shows only its beginning.
    assert.equal(await page.isVisible('#large-note'), true);
    assert.ok((await page.inputValue('#article')).length < big.length);
    const last = await page.$eval('#output', (el) => el.lastElementChild.textContent.length);
    assert.ok(last > 0);
    await page.screenshot({ path: await screenshotPath('page-5mb.png') });
    await page.close();
  });

  test('no request left 127.0.0.1 and nothing went wrong in the page', () => {
    assert.deepEqual(chrome.offsite, []);
    assert.ok(chrome.requests.length > 0);
    for (const url of chrome.requests) {
      const { protocol, hostname } = new URL(url);
      if (protocol === 'data:' || protocol === 'blob:') continue;
      assert.equal(hostname, '127.0.0.1', url);
    }
    assert.ok(chrome.requests.some((u) => u.endsWith('/pkg/recoupe_bg.wasm')), 'the wasm was loaded');
    assert.deepEqual(chrome.problems, []);
  });
});
