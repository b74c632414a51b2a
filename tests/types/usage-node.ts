// The same package resolved with Node's rules (the `node` condition of the exports map).
import { checkParams, type CheckResult } from 'iamport-pay';
import { installSandbox } from 'iamport-pay/sandbox';

const r: CheckResult = checkParams({ merchant_uid: 'o1', amount: 1000 });
const ok: boolean = r.ok;
const c = installSandbox({ mobile: false });
c.approveNext();
export { ok };
