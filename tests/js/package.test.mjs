// The npm package through its public entry (`iamport-pay` self-reference, Node condition):
// the shared case table gives exactly the same issues as natively, and errors are typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as pkgApi from 'iamport-pay';
import * as sandboxApi from 'iamport-pay/sandbox';
import * as redirectApi from 'iamport-pay/redirect';
import * as careful from '../../pkg/iamport_pay.js';
import { checkParams, buildParams, IamportPayError, version, requestPay, loadIamport, parseRedirect, takePendingOrder } from 'iamport-pay';

// The careful exports answer as the wasm does, each issue by its message row (src/wire.rs,
// push_issue); the wrapper's message section (js/index.js) renders them.
const indexJs = readFileSync(new URL('../../js/index.js', import.meta.url), 'utf8');
const render = new Function(
  'messageTable',
  `${indexJs.slice(indexJs.indexOf('// ---- messages:'), indexJs.indexOf('// ---- end of messages ----'))}
return { checkResult, issue, invalidParamsMessage };`,
)(careful.messageTable);
const carefulCheck = (p, o) => render.checkResult(careful.checkParams(p, o));
/** The careful buildParams' error as [code, message, issues], rendered as the wrapper does. */
const carefulError = (e) => {
  const issues = e.issues.map(render.issue);
  return [e.code, render.invalidParamsMessage(issues), issues];
};

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

// The message table comes from the wasm (messageTable, Msg::lines): the text of known rows.
test('messages are rendered from the wasm\'s table, in both languages', () => {
  const r = checkParams({ pg: 'html5_inicis.INIpayTest', pay_method: 'cardd', amount: 1000, buyer_tel: '010-1234-5678' });
  const by = (path) => r.errors.find((i) => i.path === path);
  assert.deepEqual(by('merchant_uid'), {
    path: 'merchant_uid', code: 'required', message: 'merchant_uid is required', messageKo: 'merchant_uid 값은 필수입니다',
  });
  assert.equal(by('pay_method').message, 'pay_method is not a PortOne pay_method code; did you mean card?');
  assert.equal(by('pay_method').messageKo, 'pay_method 값이 포트원 결제수단 코드가 아닙니다. card을(를) 의도하셨나요?');
  const lines = [careful.messageTable(0).split('\n'), careful.messageTable(1).split('\n')];
  assert.equal(lines[0].length, lines[1].length);
  assert.ok(lines[0].includes('{path} is required') && lines[1].includes('{path} 값은 필수입니다'));
});

// The wrapper hands ordinary params to wasm as one JSON string (checkInput / buildInput); the
// careful exports read the JS value property by property. Both must give the same answer.
test('the one-string path and the careful reader agree on every shared case', () => {
  let n = 0;
  for (const file of files) {
    for (const c of JSON.parse(readFileSync(new URL(file, dir)))) {
      assert.deepEqual(checkParams(c.params, c.options), carefulCheck(c.params, c.options), c.name);
      let want;
      try {
        want = { params: careful.buildParams(c.params, c.options) };
      } catch (e) {
        want = { error: carefulError(e) };
      }
      let got;
      try {
        got = { params: buildParams(c.params, c.options) };
      } catch (e) {
        assert.ok(e instanceof IamportPayError, c.name);
        got = { error: [e.code, e.message, e.issues] };
      }
      assert.deepEqual(got, want, c.name);
      n += 1;
    }
  }
  assert.ok(n >= 50, `${n} cases`);
});

// The text crosses as UTF-8 that js/index.js writes into a wasm buffer (src/js/mod.rs,
// jsonInput). A long Korean name (near the 256 Ki-unit limit of the one-string path) makes the
// buffer, and wasm memory, grow between calls; 1-, 2-, 3- and 4-byte characters and lone
// surrogates (escaped by JSON.stringify) must come back as they went in, and every answer must
// stay the careful reader's.
// The walk stops at MAX_BYTES of text (js/index.js) and jsonInput refuses more than
// MAX_INPUT_BYTES (src/js/mod.rs): one limit, written in both languages.
test('the walk\'s byte limit is the one jsonInput takes', () => {
  const guard = indexJs.slice(indexJs.indexOf('// ---- guard:'), indexJs.indexOf('// ---- end of guard ----'));
  const maxBytes = new Function(`${guard}\nreturn MAX_BYTES;`)();
  const rust = readFileSync(new URL('../../src/js/mod.rs', import.meta.url), 'utf8');
  const [, expr] = rust.match(/const MAX_INPUT_BYTES: usize = ([\d <]+);/);
  assert.equal(maxBytes, new Function(`return ${expr};`)());
  assert.notEqual(careful.jsonInput(maxBytes), 0);
  assert.equal(careful.jsonInput(maxBytes + 1), 0);
});

test('the UTF-8 input buffer: growing memory, every UTF-8 length, and back to small input', () => {
  const base = { pg: 'html5_inicis.INIpayTest', pay_method: 'card', merchant_uid: 'o_buf', amount: 1000, buyer_tel: '010-1234-5678' };
  for (const name of ['가', '주문'.repeat(60000), '😀 emoji 한글 \u2028 é ß \u07ff \u0800 \uffff \u{10ffff}', 'lone \ud800 \udfff', 'a'.repeat(10), '결제'.repeat(120000)]) {
    const p = { ...base, name };
    assert.deepEqual(checkParams(p), carefulCheck(p), `name of ${name.length} units`);
    let got;
    try {
      got = buildParams(p);
    } catch (e) {
      got = [e.code, e.issues];
    }
    let want;
    try {
      want = careful.buildParams(p);
    } catch (e) {
      want = carefulError(e).filter((_, k) => k !== 1);
    }
    assert.deepEqual(got, want, `build, name of ${name.length} units`);
    // Lone surrogates come back as U+FFFD on both paths (wasm-bindgen's string passing).
    if (!Array.isArray(got)) assert.equal(got.name, name.toWellFormed());
  }
});

test('iamport-pay/redirect: parseRedirect and takePendingOrder, the same answers and error class', () => {
  assert.deepEqual(Object.keys(redirectApi).sort(), ['IamportPayError', 'parseRedirect', 'takePendingOrder']);
  const url = 'https://shop.example/done?imp_uid=imp_1&merchant_uid=o%201&imp_success=false&error_code=F400&error_msg=%EA%B2%B0%EC%A0%9C+%EC%B7%A8%EC%86%8C';
  assert.deepEqual(redirectApi.parseRedirect(url), parseRedirect(url));
  assert.equal(redirectApi.parseRedirect(url).error_msg, '결제 취소');
  assert.throws(() => redirectApi.parseRedirect('?imp_uid=imp_1'), (e) => e instanceof IamportPayError && e instanceof redirectApi.IamportPayError && e.code === 'invalid_redirect');
  assert.throws(() => redirectApi.takePendingOrder('o1'), (e) => e instanceof IamportPayError && e.code === 'not_in_browser');
});

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

// buildParams returns the walk's own copy when wasm answers that the normalized params are the
// params as sent (src/wire.rs, FLAG_SAME): the same value, in the same key order, as the careful
// buildParams, and a fresh object that shares nothing with the input.
test('buildParams: the walk\'s copy is the careful answer, key order included', () => {
  const base = { pg: 'kcp.T0000', pay_method: 'card', merchant_uid: 'o_copy', name: '주문', amount: 1000, buyer_tel: '010-1234-5678' };
  const cases = [
    base,
    // Unsorted keys at every level, integer-like keys, Korean keys, an array of objects.
    { ...base, custom_data: { zeta: 1, alpha: [3, { y: 'y', b: null, a: true }], 10: 'ten', 9: 'nine', 한글: '키', Ö: 'o' } },
    { amount: 1000, name: '주문', merchant_uid: 'o_copy', pay_method: 'card', pg: 'kcp.T0000', buyer_tel: '010', escrow: true, kcpProducts: [{ quantity: 1, orderNumber: 'a', name: '상품', amount: 1000 }] },
    // A key at or above U+D800 (the copy is left out; the JSON answer is used).
    { ...base, custom_data: { '😀': 1, '\ue000': 2, a: 3 } },
    // A null value to drop and a KSNET amount string to coerce (the JSON answer).
    { ...base, buyer_email: null },
    { pg: 'ksnet.MID', pay_method: 'card', merchant_uid: 'o1', name: 'n', amount: '1004', custom_data: { b: 1, a: 2 } },
    Object.assign(Object.create(null), base),
  ];
  for (const [i, p] of cases.entries()) {
    const before = JSON.stringify(p);
    const got = buildParams(p);
    const want = careful.buildParams(p);
    assert.equal(JSON.stringify(got), JSON.stringify(want), `case ${i}`);
    assert.equal(Object.getPrototypeOf(got), Object.prototype, `case ${i}`);
    if (got.custom_data !== undefined) {
      assert.notEqual(got.custom_data, p.custom_data, `case ${i}: a fresh object`);
      got.custom_data.mutated = true;
    }
    got.name = 'changed';
    assert.equal(JSON.stringify(p), before, `case ${i}: the input is untouched`);
  }
  // Twice in a row, and with a check in between: each call has its own copy.
  const a = buildParams(cases[1]);
  checkParams(cases[2]);
  const b = buildParams(cases[1]);
  assert.notEqual(a, b);
  assert.deepEqual(a, b);
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

/** Names a declaration file exports as values, and its text without comments or strings. */
function declarations(file) {
  const text = readFileSync(new URL(`../../js/${file}`, import.meta.url), 'utf8');
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/'[^'\n]*'|`[^`\n]*`/g, "''");
  const names = [...code.matchAll(/^export declare (?:function|class|const) (\w+)/gm)].map((m) => m[1]);
  // Value re-exports (`export { a, b } from …`; `export type { … }` re-exports types only).
  for (const m of code.matchAll(/^export \{([^}]*)\} from/gm)) names.push(...m[1].split(',').map((n) => n.trim()).filter(Boolean));
  return { names: [...new Set(names)].sort(), code };
}

test('the .d.ts files declare exactly the runtime exports, with no `any`', () => {
  for (const [file, mod] of [['index.d.ts', pkgApi], ['sandbox.d.ts', sandboxApi], ['redirect.d.ts', redirectApi]]) {
    const { names, code } = declarations(file);
    assert.deepEqual(names, Object.keys(mod).sort(), `${file} vs the module's exports`);
    for (const name of names) {
      // Functions, classes and objects; a string constant must be the literal its declaration names.
      if (typeof mod[name] === 'string') {
        const text = readFileSync(new URL(`../../js/${file}`, import.meta.url), 'utf8');
        assert.ok(text.includes(`export declare const ${name}: '${mod[name]}';`), `${file}: ${name}`);
      }
      else assert.equal(typeof mod[name] === 'function' || typeof mod[name] === 'object', true, `${file}: ${name}`);
    }
    assert.deepEqual(code.match(/\bany\b/g), null, `${file} uses any`);
  }
});

test('in Node the browser runtime validates first, then rejects with not_in_browser', async () => {
  await assert.rejects(requestPay({ merchant_uid: 'o' }), (e) => e instanceof IamportPayError && e.code === 'invalid_params' && e.issues.length > 0);
  const valid = { pg: 'kcp.T0000', pay_method: 'card', merchant_uid: 'o1', name: 'n', amount: 1000 };
  assert.equal(checkParams(valid).ok, true, JSON.stringify(checkParams(valid).errors));
  await assert.rejects(requestPay(valid), (e) => e instanceof IamportPayError && e.code === 'not_in_browser');
  await assert.rejects(loadIamport({ userCode: 'imp00000000' }), (e) => e instanceof IamportPayError && e.code === 'not_in_browser');
  assert.throws(() => takePendingOrder('o1'), (e) => e instanceof IamportPayError && e.code === 'not_in_browser');
});

test('parseRedirect works on a string anywhere and throws IamportPayError without merchant_uid', () => {
  assert.deepEqual(parseRedirect('https://shop.example/done?imp_uid=imp_1&merchant_uid=o%201&imp_success=true'), {
    imp_uid: 'imp_1', merchant_uid: 'o 1', success: true, error_code: null, error_msg: null, verified: false,
  });
  assert.throws(() => parseRedirect('https://shop.example/done?imp_uid=imp_1'), (e) => e instanceof IamportPayError && e.code === 'invalid_redirect');
});
