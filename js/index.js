// The JS surface of `iamport-pay`; the logic lives in Rust (src/js, src/wire.rs). Browsers
// and bundlers get pkg/index.js: this file with wasm-bindgen's glue folded in by
// scripts/entry.mjs (two fetches: that file, then the wasm, compiled while it downloads by
// instantiateStreaming). The wasm is fetched next to the module and instantiated with
// top-level await, so importers need no init call. The Node entry (node.js) initializes the
// same wasm from disk first and re-exports this file, which then imports the glue as is.
import init, * as bindings from '../pkg/iamport_pay.js';

const BRAND = Symbol.for('iamport-pay.IamportPayError');

/** The event a late payment result is dispatched as, on `window` (`detail`: a PaymentResult). */
export const LATE_RESULT_EVENT = 'iamport-pay:late-result';

/** An error from iamport-pay. `code` is one of API.md's error codes. */
export class IamportPayError extends Error {
  constructor(code, message, issues) {
    super(message);
    this.name = 'IamportPayError';
    this.code = code;
    if (issues !== undefined) this.issues = issues;
  }

  // The redirect entry (redirect.js) has its own copy of this class: either one's
  // `instanceof` accepts both.
  static [Symbol.hasInstance](e) {
    return e !== null && typeof e === 'object' && e[BRAND] === true;
  }
}
Object.defineProperty(IamportPayError.prototype, BRAND, { value: true });

const messageTable = (lang) => bindings.messageTable(lang);

// ---- messages: tests/web_json_guard.rs evaluates this section in Chromium and Firefox ----
// The wasm answers with each issue's row of the message table and the values the row shows
// (src/wire.rs, push_issue), not text: these functions render API.md's
// `{ path, code, message, messageKo }` as Issue::message does in Rust (src/issue.rs), and only
// for the issues there are. The table itself stays in the wasm: `messageTable(lang)` (defined
// before this section) answers Msg::browser_lines, one template per line (a server body's row
// empty), and is asked once, at the first issue, so a page's JS parses no message text at load.
// BEGIN GENERATED pgs: from src/tables.rs; regenerate with `UPDATE_TABLES=1 cargo test --test tables`
/** Every PortOne PG (src/provider.rs), in table order: [code, English name, Korean name]. */
const PGS = [
  ['html5_inicis', "KG Inicis", "KG이니시스"],
  ['inicis', "KG Inicis", "KG이니시스"],
  ['kcp', "NHN KCP", "NHN KCP"],
  ['kcp_billing', "NHN KCP (billing)", "NHN KCP 정기결제"],
  ['ksnet', "KSNET", "KSNET"],
  ['daou', "Kiwoom Pay", "키움페이"],
  ['danal', "Danal", "다날"],
  ['danal_tpay', "Danal", "다날"],
  ['inicis_unified', "KG Inicis unified auth", "KG이니시스 통합인증"],
  ['kicc', "KICC EasyPay", "이지페이(한국정보통신)"],
  ['mobilians', "KG Mobilians", "KG모빌리언스"],
  ['nice', "NICE (legacy)", "나이스정보통신"],
  ['nice_v2', "NICEPAY", "나이스페이"],
  ['settle', "Hecto Financial", "헥토파이낸셜"],
  ['settle_acc', "Hecto Financial account", "헥토파이낸셜 내통장결제"],
  ['smartro', "Smartro (legacy)", "스마트로"],
  ['smartro_v2', "Smartro", "스마트로"],
  ['tosspayments', "Toss Payments", "토스페이먼츠"],
  ['toss_brandpay', "Toss Payments BrandPay", "토스페이먼츠 브랜드페이"],
  ['uplus', "Toss Payments (legacy)", "토스페이먼츠(구모듈)"],
  ['welcome', "Welcome Payments", "웰컴페이먼츠"],
  ['tosspay', "Toss Pay", "토스페이"],
  ['tosspay_v2', "Toss Pay", "토스페이"],
  ['payco', "PAYCO", "페이코"],
  ['kakaopay', "Kakao Pay", "카카오페이"],
  ['naverpay', "Naver Pay", "네이버페이"],
  ['naverco', "Naver Pay (order)", "네이버페이 주문형"],
  ['smilepay', "Smile Pay", "스마일페이"],
  ['paypal', "PayPal", "페이팔"],
  ['paypal_v2', "PayPal", "페이팔"],
  ['eximbay', "Eximbay", "엑심베이"],
  ['paymentwall', "Paymentwall", "페이먼트월"],
];
// END GENERATED pgs

// A template split once, at its first use, into [text, slot, text, slot, …, text]; a slot
// is 0 for `{path}`, 1 for `{arg}`, 2 for `{pg}`. Any other `{` is text (as in Rust).
const SLOTS = ['path}', 'arg}', 'pg}'];
const split = [];
let templates;

function parts(row, lang) {
  const key = row * 2 + lang;
  let p = split[key];
  if (p !== undefined) return p;
  templates ??= [messageTable(0).split('\n'), messageTable(1).split('\n')];
  const t = templates[lang][row] ?? '';
  p = [];
  let from = 0;
  for (let at = t.indexOf('{'); at >= 0; at = t.indexOf('{', at + 1)) {
    const slot = SLOTS.findIndex((s) => t.startsWith(s, at + 1));
    if (slot < 0) continue;
    p.push(t.slice(from, at), slot);
    from = at + 1 + SLOTS[slot].length;
    at = from - 1;
  }
  p.push(t.slice(from));
  split[key] = p;
  return p;
}

function fill(p, values) {
  let s = p[0];
  for (let j = 1; j < p.length; j += 2) s += values[p[j]] + p[j + 1];
  return s;
}

/** API.md's Issue from the wasm's fields (src/wire.rs, push_issue): its path and code, its
 * message row, the PG `{pg}` names (an index of PGS) and the `{arg}` values, or null. */
function render(path, code, msg, pgRow, argEn, argKo) {
  const pg = PGS[pgRow];
  const at = path === '' ? 'params' : path;
  const arg = argEn ?? '';
  return {
    path,
    code,
    message: fill(parts(msg, 0), [at, arg, pg === undefined ? 'this PG' : pg[1]]),
    messageKo: fill(parts(msg, 1), [at, argKo ?? arg, pg === undefined ? 'this PG' : pg[2]]),
  };
}

/** An issue from the careful exports (`{ path, code, msg, pg?, arg?, argKo? }`) as API.md's Issue. */
function issue(i) {
  return render(i.path, i.code, i.msg, i.pg, i.arg, i.argKo);
}

/** A CheckResult from the careful exports', its issues rendered. */
function checkResult(r) {
  return { ok: r.ok, provider: r.provider, errors: r.errors.map(issue), warnings: r.warnings.map(issue) };
}

/** The issues of a flat answer `f` (six fields each) from index `from` to `to`, rendered. */
function issuesOf(f, from, to) {
  const out = [];
  for (let k = from; k + 5 < to; k += 6) out.push(render(f[k], f[k + 1], f[k + 2], f[k + 3], f[k + 4], f[k + 5]));
  return out;
}

/** A CheckResult from checkAnswer's flat array (src/wire.rs, check_answer): the provider, the
 * number of errors, then the errors' and the warnings' fields. */
function answerResult(f) {
  const end = 2 + 6 * f[1];
  return { ok: f[1] === 0, provider: f[0], errors: issuesOf(f, 2, end), warnings: issuesOf(f, end, f.length) };
}

/** The message of an `invalid_params` error with these (rendered) errors: Error::message's
 * text (src/error.rs). */
function invalidParamsMessage(errors) {
  const first = errors[0];
  let message = 'invalid request_pay params';
  message += errors.length > 1 ? ` (${errors.length} errors); first: ` : ': ';
  if (first !== undefined) message += `${first.path === '' ? 'params' : first.path}: ${first.message}`;
  return message;
}
// ---- end of messages ----

/** The `invalid_params` error of these rendered issues. */
function invalidParams(issues) {
  return new IamportPayError('invalid_params', invalidParamsMessage(issues), issues);
}

function toError(e) {
  if (e instanceof IamportPayError) return e;
  if (e && typeof e === 'object' && e.__iamportPayError === true) {
    // Only invalid_params has issues; the wasm leaves its message to invalidParams.
    if (e.issues !== undefined) return invalidParams(e.issues.map(issue));
    return new IamportPayError(e.code, e.message);
  }
  return e;
}

const wrapSync = (fn) => (...args) => {
  try {
    return fn(...args);
  } catch (e) {
    throw toError(e);
  }
};
const wrapAsync = (fn) => async (...args) => {
  try {
    return await fn(...args);
  } catch (e) {
    throw toError(e);
  }
};

// ---- one crossing in, one out ----------------------------------------------------------
// checkParams / buildParams write the params' JSON text, as UTF-8, in one walk (the guard
// below), copy the bytes into a wasm buffer (jsonInput) and call checkInput / buildInput,
// which answer with one JSON string (a check without any issue, with the provider's row
// alone). The walk writes the text JSON.stringify would write (the same keys in the same
// order, the same values; an escape may be spelled another way, which the parser reads to the
// same string), and only when JSON keeps exactly what the careful reader (src/js/convert.rs)
// would read: plain objects (prototype Object.prototype or null) and arrays (Array.prototype),
// strings, booleans, null and safe integers (not -0), no toJSON anywhere, no `__proto__` key,
// small enough. Anything else (functions, symbols, BigInt, undefined or holes in arrays, NaN
// and Infinity, fractions, Dates, Maps, class instances, cycles, deep or large input, a lone
// surrogate, a getter or proxy trap that throws) goes to the careful exports, which give
// today's answers.
//
// A proxy cannot be told from its target; it is read like any object, and one whose traps
// throw lands on the careful reader through the catch. Every value is read once. A getter
// that calls checkParams / buildParams while the walk runs gets the careful path for its own
// call (`busy`), so the walk's buffer is never written by two walks at once.
// ---- guard: tests/web_json_guard.rs evaluates this section in Chromium and Firefox ----
const MAX_DEPTH = 16; // a real request nests 3 deep; the reader's own limit is 32
const MAX_NODES = 4096; // a real request has well under 200 values
const MAX_ITEMS = 512; // keys of one object or items of one array
const MAX_TEXT = 256 * 1024; // UTF-16 units of one string (the reader takes up to 16 MiB)
const MAX_BYTES = 3 * MAX_TEXT; // UTF-8 bytes of the whole text (jsonInput's limit)
const OBJECT = Object.prototype;
const ARRAY = Array.prototype;
const { getPrototypeOf } = Object;
const { isArray } = Array;
const { isSafeInteger } = Number;

let out = new Uint8Array(2048); // the text so far: out[0..end]
let end = 0;
let nodes = 0;
let busy = false;
// buildParams' copy (`copying`): the walk also makes a plain copy of what it wrote, `made` for
// the value just written, so the wrapper can return it when wasm answers that the normalized
// params are the params as sent (no coercion, no null to drop). Its objects take the keys in
// sorted order, as the normalized JSON has them; `high` marks a string with a character at or
// above U+D800, where JS's sort (by UTF-16 units) and Rust's (by UTF-8 bytes) can differ, and
// a key with one (`wide`) leaves the copy out.
let copying = false;
let made;
let high = false;
let wide = false;

/** Room for `n` more bytes (the buffer doubles), or false past MAX_BYTES. */
function room(n) {
  const need = end + n;
  if (need <= out.length) return true;
  if (need > MAX_BYTES) return false;
  const grown = new Uint8Array(Math.min(MAX_BYTES, Math.max(need, 2 * out.length)));
  grown.set(out.subarray(0, end));
  out = grown;
  return true;
}

/** Writes ASCII text `t` (a number's digits, true, false, null). */
function ascii(t) {
  if (!room(t.length)) return false;
  for (let i = 0; i < t.length; i++) out[end++] = t.charCodeAt(i);
  return true;
}

/** Writes `s` as a JSON string literal in UTF-8; false for a lone surrogate or past a limit. */
function str(s) {
  const n = s.length;
  // 3 bytes per UTF-16 unit at most, and the quotes; an escape asks for more below.
  if (n > MAX_TEXT || !room(3 * n + 2)) return false;
  let b = out;
  let j = end;
  b[j++] = 34;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 34 && c !== 92) {
        b[j++] = c;
        continue;
      }
      end = j;
      if (!room(3 * (n - i) + 7)) return false;
      b = out;
      b[j++] = 92;
      if (c === 34 || c === 92) {
        b[j++] = c;
      } else {
        // \u00XX for a control character (JSON.stringify spells some as \n, \t, …).
        const lo = c & 15;
        b[j++] = 117;
        b[j++] = 48;
        b[j++] = 48;
        b[j++] = 48 + (c >> 4);
        b[j++] = lo < 10 ? 48 + lo : 87 + lo;
      }
    } else if (c < 0x800) {
      b[j++] = 0xc0 | (c >> 6);
      b[j++] = 0x80 | (c & 63);
    } else if (c < 0xd800 || c >= 0xe000) {
      if (c >= 0xe000) high = true;
      b[j++] = 0xe0 | (c >> 12);
      b[j++] = 0x80 | ((c >> 6) & 63);
      b[j++] = 0x80 | (c & 63);
    } else {
      const d = s.charCodeAt(i + 1);
      if (c >= 0xdc00 || !(d >= 0xdc00 && d < 0xe000)) return false;
      high = true;
      i++;
      c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      b[j++] = 0xf0 | (c >> 18);
      b[j++] = 0x80 | ((c >> 12) & 63);
      b[j++] = 0x80 | ((c >> 6) & 63);
      b[j++] = 0x80 | (c & 63);
    }
  }
  b[j++] = 34;
  end = j;
  return true;
}

/** Writes `v`'s JSON text; false when JSON would not keep what the reader reads. */
function put(v, depth) {
  nodes += 1;
  made = v;
  switch (typeof v) {
    case 'string':
      return str(v);
    case 'boolean':
      return ascii(v ? 'true' : 'false');
    case 'number':
      return isSafeInteger(v) && (v !== 0 || 1 / v > 0) && ascii('' + v);
    case 'object':
      break;
    default:
      return false;
  }
  if (v === null) return ascii('null');
  if (depth > MAX_DEPTH || nodes > MAX_NODES || 'toJSON' in v) return false;
  const proto = getPrototypeOf(v);
  if (isArray(v)) {
    const len = v.length;
    if (proto !== ARRAY || !(len <= MAX_ITEMS) || !room(1)) return false;
    out[end++] = 91;
    const a = copying ? [] : null;
    for (let i = 0; i < len; i++) {
      const item = v[i];
      if (item === undefined) return false;
      if (i > 0) {
        if (!room(1)) return false;
        out[end++] = 44;
      }
      if (!put(item, depth + 1)) return false;
      if (a !== null) a.push(made);
    }
    if (!room(1)) return false;
    out[end++] = 93;
    made = a;
    return true;
  }
  if (proto !== OBJECT && proto !== null) return false;
  if (!room(1)) return false;
  out[end++] = 123;
  // for-in, not Object.keys: V8 reads `v[k]` through the enum cache (a third faster). With
  // the prototype Object.prototype or null and Object.prototype without an enumerable key
  // (asJson checks), it visits exactly the own enumerable string keys, in the same order.
  let count = 0;
  let first = true;
  // The copy's entries wait on two shared stacks (this object's from `from` on) to be sorted.
  const from = stackTop;
  for (const k in v) {
    if (++count > MAX_ITEMS || k === '__proto__') return false;
    const item = v[k];
    // JSON.stringify leaves the key out, and so does the reader.
    if (item === undefined) continue;
    if (!first) {
      if (!room(1)) return false;
      out[end++] = 44;
    }
    first = false;
    high = false;
    if (!str(k) || !room(1)) return false;
    if (high) wide = true;
    out[end++] = 58;
    if (!put(item, depth + 1)) return false;
    if (copying) {
      keyStack[stackTop] = k;
      valueStack[stackTop] = made;
      stackTop += 1;
    }
  }
  if (!room(1)) return false;
  out[end++] = 125;
  if (copying) made = sortedCopy(from);
  return true;
}

// Slots below `stackTop` are in use (indices, not push and a shorter length: shrinking an
// array's length costs V8 more than the sort); a slot is cleared when its object is made.
const keyStack = [];
const valueStack = [];
let stackTop = 0;

/** The object of the entries on the stacks from `from` on, its keys in sorted order (JS's
 * `<`: by UTF-16 units), which it takes off the stacks. */
function sortedCopy(from) {
  const ks = keyStack;
  const vs = valueStack;
  const n = stackTop;
  // Insertion sort: an object has a handful of keys (at most MAX_ITEMS).
  for (let i = from + 1; i < n; i++) {
    const k = ks[i];
    const x = vs[i];
    let j = i - 1;
    while (j >= from && ks[j] > k) {
      ks[j + 1] = ks[j];
      vs[j + 1] = vs[j];
      j--;
    }
    ks[j + 1] = k;
    vs[j + 1] = x;
  }
  const o = {};
  for (let i = from; i < n; i++) {
    o[ks[i]] = vs[i];
    ks[i] = undefined;
    vs[i] = undefined;
  }
  stackTop = from;
  return o;
}

/** Whether Object.prototype has an enumerable key (for-in would visit it on every object). */
function polluted() {
  for (const _ in OBJECT) return true;
  return false;
}

/** `[UTF-8 bytes of the JSON text, provider, flags, copy]` for checkInput / buildInput, or
 * undefined for the careful path. The bytes are a view of the walk's buffer, good until the
 * next call; `copy` (only when `copy` is asked for, and not for a key at or above U+D800) is
 * the walk's plain copy of the params. */
function asJson(params, options, copy) {
  if (busy) return undefined;
  busy = true;
  try {
    end = 0;
    nodes = 0;
    copying = copy === true;
    wide = false;
    if (polluted() || !put(params, 0)) return undefined;
    const kept = copying && !wide ? made : undefined;
    // The options the careful reader reads (src/js/mod.rs, read_options).
    let provider;
    let flags = 0;
    if (typeof options === 'object' && options !== null) {
      const p = options.provider;
      if (typeof p === 'string') provider = p;
      if (options.mobile === true) flags |= 1;
      if (options.webview === true) flags |= 2;
    }
    return [out.subarray(0, end), provider, flags, kept];
  } catch {
    return undefined;
  } finally {
    busy = false;
    copying = false;
    made = undefined;
    // A walk that stopped early leaves entries on the stacks.
    for (let i = 0; i < stackTop; i++) {
      keyStack[i] = undefined;
      valueStack[i] = undefined;
    }
    stackTop = 0;
  }
}

// ---- end of guard ----

// The bytes go into a buffer in wasm memory (src/js/mod.rs, jsonInput) in one copy: for Korean
// text, TextEncoder.encodeInto (what wasm-bindgen's string passing uses) takes about twice as
// long in Chromium as the walk's own UTF-8 loop.
let wasmExports;
let memory = new Uint8Array(0);

/** Copies the walk's bytes into the wasm input buffer: their length, or -1 (refused buffer). */
function send(bytes) {
  const at = bindings.jsonInput(bytes.length);
  if (at === 0) return -1;
  if (memory.buffer !== wasmExports.memory.buffer) memory = new Uint8Array(wasmExports.memory.buffer);
  memory.set(bytes, at);
  return bytes.length;
}

/** `checkParams(params, options?) -> CheckResult`. Never throws on bad input. */
export function checkParams(params, options) {
  const json = asJson(params, options);
  const len = json === undefined ? -1 : send(json[0]);
  if (len >= 0) {
    // A number: no issue at all (the provider's row + 1, or 0), or -2: the answer has issues.
    const clean = bindings.checkInput(len, json[1], json[2]);
    if (clean >= 0) return { ok: true, provider: clean === 0 ? null : PGS[clean - 1][0], errors: [], warnings: [] };
    if (clean === -2) return answerResult(JSON.parse(bindings.checkAnswer()));
  }
  return checkResult(bindings.checkParams(params, options));
}

/** `buildParams(params, options?)`: the normalized params; throws `invalid_params`. */
export function buildParams(params, options) {
  const json = asJson(params, options, true);
  const len = json === undefined ? -1 : send(json[0]);
  if (len >= 0) {
    // Flag 4 (src/wire.rs, FLAG_SAME): the walk kept a copy. buildInput answers 1 when the
    // copy is the normalized params, -2 when the answer waits in checkAnswer (src/js/mod.rs).
    const copy = json[3];
    const answer = bindings.buildInput(len, json[1], json[2] | (copy === undefined ? 0 : 4));
    if (answer === 1) return copy;
    if (answer === -2) {
      const r = JSON.parse(bindings.checkAnswer());
      if (r.error !== undefined) throw invalidParams(issuesOf(r.error, 0, r.error.length));
      return r.params;
    }
  }
  try {
    return bindings.buildParams(params, options);
  } catch (e) {
    throw toError(e);
  }
}

export const loadIamport = wrapAsync(bindings.loadIamport);
export const requestPay = wrapAsync(bindings.requestPay);
// The result comes back as one JSON string (src/js/runtime.rs, parse_redirect_json).
export const parseRedirect = wrapSync((input) => JSON.parse(bindings.parseRedirectJson(input)));
export const takePendingOrder = wrapSync(bindings.takePendingOrder);
export const version = bindings.version;

wasmExports = await init({ module_or_path: new URL('../pkg/iamport_pay_bg.wasm', import.meta.url) });
