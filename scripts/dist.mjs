#!/usr/bin/env node
// Builds dist/, what the npm package ships: the entry, the wasm and its
// glue, and the widget's modules and styles; the scripts minified one file
// at a time (all but the entry, see VERBATIM).
// Files keep their names and their relative places (dist/js, dist/pkg,
// dist/www), so the relative imports and the `new URL('…',
// import.meta.url)` references of the sources hold unchanged; the page
// served by `npm start` keeps using the sources themselves.
//
//   node scripts/dist.mjs        (run by scripts/build.sh after the wasm)

import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { transformSync } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist');

/**
 * Copied as written. The entry: minifying would strip the bundler hints
 * (comments inside a dynamic import) that keep bundlers away from node:fs.
 * The styles: under 4 kB, Vite would inline them as data: URLs, which a
 * publisher's CSP (style-src 'self') refuses; and no script budget counts
 * them.
 */
const VERBATIM = new Set(['js/index.js', 'pkg/recoupe_bg.wasm', 'www/card.css', 'www/widget.css']);

/** The page's own files: the widget loads none of them. */
const PAGE_ONLY = new Set(['app.js', 'documents.js', 'style.css']);

/** The files that ship, relative to the repository root. */
export function sources(root = ROOT) {
  const www = readdirSync(join(root, 'www'))
    .filter((f) => /\.(js|css)$/.test(f) && !PAGE_ONLY.has(f))
    .sort()
    .map((f) => `www/${f}`);
  return ['js/index.js', 'pkg/recoupe.js', 'pkg/recoupe_bg.wasm', ...www];
}

function build() {
  rmSync(OUT, { recursive: true, force: true });
  for (const file of sources()) {
    const from = join(ROOT, file);
    const to = join(OUT, file);
    mkdirSync(dirname(to), { recursive: true });
    if (VERBATIM.has(file)) {
      copyFileSync(from, to);
      continue;
    }
    // Per file, no bundling: module boundaries and import specifiers stay
    // as written.
    const { code } = transformSync(readFileSync(from, 'utf8'), {
      loader: 'js',
      format: 'esm',
      minify: true,
      target: 'es2022',
      legalComments: 'none',
      sourcefile: file,
    });
    writeFileSync(to, `/* recoupe, MIT licence: ${file} */\n${code}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    build();
  } catch (err) {
    console.error(`dist: ${err.message}`);
    process.exit(1);
  }
  console.log(`[build] dist/: ${sources().length} files, minified`);
}
