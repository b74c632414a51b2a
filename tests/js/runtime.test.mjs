// The browser runtime's functions through the npm package in Node: parseRedirect works on
// strings and URL objects anywhere (the shared table, as natively and in Chromium); the
// functions that need a page reject with IamportPayError('not_in_browser'), but only after
// requestPay's validation, which runs first everywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRedirect, requestPay, loadIamport, takePendingOrder, IamportPayError } from 'iamport-pay';

const cases = JSON.parse(readFileSync(new URL('../redirect_cases.json', import.meta.url)));

test(`parseRedirect: the shared table (${cases.length} cases) in Node`, () => {
  const failures = [];
  for (const c of cases) {
    let got;
    try {
      const r = parseRedirect(c.input);
      assert.equal(r.verified, false, c.name);
      const { verified, ...rest } = r;
      got = rest;
    } catch (e) {
      assert.ok(e instanceof IamportPayError, `${c.name}: ${e}`);
      got = { error: e.code };
    }
    const want = c.error ? { error: c.error } : c.expect;
    try {
      assert.deepEqual(got, want);
    } catch {
      failures.push(`${c.name}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('parseRedirect takes a URL object', () => {
  const r = parseRedirect(new URL('https://shop.example/done?merchant_uid=o1&imp_uid=imp_1&error_msg=%EC%B7%A8%EC%86%8C'));
  assert.deepEqual(r, { imp_uid: 'imp_1', merchant_uid: 'o1', success: false, error_code: null, error_msg: '취소', verified: false });
});

test('parseRedirect without input and without a window is not_in_browser', () => {
  assert.throws(() => parseRedirect(), (e) => e instanceof IamportPayError && e.code === 'not_in_browser');
  assert.throws(() => parseRedirect('https://a.example/x'), (e) => e instanceof IamportPayError && e.code === 'invalid_redirect' && /merchant_uid/.test(e.message));
});

test('requestPay validates before anything else, then needs a browser', async () => {
  await assert.rejects(requestPay({ pg: 'kcp.T0000', amount: -5 }), (e) => {
    assert.ok(e instanceof IamportPayError);
    assert.equal(e.code, 'invalid_params');
    assert.ok(e.issues.some((i) => i.path === 'amount' && i.code === 'out_of_range'), JSON.stringify(e.issues));
    assert.ok(e.issues.every((i) => i.message && i.messageKo));
    return true;
  });
  const ok = { pg: 'html5_inicis.INIpayTest', pay_method: 'card', merchant_uid: 'n1', name: 'x', amount: 1004, buyer_tel: '01012345678' };
  await assert.rejects(requestPay(ok, { userCode: 'imp00000000' }), (e) => e instanceof IamportPayError && e.code === 'not_in_browser');
});

test('loadIamport and takePendingOrder need a browser', async () => {
  await assert.rejects(loadIamport({ userCode: 'imp00000000' }), (e) => e instanceof IamportPayError && e.code === 'not_in_browser');
  assert.throws(() => takePendingOrder('n1'), (e) => e instanceof IamportPayError && e.code === 'not_in_browser');
  assert.equal(takePendingOrder(42), null);
});
