// End-to-end test of the demo checkout (www/) in headless Chromium, offline, served by the
// demo's Rust server (examples/server, `npm run demo`): live validation next to the field,
// then payments through the sandbox IMP: approve, fail, cancel, KSNET's ids-only answer, and
// the mobile redirect flow, each verified by the server (client.verify against its in-process
// fake PortOne): approved and verified, tampered and refused, failed, the landing page.
//
// Needs `npm run build` first (pkg/); builds the server with cargo when needed.
// Run: node --test tests/e2e/
// Screenshots: target/e2e/demo.png (and demo-*.png next to it: demo-verified, demo-tampered).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = `${ROOT}target/e2e`;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let server;
let base;
/** While set, a 404 from POST /payments/complete is expected (a landing URL made up by a test). */
let unknownOrderExpected = false;
let browser;
let page;
const pageErrors = [];
const sdkConsoleErrors = [];
const SDK_ORIGIN = 'https://cdn.iamport.kr/';

function startServer() {
  return new Promise((resolve, reject) => {
    // `cargo run` execs the server (Unix), so killing the child stops it. The first run builds it.
    const child = spawn('cargo', ['run', '-q', '-p', 'iamport-pay-example-server', '--', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the demo server did not start: ${out}`)), 900_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${m[1]}` });
      }
    });
    child.on('exit', (code) => reject(new Error(`the demo server exited with ${code}: ${out}`)));
  });
}

const $ = (id) => page.getByTestId(id);

async function expectText(locator, re, what) {
  await locator.waitFor({ state: 'visible' });
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await locator.innerText();
    if (re.test(last)) return last;
    await page.waitForTimeout(50);
  }
  assert.fail(`${what}: ${JSON.stringify(last)} does not match ${re}`);
}

async function outcome() {
  return $('result').getAttribute('data-outcome');
}

async function waitOutcome(want) {
  await page.waitForFunction(
    (w) => document.querySelector('[data-testid="result"]')?.dataset.outcome === w,
    want,
    { timeout: 10_000 },
  ).catch(async () => assert.fail(`result outcome ${await outcome()}, want ${want}: ${await $('result').innerText()}`));
}

/** Pays through the sandbox dialog and presses one of its buttons. */
async function payWith(button) {
  const calls = await page.evaluate(() => window.__iamportPayDemo.sandbox?.calls.length ?? 0);
  await $('pay-button').click();
  const dialog = $('sandbox-dialog');
  await dialog.waitFor({ state: 'visible' });
  const n = await page.evaluate(() => window.__iamportPayDemo.sandbox.calls.length);
  assert.equal(n, calls + 1, 'IMP.request_pay was called once');
  await $(`sandbox-${button}`).click();
  await dialog.waitFor({ state: 'detached' });
}

/** A full-page screenshot from the top (the sticky header otherwise lands mid-page). */
async function shot(name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Waits for the server's verdict next to the result (state verified / refused / error). */
async function verdict(want, root = page) {
  const box = root.getByTestId('server-verdict');
  await page.waitForFunction(
    (w) => ['verified', 'refused', 'error', 'none'].includes(document.querySelector('[data-testid="server-verdict"]')?.dataset.state),
    null,
    { timeout: 10_000 },
  ).catch(async () => assert.fail(`no server verdict: ${await box.innerText().catch(() => '(none)')}`));
  assert.equal(await box.getAttribute('data-state'), want, await box.innerText());
  return box;
}

async function checkOk() {
  await page.waitForFunction(() => document.querySelector('[data-testid="check-status"]')?.dataset.ok === 'true', null, { timeout: 10_000 })
    .catch(async () => assert.fail(`the form does not pass the checks: ${await page.evaluate(() => JSON.stringify(window.__iamportPayDemo.lastCheck?.res))}`));
}

before(async () => {
  assert.ok(existsSync(`${ROOT}pkg/iamport_pay_bg.wasm`), 'pkg/ is missing: run `npm run build` first');
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}`);
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  base = server.url;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Playwright gives every launch a fresh temporary --user-data-dir.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
  // Offline: nothing but the demo server may be reached.
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (unknownOrderExpected && /status of 404/.test(m.text())) return;
    // The offline-fallback test points the demo at PortOne's CDN, which this context blocks.
    if (m.location().url.startsWith(SDK_ORIGIN)) sdkConsoleErrors.push(m.text());
    else pageErrors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (unknownOrderExpected && r.status() === 404 && new URL(r.url()).pathname === '/payments/complete') return;
    if (r.status() >= 400) pageErrors.push(`HTTP ${r.status()} ${r.url()}`);
  });
});

after(async () => {
  await browser?.close();
  server?.child.kill();
});

test('the demo serves: / redirects to /www/ and the page loads the package', async () => {
  const res = await page.goto(`${base}/`);
  assert.equal(new URL(page.url()).pathname, '/www/');
  assert.equal(res.status(), 200);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 }).catch(async () => {
    assert.fail(`page not ready: ${await $('load-error').innerText().catch(() => '')} ${pageErrors.join(' | ')}`);
  });
  assert.equal(await $('load-error').isHidden(), true);
  const wasm = await page.request.get(`${base}/pkg/iamport_pay_bg.wasm`);
  assert.equal(wasm.headers()['content-type'], 'application/wasm');
  assert.match(wasm.headers()['cache-control'], /no-store/);
  await expectText($('mode-badge'), /샌드박스/, 'sandbox is the default');
  await checkOk();
});

test('live validation: clearing buyer_tel for KG Inicis shows the error next to it', async () => {
  await $('pg-inicis').click();
  await $('input-buyer_tel').fill('');
  const issue = $('issues-buyer_tel').locator('li[data-code="required"]');
  await issue.waitFor({ state: 'visible' });
  const text = await issue.innerText();
  assert.match(text, /buyer_tel/);
  assert.match(text, /[가-힣]/, 'Korean message');
  assert.match(text, /required/i, 'English message');
  assert.equal(await $('input-buyer_tel').getAttribute('aria-invalid'), 'true');
  await expectText($('check-status'), /오류 \d+건/, 'status pill counts the errors');
  await shot('demo-error');

  // English first after the toggle, Korean kept as the second line.
  await $('lang-toggle').click();
  const en = await $('issues-buyer_tel').locator('li .primary').innerText();
  assert.match(en, /buyer_tel.*required|required.*buyer_tel/i);
  await expectText($('pay-button'), /Pay/, 'English button');
  await $('lang-toggle').click();
  await expectText($('pay-button'), /결제하기/, 'Korean button');

  // Paying now must not open any window: requestPay rejects with invalid_params.
  await $('pay-button').click();
  await waitOutcome('invalid');
  await expectText($('result'), /invalid_params/, 'the result names the error');
  assert.equal(await page.evaluate(() => window.__iamportPayDemo.sandbox.calls.length), 0, 'IMP.request_pay not called');

  // Fix it.
  await $('input-buyer_tel').fill('010-4242-4242');
  await $('issues-buyer_tel').locator('li').waitFor({ state: 'detached' });
  assert.equal(await $('input-buyer_tel').getAttribute('aria-invalid'), null);
  await checkOk();
  await expectText($('params-note'), /buildParams/, 'normalized JSON shown');
  const json = JSON.parse(await $('params-json').innerText());
  assert.equal(json.buyer_tel, '010-4242-4242');
  assert.equal(json.pg, 'html5_inicis.INIpayTest');
});

test('the other editors: KCP escrow items, installments, bypass, Kiwoom escrow, each issue at its field', async () => {
  // KCP escrow: the kcpProducts table appears; an empty item name is flagged on that cell.
  await $('pg-kcp').click();
  await $('input-escrow').check({ force: true });
  const row = $('kcp-row-0');
  await row.waitFor({ state: 'visible' });
  const nameCell = row.locator('input[data-k="name"]');
  await nameCell.fill('');
  const itemIssue = $('issues-kcpProducts').locator('li[data-path="kcpProducts[0].name"][data-code="required"]');
  await itemIssue.waitFor({ state: 'visible' });
  assert.equal(await nameCell.getAttribute('aria-invalid'), 'true');
  await nameCell.fill('제주 유기농 감귤 3kg');
  await itemIssue.waitFor({ state: 'detached' });

  // bypass.shop_user_id is at most 20 bytes (KCP).
  await $('input-bypass.shop_user_id').fill('member_'.repeat(4));
  await $('issues-bypass.shop_user_id').locator('li[data-code="too_long"]').waitFor({ state: 'visible' });
  await $('input-bypass.shop_user_id').fill('member_0001');
  await $('issues-bypass.shop_user_id').locator('li').waitFor({ state: 'detached' });
  await checkOk();
  const json = JSON.parse(await $('params-json').innerText());
  assert.equal(json.pg, 'kcp.T0000');
  assert.equal(json.kcpProducts.length, 3);
  assert.equal(json.bypass.shop_user_id, 'member_0001');
  await $('input-escrow').uncheck({ force: true });

  // Installments under 50,000 KRW: a warning next to the installment picker, Pay still allowed.
  await $('input-quota-on').check({ force: true });
  await $('input-amount').fill('10000');
  const quota = $('issues-card_quota').locator('li[data-code="below_installment_minimum"]');
  await quota.waitFor({ state: 'visible' });
  assert.equal(await quota.getAttribute('data-severity'), 'warning');
  await checkOk();
  await $('amount-sync').click();
  await quota.waitFor({ state: 'detached' });
  await $('input-quota-on').uncheck({ force: true });

  // Kiwoom Pay (channelKey): escrow only with trans / vbank.
  await $('pg-daou').click();
  await $('input-escrow').check({ force: true });
  const escrow = $('issues-escrow').locator('li[data-code="unsupported_option"]');
  await escrow.waitFor({ state: 'visible' });
  await $('input-pay_method').selectOption('trans');
  await escrow.waitFor({ state: 'detached' });
  await checkOk();
  assert.equal(JSON.parse(await $('params-json').innerText()).channelKey, 'channel-key-sandbox-kiwoom-0001');
  await $('input-escrow').uncheck({ force: true });
  await $('input-pay_method').selectOption('card');
  await $('pg-inicis').click();
  await checkOk();
});

test('sandbox payment approved: the result panel shows success', async () => {
  const merchantUid = await $('input-merchant_uid').inputValue();
  await $('pay-button').click();
  const dialog = $('sandbox-dialog');
  await dialog.waitFor({ state: 'visible' });
  await expectText($('sandbox-pg'), /KG이니시스/, 'PG name in the dialog');
  await expectText($('sandbox-amount'), /82,700원/, 'KRW amount in the dialog');
  await page.screenshot({ path: `${SHOTS}/demo-dialog.png` });
  await $('sandbox-approve').click();
  await waitOutcome('success');
  await expectText($('result-title'), /결제 완료/, 'success title');
  assert.match(await $('result-imp_uid').innerText(), /^imp_\d{12}$/);
  assert.equal(await $('result-merchant_uid').innerText(), merchantUid);
  assert.equal(await $('result-status').innerText(), 'paid');
  assert.equal(await $('result-success').innerText(), 'true');
  await expectText($('verify-note'), /GET \/payments\/\{imp_uid\}/, 'server-verification note');
  assert.notEqual(await $('input-merchant_uid').inputValue(), merchantUid, 'a new order number for the next attempt');
  // The server priced the cart (82,700원), the fake PortOne holds what the window charged,
  // and client.verify found them equal.
  const v = await verdict('verified');
  await expectText(v.getByTestId('verdict-title'), /서버 검증 완료 \/ verified/, 'verified title');
  await expectText(v.getByTestId('verdict-detail'), /82,700원 · paid/, 'verified amount and state');
  await shot('demo');
  await shot('demo-verified');

  // PortOne's webhook for the same payment (notice_url, form-encoded): re-fetched, verified,
  // settled once; a repeat is answered 200 too; an imp_uid PortOne does not have is a 404.
  const impUid = await $('result-imp_uid').innerText();
  const notice = (body) => page.request.post(`${base}/portone/webhook`, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: body });
  assert.equal((await notice(`imp_uid=${impUid}&merchant_uid=${merchantUid}&status=paid`)).status(), 200);
  assert.equal((await notice(`imp_uid=${impUid}&merchant_uid=${merchantUid}&status=paid`)).status(), 200);
  assert.equal((await notice('imp_uid=imp_000000000000&status=paid')).status(), 404);
  assert.equal((await notice('status=paid')).status(), 400);
});

test('tamper switch: the browser pays 1,004원 for an 82,700원 order and the server refuses it', async () => {
  await $('input-tamper').check({ force: true });
  await $('pay-button').click();
  const dialog = $('sandbox-dialog');
  await dialog.waitFor({ state: 'visible' });
  await expectText($('sandbox-amount'), /1,004원/, 'the window charges the tampered amount');
  await $('sandbox-approve').click();
  await waitOutcome('success');
  // The browser is satisfied; the server is not.
  await expectText($('result-title'), /결제 완료/, 'the browser sees an approval');
  assert.equal(await $('result-paid_amount').innerText(), '1,004원');
  const v = await verdict('refused');
  await expectText(v.getByTestId('verdict-title'), /거부/, 'refused title');
  const reason = v.locator('li[data-code="amount_mismatch"][data-field="amount"]');
  assert.equal(await reason.count(), 1, await v.innerText());
  assert.match(await reason.innerText(), /1004.*82700/);
  assert.equal(await v.locator('li').count(), 1, 'the amount is the only mismatch');
  await shot('demo-tampered');
  // English: the same reason, in English.
  await $('lang-toggle').click();
  await expectText($('server-verdict').locator('li[data-code="amount_mismatch"]'), /amount is 1004 but the order costs 82700/, 'English reason');
  await $('lang-toggle').click();
  await $('input-tamper').uncheck({ force: true });
});

test('sandbox payment failed and cancelled: the result panel shows failure', async () => {
  await payWith('fail');
  await waitOutcome('failure');
  await expectText($('result-title'), /결제 실패/, 'failure title');
  assert.equal(await $('result-error_code').innerText(), 'SANDBOX_DECLINED');
  assert.equal(await $('result-status').innerText(), 'failed');
  assert.equal(await $('result-success').innerText(), 'false');
  // PortOne holds a failed payment: the server refuses it by its status.
  const v = await verdict('refused');
  assert.equal(await v.locator('li[data-code="failed"][data-field="status"]').count(), 1, await v.innerText());

  await payWith('cancel');
  await waitOutcome('failure');
  assert.equal(await $('result-error_code').innerText(), 'SANDBOX_CANCELLED');
  await expectText($('result-error_msg'), /취소/, 'cancel message');
});

test('scripted sandbox (approveNext / failNext), as users script their own e2e tests', async () => {
  await page.evaluate(() => window.__iamportPayDemo.sandbox.failNext('F001', '한도 초과'));
  await $('pay-button').click();
  await waitOutcome('failure');
  assert.equal(await $('sandbox-dialog').count(), 0, 'no dialog for a scripted answer');
  assert.equal(await $('result-error_code').innerText(), 'F001');
  assert.equal(await $('result-error_msg').innerText(), '한도 초과');

  await page.evaluate(() => window.__iamportPayDemo.sandbox.approveNext());
  await $('pay-button').click();
  await waitOutcome('success');
  assert.equal(await $('result-status').innerText(), 'paid');
});

test('the sandbox dialog names every PortOne PG and pay method from the Rust tables', async () => {
  // Straight to window.IMP, as a shop's own e2e test would: a PG without a rule set here and a
  // pay method the demo's form does not offer for it still get their names (js/sandbox.js's
  // generated block), and a key that is not in the tables is shown as written.
  const answered = page.evaluate(() => new Promise((resolve) => {
    window.IMP.request_pay(
      { pg: 'tosspayments.x', pay_method: 'happymoney', merchant_uid: 'tables-1', name: 'n', amount: 1000 },
      resolve,
    );
  }));
  await expectText($('sandbox-pg'), /^토스페이먼츠$/, 'unchecked PG name');
  await expectText($('sandbox-dialog'), /해피머니 문화상품권 \(happymoney\)/, 'pay method label');
  await $('sandbox-cancel').click();
  const res = await answered;
  assert.equal(res.merchant_uid, 'tables-1');
  assert.equal(res.pg_provider, 'tosspayments');

  const odd = page.evaluate(() => new Promise((resolve) => {
    window.IMP.request_pay({ pg: 'constructor', pay_method: 'constructor', merchant_uid: 'tables-2', amount: 1 }, resolve);
  }));
  await expectText($('sandbox-pg'), /^constructor$/, 'an unknown PG code is shown as written');
  await expectText($('sandbox-dialog'), /결제수단\s*constructor\b/, 'an unknown pay method is shown as written');
  await $('sandbox-approve').click();
  const approved = await odd;
  assert.equal(approved.emb_pg_provider, null, 'no easy-pay provider for an unknown pay method');
});

test('a userCode without network: the SDK load fails and the demo pays in the sandbox instead', async () => {
  await $('input-userCode').fill('imp00000000');
  await expectText($('mode-badge'), /실제 SDK/, 'real-SDK mode');
  await $('pay-button').click();
  // The CDN is blocked in this context: requestPay rejects with sdk_load_failed, the page says
  // so and opens the sandbox window instead.
  const dialog = $('sandbox-dialog');
  await dialog.waitFor({ state: 'visible', timeout: 15_000 });
  await expectText($('sdk-fallback'), /sdk_load_failed|sdk_timeout/, 'fallback note names the error');
  await expectText($('mode-badge'), /SDK 로드 실패/, 'fallback mode badge');
  assert.ok(sdkConsoleErrors.length >= 1, 'the browser did try PortOne\'s CDN');
  await $('sandbox-approve').click();
  await waitOutcome('success');
  const tags = await page.evaluate((o) => [...document.scripts].filter((s) => s.src.startsWith(o)).length, SDK_ORIGIN);
  assert.equal(tags, 0, 'the failed <script> tag was taken out');
  // Back to the default: an empty userCode is the sandbox.
  await $('input-userCode').fill('');
  await expectText($('mode-badge'), /^샌드박스 결제/, 'sandbox mode again');
  assert.equal(await $('sdk-fallback').isHidden(), true);
});

test('KSNET answers with ids only: success is null, look it up on the server', async () => {
  await $('pg-ksnet').click();
  await checkOk();
  await payWith('approve');
  await waitOutcome('unknown');
  assert.match(await $('result-imp_uid').innerText(), /^imp_\d{12}$/);
  assert.equal(await $('result-success').innerText(), 'null');
  assert.equal(await $('result-status').count(), 0, 'no status in an ids-only answer');
  // The server looks it up: verified.
  await verdict('verified');
  await $('pg-inicis').click();
  await checkOk();
});

test('mobile redirect flow: lands on redirect.html with the parsed result and the pending order', async () => {
  await $('input-mobile').check({ force: true });
  await expectText($('mode-badge'), /모바일 리다이렉트/, 'redirect mode badge');
  const redirectUrl = await $('input-m_redirect_url').inputValue();
  assert.equal(redirectUrl, `${base}/www/redirect.html`);
  await checkOk();
  const merchantUid = await $('input-merchant_uid').inputValue();
  const name = await $('input-name').inputValue();

  await $('pay-button').click();
  await $('sandbox-dialog').waitFor({ state: 'visible' });
  await Promise.all([page.waitForURL(/\/www\/redirect\.html\?/), $('sandbox-approve').click()]);
  await page.waitForSelector('body[data-ready="true"]');

  const url = new URL(page.url());
  assert.equal(url.searchParams.get('merchant_uid'), merchantUid);
  assert.equal(url.searchParams.get('imp_success'), 'true');
  assert.match(url.searchParams.get('imp_uid'), /^imp_\d{12}$/);

  assert.equal(await $('redirect-outcome').getAttribute('data-outcome'), 'success');
  await expectText($('redirect-title'), /결제 완료/, 'redirect page title');
  assert.equal(await $('redirect-merchant_uid').innerText(), merchantUid);
  assert.equal(await $('redirect-imp_uid').innerText(), url.searchParams.get('imp_uid'));
  assert.equal(await $('redirect-success').innerText(), 'true');
  assert.equal(await $('pending-order').getAttribute('data-found'), 'true');
  assert.equal(await $('pending-merchant_uid').innerText(), merchantUid);
  assert.equal(await $('pending-name').innerText(), name);
  assert.equal(await $('pending-amount').innerText(), '82,700원');
  await expectText($('verify-note'), /GET \/payments\/\{imp_uid\}/, 'server-verification note');
  // The landing page asks the server, which verifies against the fake PortOne.
  const v = await verdict('verified');
  await expectText(v.getByTestId('verdict-detail'), /82,700원 · paid/, 'verified on the landing page');
  await shot('demo-redirect');

  // The order was taken: a reload finds nothing, and the query is still parsed.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await $('pending-order').getAttribute('data-found'), 'false');
  assert.equal(await $('redirect-outcome').getAttribute('data-outcome'), 'success');
});

test('mobile redirect flow, failure: error_code and error_msg arrive through the query', async () => {
  await page.goto(`${base}/www/`);
  await page.waitForSelector('body[data-ready="true"]');
  await $('input-mobile').check({ force: true });
  await checkOk();
  await $('pay-button').click();
  await $('sandbox-dialog').waitFor({ state: 'visible' });
  await Promise.all([page.waitForURL(/\/www\/redirect\.html\?/), $('sandbox-fail').click()]);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await $('redirect-outcome').getAttribute('data-outcome'), 'failure');
  assert.equal(await $('redirect-success').innerText(), 'false');
  assert.equal(await $('redirect-error_code').innerText(), 'SANDBOX_DECLINED');
  await expectText($('redirect-error_msg'), /거절/, 'decoded Korean error_msg');
  const v = await verdict('refused');
  assert.equal(await v.locator('li[data-code="failed"]').count(), 1, await v.innerText());
});

test('responsive: a phone-sized viewport has no sideways scroll and keeps Pay reachable', async () => {
  await page.goto(`${base}/www/`);
  await page.waitForSelector('body[data-ready="true"]');
  for (const width of [390, 768]) {
    await page.setViewportSize({ width, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${width}px: the page is ${overflow}px wider than the viewport`);
    const box = await $('pay-button').boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= width, `${width}px: Pay button inside the viewport`);
  }
  // On a phone the pay button is a bottom bar, in view without scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  const bar = await $('pay-button').boundingBox();
  assert.ok(bar.y + bar.height <= 844 && bar.y > 844 - 120, `pay bar at the bottom: ${JSON.stringify(bar)}`);
  // The viewport, not the full page: a fixed bar is drawn once, mid-page, in a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/demo-mobile.png` });

  // The landing page too, with a long error message in the query (an order this server never
  // priced: its verdict is an error, not a verification).
  unknownOrderExpected = true;
  await page.goto(`${base}/www/redirect.html?imp_uid=imp_123456789012&merchant_uid=order-20261123-abcdef&imp_success=false&error_code=F0005&error_msg=${encodeURIComponent('카드사 승인 거절: 한도 초과 (잔여 한도를 확인하세요)')}`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await $('redirect-outcome').getAttribute('data-outcome'), 'failure');
  await verdict('error');
  unknownOrderExpected = false;
  const landing = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(landing <= 0, `redirect.html at 390px is ${landing}px wider than the viewport`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/demo-redirect-mobile.png` });
  await page.goto(`${base}/www/`);
  await page.waitForSelector('body[data-ready="true"]');

  // English toggle: the whole page switches, and the choice survives a reload.
  await page.setViewportSize({ width: 1280, height: 900 });
  await $('lang-toggle').click();
  await expectText($('pay-button'), /^Pay /, 'English pay button');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await expectText($('pay-button'), /^Pay /, 'English after reload');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 0, `English at 1280px: the page is ${wide}px wider than the viewport`);
  await shot('demo-en');
  await $('lang-toggle').click();
  await expectText($('pay-button'), /결제하기/, 'back to Korean');
});

test('no page errors', () => {
  assert.deepEqual(pageErrors, []);
});
