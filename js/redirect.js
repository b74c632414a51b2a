// `iamport-pay/redirect` for the m_redirect_url landing page: parseRedirect and
// takePendingOrder only, from a wasm that holds nothing else (the same Rust code as the main
// entry, built with the `npm-redirect` feature; scripts/build.sh). Browsers and bundlers get
// pkg/redirect.js: this file with the glue folded in (scripts/entry.mjs). The wasm is fetched
// next to the module and instantiated with top-level await; no init call. Node gets
// redirect-node.js instead.
import init, * as bindings from '../pkg/iamport_pay_redirect.js';

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

const wrap = (fn) => (arg) => {
  try {
    return fn(arg);
  } catch (e) {
    if (e && typeof e === 'object' && e.__iamportPayError === true) throw new IamportPayError(e.code, e.message, e.issues);
    throw e;
  }
};

/** `parseRedirect(input?: string | URL | Location): RedirectResult`. */
// The result comes back as one JSON string (src/js/runtime.rs, parse_redirect_json).
export const parseRedirect = wrap((input) => JSON.parse(bindings.parseRedirectJson(input)));
/** `takePendingOrder(merchantUid): PendingOrder | null`. */
export const takePendingOrder = wrap(bindings.takePendingOrder);

await init({ module_or_path: new URL('../pkg/iamport_pay_redirect_bg.wasm', import.meta.url) });
