// The static server: what it serves, with which headers, and what it refuses.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { startServer, CSP } from '../../scripts/serve.mjs';

const SERVE = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));

let server;
before(async () => {
  server = await startServer({ port: 0 });
});
after(() => server?.close());

/** A raw GET: fetch() would normalise `..` before it reaches the server. */
function get(path, { method = 'GET', origin = server.origin } = {}) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('binds to 127.0.0.1 and reports the page URL', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/www\/$/);
  assert.equal(server.origin, `http://127.0.0.1:${server.port}`);
});

test('/ redirects to /www/, and /www to /www/', async () => {
  const root = await get('/');
  assert.equal(root.status, 302);
  assert.equal(root.headers.location, '/www/');
  const www = await get('/www');
  assert.equal(www.status, 301);
  assert.equal(www.headers.location, '/www/');
});

test('serves the page with the right types and no-cache', async () => {
  const cases = [
    ['/www/', 'text/html'],
    ['/www/index.html', 'text/html'],
    ['/www/app.js', 'text/javascript'],
    ['/www/style.css', 'text/css'],
    ['/www/icon.svg', 'image/svg+xml'],
    ['/js/index.js', 'text/javascript'],
    ['/pkg/recoupe.js', 'text/javascript'],
    ['/pkg/recoupe_bg.wasm', 'application/wasm'],
  ];
  for (const [path, type] of cases) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers['content-type'].split(';')[0], type, path);
    assert.equal(res.headers['cache-control'], 'no-cache', path);
    assert.equal(Number(res.headers['content-length']), res.body.length, path);
    assert.equal(res.headers['content-security-policy'], undefined, path);
  }
  const wasm = await get('/pkg/recoupe_bg.wasm');
  assert.deepEqual([...wasm.body.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d]);
});

test('HEAD gives the headers without a body; other methods are refused', async () => {
  const head = await get('/www/index.html', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  const post = await get('/www/index.html', { method: 'POST' });
  assert.equal(post.status, 405);
});

test('only www, pkg and js are published', async () => {
  for (const path of ['/src/lib.rs', '/package.json', '/Cargo.toml', '/tests/js/serve.test.mjs',
    '/scripts/serve.mjs', '/node_modules/playwright-core/package.json', '/www/.gitignore',
    '/www/missing.js', '/.git/config']) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
  }
});

test('path traversal is refused', async () => {
  for (const path of ['/www/../package.json', '/www/%2e%2e/package.json', '/www/..%2fpackage.json',
    '/www/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', '/js/..%5c..%5cpackage.json', '/www/%00index.html',
    '/pkg/%2e%2e/src/lib.rs', '/www/./../../package.json']) {
    const res = await get(path);
    assert.ok([400, 403, 404].includes(res.status), `${path} gave ${res.status}`);
    assert.ok(!res.body.toString().includes('"devDependencies"'), path);
  }
});

test('--csp adds the Content-Security-Policy header', async () => {
  const strict = await startServer({ port: 0, csp: true });
  try {
    const res = await get('/www/', { origin: strict.origin });
    assert.equal(res.headers['content-security-policy'], CSP);
    assert.equal(CSP, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
  } finally {
    await strict.close();
  }
});

test('a busy port makes it try the next one', async () => {
  const taken = server.port;
  const next = await startServer({ port: taken });
  try {
    assert.ok(next.port > taken && next.port <= taken + 20, `got ${next.port}`);
  } finally {
    await next.close();
  }
});

test('the command prints its URL once listening', async () => {
  const child = spawn(process.execPath, [SERVE, '--port', '0', '--csp'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const line = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
      setTimeout(() => reject(new Error('no output')), 10_000).unref();
    });
    const m = /^recoupe: serving on (http:\/\/127\.0\.0\.1:(\d+)\/www\/)$/.exec(line);
    assert.ok(m, line);
    const res = await get('/www/', { origin: m[1] });
    assert.equal(res.status, 200);
    assert.ok(res.headers['content-security-policy']);
  } finally {
    child.kill();
  }
});
