// The page's flow in Chromium, under the strict CSP: an article (seed 001)
// checked against the other seeds loaded as a corpus, verdicts drawn on its
// claims, keyboard navigation, evidence cards, the summary filter, the
// discrepancy tables, both exports, the label switch, source management,
// and screenshots of each view.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { launch, settled, skip, SEEDS, screenshotPath, spaces, verdictOf } from './chromium.mjs';
import { rankEvidence } from '../../www/render.js';

const ARTICLE_ID = '001_125bc9ff60828318';

async function seeds() {
  const names = (await readdir(SEEDS)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(SEEDS, name), 'utf8');
      const id = name.replace(/\.txt$/, '');
      return { id, text, title: `Seed ${id.slice(0, 3)}`, url: `https://example.org/${id}`, date: `2025-01-1${id[2]}`, lang: 'fr' };
    }),
  );
}

/** Waits until the drawn claims satisfy `predicate` (a re-check follows each change). */
async function drawnUntil(page, predicate, arg) {
  await page.waitForFunction(predicate, arg, { timeout: 30_000, polling: 50 });
  await settled(page);
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

describe('the page: an article checked against sources', { skip, timeout: 120_000 }, () => {
  let chrome;
  let page;
  let docs;
  let report;

  before(async () => {
    docs = await seeds();
    chrome = await launch({ csp: true });
    page = await chrome.open();
    await page.waitForSelector('#output mark.rc-claim', { timeout: 30_000 });
    await settled(page);
  });

  after(async () => {
    await chrome?.close();
  });

  test('paste seed 001, load the four other seeds as a corpus: the verdicts', async () => {
    await page.click('#clear');
    await page.waitForSelector('#empty:not([hidden])');
    assert.equal(await page.locator('#sources li').count(), 0);

    const article = docs.find((d) => d.id === ARTICLE_ID);
    await page.fill('#article', article.text);
    await page.click('#check');
    await page.waitForSelector('#output mark.rc-claim');
    await settled(page);
    // No sources yet: nothing can be verified.
    const alone = await page.$$eval('#output mark.rc-claim', (els) => els.map((e) => e.dataset.verdict));
    assert.ok(alone.length >= 10, `claims: ${alone.length}`);
    assert.deepEqual([...new Set(alone)], ['unverified']);

    const corpus = docs.filter((d) => d !== article);
    await page.setInputFiles('#corpus-file', {
      name: 'corpus.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(corpus)),
    });
    await page.waitForFunction(() => document.querySelectorAll('#sources li').length === 4);
    await drawnUntil(page, () => [...document.querySelectorAll('#output mark.rc-claim')].some((m) => m.dataset.verdict !== 'unverified'));

    const soldiers = await verdictOf(page, 'nviron 11 000 soldats', '11 000');
    assert.ok(soldiers.length >= 1, 'a claim "environ 11 000 soldats"');
    // The bullet states the figure itself: 002 agrees, 000's 12 000 disagrees.
    // The body attributes it to the South Korean agency: that agency's
    // estimate in 002 corroborates it, and 000, which names no counter,
    // does not contradict what the agency said.
    assert.equal(soldiers[0], 'disputed', `"environ 11 000 soldats": ${soldiers}`);
    assert.ok(soldiers.every((v) => v === 'disputed' || v === 'corroborated'), `"environ 11 000 soldats": ${soldiers}`);
    const killed = await verdictOf(page, 'tués', '300');
    assert.ok(killed.length >= 1, 'a claim "300 ... tués"');
    assert.deepEqual([...new Set(killed)], ['unverified'], `"300" killed: ${killed}`);
    const missiles = await verdictOf(page, 'au moins 150', '150');
    assert.ok(missiles.length >= 1, 'a claim "au moins 150 missiles"');
    assert.deepEqual([...new Set(missiles)], ['related'], `"au moins 150" missiles: ${missiles}`);

    // Every claim is highlighted and carries its figure; colour is not the
    // only signal: each verdict has its own underline style and glyph.
    const looks = await page.$$eval('#output mark.rc-claim', (els) =>
      els.map((el) => {
        const style = getComputedStyle(el);
        return {
          verdict: el.dataset.verdict,
          figure: el.querySelector('mark.rc-fig') !== null,
          line: style.textDecorationStyle,
          glyph: getComputedStyle(el, '::before').content,
          describedBy: document.getElementById(el.getAttribute('aria-describedby'))?.textContent,
        };
      }),
    );
    for (const look of looks) {
      assert.ok(look.figure, `a figure in each claim (${look.verdict})`);
      assert.ok(look.describedBy, 'each claim names its verdict for screen readers');
    }
    const styles = new Map(looks.map((l) => [l.verdict, `${l.line} ${l.glyph}`]));
    assert.equal(new Set(styles.values()).size, styles.size, [...styles].join(' | '));

    // The summary counts what is drawn.
    const counts = await page.$$eval('#summary button[data-verdict]', (els) =>
      Object.fromEntries(els.map((b) => [b.dataset.verdict, Number(b.querySelector('.rc-num').textContent)])),
    );
    assert.equal(counts[''], looks.length);
    for (const v of ['corroborated', 'contradicted', 'disputed', 'related', 'unverified']) {
      assert.equal(counts[v], looks.filter((l) => l.verdict === v).length, v);
    }
    assert.match(await page.textContent('#summary-live'), /affirmations/);
    await page.screenshot({ path: await screenshotPath('page-light.png') });
  });

  test('the JSON export is the report check() returned', async () => {
    const { name, text } = await download(page, '#export-json');
    assert.equal(name, 'recoupe-report.json');
    report = JSON.parse(text);
    assert.equal(report.lang, 'fr');
    assert.equal(report.sources.length, 4);
    assert.ok(Array.isArray(report.discrepancies));
    const marks = await page.$$eval('#output mark.rc-claim', (els) => els.map((e) => [e.dataset.claim, e.dataset.verdict, e.textContent]));
    assert.equal(marks.length, report.claims.length);
    const article = docs.find((d) => d.id === ARTICLE_ID).text;
    for (const [id, verdict, shown] of marks) {
      const claim = report.claims.find((c) => c.id === id);
      assert.equal(claim.verdict, verdict, id);
      assert.equal(shown, article.slice(...claim.spanUtf16), id);
      assert.equal(claim.text, shown, id);
    }
  });

  test('the JSON-LD export: one ClaimReview per claim', async () => {
    const { name, text } = await download(page, '#export-jsonld');
    assert.equal(name, 'recoupe-claimreview.jsonld');
    const ld = JSON.parse(text);
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@graph'].length, report.claims.length);
    ld['@graph'].forEach((review, i) => {
      const claim = report.claims[i];
      assert.equal(review['@type'], 'ClaimReview');
      assert.equal(review.claimReviewed, claim.text);
      assert.equal(review.reviewRating['@type'], 'Rating');
      assert.equal(review.reviewRating.alternateName, claim.verdict);
      assert.equal(review.author.name, 'recoupe');
      assert.equal(review.itemReviewed['@type'], 'Claim');
      const urls = (claim.evidence ?? [])
        .filter((e) => e.relation === 'corroborates')
        .map((e) => `https://example.org/${e.sourceId}`);
      const listed = (review.itemReviewed.appearance ?? []).map((a) => a.url);
      assert.deepEqual([...new Set(urls)].sort(), listed.sort(), claim.id);
      if (listed.length) assert.ok(listed.includes(review.itemReviewed.firstAppearance.url));
    });
  });

  test('keyboard: j / k move between claims, Enter opens the evidence, Escape closes it', async () => {
    const ids = await page.$$eval('#output mark.rc-claim', (els) => els.map((e) => e.dataset.claim));
    const focused = () => page.evaluate(() => document.activeElement?.dataset?.claim ?? null);
    await page.click('#output-title');
    await page.keyboard.press('j');
    assert.equal(await focused(), ids[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    assert.equal(await focused(), ids[2]);
    await page.keyboard.press('k');
    assert.equal(await focused(), ids[1]);
    // Tab reaches the next claim as well.
    await page.keyboard.press('Tab');
    assert.equal(await focused(), ids[2]);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), ids[1]);

    await page.keyboard.press('Enter');
    await page.waitForSelector('#card:not([hidden])');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'card-title');
    assert.match(await page.textContent('#card-title'), new RegExp(ids[1]));
    // j from the card goes on from its claim.
    await page.keyboard.press('j');
    assert.equal(await focused(), ids[2]);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.getElementById('card-title')?.textContent.includes(id), ids[2]);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#card', { state: 'hidden' });
    assert.equal(await focused(), ids[2]);
  });

  test('a card folds related statements after the first three behind a button that unfolds them', async () => {
    const related = (c) => (c.evidence ?? []).filter((ev) => ev.relation === 'related').length;
    const claim = [...report.claims].sort((a, b) => related(b) - related(a))[0];
    assert.ok(related(claim) > 3, `a claim with more than three related statements (most: ${related(claim)})`);
    await page.click(`#rc-claim-${claim.id}`);
    await page.waitForSelector('#card:not([hidden])');
    const visible = () => page.$$eval('#card .rc-ev[data-relation="related"]', (els) => els.filter((el) => !el.hidden).length);
    assert.equal(await visible(), 3);
    const button = '#card .rc-unfold';
    assert.equal(await page.getAttribute(button, 'aria-expanded'), 'false');
    assert.match(await page.textContent(button), new RegExp(String(related(claim) - 3)));
    await page.click(button);
    assert.equal(await page.getAttribute(button, 'aria-expanded'), 'true');
    assert.equal(await visible(), related(claim));
    await page.keyboard.press('Escape');
    await page.waitForSelector('#card', { state: 'hidden' });
  });

  test('the evidence card shows each source sentence, its figure, the relation and the explanation', async () => {
    const claim = report.claims.find((c) => c.verdict === 'disputed' && !c.restates);
    assert.ok(claim, 'a disputed claim');
    await page.click(`#rc-claim-${claim.id}`);
    await page.waitForSelector('#card:not([hidden])');
    assert.equal(spaces(await page.textContent('#card .rc-explanation')), spaces(claim.explanation));
    assert.equal(await page.textContent('#card .rc-side-claim .rc-quote'), claim.text);
    assert.equal(await page.textContent('#card .rc-side-claim .rc-fig'), claim.quantities[0].surface);
    const items = await page.$$eval('#card .rc-ev', (els) =>
      els.map((el) => ({
        relation: el.dataset.relation,
        source: el.querySelector('.rc-ev-source').textContent,
        sentence: el.querySelector('.rc-quote').textContent,
        figure: el.querySelector('.rc-quote .rc-fig')?.textContent ?? null,
        explanation: el.querySelector('.rc-ev-explanation').textContent,
        link: el.querySelector('a.rc-ev-link')?.href ?? null,
        date: el.querySelector('.rc-ev-date')?.textContent ?? null,
      })),
    );
    // The card shows the evidence in reading order, see rankEvidence().
    const ranked = rankEvidence(claim.evidence);
    assert.equal(items.length, ranked.length);
    ranked.forEach((ev, i) => {
      const item = items[i];
      assert.equal(item.relation, ev.relation);
      assert.equal(item.sentence, ev.sentence);
      assert.equal(item.explanation, ev.explanation);
      assert.equal(item.source, `Seed ${ev.sourceId.slice(0, 3)}`);
      assert.equal(item.link, `https://example.org/${ev.sourceId}`);
      assert.ok(item.date, 'the source date');
      if (ev.quantity) {
        // The figure's span counts from the source's start; the sentence's from its own.
        assert.equal(item.figure, ev.quantity.surface);
        const start = ev.quantity.spanUtf16[0] - ev.spanUtf16[0];
        assert.equal(ev.sentence.slice(start, start + ev.quantity.surface.length), ev.quantity.surface);
      }
    });
    assert.ok(items.some((i) => i.relation === 'contradicts') && items.some((i) => i.relation === 'corroborates'));
    await page.screenshot({ path: await screenshotPath('page-card.png') });

    // A restating claim links to the one it repeats.
    const restating = report.claims.find((c) => c.restates === claim.id);
    assert.ok(restating, `a claim restating ${claim.id}`);
    await page.click(`#rc-claim-${restating.id}`);
    await page.waitForFunction((id) => document.getElementById('card-title')?.textContent.includes(id), restating.id);
    await page.click(`#card a[data-goto="${claim.id}"]`);
    await page.waitForFunction((id) => document.getElementById('card-title')?.textContent.includes(id), claim.id);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.claim), claim.id);
    await page.click('#card .rc-close');
    await page.waitForSelector('#card', { state: 'hidden' });
  });

  test('a verdict count filters the claims', async () => {
    await page.click('#summary button[data-verdict="disputed"]');
    assert.equal(await page.getAttribute('#summary button[data-verdict="disputed"]', 'aria-pressed'), 'true');
    const state = await page.$$eval('#output mark.rc-claim', (els) => els.map((e) => [e.dataset.verdict, e.classList.contains('rc-dim'), e.tabIndex]));
    for (const [verdict, dim, tab] of state) {
      assert.equal(dim, verdict !== 'disputed');
      assert.equal(tab, verdict === 'disputed' ? 0 : -1);
    }
    // j only visits what the filter leaves.
    await page.click('#output-title');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.verdict), 'disputed');
    await page.click('#summary button[data-verdict=""]');
    assert.equal(await page.locator('#output mark.rc-dim').count(), 0);
  });

  test('the discrepancy table lists every figure per measure', async () => {
    await page.click('#tab-table');
    await page.waitForSelector('#table-view:not([hidden])');
    assert.equal(await page.isHidden('#output'), true);
    const tables = await page.$$eval('#table-view table', (els) =>
      els.map((t) => ({
        measure: t.dataset.measure,
        rows: [...t.querySelectorAll('tbody tr')].map((r) => [r.dataset.document, r.querySelector('.rc-figure').textContent]),
      })),
    );
    assert.equal(tables.length, report.discrepancies.length);
    for (const d of report.discrepancies) {
      const table = tables.find((t) => t.measure === d.measure);
      assert.ok(table, d.measure);
      assert.deepEqual(
        table.rows.map((r) => r.join(':')).sort(),
        d.rows.map((r) => `${r.document}:${r.surface}`).sort(),
      );
    }
    const soldiers = tables.find((t) => t.measure === 'soldier');
    assert.ok(soldiers, 'a table for soldiers');
    assert.ok(soldiers.rows.some(([doc, fig]) => doc === 'article' && spaces(fig).includes('11 000')));
    assert.ok(soldiers.rows.some(([doc, fig]) => doc.startsWith('000') && spaces(fig).includes('12 000')));
    await page.screenshot({ path: await screenshotPath('page-table.png') });
    await page.click('#tab-article');
    await page.waitForSelector('#output:not([hidden])');
  });

  test('labels follow the article, or the switch', async () => {
    await page.selectOption('#labels-lang', 'en');
    assert.equal(await page.textContent('#output-title'), 'Claims');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.textContent('#summary'), /disputed/);
    assert.equal(await page.textContent('#verdict-names #rc-verdict-name-disputed'), 'disputed');
    await page.selectOption('#labels-lang', 'auto');
    assert.equal(await page.textContent('#output-title'), 'Affirmations');
    assert.match(await page.textContent('#summary'), /contesté/);
  });

  test('sources: rename, remove, add .txt files; each change re-checks', async () => {
    const first = page.locator('#sources li').first();
    const id = await first.getAttribute('data-id');
    await first.locator('button[data-action="rename"]').click();
    await page.fill('#sources input[data-renaming]', 'Renamed <b>source</b>');
    await page.keyboard.press('Enter');
    assert.equal(await page.textContent(`#sources li[data-id="${id}"] .source-title`), 'Renamed <b>source</b>');
    await settled(page);

    // Removing every source: the claims are unverified again.
    for (let n = 4; n > 0; n--) {
      await page.locator('#sources li button[data-action="remove"]').first().click();
      await page.waitForFunction((left) => document.querySelectorAll('#sources li').length === left, n - 1);
    }
    await drawnUntil(page, () => [...document.querySelectorAll('#output mark.rc-claim')].every((m) => m.dataset.verdict === 'unverified'));

    const txt = docs.filter((d) => d.id !== ARTICLE_ID).map((d) => ({ name: `${d.id}.txt`, mimeType: 'text/plain', buffer: Buffer.from(d.text) }));
    await page.setInputFiles('#source-files', txt);
    await page.waitForFunction(() => document.querySelectorAll('#sources li').length === 4);
    const titles = await page.$$eval('#sources .source-title', (els) => els.map((e) => e.textContent));
    assert.match(titles[0], /^La Corée du Nord enverra/);
    await drawnUntil(page, () => [...document.querySelectorAll('#output mark.rc-claim')].some((m) => m.dataset.verdict === 'disputed'));
  });

  test('seed 000 as the article: its "12 000" soldiers of another day are a timeline, not a contradiction', async () => {
    await page.click('#clear');
    const article = docs.find((d) => d.id.startsWith('000'));
    // A dropped .txt file becomes the article.
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'article.txt', { type: 'text/plain' }));
      document.getElementById('article-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, article.text);
    await page.waitForFunction(() => document.getElementById('article').value.length > 100);
    await page.setInputFiles('#corpus-file', {
      name: 'corpus.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(docs.filter((d) => d !== article))),
    });
    await page.waitForFunction(() => document.querySelectorAll('#sources li').length === 4);
    await drawnUntil(page, () => [...document.querySelectorAll('#output mark.rc-claim')].some((m) => m.dataset.verdict !== 'unverified'));
    // The article's dateline says 24 December 2024; the sources are dated
    // January 2025. Troops deployed grow over time: the sources' "environ
    // 11 000" is another day's figure, shown as such, never a contradiction.
    // (Undated, the same texts contradict it: tests/reconcile.rs.)
    const verdicts = await verdictOf(page, '12 000 soldats', '12 000');
    assert.ok(verdicts.length >= 1, 'a claim "12 000 soldats"');
    assert.deepEqual(verdicts, ['related'], `"12 000" soldiers: ${verdicts}`);
    for (const m of await page.$$('#output mark.rc-claim')) {
      if ((await m.textContent()).includes('12 000 soldats')) {
        await m.click();
        break;
      }
    }
    assert.match(await page.textContent('#card'), /autre date \(\d+ janv\. 2025\)/);
    await page.keyboard.press('Escape');
  });

  test('dark theme', async () => {
    const dark = await chrome.open('', { colorScheme: 'dark' });
    await dark.waitForSelector('#output mark.rc-claim', { timeout: 30_000 });
    await settled(dark);
    const background = await dark.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(background, 'rgb(15, 18, 22)');
    await dark.click('#output mark.rc-claim[data-verdict="disputed"]');
    await dark.waitForSelector('#card:not([hidden])');
    await dark.screenshot({ path: await screenshotPath('page-dark.png') });
    await dark.close();
  });

  test('nothing left 127.0.0.1 and nothing went wrong in the page', () => {
    assert.deepEqual(chrome.offsite, []);
    assert.deepEqual(chrome.problems, []);
  });
});
