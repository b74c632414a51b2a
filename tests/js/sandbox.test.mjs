// Unit tests of iamport-pay/sandbox without a browser: a plain object stands in for `window`.
// Run: node --test tests/js/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installSandbox, getSandbox, sandboxRedirectUrl, SANDBOX_CANCEL, SANDBOX_FAIL } from '../../js/sandbox.js';

function fakeWindow(href = 'https://shop.example/checkout') {
  const navigations = [];
  return {
    navigations,
    location: { href, assign: (url) => navigations.push(url) },
  };
}

/** IMP.request_pay as a promise of the callback's argument. */
function pay(win, params) {
  return new Promise((resolve) => win.IMP.request_pay(params, resolve));
}

const tick = () => new Promise((r) => setTimeout(r, 5));

const inicis = {
  pg: 'html5_inicis.INIpayTest',
  pay_method: 'card',
  merchant_uid: 'order_0001',
  name: '당근 10kg',
  amount: 1004,
  buyer_name: '홍길동',
  buyer_tel: '010-1234-5678',
  custom_data: { userId: 7 },
  m_redirect_url: 'https://shop.example/payments/done?from=app',
};

test('installs IMP, is idempotent, and uninstall restores the previous IMP', () => {
  const win = fakeWindow();
  const original = { original: true };
  win.IMP = original;
  const c1 = installSandbox({ window: win });
  const imp = win.IMP;
  assert.notEqual(imp, original);
  assert.equal(imp.__sandbox, true);
  const c2 = installSandbox({ window: win, mobile: true });
  assert.equal(c2, c1, 'second install returns the same controller');
  assert.equal(win.IMP, imp, 'second install keeps the same IMP');
  assert.equal(c1.mobile, true, 'second install applies its options');
  assert.equal(getSandbox({ window: win }), c1);
  win.IMP.init('imp12345678');
  assert.equal(c1.userCode, 'imp12345678');
  c1.uninstall();
  assert.equal(win.IMP, original);
  assert.equal(getSandbox({ window: win }), null);
  c1.uninstall(); // twice is harmless
  assert.equal(win.IMP, original);

  const bare = fakeWindow();
  installSandbox({ window: bare }).uninstall();
  assert.equal('IMP' in bare, false, 'no IMP before, none after');
});

test('approveNext: PC callback shaped like request-pay-response.mdx', async () => {
  const win = fakeWindow();
  const sb = installSandbox({ window: win });
  sb.approveNext();
  const res = await pay(win, inicis);
  assert.match(res.imp_uid, /^imp_\d{12}$/);
  assert.equal(res.merchant_uid, 'order_0001');
  assert.equal(res.success, true);
  assert.equal(res.status, 'paid');
  assert.equal(res.pay_method, 'card');
  assert.equal(res.paid_amount, 1004);
  assert.equal(res.pg_provider, 'html5_inicis');
  assert.equal(res.pg_type, 'payment');
  assert.equal(res.currency, 'KRW');
  assert.equal(res.name, '당근 10kg');
  assert.equal(res.buyer_tel, '010-1234-5678');
  assert.equal(res.custom_data, '{"userId":7}', 'custom_data comes back as a JSON string');
  assert.equal(typeof res.paid_at, 'number');
  assert.match(res.apply_num, /^\d{8}$/);
  assert.equal('error_code' in res, false);
  assert.deepEqual(sb.calls, [inicis]);
  assert.notEqual(sb.calls[0], inicis, 'calls holds copies');
  assert.deepEqual(sb.responses, [res]);
  assert.equal(win.navigations.length, 0);
  sb.uninstall();
});

test('failNext and cancelNext: status failed with error_code / error_msg', async () => {
  const win = fakeWindow();
  const sb = installSandbox({ window: win });
  sb.failNext('F001', '한도 초과');
  const failed = await pay(win, inicis);
  assert.equal(failed.success, false);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.paid_amount, 0);
  assert.equal(failed.error_code, 'F001');
  assert.equal(failed.error_msg, '한도 초과');
  assert.match(failed.imp_uid, /^imp_\d{12}$/);

  sb.failNext();
  const dflt = await pay(win, inicis);
  assert.equal(dflt.error_code, SANDBOX_FAIL.code);
  assert.equal(dflt.error_msg, SANDBOX_FAIL.msg);

  sb.cancelNext();
  const cancelled = await pay(win, inicis);
  assert.equal(cancelled.success, false);
  assert.equal(cancelled.status, 'failed');
  assert.equal(cancelled.error_code, SANDBOX_CANCEL.code);
  assert.equal(cancelled.error_msg, SANDBOX_CANCEL.msg);
  sb.uninstall();
});

test('scripted answers are used in order, one per request', async () => {
  const win = fakeWindow();
  const sb = installSandbox({ window: win });
  sb.approveNext().failNext('X', 'y').cancelNext();
  const a = await pay(win, inicis);
  const b = await pay(win, inicis);
  const c = await pay(win, inicis);
  assert.deepEqual([a.success, b.error_code, c.error_code], [true, 'X', SANDBOX_CANCEL.code]);
  assert.equal(sb.calls.length, 3);
  sb.uninstall();
});

test('KSNET answers with ids only (ksnet.mdx), plus error fields on failure', async () => {
  const win = fakeWindow();
  const sb = installSandbox({ window: win });
  const params = { ...inicis, pg: 'ksnet.mid0001' };
  sb.approveNext();
  const ok = await pay(win, params);
  assert.deepEqual(Object.keys(ok).sort(), ['imp_uid', 'merchant_uid']);
  assert.equal(ok.merchant_uid, 'order_0001');
  sb.failNext('K01', '거절');
  const bad = await pay(win, params);
  assert.deepEqual(Object.keys(bad).sort(), ['error_code', 'error_msg', 'imp_uid', 'merchant_uid']);
  assert.equal(bad.error_code, 'K01');
  sb.uninstall();
});

test('channelKey requests take their PG from the channels map', async () => {
  const win = fakeWindow();
  const sb = installSandbox({ window: win, channels: { 'channel-key-kiwoom': 'daou' } });
  sb.approveNext();
  const { pg: _pg, ...rest } = inicis;
  const res = await pay(win, { ...rest, channelKey: 'channel-key-kiwoom', digital: false });
  assert.equal(res.pg_provider, 'daou');
  sb.uninstall();
});

test('mobile: navigates to m_redirect_url with the real query string, no callback', async () => {
  const win = fakeWindow();
  const sb = installSandbox({ window: win, mobile: true });
  let called = false;
  sb.approveNext();
  win.IMP.request_pay(inicis, () => (called = true));
  await tick();
  assert.equal(called, false);
  assert.equal(win.navigations.length, 1);
  const ok = new URL(win.navigations[0]);
  assert.equal(ok.origin + ok.pathname, 'https://shop.example/payments/done');
  assert.equal(ok.searchParams.get('from'), 'app', 'the URL keeps its own query');
  assert.match(ok.searchParams.get('imp_uid'), /^imp_\d{12}$/);
  assert.equal(ok.searchParams.get('merchant_uid'), 'order_0001');
  assert.equal(ok.searchParams.get('imp_success'), 'true');
  assert.equal(ok.searchParams.has('error_code'), false);

  sb.failNext('F 01', '잔액 부족 & 한도');
  win.IMP.request_pay(inicis, () => (called = true));
  await tick();
  const raw = win.navigations[1];
  assert.ok(raw.includes('error_msg=%EC%9E%94%EC%95%A1%20%EB%B6%80%EC%A1%B1%20%26%20%ED%95%9C%EB%8F%84'), raw);
  const bad = new URL(raw);
  assert.equal(bad.searchParams.get('imp_success'), 'false');
  assert.equal(bad.searchParams.get('error_code'), 'F 01');
  assert.equal(bad.searchParams.get('error_msg'), '잔액 부족 & 한도');
  assert.equal(called, false);
  sb.uninstall();
});

test('redirect per answer, KSNET query without imp_success, relative m_redirect_url', async () => {
  const win = fakeWindow('https://shop.example/shop/checkout.html');
  const sb = installSandbox({ window: win });
  sb.approveNext({ redirect: true });
  win.IMP.request_pay({ ...inicis, pg: 'ksnet', m_redirect_url: 'done.html' }, () => assert.fail('no callback in redirect mode'));
  await tick();
  const u = new URL(win.navigations[0]);
  assert.equal(u.pathname, '/shop/done.html');
  assert.deepEqual([...u.searchParams.keys()].sort(), ['imp_uid', 'merchant_uid']);

  // The per-answer override also works the other way round.
  sb.mobile = true;
  sb.approveNext({ redirect: false });
  const res = await pay(win, inicis);
  assert.equal(res.success, true);
  assert.equal(win.navigations.length, 1);
  sb.uninstall();
});

test('redirect mode without m_redirect_url loses the result, like the real SDK', async () => {
  const win = fakeWindow();
  const sb = installSandbox({ window: win, mobile: true });
  const warnings = [];
  const warn = console.warn;
  console.warn = (...a) => warnings.push(a.join(' '));
  try {
    sb.approveNext();
    const { m_redirect_url: _r, ...params } = inicis;
    win.IMP.request_pay(params, () => assert.fail('no callback'));
    await tick();
  } finally {
    console.warn = warn;
  }
  assert.equal(win.navigations.length, 0);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /m_redirect_url/);
  sb.uninstall();
});

test('issue 12 item 9: a javascript: (or data:) m_redirect_url is refused, never navigated to', async () => {
  for (const bad of ['javascript:alert(document.domain)//', 'JavaScript:window.__pwned=1', 'data:text/html,<script>alert(1)</script>']) {
    const win = fakeWindow();
    const sb = installSandbox({ window: win, mobile: true });
    const warnings = [];
    const warn = console.warn;
    console.warn = (...a) => warnings.push(a.join(' '));
    try {
      sb.approveNext();
      win.IMP.request_pay({ ...inicis, m_redirect_url: bad }, () => assert.fail('no callback in redirect mode'));
      await tick();
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(win.navigations, [], bad);
    assert.equal(warnings.length, 1, bad);
    assert.match(warnings[0], /refused to navigate: m_redirect_url must be an http\(s\) URL/, bad);
    sb.uninstall();
  }
  assert.throws(() => sandboxRedirectUrl('javascript:alert(1)', { imp_uid: 'i', merchant_uid: 'm' }, 'https://a.example/'), TypeError);
  // http(s), absolute or relative, still works.
  assert.equal(
    sandboxRedirectUrl('/done', { imp_uid: 'i', merchant_uid: 'm', success: true }, 'https://a.example/x'),
    'https://a.example/done?imp_uid=i&merchant_uid=m&imp_success=true',
  );
});

test('vbank approval is "ready" with account details', async () => {
  const win = fakeWindow();
  const sb = installSandbox({ window: win });
  sb.approveNext();
  const res = await pay(win, { ...inicis, pay_method: 'vbank', vbank_due: '20300101' });
  assert.equal(res.status, 'ready');
  assert.equal(typeof res.vbank_num, 'string');
  assert.equal(typeof res.vbank_date, 'number');
  sb.uninstall();
});

test('includeSuccess: false leaves the deprecated flag out (newest SDK)', async () => {
  const win = fakeWindow();
  const sb = installSandbox({ window: win, includeSuccess: false });
  sb.failNext('E', 'm');
  const res = await pay(win, inicis);
  assert.equal('success' in res, false);
  assert.equal(res.error_code, 'E');
  sb.uninstall();
});

test('includeSuccess: false also leaves imp_success out of the redirect query', async () => {
  const win = fakeWindow();
  const sb = installSandbox({ window: win, mobile: true, includeSuccess: false });
  sb.approveNext().failNext('E1', 'no');
  win.IMP.request_pay(inicis);
  win.IMP.request_pay(inicis);
  await tick();
  const [ok, bad] = win.navigations.map((u) => new URL(u).searchParams);
  assert.deepEqual([...ok.keys()], ['from', 'imp_uid', 'merchant_uid']);
  assert.deepEqual([...bad.keys()], ['from', 'imp_uid', 'merchant_uid', 'error_code', 'error_msg']);
  assert.equal(bad.get('error_code'), 'E1');
  sb.uninstall();
});

test('sandboxRedirectUrl encodes with %XX', () => {
  const url = sandboxRedirectUrl('/r', { imp_uid: 'imp_1', merchant_uid: 'a b&c', success: false, error_code: null, error_msg: '취소' }, 'http://x.test/');
  assert.equal(url, 'http://x.test/r?imp_uid=imp_1&merchant_uid=a%20b%26c&imp_success=false&error_msg=%EC%B7%A8%EC%86%8C');
});
