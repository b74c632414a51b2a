// Korean-first strings for the demo pages, with an English toggle.
// Elements carry data-i18n="key" (text) or data-i18n-placeholder="key".

const KEY = 'iamport-pay-demo:lang';

export const STRINGS = {
  brand: ['달빛상점', 'Moonlight Shop'],
  brandSub: ['iamport-pay 데모', 'iamport-pay demo'],
  stepCart: ['장바구니', 'Cart'],
  stepCheckout: ['주문/결제', 'Checkout'],
  stepDone: ['주문완료', 'Done'],
  langToggle: ['English', '한국어'],
  modeSandbox: ['샌드박스 결제', 'Sandbox payments'],
  modeReal: ['실제 SDK', 'Real SDK'],
  modeRedirect: ['모바일 리다이렉트', 'Mobile redirect'],
  loadError: [
    'iamport-pay 패키지를 불러오지 못했습니다. 먼저 `npm run build`로 pkg/를 만든 뒤 `npm run demo`로 실행하세요.',
    'Could not load the iamport-pay package. Build pkg/ with `npm run build`, then run `npm run demo`.',
  ],

  secPg: ['결제대행사 선택', 'Payment gateway'],
  secPgHint: ['PG마다 필수 항목과 지원 결제수단이 다릅니다. 입력하는 즉시 검사합니다.', 'Each PG has its own required fields and pay methods. Everything is checked as you type.'],
  pgInicis: ['KG이니시스', 'KG Inicis'],
  pgKcp: ['NHN KCP', 'NHN KCP'],
  pgKcpBilling: ['KCP 정기결제', 'KCP billing'],
  pgKsnet: ['KSNET', 'KSNET'],
  pgDaou: ['키움페이', 'Kiwoom Pay'],
  pgInicisSub: ['일반결제 · 에스크로', 'Standard · escrow'],
  pgKcpSub: ['상품권 · 에스크로 상품', 'Gift cards · escrow items'],
  pgKcpBillingSub: ['빌링키 발급창', 'Billing-key window'],
  pgKsnetSub: ['응답은 ID만 전달', 'Callback carries ids only'],
  pgDaouSub: ['channelKey 연동', 'Uses channelKey'],
  channelPg: ['PG 구분코드', 'PG code'],
  channelKey: ['채널키', 'Channel key'],

  secBuyer: ['주문자 정보', 'Buyer'],
  buyerName: ['이름', 'Name'],
  buyerTel: ['휴대폰 번호', 'Phone'],
  buyerEmail: ['이메일', 'Email'],
  buyerAddr: ['주소', 'Address'],
  buyerPostcode: ['우편번호', 'Postcode'],

  secOrder: ['주문 정보', 'Order'],
  merchantUid: ['주문번호', 'Order number'],
  regenerate: ['새 번호', 'New number'],
  orderName: ['주문명', 'Order name'],
  amount: ['결제금액 (원)', 'Amount (KRW)'],
  amountSynced: ['장바구니 합계와 같음', 'Same as the cart total'],
  amountEdited: ['직접 입력함 · 합계로 되돌리기', 'Edited · reset to cart total'],
  taxFree: ['면세금액', 'Tax-free amount'],
  customerUid: ['빌링키 (고객 식별값)', 'Billing key id'],

  secMethod: ['결제 수단', 'Payment method'],
  payMethod: ['결제수단', 'Pay method'],
  supported: ['이 PG에서 지원', 'Offered by this PG'],
  others: ['기타 (검증 확인용)', 'Others (to see the check)'],
  installments: ['할부 개월 제한', 'Limit installment months'],
  installmentsHint: ['선택한 개월만 결제창에 표시합니다. 할부는 5만원 이상부터 가능합니다.', 'Only these months are offered. Installments need 50,000 KRW or more.'],
  lumpSum: ['일시불만', 'Lump sum only'],
  months: ['개월', 'mo'],
  vbankDue: ['입금기한', 'Deposit deadline'],
  digital: ['디지털 상품 (실물 아님)', 'Digital goods (not shipped)'],
  escrow: ['에스크로 결제', 'Escrow payment'],
  escrowHint: ['구매 확정 전까지 결제대금을 예치합니다.', 'Funds are held until the buyer confirms.'],
  kcpProducts: ['에스크로 상품 목록', 'Escrow items'],
  kcpOrderNumber: ['상품주문번호', 'Item order no.'],
  kcpName: ['상품명', 'Name'],
  kcpQuantity: ['수량', 'Qty'],
  kcpAmount: ['금액', 'Amount'],
  addRow: ['+ 상품 추가', '+ Add item'],
  fillFromCart: ['장바구니로 채우기', 'Fill from cart'],
  remove: ['삭제', 'Remove'],

  secBypass: ['PG 전용 옵션 (bypass)', 'PG-only options (bypass)'],
  bypassNone: ['선택 안 함', 'Not set'],
  inicisAccept: ['PC 결제창 옵션', 'PC window options'],
  inicisReserved: ['모바일 결제창 옵션', 'Mobile window options'],
  kcpShopUserId: ['회원 ID (상품권·휴대폰 필수)', 'Member id (gift cards, phone)'],
  kcpCoupon: ['할인쿠폰 영역', 'Coupon area'],
  kcpSkin: ['결제창 스킨 (1~11)', 'Window skin (1–11)'],
  kcpBirth: ['생년월일 입력칸 항상 표시', 'Always show birth-date box'],
  kcpLogo: ['결제창 로고 URL', 'Window logo URL'],
  ksnetQpay: ['간편결제 수단 표시', 'Show easy-pay options'],
  ksnetTcode: ['통신사', 'Carrier'],
  ksnetUrl: ['요청 사이트 URL', 'Requesting site URL'],
  daouProduct: ['상품 코드', 'Product code'],
  daouCash: ['현금영수증 발급', 'Cash receipt'],

  secDev: ['개발자 설정', 'Developer settings'],
  userCode: ['고객사 식별코드 (userCode)', 'Merchant id (userCode)'],
  userCodeHint: ['비워두면 샌드박스 결제창을 씁니다. 입력하면 포트원 SDK(cdn.iamport.kr)를 불러와 실제 결제창을 엽니다.', 'Empty: the sandbox window. Set: loads PortOne\'s SDK (cdn.iamport.kr) and opens the real window.'],
  mobileMode: ['모바일 리다이렉트 방식', 'Mobile redirect mode'],
  mobileHint: ['결제 후 콜백 대신 m_redirect_url로 이동합니다 (모바일 결제와 같음).', 'After paying, navigate to m_redirect_url instead of a callback (as on mobile).'],
  redirectUrl: ['결제 후 이동할 주소', 'Redirect URL'],
  language: ['결제창 언어', 'Window language'],
  currency: ['통화', 'Currency'],
  extra: ['추가 파라미터 (JSON)', 'Extra params (JSON)'],
  extraHint: ['예: {"buyer_phone": "010"} — 오타 키도 잡아냅니다.', 'e.g. {"buyer_phone": "010"} — typos are caught too.'],
  extraBad: ['JSON 객체가 아닙니다', 'Not a JSON object'],
  other: ['그 밖의 문제', 'Other issues'],

  summary: ['주문 요약', 'Order summary'],
  subtotal: ['상품 금액', 'Subtotal'],
  shipping: ['배송비', 'Shipping'],
  free: ['무료', 'Free'],
  freeOver: ['5만원 이상 무료배송', 'Free shipping over 50,000 KRW'],
  total: ['총 결제금액', 'Total'],
  payAmount: ['결제금액 (amount)', 'Charge (amount)'],
  qtyDec: ['수량 줄이기', 'Decrease'],
  qtyInc: ['수량 늘리기', 'Increase'],
  pay: ['결제하기', 'Pay'],
  paying: ['결제창 진행 중…', 'Payment window open…'],
  agree: ['주문 내용을 확인했으며 결제에 동의합니다.', 'I have checked the order and agree to pay.'],
  statusOk: ['검사 통과', 'Checks passed'],
  statusErrors: ['오류 {n}건', '{n} errors'],
  statusWarnings: ['경고 {n}건', '{n} warnings'],

  result: ['결제 결과', 'Payment result'],
  resultEmpty: ['아직 결제하지 않았습니다.', 'No payment yet.'],
  resultSuccess: ['결제 완료', 'Payment approved'],
  resultFailure: ['결제 실패', 'Payment failed'],
  resultUnknown: ['결과 미확인 — 서버에서 조회하세요', 'Outcome not stated — look it up on the server'],
  sdkFallback: [
    '포트원 SDK를 불러오지 못해({code}) 샌드박스 결제창으로 진행합니다. 네트워크를 확인한 뒤 고객사 식별코드를 다시 입력하면 실제 SDK를 다시 시도합니다.',
    'PortOne\'s SDK could not be loaded ({code}), so this payment goes through the sandbox. Check the network and edit the merchant id to try the real SDK again.',
  ],
  modeFallback: ['샌드박스 (SDK 로드 실패)', 'Sandbox (SDK failed to load)'],
  resultPending: ['결제창이 열려 있습니다…', 'The payment window is open…'],
  resultNotOpened: ['결제창을 열지 않았습니다', 'Payment window not opened'],
  resultRedirecting: ['m_redirect_url로 이동합니다…', 'Navigating to m_redirect_url…'],
  verifyNote: [
    '브라우저가 받은 결과는 참고용입니다. 서버에서 포트원 REST API GET /payments/{imp_uid}로 결제를 조회해 status와 금액을 주문과 비교한 뒤 완료 처리하세요.',
    'What the browser receives is a hint only. Your server must look the payment up with PortOne\'s REST API GET /payments/{imp_uid} and compare status and amount with the order before fulfilling it.',
  ],
  verdictTitle: ['서버 검증', 'Server verification'],
  verdictPending: ['서버가 포트원에서 결제를 조회하는 중…', 'The server is looking the payment up at PortOne…'],
  verdictOk: ['서버 검증 완료 / verified', 'Verified by the server / 서버 검증 완료'],
  verdictOkDetail: ['{amount} · {state} — 서버가 매긴 주문 금액과 포트원의 결제가 일치합니다', '{amount} · {state} — PortOne\'s payment matches the order the server priced'],
  verdictRefused: ['서버가 결제를 거부했습니다', 'The server refused the payment'],
  verdictError: ['서버 검증을 하지 못했습니다 (결제 상태 미확인)', 'The server could not verify (payment state unknown)'],
  verdictNone: ['검증 서버 없음: npm run demo로 실행하면 서버가 결제를 검증합니다', 'No verifying server: run npm run demo and the server verifies each payment'],
  tamper: ['위변조 시험: 주문 금액을 매긴 뒤 브라우저에서 결제 금액을 1,004원으로 바꿉니다', 'Tamper test: after the order is priced, the browser changes the amount to 1,004 KRW'],
  tamperHint: ['서버는 자신이 매긴 금액과 포트원의 결제 금액을 비교하므로 이 결제를 거부해야 합니다.', 'The server compares the amount it priced with PortOne\'s payment, so it must refuse this one.'],
  params: ['요청 파라미터', 'Request params'],
  paramsNormalized: ['buildParams()로 정규화한 값 — IMP.request_pay에 그대로 전달됩니다', 'Normalized by buildParams() — passed to IMP.request_pay as is'],
  paramsRaw: ['입력값 (오류가 있어 정규화하지 않음)', 'Input as typed (not normalized: it has errors)'],
  copy: ['복사', 'Copy'],
  copied: ['복사됨', 'Copied'],
  rawResponse: ['응답 원본', 'Raw response'],

  // redirect page
  redirectTitle: ['결제 결과 확인', 'Payment result'],
  redirectFrom: ['m_redirect_url 쿼리에서 읽은 결과 (parseRedirect)', 'Read from the m_redirect_url query (parseRedirect)'],
  pendingOrder: ['보관해 둔 주문 (takePendingOrder)', 'Stored order (takePendingOrder)'],
  pendingNone: ['이 주문번호로 보관된 주문이 없습니다 (이미 꺼냈거나 다른 브라우저입니다).', 'No stored order for this order number (already taken, or another browser).'],
  createdAt: ['주문 시각', 'Created'],
  backToShop: ['← 결제 페이지로 돌아가기', '← Back to checkout'],
  invalidRedirect: ['결제 결과 주소가 아닙니다', 'Not a payment result URL'],
  queryString: ['받은 쿼리 문자열', 'Query string received'],
};

export function getLang() {
  try {
    const v = localStorage.getItem(KEY);
    if (v === 'en' || v === 'ko') return v;
  } catch {
    /* storage unavailable */
  }
  return 'ko';
}

export function setLang(lang) {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* storage unavailable */
  }
}

/** The string for key in the current language; {n}-style placeholders from vars. */
export function t(key, vars = {}, lang = getLang()) {
  const row = STRINGS[key];
  if (!row) return key;
  let s = row[lang === 'en' ? 1 : 0];
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

/** Fills every [data-i18n] / [data-i18n-placeholder] / [data-i18n-label] under root. */
export function applyI18n(root = document, lang = getLang()) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n, {}, lang);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder, {}, lang);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel, {}, lang));
}

export function formatKRW(n, lang = getLang()) {
  const v = Number.isFinite(n) ? n : 0;
  const s = new Intl.NumberFormat('ko-KR').format(v);
  return lang === 'en' ? `₩${s}` : `${s}원`;
}
