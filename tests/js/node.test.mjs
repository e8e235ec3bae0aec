// The package entry (js/index.js) in Node: loading, argument checks, offsets
// in both units on text full of multi-byte characters, large inputs, and the
// Checker's life cycle.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { init, numbers, extract, Checker } from '../../js/index.js';

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

// Short texts for the checker: one source agrees, one disagrees. The
// article names no counter: an attributed figure ("according to Seoul")
// would be checked as that counter's, which neither source gives.
const ARTICLE =
  'About 11,000 North Korean soldiers have been deployed to Russia. ' +
  'Around 300 of them were killed.';
const SOURCES = [
  { id: 'wire', text: 'South Korean intelligence says 15,000 North Korean troops are now in Russia.' },
  { id: 'daily', text: 'Pyongyang has sent some 11,000 soldiers to Russia, officials said on Monday.' },
];

test('Checker: sources indexed once, articles checked, plain results', async () => {
  await init();
  const checker = new Checker({ lang: 'auto', maxEvidence: 4 });
  try {
    const infos = SOURCES.map((s) => checker.addSource(s));
    assert.deepEqual(infos[0], { id: 'wire', lang: 'en', title: null, url: null, date: null, copyOf: null });
    assert.deepEqual(checker.sources(), infos);

    const report = checker.check(ARTICLE);
    assert.deepEqual(Object.keys(report).sort(), ['claims', 'discrepancies', 'lang', 'sources']);
    const [troops, killed] = report.claims;
    assert.equal(troops.verdict, 'disputed');
    assert.deepEqual(troops.evidence.map((e) => [e.sourceId, e.relation]).sort(), [
      ['daily', 'corroborates'],
      ['wire', 'contradicts'],
    ]);
    assert.equal(killed.verdict, 'unverified');
    for (const claim of report.claims) assert.equal(ARTICLE.slice(...claim.spanUtf16), claim.text);
    // Plain data: cloneable, and still there once the checker is gone.
    assert.deepEqual(structuredClone(report), report);
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report);

    // More articles against the same index: as a fresh checker sees them.
    const other = 'Plus de 10 000 soldats nord-coréens sont en Russie, selon Kiev.';
    const fresh = new Checker({ lang: 'auto', maxEvidence: 4 });
    for (const s of SOURCES) fresh.addSource(s);
    assert.deepEqual(checker.check(other), fresh.check(other));
    fresh.free();
    assert.deepEqual(checker.check(ARTICLE), report);

    assert.equal(checker.removeSource('wire'), true);
    assert.equal(checker.removeSource('wire'), false);
    assert.deepEqual(checker.sources().map((s) => s.id), ['daily']);
    assert.equal(checker.check(ARTICLE).claims[0].verdict, 'corroborated');
    checker.free();
    assert.equal(report.claims[0].verdict, 'disputed');
  } finally {
    checker.free();
  }
});

test('Checker: wrong types throw TypeError, bad values Error, with clear messages', async () => {
  await init();
  const checker = new Checker();
  const typeErrors = [
    [() => new Checker('fr'), /Checker options must be an object, got string/],
    [() => new Checker({ maxEvidence: '3' }), /options\.maxEvidence must be a number, got string/],
    [() => new Checker({ lang: 1 }), /options\.lang must be "auto", "fr" or "en", got number/],
    [() => numbers('12', { approxTolerance: '0.1' }), /options\.approxTolerance must be a number/],
    [() => numbers('12', ['fr']), /options must be an object, got an array/],
    [() => checker.addSource(null), /addSource\(\) expects an object \{id, text\}, got null/],
    [() => checker.addSource('text'), /expects an object/],
    [() => checker.addSource({ id: 1, text: 'x' }), /source\.id to be a string, got number/],
    [() => checker.addSource({ id: 'x' }), /source\.text to be a string, got undefined/],
    [() => checker.addSource({ id: 'x', text: 'y', url: new URL('https://example.org') }), /source\.url to be a string/],
    [() => checker.removeSource(1), /removeSource\(\) expects a string id, got number/],
    [() => checker.check(null), /check\(\) expects a string, got null/],
  ];
  for (const [fn, message] of typeErrors) assert.throws(fn, (err) => err instanceof TypeError && message.test(err.message));

  checker.addSource({ id: 'a', text: 'Environ 11 000 soldats.' });
  const errors = [
    [() => checker.addSource({ id: 'a', text: 'x' }), /^recoupe: a source with id "a" is already loaded/],
    [() => checker.addSource({ id: ' ', text: 'x' }), /^recoupe: a source needs a non-empty id/],
    [() => checker.addSource({ id: 'b', text: 'x', lang: 'de' }), /^recoupe: source\.lang must be/],
    [() => new Checker({ approxTolerance: 2 }), /^recoupe: options\.approxTolerance must be a number in \[0, 1\)/],
    [() => new Checker({ maxEvidence: 1.5 }), /^recoupe: options\.maxEvidence must be a whole number/],
  ];
  for (const [fn, message] of errors) {
    assert.throws(fn, (err) => err instanceof Error && !(err instanceof TypeError) && message.test(err.message));
  }
  assert.deepEqual(checker.sources().map((s) => s.id), ['a'], 'failed calls change nothing');
  checker.free();
});

test('Checker: free() and Symbol.dispose release it; later calls throw', async () => {
  await init();
  const checker = new Checker();
  checker.free();
  checker.free();
  for (const name of ['addSource', 'removeSource', 'sources', 'check']) {
    assert.throws(() => checker[name]('x'), { name: 'Error', message: `recoupe: ${name}() called on a freed Checker` });
  }
  const disposed = new Checker();
  assert.equal(typeof Symbol.dispose, 'symbol');
  disposed[Symbol.dispose]();
  assert.throws(() => disposed.sources(), /freed Checker/);
});

test('a Checker dropped without free() is freed when collected', () => {
  // A fresh process with --expose-gc. The glue's Checker.free is counted:
  // the wrapper's finaliser calls it, the glue's own finaliser does not.
  const glueUrl = new URL('../../pkg/recoupe.js', import.meta.url).href;
  const wasmUrl = new URL('../../pkg/recoupe_bg.wasm', import.meta.url).href;
  const script = `
    const glue = await import(${JSON.stringify(glueUrl)});
    const { init, Checker } = await import(${JSON.stringify(pathToFileURL(ENTRY).href)});
    await init(new URL(${JSON.stringify(wasmUrl)}));
    let freed = 0;
    const free = glue.Checker.prototype.free;
    glue.Checker.prototype.free = function () { freed++; return free.call(this); };
    (() => {
      for (let i = 0; i < 5; i++) new Checker().addSource({ id: 'a', text: 'Environ 11 000 soldats.' });
    })();
    const kept = new Checker();
    kept.free();
    for (let i = 0; i < 50 && freed < 6; i++) {
      globalThis.gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Freed once each, never twice.
    await new Promise((resolve) => setTimeout(resolve, 50));
    console.log(freed);
  `;
  const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), '6');
});

test('init() takes a file: URL or the bytes in Node, and reads the file on Node < 20.16', () => {
  const wasm = fileURLToPath(new URL('../../pkg/recoupe_bg.wasm', import.meta.url));
  const variants = [
    `new URL(${JSON.stringify(pathToFileURL(wasm).href)})`,
    `await readFile(${JSON.stringify(wasm)})`,
    // Node before 20.16 has no process.getBuiltinModule.
    `(delete process.getBuiltinModule, undefined)`,
  ];
  for (const arg of variants) {
    const script = `
      import { readFile } from 'node:fs/promises';
      const { init, numbers } = await import(${JSON.stringify(pathToFileURL(ENTRY).href)});
      await init(${arg});
      console.log(numbers('Environ 11 000 soldats.').quantities[0].value);
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), '11000', arg);
  }
});
