// Node entry of `iamport-pay`: reads the wasm from disk synchronously; no init call needed.
import { readFileSync } from 'node:fs';
import { initSync } from '../pkg/iamport_pay.js';
import * as wasm from '../pkg/iamport_pay.js';
import { makeApi, IamportPayError, LATE_RESULT_EVENT } from './api.js';

initSync({ module: readFileSync(new URL('../pkg/iamport_pay_bg.wasm', import.meta.url)) });

const api = makeApi(wasm);
export const { checkParams, buildParams, loadIamport, requestPay, parseRedirect, takePendingOrder, version } = api;
export { IamportPayError, LATE_RESULT_EVENT };
