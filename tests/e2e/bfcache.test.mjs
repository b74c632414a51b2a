// Issue 12, item 1, in a real back-forward cache: a mobile (redirect) payment hands the page
// to the PG, the buyer taps Back, Chromium restores the checkout page from the bfcache
// (`pageshow.persisted === true`), and paying again must work: the old request is released
// (it rejects with payment_state_unknown, so the page is not left waiting) and its pending
// order is kept. The same after the landing page, two steps back. Item 9 in a real page:
// the sandbox refuses a `javascript:` m_redirect_url.
//
// Playwright disables the bfcache by default; `ignoreDefaultArgs` brings it back. The pages
// are served by a small server here rather than scripts/serve.mjs, whose
// `Cache-Control: no-store` keeps a page out of the bfcache.
//
// Needs `npm run build` first (pkg/). Run: node --test tests/e2e/bfcache.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// The checkout page: a fake SDK in redirect mode navigates to the PG page, as PortOne's does
// on a phone; every outcome of requestPay is recorded on window.
const CHECKOUT = `<!doctype html><meta charset="utf-8"><title>checkout</title>
<script>
  // A classic script, so the first load's pageshow is seen too (the module waits for the wasm).
  window.__shows = [];
  addEventListener('pageshow', (e) => window.__shows.push(e.persisted));
</script>
<script type="module">
  import { requestPay, LATE_RESULT_EVENT } from '/js/index.js';
  window.__outcomes = [];
  window.__late = [];
  window.__pgCalls = 0;
  addEventListener(LATE_RESULT_EVENT, (e) => window.__late.push(e.detail.imp_uid));
  window.IMP = {
    init() {},
    request_pay(p) { window.__pgCalls += 1; location.href = '/pg.html?merchant_uid=' + encodeURIComponent(p.merchant_uid); },
  };
  const params = {
    pg: 'html5_inicis.INIpayTest', pay_method: 'card', merchant_uid: 'bf-order-1', name: 'T-shirt',
    amount: 1004, buyer_tel: '010-1234-5678', m_redirect_url: location.origin + '/done.html',
  };
  window.pay = () => {
    requestPay(params, { mobile: true }).then(
      (r) => window.__outcomes.push('resolved ' + r.imp_uid),
      (e) => window.__outcomes.push(e.code),
    );
  };
  window.__ready = true;
</script>`;

const PG = `<!doctype html><meta charset="utf-8"><title>pg</title><p>PG payment page</p>`;
const DONE = `<!doctype html><meta charset="utf-8"><title>done</title><p>landing</p>`;

const SANDBOX = `<!doctype html><meta charset="utf-8"><title>sandbox</title>
<script type="module">
  import { installSandbox } from '/js/sandbox.js';
  const sb = installSandbox({ mobile: true });
  sb.approveNext();
  window.__warnings = [];
  const warn = console.warn;
  console.warn = (...a) => { window.__warnings.push(a.join(' ')); warn(...a); };
  window.IMP.request_pay({
    pg: 'html5_inicis.INIpayTest', pay_method: 'card', merchant_uid: 'xss-1', name: 'x', amount: 1004,
    m_redirect_url: 'javascript:window.__pwned = true//',
  }, () => {});
  setTimeout(() => { window.__done = true; }, 50);
</script>`;

// Item 6 as a shop's HTML has it: the SDK tag in the page failed (a refused connection), and
// requestPay runs before the page finished loading (a slow image holds the load event back).
const FAILED_TAG = `<!doctype html><meta charset="utf-8"><title>failed tag</title>
<script async src="http://127.0.0.1:1/v1/iamport.js" onerror="window.__tagFailed = true"></script>
<img src="/slow.png">
<script type="module">
  import { loadIamport } from '/js/index.js';
  // The tag's error has already fired when the library looks (it cannot see it happen).
  while (!window.__tagFailed) await new Promise((r) => setTimeout(r, 10));
  // ?clear: no performance entry either (a page past the 250-entry resource-timing buffer).
  if (location.search === '?clear') performance.clearResourceTimings();
  window.__entries = performance.getEntriesByName('http://127.0.0.1:1/v1/iamport.js').length;
  const t0 = performance.now();
  window.__state = document.readyState;
  loadIamport({ userCode: 'imp00000000', sdkUrl: 'http://127.0.0.1:1/v1/iamport.js', timeoutMs: 8000 }).then(
    () => { window.__result = 'loaded'; },
    (e) => { window.__result = e.code; window.__ms = performance.now() - t0; },
  );
</script>`;

const PAGES = { '/checkout.html': CHECKOUT, '/pg.html': PG, '/done.html': DONE, '/sandbox.html': SANDBOX, '/failed-tag.html': FAILED_TAG };
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

let server;
let base;
let browser;

function serve() {
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (PAGES[path]) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(PAGES[path]);
    }
    if (path === '/slow.png') {
      await new Promise((ok) => setTimeout(ok, 1500));
      res.writeHead(404);
      return res.end();
    }
    // Only the package's own files: js/ and pkg/ (with the glue's snippet, js/runtime.js).
    const m = path.match(/^\/(js|pkg)\/((?:snippets\/[\w-]+\/js\/)?[\w.-]+\.(js|wasm))$/);
    if (!m) {
      res.writeHead(404);
      return res.end();
    }
    try {
      const body = await readFile(`${ROOT}${m[1]}/${m[2]}`);
      res.writeHead(200, { 'Content-Type': TYPES[`.${m[3]}`] });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${server.address().port}`)));
}

before(async () => {
  assert.ok(existsSync(`${ROOT}pkg/iamport_pay_bg.wasm`), 'pkg/ is missing: run `npm run build` first');
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}`);
  base = await serve();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

const state = (page) =>
  page.evaluate(() => ({
    shows: window.__shows,
    outcomes: window.__outcomes,
    pgCalls: window.__pgCalls,
    late: window.__late,
    pending: sessionStorage.getItem('iamport-pay:pending:bf-order-1') !== null,
  }));

/** Back; a bfcache restore fires no `load`, so wait for the commit only. */
async function back(page, url) {
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForURL(url, { waitUntil: 'commit' });
}

async function payAndLeave(page) {
  await Promise.all([page.waitForURL(/\/pg\.html\?merchant_uid=bf-order-1$/), page.evaluate(() => window.pay())]);
}

test('issue 12 item 1: Back from the PG page (a real bfcache restore) lets the buyer pay again', async () => {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(10_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Why a page was not restored from the bfcache, if it was not (Chromium's own reasons).
  const cdp = await page.context().newCDPSession(page);
  const notCached = [];
  cdp.on('Page.backForwardCacheNotUsed', (e) => notCached.push(JSON.stringify(e.notRestoredExplanations)));
  await cdp.send('Page.enable');
  await page.goto(`${base}/checkout.html`);
  await page.waitForFunction(() => window.__ready === true);

  await payAndLeave(page);
  await back(page, /checkout\.html$/);
  await page.waitForFunction(() => window.__shows?.length === 2).catch(() => assert.fail(`not restored from the bfcache: ${notCached}`));
  let s = await state(page);
  // Restored from the bfcache, not reloaded: the page's JS state survived.
  assert.deepEqual(s.shows, [false, true], 'pageshow: first load, then a bfcache restore');
  assert.equal(s.pgCalls, 1);
  // The old request settled as unknown (the page is not left waiting); its order is kept.
  await page.waitForFunction(() => window.__outcomes.length === 1);
  s = await state(page);
  assert.deepEqual(s.outcomes, ['payment_state_unknown']);
  assert.equal(s.pending, true, 'the pending order is kept');

  // Paying again works: no duplicate_request, the PG page opens again.
  await payAndLeave(page);
  // The landing page, then Back twice (landing → PG → checkout).
  await page.goto(`${base}/done.html?imp_uid=imp_1&merchant_uid=bf-order-1&imp_success=false`);
  await back(page, /\/pg\.html/);
  await back(page, /checkout\.html$/);
  await page.waitForFunction(() => window.__shows?.length === 3);
  s = await state(page);
  assert.deepEqual(s.shows, [false, true, true], 'restored from the bfcache again');
  assert.equal(s.pgCalls, 2);
  await page.waitForFunction(() => window.__outcomes.length === 2);
  assert.deepEqual((await state(page)).outcomes, ['payment_state_unknown', 'payment_state_unknown']);
  await payAndLeave(page);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('issue 12 item 9: the sandbox in a page refuses a javascript: m_redirect_url', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/sandbox.html`);
  await page.waitForFunction(() => window.__done === true);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the URL never ran');
  assert.match(page.url(), /\/sandbox\.html$/, 'no navigation');
  const warnings = await page.evaluate(() => window.__warnings);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /refused to navigate/);
  await page.context().close();
});

for (const [query, how] of [['', 'seen in the performance entries'], ['?clear', 'seen at the page load event']]) {
  test(`issue 12 item 6: a failed SDK tag in the page, before the page finished loading, is not waited on (${how})`, async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${base}/failed-tag.html${query}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__result !== undefined);
    const { result, ms, state, entries } = await page.evaluate(() => ({
      result: window.__result, ms: window.__ms, state: window.__state, entries: window.__entries,
    }));
    console.log(`failed tag${query}: ${entries} performance entries; settled in ${Math.round(ms)} ms`);
    assert.equal(state, 'interactive', 'loadIamport ran before the page load event');
    assert.equal(entries, query ? 0 : 1);
    assert.equal(result, 'sdk_load_failed');
    assert.ok(ms < 6000, `settled in ${ms} ms, not after the 8 s timeout`);
    await page.context().close();
  });
}
