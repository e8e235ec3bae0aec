// Run from a scratch project where the packed tarball is installed: checks
// seed 001 against the four other seeds through the package's public entry
// and prints what the test asserts on, as JSON.
//
//   node check-seeds.mjs SEEDS_DIR

import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { init, numbers, extract, Checker } from 'recoupe';

const dir = process.argv[2];
const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
const articleName = names.find((n) => n.startsWith('001_'));
const article = await readFile(join(dir, articleName), 'utf8');

await init();

const checker = new Checker();
const added = [];
for (const name of names) {
  if (name === articleName) continue;
  added.push(checker.addSource({ id: name.slice(0, 3), text: await readFile(join(dir, name), 'utf8') }));
}
const report = checker.check(article);
const sources = checker.sources();
checker.free();

let afterFree = null;
try {
  checker.check(article);
} catch (err) {
  afterFree = `${err.constructor.name}: ${err.message}`;
}

const require = createRequire(import.meta.url);
const resolved = (specifier) => {
  try {
    return fileURLToPath(import.meta.resolve(specifier));
  } catch (err) {
    return `unresolved: ${err.message}`;
  }
};

const plain = (value) =>
  value === null ||
  typeof value !== 'object' ||
  ((Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) && Object.values(value).every(plain));

console.log(
  JSON.stringify({
    entry: resolved('recoupe'),
    wasm: resolved('recoupe/recoupe_bg.wasm'),
    widget: resolved('recoupe/widget'),
    manifest: require('recoupe/package.json').name,
    lang: report.lang,
    added,
    sources,
    plain: plain(report),
    claims: report.claims.map((c) => ({
      id: c.id,
      verdict: c.verdict,
      explanation: c.explanation,
      evidence: c.evidence.length,
      text: c.text,
      textBySpan: article.slice(...c.spanUtf16),
      textByBytes: Buffer.from(article).subarray(...c.span).toString(),
      quantities: c.quantities.map((q) => ({ surface: q.surface, measure: q.measure, low: q.low, high: q.high })),
    })),
    discrepancies: report.discrepancies.map((d) => d.measure),
    numbers: numbers(article).quantities.length,
    extract: extract(article).claims.length,
    afterFree,
  }),
);
