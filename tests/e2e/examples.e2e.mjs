// End-to-end test of the Yew and Leptos storefronts (examples/) in headless Chromium, offline,
// through the sandbox IMP: cart, live validation next to the field, approved and failed
// payments, and the mobile redirect route with the pending order.
//
// Needs the storefronts built into examples/<name>/dist (scripts/examples.sh does both).
// Run: EXAMPLES="yew leptos" node --test tests/e2e/examples.e2e.mjs
// Not named *.test.mjs on purpose: `node --test tests/e2e/` (the demo suite) runs before the
// examples are built. Screenshots: target/e2e/example-<name>*.png.

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
// The demo's own static server, in-process (tests/e2e/demo.test.mjs runs it as the CLI).
import { startServer } from '../../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = `${ROOT}target/e2e`;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const NAMES = (process.env.EXAMPLES ?? 'yew leptos').split(/\s+/).filter(Boolean);

let server;
let base;
let browser;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}`);
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer(0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

for (const name of NAMES) {
  describe(`${name} storefront`, () => {
    const url = `/examples/${name}/`;
    const errors = [];
    let page;
    const $ = (id) => page.getByTestId(id);
    const text = (id) => $(id).innerText();
    const calls = () => page.evaluate(() => window.__sandbox.calls);

    async function waitText(id, re) {
      await page.waitForFunction(
        ([id, src]) => new RegExp(src).test(document.querySelector(`[data-testid="${id}"]`)?.innerText ?? ''),
        [id, re.source],
        { timeout: 10_000 },
      ).catch(async () => assert.fail(`${id}: ${JSON.stringify(await text(id).catch(() => null))} does not match ${re}`));
    }

    async function waitAttr(id, attr, want) {
      await page.waitForFunction(
        ([id, attr, want]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute(attr) === want,
        [id, attr, want],
        { timeout: 10_000 },
      ).catch(async () => assert.fail(`${id} [${attr}] is ${await $(id).getAttribute(attr).catch(() => 'missing')}, want ${want}`));
    }

    async function open(path) {
      await page.goto(`${base}${path}`);
      await page.waitForSelector(`main[data-framework="${name}"][data-ready="true"]`, { timeout: 20_000 }).catch(async () => {
        assert.fail(`${name} did not start: ${await page.evaluate(() => document.body.dataset.loadError ?? '')} ${errors.join(' | ')}`);
      });
    }

    /** Opens the sandbox window with the pay button and presses `button` in it. */
    async function pay(button) {
      const before = (await calls()).length;
      await $('pay-button').click();
      await $('sandbox-dialog').waitFor({ state: 'visible' });
      assert.equal((await calls()).length, before + 1, 'IMP.request_pay called once');
      await $(`sandbox-${button}`).click();
    }

    before(async () => {
      assert.ok(existsSync(`${ROOT}examples/${name}/dist/storefront_${name}_bg.wasm`), `examples/${name}/dist is missing: run scripts/examples.sh`);
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'ko-KR' });
      // Offline: nothing but the local server may be reached.
      await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
      page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
    });

    test('loads with the sandbox and an empty cart; paying is off', async () => {
      await open(url);
      await waitText('mode-badge', /샌드박스/);
      assert.equal(await $('cart-empty').isVisible(), true);
      assert.equal(await $('pay-button').isDisabled(), true);
      const wasm = await page.request.get(`${base}/examples/${name}/dist/storefront_${name}_bg.wasm`);
      assert.equal(wasm.headers()['content-type'], 'application/wasm');
    });

    test('cart: adding and removing products updates the total', async () => {
      await $('add-beans').click();
      await $('add-beans').click();
      await $('add-mug').click();
      await $('add-dripper').click();
      await $('remove-dripper').click();
      await waitText('qty-beans', /^2$/);
      await waitText('cart-total', /^46,900원$/);
      assert.equal(await $('qty-dripper').count(), 0, 'dripper removed');
      await waitAttr('check-status', 'data-ok', 'true');
      assert.equal(await $('pay-button').isDisabled(), false);
    });

    test('live validation: an empty buyer_tel for KG Inicis shows the issue next to the field', async () => {
      assert.equal(await $('pg-inicis').isChecked(), true);
      await $('input-buyer_tel').fill('');
      const issue = $('issues-buyer_tel').locator('li[data-code="required"]');
      await issue.waitFor({ state: 'visible' });
      assert.equal(await issue.innerText(), 'KG이니시스 결제는 buyer_tel(구매자 연락처)이 필수입니다');
      await waitAttr('input-buyer_tel', 'aria-invalid', 'true');
      await waitAttr('check-status', 'data-ok', 'false');
      assert.equal(await $('pay-button').isDisabled(), true, 'no payment with errors');
      await page.screenshot({ path: `${SHOTS}/example-${name}-error.png`, fullPage: true });

      await $('lang-toggle').click();
      await waitText('issues-buyer_tel', /^buyer_tel is required by KG Inicis$/);
      await $('lang-toggle').click();
      await waitText('issues-buyer_tel', /KG이니시스/);

      await $('input-buyer_tel').fill('010-4242-4242');
      await issue.waitFor({ state: 'detached' });
      assert.equal(await $('input-buyer_tel').getAttribute('aria-invalid'), null);
      await waitAttr('check-status', 'data-ok', 'true');
    });

    test('pay, approved: the sandbox gets the built request and the result shows success', async () => {
      await pay('approve');
      await waitAttr('result', 'data-outcome', 'success');
      const [params] = await calls();
      assert.equal(params.pg, 'html5_inicis.INIpayTest');
      assert.equal(params.pay_method, 'card');
      assert.equal(params.amount, 46_900);
      assert.equal(params.name, '에티오피아 원두 200g 외 1건');
      assert.equal(params.buyer_tel, '010-4242-4242');
      assert.match(params.merchant_uid, /^order-[0-9a-z]+$/);
      await waitText('result-title', /결제 완료/);
      assert.match(await text('result-imp_uid'), /^imp_\d{12}$/);
      assert.equal(await text('result-merchant_uid'), params.merchant_uid);
      assert.equal(await text('result-success'), 'true');
      await page.screenshot({ path: `${SHOTS}/example-${name}.png`, fullPage: true });
    });

    test('pay, declined: a new order number, and the result shows the PG error', async () => {
      await pay('fail');
      await waitAttr('result', 'data-outcome', 'failure');
      const [first, second] = await calls();
      assert.notEqual(second.merchant_uid, first.merchant_uid, 'a new merchant_uid after a payment');
      await waitText('result-title', /결제 실패/);
      assert.equal(await text('result-success'), 'false');
      assert.equal(await text('result-error_code'), 'SANDBOX_DECLINED');
      assert.equal(await text('result-merchant_uid'), second.merchant_uid);
    });

    test('KSNET builder: tax_free is sent, and the ids-only answer leaves success null', async () => {
      await $('pg-ksnet').check();
      await waitAttr('check-status', 'data-ok', 'true');
      await pay('approve');
      await waitAttr('result', 'data-outcome', 'unknown');
      const params = (await calls()).at(-1);
      assert.equal(params.pg, 'ksnet.2999199999');
      assert.equal(params.tax_free, 0);
      assert.equal(params.amount, 46_900);
      assert.match(await text('result-imp_uid'), /^imp_\d{12}$/);
      assert.equal(await text('result-success'), 'null');
      assert.equal(await $('result-error_code').count(), 0);
      await waitText('result-title', /서버에서 결제를 조회하세요/);
      await $('pg-inicis').check();
    });

    test('mobile: the window redirects to ?route=redirect with the result and the kept order', async () => {
      await open(`${url}?mobile=1`);
      await $('add-dripper').click();
      await waitAttr('check-status', 'data-ok', 'true');
      await pay('approve').catch(() => {}); // the click navigates away
      await page.waitForURL(/route=redirect&imp_uid=imp_\d{12}&merchant_uid=/);
      await page.waitForSelector(`main[data-framework="${name}"][data-ready="true"]`);
      const query = new URL(page.url()).searchParams;
      await waitAttr('redirect-outcome', 'data-outcome', 'success');
      await waitText('redirect-title', /결제 완료/);
      assert.equal(await text('redirect-imp_uid'), query.get('imp_uid'));
      assert.equal(await text('redirect-merchant_uid'), query.get('merchant_uid'));
      assert.equal(await text('redirect-success'), 'true');
      await waitAttr('pending-order', 'data-found', 'true');
      assert.equal(await text('pending-name'), '세라믹 드리퍼');
      assert.equal(await text('pending-amount'), '27,000원');
      await page.screenshot({ path: `${SHOTS}/example-${name}-redirect.png`, fullPage: true });

      // The kept order is taken once: a reload still shows the result but no order.
      await page.reload();
      await waitAttr('redirect-outcome', 'data-outcome', 'success');
      await waitAttr('pending-order', 'data-found', 'false');
    });

    test('no page errors', () => {
      assert.deepEqual(errors, []);
    });
  });
}
