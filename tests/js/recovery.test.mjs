// A panic in the core never leaves a dead module: it surfaces as a JS Error
// carrying the panic's message, and the next call works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { init, numbers, Checker } from '../../js/index.js';
import * as glue from '../../pkg/recoupe.js';

const seed = (id) => readFileSync(new URL(`../fixtures/seeds/${id}.txt`, import.meta.url), 'utf8');

test('a panic is reported as an Error and the module keeps working', async () => {
  await init();
  const errors = [];
  const original = console.error;
  console.error = (...args) => errors.push(args.join(' '));
  try {
    assert.throws(() => glue.__panicForTests('now'), WebAssembly.RuntimeError);
  } finally {
    console.error = original;
  }
  assert.match(glue.lastPanic(), /deliberate panic for tests/);
  assert.ok(errors.some((e) => e.includes('deliberate panic')), 'the panic hook reports on the console');
  const r = numbers('12 000 soldats');
  assert.equal(r.quantities[0].value, 12000);
});

test('a checker stopped by a panic rebuilds itself with its sources', async () => {
  await init();
  const checker = new Checker();
  for (const id of ['000_0dc4f03766a95fab', '002_4ea4bb0a10ff803b']) checker.addSource({ id, text: seed(id) });
  const article = seed('001_125bc9ff60828318');
  const before = checker.check(article);

  glue.__panicForTests('check');
  const original = console.error;
  console.error = () => {};
  let error;
  try {
    checker.check(article);
  } catch (e) {
    error = e;
  } finally {
    console.error = original;
  }
  assert.ok(error instanceof Error, 'an Error, not a bare trap');
  assert.match(error.message, /recoupe: check\(\) stopped on an internal error \(.*deliberate panic in check/s);

  assert.deepEqual(checker.sources().map((s) => s.id), ['000_0dc4f03766a95fab', '002_4ea4bb0a10ff803b']);
  assert.deepEqual(checker.check(article), before);
  checker.free();
});
