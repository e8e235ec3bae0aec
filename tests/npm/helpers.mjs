// Shared by the packaging tests: packing, installing into a scratch project,
// a static server, Chromium, and the README's examples.

import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// The page's policy (scripts/serve.mjs): the package must work under it.
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * Runs a command to completion; resolves with its exit code and output
 * (never rejects on a non-zero exit, so callers can show the output).
 */
export function run(cmd, args, { cwd, env, timeout = 60_000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}

/** Output of a failed command, for an assertion message. */
export function explain(result) {
  return `exit ${result.code}${result.signal ? ` (${result.signal})` : ''}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

// npm settings that keep it off the network: a registry nobody listens on,
// and a cache of the test's own.
export function offlineNpmEnv(cache) {
  return {
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_cache: cache,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'error',
    // Set by a surrounding `npm test`; the scratch project is its own root.
    npm_config_local_prefix: undefined,
  };
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Serves the files under `root` on 127.0.0.1 (an ephemeral port), as a
 * plain static host would: GET and HEAD, `/` gives index.html.
 */
export async function startStatic(root, { csp = false } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const headers = { 'Cache-Control': 'no-store', ...(csp ? { 'Content-Security-Policy': CSP } : {}) };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400, headers).end();
      return;
    }
    let file = resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/**
 * The examples of the README's npm section: each fenced block right after
 * an `<!-- example: KIND -->` or `<!-- output: KIND -->` comment, in order.
 * Returns `{examples: {kind: [code]}, outputs: {kind: [text]}}`.
 */
export function readmeExamples(readme) {
  const start = readme.indexOf('<!-- npm:start -->');
  const end = readme.indexOf('<!-- npm:end -->');
  if (start < 0 || end < start) throw new Error('README.md has no npm section between its markers');
  const section = readme.slice(start, end);
  const examples = {};
  const outputs = {};
  const block = /<!-- (example|output): ([\w-]+) -->\n```[\w-]*\n([\s\S]*?)```/g;
  for (const [, what, kind, code] of section.matchAll(block)) {
    const into = what === 'example' ? examples : outputs;
    (into[kind] ??= []).push(code);
  }
  return { examples, outputs };
}

/**
 * The relative module references of a JS file: static and dynamic imports,
 * re-exports, and `new URL('…', import.meta.url)` assets (workers, wasm).
 */
export function relativeRefs(source) {
  const refs = new Set();
  const patterns = [
    // Minified code drops the spaces: import{a as b}from"./x.js".
    /\bimport\s*(?:[\w*{}\s,$]+?\s*\bfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/g,
    /\bexport\s*[\w*{}\s,$]+?\s*\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g,
    /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
    /\bnew\s+URL\(\s*['"]([^'":]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const [, ref] of source.matchAll(pattern)) refs.add(ref);
  }
  return [...refs];
}

export const hasChromium = () => existsSync(CHROMIUM);
