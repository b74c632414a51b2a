// iamport-pay: the browser runtime's JavaScript half, the one implementation behind
// `loadIamport` and `requestPay`: the PortOne SDK loader, the `merchant_uid` lock and each
// request's flow (its callback, late results, navigation). src/js/runtime.rs imports it as a
// wasm-bindgen snippet, so the npm package (scripts/entry.mjs folds it into pkg/index.js) and
// a Rust app (wasm-bindgen copies it into its snippets/) run this same code. Rust keeps the
// check, the pending order's format and the typed API (`request_pay` is a Future over the
// Promise `Request.go` returns). The loader was Rust until issue 14's seventh round, the
// request flow until its eighth; as JS they cost a fraction of the wasm they replaced.
//
// The loader (API.md, "loadIamport"; tests/web_runtime.rs drives every case through the
// Rust API in Chromium and Firefox):
// - one load per URL at a time, shared by every concurrent caller; each caller waits for its
//   own timeout only, and the load itself gives up at the latest caller's deadline, so it
//   always settles and a caller that gives up never strands the others;
// - a `<script>` already on the page for the URL is reused unless it is finished (it failed,
//   or ran without defining IMP): then a fresh tag goes next to it;
// - an SDK that throws while it runs is `sdk_load_failed` even though its `load` fires;
// - `IMP.init` is called once per (IMP object, user code): PortOne warns against calling it
//   twice (auth-payment-flow.mdx, "SDK 초기화하기").
// The request flow: see "requestPay" below.
// It touches `window` only when called, so Node can import the module that imports it.

// The attribute set on a page's tag we watched finish without an IMP.
const FINISHED = 'data-iamport-pay-finished';
// setTimeout's largest delay; a longer one fires at once.
const MAX_DELAY = 2147483647;
const LOAD_FAILED = 'sdk_load_failed';
const TIMEOUT = 'sdk_timeout';
const LOADED = 1;
const FAILED = 2;
const TIMED_OUT = 3;
// The page's `load` fired while we waited on a tag the page had: that tag is finished.
const PAGE_LOADED = 4;

// The load in flight: { url, deadline (Date.now() ms, pushed back by later callers), done }.
let shared = null;
// [IMP, userCode] of the last IMP.init we made.
let inited = null;

const fail = (code, message) => Object.assign(new Error(message), { code });

/** What a thrown value says: itself if a string, else its string `message`. */
function messageOf(e) {
  try {
    if (typeof e === 'string') return e;
    const object = (e !== null && typeof e === 'object') || typeof e === 'function';
    if (object && typeof e.message === 'string') return e.message;
  } catch {
    // a throwing `message` getter
  }
  return 'unknown error';
}

/** `window.IMP` when it looks like the SDK (an object with a `request_pay` function). */
export function currentImp() {
  try {
    const imp = window.IMP;
    return imp !== null && typeof imp === 'object' && typeof imp.request_pay === 'function'
      ? imp
      : undefined;
  } catch {
    return undefined;
  }
}

/** `imp.init(userCode)`, unless this IMP was initialized with this code already. */
function initImp(imp, userCode) {
  if (inited && inited[0] === imp && inited[1] === userCode) return;
  try {
    imp.init(userCode);
  } catch (e) {
    throw fail(LOAD_FAILED, 'IMP.init threw: ' + messageOf(e));
  }
  inited = [imp, userCode];
}

/**
 * Loads the script at `url` (made absolute against the page) and settles when it defined
 * `window.IMP`, or rejects with an Error whose `code` is `sdk_load_failed` or `sdk_timeout`.
 */
function loadSdk(url, timeoutMs) {
  try {
    url = new URL(url, location.href).href;
  } catch {
    // kept as given; the browser reports it
  }
  const deadline = Date.now() + timeoutMs;
  let load = shared;
  if (load && load.url === url) {
    load.deadline = Math.max(load.deadline, deadline);
  } else {
    load = shared = { url, deadline, done: null };
    // Settled: the next caller with no IMP starts over (a retry after an error).
    load.done = injectAndWait(load).finally(() => {
      if (shared === load) shared = null;
    });
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (currentImp()) resolve();
      else reject(fail(TIMEOUT, `window.IMP did not appear within ${timeoutMs} ms (${url})`));
    }, Math.min(timeoutMs, MAX_DELAY));
    load.done.then(
      () => (clearTimeout(timer), resolve()),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

function newScript(url) {
  const s = document.createElement('script');
  s.src = url;
  s.async = true;
  const parent = document.head || document.documentElement;
  if (!parent) throw fail(LOAD_FAILED, 'the page has no root element');
  try {
    parent.appendChild(s);
  } catch (e) {
    throw fail(LOAD_FAILED, messageOf(e));
  }
  return s;
}

// Whether `script` (on the page, with no IMP defined) is done for good, so waiting for its
// `load` or `error` would wait forever. A tag whose events already fired cannot be asked;
// any one of these says it is over: we marked it; the browser recorded a finished fetch of
// its URL (Chromium and Firefox record 404s too); or it is a JavaScript tag and the document
// finished loading (`complete` comes only after every script inserted before `load` ran or
// failed, which covers a network error too). A tag of another `type` is never fetched: it
// counts as pending, and the caller's timeout decides.
function finished(script, url) {
  if (script.hasAttribute(FINISHED)) return true;
  const type = script.type.toLowerCase();
  if (!(type === '' || type.includes('javascript') || type === 'module')) return false;
  try {
    if (performance.getEntriesByName(url, 'resource').length > 0) return true;
  } catch {
    // no Performance API
  }
  return document.readyState === 'complete';
}

// Waits for the tag's `load` or `error`, the page's `load` (for a tag the page had), or the
// shared deadline (looked at again when it passes: a later caller may have pushed it back).
// Also notes an uncaught error from the script's URL while it ran (an SDK that throws at top
// level still fires `load`, but is broken). Listeners and the timer go when it settles.
function wait(script, load, pagesTag) {
  return new Promise((resolve) => {
    const stop = new AbortController();
    const on = { signal: stop.signal };
    let threw = null;
    let timer;
    const done = (outcome) => {
      clearTimeout(timer);
      stop.abort();
      resolve([outcome, threw]);
    };
    script.addEventListener('load', () => done(LOADED), on);
    script.addEventListener('error', () => done(FAILED), on);
    if (pagesTag && document.readyState !== 'complete') {
      window.addEventListener('load', () => done(PAGE_LOADED), on);
    }
    window.addEventListener(
      'error',
      (event) => {
        const file = typeof event.filename === 'string' ? event.filename : '';
        const message = typeof event.message === 'string' ? event.message : '';
        // A cross-origin script without CORS reports a muted "Script error." with no file.
        if (file === load.url || (file === '' && message.startsWith('Script error'))) {
          threw ??= message;
        }
      },
      on,
    );
    const tick = () => {
      const remaining = load.deadline - Date.now();
      if (remaining <= 0) done(TIMED_OUT);
      else timer = setTimeout(tick, Math.min(Math.ceil(remaining), MAX_DELAY));
    };
    tick();
  });
}

async function injectAndWait(load) {
  const { url } = load;
  let script = null;
  for (const s of document.getElementsByTagName('script')) {
    if (s.src === url) {
      script = s;
      break;
    }
  }
  let ours = !script || finished(script, url);
  if (ours) script = newScript(url);
  let [outcome, threw] = await wait(script, load, !ours);
  if (currentImp()) return;
  if (outcome === PAGE_LOADED) {
    // The page's tag finished before we could see how: it failed. Once more, fresh.
    script.setAttribute(FINISHED, '');
    script = newScript(url);
    ours = true;
    [outcome, threw] = await wait(script, load, false);
    if (currentImp()) return;
  }
  // A failed tag of ours would only be "reused" by the retry; take it out.
  if (ours) script.remove();
  else if (outcome !== TIMED_OUT) script.setAttribute(FINISHED, '');
  if (outcome === FAILED) throw fail(LOAD_FAILED, `the PortOne SDK failed to load from ${url}`);
  if (outcome === LOADED && threw !== null) {
    throw fail(LOAD_FAILED, `the PortOne SDK from ${url} threw while running: ${threw}`);
  }
  if (outcome === LOADED) throw fail(TIMEOUT, `${url} loaded but did not define window.IMP`);
  throw fail(TIMEOUT, `window.IMP did not appear in time (${url})`);
}

// ---- requestPay: the merchant_uid lock, the request's flow, late results --------------------
//
// - The lock is taken synchronously when a request is made (`claimOrder`), so two calls in
//   one tick cannot both pass. While the SDK loads (LOADING) a failure or `cancel()` frees
//   it; once `IMP.request_pay` was called (OPEN), only the SDK's callback or a navigation
//   does: the window may be open.
// - The request settles with the first callback that names its order. `IMP.request_pay`
//   throwing, or a promise it returned rejecting, settles it with `payment_state_unknown`
//   and keeps the order locked (UNKNOWN), as does Back from the PG page in redirect mode.
// - A callback that does not settle its request and is not a repeat of the result it settled
//   with is a late result: `console.warn`, the window event LATE_EVENT, and the Rust hook.
// - A navigation (`pagehide`; `pageshow` from the back-forward cache) frees every order in
//   redirect mode, or in the unknown state; on `pageshow` a redirect request still waiting
//   settles with `payment_state_unknown`, so the page is never left waiting.
// What a callback says (its merchant_uid, imp_uid and success) is read by Rust (`normalize`,
// src/js/runtime.rs), the one reader of a PortOne response.

const LOADING = 0;
const OPEN = 1;
const UNKNOWN = 2;
// The name src/js/runtime.rs (LATE_RESULT_EVENT) and js/index.js export: tests/web_runtime.rs
// and tests/e2e/bfcache.test.mjs listen by those names for what this dispatches.
const LATE_EVENT = 'iamport-pay:late-result';
// Why a callback is late, by the index of src/js/runtime.rs LateReason.
const DIFFERS = 0;
const AFTER_REJECTION = 1;
const OTHER_ORDER = 2;
const AFTER_DROP = 3;
const WHY = [
  'it differs from the result requestPay already returned',
  'it arrived after requestPay rejected with payment_state_unknown',
  'it names another merchant_uid than the request',
  'it arrived after the request_pay future was dropped',
];
const CHECK_SERVER = 'check the payment on your server (GET /payments/find/{merchant_uid})';

// The locked orders (each a Request), and the requests that may still settle.
const locked = [];
const waiting = [];
let listening = false;
// The Rust late-result hook: (copy, requestedMerchantUid, reason) => void.
let lateHook = null;

/** An error for js/index.js (IamportPayError) and src/js/runtime.rs (`Error`). */
const payError = (code, message) => ({ code, message, __iamportPayError: true });
const drop = (list, item) => {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
};

/** Installs the Rust late-result hook (once, when the first Rust hook registers). */
export function setLateHook(hook) {
  lateHook = hook;
}

/**
 * Locks `merchantUid` for a new request (`redirect`: the payment redirects, mobile), or
 * throws `duplicate_request` while a request for it is locked.
 */
export function claimOrder(merchantUid, redirect) {
  listen();
  const held = locked.find((r) => r.uid === merchantUid);
  if (held !== undefined) {
    const why = held.stage === UNKNOWN ? ` and its state is unknown: ${CHECK_SERVER} before paying again` : '';
    throw payError('duplicate_request', `a payment for merchant_uid "${merchantUid}" is still open${why}`);
  }
  const request = new Request(merchantUid, redirect);
  locked.push(request);
  return request;
}

// `IMP`, loaded (unless it is there) and initialized with `userCode` (when given), to
// `onImp`; a loader error, as a payError, to `onError`. With IMP there, `onImp` runs now:
// `IMP.request_pay` is then called in the task of the buyer's click.
function withImp(userCode, url, timeoutMs, onImp, onError) {
  const loaderError = (e) => payError(e && e.code === TIMEOUT ? TIMEOUT : LOAD_FAILED, messageOf(e));
  const imp = currentImp();
  if (imp !== undefined) {
    try {
      if (userCode) initImp(imp, userCode);
    } catch (e) {
      onError(loaderError(e));
      return;
    }
    onImp(imp);
    return;
  }
  if (!userCode) {
    // Rust asks for a user code when there was no IMP; this one went in the meantime.
    onError(payError(LOAD_FAILED, 'window.IMP went away before the SDK was called, and without userCode it cannot be loaded'));
    return;
  }
  loadSdk(url, timeoutMs)
    .then(() => {
      const loaded = currentImp();
      if (loaded === undefined) throw fail(TIMEOUT, 'window.IMP disappeared after loading');
      initImp(loaded, userCode);
      return loaded;
    })
    .then(onImp, (e) => onError(loaderError(e)));
}

/** Loads (unless `window.IMP` is there) and initializes the SDK; rejects with a payError. */
export function loadImp(userCode, url, timeoutMs) {
  return new Promise((resolve, reject) => withImp(userCode, url, timeoutMs, () => resolve(), reject));
}

class Request {
  constructor(uid, redirect) {
    this.uid = uid;
    this.redirect = redirect;
    this.stage = LOADING;
    // Settled: resolved or rejected; later callbacks are compared with `first`.
    this.settled = false;
    // It rejected with payment_state_unknown.
    this.rejected = false;
    // Its Rust future was dropped while the window may be open.
    this.abandoned = false;
    // Its Rust future was dropped while the SDK was loading: nothing opens.
    this.cancelled = false;
    // [imp_uid, success] of the result it settled with (or of the last late one after a
    // rejection): what makes two callbacks "the same result".
    this.first = null;
    this.resolve = null;
    this.reject = null;
  }

  /**
   * Loads the SDK unless it is there, saves the pending order (`pendingKey` ''
   * saves nothing), calls `IMP.request_pay(params, callback)` and settles with the first
   * callback for the order: `normalize(response, merchantUid)`'s `[out, copy, merchant_uid,
   * imp_uid, success]`. Rejects with a payError (a loader error, or payment_state_unknown).
   * Call it once.
   *
   * `rust`: for a Rust future that is being polled: it opens now and settles with the whole
   * array. Otherwise (the `requestPay` export) it opens in a microtask, after `requestPay`
   * returned, so every call in one tick meets the lock before the SDK is called (an SDK that
   * answers synchronously cannot free it in between), and settles with `out`. Either way,
   * with IMP on the page the window opens in the task of the buyer's click.
   */
  go(params, userCode, url, timeoutMs, pendingKey, pendingText, normalize, rust) {
    return new Promise((resolve, reject) => {
      this.resolve = (n) => resolve(rust ? n : n[0]);
      this.reject = reject;
      const run = () => withImp(
        userCode,
        url,
        timeoutMs,
        (imp) => this.open(imp, params, pendingKey, pendingText, normalize),
        (e) => {
          if (this.cancelled) return;
          drop(locked, this);
          reject(e);
        },
      );
      if (rust) run();
      else queueMicrotask(run);
    });
  }

  /** The Rust future was dropped: frees a loading order; an open one stays locked. */
  cancel() {
    if (this.stage === LOADING) {
      this.cancelled = true;
      drop(locked, this);
    } else if (!this.settled) {
      this.abandoned = true;
      drop(waiting, this);
    }
  }

  open(imp, params, pendingKey, pendingText, normalize) {
    if (this.cancelled) return;
    if (pendingKey !== '') {
      // Best effort: a browser that refuses storage does not block the payment.
      try {
        window.sessionStorage.setItem(pendingKey, pendingText);
      } catch {
        // private-mode quota, a sandboxed frame
      }
    }
    // From here on a window may open: only a callback or a navigation frees the order.
    this.stage = OPEN;
    waiting.push(this);
    let returned;
    try {
      returned = imp.request_pay(params, (response) => this.answer(normalize(response, this.uid)));
    } catch (e) {
      this.unknown(`IMP.request_pay threw (${messageOf(e)})`);
      return;
    }
    // A newer SDK may return a Promise: its rejection means the window's state is unknown.
    if (returned === null || typeof returned !== 'object') return;
    let then;
    try {
      then = returned.then;
    } catch {
      return;
    }
    if (typeof then !== 'function') return;
    try {
      then.call(returned, undefined, (e) => {
        this.unknown(`the promise IMP.request_pay returned rejected (${messageOf(e)})`);
      });
    } catch {
      this.unknown('IMP.request_pay returned a broken promise');
    }
  }

  // Every call the SDK makes to the callback, with what `normalize` read from it.
  answer(n) {
    const key = [n[3], n[4]];
    if (n[2] !== this.uid) {
      announce(n, this.uid, OTHER_ORDER);
      return;
    }
    const settles = !this.settled && !this.abandoned;
    let reason = -1;
    if (settles) {
      this.settled = true;
      this.first = key;
      drop(waiting, this);
    } else if (this.first === null || this.first[0] !== key[0] || this.first[1] !== key[1]) {
      reason = this.abandoned && !this.settled ? AFTER_DROP : this.rejected ? AFTER_REJECTION : DIFFERS;
      if (this.first === null) this.first = key;
    }
    // Any own callback answers the window: the order is free again.
    drop(locked, this);
    if (settles) this.resolve(n);
    else if (reason >= 0) announce(n, this.uid, reason);
  }

  // The window may be open or the payment may have happened: rejects with
  // payment_state_unknown and keeps the order locked (until a callback or a navigation).
  unknown(message) {
    if (this.settled) return;
    this.settled = true;
    this.rejected = true;
    this.stage = UNKNOWN;
    drop(waiting, this);
    // A dropped Rust future listens no more.
    if (this.abandoned) return;
    this.reject(payError(
      'payment_state_unknown',
      `${message}. The payment window for merchant_uid "${this.uid}" may be open or the payment `
        + 'may have gone through: check it on your server (GET /payments/find/{merchant_uid}) '
        + 'before trying again. The order stays locked until the SDK calls back or the page '
        + `navigates; a later callback is dispatched as "${LATE_EVENT}".`,
    ));
  }
}

// Announces a late result: console.warn, the window event, the Rust hook. Nothing here
// throws into the SDK (an event listener's exception is reported by the browser).
function announce(n, requested, reason) {
  try {
    console.warn(
      `iamport-pay: a late payment result for merchant_uid "${n[2]}" (imp_uid ${n[3] ?? 'none'}): `
        + `${WHY[reason]}. It is unverified; check it on your server. It is also dispatched as the `
        + `window event "${LATE_EVENT}".`,
      n[0],
    );
  } catch {
    // a replaced console
  }
  try {
    window.dispatchEvent(new CustomEvent(LATE_EVENT, { detail: n[0] }));
  } catch {
    // a replaced CustomEvent
  }
  if (lateHook !== null) {
    try {
      lateHook(n[1], requested, reason);
    } catch {
      // a Rust hook that panicked
    }
  }
}

function listen() {
  if (listening) return;
  listening = true;
  window.addEventListener('pagehide', () => navigated(false));
  window.addEventListener('pageshow', (event) => {
    if (event.persisted === true) navigated(true);
  });
}

// The page went away (to the PG in redirect mode, or anywhere), or came back from the
// back-forward cache (`restored`: the buyer pressed Back on the PG page). Pending orders in
// sessionStorage are left as they are.
function navigated(restored) {
  for (const r of locked.slice()) {
    if (r.stage === UNKNOWN || (r.redirect && r.stage === OPEN)) drop(locked, r);
  }
  if (!restored) return;
  for (const r of waiting.slice()) {
    if (r.redirect && !r.settled && !r.abandoned) {
      r.unknown('the page came back from the back-forward cache (the buyer pressed Back on the payment page)');
    }
  }
}
