#!/usr/bin/env node
// Dependency-free static server for the demo: serves the repository root on
// 127.0.0.1, `/` redirects to `/www/`, wasm gets application/wasm, nothing is cached.
//
//   node scripts/serve.mjs [port]      (default 8080; 0 picks a free port)
//
// Prints "serving http://127.0.0.1:<port>/" once listening.

import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const HEADERS = {
  'Cache-Control': 'no-store, max-age=0',
  'X-Content-Type-Options': 'nosniff',
};

function send(res, status, body, type = 'text/plain; charset=utf-8', extra = {}) {
  res.writeHead(status, { ...HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'method not allowed\n', undefined, { Allow: 'GET, HEAD' });
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'bad request\n');
  }
  if (pathname === '/' || pathname === '/index.html') {
    return send(res, 302, '', undefined, { Location: '/www/' });
  }
  if (pathname.includes('\0')) return send(res, 400, 'bad request\n');
  const file = normalize(join(ROOT, pathname));
  if (file !== ROOT && !file.startsWith(ROOT + sep)) return send(res, 403, 'forbidden\n');
  // Keep the demo from serving what is not web content.
  const rel = file.slice(ROOT.length + 1).split(sep);
  if (rel[0] === '.git' || (rel[0] === 'target' && rel[1] !== 'e2e')) return send(res, 404, 'not found\n');

  let target = file;
  let info;
  try {
    info = await stat(target);
    if (info.isDirectory()) {
      if (!pathname.endsWith('/')) return send(res, 301, '', undefined, { Location: `${pathname}/` });
      target = join(target, 'index.html');
      info = await stat(target);
    }
  } catch {
    return send(res, 404, `not found: ${pathname}\n`);
  }
  const type = TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream';
  const body = await readFile(target);
  res.writeHead(200, { ...HEADERS, 'Content-Type': type, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function startServer(port = 8080, host = '127.0.0.1') {
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, `internal error: ${err && err.message}\n`);
      else res.destroy();
    });
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = process.argv[2] ?? process.env.PORT ?? '8080';
  const port = Number(arg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`usage: node scripts/serve.mjs [port]   (got ${JSON.stringify(arg)})`);
    process.exit(2);
  }
  startServer(port).then(
    (server) => {
      const { port: p } = server.address();
      console.log(`serving http://127.0.0.1:${p}/  (repo root, / -> /www/)`);
      const stop = () => server.close(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err) => {
      console.error(`serve.mjs: ${err.message}`);
      process.exit(1);
    },
  );
}
