// Node entry of `iamport-pay/redirect`: in Node the download size does not matter, so this is
// the main entry's parseRedirect and takePendingOrder (the same Rust code as the browser's
// redirect wasm, and the same IamportPayError class as `iamport-pay`).
export { parseRedirect, takePendingOrder, IamportPayError } from './node.js';
