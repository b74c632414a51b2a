// iamport-pay/sandbox: a fake `window.IMP` for offline development and e2e tests.
//
// It answers `IMP.request_pay(params, callback)` the way PortOne's V1 SDK does:
// - PC: the callback gets a response shaped like PortOne's "결제응답 파라미터"
//   (request-pay-response.mdx): imp_uid, merchant_uid, pay_method, paid_amount,
//   status, pg_provider, ..., and success / error_code / error_msg.
// - KSNET (new SDK only): the callback carries only imp_uid and merchant_uid
//   (ksnet.mdx); a failure adds error_code and error_msg, the only other fields
//   request-pay-response.mdx lists for that SDK.
// - Mobile / redirect: no callback; the page navigates to m_redirect_url with
//   imp_uid, merchant_uid, imp_success and, on failure, error_code and error_msg
//   in the query string (auth-payment-flow.mdx, daou-notes.mdx).
//
// No real payment is ever made. Dependency-free; touches nothing until
// installSandbox() is called.
//
// It stays one file without imports (wasm-bindgen loads it as an inline snippet), so the
// library's tables it needs sit in a `// BEGIN GENERATED` block rendered from the Rust tables
// (src/tables.rs); `UPDATE_TABLES=1 cargo test --test tables` rewrites it.

const STATE = Symbol.for('iamport-pay.sandbox');

// BEGIN GENERATED tables: from src/tables.rs; regenerate with `UPDATE_TABLES=1 cargo test --test tables`
/** Every `pay_method` code (src/request.rs) and its labels [ko, en]. */
const PAY_METHODS = {
  card: ['신용카드', 'Credit card'],
  trans: ['실시간 계좌이체', 'Bank transfer'],
  vbank: ['가상계좌', 'Virtual account'],
  phone: ['휴대폰 소액결제', 'Mobile phone billing'],
  applepay: ['애플페이', 'Apple Pay'],
  naverpay: ['네이버페이', 'Naver Pay'],
  samsungpay: ['삼성페이', 'Samsung Pay'],
  samsung: ['삼성페이', 'Samsung Pay'],
  kpay: ['KPay 앱', 'KPay app'],
  kakaopay: ['카카오페이', 'KakaoPay'],
  payco: ['페이코', 'PAYCO'],
  lpay: ['L페이', 'L.PAY'],
  ssgpay: ['SSG페이', 'SSG Pay'],
  tosspay: ['토스페이', 'Toss Pay'],
  chai: ['차이페이', 'CHAI'],
  cultureland: ['컬쳐랜드 문화상품권', 'Cultureland gift card'],
  smartculture: ['스마트문상', 'Smart Culture gift card'],
  happymoney: ['해피머니 문화상품권', 'Happy Money gift card'],
  culturegift: ['문화상품권', 'Culture gift card'],
  booknlife: ['도서문화상품권', 'Book & Life gift card'],
  point: ['베네피아 포인트', 'Benepia points'],
  wechat: ['위쳇페이', 'WeChat Pay'],
  alipay: ['알리페이', 'Alipay'],
  unionpay: ['유니온페이', 'UnionPay'],
  pinpay: ['핀페이', 'PINPAY'],
  ssgpay_bank: ['SSG 은행계좌', 'SSG bank account'],
  skpay: ['11Pay', '11Pay'],
  naverpay_card: ['네이버페이 - 카드', 'Naver Pay (card)'],
  naverpay_bridge: ['네이버페이 (카드/포인트)', 'Naver Pay (card/points)'],
  naverpay_point: ['네이버페이 - 포인트', 'Naver Pay (points)'],
  paypal: ['페이팔', 'PayPal'],
  toss_brandpay: ['토스페이먼츠 브랜드페이', 'Toss Payments BrandPay'],
  tosspay_card: ['토스페이 - 카드', 'Toss Pay (card)'],
  tosspay_money: ['토스페이 - 머니', 'Toss Pay (money)'],
};

/** Every PortOne PG code (src/provider.rs) and its names [ko, en]. */
const PG_NAMES = {
  html5_inicis: ['KG이니시스', 'KG Inicis'],
  inicis: ['KG이니시스', 'KG Inicis'],
  kcp: ['NHN KCP', 'NHN KCP'],
  kcp_billing: ['NHN KCP 정기결제', 'NHN KCP (billing)'],
  ksnet: ['KSNET', 'KSNET'],
  daou: ['키움페이', 'Kiwoom Pay'],
  danal: ['다날', 'Danal'],
  danal_tpay: ['다날', 'Danal'],
  inicis_unified: ['KG이니시스 통합인증', 'KG Inicis unified auth'],
  kicc: ['이지페이(한국정보통신)', 'KICC EasyPay'],
  mobilians: ['KG모빌리언스', 'KG Mobilians'],
  nice: ['나이스정보통신', 'NICE (legacy)'],
  nice_v2: ['나이스페이', 'NICEPAY'],
  settle: ['헥토파이낸셜', 'Hecto Financial'],
  settle_acc: ['헥토파이낸셜 내통장결제', 'Hecto Financial account'],
  smartro: ['스마트로', 'Smartro (legacy)'],
  smartro_v2: ['스마트로', 'Smartro'],
  tosspayments: ['토스페이먼츠', 'Toss Payments'],
  toss_brandpay: ['토스페이먼츠 브랜드페이', 'Toss Payments BrandPay'],
  uplus: ['토스페이먼츠(구모듈)', 'Toss Payments (legacy)'],
  welcome: ['웰컴페이먼츠', 'Welcome Payments'],
  tosspay: ['토스페이', 'Toss Pay'],
  tosspay_v2: ['토스페이', 'Toss Pay'],
  payco: ['페이코', 'PAYCO'],
  kakaopay: ['카카오페이', 'Kakao Pay'],
  naverpay: ['네이버페이', 'Naver Pay'],
  naverco: ['네이버페이 주문형', 'Naver Pay (order)'],
  smilepay: ['스마일페이', 'Smile Pay'],
  paypal: ['페이팔', 'PayPal'],
  paypal_v2: ['페이팔', 'PayPal'],
  eximbay: ['엑심베이', 'Eximbay'],
  paymentwall: ['페이먼트월', 'Paymentwall'],
};
// END GENERATED tables

/** Header colour of the dialog per PG code (others get a neutral grey). */
const PG_COLORS = {
  html5_inicis: '#c8102e',
  inicis: '#c8102e',
  kcp: '#e4002b',
  kcp_billing: '#e4002b',
  ksnet: '#00529b',
  daou: '#6b2c91',
};

/** `table[key]` when `key` is the table's own entry (not `constructor` & co.), else null. */
function own(table, key) {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : null;
}

// pay_method -> emb_pg_provider code as request-pay-response.mdx spells it.
const EASY_PAY = {
  kakaopay: 'kakaopay',
  naverpay: 'naverpay',
  naverpay_bridge: 'naverpay',
  payco: 'payco',
  samsung: 'samsungpay',
  ssgpay: 'ssgpay',
  lpay: 'lpay',
  applepay: 'applepay',
  tosspay: 'tosspay',
  pinpay: 'pinpay',
  skpay: 'skpay',
};

/** Default answers of the dialog's Fail and Cancel buttons (PG codes vary by PG). */
export const SANDBOX_FAIL = Object.freeze({
  code: 'SANDBOX_DECLINED',
  msg: '[샌드박스] 카드 승인이 거절되었습니다 (sandbox: card declined)',
});
export const SANDBOX_CANCEL = Object.freeze({
  code: 'SANDBOX_CANCELLED',
  msg: '사용자가 결제를 취소하셨습니다 (sandbox: cancelled by the user)',
});

function digits(n) {
  let s = '';
  const c = globalThis.crypto;
  if (c && typeof c.getRandomValues === 'function') {
    const buf = new Uint8Array(n);
    c.getRandomValues(buf);
    for (const b of buf) s += String(b % 10);
  } else {
    for (let i = 0; i < n; i++) s += String(Math.floor(Math.random() * 10));
  }
  return s;
}

/** `imp_` + 12 digits, the shape of a PortOne V1 payment id. */
export function sandboxImpUid() {
  return `imp_${digits(12)}`;
}

function str(v) {
  return typeof v === 'string' ? v : v == null ? null : String(v);
}

function numAmount(v) {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : 0;
}

function clone(v) {
  try {
    return typeof structuredClone === 'function' ? structuredClone(v) : JSON.parse(JSON.stringify(v));
  } catch {
    try {
      return JSON.parse(JSON.stringify(v));
    } catch {
      return v;
    }
  }
}

/** The PortOne PG code a request goes to: `pg` up to the first `.`, else the channel map. */
function providerOf(params, opts) {
  if (params && typeof params.pg === 'string' && params.pg !== '') return params.pg.split('.')[0];
  const channel = params && opts.channels ? own(opts.channels, params.channelKey) : null;
  if (channel) return channel;
  return opts.provider ?? null;
}

/**
 * The object the SDK hands the callback.
 * kind: 'approve' | 'fail' | 'cancel'.
 */
function buildResponse(kind, params, provider, err, opts) {
  const p = params && typeof params === 'object' ? params : {};
  const imp_uid = sandboxImpUid();
  const merchant_uid = str(p.merchant_uid) ?? '';
  const ok = kind === 'approve';

  if (provider === 'ksnet') {
    // ksnet.mdx: "Callback 으로 내려받을수 있는 데이터는 오직 아래 두가지 입니다. imp_uid, merchant_uid";
    // request-pay-response.mdx adds error_code / error_msg for that SDK on failure.
    return ok ? { imp_uid, merchant_uid } : { imp_uid, merchant_uid, error_code: err.code, error_msg: err.msg };
  }

  const pay_method = str(p.pay_method) ?? 'card';
  const amount = numAmount(p.amount);
  const now = Math.floor(Date.now() / 1000);
  const vbank = pay_method === 'vbank';
  const res = {
    imp_uid,
    merchant_uid,
    pay_method,
    paid_amount: ok ? amount : 0,
    // vbank issuance is 'ready' until the buyer deposits (request-pay-response.mdx).
    status: ok ? (vbank ? 'ready' : 'paid') : 'failed',
    name: str(p.name),
    pg_provider: provider,
    emb_pg_provider: own(EASY_PAY, pay_method),
    pg_tid: ok ? `sandbox_${digits(14)}` : null,
    pg_type: 'payment',
    currency: str(p.currency) ?? 'KRW',
    buyer_name: str(p.buyer_name),
    buyer_email: str(p.buyer_email),
    buyer_tel: str(p.buyer_tel),
    buyer_addr: str(p.buyer_addr),
    buyer_postcode: str(p.buyer_postcode),
    // "JSON notation(string)으로 저장됩니다" (request-pay-params.mdx)
    custom_data: p.custom_data == null ? null : typeof p.custom_data === 'string' ? p.custom_data : JSON.stringify(p.custom_data),
    paid_at: ok && !vbank ? now : 0,
    receipt_url: ok ? `https://sandbox.invalid/receipt/${imp_uid}` : null,
  };
  if (ok && pay_method === 'card') {
    res.apply_num = digits(8);
    res.card_name = '샌드박스카드';
    res.card_number = '5365********1234';
    res.card_quota = 0;
  }
  if (ok && pay_method === 'trans') res.bank_name = '샌드박스은행';
  if (ok && vbank) {
    res.vbank_num = `999-${digits(6)}-${digits(5)}`;
    res.vbank_name = '샌드박스은행';
    res.vbank_holder = '(주)샌드박스';
    res.vbank_date = now + 3 * 24 * 3600;
  }
  if (opts.includeSuccess !== false) res.success = ok;
  if (!ok) {
    res.error_code = err.code;
    res.error_msg = err.msg;
  }
  return res;
}

/** m_redirect_url plus the query string PortOne appends on mobile. */
export function sandboxRedirectUrl(mRedirectUrl, answer, base) {
  const url = new URL(mRedirectUrl, base);
  // Only http(s) is a landing page; a `javascript:` or `data:` URL would run code in the shop's
  // page (the library's checker refuses them too: invalid_value at m_redirect_url).
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`m_redirect_url must be an http(s) URL, not ${url.protocol}`);
  }
  const q = [
    ['imp_uid', answer.imp_uid ?? ''],
    ['merchant_uid', answer.merchant_uid ?? ''],
  ];
  // daou-notes.mdx: on mobile the flag arrives as imp_success. KSNET sends ids only.
  if (answer.success !== undefined) q.push(['imp_success', String(answer.success)]);
  if (answer.error_code != null) q.push(['error_code', answer.error_code]);
  if (answer.error_msg != null) q.push(['error_msg', answer.error_msg]);
  const added = q.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  url.search = url.search ? `${url.search}&${added}` : `?${added}`;
  return url.href;
}

function formatAmount(amount, currency) {
  const n = numAmount(amount);
  if (!currency || currency === 'KRW') return `${new Intl.NumberFormat('ko-KR').format(n)}원`;
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(n);
  } catch {
    return `${n} ${currency}`;
  }
}

function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `
:host{all:initial}
.backdrop{position:fixed;inset:0;background:rgba(15,18,25,.55);display:flex;align-items:center;justify-content:center;z-index:2147483647;font:14px/1.45 system-ui,-apple-system,"Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR",sans-serif;color:#1d2330}
.win{width:min(420px,calc(100vw - 24px));background:#fff;border-radius:12px;box-shadow:0 24px 64px rgba(0,0,0,.35);overflow:hidden;animation:pop .14s ease-out}
@keyframes pop{from{transform:translateY(8px);opacity:0}to{transform:none;opacity:1}}
header{display:flex;align-items:center;gap:8px;padding:14px 16px;color:#fff}
header .pg{font-weight:700;font-size:16px;flex:1}
header .badge{font-size:11px;font-weight:600;background:rgba(255,255,255,.22);border-radius:999px;padding:2px 8px;letter-spacing:.02em}
header .x{all:unset;cursor:pointer;font-size:20px;line-height:1;padding:2px 6px;border-radius:6px}
header .x:focus-visible{outline:2px solid #fff}
.body{padding:18px 18px 6px}
.label{font-size:12px;color:#6b7280}
.order{font-weight:600;font-size:15px;margin:2px 0 12px;word-break:break-all}
.amount{font-size:28px;font-weight:800;letter-spacing:-.02em}
dl{display:grid;grid-template-columns:auto 1fr;gap:6px 12px;margin:14px 0 8px;font-size:13px}
dt{color:#6b7280}dd{margin:0;text-align:right;word-break:break-all}
.note{font-size:12px;color:#6b7280;background:#f5f6f8;border-radius:8px;padding:8px 10px;margin:10px 0 12px}
footer{display:grid;grid-template-columns:2fr 1fr 1fr;gap:8px;padding:0 18px 18px}
button.act{all:unset;box-sizing:border-box;text-align:center;cursor:pointer;border-radius:8px;padding:11px 8px;font-weight:700;font-size:14px;border:1px solid #d7dbe2;color:#1d2330;background:#fff}
button.act small{display:block;font-weight:500;font-size:11px;opacity:.8}
button.act:focus-visible{outline:3px solid #8ab4ff;outline-offset:1px}
button.approve{color:#fff;border-color:transparent}
button.fail{color:#b42318}
`;

/**
 * Installs the sandbox as `window.IMP` and returns its controller.
 * Calling it again returns the same controller with the new options applied.
 */
export function installSandbox(options = {}) {
  const win = options.window ?? globalThis.window ?? globalThis;
  const existing = win[STATE];
  if (existing) {
    existing.configure(options);
    if (win.IMP !== existing.IMP) win.IMP = existing.IMP;
    return existing.controller;
  }

  const opts = {
    mobile: false,
    includeSuccess: true,
    provider: null,
    channels: {},
    lang: 'ko',
    navigate: null,
  };
  const queue = []; // scripted answers: { kind, code, msg, redirect }
  let host = null; // the shadow host of the open dialog
  let pending = null; // { params, callback, provider }
  const previous = Object.prototype.hasOwnProperty.call(win, 'IMP') ? { value: win.IMP } : null;

  function configure(o = {}) {
    for (const k of ['mobile', 'includeSuccess', 'provider', 'lang', 'navigate']) {
      if (o[k] !== undefined) opts[k] = o[k];
    }
    if (o.channels) opts.channels = { ...opts.channels, ...o.channels };
  }
  configure(options);

  function navigate(url) {
    if (typeof opts.navigate === 'function') opts.navigate(url);
    else win.location.assign(url);
  }

  function answer(kind, params, callback, provider, extra = {}) {
    const dflt = kind === 'cancel' ? SANDBOX_CANCEL : SANDBOX_FAIL;
    const err = { code: extra.code ?? dflt.code, msg: extra.msg ?? dflt.msg };
    const res = buildResponse(kind, params, provider, err, opts);
    controller.responses.push(res);
    const redirect = extra.redirect ?? opts.mobile;
    if (redirect) {
      const target = params && typeof params.m_redirect_url === 'string' ? params.m_redirect_url : '';
      if (!target) {
        // request-pay-params.mdx: without m_redirect_url a redirect-mode payment's result is lost.
        console.warn('[iamport-pay/sandbox] redirect mode without m_redirect_url: the result is lost, as with the real SDK');
        return;
      }
      const base = win.location && win.location.href ? win.location.href : 'http://localhost/';
      // imp_success is the query's spelling of the flag (daou-notes.mdx: "모바일 결제시에는
      // imp_success"). KSNET's ids-only answer carries none, and neither does the newest SDK
      // (includeSuccess: false; js-sdk.mdx "request_pay 응답 객체에 success가 포함되지 않습니다").
      const q = { ...res };
      if (provider === 'ksnet' || opts.includeSuccess === false) delete q.success;
      let url;
      try {
        url = sandboxRedirectUrl(target, q, base);
      } catch (e) {
        console.warn(`[iamport-pay/sandbox] refused to navigate: ${e && e.message}`);
        return;
      }
      navigate(url);
      return;
    }
    if (typeof callback === 'function') callback(res);
  }

  function closeDialog() {
    if (host) {
      host.remove();
      host = null;
    }
    if (win.document && win.document.removeEventListener) win.document.removeEventListener('keydown', onKey, true);
  }

  function onKey(e) {
    if (e.key === 'Escape' && pending) {
      e.preventDefault();
      choose('cancel');
    }
  }

  function choose(kind) {
    const p = pending;
    pending = null;
    closeDialog();
    if (p) answer(kind, p.params, p.callback, p.provider, {});
  }

  function showDialog(params, provider) {
    const doc = win.document;
    const names = own(PG_NAMES, provider);
    const pg = {
      ko: names ? names[0] : provider ?? '결제대행사',
      en: names ? names[1] : provider ?? 'Payment gateway',
      color: own(PG_COLORS, provider) ?? '#374151',
    };
    const en = opts.lang === 'en';
    const pm = str(params.pay_method) ?? 'card';
    const pmLabels = own(PAY_METHODS, pm);
    const pmName = pmLabels ? `${pmLabels[en ? 1 : 0]} (${pm})` : pm;
    const quotas = params.display && Array.isArray(params.display.card_quota) ? params.display.card_quota : null;
    host = doc.createElement('iamport-sandbox');
    host.setAttribute('data-testid', 'sandbox-host');
    const root = host.attachShadow({ mode: 'open' });
    const t = (ko, e) => (en ? `${e}<small>${ko}</small>` : `${ko}<small>${e}</small>`);
    root.innerHTML = `<style>${CSS}</style>
<div class="backdrop" part="backdrop">
 <div class="win" role="dialog" aria-modal="true" aria-labelledby="pg" data-testid="sandbox-dialog" data-provider="${esc(provider)}">
  <header style="background:${pg.color}">
   <span class="pg" id="pg" data-testid="sandbox-pg">${esc(en ? pg.en : pg.ko)}</span>
   <span class="badge">${en ? 'SANDBOX · test' : '테스트 · SANDBOX'}</span>
   <button class="x" data-act="cancel" aria-label="${en ? 'Close' : '닫기'}">×</button>
  </header>
  <div class="body">
   <div class="label">${en ? 'Order' : '주문명'}</div>
   <div class="order" data-testid="sandbox-order">${esc(params.name ?? '')}</div>
   <div class="label">${en ? 'Amount' : '결제금액'}</div>
   <div class="amount" data-testid="sandbox-amount">${esc(formatAmount(params.amount, str(params.currency)))}</div>
   <dl>
    <dt>${en ? 'Method' : '결제수단'}</dt><dd>${esc(pmName)}</dd>
    <dt>${en ? 'Order no.' : '주문번호'}</dt><dd>${esc(params.merchant_uid ?? '')}</dd>
    ${params.buyer_name ? `<dt>${en ? 'Buyer' : '구매자'}</dt><dd>${esc(params.buyer_name)}</dd>` : ''}
    ${quotas ? `<dt>${en ? 'Installments' : '할부'}</dt><dd>${esc(quotas.length ? quotas.join(', ') + (en ? ' months' : '개월') : en ? 'lump sum only' : '일시불만')}</dd>` : ''}
    ${params.escrow === true ? `<dt>${en ? 'Escrow' : '에스크로'}</dt><dd>${en ? 'yes' : '적용'}</dd>` : ''}
    ${params.customer_uid ? `<dt>${en ? 'Billing key' : '빌링키'}</dt><dd>${esc(params.customer_uid)}</dd>` : ''}
   </dl>
   <p class="note">${
     en
       ? 'Sandbox payment window from iamport-pay. No money moves. 샌드박스 결제창입니다.'
       : 'iamport-pay 샌드박스 결제창입니다. 실제 결제는 일어나지 않습니다. No money moves.'
   }</p>
  </div>
  <footer>
   <button class="act approve" data-act="approve" data-testid="sandbox-approve" style="background:${pg.color}">${t('승인', 'Approve')}</button>
   <button class="act fail" data-act="fail" data-testid="sandbox-fail">${t('실패', 'Fail')}</button>
   <button class="act" data-act="cancel" data-testid="sandbox-cancel">${t('취소', 'Cancel')}</button>
  </footer>
 </div>
</div>`;
    root.addEventListener('click', (e) => {
      const btn = e.target instanceof Element ? e.target.closest('[data-act]') : null;
      if (btn) choose(btn.getAttribute('data-act'));
    });
    doc.body.appendChild(host);
    doc.addEventListener('keydown', onKey, true);
    const first = root.querySelector('[data-act="approve"]');
    if (first) first.focus();
  }

  const IMP = {
    __sandbox: true,
    init(userCode) {
      controller.userCode = userCode ?? null;
    },
    agency(userCode, tierCode) {
      controller.userCode = userCode ?? null;
      controller.tierCode = tierCode ?? null;
    },
    request_pay(params, callback) {
      controller.calls.push(clone(params));
      const provider = providerOf(params, opts);
      const scripted = queue.shift();
      if (scripted) {
        setTimeout(() => answer(scripted.kind, params, callback, provider, scripted), 0);
        return;
      }
      if (!win.document || !win.document.body) {
        // No DOM (e.g. Node): nothing to show; behave like an approved payment window.
        setTimeout(() => answer('approve', params, callback, provider, {}), 0);
        return;
      }
      if (pending) {
        // A second window replaces the first, which reports a cancel.
        const old = pending;
        pending = null;
        closeDialog();
        answer('cancel', old.params, old.callback, old.provider, {});
      }
      pending = { params: params ?? {}, callback, provider };
      showDialog(params ?? {}, provider);
    },
  };

  const controller = {
    /** Params of every request_pay call, oldest first (deep copies). */
    calls: [],
    /** Every response the sandbox produced (callback objects, or what it put in the redirect query). */
    responses: [],
    userCode: null,
    tierCode: null,
    get mobile() {
      return opts.mobile;
    },
    set mobile(v) {
      opts.mobile = Boolean(v);
    },
    /** Whether the payment dialog is open. */
    get open() {
      return pending !== null;
    },
    approveNext(o = {}) {
      queue.push({ kind: 'approve', redirect: o.redirect });
      return controller;
    },
    failNext(code, msg, o = {}) {
      queue.push({ kind: 'fail', code: code ?? undefined, msg: msg ?? undefined, redirect: o.redirect });
      return controller;
    },
    cancelNext(o = {}) {
      queue.push({ kind: 'cancel', redirect: o.redirect });
      return controller;
    },
    /** Answers the open dialog as if its button was pressed. Returns false when none is open. */
    answerOpen(kind) {
      if (!pending) return false;
      choose(kind);
      return true;
    },
    configure(o) {
      configure(o);
      return controller;
    },
    uninstall() {
      pending = null;
      closeDialog();
      queue.length = 0;
      if (win[STATE] === state) delete win[STATE];
      if (win.IMP === IMP) {
        if (previous) win.IMP = previous.value;
        else delete win.IMP;
      }
    },
  };

  const state = { IMP, controller, configure };
  Object.defineProperty(win, STATE, { value: state, configurable: true, enumerable: false, writable: true });
  win.IMP = IMP;
  return controller;
}

/** The installed sandbox's controller, or null. */
export function getSandbox(options = {}) {
  const win = options.window ?? globalThis.window ?? globalThis;
  return win[STATE] ? win[STATE].controller : null;
}
