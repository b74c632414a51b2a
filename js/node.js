// Node entry of `iamport-pay`: node-init.js reads the wasm from disk and initializes it
// synchronously (it is imported first, so it runs first); index.js then finds the module
// initialized and fetches nothing. No init call is needed.
import './node-init.js';
export * from './index.js';
