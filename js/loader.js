// iamport-pay: the PortOne SDK loader, the one implementation behind `loadIamport` and the
// load `requestPay` does when `window.IMP` is missing. src/js/runtime.rs imports it as a
// wasm-bindgen snippet, so the npm package (scripts/entry.mjs folds it into pkg/index.js)
// and a Rust app (wasm-bindgen copies it into its snippets/) run this same code. It was Rust
// until issue 14's seventh round; as JS it costs a fraction of the wasm it replaced.
//
// What it does (API.md, "loadIamport"; tests/web_runtime.rs drives every case through the
// Rust API in Chromium and Firefox):
// - one load per URL at a time, shared by every concurrent caller; each caller waits for its
//   own timeout only, and the load itself gives up at the latest caller's deadline, so it
//   always settles and a caller that gives up never strands the others;
// - a `<script>` already on the page for the URL is reused unless it is finished (it failed,
//   or ran without defining IMP): then a fresh tag goes next to it;
// - an SDK that throws while it runs is `sdk_load_failed` even though its `load` fires;
// - `IMP.init` is called once per (IMP object, user code): PortOne warns against calling it
//   twice (auth-payment-flow.mdx, "SDK 초기화하기").
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
export function messageOf(e) {
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
export function initImp(imp, userCode) {
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
export function loadSdk(url, timeoutMs) {
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
