// Hostile and odd input through the wasm package: every case ends in a
// result or a clear Error, offsets stay right, and repeated checks keep
// memory bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { init, numbers, extract, Checker } from '../../js/index.js';
import * as glue from '../../pkg/recoupe.js';

const seed = (id) => readFileSync(new URL(`../fixtures/seeds/${id}.txt`, import.meta.url), 'utf8');
const SEEDS = ['000_0dc4f03766a95fab', '001_125bc9ff60828318', '002_4ea4bb0a10ff803b', '003_209a75ba72bab8cf', '004_8e6147d9107f0c1b'];

function assertOffsets(text, quantities) {
  for (const q of quantities) {
    assert.equal(text.slice(q.spanUtf16[0], q.spanUtf16[1]), q.surface, `UTF-16 span of ${q.surface}`);
  }
}

test('lone surrogates, RTL text, emoji and combining marks keep offsets right', async () => {
  await init();
  // A lone surrogate crosses the boundary as U+FFFD: one UTF-16 unit either way.
  const texts = [
    '\uD800 environ 11 000 soldats \uDC00 et 2 700 blessés',
    'مرحبا 12 000 soldats ‏שלום 300 tués',
    '👩‍👩‍👧 🇺🇦 e\u0301te\u0301 : 8 millions d’obus, 60 %',
    'Ça\u00A0coûte 1,45\u202Fmilliard $ — ½ des 120 unités',
  ];
  for (const text of texts) {
    const r = numbers(text, { lang: 'fr' });
    assert.ok(r.quantities.length >= 2, text);
    assertOffsets(text, r.quantities);
  }
});

test('HTML and Markdown pasted as text stay text', async () => {
  await init();
  const text = '<p onclick="x()">Selon <b>Séoul</b>, **12 000** soldats</p><script>alert(1)</script> [lien](javascript:alert(1))';
  const r = extract(text);
  assert.equal(r.claims.length, 1);
  assert.equal(r.claims[0].quantities[0].value, 12000);
  assert.equal(typeof r.claims[0].text, 'string');
});

test('10 MB of text and a 1 MB line give results in linear time', async () => {
  await init();
  const article = seed(SEEDS[1]);
  const time = (text) => {
    const t0 = performance.now();
    const r = extract(text);
    return { ms: performance.now() - t0, claims: r.claims.length };
  };
  const one = article.repeat(Math.ceil(1e6 / article.length));
  const ten = article.repeat(Math.ceil(1e7 / article.length));
  const a = time(one);
  const b = time(ten);
  assert.ok(b.claims >= 9 * a.claims, 'ten times the text, about ten times the claims');
  // Linear: 10x the text within 15x the time (leaves room for noise).
  assert.ok(b.ms < 15 * a.ms, `1 MB in ${a.ms.toFixed(0)} ms, 10 MB in ${b.ms.toFixed(0)} ms`);
  console.log(`extract in wasm: 1 MB in ${a.ms.toFixed(0)} ms, 10 MB in ${b.ms.toFixed(0)} ms`);
  const line = time(article.replace(/\n/g, ' ').repeat(Math.ceil(1e6 / article.length)));
  assert.ok(line.claims > 0);
});

test('pathological figures end quickly with a result', async () => {
  await init();
  for (const text of ['9'.repeat(400), '1 '.repeat(100_000), '1,'.repeat(100_000), '-'.repeat(100_000), 'mille '.repeat(20_000)]) {
    const t0 = performance.now();
    const r = numbers(text);
    assert.ok(Array.isArray(r.quantities));
    assert.ok(performance.now() - t0 < 5000, `${text.slice(0, 10)}… took too long`);
  }
});

test('bad arguments throw clear errors, never crash the module', async () => {
  await init();
  assert.throws(() => numbers(42), TypeError);
  assert.throws(() => numbers('x', { lang: 'de' }), /lang/);
  const c = new Checker();
  assert.throws(() => c.addSource({ id: '', text: 'x' }), /non-empty id/);
  assert.throws(() => c.addSource({ id: 'a' }), TypeError);
  c.addSource({ id: 'a', text: 'x' });
  assert.throws(() => c.addSource({ id: 'a', text: 'y' }), /already loaded/);
  assert.equal(numbers('12 000').quantities.length, 1);
  c.free();
});

test('duplicate sources and a source equal to the article are not corroboration', async () => {
  await init();
  const c = new Checker();
  const article = seed(SEEDS[1]);
  const same = c.addSource({ id: 'same', text: article });
  const a = c.addSource({ id: 'a', text: seed(SEEDS[2]) });
  const b = c.addSource({ id: 'b', text: seed(SEEDS[2]) });
  assert.equal(same.copyOf, null);
  assert.equal(a.copyOf, null);
  assert.equal(b.copyOf, 'a');
  const r = c.check(article);
  const killed = r.claims.find((x) => x.quantities[0].measure === 'killed');
  assert.equal(killed.verdict, 'unverified', 'only the copy of the article gives that figure');
  const troops = r.claims.find((x) => x.quantities[0].measure === 'soldier');
  assert.equal(troops.verdict, 'corroborated');
  assert.match(troops.explanation, /1 source/);
  c.free();
});

test('10,000 sources load and an article checks against them', async () => {
  await init();
  const c = new Checker();
  const t0 = performance.now();
  for (let i = 0; i < 10_000; i++) {
    const base = seed(SEEDS[1 + (i % 4)]).slice(0, 600);
    c.addSource({ id: `s${i}`, text: base.replace(/\d+/, String(100 + (i % 50))) });
  }
  const loaded = performance.now() - t0;
  const t1 = performance.now();
  const r = c.check(seed(SEEDS[0]));
  const checked = performance.now() - t1;
  assert.equal(c.sources().length, 10_000);
  assert.ok(r.claims.length > 0);
  assert.ok(r.claims.every((x) => x.evidence.length <= 12), 'evidence lists stay short');
  console.log(`10,000 sources: indexed in ${loaded.toFixed(0)} ms, checked in ${checked.toFixed(1)} ms`);
  c.free();
});

test('1,000 consecutive checks keep wasm memory and the JS heap bounded', async () => {
  const exports = await glue.default();
  await init();
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  const c = new Checker();
  for (const id of SEEDS.slice(1)) c.addSource({ id, text: seed(id) });
  const article = seed(SEEDS[0]);
  const sample = () => {
    gc();
    return { wasm: exports.memory.buffer.byteLength, heap: process.memoryUsage().heapUsed };
  };
  for (let i = 0; i < 100; i++) c.check(article);
  const warm = sample();
  for (let i = 0; i < 1000; i++) c.check(article);
  const end = sample();
  console.log(`after 100 checks: wasm ${warm.wasm} B, heap ${warm.heap} B; after 1,100: wasm ${end.wasm} B, heap ${end.heap} B`);
  // Bounds: the wasm memory does not grow at all once warm (results are
  // copied out and freed), and the JS heap grows by less than 2 MB.
  assert.equal(end.wasm, warm.wasm);
  assert.ok(end.heap - warm.heap < 2 * 1024 * 1024, `heap grew by ${end.heap - warm.heap} B`);
  c.free();
});
