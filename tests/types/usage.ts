// Type test for the public surface: `tsc -p tests/types` must pass. Every
// `@ts-expect-error` line is a wrong use the types must reject (tsc fails if one stops erroring).

import {
  buildParams,
  checkParams,
  IamportPayError,
  LATE_RESULT_EVENT,
  loadIamport,
  parseRedirect,
  requestPay,
  takePendingOrder,
  version,
  type Bypass,
  type CheckOptions,
  type CheckResult,
  type DaouRequestPayParams,
  type IamportPayErrorCode,
  type IamportSdk,
  type IamportWindow,
  type InicisRequestPayParams,
  type Issue,
  type IssueCode,
  type KcpBillingRequestPayParams,
  type KcpProduct,
  type KcpRequestPayParams,
  type KsnetRequestPayParams,
  type LateResultEvent,
  type PayOptions,
  type PaymentResult,
  type PendingOrder,
  type PortOneProvider,
  type Provider,
  type ResponsePayMethod,
  type UncheckedProvider,
  type RedirectResult,
  type RequestPayParams,
  type RequestPayParamsFor,
} from 'iamport-pay';
import {
  installSandbox,
  sandboxImpUid,
  type SandboxController,
  type SandboxIMP,
  type SandboxWindow,
} from 'iamport-pay/sandbox';

// ---- request params ---------------------------------------------------------------------------

const params: RequestPayParams = {
  channelKey: 'channel-key-1',
  pay_method: 'card',
  merchant_uid: 'order_0001',
  name: '노르웨이 회전 의자',
  amount: 64900,
  currency: 'KRW',
  language: 'ko',
  buyer_tel: '010-4242-4242',
  display: { card_quota: [2, 3] },
  card: { direct: { code: '367', quota: 3 }, detail: [{ card_code: '*', enabled: false }] },
  custom_data: { userId: 30930, tags: ['a', 'b'], nested: { ok: true } },
  notice_url: ['https://shop.example/hook'],
  bypass: { shop_user_id: 'member_1', ksnet: { sndQpayType: '0' }, daou: { CASHRECEIPTFLAG: 0 } },
};

// @ts-expect-error a pay_method PortOne does not define
const badMethod: RequestPayParams = { merchant_uid: 'o', amount: 1, pay_method: 'credit_card' };
// @ts-expect-error currency codes are upper case
const badCurrency: RequestPayParams = { merchant_uid: 'o', amount: 1, currency: 'krw' };
// @ts-expect-error no Japanese window
const badLanguage: RequestPayParams = { merchant_uid: 'o', amount: 1, language: 'ja' };
// @ts-expect-error amount is a number, not a string
const stringAmount: RequestPayParams = { merchant_uid: 'o', amount: '1004' };
// @ts-expect-error merchant_uid is required
const noMerchantUid: RequestPayParams = { amount: 1000 };
// @ts-expect-error typo caught by excess-property checking
const typo: RequestPayParams = { merchant_uid: 'o', amount: 1, buyer_phone: '010' };

// Per-PG params.
const inicis: InicisRequestPayParams = {
  name: '주문명',
  pg: 'html5_inicis.INIpayTest',
  pay_method: 'samsung',
  merchant_uid: 'o1',
  amount: 1004,
  buyer_tel: '010-1234-5678',
  bypass: { acceptmethod: 'noeasypay', P_RESERVED: 'noeasypay=Y' },
  period: { from: '20200101', to: '20201231' },
};
const inicisBilling: InicisRequestPayParams = {
  name: '주문명',
  pg: 'html5_inicis',
  pay_method: 'card',
  merchant_uid: 'o2',
  amount: 0,
  customer_uid: 'gildong_0001',
  bypass: { inicis: { authtype: '01' } },
};
// @ts-expect-error KG Inicis needs buyer_tel on the payment window
const inicisNoTel: InicisRequestPayParams = { merchant_uid: 'o', amount: 1 };
// @ts-expect-error KG Inicis does not offer Benepia points
const inicisPoint: InicisRequestPayParams = { merchant_uid: 'o', amount: 1, buyer_tel: '01012345678', pay_method: 'point' };
// @ts-expect-error the billing-key window is card only
const inicisBillingTrans: InicisRequestPayParams = { merchant_uid: 'o', amount: 0, customer_uid: 'c', pay_method: 'trans' };
// @ts-expect-error a KCP bypass key on an Inicis request
const inicisKcpBypass: InicisRequestPayParams = { merchant_uid: 'o', amount: 1, buyer_tel: '010', bypass: { shop_user_id: 'x' } };
// @ts-expect-error pg of another PG
const inicisWrongPg: InicisRequestPayParams = { pg: 'kcp.T0000', merchant_uid: 'o', amount: 1, buyer_tel: '010' };

const items: KcpProduct[] = [
  { orderNumber: 'xxxx', name: '상품A', quantity: 3, amount: 1000 },
  { orderNumber: 'yyyy', name: '상품B', quantity: 2, amount: 3000 },
];
const kcp: KcpRequestPayParams = {
  name: '주문명',
  pg: 'kcp.T0000',
  pay_method: 'cultureland',
  merchant_uid: 'A00021-TEST',
  amount: 1004,
  escrow: true,
  kcpProducts: items,
  company: '상호명',
  auth_mode: 'key-in',
  appCard: true,
  prefill: { phoneNumber: '01012345678' },
  bypass: { shop_user_id: 'abaddd', coupon_apply_yn: 'Y', app_flag: 'S' },
};
// @ts-expect-error kcpProducts items have four required properties
const kcpMissing: KcpProduct = { orderNumber: 'x', name: 'y', quantity: 1 };
// @ts-expect-error coupon_apply_yn is Y or N
const kcpCoupon: KcpRequestPayParams = { merchant_uid: 'o', amount: 1, bypass: { coupon_apply_yn: 'yes' } };
// @ts-expect-error KCP's auth_mode is key-in only
const kcpAuth: KcpRequestPayParams = { merchant_uid: 'o', amount: 1, auth_mode: 'keyin' };

const kcpBilling: KcpBillingRequestPayParams = {
  name: '주문명',
  pg: 'kcp_billing.BA001',
  pay_method: 'card',
  merchant_uid: 'o3',
  amount: 0,
  customer_uid: 'c1',
  bypass: { batch_birth_day_yn: 'Y' },
};
// @ts-expect-error the KCP billing window needs customer_uid
const kcpBillingNoUid: KcpBillingRequestPayParams = { merchant_uid: 'o', amount: 0 };

const ksnet: KsnetRequestPayParams = {
  pg: 'ksnet.mid',
  pay_method: 'naverpay',
  merchant_uid: 'o4',
  amount: 109000,
  tax_free: 3000,
  buyer_name: '홍길동',
  storeDetails: { businessName: '상호명', businessRegistrationNumber: '000000000' },
  bypass: { ksnet: { sndQpayType: '1', tcode: 'skt', easyPayDirect: true } },
};
// @ts-expect-error sndQpayType is the string "0" or "1"
const ksnetQpay: KsnetRequestPayParams = { merchant_uid: 'o', amount: 1, buyer_name: 'a', bypass: { ksnet: { sndQpayType: 1 } } };

const daou: DaouRequestPayParams = {
  name: '주문명',
  channelKey: 'channel-key-1',
  pay_method: 'trans',
  merchant_uid: 'o5',
  amount: 1004,
  digital: false,
  escrow: true,
  bypass: { daou: { PRODUCTCODE: 'portone', CASHRECEIPTFLAG: 1 } },
};
// @ts-expect-error Kiwoom Pay needs digital
const daouNoDigital: DaouRequestPayParams = { channelKey: 'k', merchant_uid: 'o', amount: 1 };
// @ts-expect-error CASHRECEIPTFLAG is 0/1 or Y/N
const daouCash: DaouRequestPayParams = { merchant_uid: 'o', amount: 1, digital: true, bypass: { daou: { CASHRECEIPTFLAG: 2 } } };

const forKcp: RequestPayParamsFor<'kcp'> = kcp;
// @ts-expect-error not a provider of this library
type Toss = RequestPayParamsFor<'tosspayments'>;
const anyBypass: Bypass = { acceptmethod: 'noeasypay', shop_user_id: 'x', ksnet: { url: 'https://a.example' } };

// ---- checking ---------------------------------------------------------------------------------

const opts: CheckOptions = { provider: 'daou', mobile: true };
// A PortOne code without a rule set: the runtime runs the common rules and warns.
const uncheckedOptions: CheckOptions = { provider: 'tosspayments' };
// @ts-expect-error not a PortOne PG code (the runtime says unknown_provider)
const badProvider: CheckOptions = { provider: 'toss' };

const result: CheckResult = checkParams(JSON.parse('{}') as unknown, opts);
declare const someIssue: Issue;
if (result.ok) {
  const none: 0 = result.errors.length;
  const okIncludes: boolean = result.errors.includes(someIssue);
  const okIssues: Issue[] = result.errors;
} else {
  const first: Issue = result.errors[0];
  const code: IssueCode = first.code;
  const ko: string = first.messageKo;
  const en: string = first.message;
  const path: string = first.path;
  if (code === 'required' || code === 'forbidden_field') {
    // fine
  }
  // @ts-expect-error not an issue code
  if (code === 'missing') {
  }
}
for (const w of result.warnings) {
  const c: IssueCode = w.code;
}
const paths: string[] = result.errors.map((i) => i.path);
const provider: PortOneProvider | null = result.provider;
// @ts-expect-error provider may be a PortOne code without a rule set (e.g. tosspayments)
const providerChecked: Provider | null = result.provider;
// @ts-expect-error provider may be null
const providerStrict: PortOneProvider = result.provider;
const unchecked: UncheckedProvider = 'tosspayments';
// @ts-expect-error kcp has a rule set
const uncheckedKcp: UncheckedProvider = 'kcp';

const built: RequestPayParams = buildParams(params, { provider: 'kcp' });
const amount: number = built.amount;
// buildParams drops nulls: its fields are never null.
const builtName: string | undefined = buildParams(params).name;
const builtBypass: Bypass | undefined = buildParams(params).bypass;

// ---- paying -----------------------------------------------------------------------------------

async function pay(): Promise<void> {
  await loadIamport({ userCode: 'imp00000000', timeoutMs: 5000 });
  // @ts-expect-error loadIamport needs a userCode
  await loadIamport({});

  const payOptions: PayOptions = { userCode: 'imp00000000', provider: 'html5_inicis', keepPendingOrder: true };
  const r: PaymentResult = await requestPay(inicis, payOptions);
  const success: boolean | null = r.success;
  const verified: false = r.verified;
  const imp: string | null = r.imp_uid;
  const mu: string = r.merchant_uid;
  if (r.status === 'paid' && r.paid_amount === 1004 && r.pay_method === 'card') {
    const tid: string | null | undefined = r.pg_tid;
  }
  // @ts-expect-error no such status
  if (r.status === 'succeeded') {
  }
  // @ts-expect-error typo in a response field
  r.imp_uidd;
  // @ts-expect-error success is three-valued: it cannot be used as a plain boolean
  const strictSuccess: boolean = r.success;

  try {
    await requestPay({ merchant_uid: 'o' });
  } catch (e) {
    if (e instanceof IamportPayError) {
      const code: IamportPayErrorCode = e.code;
      const message: string = e.message;
      if (e.code === 'invalid_params') {
        // Always present for invalid_params.
        const issues: Issue[] = e.issues;
        const first: Issue | undefined = e.issues[0];
      } else {
        const none: undefined = e.issues;
      }
      // @ts-expect-error only invalid_params is known to carry issues
      const unnarrowed: Issue[] = e.issues;
      // @ts-expect-error not an error code
      if (e.code === 'timeout') {
      }
    }
  }

  // Issue 12: the unknown state and the late-result event.
  const unknown: IamportPayErrorCode = 'payment_state_unknown';
  const eventName: 'iamport-pay:late-result' = LATE_RESULT_EVENT;
  window.addEventListener('iamport-pay:late-result', (e) => {
    const late: PaymentResult = e.detail;
    const lateUid: string | null = late.imp_uid;
    // @ts-expect-error the detail is a PaymentResult, not a string
    const wrong: string = e.detail;
  });
  window.addEventListener(LATE_RESULT_EVENT, (e: LateResultEvent) => {
    const lateSuccess: boolean | null = e.detail.success;
  });

  const made = new IamportPayError('sdk_timeout', 'slow');
  const err: Error = made;
  const madeCode: Exclude<IamportPayErrorCode, 'invalid_params'> = made.code;
  // @ts-expect-error a constructed sdk_timeout error is not invalid_params
  const madeInvalid: 'invalid_params' = made.code;
  const invalid = new IamportPayError('invalid_params', 'bad', [someIssue]);
  const invalidIssues: Issue[] = invalid.issues;
  // @ts-expect-error invalid_params carries its issues
  new IamportPayError('invalid_params', 'bad');
  // @ts-expect-error not an error code
  new IamportPayError('oops', 'x');
}

// ---- the types follow the runtime (tests/types/cases.generated.ts covers the valid cases) ------

// KSNET needs buyer_name only for its card-direct and easy-pay-direct calls.
const ksnetNoName: KsnetRequestPayParams = { pg: 'ksnet.mid', pay_method: 'card', merchant_uid: 'o', amount: 1000 };
// Kiwoom Pay's CASHRECEIPTFLAG: the number for trans/vbank, Y/N for kakaopay, any of them otherwise.
const daouTransFlag: DaouRequestPayParams = {
  name: '주문명',
  channelKey: 'k', pay_method: 'vbank', merchant_uid: 'o', amount: 1, digital: false, bypass: { daou: { CASHRECEIPTFLAG: 0 } },
};
const daouKakaoFlag: DaouRequestPayParams = {
  name: '주문명',
  channelKey: 'k', pay_method: 'kakaopay', merchant_uid: 'o', amount: 1, digital: false, bypass: { daou: { CASHRECEIPTFLAG: 'N' } },
};
const daouCardFlags: DaouRequestPayParams[] = [
  { channelKey: 'k', pay_method: 'card', merchant_uid: 'o', name: 'n', amount: 1, digital: false, bypass: { daou: { CASHRECEIPTFLAG: 1 } } },
  { channelKey: 'k', pay_method: 'card', merchant_uid: 'o', name: 'n', amount: 1, digital: false, bypass: { daou: { CASHRECEIPTFLAG: 'Y' } } },
  { channelKey: 'k', merchant_uid: 'o', name: 'n', amount: 1, digital: false, bypass: { daou: { CASHRECEIPTFLAG: 0 } } },
];
const daouBadFlags: DaouRequestPayParams[] = [
  // @ts-expect-error the string '1' is rejected at run time (a number or Y/N)
  { channelKey: 'k', pay_method: 'card', merchant_uid: 'o', amount: 1, digital: false, bypass: { daou: { CASHRECEIPTFLAG: '1' } } },
  // @ts-expect-error trans and vbank take the number 0 or 1
  { channelKey: 'k', pay_method: 'trans', merchant_uid: 'o', amount: 1, digital: false, bypass: { daou: { CASHRECEIPTFLAG: 'Y' } } },
  // @ts-expect-error kakaopay takes Y or N
  { channelKey: 'k', pay_method: 'kakaopay', merchant_uid: 'o', amount: 1, digital: false, bypass: { daou: { CASHRECEIPTFLAG: 1 } } },
];
// @ts-expect-error not a Kiwoom Pay pay method
const daouPoint: DaouRequestPayParams = { channelKey: 'k', pay_method: 'point', merchant_uid: 'o', amount: 1, digital: false };
// null counts as absent (the docs' default of vat_amount), on every optional field.
const nulls: RequestPayParams = { merchant_uid: 'o', amount: 1, vat_amount: null, tax_free: null, buyer_email: null, bypass: null };
const kcpNulls: KcpRequestPayParams = { merchant_uid: 'o', name: 'n', amount: 1, vat_amount: null, company: null, kcpProducts: null };
// @ts-expect-error merchant_uid is required: null is not a value for it
const nullUid: RequestPayParams = { merchant_uid: null, amount: 1 };
// The window languages each PG takes.
// @ts-expect-error KG Inicis's window has no Chinese
const inicisZh: InicisRequestPayParams = { merchant_uid: 'o', amount: 1, buyer_tel: '010', language: 'zh' };
// @ts-expect-error NHN KCP's window has no Chinese
const kcpZh: KcpRequestPayParams = { merchant_uid: 'o', amount: 1, language: 'zh' };
const ksnetZh: KsnetRequestPayParams = { merchant_uid: 'o', amount: 1, language: 'zh' };
// Responses carry every request pay method, and a few of their own.
const responseMethods: ResponsePayMethod[] = ['happymoney', 'naverpay_bridge', 'card', 'tenpay', 'econtext'];
// @ts-expect-error not a PortOne code
const responseBad: ResponsePayMethod = 'happy_money';

// ---- window.IMP ---------------------------------------------------------------------------------

const imp: IamportSdk | undefined = (window as Window & IamportWindow).IMP;
imp?.init('imp00000000');
imp?.request_pay(params, (response) => {
  const m: ResponsePayMethod | undefined = response.pay_method;
});
// @ts-expect-error the SDK has no request_payment
imp?.request_payment(params);
const sandboxWindow = window as Window & SandboxWindow;
if (sandboxWindow.IMP && '__sandbox' in sandboxWindow.IMP) {
  const sandboxImp: SandboxIMP = sandboxWindow.IMP;
  // The sandbox stands in for the SDK.
  const asSdk: IamportSdk = sandboxImp;
} else if (sandboxWindow.IMP) {
  const real: IamportSdk = sandboxWindow.IMP;
  // @ts-expect-error PortOne's SDK is not the sandbox
  const notSandbox: SandboxIMP = sandboxWindow.IMP;
}
// The documented opt-in: `window.IMP` typed for the whole program.
declare global {
  interface Window extends IamportWindow {}
}
const globalImp: IamportSdk | undefined = window.IMP;

// ---- redirect ---------------------------------------------------------------------------------

const redirect: RedirectResult = parseRedirect('https://shop.example/done?imp_uid=imp_1&merchant_uid=o1&imp_success=true');
const fromUrl: RedirectResult = parseRedirect(new URL('https://shop.example/done?merchant_uid=o1'));
const fromLocation: RedirectResult = parseRedirect(window.location);
const fromDefault: RedirectResult = parseRedirect();
const rs: boolean | null = redirect.success;
const rv: false = redirect.verified;
// @ts-expect-error parseRedirect takes a URL-ish input, not an object
parseRedirect({ imp_uid: 'x' });

const order: PendingOrder | null = takePendingOrder(redirect.merchant_uid);
if (order) {
  const a: number = order.amount;
  const at: number = order.createdAt;
}
// @ts-expect-error takePendingOrder needs the merchant_uid
takePendingOrder();

const v: string = version();

// ---- sandbox ----------------------------------------------------------------------------------

const sandbox: SandboxController = installSandbox({ mobile: false, channels: { 'channel-key-1': 'daou' } });
sandbox.approveNext().failNext('F001', '한도 초과').cancelNext({ redirect: true });
const calls: RequestPayParams[] = sandbox.calls;
const open: boolean = sandbox.open;
sandbox.mobile = true;
sandbox.answerOpen('approve');
// @ts-expect-error the dialog has Approve, Fail and Cancel only
sandbox.answerOpen('refund');
// @ts-expect-error channels map to providers
installSandbox({ channels: { k: 'toss' } });
// @ts-expect-error calls is read-only
sandbox.calls = [];
const id: `imp_${string}` = sandboxImpUid();
sandbox.uninstall();

export {
  badMethod, badCurrency, badLanguage, stringAmount, noMerchantUid, typo, inicisBilling, inicisNoTel,
  inicisPoint, inicisBillingTrans, inicisKcpBypass, inicisWrongPg, kcpMissing, kcpCoupon, kcpAuth,
  kcpBilling, kcpBillingNoUid, ksnet, ksnetQpay, daou, daouNoDigital, daouCash, forKcp, anyBypass,
  badProvider, uncheckedOptions, paths, provider, providerChecked, providerStrict, unchecked, uncheckedKcp,
  ksnetNoName, daouTransFlag, daouKakaoFlag, daouCardFlags, daouBadFlags, daouPoint, nulls, kcpNulls, nullUid,
  inicisZh, kcpZh, ksnetZh, responseMethods, responseBad, globalImp, builtName, builtBypass, amount, pay, fromUrl, fromLocation, fromDefault, rs, rv,
  order, v, calls, open, id,
};
export type { Toss };

// `name` (주문명) is required for KG Inicis, NHN KCP and Kiwoom Pay (their pages write
// `name: string`; docs/RULES.md §1.4), optional for KSNET, as the runtime says.
// @ts-expect-error name is missing
const inicisNoName: InicisRequestPayParams = { pay_method: 'card', merchant_uid: 'o', amount: 1, buyer_tel: '010' };
const ksnetWithoutName: KsnetRequestPayParams = { pay_method: 'card', merchant_uid: 'o', amount: 1 };
void inicisNoName;
void ksnetWithoutName;
