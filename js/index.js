// Browser / bundler entry of `iamport-pay`. The wasm is fetched next to this module and
// instantiated with top-level await, so importers need no init call.
import init, * as wasm from '../pkg/iamport_pay.js';
import { makeApi, IamportPayError, LATE_RESULT_EVENT } from './api.js';

await init({ module_or_path: new URL('../pkg/iamport_pay_bg.wasm', import.meta.url) });

const api = makeApi(wasm);
export const { checkParams, buildParams, loadIamport, requestPay, parseRedirect, takePendingOrder, version } = api;
export { IamportPayError, LATE_RESULT_EVENT };
