#!/usr/bin/env node
// Figures for the page, measured in headless Chromium (not a test):
//  - time from "check" to the highlights drawn, for a 1,000-word article
//    against 10 and against 100 sources (synthetic: the seed articles with
//    their figures and names varied), once the wasm has loaded;
//  - what the page and the widget's example page transfer, gzipped (the
//    sum of their files, each gzipped on its own).
//
//   node scripts/bench-page.mjs [--runs N]
//
// Needs the wasm built (bash scripts/build.sh) and /usr/bin/chromium.

import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { startServer } from './serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = join(ROOT, 'tests/fixtures/seeds');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const TARGET_MS = 100;

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 7) : 7;

/** A deterministic generator, so that every run measures the same corpus. */
function prng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const PLACES = ['Séoul', 'Tokyo', 'Pékin', 'Washington', 'Kiev', 'Varsovie', 'Berlin', 'Paris'];
const PEOPLE = ['Kyrylo Budanov', 'Andriy Kovalenko', 'Marie Lefort', 'Jonas Berg', 'Ana Ruiz', 'Kim Min-jun'];
const COUNTRIES = ['Corée du Nord', 'Biélorussie', 'Iran', 'Syrie', 'Corée du Nord', 'Corée du Nord'];

/** One seed with its figures scaled and its names swapped. */
function vary(text, i) {
  const rand = prng(i * 7919 + 17);
  const group = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  let out = text.replace(/\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+/g, (m) => {
    const n = Number(m.replace(/\D/g, ''));
    if (n >= 1900 && n <= 2100) return m; // keep years
    const scaled = Math.max(1, Math.round(n * (0.7 + rand() * 0.6)));
    return /[ \u00a0\u202f]/.test(m) ? group(scaled) : String(scaled);
  });
  out = out.replaceAll('Séoul', PLACES[i % PLACES.length]);
  out = out.replaceAll('Kyrylo Budanov', PEOPLE[i % PEOPLE.length]);
  out = out.replaceAll('Corée du Nord', COUNTRIES[i % COUNTRIES.length]);
  return out;
}

async function seeds() {
  const names = (await readdir(SEEDS)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(names.map((n) => readFile(join(SEEDS, n), 'utf8')));
}

/** About `words` words of the seeds, whole paragraphs first, then cut at a word. */
function article(texts, words) {
  const paragraphs = texts.flatMap((t) => t.split(/\n\s*\n/)).map((p) => p.trim()).filter(Boolean);
  const out = [];
  let count = 0;
  for (const p of paragraphs) {
    const n = p.split(/\s+/).length;
    if (count + n > words) {
      out.push(p.split(/\s+/).slice(0, words - count).join(' '));
      count = words;
      break;
    }
    out.push(p);
    count += n;
  }
  return { text: out.join('\n\n'), words: count };
}

function corpus(texts, n) {
  return Array.from({ length: n }, (_, i) => {
    const text = vary(texts[i % texts.length], i + 1);
    return {
      id: `bench-${i + 1}`,
      title: `Source ${i + 1}: ${text.trim().split('\n')[0].slice(0, 80)}`,
      url: `https://example.org/bench/${i + 1}`,
      date: `2025-0${1 + (i % 9)}-1${i % 10}`,
      lang: 'fr',
      text,
    };
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeChecks(page, sources, articleText) {
  // Start clean: no demo, no sources.
  await page.click('#clear');
  await page.waitForFunction(() => document.querySelectorAll('#sources li').length === 0);
  await page.setInputFiles('#corpus-file', {
    name: 'corpus.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(sources)),
  });
  await page.waitForFunction((n) => document.querySelectorAll('#sources li').length === n, sources.length);
  await page.$eval('#article', (el, text) => {
    el.value = text;
  }, articleText);

  /** Clicks "check" and waits for the drawn event: {ms: click to drawn, core: ms in the core, claims}. */
  const once = () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          const t0 = performance.now();
          addEventListener(
            'recoupe:drawn',
            (e) => {
              // One more frame: the highlights are on screen.
              requestAnimationFrame(() => resolve({ ms: performance.now() - t0, core: e.detail.coreMs, claims: e.detail.claims }));
            },
            { once: true },
          );
          document.getElementById('check').click();
        }),
    );
  // The first check also indexes every source in the worker.
  const first = await once();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  return {
    first: first.ms,
    median: median(runs.map((r) => r.ms)),
    max: Math.max(...runs.map((r) => r.ms)),
    core: median(runs.map((r) => r.core)),
    claims: first.claims,
  };
}

/** Every file a page fetched, read from disk and gzipped one by one. */
async function transfer(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = new Set();
  page.on('requestfinished', (req) => fetched.add(req.url()));
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  // The worker's requests are the context's too.
  await new Promise((r) => setTimeout(r, 1500));
  await context.close();
  const files = [];
  for (const href of fetched) {
    const { pathname } = new URL(href);
    if (!href.startsWith('http://127.0.0.1')) continue;
    let path = join(ROOT, decodeURIComponent(pathname));
    if (pathname.endsWith('/')) path = join(path, 'index.html');
    if (!existsSync(path)) continue;
    const bytes = await readFile(path);
    files.push({ path: pathname, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return files.sort((a, b) => b.gzip - a.gzip);
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

async function main() {
  if (!existsSync(join(ROOT, 'pkg/recoupe_bg.wasm'))) throw new Error('pkg/ is missing: run bash scripts/build.sh');
  const { chromium } = await import('playwright-core');
  const server = await startServer({ port: 0, csp: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const texts = await seeds();
    const art = article(texts, 1000);
    console.log(`Article: ${art.words} words, ${art.text.length} characters; ${RUNS} timed checks after a first one.`);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(server.url);
    // The demo's first check means the wasm has loaded.
    await page.waitForSelector('#output mark.rc-claim', { timeout: 60_000 });

    console.log('\nCheck → highlights drawn (ms)      first*   median      max   in core   claims');
    for (const n of [10, 100]) {
      const r = await timeChecks(page, corpus(texts, n), art.text);
      const mark = r.median < TARGET_MS ? 'ok' : `over ${TARGET_MS} ms`;
      console.log(
        `  ${String(n).padStart(3)} sources                    ${r.first.toFixed(0).padStart(8)} ${r.median.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${r.core.toFixed(1).padStart(9)} ${String(r.claims).padStart(8)}   ${mark}`,
      );
    }
    console.log('  * the first check also indexes every source in the worker');
    await context.close();

    for (const [label, path] of [['The page (www/, first visit)', ''], ['The widget example (examples/embed.html)', 'examples/embed.html']]) {
      const files = await transfer(browser, new URL(path, server.url).href);
      const sum = (list) => list.reduce((n, f) => n + f.gzip, 0);
      const data = files.filter((f) => f.path.endsWith('.json'));
      console.log(`\n${label}: ${kb(sum(files))} gzipped in ${files.length} files (${kb(files.reduce((n, f) => n + f.raw, 0))} raw)`);
      if (data.length) console.log(`  of which data (${data.map((f) => f.path.split('/').pop()).join(', ')}): ${kb(sum(data))}`);
      for (const f of files) console.log(`  ${kb(f.gzip).padStart(9)}  ${f.path}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(`bench-page: ${err.message}`);
  process.exitCode = 1;
});
