#!/usr/bin/env node
// Static server for the demo page and the browser tests. No dependencies, and
// bound to 127.0.0.1 only: nothing here is meant to be reachable from outside.
//
//   node scripts/serve.mjs [--port N] [--csp]      (PORT=N also works)

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, realpath } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 8080;
const PORT_ATTEMPTS = 21; // the requested port and the next 20
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

// Only these top-level folders are published; the rest of the repository
// (sources, fixtures, node_modules) has no business being served.
const ALLOWED_DIRS = new Set(['www', 'pkg', 'js']);

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  // instantiateStreaming refuses any other type.
  '.wasm': 'application/wasm',
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

/**
 * Maps a request path to a file path under root, or returns an HTTP status
 * explaining why it cannot be served.
 */
function resolvePath(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  // Encoded dot segments and backslashes survive URL parsing; refuse them
  // outright rather than trying to interpret them.
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 403 };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { status: 403 };
  // Dotfiles (.gitignore, .DS_Store...) are never part of the site.
  if (segments.some((s) => s.startsWith('.'))) return { status: 404 };
  if (segments.length === 0 || !ALLOWED_DIRS.has(segments[0])) return { status: 404 };
  const file = resolve(root, ...segments);
  if (!file.startsWith(root + sep)) return { status: 403 };
  return { file, trailingSlash: decoded.endsWith('/') };
}

async function handle(req, res, root, csp) {
  const headers = {
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...(csp ? { 'Content-Security-Policy': CSP } : {}),
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'Method Not Allowed\n', { ...headers, Allow: 'GET, HEAD' });
  }
  let url;
  try {
    url = new URL(req.url, `http://${HOST}`);
  } catch {
    return send(res, 400, 'Bad Request\n', headers);
  }
  if (url.pathname === '/') {
    return send(res, 302, 'Found\n', { ...headers, Location: '/www/' });
  }
  const target = resolvePath(root, url.pathname);
  if (target.status) {
    const text = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[target.status];
    return send(res, target.status, `${text}\n`, headers);
  }

  let file = target.file;
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      // Relative links in index.html only resolve against a trailing slash.
      if (!target.trailingSlash) {
        return send(res, 301, 'Moved Permanently\n', {
          ...headers,
          Location: `${url.pathname}/${url.search}`,
        });
      }
      file = join(file, 'index.html');
      info = await stat(file);
    }
    if (!info.isFile()) throw new Error('not a file');
  } catch {
    return send(res, 404, 'Not Found\n', headers);
  }

  res.writeHead(200, {
    ...headers,
    'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
  });
  if (req.method === 'HEAD') return res.end();
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function listen(server, port) {
  return new Promise((resolveListen, rejectListen) => {
    const onError = (err) => {
      server.off('listening', onListening);
      rejectListen(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolveListen(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

/**
 * Starts the server. `port: 0` picks any free port; otherwise a busy port
 * makes it try the next ones (up to +20).
 *
 * @param {{port?: number, root?: string, csp?: boolean}} [options]
 * @returns {Promise<{url: string, origin: string, port: number, close: () => Promise<void>}>}
 *   `url` is the page (`/www/`), `origin` the server itself.
 */
export async function startServer({ port = DEFAULT_PORT, root = REPO_ROOT, csp = false } = {}) {
  const rootDir = resolve(await realpath(root));
  const server = createServer((req, res) => {
    handle(req, res, rootDir, csp).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error\n');
      else res.destroy();
    });
  });

  const attempts = port === 0 ? 1 : PORT_ATTEMPTS;
  let bound;
  for (let i = 0; i < attempts; i++) {
    try {
      bound = await listen(server, port === 0 ? 0 : port + i);
      break;
    } catch (err) {
      if (err.code !== 'EADDRINUSE' || i === attempts - 1) throw err;
    }
  }

  const origin = `http://${HOST}:${bound}`;
  return {
    url: `${origin}/www/`,
    origin,
    port: bound,
    close() {
      return new Promise((resolveClose) => {
        server.close(() => resolveClose());
        // Keep-alive sockets from a browser would otherwise hold close() open.
        server.closeAllConnections?.();
      });
    },
  };
}

function parseArgs(argv) {
  const opts = { csp: false, port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--csp') opts.csp = true;
    else if (arg === '--port') opts.port = argv[++i];
    else if (arg.startsWith('--port=')) opts.port = arg.slice('--port='.length);
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else throw new Error(`unknown argument: ${arg}`);
  }
  return opts;
}

function parsePort(value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`invalid port: ${value}`);
  return n;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
    if (opts.help) {
      console.log('usage: node scripts/serve.mjs [--port N] [--csp]   (or PORT=N)');
      return;
    }
    const raw = opts.port ?? process.env.PORT;
    const port = raw === undefined || raw === '' ? DEFAULT_PORT : parsePort(raw);
    const { url } = await startServer({ port, csp: opts.csp });
    console.log(`recoupe: serving on ${url}`);
    console.log(`recoupe: the widget on a news page: ${url}examples/embed.html`);
  } catch (err) {
    console.error(`recoupe: ${err.message}`);
    process.exitCode = 1;
  }
}

// Run as a command, not when imported by the tests.
async function invokedDirectly() {
  if (!process.argv[1]) return false;
  const script = await realpath(process.argv[1]).catch(() => resolve(process.argv[1]));
  return import.meta.url === pathToFileURL(script).href;
}
if (await invokedDirectly()) await main();
