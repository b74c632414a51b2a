// `iamport-pay/redirect` for the m_redirect_url landing page: parseRedirect and
// takePendingOrder only. The wasm is the same Rust code as the main entry's, built with the
// `npm-redirect` feature (scripts/build.sh): instead of wasm-bindgen's exports it has a small
// C ABI (src/js/redirect_abi.rs) and imports nothing, so this file is its whole loader. Text
// crosses as UTF-8 through a buffer in wasm memory, answers come back as JSON text, and every
// decision and message is Rust's; this side only reads the browser (location, sessionStorage)
// and passes what it read. Browsers and bundlers get pkg/redirect.js (this file without its
// comments); the wasm is fetched next to it and instantiated with top-level await. Node gets
// redirect-node.js instead.

const BRAND = Symbol.for('iamport-pay.IamportPayError');

/** An error from iamport-pay; the same class as the main entry's (index.js). */
export class IamportPayError extends Error {
  constructor(code, message, issues) {
    super(message);
    this.name = 'IamportPayError';
    this.code = code;
    if (issues !== undefined) this.issues = issues;
  }

  // index.js has its own copy of this class: either one's `instanceof` accepts both.
  static [Symbol.hasInstance](e) {
    return e !== null && typeof e === 'object' && e[BRAND] === true;
  }
}
Object.defineProperty(IamportPayError.prototype, BRAND, { value: true });

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

const response = await fetch(new URL('../pkg/iamport_pay_redirect_bg.wasm', import.meta.url));
// Streaming compiles while the bytes arrive; it needs the application/wasm MIME type.
const { instance } = /^application\/wasm\b/.test(response.headers.get('Content-Type') || '')
  ? await WebAssembly.instantiateStreaming(response, {})
  : await WebAssembly.instantiate(await response.arrayBuffer(), {});
const { memory, rd_input, rd_error, rd_parse, rd_key, rd_take } = instance.exports;

// What rd_error answers for (src/js/redirect_abi.rs).
const NO_WINDOW_REDIRECT = 1;
const BAD_REDIRECT_INPUT = 2;
const NO_WINDOW_PENDING = 3;
const REDIRECT_TOO_LARGE = 4;

// Writes `texts` into the input buffer as UTF-8 (a lone surrogate becomes U+FFFD, as
// wasm-bindgen's strings do), with a 0xFF byte (which UTF-8 never holds) between two; the
// length in bytes, or -1 past the buffer's limit (16 MiB: room for 3 bytes a UTF-16 unit).
function put(texts) {
  const room = texts.reduce((n, t) => n + t.length * 3 + 1, 0);
  const at = rd_input(room);
  if (!at) return -1;
  const view = new Uint8Array(memory.buffer, at, room);
  let n = 0;
  texts.forEach((t, i) => {
    if (i) view[n++] = 0xff;
    n += encoder.encodeInto(t, view.subarray(n)).written;
  });
  return n;
}

// The answer at `at`: JSON text ended by a NUL byte. An error answer is thrown.
function answer(at) {
  const bytes = new Uint8Array(memory.buffer, at);
  const a = JSON.parse(decoder.decode(bytes.subarray(0, bytes.indexOf(0))));
  if (a !== null && a.error) throw new IamportPayError(a.error.code, a.error.message);
  return a;
}

/** `parseRedirect(input?: string | URL | Location): RedirectResult`. */
export function parseRedirect(input) {
  let text;
  if (input === undefined || input === null) {
    if (typeof window === 'undefined') return answer(rd_error(NO_WINDOW_REDIRECT));
    text = String(window.location.href);
  } else if (typeof input === 'string') {
    text = input;
  } else {
    // A URL or a Location: both expose the whole URL as `href`.
    let href;
    try {
      if (typeof input === 'object') href = Reflect.get(input, 'href');
    } catch {
      // A throwing getter reads as no href, as in the main entry.
    }
    if (typeof href !== 'string') return answer(rd_error(BAD_REDIRECT_INPUT));
    text = href;
  }
  const n = put([text]);
  return answer(n < 0 ? rd_error(REDIRECT_TOO_LARGE) : rd_parse(n));
}

/** `takePendingOrder(merchantUid): PendingOrder | null`. */
export function takePendingOrder(merchantUid) {
  if (typeof merchantUid !== 'string') return null;
  if (typeof window === 'undefined') return answer(rd_error(NO_WINDOW_PENDING));
  let storage;
  try {
    storage = window.sessionStorage;
  } catch {
    return null;
  }
  if (!storage) return null;
  const n = put([merchantUid]);
  if (n < 0) return null;
  const key = answer(rd_key(n));
  let raw;
  try {
    raw = storage.getItem(key);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    storage.removeItem(key);
  } catch {
    // Taken or not, the order is answered once (the main entry ignores this error too).
  }
  let stored;
  try {
    stored = JSON.parse(raw);
  } catch {
    return null;
  }
  // Rust decides on the top level (rd_take in src/js/redirect_abi.rs): the merchant_uid,
  // then each key and its value as what the order's fields tell apart. `customData`, which
  // may hold floats, stays here and goes back on the order as stored.
  const pieces = [merchantUid];
  let custom = false;
  for (const [k, v] of stored !== null && typeof stored === 'object' ? Object.entries(stored) : []) {
    if (k === 'customData') custom = v !== null;
    pieces.push(k, k === 'customData' ? 'x'
      : typeof v === 'string' ? `s${v}`
        : v === null ? 'n'
          : typeof v === 'boolean' ? (v ? 't' : 'f')
            : Number.isSafeInteger(v) && v >= 0 ? `u${v}` : 'x');
  }
  const len = put(pieces);
  if (len < 0) return null;
  const order = answer(rd_take(len, Date.now(), custom ? 1 : 0));
  if (order !== null && custom) order.customData = stored.customData;
  return order;
}
