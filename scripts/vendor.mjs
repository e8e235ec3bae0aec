#!/usr/bin/env node
// Puts the document readers the page loads on demand into www/vendor/,
// from node_modules (versions pinned in package.json):
//   - Mozilla's Readability (main text of a saved web page), bundled from
//     its CommonJS file into one ES module;
//   - pdf.js (text of PDF reports): its module, its worker, and the
//     character maps and standard font data it fetches for some PDFs.
// Neither is imported at first load: the page imports them when an HTML
// or PDF file arrives (www/documents.js).
//
//   node scripts/vendor.mjs        (run by scripts/build.sh)

import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSync } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'www/vendor');
const require = createRequire(join(ROOT, 'package.json'));

function vendor() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  const readability = require.resolve('@mozilla/readability/Readability.js');
  const entry = `import Readability from ${JSON.stringify(readability)};\nexport { Readability };\n`;
  buildSync({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'readability-entry.js' },
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    legalComments: 'inline',
    outfile: join(OUT, 'readability.js'),
    logLevel: 'error',
  });

  const pdfjs = dirname(require.resolve('pdfjs-dist/package.json'));
  const to = join(OUT, 'pdfjs');
  mkdirSync(to, { recursive: true });
  for (const file of ['pdf.min.mjs', 'pdf.worker.min.mjs']) cpSync(join(pdfjs, 'build', file), join(to, file));
  cpSync(join(pdfjs, 'cmaps'), join(to, 'cmaps'), { recursive: true });
  cpSync(join(pdfjs, 'standard_fonts'), join(to, 'standard_fonts'), { recursive: true });
  cpSync(join(pdfjs, 'LICENSE'), join(to, 'LICENSE'));
  const versions = {
    readability: require('@mozilla/readability/package.json').version,
    pdfjs: require('pdfjs-dist/package.json').version,
  };
  writeFileSync(join(OUT, 'versions.json'), `${JSON.stringify(versions, null, 2)}\n`);
  return versions;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const v = vendor();
    console.log(`[build] www/vendor/: Readability ${v.readability}, pdf.js ${v.pdfjs}`);
  } catch (err) {
    console.error(`vendor: ${err.message}`);
    process.exit(1);
  }
}
