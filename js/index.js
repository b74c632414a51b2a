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

function toError(e) {
  if (e instanceof IamportPayError) return e;
  if (e && typeof e === 'object' && e.__iamportPayError === true) {
    return new IamportPayError(e.code, e.message, e.issues);
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
// checkParams / buildParams serialize the params once with JSON.stringify and hand the text to
// wasm (checkInput / buildInput), which answers with one JSON string. Only when the guard below
// says JSON keeps exactly what the careful reader (src/js/convert.rs) would read: plain
// objects (prototype Object.prototype or null) and arrays (Array.prototype), strings,
// booleans, null and safe integers (not -0), no toJSON anywhere, no `__proto__` key, small
// enough. Anything else (functions, symbols, BigInt, undefined or holes in arrays, NaN and
// Infinity, fractions, Dates, Maps, class instances, cycles, deep or large input, a getter
// or proxy trap that throws) goes to the careful exports, which give today's answers.
//
// A proxy cannot be told from its target; it is read like any object, and one whose traps
// throw lands on the careful reader through the catch. An accessor (or a proxy) is read by
// the guard and again by JSON.stringify: one whose value changes from read to read can be
// checked on either value.
// ---- guard: tests/web_json_guard.rs evaluates this section in Chromium and Firefox ----
const MAX_DEPTH = 16; // a real request nests 3 deep; the reader's own limit is 32
const MAX_NODES = 4096; // a real request has well under 200 values
const MAX_ITEMS = 512; // keys of one object or items of one array
const MAX_TEXT = 256 * 1024; // UTF-16 units of JSON text (the reader takes up to 16 MiB)
const OBJECT = Object.prototype;
const ARRAY = Array.prototype;
const { getPrototypeOf, keys } = Object;
const { isArray } = Array;
const { isSafeInteger } = Number;

/** How many values `v` holds, or -1 when JSON would not keep what the reader reads. */
function walk(v, depth, n) {
  if (typeof v !== 'object' || v === null) {
    const ok = (typeof v === 'string' && v.length <= MAX_TEXT) || typeof v === 'boolean' || v === null
      || (typeof v === 'number' && isSafeInteger(v) && (v !== 0 || 1 / v > 0));
    return ok ? n + 1 : -1;
  }
  if (depth > MAX_DEPTH || n > MAX_NODES || 'toJSON' in v) return -1;
  const proto = getPrototypeOf(v);
  n += 1;
  if (isArray(v)) {
    if (proto !== ARRAY) return -1;
    const len = v.length;
    if (!(len <= MAX_ITEMS)) return -1;
    for (let i = 0; i < len; i++) {
      const item = v[i];
      if (item === undefined) return -1;
      n = walk(item, depth + 1, n);
      if (n < 0) return -1;
    }
    return n;
  }
  if (proto !== OBJECT && proto !== null) return -1;
  const ks = keys(v);
  if (ks.length > MAX_ITEMS) return -1;
  for (let i = 0; i < ks.length; i++) {
    const k = ks[i];
    if (k === '__proto__') return -1;
    const item = v[k];
    // JSON.stringify leaves the key out, and so does the reader.
    if (item === undefined) continue;
    n = walk(item, depth + 1, n);
    if (n < 0) return -1;
  }
  return n;
}

/** `[text, provider, flags]` for checkInput / buildInput, or undefined for the careful path. */
function asJson(params, options) {
  try {
    if (walk(params, 0, 0) < 0) return undefined;
    const text = JSON.stringify(params);
    if (typeof text !== 'string' || text.length > MAX_TEXT) return undefined;
    // The options the careful reader reads (src/js/mod.rs, read_options).
    let provider;
    let flags = 0;
    if (typeof options === 'object' && options !== null) {
      const p = options.provider;
      if (typeof p === 'string') provider = p;
      if (options.mobile === true) flags |= 1;
      if (options.webview === true) flags |= 2;
    }
    return [text, provider, flags];
  } catch {
    return undefined;
  }
}

// ---- end of guard ----

// The text goes in as UTF-8 that this loop writes straight into a buffer in wasm memory
// (src/js/mod.rs, jsonInput): for Korean text, TextEncoder.encodeInto (what wasm-bindgen's
// string passing uses) takes about twice as long in Chromium.
let wasmExports;
let bytes = new Uint8Array(0);

/** Writes `text` as UTF-8 into the wasm input buffer: its length, or -1 (refused buffer, or a
 * lone surrogate, which JSON.stringify never leaves unescaped). */
function send(text) {
  const n = text.length;
  const at = bindings.jsonInput(n * 3);
  if (at === 0) return -1;
  if (bytes.buffer !== wasmExports.memory.buffer) bytes = new Uint8Array(wasmExports.memory.buffer);
  const b = bytes;
  let j = at;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      b[j++] = c;
    } else if (c < 0x800) {
      b[j++] = 0xc0 | (c >> 6);
      b[j++] = 0x80 | (c & 63);
    } else if (c < 0xd800 || c >= 0xe000) {
      b[j++] = 0xe0 | (c >> 12);
      b[j++] = 0x80 | ((c >> 6) & 63);
      b[j++] = 0x80 | (c & 63);
    } else {
      const d = text.charCodeAt(i + 1);
      if (c >= 0xdc00 || !(d >= 0xdc00 && d < 0xe000)) return -1;
      i++;
      c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      b[j++] = 0xf0 | (c >> 18);
      b[j++] = 0x80 | ((c >> 12) & 63);
      b[j++] = 0x80 | ((c >> 6) & 63);
      b[j++] = 0x80 | (c & 63);
    }
  }
  return j - at;
}

/** `checkParams(params, options?) -> CheckResult`. Never throws on bad input. */
export function checkParams(params, options) {
  const json = asJson(params, options);
  const len = json === undefined ? -1 : send(json[0]);
  if (len >= 0) {
    const out = bindings.checkInput(len, json[1], json[2]);
    if (out !== '') return JSON.parse(out);
  }
  return bindings.checkParams(params, options);
}

/** `buildParams(params, options?)`: the normalized params; throws `invalid_params`. */
export function buildParams(params, options) {
  const json = asJson(params, options);
  const len = json === undefined ? -1 : send(json[0]);
  if (len >= 0) {
    const out = bindings.buildInput(len, json[1], json[2]);
    if (out !== '') {
      const r = JSON.parse(out);
      if (r.error !== undefined) throw new IamportPayError(r.error.code, r.error.message, r.error.issues);
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
