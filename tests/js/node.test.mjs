// The package entry (js/index.js) in Node: loading, argument checks, offsets
// in both units on text full of multi-byte characters, and large inputs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { init, numbers, extract } from '../../js/index.js';

const ENTRY = fileURLToPath(new URL('../../js/index.js', import.meta.url));

// Emoji (surrogate pairs, 4 UTF-8 bytes), accents (2 bytes), NBSP and narrow
// NBSP (2 and 3 bytes) all come before the figures, so that any confusion
// between bytes, code units and code points shows in the offsets.
const TRICKY =
  '🇫🇷 Été : environ 11\u00a0000 soldats, 2,5 milliards d\u2019euros et 1.5 million, ' +
  'soit 12\u202f% de plus qu\u2019en 2024.';

function assertOffsets(text, quantities) {
  const bytes = Buffer.from(text, 'utf8');
  for (const q of quantities) {
    assert.equal(text.slice(...q.spanUtf16), q.surface, `spanUtf16 of ${JSON.stringify(q.surface)}`);
    assert.equal(bytes.subarray(...q.span).toString('utf8'), q.surface, `span of ${JSON.stringify(q.surface)}`);
  }
}

test('numbers() before init() throws a clear Error', () => {
  // A fresh process, so that no other test can have initialised the module.
  const script = `
    const m = await import(${JSON.stringify(ENTRY)});
    try { m.numbers('12'); console.log('no error'); }
    catch (e) { console.log(e.constructor.name + ': ' + e.message); }
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), 'Error: recoupe: call await init() first');
});

test('init() is idempotent', async () => {
  const first = init();
  const second = init();
  assert.equal(first, second);
  await first;
  assert.equal(await init(), undefined);
});

test('figures after emoji, accents, NBSP and narrow NBSP', async () => {
  await init();
  const result = numbers(TRICKY);
  assert.equal(result.lang, 'fr');
  assertOffsets(TRICKY, result.quantities);

  const byValue = (v) => result.quantities.find((q) => q.value === v);
  const soldiers = byValue(11000);
  assert.ok(soldiers, 'finds 11 000');
  assert.equal(soldiers.surface, '11\u00a0000');
  assert.equal(soldiers.qualifier, 'approx');
  assert.ok(byValue(2.5e9), 'finds 2,5 milliards');
  assert.ok(byValue(1.5e6), 'finds 1.5 million');
  assert.ok(byValue(12), 'finds 12 %');
});

test('results are plain objects with the documented fields', async () => {
  await init();
  const { quantities } = numbers('Environ 2 700 blessés.');
  assert.equal(quantities.length, 1);
  const q = quantities[0];
  assert.equal(Object.getPrototypeOf(q), Object.prototype);
  for (const field of ['surface', 'span', 'spanUtf16', 'value', 'low', 'high', 'qualifier', 'kind', 'unit', 'measure']) {
    assert.ok(field in q, `has ${field}`);
  }
  assert.ok(Array.isArray(q.span) && q.span.length === 2);
  assert.ok(Array.isArray(q.spanUtf16) && q.spanUtf16.length === 2);
  assert.equal(q.value, 2700);
  assert.ok(q.low <= q.value && q.value <= q.high);
});

test('empty and blank texts give no quantities', async () => {
  await init();
  for (const text of ['', ' ', '\n\n\t', '\u00a0\u202f ']) {
    const result = numbers(text);
    assert.deepEqual(result.quantities, [], JSON.stringify(text));
  }
});

test('options.lang is honoured and checked', async () => {
  await init();
  assert.equal(numbers('About 300 soldiers were killed.', { lang: 'en' }).lang, 'en');
  assert.equal(numbers('Environ 300 soldats ont été tués.', { lang: 'fr' }).lang, 'fr');
  assert.throws(() => numbers('12', { lang: 'de' }), Error);
});

test('wrong argument types throw TypeError', async () => {
  await init();
  for (const bad of [undefined, null, 12, {}, ['12'], Buffer.from('12')]) {
    assert.throws(() => numbers(bad), TypeError);
  }
  assert.throws(() => numbers('12', 'fr'), TypeError);
  assert.throws(() => extract(42), TypeError);
});

test('a 5 MB text completes with results', { timeout: 120_000 }, async () => {
  await init();
  const paragraph =
    'Selon les estimations, environ 11 000 soldats ont été déployés, 300 tués et environ 2 700 blessés. ' +
    'Le budget atteint 2,5 milliards d\u2019euros, soit 12 % de plus qu\u2019en 2024. 🇫🇷\n';
  const text = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(paragraph)));
  assert.ok(Buffer.byteLength(text) >= 5 * 1024 * 1024);

  const result = numbers(text);
  const perParagraph = numbers(paragraph).quantities.length;
  assert.ok(perParagraph > 0);
  const repeats = text.length / paragraph.length;
  assert.equal(result.quantities.length, perParagraph * repeats);
  // Offsets near the end are where byte/unit mix-ups would have accumulated.
  assertOffsets(text, result.quantities.slice(-perParagraph * 2));
});

test('extract() returns claims or says it is unavailable', async () => {
  await init();
  let result;
  try {
    result = extract('Selon le ministère, environ 11 000 soldats ont été déployés.');
  } catch (err) {
    // An older core without claims: the error must say so plainly.
    assert.match(err.message, /extract\(\) is not available/);
    return;
  }
  assert.ok(result.lang === 'fr' || result.lang === 'en');
  assert.ok(Array.isArray(result.claims));
  for (const claim of result.claims) {
    assert.equal(typeof claim.text, 'string');
    assert.equal(typeof claim.hedged, 'boolean');
    assert.equal(typeof claim.score, 'number');
    assert.ok(Array.isArray(claim.quantities));
  }
});
