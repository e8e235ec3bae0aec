// The package's size budgets (scripts/size.mjs): what a browser downloads,
// gzipped, and what `npm pack` ships.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { BUDGET, measure, overBudget } from '../../scripts/size.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('the wasm and the JavaScript stay within their gzipped budgets', () => {
  const m = measure();
  assert.deepEqual(overBudget(m), []);
  assert.ok(m.wasm.gzip < BUDGET.wasmGzip, `wasm: ${m.wasm.gzip} bytes gzipped`);
  assert.ok(m.js.gzip < BUDGET.jsGzip, `JavaScript: ${m.js.gzip} bytes gzipped`);
  // Every JavaScript file the package ships counts: the widget loads them all.
  const paths = m.js.files.map((f) => f.path);
  assert.ok(paths.includes('dist/js/index.js') && paths.includes('dist/pkg/recoupe.js'), paths.join(', '));
  if (existsSync(join(ROOT, 'www/widget.js'))) {
    for (const f of ['widget', 'worker', 'checker-client', 'render', 'report', 'i18n']) assert.ok(paths.includes(`dist/www/${f}.js`), f);
  }
  assert.ok(paths.every((p) => p.startsWith('dist/')), paths.join(', '));
  // The tarball is mostly the wasm: anything much bigger means stray files.
  assert.ok(m.packed < m.wasm.gzip + 100_000, `packed: ${m.packed} bytes`);
});

test('the budget check reports what is over', () => {
  const within = { wasm: { gzip: BUDGET.wasmGzip - 1 }, js: { gzip: BUDGET.jsGzip - 1 } };
  assert.deepEqual(overBudget(within), []);
  const over = { wasm: { gzip: BUDGET.wasmGzip }, js: { gzip: BUDGET.jsGzip + 1 } };
  const problems = overBudget(over);
  assert.equal(problems.length, 2);
  assert.match(problems[0], /^wasm is 270\.0 kB gzipped, budget 270\.0 kB$/);
  assert.match(problems[1], /^JavaScript is 30\.0 kB gzipped/);
});
