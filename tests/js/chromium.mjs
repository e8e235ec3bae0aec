// Shared by the browser tests: Debian's Chromium driven by playwright-core,
// the repository served on 127.0.0.1 (under the strict CSP unless told
// otherwise), every request recorded and anything leaving 127.0.0.1
// refused, page errors and console errors collected.

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS = join(ROOT, 'tests/fixtures/seeds');
export const RESULTS = join(ROOT, 'test-results');

// Without Chromium a developer's machine skips these; CI must not.
export const skip =
  !existsSync(CHROMIUM) && process.env.CI !== 'true'
    ? `${CHROMIUM} not found: install it (bash scripts/setup.sh) to run the browser tests`
    : false;

export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** NBSP and narrow NBSP read as plain spaces, as a reader sees them. */
export const spaces = (s) => s.replace(/[\u00a0\u202f]/g, ' ');

export async function screenshotPath(name) {
  await mkdir(RESULTS, { recursive: true });
  return join(RESULTS, name);
}

/**
 * Starts the server and Chromium. Each `open()` gets a fresh context (its
 * own storage), so tests do not leak state into each other.
 */
export async function launch({ csp = true, args = [] } = {}) {
  const { chromium } = await import('playwright-core');
  const server = await startServer({ port: 0, csp });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...args] });
  const requests = [];
  const offsite = [];
  const problems = [];
  const contexts = [];

  async function open(path = '', { colorScheme = 'light', viewport = { width: 1280, height: 900 }, expectProblems = false } = {}) {
    const context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true });
    contexts.push(context);
    // Anything not for our server is recorded and never sent.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') {
        return route.continue();
      }
      offsite.push(url.href);
      return route.abort();
    });
    context.on('request', (req) => requests.push(req.url()));
    const page = await context.newPage();
    const mine = [];
    page.problems = mine;
    page.on('pageerror', (err) => (expectProblems ? mine : problems).push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      // CSP violations and failed loads show up as console errors.
      if (msg.type() === 'error') (expectProblems ? mine : problems).push(`console: ${msg.text()}`);
    });
    await page.goto(new URL(path, server.url).href);
    return page;
  }

  async function close() {
    for (const c of contexts) await c.close().catch(() => {});
    await browser.close();
    await server.close();
  }

  return { server, browser, open, close, requests, offsite, problems };
}

/** Waits until the page has drawn its latest check (or shows its empty state). */
export async function settled(page, timeout = 30_000) {
  await page.waitForFunction(
    () => {
      const status = document.getElementById('status');
      const output = document.getElementById('output');
      const empty = document.getElementById('empty');
      const state = status.dataset.state;
      if (state === 'error') return true;
      if (!empty.hidden) return state !== 'busy';
      return (state === 'done' || state === 'none') && !output.hasAttribute('aria-busy');
    },
    null,
    { timeout, polling: 50 },
  );
  const state = await page.getAttribute('#status', 'data-state');
  if (state === 'error') throw new Error(`the page reports: ${await page.textContent('#status')}`);
}

/** The verdict of the claim whose text contains `needle` (and whose figure is `figure`, when given). */
export async function verdictOf(page, needle, figure) {
  return page.$$eval(
    '#output mark.rc-claim',
    (marks, [n, f]) => {
      const norm = (s) => s.replace(/[\u00a0\u202f]/g, ' ');
      const found = marks.filter((m) => norm(m.textContent).includes(n) && (!f || norm(m.querySelector('.rc-fig')?.textContent ?? '') === f));
      return found.map((m) => m.dataset.verdict);
    },
    [needle, figure ?? null],
  );
}
