// The redirect entry (`iamport-pay/redirect`: pkg/redirect.js + its C-ABI wasm, no
// wasm-bindgen) against the main entry (`iamport-pay`: pkg/index.js, whose parseRedirect
// decodes with the browser's URLSearchParams and whose takePendingOrder reads storage through
// web-sys), in one Chromium page: the same inputs and the same stored entries must give the
// same answers, errors included. Also: what the redirect entry fetches stays within issue
// 14's budget (10,240 B gzip -9) and its wasm imports nothing.
//
// Needs `npm run build` first (pkg/). Run: node --test tests/e2e/redirect-entry.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { TRICKY, PREFIX, ENTRIES, serve } from './redirect-inputs.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let server;
let base;
let browser;
let page;

before(async () => {
  ({ server, base } = await serve());
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  page = await browser.newPage();
  await page.goto(`${base}/page.html?imp_uid=imp_page&merchant_uid=page-order&imp_success=true`);
  await page.waitForFunction(() => window.__ready === true);
});

after(async () => {
  await browser?.close();
  server?.close();
});

// Both entries' answer to `call(entry)` (a function source run in the page), as plain data:
// the result, or the error's class, name, code and message.
async function both(call, arg) {
  return page.evaluate(async ({ call, arg }) => {
    const run = new Function('entry', 'arg', `return (${call})(entry, arg);`);
    const answer = (entry) => {
      try {
        const value = run(entry, arg);
        return { value: value === undefined ? '(undefined)' : value, keys: value && typeof value === 'object' ? Object.keys(value) : null };
      } catch (e) {
        return {
          threw: true,
          iamport: e instanceof window.main.IamportPayError && e instanceof window.redirect.IamportPayError,
          name: e?.name,
          code: e?.code,
          message: e?.message,
        };
      }
    };
    return { main: answer(window.main), redirect: answer(window.redirect) };
  }, { call: call.toString(), arg });
}

const CASES = JSON.parse(readFileSync(join(ROOT, 'tests/redirect_cases.json'), 'utf8'));

test('parseRedirect: the redirect entry answers as the main entry over the case table and tricky inputs', async () => {
  let compared = 0;
  for (const input of [...CASES.map((c) => c.input), ...TRICKY]) {
    const r = await both((entry, arg) => entry.parseRedirect(arg), input);
    assert.deepEqual(r.redirect, r.main, `parseRedirect(${JSON.stringify(input).slice(0, 80)})`);
    compared++;
  }
  assert.equal(compared, CASES.length + TRICKY.length);
  // And the table's expectations hold for the redirect entry itself.
  for (const c of CASES) {
    const r = await both((entry, arg) => entry.parseRedirect(arg), c.input);
    if (c.expect) assert.deepEqual(r.redirect.value, { ...c.expect, verified: false }, c.name);
    else assert.equal(r.redirect.code, c.error ?? 'invalid_redirect', c.name);
  }
});

test('parseRedirect: the same answers for the page URL, URL and Location objects, and inputs it refuses', async () => {
  const calls = [
    (entry) => entry.parseRedirect(),
    (entry) => entry.parseRedirect(null),
    (entry) => entry.parseRedirect(undefined),
    (entry) => entry.parseRedirect(location),
    (entry) => entry.parseRedirect(new URL('https://a.example/?merchant_uid=from-url&imp_success=false')),
    (entry) => entry.parseRedirect({ href: '?merchant_uid=plain-object' }),
    (entry) => entry.parseRedirect({ href: 5 }),
    (entry) => entry.parseRedirect({}),
    (entry) => entry.parseRedirect(42),
    (entry) => entry.parseRedirect(true),
    (entry) => entry.parseRedirect(new String('merchant_uid=boxed')),
    (entry) => entry.parseRedirect(Object.assign(() => 0, { href: 'merchant_uid=fn' })),
    (entry) => entry.parseRedirect({ get href() { throw new Error('boom'); } }),
    (entry) => entry.parseRedirect(new Proxy({}, { get() { throw new Error('trap'); } })),
    (entry) => entry.parseRedirect(Symbol('s')),
    (entry) => entry.parseRedirect('https://shop.example/done?imp_uid=imp_1'),
  ];
  for (const call of calls) {
    const r = await both(call);
    assert.deepEqual(r.redirect, r.main, call.toString());
  }
  const page = await both((entry) => entry.parseRedirect());
  assert.deepEqual(page.redirect.value, { imp_uid: 'imp_page', merchant_uid: 'page-order', success: true, error_code: null, error_msg: null, verified: false });
  assert.deepEqual(page.redirect.keys, ['imp_uid', 'merchant_uid', 'success', 'error_code', 'error_msg', 'verified']);
  const refused = await both((entry) => entry.parseRedirect(42));
  assert.deepEqual(refused.redirect, {
    threw: true, iamport: true, name: 'IamportPayError', code: 'invalid_redirect',
    message: 'parseRedirect takes a URL string, a query string, a URL or a Location',
  });
});

// Stores `raw` under the uid's key, takes it with `entry`, and says what came back and
// whether the entry is still there.
const takeWith = (entry, { key, uid, raw }) => {
  sessionStorage.clear();
  if (raw !== null) sessionStorage.setItem(key, raw);
  const order = entry.takePendingOrder(uid);
  return { order, keys: order && Object.keys(order), left: sessionStorage.length };
};

test('takePendingOrder: the same order (or null) as the main entry for every stored entry', async () => {
  let valid = 0;
  for (const [name, uid, make] of ENTRIES) {
    const raw = make(await page.evaluate(() => Date.now()));
    const r = await both(takeWith, { key: PREFIX + uid, uid, raw });
    assert.ok(!r.main.threw && !r.redirect.threw, `${name}: ${JSON.stringify(r)}`);
    // The same order, with its keys in the same order (`keys`; customData's own keys may
    // come back in another order: the main entry's reader sorts them, this one hands
    // customData back as JSON.parse made it, which deepEqual does not look at).
    assert.deepEqual(r.redirect.value, r.main.value, name);
    assert.equal(r.redirect.value.left, 0, `${name}: the entry is removed`);
    if (r.redirect.value.order) valid++;
  }
  assert.ok(valid >= 12, `valid orders compared: ${valid}`);
  // Spot checks of real values.
  const now = await page.evaluate(() => Date.now());
  const floats = await both(takeWith, { key: `${PREFIX}o-2`, uid: 'o-2', raw: ENTRIES[1][2](now) });
  assert.deepEqual(floats.redirect.value.order, {
    amount: 5, createdAt: now, customData: { a: { c: [1, 2.25, 'x', null, true], d: -0.5 }, b: 1.5, e: 1e21, z: null },
    merchant_uid: 'o-2', name: null, pg: null,
  });
  const expired = await both(takeWith, { key: `${PREFIX}o-5`, uid: 'o-5', raw: ENTRIES[7][2](now) });
  assert.equal(expired.redirect.value.order, null);
});

test('takePendingOrder: no entry, a uid that is no string, and a lone surrogate in the uid', async () => {
  for (const uid of [undefined, null, 5, {}, ['o-1']]) {
    const r = await both((entry, uid) => {
      sessionStorage.setItem('iamport-pay:pending:o-1', '{}');
      return entry.takePendingOrder(uid);
    }, uid);
    assert.deepEqual(r.redirect, r.main, JSON.stringify(uid));
    assert.equal(r.redirect.value, null);
  }
  const none = await both((entry) => {
    sessionStorage.clear();
    return entry.takePendingOrder('nothing-here');
  });
  assert.deepEqual(none.redirect, none.main);
  assert.equal(none.redirect.value, null);
  // Both entries look the order up under the uid as their wasm reads it (U+FFFD for a lone
  // surrogate) and compare it with the stored one the same way.
  const now = await page.evaluate(() => Date.now());
  const raw = JSON.stringify({ merchant_uid: 'u\ufffd', amount: 1, createdAt: now });
  const lone = await both(takeWith, { key: `${PREFIX}u\ufffd`, uid: 'u\ud800', raw });
  assert.deepEqual(lone.redirect, lone.main);
  assert.equal(lone.redirect.value.order.merchant_uid, 'u\ufffd');
});

test('takePendingOrder: storage that throws gives null (or keeps the entry) as in the main entry', async () => {
  const now = await page.evaluate(() => Date.now());
  const raw = JSON.stringify({ merchant_uid: 'o-s', amount: 1, createdAt: now });
  const getThrows = await both((entry, raw) => {
    sessionStorage.setItem('iamport-pay:pending:o-s', raw);
    const get = Storage.prototype.getItem;
    Storage.prototype.getItem = () => { throw new DOMException('denied', 'SecurityError'); };
    try {
      return entry.takePendingOrder('o-s');
    } finally {
      Storage.prototype.getItem = get;
    }
  }, raw);
  assert.deepEqual(getThrows.redirect, getThrows.main);
  assert.equal(getThrows.redirect.value, null);
  const removeThrows = await both((entry, raw) => {
    sessionStorage.setItem('iamport-pay:pending:o-s', raw);
    const remove = Storage.prototype.removeItem;
    Storage.prototype.removeItem = () => { throw new Error('no'); };
    try {
      return [entry.takePendingOrder('o-s'), sessionStorage.length];
    } finally {
      Storage.prototype.removeItem = remove;
    }
  }, raw);
  assert.deepEqual(removeThrows.redirect, removeThrows.main);
  assert.equal(removeThrows.redirect.value[0].merchant_uid, 'o-s');
  const storageThrows = await both((entry, raw) => {
    sessionStorage.setItem('iamport-pay:pending:o-s', raw);
    // A Window's attributes are own properties of the window: put the original back after.
    const original = Object.getOwnPropertyDescriptor(window, 'sessionStorage');
    Object.defineProperty(window, 'sessionStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });
    try {
      return entry.takePendingOrder('o-s');
    } finally {
      Object.defineProperty(window, 'sessionStorage', original);
    }
  }, raw);
  assert.deepEqual(storageThrows.redirect, storageThrows.main);
  assert.equal(storageThrows.redirect.value, null);
  const storageNull = await both((entry) => {
    const original = Object.getOwnPropertyDescriptor(window, 'sessionStorage');
    Object.defineProperty(window, 'sessionStorage', { configurable: true, value: null });
    try {
      return entry.takePendingOrder('o-s');
    } finally {
      Object.defineProperty(window, 'sessionStorage', original);
    }
  });
  assert.deepEqual(storageNull.redirect, storageNull.main);
  assert.equal(storageNull.redirect.value, null);
});

test('without a window (a module worker) both entries throw the same not_in_browser errors', async () => {
  const r = await page.evaluate(async () => {
    const src = `
      const out = {};
      for (const [name, url] of [['main', '${location.origin}/pkg/index.js'], ['redirect', '${location.origin}/pkg/redirect.js']]) {
        try {
          const m = await import(url);
          const one = (f) => { try { return f(); } catch (e) { return { name: e.name, code: e.code, message: e.message }; } };
          out[name] = [one(() => m.parseRedirect()), one(() => m.takePendingOrder('o-1')), one(() => m.parseRedirect('merchant_uid=w')), one(() => m.takePendingOrder(1))];
        } catch (e) {
          out[name] = 'import failed: ' + e;
        }
      }
      postMessage(out);`;
    const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })), { type: 'module' });
    return new Promise((resolve) => { w.onmessage = (e) => resolve(e.data); });
  });
  assert.deepEqual(r.redirect, r.main);
  assert.deepEqual(r.redirect[0], { name: 'IamportPayError', code: 'not_in_browser', message: 'parseRedirect() without input needs a browser page (there is no window here)' });
  assert.deepEqual(r.redirect[1], { name: 'IamportPayError', code: 'not_in_browser', message: 'takePendingOrder needs a browser page (there is no window here)' });
  assert.equal(r.redirect[2].merchant_uid, 'w');
  assert.equal(r.redirect[3], null);
});

test('the redirect entry loads without the application/wasm type too (no streaming compile)', async () => {
  const p = await browser.newPage();
  try {
    await p.goto(`${base}/page.html`);
    const r = await p.evaluate(async () => {
      // A copy of pkg/redirect.js whose wasm URL goes through /plain/ (served as octet-stream).
      const src = await (await fetch('/pkg/redirect.js')).text();
      // (pkg/redirect.js is minified: either quote.)
      const patched = src.replace(/(['"])\.\.\/pkg\/iamport_pay_redirect_bg\.wasm\1/, `'${location.origin}/plain/pkg/iamport_pay_redirect_bg.wasm'`);
      if (patched === src) return 'no wasm URL to patch';
      const m = await import(URL.createObjectURL(new Blob([patched], { type: 'text/javascript' })));
      return m.parseRedirect('merchant_uid=plain');
    });
    assert.equal(r.merchant_uid, 'plain');
  } finally {
    await p.close();
  }
});

test('what the redirect entry fetches is within 10,240 B gzip -9, and its wasm imports nothing', () => {
  const files = ['pkg/redirect.js', 'pkg/iamport_pay_redirect_bg.wasm'];
  const sizes = files.map((f) => gzipSync(readFileSync(join(ROOT, f)), { level: 9 }).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  assert.ok(total <= 10_240, `${files.map((f, i) => `${f} ${sizes[i]}`).join(', ')}: ${total} B gzip`);
  const wasm = new WebAssembly.Module(readFileSync(join(ROOT, 'pkg/iamport_pay_redirect_bg.wasm')));
  assert.deepEqual(WebAssembly.Module.imports(wasm), []);
  assert.deepEqual(WebAssembly.Module.exports(wasm).map((e) => e.name).sort(), ['memory', 'rd_error', 'rd_input', 'rd_key', 'rd_parse', 'rd_take']);
});
