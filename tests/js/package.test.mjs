// The npm package through its public entry (`iamport-pay` self-reference, Node condition):
// the shared case table gives exactly the same issues as natively, and errors are typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { checkParams, buildParams, IamportPayError, version } from 'iamport-pay';

const dir = new URL('../cases/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

test('the package loads with no init call and reports its version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url)));
  assert.equal(version(), pkg.version);
});

for (const file of files) {
  const cases = JSON.parse(readFileSync(new URL(file, dir)));
  test(`shared cases ${file} (${cases.length}) through checkParams`, () => {
    const failures = [];
    for (const c of cases) {
      const r = checkParams(c.params, c.options);
      const got = [...r.errors, ...r.warnings].map((i) => [i.path, i.code]).sort();
      const want = c.expect.map((p) => [...p]).sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${c.name}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
      assert.equal(r.ok, r.errors.length === 0);
      for (const i of [...r.errors, ...r.warnings]) {
        assert.ok(i.message.length > 0 && i.messageKo.length > 0, `${c.name}: messages`);
      }
    }
    assert.deepEqual(failures, []);
  });
}

test('buildParams throws IamportPayError with every issue', () => {
  assert.throws(
    () => buildParams({ amount: -1 }),
    (e) => e instanceof IamportPayError && e instanceof Error && e.code === 'invalid_params'
      && e.issues.map((i) => i.path).sort().join() === 'amount,merchant_uid,pay_method',
  );
});

test('buildParams normalizes: no null noise, KSNET amount string coerced', () => {
  const out = buildParams({ pg: 'ksnet.MID', pay_method: 'card', merchant_uid: 'o1', name: 'n', amount: '1004', buyer_email: null });
  assert.deepEqual(out, { amount: 1004, merchant_uid: 'o1', name: 'n', pay_method: 'card', pg: 'ksnet.MID' });
});

test('checkParams never throws, whatever it is given', () => {
  const weird = [undefined, null, 0, NaN, 'x', [], () => 1, Symbol('s'), 10n, new Date(), new Map(), { amount: 10n }, { amount: NaN }];
  for (const w of weird) {
    const r = checkParams(w);
    assert.equal(r.ok, false);
    assert.ok(r.errors.length >= 1);
  }
});

test('an unknown options.provider is reported, not thrown', () => {
  const r = checkParams({ pay_method: 'card', merchant_uid: 'o', amount: 1 }, { provider: 'stripe' });
  assert.deepEqual(r.errors.map((i) => [i.path, i.code]), [['options.provider', 'unknown_provider']]);
});
