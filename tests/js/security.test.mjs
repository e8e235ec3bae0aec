// Hostile input: markup, scripts and javascript: addresses in an article, a
// source's title and a source's address, on the page and in the widget,
// under the strict CSP. Nothing may run, no javascript: link may be drawn.
// And the page's code never builds HTML from strings.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

import { launch, skip, settled, ROOT, screenshotPath } from './chromium.mjs';

async function* jsFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // www/vendor holds the built document readers (Readability, pdf.js),
    // not the page's code: Readability only ever sees the inert documents
    // documents.js parses (checked below), pdf.js runs in its worker.
    if (entry.isDirectory() && entry.name === 'vendor') continue;
    if (entry.isDirectory()) yield* jsFiles(path);
    else if (/\.m?js$/.test(entry.name)) yield path;
  }
}

test('www/**/*.js inserts text through DOM APIs only: no HTML parsing, no eval', async () => {
  const banned = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)\b|\beval\s*\(|\bnew\s+Function\s*\(/;
  const found = [];
  let files = 0;
  for await (const file of jsFiles(join(ROOT, 'www'))) {
    files++;
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (banned.test(line)) found.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.ok(files >= 7, `scanned ${files} files`);
  assert.deepEqual(found, []);
});

test('HTML is parsed in one place, into inert documents, and only documents.js loads the readers', async () => {
  const parsing = [];
  const readers = [];
  for await (const file of jsFiles(join(ROOT, 'www'))) {
    const name = relative(ROOT, file);
    (await readFile(file, 'utf8')).split('\n').forEach((line, i) => {
      if (/\bDOMParser\b|parseFromString/.test(line) && !line.trim().startsWith('//')) parsing.push(`${name}:${i + 1}`);
      if (/vendor\//.test(line) && !line.trim().startsWith('//')) readers.push(name);
    });
  }
  // One `new DOMParser().parseFromString(…, 'text/html')`: a document with
  // no browsing context, in which scripts never run and nothing loads.
  assert.equal(parsing.length, 1, parsing.join(', '));
  assert.match(parsing[0], /^www\/documents\.js:/);
  assert.deepEqual([...new Set(readers)], ['www/documents.js']);
});

// Each payload sets window.__pwned (or opens a dialog) if it ever runs.
const MARKUP = [
  '<img src=x onerror="window.__pwned=\'img\'">',
  '<script>window.__pwned="script"</script>',
  '<a href="javascript:window.__pwned=\'link\'">lien</a>',
  '<svg onload="window.__pwned=\'svg\'"></svg>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
].join(' ');

const ARTICLE = `Selon Séoul, environ 11 000 soldats nord-coréens ${MARKUP} ont été déployés en Russie en 2024.

Le ministère affirme que 300 soldats ont été tués <img src=x onerror=alert(1)> et 2 700 blessés.`;

const SOURCES = [
  {
    id: 'evil-1',
    title: `Titre ${MARKUP}`,
    url: 'javascript:window.__pwned="url"',
    date: '<img src=x onerror=alert(2)>',
    lang: 'fr',
    text: `Les services de renseignement estiment à environ 11 000 le nombre de soldats nord-coréens en Russie. ${MARKUP}`,
  },
  {
    id: '<img src=x onerror=alert(3)>',
    title: 'Deuxième',
    url: ' JaVaScRiPt:window.__pwned="url2"',
    lang: 'fr',
    text: '12 000 soldats nord-coréens se battent aux côtés des forces russes.',
  },
  {
    id: 'evil-3',
    title: 'Troisième',
    url: 'data:text/html,<script>alert(4)</script>',
    lang: 'fr',
    text: 'Environ 300 soldats ont été tués, selon Séoul.',
  },
  { id: 'fine', title: 'Quatrième', url: 'https://example.org/ok', lang: 'fr', text: 'Environ 2 700 soldats ont été blessés.' },
];

/** Anything that ran, and every link or element that should not be there. */
function audit(page) {
  return page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('recoupe-check')].map((w) => w.shadowRoot)];
    const all = (selector) => roots.flatMap((r) => [...r.querySelectorAll(selector)]);
    return {
      pwned: window.__pwned ?? null,
      // The timelines' own charts and legend swatches are the only SVG;
      // nothing inside them may load or embed anything.
      images: all('img, iframe, image, foreignObject, use, svg:not(.rc-tl-chart, .rc-tl-swatch)').length,
      scripts: all('script').filter((s) => !(s.type === 'module' && s.src) && s.type !== 'application/json').length,
      badLinks: all('a[href]')
        .map((a) => a.href)
        .filter((href) => !/^(https?:|blob:)/.test(href)),
      handlers: all('*').filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    };
  });
}

describe('hostile input, under the strict CSP', { skip, timeout: 90_000 }, () => {
  let chrome;
  const dialogs = [];

  before(async () => {
    chrome = await launch({ csp: true });
  });

  after(async () => {
    await chrome?.close();
  });

  test('the page: markup in the article, a source title, a source address', async () => {
    const page = await chrome.open();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.waitForSelector('#output mark.rc-claim', { timeout: 30_000 });
    await page.click('#clear');
    await page.setInputFiles('#corpus-file', {
      name: 'corpus.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(SOURCES)),
    });
    await page.waitForFunction(() => document.querySelectorAll('#sources li').length === 4);
    // Pasted by hand as well.
    await page.click('.source-add summary');
    await page.fill('#source-title', MARKUP);
    await page.fill('#source-url', 'javascript:window.__pwned="form"');
    await page.fill('#source-text', `Environ 11 000 soldats. ${MARKUP}`);
    await page.click('#source-form button[type="submit"]');
    await page.waitForFunction(() => document.querySelectorAll('#sources li').length === 5);
    await page.fill('#article', ARTICLE);
    await page.click('#check');
    await page.waitForSelector('#output mark.rc-claim');
    await settled(page);

    // The markup is shown as text.
    assert.ok((await page.textContent('#output')).includes('<script>window.__pwned="script"</script>'));
    assert.ok((await page.textContent('#sources')).includes('<img src=x onerror="window.__pwned=\'img\'">'));
    // Only the http(s) address became a link.
    const links = await page.$$eval('#sources a', (as) => as.map((a) => a.href));
    assert.deepEqual(links, ['https://example.org/ok']);

    // Every card, every table.
    const ids = await page.$$eval('#output mark.rc-claim', (els) => els.map((e) => e.dataset.claim));
    assert.ok(ids.length >= 3);
    for (const id of ids) {
      await page.click(`#rc-claim-${id}`);
      await page.waitForFunction((i) => document.getElementById('card-title')?.textContent.includes(i), id);
      const hrefs = await page.$$eval('#card a.rc-ev-link', (as) => as.map((a) => a.href));
      assert.ok(hrefs.every((h) => h === 'https://example.org/ok'), hrefs.join(' '));
    }
    assert.ok((await page.textContent('#card')).length > 0);
    await page.screenshot({ path: await screenshotPath('xss-page.png') });
    await page.click('#tab-table');
    await page.waitForSelector('#table-view:not([hidden])');

    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(await audit(page), { pwned: null, images: 0, scripts: 0, badLinks: [], handlers: 0 });
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  test('the widget: markup in the article and in its inline sources', async () => {
    const page = await chrome.open('examples/embed.html');
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.waitForFunction(() => document.querySelector('recoupe-check')?.report != null, null, { timeout: 30_000 });
    // The publisher's article holds hostile text (as text: a CMS escaped it).
    await page.evaluate(
      ([article, corpus]) => {
        document.querySelector('recoupe-check').remove();
        const story = document.querySelector('article.story');
        for (const line of article.split('\n\n')) {
          const p = document.createElement('p');
          p.textContent = line;
          story.append(p);
        }
        const widget = document.createElement('recoupe-check');
        widget.setAttribute('for', 'article.story');
        const data = document.createElement('script');
        data.type = 'application/json';
        data.textContent = JSON.stringify(corpus);
        widget.append(data);
        document.querySelector('.rail').prepend(widget);
      },
      [ARTICLE, SOURCES],
    );
    await page.waitForFunction(() => document.querySelector('recoupe-check')?.report != null, null, { timeout: 30_000 });
    const report = await page.evaluate(() => document.querySelector('recoupe-check').report);
    // Open the card of every claim with evidence.
    for (const claim of report.claims.filter((c) => c.evidence?.length)) {
      await page.locator(`recoupe-check button.claim[data-claim="${claim.id}"]`).click();
      const card = page.locator('recoupe-check .rc-card');
      await card.waitFor({ state: 'visible' });
      const hrefs = await card.locator('a.rc-ev-link').evaluateAll((as) => as.map((a) => a.href));
      assert.ok(hrefs.every((h) => h === 'https://example.org/ok'), hrefs.join(' '));
      await page.keyboard.press('Escape');
      await card.waitFor({ state: 'hidden' });
    }
    assert.ok(report.claims.some((c) => c.evidence?.some((e) => e.sourceId === 'evil-1')), 'the hostile source was read');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(await audit(page), { pwned: null, images: 0, scripts: 0, badLinks: [], handlers: 0 });
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  test('a sources address on another origin is refused', async () => {
    const page = await chrome.open('examples/embed.html', { expectProblems: true });
    const warnings = [];
    page.on('console', (msg) => warnings.push(msg.text()));
    await page.waitForFunction(() => document.querySelector('recoupe-check')?.report != null, null, { timeout: 30_000 });
    await page.evaluate(() => document.querySelector('recoupe-check').setAttribute('sources', 'https://example.org/sources.json'));
    await page.waitForFunction(() => document.querySelector('recoupe-check').shadowRoot.querySelector('.status').dataset.state === 'error');
    assert.ok(warnings.some((w) => w.includes('sources must be on')), warnings.join('\n'));
    await page.close();
  });

  test('nothing left 127.0.0.1 and the CSP blocked nothing', () => {
    assert.deepEqual(chrome.offsite, []);
    assert.deepEqual(chrome.problems, []);
  });
});
