#!/usr/bin/env node
// Throughput of `recoupe corpus`: generates folders of saved pages and text
// files (10,000 and 100,000 by default; one in fifty a copy of another),
// builds the corpus of each with the release binary, and prints files/s.
// Equal files/s at both sizes means linear time.
//
//   node scripts/bench-corpus.mjs [N...]

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const counts = sizes.length ? sizes : [10_000, 100_000];

const PLACES = ['Paris', 'Lyon', 'Marseille', 'Lille', 'Nantes', 'Toulouse', 'Bordeaux', 'Rennes'];
const MEASURES = ['taux de chômage', 'inflation', 'déficit public', 'dette publique', 'taux de participation', 'prix des logements'];

/** A deterministic pseudo-random sequence (mulberry32): the same files every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function article(i) {
  const rnd = random(i + 1);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const sentences = [];
  for (let k = 0; k < 8; k++) {
    const v = (rnd() * 20).toFixed(1).replace('.', ',');
    sentences.push(`À ${pick(PLACES)}, le ${pick(MEASURES)} atteint ${v} % au ${1 + (k % 4)}e trimestre ${2015 + (i % 10)}, selon le bulletin n° ${i}-${k}.`);
  }
  return sentences.join(' ');
}

function generate(dir, n) {
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    // One file in fifty repeats the one before it.
    const base = i % 50 === 49 ? i - 1 : i;
    const text = article(base);
    let body;
    let name;
    if (base % 3 === 2) {
      name = `depeche-${i}.txt`;
      body = `PARIS, 12 mars 2024 -\n\n${text}\n`;
    } else {
      name = `page-${i}.html`;
      body = `<!doctype html><html lang="fr"><head><title>Bulletin ${base}</title><meta property="article:published_time" content="2024-03-12"></head><body><nav><a href="/">Accueil</a></nav><article><h1>Bulletin ${base}</h1><p>${text}</p></article><footer>© 2024</footer></body></html>`;
    }
    writeFileSync(join(sub, name), body);
    bytes += Buffer.byteLength(body);
  }
  return bytes;
}

console.log('[bench] cargo build --release --bin recoupe');
execFileSync('cargo', ['build', '--quiet', '--release', '--bin', 'recoupe'], { cwd: ROOT, stdio: 'inherit' });
const target = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
const bin = join(target, 'release', 'recoupe');

for (const n of counts) {
  const dir = mkdtempSync(join(tmpdir(), `recoupe-bench-corpus-${n}-`));
  try {
    const bytes = generate(join(dir, 'in'), n);
    const out = join(dir, 'corpus.json');
    const t0 = process.hrtime.bigint();
    const run = spawnSync(bin, ['corpus', '-o', out, join(dir, 'in')], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (run.status !== 0) throw new Error(`recoupe corpus failed: ${run.stderr.slice(-2000)}`);
    const skipped = (run.stderr.match(/skipped /g) ?? []).length;
    console.log(
      `[bench] ${n.toLocaleString('en')} files (${(bytes / 1e6).toFixed(1)} MB): ${s.toFixed(2)} s, ` +
        `${Math.round(n / s).toLocaleString('en')} files/s, ${(bytes / 1e6 / s).toFixed(1)} MB/s, ` +
        `${skipped} duplicates dropped, corpus ${(statSync(out).size / 1e6).toFixed(1)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
