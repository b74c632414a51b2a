// The bad-input corpus through the npm package's public entry (issue 8): every hostile value
// gives issues from checkParams, and buildParams throws an IamportPayError — never a wasm trap
// (a RuntimeError), a hang, or a changed Object.prototype. The same corpus runs in Chromium and
// Firefox in tests/web_corpus.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkParams, buildParams, IamportPayError } from 'iamport-pay';

const base = () => ({ pg: 'ksnet.M', pay_method: 'card', merchant_uid: 'o-1', name: 'Mug', amount: 1004, tax_free: 0 });
const snapshot = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',') + ({}).polluted + ({}).isAdmin;
const pairs = (r) => [...r.errors, ...r.warnings].map((i) => `${i.path} ${i.code}`);

function nested(levels, make) {
  let o = make();
  for (let i = 0; i < levels; i++) o = { a: o };
  return o;
}

class Order {
  constructor() {
    this.amount = 1;
  }
}

const corpus = [
  ['deep nesting, 10,000 levels', () => ({ ...base(), custom_data: nested(10000, () => ({})) }), 'custom_data invalid_value'],
  ['a 10 MB name', () => ({ ...base(), name: 'x'.repeat(10 * 1024 * 1024) }), 'name too_long'],
  ['a Map as params', () => new Map([['amount', 1]]), ' invalid_type'],
  ['a Date as params', () => new Date(), ' invalid_type'],
  ['a class instance as params', () => new Order(), ' invalid_type'],
  ['a Map inside', () => ({ ...base(), custom_data: new Map() }), 'custom_data invalid_type'],
  [
    'a getter that throws',
    () => Object.defineProperty(base(), 'amount', { enumerable: true, get() { throw new Error('boom'); } }),
    'amount invalid_value',
  ],
  ['a cycle', () => { const p = base(); p.custom_data = { }; p.custom_data.self = p.custom_data; return p; }, null],
  ['BigInt amount', () => ({ ...base(), amount: 1004n }), 'amount invalid_type'],
  ['a Symbol value', () => ({ ...base(), name: Symbol('n') }), 'name invalid_type'],
  [
    'a proxy whose traps throw',
    () => new Proxy({}, { ownKeys() { throw new Error('trap'); }, get() { throw new Error('trap'); } }),
    null,
  ],
];

for (const [name, make, want] of corpus) {
  test(`bad input: ${name}`, () => {
    const before = snapshot();
    const r = checkParams(make());
    assert.equal(r.ok, false, name);
    assert.ok(r.errors.length > 0);
    if (want) assert.ok(pairs(r).includes(want), `${want} in ${JSON.stringify(pairs(r))}`);
    assert.throws(() => buildParams(make()), (e) => e instanceof IamportPayError && e.code === 'invalid_params' && e.issues.length > 0);
    assert.equal(snapshot(), before, 'Object.prototype unchanged');
  });
}

test('bad input: an own __proto__ is refused at any depth, never a prototype', () => {
  const before = snapshot();
  // JSON.parse makes __proto__ an own data key, the way it arrives in a request body
  // (Object.assign or a literal would set the prototype instead). It is forbidden_field
  // (docs/RULES.md §1.4), so buildParams / requestPay never forward it.
  const p = JSON.parse(JSON.stringify(base()).slice(0, -1) +
    ',"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"isAdmin":true}},"custom_data":{"__proto__":{"polluted":"yes"},"k":1}}');
  const r = checkParams(p);
  assert.deepEqual(pairs(r).sort(), ['__proto__ forbidden_field', 'constructor unknown_field', 'custom_data.__proto__ forbidden_field']);
  assert.equal(r.ok, false);
  assert.throws(() => buildParams(p), (e) => e instanceof IamportPayError && e.code === 'invalid_params'
    && e.issues.some((i) => i.path === 'custom_data.__proto__'));
  assert.equal(snapshot(), before);
});

test('bad input: Symbol keys are ignored and BigInt/functions never trap', () => {
  const p = { ...base(), [Symbol('s')]: 1, buyer_tel: () => '010' };
  const r = checkParams(p);
  assert.deepEqual(pairs(r), ['buyer_tel invalid_type']);
});

// Issue 12 item 8: the reader's size limits (src/limits.rs) answer with a clear issue, fast,
// before anything is copied into wasm memory.
test('bad input: 100,000 keys is one "too many values" issue, not "must be an object", and fast', () => {
  const p = base();
  for (let i = 0; i < 100_000; i++) p[`k${i}`] = i;
  const t0 = performance.now();
  const r = checkParams(p);
  const ms = performance.now() - t0;
  assert.deepEqual(pairs(r), [' invalid_value']);
  assert.match(r.errors[0].message, /too many values/);
  assert.ok(ms < 500, `took ${ms} ms`);
  assert.throws(() => buildParams(p), (e) => e instanceof IamportPayError && e.code === 'invalid_params');
});

test('bad input: 1,000 keys (the cap) still checks; 1,001 in custom_data is refused at its path', () => {
  const ok = { ...base(), custom_data: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i])) };
  const t0 = performance.now();
  assert.deepEqual(pairs(checkParams(ok)), []);
  assert.ok(performance.now() - t0 < 500);
  const over = { ...base(), custom_data: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, i])) };
  assert.deepEqual(pairs(checkParams(over)), ['custom_data invalid_value']);
});

test('bad input: about 4.5 GiB of strings is a too_long issue, never an out-of-memory trap', () => {
  const s = 'x'.repeat(15 * 1024 * 1024);
  const p = { ...base(), custom_data: Array(300).fill(s) };
  const r = checkParams(p);
  assert.deepEqual(pairs(r), ['custom_data[1] too_long']);
  assert.match(r.errors[0].message, /16777216 bytes/);
  assert.throws(() => buildParams(p), (e) => e instanceof IamportPayError && e.code === 'invalid_params');
});
