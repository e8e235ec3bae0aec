// The widget in Chromium, under the strict CSP: examples/embed.html
// annotated in place with CSS highlights (the page's DOM untouched), the
// evidence card from a click and from the keyboard, a paragraph added after
// load getting its highlights, and the <mark> fallback.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { launch, skip, screenshotPath, ROOT } from './chromium.mjs';
import { rankEvidence } from '../../www/render.js';

const EMBED = 'examples/embed.html';

/** Waits for the widget's first report. */
async function checked(page, selector = 'recoupe-check') {
  await page.waitForFunction((s) => document.querySelector(s)?.report != null, selector, { timeout: 30_000, polling: 50 });
}

/** Every range of the widget's highlights: {name, text, inArticle}. */
function highlighted(page) {
  return page.evaluate(() => {
    const article = document.querySelector('article.story') ?? document.querySelector('article');
    const out = [];
    for (const [name, highlight] of CSS.highlights) {
      for (const range of highlight) {
        out.push({ name, text: range.toString(), inArticle: article.contains(range.commonAncestorContainer) });
      }
    }
    return out;
  });
}

describe('the widget on a news page', { skip, timeout: 90_000 }, () => {
  let chrome;

  before(async () => {
    chrome = await launch({ csp: true });
  });

  after(async () => {
    await chrome?.close();
  });

  test('annotates embed.html in place with CSS highlights, the DOM untouched', async () => {
    const page = await chrome.open(EMBED);
    // The page as served, before any script ran.
    const served = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return { article: doc.querySelector('article.story').outerHTML, head: doc.head.children.length, body: doc.body.querySelectorAll('*').length };
    });
    await checked(page);
    const report = await page.evaluate(() => document.querySelector('recoupe-check').report);
    assert.equal(report.lang, 'fr');
    assert.ok(report.claims.length >= 6, `claims: ${report.claims.length}`);
    assert.equal(report.sources.length, 3);

    const ranges = await highlighted(page);
    const claims = ranges.filter((r) => /^recoupe-(corroborated|contradicted|disputed|related|unverified)$/.test(r.name));
    assert.equal(claims.length, report.claims.length);
    assert.ok(ranges.every((r) => r.inArticle), 'every highlight lies in the article');
    // Each range covers its claim's words.
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    for (const claim of report.claims) {
      const range = claims.find((r) => norm(r.text) === norm(claim.text));
      assert.ok(range, `a highlight for ${claim.id}: ${claim.text}`);
      assert.equal(range.name, `recoupe-${claim.verdict}`);
    }
    assert.equal(ranges.filter((r) => r.name === 'recoupe-figure').length, report.claims.length);
    // The byline is left out (ignore=".byline").
    assert.ok(!claims.some((r) => r.text.includes('Publié')));

    const now = await page.evaluate(() => ({
      article: document.querySelector('article.story').outerHTML,
      head: document.head.children.length,
      body: document.body.querySelectorAll('*').length,
      marks: document.querySelectorAll('mark').length,
      sheets: document.adoptedStyleSheets.length,
      style: document.querySelectorAll('[style]').length,
    }));
    assert.equal(now.article, served.article, 'the article is untouched');
    assert.equal(now.head, served.head);
    assert.equal(now.body, served.body);
    assert.equal(now.marks, 0);
    assert.equal(now.sheets, 1, 'the ::highlight() rules come as one adopted stylesheet');
    assert.equal(now.style, 0);

    // The panel counts the claims per verdict.
    const counts = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelector('recoupe-check').shadowRoot.querySelectorAll('.summary button')].map((b) => [b.dataset.verdict, Number(b.querySelector('.rc-num').textContent)]),
      ),
    );
    assert.equal(counts[''], report.claims.length);
    for (const v of ['corroborated', 'contradicted', 'disputed', 'related', 'unverified']) {
      assert.equal(counts[v], report.claims.filter((c) => c.verdict === v).length, v);
    }
    // The ::highlight() rules apply, and the publisher's custom properties reach them.
    const paint = await page.evaluate(() => {
      const p = document.querySelector('article.story p:not(.byline):not(.kicker):not(.standfirst)');
      return getComputedStyle(p, '::highlight(recoupe-related)').textDecorationStyle;
    });
    assert.equal(paint, 'dotted');
    await page.screenshot({ path: await screenshotPath('embed.png') });
    await page.close();
  });

  test('a click on a highlighted claim opens its evidence card; Escape closes it', async () => {
    const page = await chrome.open(EMBED);
    await checked(page);
    const report = await page.evaluate(() => document.querySelector('recoupe-check').report);
    const claim = report.claims.find((c) => c.evidence?.length);
    const point = await page.evaluate((text) => {
      const article = document.querySelector('article.story');
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.replace(/\s+/g, ' ').indexOf(text.slice(0, 12));
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at + 2);
        range.setEnd(node, at + 3);
        range.startContainer.parentElement.scrollIntoView({ block: 'center' });
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      return null;
    }, claim.text);
    assert.ok(point, `found "${claim.text}" in the page`);
    await page.mouse.click(point.x, point.y);
    const card = page.locator('recoupe-check .rc-card');
    await card.waitFor({ state: 'visible' });
    assert.match(await card.locator('.rc-card-title').textContent(), new RegExp(`${claim.id}$`));
    const sentences = await card.locator('.rc-ev .rc-quote').allTextContents();
    const ranked = rankEvidence(claim.evidence);
    assert.deepEqual(sentences, ranked.map((e) => e.sentence));
    assert.deepEqual(await card.locator('.rc-ev-explanation').allTextContents(), ranked.map((e) => e.explanation));
    // Sources with an address are linked, http(s) only.
    const links = await card.locator('a.rc-ev-link').evaluateAll((as) => as.map((a) => a.href));
    assert.ok(links.length > 0 && links.every((h) => h.startsWith('https://example.org/')), links.join(' '));
    // The claim is marked as the active one.
    assert.equal(await page.evaluate(() => CSS.highlights.get('recoupe-active').size), 1);
    await page.screenshot({ path: await screenshotPath('embed-card.png') });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    await page.close();
  });

  test('keyboard: Tab into the claim list, j / k, Enter opens the card', async () => {
    const page = await chrome.open(EMBED);
    await checked(page);
    const first = page.locator('recoupe-check button.claim').first();
    await first.focus();
    const active = () =>
      page.evaluate(() => document.querySelector('recoupe-check').shadowRoot.activeElement?.dataset.claim ?? null);
    const ids = await page.locator('recoupe-check button.claim').evaluateAll((bs) => bs.map((b) => b.dataset.claim));
    assert.equal(await active(), ids[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    assert.equal(await active(), ids[2]);
    await page.keyboard.press('k');
    assert.equal(await active(), ids[1]);
    // The focused claim is shown in the article.
    assert.equal(await page.evaluate(() => CSS.highlights.get('recoupe-active').size), 1);
    await page.keyboard.press('Enter');
    const card = page.locator('recoupe-check .rc-card');
    await card.waitFor({ state: 'visible' });
    assert.match(await card.locator('.rc-card-title').textContent(), new RegExp(`${ids[1]}$`));
    assert.equal(await page.evaluate(() => document.querySelector('recoupe-check').shadowRoot.activeElement?.id), 'recoupe-card-title');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    assert.equal(await active(), ids[1]);
    await page.close();
  });

  test('a paragraph added after load gets its claims highlighted', async () => {
    const page = await chrome.open(EMBED);
    await checked(page);
    const before = await page.evaluate(() => document.querySelector('recoupe-check').report.claims.length);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'Selon le ministère sud-coréen de la Défense, la Corée du Nord a fourni à la Russie environ 200 unités d’artillerie à longue portée.';
      document.querySelector('article.story').append(p);
    });
    await page.waitForFunction(
      () => {
        const late = document.getElementById('late');
        for (const [name, highlight] of CSS.highlights) {
          if (!/^recoupe-(corroborated|contradicted|disputed|related|unverified)$/.test(name)) continue;
          for (const range of highlight) if (late.contains(range.startContainer)) return true;
        }
        return false;
      },
      null,
      { timeout: 30_000, polling: 100 },
    );
    const after = await page.evaluate(() => document.querySelector('recoupe-check').report.claims.length);
    assert.ok(after > before);
    // Replacing nodes without changing the words only moves the anchors.
    await page.evaluate(() => {
      const late = document.getElementById('late');
      late.replaceWith(late.cloneNode(true));
    });
    await page.waitForFunction(
      () => [...CSS.highlights.get('recoupe-figure')].some((r) => r.startContainer.isConnected && document.getElementById('late').contains(r.startContainer)),
      null,
      { timeout: 10_000, polling: 100 },
    );
    await page.close();
  });

  test('two widgets on one page keep each other\'s highlights', async () => {
    const page = await chrome.open(EMBED);
    await checked(page);
    const claimNames = /^recoupe-(corroborated|contradicted|disputed|related|unverified)$/;
    const count = () =>
      page.evaluate((re) => {
        const pattern = new RegExp(re);
        const out = { story: 0, second: 0 };
        for (const [name, highlight] of CSS.highlights) {
          if (!pattern.test(name)) continue;
          for (const range of highlight) {
            if (document.querySelector('article.story').contains(range.startContainer)) out.story++;
            if (document.getElementById('second')?.contains(range.startContainer)) out.second++;
          }
        }
        return out;
      }, claimNames.source);
    const first = await page.evaluate(() => document.querySelector('recoupe-check').report.claims.length);
    assert.deepEqual(await count(), { story: first, second: 0 });

    await page.evaluate(() => {
      const article = document.createElement('article');
      article.id = 'second';
      article.textContent = 'About 11,000 North Korean soldiers have been deployed to Russia, according to Seoul. Around 300 of them were killed.';
      document.body.append(article);
      const widget = document.createElement('recoupe-check');
      widget.id = 'second-widget';
      widget.setAttribute('for', '#second');
      const data = document.createElement('script');
      data.type = 'application/json';
      data.textContent = JSON.stringify([{ id: 'wire', text: 'South Korean intelligence says 15,000 North Korean troops are now in Russia.' }]);
      widget.append(data);
      document.body.append(widget);
    });
    await checked(page, '#second-widget');
    const second = await page.evaluate(() => document.getElementById('second-widget').report.claims.length);
    assert.ok(second >= 2, `claims of the second article: ${second}`);
    assert.deepEqual(await count(), { story: first, second });

    // Removing one widget takes its highlights only.
    await page.evaluate(() => document.getElementById('second-widget').remove());
    assert.deepEqual(await count(), { story: first, second: 0 });
    await page.close();
  });

  test('a corpus that recoupe corpus built from saved pages and text files loads in the widget', async () => {
    // The example's sources as a publisher's archive has them: two saved
    // pages (dates and titles in their markup), a dispatch with a
    // dateline, and a copy of one page under another name.
    const examples = JSON.parse(readFileSync(join(ROOT, 'www/examples/sources.json'), 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'recoupe-widget-corpus-'));
    try {
      const archive = join(dir, 'archive');
      mkdirSync(archive);
      const html = (s) =>
        `<!doctype html><html lang="fr"><head><title>${s.title} | Le Quotidien</title><meta property="og:title" content="${s.title}">` +
        `<meta property="article:published_time" content="${s.date}T09:00:00+01:00"></head><body><nav><a href="/">Accueil</a></nav>` +
        `<article>${s.text.split('\n').filter((l) => l.trim()).map((l) => `<p>${l}</p>`).join('')}</article><footer>Mentions légales</footer></body></html>`;
      writeFileSync(join(archive, 'a-000.html'), html(examples[0]));
      writeFileSync(join(archive, 'b-001.html'), html(examples[1]));
      writeFileSync(join(archive, 'b-001-copie.html'), html(examples[1]));
      writeFileSync(join(archive, 'c-004.txt'), `KIEV, 11 mars 2025 –\n\n${examples[2].text}`);
      const target = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
      const bin = join(target, 'debug', 'recoupe');
      if (!existsSync(bin)) execFileSync('cargo', ['build', '--quiet', '--bin', 'recoupe'], { cwd: ROOT, stdio: 'inherit' });
      const out = join(dir, 'sources.json');
      execFileSync(bin, ['corpus', '-o', out, archive], { stdio: ['ignore', 'pipe', 'pipe'] });
      const corpus = JSON.parse(readFileSync(out, 'utf8'));
      assert.deepEqual(corpus.map((s) => s.id), ['a-000', 'b-001', 'c-004']);

      const page = await chrome.open(EMBED);
      await checked(page);
      await page.evaluate((sources) => {
        document.querySelector('recoupe-check').remove();
        const widget = document.createElement('recoupe-check');
        widget.setAttribute('for', 'article.story');
        widget.setAttribute('ignore', '.byline');
        const data = document.createElement('script');
        data.type = 'application/json';
        data.textContent = JSON.stringify(sources);
        widget.append(data);
        document.querySelector('.rail').prepend(widget);
      }, corpus);
      await checked(page);
      const report = await page.evaluate(() => document.querySelector('recoupe-check').report);
      assert.deepEqual(
        report.sources.map((s) => [s.id, s.title, s.date]),
        [
          ['a-000', examples[0].title, examples[0].date],
          ['b-001', examples[1].title, examples[1].date],
          // The dispatch's title is its first line; its date, its dateline's.
          ['c-004', 'KIEV, 11 mars 2025 –', '2025-03-11'],
        ],
      );
      assert.ok(report.claims.some((c) => c.verdict !== 'unverified'), 'the sources judge some claims');
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the <mark> fallback, with inline sources', async () => {
    const page = await chrome.open(EMBED);
    await checked(page);
    const sources = await page.evaluate(async () => (await fetch('sources.json')).json());
    // A second widget replaces the first: marks instead of highlights, its
    // sources inline.
    const text = await page.evaluate((corpus) => {
      document.querySelector('recoupe-check').remove();
      const article = document.querySelector('article.story');
      const before = article.textContent;
      const widget = document.createElement('recoupe-check');
      widget.setAttribute('for', 'article.story');
      widget.setAttribute('highlight', 'marks');
      widget.setAttribute('ignore', '.byline');
      const data = document.createElement('script');
      data.type = 'application/json';
      data.textContent = JSON.stringify(corpus);
      widget.append(data);
      document.querySelector('.rail').prepend(widget);
      return before;
    }, sources);
    await checked(page);
    assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
    const marks = await page.$$eval('article.story mark.recoupe-claim', (els) =>
      els.map((m) => ({ verdict: m.dataset.verdict, claim: m.dataset.recoupeClaim, figure: m.querySelector('mark.recoupe-figure')?.textContent ?? null, tab: m.tabIndex })),
    );
    const report = await page.evaluate(() => document.querySelector('recoupe-check').report);
    assert.equal(report.sources.length, 3);
    assert.equal(new Set(marks.map((m) => m.claim)).size, report.claims.length);
    for (const claim of report.claims) {
      const mine = marks.filter((m) => m.claim === claim.id);
      assert.ok(mine.every((m) => m.verdict === claim.verdict), claim.id);
      assert.equal(mine.filter((m) => m.tab === 0).length, 1, `one tab stop for ${claim.id}`);
      assert.ok(mine.some((m) => m.figure === claim.quantities[0].surface), `figure of ${claim.id}`);
    }
    // The words are the same, only wrapped.
    assert.equal(await page.evaluate(() => document.querySelector('article.story').textContent), text);
    // A mark opens its card from the keyboard.
    await page.focus('article.story mark.recoupe-claim[tabindex="0"]');
    await page.keyboard.press('Enter');
    await page.locator('recoupe-check .rc-card').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    // Removing the widget unwraps every mark.
    await page.evaluate(() => document.querySelector('recoupe-check').remove());
    assert.equal(await page.locator('article.story mark').count(), 0);
    assert.equal(await page.evaluate(() => document.querySelector('article.story').textContent), text);
    await page.close();
  });

  test('dark scheme', async () => {
    const page = await chrome.open(EMBED, { colorScheme: 'dark' });
    await checked(page);
    await page.screenshot({ path: await screenshotPath('embed-dark.png') });
    await page.close();
  });

  test('nothing left 127.0.0.1 and nothing went wrong in the page', () => {
    assert.deepEqual(chrome.offsite, []);
    assert.deepEqual(chrome.problems, []);
    assert.ok(chrome.requests.some((u) => u.endsWith('/www/examples/sources.json')));
    assert.ok(chrome.requests.some((u) => u.endsWith('/pkg/recoupe_bg.wasm')));
  });
});
