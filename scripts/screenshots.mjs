#!/usr/bin/env node
// Screenshots of the page's table view (timelines) and of an evidence card,
// light and dark, with the demo and with 100 dated sources about a growing
// count; and of the widget's panel. Needs the package built
// (bash scripts/build.sh) and Chromium.
//
//   node scripts/screenshots.mjs [out-dir]     (default: test-results/shots)

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { launch, settled, ROOT } from '../tests/js/chromium.mjs';

const OUT = process.argv[2] ?? join(ROOT, 'test-results/shots');
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** 100 sources, each five days later and 100 soldiers more than the one before. */
function hundred() {
  return Array.from({ length: 100 }, (_, k) => {
    const d = new Date(Date.UTC(2024, 0, 1 + 5 * k));
    const n = new Intl.NumberFormat('fr-FR').format(1200 + 100 * k).replace(/\u202f/g, ' ');
    // Every tenth a lower bound, every fifteenth an upper one: their bars show.
    const q = k % 10 === 5 ? 'au moins ' : k % 15 === 7 ? "jusqu'à " : '';
    return {
      id: `src${String(k).padStart(3, '0')}`,
      title: `Dépêche ${k + 1}`,
      date: d.toISOString().slice(0, 10),
      lang: 'fr',
      text: `Selon le ministère, ${q}${n} soldats étaient déployés le ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}. Le ministère parle de soldats sur le front.`,
    };
  });
}

const ARTICLE = 'Selon le ministère, 5 000 soldats étaient déployés le 1 juin 2024. Le ministère parle de soldats sur le front et de leur relève.';

async function shoot(page, name) {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path });
  console.log(path);
}

async function views(page, name) {
  // A card: the first claim with a figure from the sources, else the first.
  const marks = page.locator('#output mark.rc-claim:not([data-verdict="unverified"])');
  const mark = (await marks.count()) ? marks.first() : page.locator('#output mark.rc-claim').first();
  await mark.click();
  await page.waitForSelector('#card:not([hidden])');
  await shoot(page, `${name}-card`);
  await page.keyboard.press('Escape');
  await page.click('#tab-table');
  await page.waitForSelector('#table-view:not([hidden])');
  await page.locator('#table-view .rc-timeline, #table-view table').first().scrollIntoViewIfNeeded();
  await shoot(page, `${name}-table`);
}

await mkdir(OUT, { recursive: true });
const chrome = await launch({ csp: true });
try {
  for (const colorScheme of ['light', 'dark']) {
    const page = await chrome.open('', { colorScheme });
    await page.waitForSelector('#output mark.rc-claim', { timeout: 30_000 });
    await settled(page);
    await views(page, `demo-${colorScheme}`);

    await page.click('#tab-article');
    await page.click('#clear');
    await page.waitForSelector('#empty:not([hidden])');
    await page.fill('#article', ARTICLE);
    await page.click('#check');
    await page.waitForSelector('#output mark.rc-claim');
    await settled(page);
    await page.setInputFiles('#corpus-file', { name: 'corpus.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hundred())) });
    await page.waitForFunction(() => document.querySelectorAll('#sources li').length === 100, null, { timeout: 60_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('#output mark.rc-claim')].some((m) => m.dataset.verdict !== 'unverified'), null, { timeout: 60_000 });
    await settled(page, 60_000);
    await views(page, `hundred-${colorScheme}`);

    const widget = await chrome.open('examples/embed.html', { colorScheme });
    await widget.waitForFunction(() => document.querySelector('recoupe-check')?.shadowRoot?.querySelector('.rc-timeline'), null, { timeout: 60_000 });
    await widget.evaluate(() => {
      const root = document.querySelector('recoupe-check').shadowRoot;
      root.querySelectorAll('details').forEach((d) => (d.open = true));
      root.querySelector('.rc-timeline').scrollIntoView();
    });
    await shoot(widget, `widget-${colorScheme}`);
    await widget.evaluate(() => document.querySelector('recoupe-check').shadowRoot.querySelector('button[data-claim]').click());
    await widget.waitForTimeout(300);
    await shoot(widget, `widget-card-${colorScheme}`);
  }
} finally {
  await chrome.close();
}
