// The public JS surface, shared by the browser entry (index.js) and the Node entry (node.js).
// The logic lives in Rust (src/js); this file only turns the errors the wasm throws into
// IamportPayError instances, so callers can use `instanceof` and `err.code`.

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
}

function toError(e) {
  if (e instanceof IamportPayError) return e;
  if (e && typeof e === 'object' && e.__iamportPayError === true) {
    return new IamportPayError(e.code, e.message, e.issues);
  }
  return e;
}

/** Builds the public API on top of an initialized wasm-bindgen module. */
export function makeApi(wasm) {
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
  return {
    checkParams: (params, options) => wasm.checkParams(params, options),
    buildParams: wrapSync(wasm.buildParams),
    loadIamport: wasm.loadIamport ? wrapAsync(wasm.loadIamport) : undefined,
    requestPay: wasm.requestPay ? wrapAsync(wasm.requestPay) : undefined,
    parseRedirect: wasm.parseRedirect ? wrapSync(wasm.parseRedirect) : undefined,
    takePendingOrder: wasm.takePendingOrder ? wrapSync(wasm.takePendingOrder) : undefined,
    version: wasm.version,
  };
}
