#!/usr/bin/env node
// Size of the npm package: the tarball as `npm pack` makes it, and what a
// browser downloads (the wasm and the JavaScript, gzipped). Exits 1 when a
// budget is exceeded. Needs the package built (bash scripts/build.sh).
//
//   node scripts/size.mjs [--json]

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Gzipped bytes (level 9, as servers precompress static files). */
// The wasm budget grew from 250 kB when month runs, the money and
// restriction rules of the frame took it to 256 kB (README, Size).
export const BUDGET = { wasmGzip: 270_000, jsGzip: 30_000 };

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** The tarball `npm pack` would make, without rebuilding. */
export function packInfo(root = ROOT) {
  // --ignore-scripts: measure the pkg/ at hand; prepack would rebuild it.
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [info] = JSON.parse(out);
  return info;
}

export function measure(root = ROOT) {
  const wasmPath = join(root, 'dist/pkg/recoupe_bg.wasm');
  if (!existsSync(wasmPath)) {
    throw new Error('dist/pkg/recoupe_bg.wasm is missing: run bash scripts/build.sh first');
  }
  const info = packInfo(root);
  const shipped = info.files.map((f) => f.path);
  const wasm = readFileSync(wasmPath);
  // Every JavaScript file of the package, all budgeted: the widget loads
  // them all, each fetched (and compressed) on its own without a bundler.
  const js = shipped
    .filter((p) => p.endsWith('.js'))
    .sort()
    .map((path) => {
      const bytes = readFileSync(join(root, path));
      return { path, size: bytes.length, gzip: gz(bytes) };
    });
  const sum = (files, key) => files.reduce((n, f) => n + f[key], 0);
  return {
    packed: info.size,
    unpacked: info.unpackedSize,
    files: info.files.map(({ path, size }) => ({ path, size })),
    wasm: { size: wasm.length, gzip: gz(wasm) },
    js: { files: js, size: sum(js, 'size'), gzip: sum(js, 'gzip') },
  };
}

/** Budget failures, as sentences; empty when within budget. */
export function overBudget(m) {
  const problems = [];
  if (m.wasm.gzip >= BUDGET.wasmGzip) {
    problems.push(`wasm is ${kb(m.wasm.gzip)} gzipped, budget ${kb(BUDGET.wasmGzip)}`);
  }
  if (m.js.gzip >= BUDGET.jsGzip) {
    problems.push(`JavaScript is ${kb(m.js.gzip)} gzipped, budget ${kb(BUDGET.jsGzip)}`);
  }
  return problems;
}

function kb(n) {
  return `${(n / 1000).toFixed(1)} kB`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let m;
  try {
    m = measure();
  } catch (err) {
    console.error(`size: ${err.message}`);
    process.exit(2);
  }
  const problems = overBudget(m);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ ...m, budget: BUDGET, problems }, null, 2));
  } else {
    const rows = [
      ['package (npm pack)', m.packed, m.unpacked],
      ['dist/pkg/recoupe_bg.wasm', m.wasm.gzip, m.wasm.size],
      ...m.js.files.map((f) => [f.path, f.gzip, f.size]),
      ['JavaScript, all', m.js.gzip, m.js.size],
    ];
    console.log(`${'file'.padEnd(30)} ${'compressed'.padStart(10)} ${'raw'.padStart(10)}`);
    for (const [name, small, big] of rows) {
      console.log(`${name.padEnd(30)} ${kb(small).padStart(10)} ${kb(big).padStart(10)}`);
    }
    console.log(`budget: wasm < ${kb(BUDGET.wasmGzip)} gzipped, JavaScript (all files) < ${kb(BUDGET.jsGzip)} gzipped`);
    console.log(`${m.files.length} files in the package: ${m.files.map((f) => f.path).join(', ')}`);
  }
  for (const p of problems) console.error(`size: over budget: ${p}`);
  process.exit(problems.length ? 1 : 0);
}
