// Writes www/demo/corpus.json, the demo article and sources the page loads
// at first visit, from the seed articles kept as test fixtures.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'tests', 'fixtures', 'seeds');
const corpus = [];
for (const name of (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()) {
  const text = await readFile(join(dir, name), 'utf8');
  const title = text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? name;
  corpus.push({ id: name.replace(/\.txt$/, ''), title, url: null, date: null, lang: 'fr', text });
}
await mkdir(join(root, 'www', 'demo'), { recursive: true });
await writeFile(join(root, 'www', 'demo', 'corpus.json'), JSON.stringify(corpus, null, 1) + '\n');
console.log(`[build] www/demo/corpus.json: ${corpus.length} documents`);
