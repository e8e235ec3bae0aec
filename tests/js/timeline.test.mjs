// The timeline of a measure at real scale, in Chromium under the strict CSP:
// an article checked against 100 generated, dated sources about a growing
// count. The timeline shows each dated figure once, in date order, the
// article's marked; every point is reached by Tab and names its source;
// a card folds related statements after three; axe-core finds nothing
// conveyed by colour alone nor any contrast failure, in the page and in
// the widget. Also the pure layout functions (date → x).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import { launch, settled, skip, spaces, screenshotPath } from './chromium.mjs';
import { dateValue, scale, datedRows } from '../../www/timeline.js';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The rules about colour and what stands in for it: contrast, links told by colour, names of graphics and controls. */
const AXE_RULES = ['color-contrast', 'link-in-text-block', 'svg-img-alt', 'role-img-alt', 'aria-allowed-role', 'aria-prohibited-attr', 'nested-interactive', 'list', 'listitem', 'button-name', 'aria-command-name'];

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** Day `k` after 1 January 2024, every 5 days: a date and its French words. */
function day(k) {
  const d = new Date(Date.UTC(2024, 0, 1 + 5 * k));
  return { iso: d.toISOString().slice(0, 10), words: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` };
}

/** 100 sources, each a later date and a larger count of soldiers deployed. */
function sources() {
  return Array.from({ length: 100 }, (_, k) => {
    const { iso, words } = day(k);
    const n = 1200 + 100 * k;
    const figure = new Intl.NumberFormat('fr-FR').format(n).replace(/\u202f/g, ' ');
    // Some bounds among them: "at least" draws a bar upwards, "up to" downwards.
    const qualifier = k % 10 === 5 ? 'at_least' : k % 15 === 7 ? 'at_most' : 'exact';
    const bound = { at_least: 'au moins ', at_most: "jusqu'à ", exact: '' }[qualifier];
    return {
      id: `src${String(k).padStart(3, '0')}`,
      title: `Dépêche ${k + 1}`,
      date: iso,
      lang: 'fr',
      value: n,
      qualifier,
      text: `Selon le ministère, ${bound}${figure} soldats étaient déployés le ${words}. Le ministère parle de soldats sur le front.`,
    };
  });
}

const ARTICLE = 'Selon le ministère, 5 000 soldats étaient déployés le 1 juin 2024. Le ministère parle de soldats sur le front et de leur relève.';

async function axe(page, context) {
  await page.evaluate(AXE);
  return page.evaluate(
    async ([ctx, rules]) => {
      const r = await globalThis.axe.run(ctx, { runOnly: { type: 'rule', values: rules } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
    },
    [context, AXE_RULES],
  );
}

describe('layout of a timeline', () => {
  test('dates become instants, partial dates from their first day, others none', () => {
    assert.equal(dateValue('2024-03-03'), Date.UTC(2024, 2, 3));
    assert.equal(dateValue('2024-03'), Date.UTC(2024, 2, 1));
    assert.equal(dateValue('2024'), Date.UTC(2024, 0, 1));
    for (const bad of ['--02-11', '', null, undefined, '2024-13-01', 'mars 2024']) assert.equal(dateValue(bad), null, String(bad));
  });

  test('date → x: ends on the plot edges, proportional between, one date in the middle', () => {
    const a = Date.UTC(2024, 0, 1);
    const b = Date.UTC(2025, 0, 1);
    assert.equal(scale(a, a, b, 64, 584), 64);
    assert.equal(scale(b, a, b, 64, 584), 584);
    const mid = scale(Date.UTC(2024, 6, 2), a, b, 0, 366);
    assert.ok(Math.abs(mid - 183) < 1, String(mid));
    assert.equal(scale(a, a, a, 0, 100), 50);
    // Values draw upwards: the axis may run backwards.
    assert.equal(scale(0, 0, 10, 200, 0), 200);
  });

  test('dated rows come in date order, ties in document order, undated left out', () => {
    const rows = [
      { document: 'b', value: 2, date: '2024-05-01' },
      { document: 'u', value: 9, date: null },
      { document: 'a', value: 1, date: '2024-01-01' },
      { document: 'c', value: 3, date: '2024-05-01' },
      { document: 'y', value: 4, date: '--02-11' },
    ];
    assert.deepEqual(
      datedRows(rows).map((p) => p.row.document),
      ['a', 'b', 'c'],
    );
  });
});

describe('the timeline with 100 dated sources', { skip, timeout: 240_000 }, () => {
  let chrome;
  let page;
  const docs = sources();

  before(async () => {
    chrome = await launch({ csp: true });
    page = await chrome.open();
    await page.waitForSelector('#output mark.rc-claim', { timeout: 30_000 });
    await settled(page);
    await page.click('#clear');
    await page.waitForSelector('#empty:not([hidden])');
    await page.fill('#article', ARTICLE);
    await page.click('#check');
    await page.waitForSelector('#output mark.rc-claim');
    await settled(page);
    await page.setInputFiles('#corpus-file', {
      name: 'corpus.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(docs.map(({ value, qualifier, ...d }) => d))),
    });
    await page.waitForFunction(() => document.querySelectorAll('#sources li').length === 100, null, { timeout: 60_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('#output mark.rc-claim')].some((m) => m.dataset.verdict !== 'unverified'), null, {
      timeout: 60_000,
    });
    await settled(page, 60_000);
  });

  after(async () => {
    await chrome?.close();
  });

  test('the timeline shows each dated figure once, in date order, the article marked', async () => {
    await page.click('#tab-table');
    await page.waitForSelector('#table-view .rc-timeline[data-measure="soldier"]');
    const points = await page.$$eval('.rc-timeline[data-measure="soldier"] .rc-tl-pt', (els) =>
      els.map((g) => ({
        document: g.dataset.document,
        date: g.dataset.date,
        value: Number(g.dataset.value),
        article: g.classList.contains('rc-tl-article'),
        shape: g.querySelector('.rc-tl-mark').tagName,
        x: g.querySelector('.rc-tl-mark').getBBox().x + g.querySelector('.rc-tl-mark').getBBox().width / 2,
      })),
    );
    const fromSources = points.filter((p) => !p.article);
    // Every source once, with its own figure and date.
    assert.equal(fromSources.length, docs.length);
    assert.deepEqual(
      fromSources.map((p) => `${p.document}:${p.value}`).sort(),
      docs.map((d) => `${d.id}:${d.value}`).sort(),
    );
    for (const p of fromSources) assert.equal(p.date, docs.find((d) => d.id === p.document).date, p.document);
    // In date order, left to right.
    const dates = points.map((p) => p.date);
    assert.deepEqual(dates, [...dates].sort());
    for (let i = 1; i < points.length; i++) assert.ok(points[i].x >= points[i - 1].x - 0.01, `x of point ${i}`);
    // The article's figure, marked by a shape of its own.
    const article = points.filter((p) => p.article);
    assert.equal(article.length, 1);
    assert.equal(article[0].value, 5000);
    assert.equal(article[0].date, '2024-06-01');
    assert.ok(fromSources.every((p) => p.shape !== article[0].shape), 'the article has its own shape');
  });

  test('a bound is an interval bar: "au moins" opens upwards, "jusqu\'à" downwards, an exact figure has none', async () => {
    const bars = await page.$$eval('.rc-timeline[data-measure="soldier"] .rc-tl-pt', (els) =>
      Object.fromEntries(
        els.map((g) => {
          const mark = g.querySelector('.rc-tl-mark').getBBox();
          const cy = mark.y + mark.height / 2;
          const bar = g.querySelector('line.rc-tl-bar');
          if (!bar) return [g.dataset.document, null];
          const ys = [bar.y1.baseVal.value, bar.y2.baseVal.value];
          return [g.dataset.document, Math.min(...ys) < cy - 1 ? 'up' : Math.max(...ys) > cy + 1 ? 'down' : 'none'];
        }),
      ),
    );
    for (const d of docs) {
      const want = { at_least: 'up', at_most: 'down', exact: null }[d.qualifier];
      assert.equal(bars[d.id], want, `${d.id} (${d.qualifier})`);
    }
  });

  test('the summary gives the range of the measure and the dates it spans', async () => {
    const story = spaces(await page.textContent('#summary .rc-story'));
    assert.match(story, /soldats : 1 200 à 11 100, janv\. 2024 – mai 2025/);
    // Nothing else after the counts: no stray text.
    assert.deepEqual(await page.$$eval('#summary > *', (els) => els.map((e) => e.tagName)), ['BUTTON', 'BUTTON', 'BUTTON', 'BUTTON', 'BUTTON', 'BUTTON', 'UL']);
    assert.equal(await page.$eval('#summary', (el) => [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim()).length), 0);
  });

  test('Tab reaches every timeline point, each naming figure, date and source, and shows its sentence', async () => {
    const count = await page.locator('.rc-timeline[data-measure="soldier"] .rc-tl-pt').count();
    await page.locator('.rc-timeline[data-measure="soldier"] .rc-tl-pt').first().focus();
    const seen = new Set();
    for (let i = 0; i < count; i++) {
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        const tip = el.closest('.rc-timeline')?.querySelector('.rc-tl-tip')?.textContent;
        return { point: el.classList.contains('rc-tl-pt'), key: `${el.dataset.document}@${el.dataset.date}`, label: el.getAttribute('aria-label'), tip };
      });
      assert.ok(info.point, `stop ${i} is a point`);
      seen.add(info.key);
      assert.match(spaces(info.label), /\d[\d ]*.*, .*\d{4}, .+/, info.label);
      assert.match(info.tip, /soldats étaient déployés/, info.tip);
      await page.keyboard.press('Tab');
    }
    assert.equal(seen.size, count);
    await page.screenshot({ path: await screenshotPath('timeline-table.png') });
  });

  test('a claim card shows at most three related statements before the fold', async () => {
    await page.click('#tab-article');
    await page.waitForSelector('#output:not([hidden])');
    // The article's second sentence only relates: most sources speak of the front.
    const marks = page.locator('#output mark.rc-claim');
    const n = await marks.count();
    assert.ok(n >= 1);
    let folded = 0;
    for (let i = 0; i < n; i++) {
      await marks.nth(i).click();
      await page.waitForSelector('#card:not([hidden])');
      const { shown, related } = await page.$$eval('#card li.rc-ev', (els) => ({
        shown: els.filter((e) => !e.hidden && e.dataset.relation === 'related').length,
        related: els.filter((e) => e.dataset.relation === 'related').length,
      }));
      assert.ok(shown <= 3, `claim ${i}: ${shown} related shown`);
      if (related > 3) {
        folded++;
        assert.equal(await page.locator('#card button.rc-unfold').count(), 1);
      }
      // The card leaves the claim it explains in view.
      const [card, mark] = await Promise.all([page.locator('#card').boundingBox(), marks.nth(i).boundingBox()]);
      assert.ok(mark.y + mark.height <= card.y || mark.y >= card.y + card.height, 'the card covers its claim');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#card', { state: 'hidden' });
    }
    // A hundred sources on the measure: some card has more to fold.
    assert.ok(folded >= 1, 'no card had more than three related statements');
  });

  test('axe-core: no colour-only information nor contrast failure, light and dark', async () => {
    await page.click('#tab-table');
    await page.waitForSelector('#table-view:not([hidden])');
    assert.deepEqual(await axe(page, '#table-view'), []);
    assert.deepEqual(await axe(page, '#summary'), []);
    const dark = await chrome.open('', { colorScheme: 'dark' });
    await dark.waitForSelector('#output mark.rc-claim', { timeout: 30_000 });
    await settled(dark);
    // The demo: counts only where no measure has two dated figures, and no stray words.
    assert.doesNotMatch(await dark.textContent('#summary'), /null|undefined/);
    await dark.click('#tab-table');
    await dark.waitForSelector('#table-view .rc-timeline');
    assert.deepEqual(await axe(dark, '#table-view'), []);
  });

  test('at 200 % zoom (half the CSS width) the timeline fits its view and its labels stay readable', async () => {
    const zoomed = await chrome.open('', { viewport: { width: 640, height: 450 } });
    await zoomed.waitForSelector('#output mark.rc-claim', { timeout: 30_000 });
    await settled(zoomed);
    await zoomed.click('#tab-table');
    await zoomed.waitForSelector('#table-view .rc-timeline');
    const fit = await zoomed.$$eval('#table-view .rc-tl-chart', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const view = document.getElementById('table-view').getBoundingClientRect();
        const font = Math.min(...[...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height));
        return { inside: box.left >= view.left - 1 && box.right <= view.right + 1, font };
      }),
    );
    assert.ok(fit.length >= 1);
    for (const f of fit) {
      assert.ok(f.inside, 'the chart overflows its view');
      assert.ok(f.font >= 6, `labels ${f.font}px high`);
    }
    assert.equal(await zoomed.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1), true, 'the page scrolls sideways');
  });

  test('the widget draws the timelines in its panel; axe-core passes there too', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const w = await chrome.open('examples/embed.html', { colorScheme });
      await w.waitForFunction(() => document.querySelector('recoupe-check')?.shadowRoot?.querySelector('.claims li'), null, { timeout: 60_000 });
      await w.waitForFunction(() => document.querySelector('recoupe-check').shadowRoot.querySelector('.rc-timeline .rc-tl-pt'), null, { timeout: 60_000 });
      const points = await w.evaluate(() => document.querySelector('recoupe-check').shadowRoot.querySelectorAll('.rc-tl-pt[tabindex="0"][aria-label]').length);
      assert.ok(points >= 2, `points: ${points}`);
      await w.evaluate(() => {
        document.querySelector('recoupe-check').shadowRoot.querySelector('details.list:not([open]) summary')?.click();
      });
      assert.deepEqual(await axe(w, 'recoupe-check'), []);
    }
  });
});
