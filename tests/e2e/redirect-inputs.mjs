// The inputs tests/e2e/redirect-entry.test.mjs (Chromium) and
// tests/e2e/redirect-entry-firefox.test.mjs give both npm entries, and the page both load.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

/**
 * Serves the package on 127.0.0.1: `/page.html` is {@link PAGE}, every other path a file of the
 * repository; under `/plain/` the same files as `application/octet-stream` (the redirect loader
 * then compiles the wasm from its bytes). Resolves to `{ server, base }`.
 */
export async function serve() {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/page.html') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(PAGE);
      return;
    }
    const plain = path.startsWith('/plain/');
    const file = normalize(join(ROOT, plain ? path.slice('/plain'.length) : path));
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': plain ? 'application/octet-stream' : TYPES[extname(file)] ?? 'text/plain' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** A page that imports both browser entries as `window.main` and `window.redirect`. */
export const PAGE = `<!doctype html><meta charset="utf-8"><title>entries</title>
<script type="module">
  window.main = await import('/pkg/index.js');
  window.redirect = await import('/pkg/redirect.js');
  window.__ready = true;
</script>`;

// Inputs where the two query decoders (form_urlencoded in the redirect wasm, URLSearchParams
// in the main one) could part: bad or partial escapes, `+`, invalid UTF-8, repeated keys,
// fragments, empty values, odd URL shapes.
export const TRICKY = [
  'merchant_uid=a%2',
  'merchant_uid=a%zz&error_msg=%',
  'merchant_uid=a%25%32%30b',
  'merchant_uid=a+b%2Bc&error_msg=x+++y',
  'merchant_uid=%FF%FE&error_msg=%C3%28%E2%82&error_code=%F0%9F%98',
  'merchant_uid=%ED%A0%80&imp_uid=%EF%BB%BFbom',
  'merchant_uid=first&merchant_uid=second&imp_success=false&imp_success=true',
  'merchant_uid=&merchant_uid=second',
  'https://shop.example/done?merchant_uid=o1#merchant_uid=o2',
  'https://shop.example/done#x?merchant_uid=o1',
  'https://shop.example/done?merchant_uid=o1&error_msg=&error_code=',
  'https://shop.example/done?merchant_uid=o1&imp_success=&success=false',
  'https://shop.example/done?merchant_uid=o1&imp_success=TRUE',
  '?merchant_uid=o1&&&=x&novalue&imp_uid',
  '/done?merchant_uid=%EC%A3%BC%EB%AC%B8-1&error_msg=%EA%B2%B0%EC%A0%9C+%EC%B7%A8%EC%86%8C',
  '  \n https://shop.example/done?merchant_uid=trim%20me \t',
  'merchant_uid=a:b&imp_uid=x?y',
  'javascript:alert(1)?merchant_uid=js',
  'merchant_uid=\ud800lone&error_msg=\udc00',
  'merchant_uid=키=값&error_msg=😀',
  'MERCHANT_UID=upper',
  '',
  '?',
  '#',
  `merchant_uid=${'x'.repeat(100_000)}`,
];

export const PREFIX = 'iamport-pay:pending:';

// Stored entries (the raw sessionStorage text, `now` replaced by Date.now()) and the uid asked for.
export const HOUR = 60 * 60 * 1000;
export const ENTRIES = [
  ['valid, no customData', 'o-1', (now) => JSON.stringify({ merchant_uid: 'o-1', amount: 1004, name: '원두 200g', pg: 'kcp.T0000', createdAt: now })],
  ['customData with floats and nesting', 'o-2', (now) => JSON.stringify({ merchant_uid: 'o-2', amount: 5, name: null, pg: null, createdAt: now, customData: { b: 1.5, a: { c: [1, 2.25, 'x', null, true], d: -0.5 }, e: 1e21, z: null } })],
  ['customData null', 'o-3', (now) => JSON.stringify({ merchant_uid: 'o-3', amount: 1, createdAt: now, customData: null })],
  ['customData 0', 'o-4', (now) => `{"merchant_uid":"o-4","amount":1,"createdAt":${now},"customData":0}`],
  ['customData false', 'o-4b', (now) => `{"merchant_uid":"o-4b","amount":1,"createdAt":${now},"customData":false}`],
  ['customData a float array', 'o-4c', (now) => `{"merchant_uid":"o-4c","amount":1,"createdAt":${now},"customData":[0.1,0.2,3]}`],
  ['customData before the fields', 'o-4d', (now) => `{"customData":{"k":"v"},"pg":"ksnet","name":"n","createdAt":${now},"amount":0,"merchant_uid":"o-4d"}`],
  ['expired', 'o-5', (now) => JSON.stringify({ merchant_uid: 'o-5', amount: 1, createdAt: now - HOUR - 5000 })],
  ['just within the TTL', 'o-5b', (now) => JSON.stringify({ merchant_uid: 'o-5b', amount: 1, createdAt: now - HOUR + 60_000 })],
  ['in the future past the TTL', 'o-6', (now) => JSON.stringify({ merchant_uid: 'o-6', amount: 1, createdAt: now + HOUR + 60_000 })],
  ['saved for another order', 'o-7', (now) => JSON.stringify({ merchant_uid: 'other', amount: 1, createdAt: now })],
  ['no amount', 'o-8', (now) => JSON.stringify({ merchant_uid: 'o-8', createdAt: now })],
  ['amount a string', 'o-9', (now) => JSON.stringify({ merchant_uid: 'o-9', amount: '1000', createdAt: now })],
  ['amount a float', 'o-10', (now) => JSON.stringify({ merchant_uid: 'o-10', amount: 10.5, createdAt: now })],
  ['amount negative', 'o-11', (now) => JSON.stringify({ merchant_uid: 'o-11', amount: -1, createdAt: now })],
  ['amount 2^53', 'o-12', (now) => `{"merchant_uid":"o-12","amount":9007199254740992,"createdAt":${now}}`],
  ['amount 2^53 - 1', 'o-12b', (now) => `{"merchant_uid":"o-12b","amount":9007199254740991,"createdAt":${now}}`],
  ['amount 1e3', 'o-12c', (now) => `{"merchant_uid":"o-12c","amount":1e3,"createdAt":${now}}`],
  ['amount -0', 'o-12d', (now) => `{"merchant_uid":"o-12d","amount":-0,"createdAt":${now}}`],
  ['createdAt a float', 'o-13', (now) => JSON.stringify({ merchant_uid: 'o-13', amount: 1, createdAt: now + 0.5 })],
  ['name a number', 'o-14', (now) => JSON.stringify({ merchant_uid: 'o-14', amount: 1, name: 7, createdAt: now })],
  ['pg an object', 'o-15', (now) => JSON.stringify({ merchant_uid: 'o-15', amount: 1, pg: { x: 1 }, createdAt: now })],
  ['name a boolean', 'o-15b', (now) => JSON.stringify({ merchant_uid: 'o-15b', amount: 1, name: true, createdAt: now })],
  ['merchant_uid null', 'o-16', (now) => JSON.stringify({ merchant_uid: null, amount: 1, createdAt: now })],
  ['not JSON', 'o-17', () => '{"merchant_uid": "o-17",'],
  ['an array', 'o-18', () => '["o-18", 1]'],
  ['a string', 'o-19', () => '"o-19"'],
  ['null', 'o-20', () => 'null'],
  ['a number', 'o-21', () => '1004'],
  ['empty text', 'o-21b', () => ''],
  ['extra keys with floats and deep nesting', 'o-22', (now) => `{"merchant_uid":"o-22","amount":3,"createdAt":${now},"x":1.5,"deep":${'['.repeat(200)}${']'.repeat(200)}}`],
  ['a repeated key: the last one counts', 'o-23', (now) => `{"merchant_uid":"wrong","merchant_uid":"o-23","amount":2,"amount":3,"createdAt":${now}}`],
  ['a repeated key, the other way', 'o-23b', (now) => `{"merchant_uid":"o-23b","merchant_uid":"wrong","amount":2,"createdAt":${now}}`],
  ['Korean and emoji', '주문-😀', (now) => JSON.stringify({ merchant_uid: '주문-😀', amount: 50000, name: '커피 ☕ "원두"\n\\', pg: 'html5_inicis', createdAt: now })],
  ['an escaped lone surrogate in name', 'o-24', (now) => `{"merchant_uid":"o-24","amount":1,"name":"a\\ud800b","createdAt":${now}}`],
  ['a key with a lone surrogate', 'o-24b', (now) => `{"merchant_uid":"o-24b","amount":1,"\\udc00":1,"createdAt":${now}}`],
  ['control characters in strings', 'o-25', (now) => JSON.stringify({ merchant_uid: 'o-25', amount: 1, name: '\u0000\u0001\u001f\u007f\u2028', createdAt: now })],
  ['1,001 keys', 'o-26', (now) => JSON.stringify(Object.fromEntries([['merchant_uid', 'o-26'], ['amount', 1], ['createdAt', now], ...Array.from({ length: 998 }, (_, i) => [`k${i}`, i])]))],
  ['1,000 keys', 'o-27', (now) => JSON.stringify(Object.fromEntries([['merchant_uid', 'o-27'], ['amount', 1], ['createdAt', now], ...Array.from({ length: 997 }, (_, i) => [`k${i}`, i])]))],
  ['a __proto__ key', 'o-28', (now) => `{"merchant_uid":"o-28","amount":1,"createdAt":${now},"__proto__":{"amount":"x"}}`],
  ['an empty merchant_uid', '', (now) => JSON.stringify({ merchant_uid: '', amount: 1, createdAt: now })],
];

