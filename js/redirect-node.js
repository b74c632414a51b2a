// Node entry of `iamport-pay/redirect`: in Node the download size does not matter, so this is
// the main entry's parseRedirect and takePendingOrder (the same Rust code as the browser's
// redirect wasm, and the same IamportPayError class as `iamport-pay`). The browser entry's
// loader (redirect.js) fetches its wasm, and Node has no page for it to read: it stays
// browser-only.
export { parseRedirect, takePendingOrder, IamportPayError } from './node.js';
