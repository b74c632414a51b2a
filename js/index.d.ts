// Type declarations for `iamport-pay` (the public contract is /API.md; this file follows it).
//
// Field lists come from PortOne's V1 documentation: request-pay-params.mdx (every
// IMP.request_pay parameter), request-pay-response.mdx (callback fields), and the PG pages
// inicis.mdx, kcp.mdx, ksnet.mdx, daou.mdx (pay methods, bypass keys, PG-only fields).
//
// The `// BEGIN GENERATED` … `// END GENERATED` blocks are rendered from the Rust tables
// (src/tables.rs): change the Rust table, then run `UPDATE_TABLES=1 cargo test --test tables`.

// ---------------------------------------------------------------------------------------------
// JSON

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

// ---------------------------------------------------------------------------------------------
// Providers and enums

// BEGIN GENERATED providers: from src/tables.rs; regenerate with `UPDATE_TABLES=1 cargo test --test tables`
/** A PortOne PG code this library has a rule set for (API.md "Providers"; src/provider.rs). */
export type Provider =
  | 'html5_inicis' // KG Inicis
  | 'inicis' // KG Inicis
  | 'kcp' // NHN KCP
  | 'kcp_billing' // NHN KCP (billing)
  | 'ksnet' // KSNET
  | 'daou'; // Kiwoom Pay

/**
 * A PortOne PG code (request-pay-params.mdx `pg`) this library has no rule set for: `checkParams`
 * runs the common rules only and warns `unchecked_provider`.
 */
export type UncheckedProvider =
  | 'danal' // Danal
  | 'danal_tpay' // Danal
  | 'inicis_unified' // KG Inicis unified auth
  | 'kicc' // KICC EasyPay
  | 'mobilians' // KG Mobilians
  | 'nice' // NICE (legacy)
  | 'nice_v2' // NICEPAY
  | 'settle' // Hecto Financial
  | 'settle_acc' // Hecto Financial account
  | 'smartro' // Smartro (legacy)
  | 'smartro_v2' // Smartro
  | 'tosspayments' // Toss Payments
  | 'toss_brandpay' // Toss Payments BrandPay
  | 'uplus' // Toss Payments (legacy)
  | 'welcome' // Welcome Payments
  | 'tosspay' // Toss Pay
  | 'tosspay_v2' // Toss Pay
  | 'payco' // PAYCO
  | 'kakaopay' // Kakao Pay
  | 'naverpay' // Naver Pay
  | 'naverco' // Naver Pay (order)
  | 'smilepay' // Smile Pay
  | 'paypal' // PayPal
  | 'paypal_v2' // PayPal
  | 'eximbay' // Eximbay
  | 'paymentwall'; // Paymentwall
// END GENERATED providers

/** Every PG code PortOne lists: the checked ones and the others. */
export type PortOneProvider = Provider | UncheckedProvider;

/** `pg` as PortOne writes it: the PG code alone, or `code.{MID}`. */
export type PgCode<P extends string> = P | `${P}.${string}`;

// BEGIN GENERATED pay-methods: from src/tables.rs; regenerate with `UPDATE_TABLES=1 cargo test --test tables`
/** `pay_method` codes (request-pay-params.mdx "결제수단 구분코드", plus PG-page codes; src/request.rs). */
export type PayMethod =
  | 'card' // 신용카드
  | 'trans' // 실시간 계좌이체
  | 'vbank' // 가상계좌
  | 'phone' // 휴대폰 소액결제
  | 'applepay' // 애플페이
  | 'naverpay' // 네이버페이
  | 'samsungpay' // 삼성페이
  | 'samsung' // 삼성페이
  | 'kpay' // KPay 앱
  | 'kakaopay' // 카카오페이
  | 'payco' // 페이코
  | 'lpay' // L페이
  | 'ssgpay' // SSG페이
  | 'tosspay' // 토스페이
  | 'chai' // 차이페이
  | 'cultureland' // 컬쳐랜드 문화상품권
  | 'smartculture' // 스마트문상
  | 'happymoney' // 해피머니 문화상품권
  | 'culturegift' // 문화상품권
  | 'booknlife' // 도서문화상품권
  | 'point' // 베네피아 포인트
  | 'wechat' // 위쳇페이
  | 'alipay' // 알리페이
  | 'unionpay' // 유니온페이
  | 'pinpay' // 핀페이
  | 'ssgpay_bank' // SSG 은행계좌
  | 'skpay' // 11Pay
  | 'naverpay_card' // 네이버페이 - 카드
  | 'naverpay_bridge' // 네이버페이 (카드/포인트)
  | 'naverpay_point' // 네이버페이 - 포인트
  | 'paypal' // 페이팔
  | 'toss_brandpay' // 토스페이먼츠 브랜드페이
  | 'tosspay_card' // 토스페이 - 카드
  | 'tosspay_money'; // 토스페이 - 머니

/** The pay methods of KG Inicis (`html5_inicis`, `inicis`): src/rules/inicis.rs. */
export type InicisPayMethod =
  | 'card' | 'trans' | 'vbank' | 'phone' | 'applepay' | 'naverpay' | 'samsung' | 'kakaopay'
  | 'payco' | 'lpay' | 'ssgpay' | 'tosspay' | 'cultureland' | 'smartculture' | 'happymoney'
  | 'booknlife';

/** The pay methods of NHN KCP (`kcp`): src/rules/kcp.rs. */
export type KcpPayMethod =
  | 'card' | 'trans' | 'vbank' | 'phone' | 'applepay' | 'naverpay' | 'samsung' | 'kakaopay'
  | 'payco' | 'lpay' | 'ssgpay' | 'tosspay' | 'cultureland' | 'smartculture' | 'happymoney'
  | 'booknlife' | 'point' | 'naverpay_bridge';

/** The pay methods of NHN KCP billing-key window (`kcp_billing`): src/rules/kcp.rs. */
export type KcpBillingPayMethod = 'card';

/** The pay methods of KSNET (`ksnet`): src/rules/ksnet.rs. */
export type KsnetPayMethod =
  | 'card' | 'trans' | 'vbank' | 'phone' | 'naverpay' | 'kakaopay' | 'payco' | 'lpay' | 'ssgpay';

/** The pay methods of Kiwoom Pay (`daou`): src/rules/daou.rs. */
export type DaouPayMethod =
  | 'card' | 'trans' | 'vbank' | 'phone' | 'applepay' | 'naverpay' | 'samsung' | 'kakaopay'
  | 'payco' | 'cultureland' | 'smartculture' | 'booknlife';

/**
 * `pay_method` in a response (request-pay-response.mdx "결제수단 구분코드"): every request code, plus the
 * codes only responses carry.
 */
export type ResponsePayMethod = PayMethod | 'tenpay' | 'paysbuy' | 'econtext' | 'molpay';
// END GENERATED pay-methods

// BEGIN GENERATED enums: from src/tables.rs; regenerate with `UPDATE_TABLES=1 cargo test --test tables`
/** `currency` (request-pay-params.mdx "결제통화 구분코드"); KRW when omitted. */
export type Currency = 'KRW' | 'USD' | 'EUR' | 'JPY';

/** `language` of the payment window (request-pay-params.mdx). */
export type Language = 'en' | 'ko' | 'zh';

/** The `language` values of KG Inicis (`html5_inicis`, `inicis`): src/rules/inicis.rs. */
export type InicisLanguage = 'en' | 'ko';

/** The `language` values of NHN KCP (`kcp`): src/rules/kcp.rs. */
export type KcpLanguage = 'en' | 'ko';

/** The `language` values of NHN KCP billing-key window (`kcp_billing`): src/rules/kcp.rs. */
export type KcpBillingLanguage = 'en' | 'ko';

/** The `language` values of KSNET (`ksnet`): src/rules/ksnet.rs. */
export type KsnetLanguage = 'en' | 'ko' | 'zh';

/** The `language` values of Kiwoom Pay (`daou`): src/rules/daou.rs. */
export type DaouLanguage = 'en' | 'ko' | 'zh';
// END GENERATED enums

// ---------------------------------------------------------------------------------------------
// Nested parameter objects

/** `display`: installment months the window offers. */
export interface DisplayOptions {
  /** `[]` lump sum only; `[2, 3]` lump sum plus 2 and 3 months. Installments need ≥ 50,000 KRW. */
  card_quota?: number[];
}

/** `card.direct`: open one card company's module directly. */
export interface CardDirect {
  /** Card company code (card-codes.mdx), e.g. `"361"` BC, `"366"` Shinhan. */
  code?: string;
  /** Fixed installment months; 0 is lump sum. */
  quota?: number;
}

/** One `card.detail[]` entry. */
export interface CardDetail {
  /** Card company code, or `"*"` for all. */
  card_code?: string;
  /** Show (true) or hide (false) this card company. */
  enabled?: boolean;
  /** Merchant-paid interest-free installments up to this many months. */
  max_month?: number;
}

/** `card`: card-company options. */
export interface CardOptions {
  direct?: CardDirect;
  detail?: CardDetail[];
  /** KG Inicis: merchant-paid interest-free installments for every card, up to this many months. */
  interest_free?: number;
  /** KSNET: whether installments are allowed (KB app card). */
  useInstallment?: boolean;
}

/** `period`: the service period shown in the window. */
export interface Period {
  /** Start, `YYYYMMDD`. */
  from: string;
  /** End, `YYYYMMDD`. */
  to: string;
}

/** One `products[]` item (Toss Payments escrow, request-pay-params.mdx). */
export interface Product {
  id?: string;
  name?: string;
  code?: string;
  unitPrice?: number;
  quantity?: number;
}

/** One `kcpProducts[]` item: KCP escrow of a cart (kcp.mdx "4개의 필수 속성"). */
export interface KcpProduct {
  /** Item order number. */
  orderNumber: string;
  /** Item name. */
  name: string;
  /** Quantity, 1 or more. */
  quantity: number;
  /** Item price; not compared with `amount`. */
  amount: number;
}

/** `prefill` (KCP, Kiwoom): fixes the phone number for phone payments. */
export interface Prefill {
  /** Digits only. */
  phoneNumber?: string;
}

/** KSNET `storeDetails` (card-direct and easy-pay-direct calls). */
export interface StoreDetails {
  businessName?: string;
  /** Digits only, no dashes. */
  businessRegistrationNumber?: string;
  ceoFullName?: string;
  address?: string;
  phoneNumber?: string;
}

/** Kiwoom Pay `phone`: which carriers the phone-payment window shows. */
export interface PhoneOptions {
  detail?: Array<{ carrier: 'SKT' | 'KTF' | 'LGT' | 'CJH' | '*'; enabled: boolean }>;
}

// ---------------------------------------------------------------------------------------------
// Per-PG bypass shapes

/** KG Inicis `bypass` (inicis.mdx). */
export interface InicisBypass {
  /** PC window options joined with `:`, e.g. `"noeasypay:CARDPOINT:SKIN(BLUE)"`. */
  acceptmethod?: string;
  /** Mobile window options joined with `&`, e.g. `"noeasypay=Y&twotrs_bank=Y"`. */
  P_RESERVED?: string;
  /** Hyundai Card Payshot customer key (PC). */
  ini_PAYSHOT_KEY?: string;
  /** Hyundai Card Payshot customer key (mobile). */
  P_PAYSHOT_KEY?: string;
  /** Billing-key window options. */
  inicis?: {
    /** `"01"`: show only card number, expiry and birth date (mobile). */
    authtype?: '01';
  };
}

/** NHN KCP `bypass` (kcp.mdx). */
export interface KcpBypass {
  /** The shop's member id; required for gift cards and phone payments. */
  shop_user_id?: string;
  /** Coupon area on (`Y`) or off (`N`); agreed with KCP first. */
  coupon_apply_yn?: 'Y' | 'N';
  /** Window skin, `"1"` to `"11"` (PC). */
  skin_indx?: string;
  /** Window logo URL (PC). */
  site_logo?: string;
  /** Points plus card (`Y`) or points only (`N`) (PC). */
  complex_pnt_yn?: 'Y' | 'N';
  /** Benepia member code; required for `point`. */
  pt_memcorp_cd?: string;
  /** KB Kookmin card direct call: app card `Y`, ISP `N`, both `S` (mobile only). */
  app_flag?: 'Y' | 'N' | 'S';
}

/** NHN KCP billing-key window `bypass` (kcp.mdx "SDK 빌링키 발급 요청하기"). */
export interface KcpBillingBypass {
  /** Window logo URL (PC). */
  site_logo?: string;
  /** `Y`: always show the birth-date box (PC). */
  batch_birth_day_yn?: 'Y';
}

/** KSNET `bypass` (ksnet.mdx). */
export interface KsnetBypass {
  ksnet?: {
    /** `"0"` hide, `"1"` show easy-pay options in the card window. */
    sndQpayType?: '0' | '1';
    /** Carrier: `lgt`, `ktf` or `skt` (any value when unknown, per the guide). */
    tcode?: 'skt' | 'ktf' | 'lgt' | (string & {});
    /** The requesting site's URL. */
    url?: string;
    /** KakaoPay: card only (`CARD`) or money only (`MONEY`). */
    sndKakaopayType?: 'CARD' | 'MONEY';
    /** Open the easy-pay window directly. */
    easyPayDirect?: boolean;
  };
}

/**
 * Kiwoom Pay `bypass.daou.CASHRECEIPTFLAG` (daou.mdx): the number `1` allow / `0` block for
 * `trans` and `vbank`, `'Y'` / `'N'` for `kakaopay`; any of these with other pay methods
 * (Kiwoom ignores it there). Never the strings `'0'` / `'1'`.
 */
export type DaouCashReceiptFlag = 0 | 1 | 'Y' | 'N';

/** Kiwoom Pay (`daou`) `bypass` (daou.mdx); `Flag` narrows `CASHRECEIPTFLAG` per pay method. */
export interface DaouBypass<Flag extends DaouCashReceiptFlag = DaouCashReceiptFlag> {
  daou?: {
    /** Product code; PortOne sends `iamport` when omitted. */
    PRODUCTCODE?: string;
    /** Cash receipt: transfer/vbank `1` allow, `0` block; KakaoPay `Y` / `N`. */
    CASHRECEIPTFLAG?: Flag;
    /** `Y`: skip Kiwoom's page and open the easy-pay window directly. */
    DIRECT_YN?: 'Y' | 'N';
    /** Installments per card company, e.g. `"CCBC-0:2:3^CCNH-0:2"`. */
    CARDQUOTA?: string;
  };
}

/** `bypass` of any supported PG: every PG's keys (they do not overlap). */
export type Bypass = InicisBypass & KcpBypass & KcpBillingBypass & KsnetBypass & DaouBypass;

// ---------------------------------------------------------------------------------------------
// Request params

/**
 * The fields every PG shares (request-pay-params.mdx). An optional field may also be `null`,
 * which counts as absent (`checkParams` skips it and `buildParams` drops it).
 */
export interface BaseRequestPayParams {
  /** Channel key from the PortOne console; replaces `pg`. */
  channelKey?: string | null;
  /** Order number: unique per request, at most 40 characters. */
  merchant_uid: string;
  /** Order name, at most 40 characters. */
  name?: string | null;
  /** Amount in the currency's unit (KRW: won). A number, never a string. */
  amount: number;
  tax_free?: number | null;
  /** VAT part of `amount`; `null` (the documented default) lets the PG compute it. */
  vat_amount?: number | null;
  currency?: Currency | null;
  language?: Language | null;
  buyer_name?: string | null;
  buyer_tel?: string | null;
  buyer_email?: string | null;
  buyer_addr?: string | null;
  buyer_postcode?: string | null;
  confirm_url?: string | null;
  /** Webhook URL(s) for this payment, instead of the console's. */
  notice_url?: string | string[] | null;
  /** Echoed back in the response (stored as a JSON string). */
  custom_data?: JsonValue | null;
  /** Phone payments: digital goods (`true`) or physical (`false`). */
  digital?: boolean | null;
  /** Virtual-account deadline: `YYYYMMDD`, `YYYY-MM-DD`, `YYYYMMDDHHmmss` or `YYYY-MM-DD HH:mm:ss`. */
  vbank_due?: string | null;
  /** Where mobile (redirect) windows send the buyer with the result in the query. */
  m_redirect_url?: string | null;
  /** URL scheme that returns to the shop's app (WebView). */
  app_scheme?: string | null;
  biz_num?: string | null;
  useFreeInterestFromMall?: boolean | null;
  display?: DisplayOptions | null;
  card?: CardOptions | null;
  escrow?: boolean | null;
  popup?: boolean | null;
}

/** Params of any PG: every documented field, with the general enums. */
export interface RequestPayParams extends BaseRequestPayParams {
  /** @deprecated PortOne replaces `pg` with `channelKey`. `code` or `code.{MID}`. */
  pg?: string | null;
  pay_method?: PayMethod;
  bypass?: Bypass | null;
  customer_uid?: string | null;
  products?: Product[] | null;
  period?: Period | null;
  customer_id?: string | null;
  company?: string | null;
  auth_mode?: 'key-in' | null;
  appCard?: boolean | null;
  prefill?: Prefill | null;
  kcpProducts?: KcpProduct[] | null;
  storeDetails?: StoreDetails | null;
  phone?: PhoneOptions | null;
}

/** What `buildParams` returns: `RequestPayParams` without `null`s (it drops them). */
export type BuiltRequestPayParams = { [K in keyof RequestPayParams]: Exclude<RequestPayParams[K], null> };

/** KG Inicis payment window (inicis.mdx "인증결제창 요청"). */
export interface InicisPaymentParams extends BaseRequestPayParams {
  /** @deprecated use `channelKey`. */
  pg?: PgCode<'html5_inicis'> | PgCode<'inicis'> | null;
  pay_method?: InicisPayMethod;
  /** 주문명. Required by this PG: its page lists `name: string` without `?` (docs/RULES.md §1.4). */
  name: string;
  language?: InicisLanguage | null;
  /** Required by KG Inicis ("필수 파라미터 입니다"). */
  buyer_tel: string;
  bypass?: InicisBypass | null;
  period?: Period | null;
  customer_id?: string | null;
  customer_uid?: undefined | null;
}

/** KG Inicis billing-key window (inicis.mdx "비인증 결제창 요청"). */
export interface InicisBillingParams extends BaseRequestPayParams {
  /** @deprecated use `channelKey`. */
  pg?: PgCode<'html5_inicis'> | PgCode<'inicis'> | null;
  pay_method?: 'card';
  language?: InicisLanguage | null;
  /** 주문명. Required by this PG: its page lists `name: string` without `?` (docs/RULES.md §1.4). */
  name: string;
  /** The billing key id this card is stored under. */
  customer_uid: string;
  bypass?: InicisBypass | null;
  customer_id?: string | null;
}

/** KG Inicis params. */
export type InicisRequestPayParams = InicisPaymentParams | InicisBillingParams;

/** NHN KCP payment window (kcp.mdx). */
export interface KcpRequestPayParams extends BaseRequestPayParams {
  /** @deprecated use `channelKey`. */
  pg?: PgCode<'kcp'> | null;
  pay_method?: KcpPayMethod;
  /** 주문명. Required by this PG: its page lists `name: string` without `?` (docs/RULES.md §1.4). */
  name: string;
  language?: KcpLanguage | null;
  bypass?: KcpBypass | null;
  /** Shop name shown in the window and card modules. */
  company?: string | null;
  /** `key-in`: one-off key-in payment window. */
  auth_mode?: 'key-in' | null;
  /** Only app-card payments. */
  appCard?: boolean | null;
  prefill?: Prefill | null;
  /** Escrow of a cart: one entry per item. */
  kcpProducts?: KcpProduct[] | null;
  customer_uid?: string | null;
}

/** NHN KCP billing-key window (`kcp_billing`, kcp.mdx "SDK 빌링키 발급 요청하기"). */
export interface KcpBillingRequestPayParams extends BaseRequestPayParams {
  /** @deprecated use `channelKey`. */
  pg?: PgCode<'kcp_billing'> | null;
  pay_method?: KcpBillingPayMethod;
  /** 주문명. Required by this PG: its page lists `name: string` without `?` (docs/RULES.md §1.4). */
  name: string;
  language?: KcpBillingLanguage | null;
  /** The billing key id this card is stored under (required). */
  customer_uid: string;
  bypass?: KcpBillingBypass | null;
}

/** KSNET (ksnet.mdx). Its callback carries only `imp_uid` and `merchant_uid`. */
export interface KsnetRequestPayParams extends BaseRequestPayParams {
  /** @deprecated use `channelKey`. */
  pg?: PgCode<'ksnet'> | null;
  pay_method?: KsnetPayMethod;
  language?: KsnetLanguage | null;
  /**
   * Needed by KSNET's card-direct (`card.direct`) and easy-pay-direct
   * (`bypass.ksnet.easyPayDirect`) calls (ksnet.mdx); `checkParams` reports it there.
   */
  buyer_name?: string | null;
  bypass?: KsnetBypass | null;
  appCard?: boolean | null;
  storeDetails?: StoreDetails | null;
  period?: Period | null;
}

/** The Kiwoom Pay fields every pay method shares (daou.mdx). */
export interface DaouBaseParams extends BaseRequestPayParams {
  /** @deprecated `pg: "daou"` is deprecated; use `channelKey`. */
  pg?: 'daou' | null;
  language?: DaouLanguage | null;
  /** 주문명. Required by this PG: its page lists `name: string` without `?` (docs/RULES.md §1.4). */
  name: string;
  /** Required: must match the Kiwoom Pay contract (digital or physical goods). */
  digital: boolean;
  prefill?: Prefill | null;
  phone?: PhoneOptions | null;
}

/**
 * Kiwoom Pay (`daou`, daou.mdx). `bypass.daou.CASHRECEIPTFLAG` depends on the pay method
 * (`DaouCashReceiptFlag`), so the type is one member per group of pay methods.
 */
export type DaouRequestPayParams =
  | (DaouBaseParams & { pay_method: 'trans' | 'vbank'; bypass?: DaouBypass<0 | 1> })
  | (DaouBaseParams & { pay_method: 'kakaopay'; bypass?: DaouBypass<'Y' | 'N'> })
  | (DaouBaseParams & {
      pay_method?: Exclude<DaouPayMethod, 'trans' | 'vbank' | 'kakaopay'>;
      bypass?: DaouBypass;
    });

/** The params type of each provider. */
export interface RequestPayParamsByProvider {
  html5_inicis: InicisRequestPayParams;
  inicis: InicisRequestPayParams;
  kcp: KcpRequestPayParams;
  kcp_billing: KcpBillingRequestPayParams;
  ksnet: KsnetRequestPayParams;
  daou: DaouRequestPayParams;
}

/** `RequestPayParamsFor<'kcp'>` is `KcpRequestPayParams`. */
export type RequestPayParamsFor<P extends Provider> = RequestPayParamsByProvider[P];

// ---------------------------------------------------------------------------------------------
// Checking

// BEGIN GENERATED issue-codes: from src/tables.rs; regenerate with `UPDATE_TABLES=1 cargo test --test tables`
/** Stable issue codes (API.md "Issue codes"; src/issue.rs). */
export type IssueCode = ErrorIssueCode | WarningIssueCode;

/** Codes that block the payment by default. */
export type ErrorIssueCode =
  | 'required' // a field this PG / mode needs is missing or empty
  | 'invalid_type' // wrong JSON type
  | 'invalid_value' // a value outside the allowed set or format
  | 'too_long' // a string over its limit
  | 'out_of_range' // a number out of range
  | 'unsupported_pay_method' // this PG (or mode) does not offer this pay_method
  | 'unsupported_option' // this PG does not support this option in this combination
  | 'forbidden_field' // card data in browser params
  | 'unknown_provider'; // `pg` is not a PortOne PG code

/** Codes that never block. */
export type WarningIssueCode =
  | 'unknown_field' // a key PortOne does not define
  | 'deprecated' // a deprecated form, e.g. `pg: "daou"`
  | 'below_installment_minimum' // installments offered below 50,000 KRW
  | 'coerced' // a documented legacy form was accepted and normalized
  | 'unchecked_provider'; // a PortOne PG without a rule set here
// END GENERATED issue-codes

/** One problem. */
export interface Issue {
  /** Wire-name path: `buyer_tel`, `bypass.shop_user_id`, `kcpProducts[1].name`; the root is `""`. */
  path: string;
  code: IssueCode;
  /** English. */
  message: string;
  /** Korean. */
  messageKo: string;
}

export interface CheckOptions {
  /**
   * Which PG's rules apply; needed when the params have only `channelKey`. A PortOne code
   * without a rule set here (`UncheckedProvider`) runs the common rules and warns.
   */
  provider?: PortOneProvider;
  /** Mobile (redirect) mode: e.g. `m_redirect_url` becomes necessary. */
  mobile?: boolean;
  /** In-app WebView mode (`app_scheme`). */
  webview?: boolean;
}

export interface PayOptions extends CheckOptions {
  /**
   * Redirect (mobile) mode: the checks then need `m_redirect_url`. `requestPay` detects it from
   * the user agent when omitted (a phone or tablet gets PortOne's redirect flow).
   */
  mobile?: boolean;
  /** Merchant id (`imp…`) for `IMP.init`; needed unless `IMP` is already initialized. */
  userCode?: string;
  /** Where to load iamport.js from (default PortOne's CDN). */
  sdkUrl?: string;
  /** How long to wait for the SDK to load, in ms. */
  timeoutMs?: number;
  /**
   * Save the order in `sessionStorage` before the window opens, for `takePendingOrder` on the
   * `m_redirect_url` page (default true; `false` saves nothing).
   */
  keepPendingOrder?: boolean;
}

export interface LoadOptions {
  userCode: string;
  sdkUrl?: string;
  timeoutMs?: number;
}

/**
 * The result of `checkParams`: `ok` is true exactly when `errors` is empty. `provider` is the
 * PG the rules ran for, or a PortOne code without a rule set (only the common rules ran), or
 * null (none named).
 */
export type CheckResult =
  | { ok: true; provider: PortOneProvider | null; errors: Issue[] & { readonly length: 0 }; warnings: Issue[] }
  | { ok: false; provider: PortOneProvider | null; errors: [Issue, ...Issue[]]; warnings: Issue[] };

// ---------------------------------------------------------------------------------------------
// Results

/** `status`: `ready` (vbank issued, window left), `paid`, `failed` (declined, closed, cancelled). */
export type PaymentStatus = 'ready' | 'paid' | 'failed';

/** `pg_provider` in a response (request-pay-response.mdx, plus `ksnet`). */
export type PgProvider =
  | 'html5_inicis' | 'inicis' | 'kcp' | 'kcp_billing' | 'uplus' | 'nice' | 'kicc' | 'kakaopay' | 'danal'
  | 'danal_tpay' | 'mobilians' | 'payco' | 'paypal' | 'eximbay' | 'naverpay' | 'naverco' | 'smilepay'
  | 'paymentwall' | 'tosspay' | 'smartro' | 'settle' | 'settle_acc' | 'daou' | 'tosspayments'
  | 'paypal_v2' | 'nice_v2' | 'smartro_v2' | 'toss_brandpay' | 'welcome' | 'ksnet';

/** `emb_pg_provider`: the easy-pay service used inside the window (`kakopay` is PortOne's spelling). */
export type EmbPgProvider =
  | 'naverpay' | 'kakaopay' | 'kakopay' | 'payco' | 'samsungpay' | 'ssgpay' | 'lpay' | 'applepay'
  | 'pinpay' | 'tosspay' | 'skpay' | 'toss_brandpay';

/**
 * The object `IMP.request_pay` passes to its callback (request-pay-response.mdx). Which fields
 * are present depends on the PG and SDK: KSNET's carries only `imp_uid` and `merchant_uid`
 * (plus `error_code` / `error_msg` on failure).
 */
export interface PaymentResponse {
  /** PortOne payment id; may be null when a pre-validation failed. */
  imp_uid: string | null;
  merchant_uid: string;
  /** Deprecated success flag (some PGs / SDK versions). */
  success?: boolean;
  /** The same flag as some PGs spell it. */
  imp_success?: boolean;
  /** PG's own failure code. */
  error_code?: string | null;
  /** PG's own failure message. */
  error_msg?: string | null;
  pay_method?: ResponsePayMethod;
  paid_amount?: number;
  status?: PaymentStatus;
  name?: string | null;
  pg_provider?: PgProvider;
  emb_pg_provider?: EmbPgProvider | null;
  pg_tid?: string | null;
  pg_type?: 'payment';
  currency?: Currency;
  buyer_name?: string | null;
  buyer_email?: string | null;
  buyer_tel?: string | null;
  buyer_addr?: string | null;
  buyer_postcode?: string | null;
  /** `custom_data` of the request, as a JSON string. */
  custom_data?: string | null;
  /** Approval time, UNIX seconds (documented as string, sent as a number in the sample). */
  paid_at?: number | string;
  receipt_url?: string | null;
  /** Card approval number (card only). */
  apply_num?: string | null;
  card_name?: string | null;
  card_number?: string | null;
  card_quota?: number;
  bank_name?: string | null;
  vbank_num?: string | null;
  vbank_name?: string | null;
  vbank_holder?: string | null;
  /** Deposit deadline, UNIX seconds. */
  vbank_date?: number | string | null;
}

/**
 * What `requestPay` resolves with: every field of the callback response, `success` normalized
 * from `success` / `imp_success` / `error_code` / `error_msg` (null when the response does not
 * say, as with KSNET), and `verified: false` as a reminder that the server must look the payment
 * up with `GET /payments/{imp_uid}`.
 */
export interface PaymentResult extends Omit<PaymentResponse, 'success'> {
  success: boolean | null;
  verified: false;
}

// A PaymentResult is a fresh plain object: each own field of the response is copied with
// own-property definition (an own `__proto__` key stays a data field, never a prototype), and
// a field whose getter throws is left out.

/** The name of the event a late payment result is dispatched as, on `window`. */
export declare const LATE_RESULT_EVENT: 'iamport-pay:late-result';

/**
 * A callback that did not settle its `requestPay`: one that differs from the result the
 * promise already resolved with (another `imp_uid` or `success`), any callback after the
 * promise rejected with `payment_state_unknown`, and a callback naming another
 * `merchant_uid`. Dispatched on `window` (with a `console.warn`); `detail` is unverified.
 */
export type LateResultEvent = CustomEvent<PaymentResult>;

declare global {
  interface WindowEventMap {
    'iamport-pay:late-result': LateResultEvent;
  }
}

/** What `parseRedirect` reads from an `m_redirect_url` query. */
export interface RedirectResult {
  /** An empty `imp_uid` becomes null. */
  imp_uid: string | null;
  merchant_uid: string;
  /** From `imp_success` (or legacy `success`); false when only an error is present; null for ids only. */
  success: boolean | null;
  error_code: string | null;
  error_msg: string | null;
  verified: false;
}

/** The order `requestPay` stored (with `keepPendingOrder`) before the window opened. */
export interface PendingOrder {
  merchant_uid: string;
  amount: number;
  name: string | null;
  /** `pg` or `channelKey` of the request. */
  pg: string | null;
  /** When it was stored, ms since the epoch. */
  createdAt: number;
  customData?: JsonValue;
}

// ---------------------------------------------------------------------------------------------
// Errors

/** `IamportPayError.code` (API.md). */
export type IamportPayErrorCode =
  | 'invalid_params'
  | 'sdk_load_failed'
  | 'sdk_timeout'
  | 'duplicate_request'
  /**
   * The payment window's state is unknown: `IMP.request_pay` threw or its promise rejected
   * after it may have opened the window, or the page came back from the back-forward cache
   * (Back on the PG page) while a redirect payment was open. The payment may have gone
   * through: ask your server (`GET /payments/find/{merchant_uid}`) before paying again. The
   * `merchant_uid` stays locked (`duplicate_request`) until the SDK calls back (that callback
   * arrives as an `iamport-pay:late-result` event) or the page navigates.
   */
  | 'payment_state_unknown'
  | 'invalid_redirect'
  | 'not_in_browser';

/** What every `IamportPayError` has. */
export interface IamportPayErrorBase extends Error {
  name: 'IamportPayError';
  readonly code: IamportPayErrorCode;
}

/** `invalid_params`: always carries the errors found. */
export interface InvalidParamsError extends IamportPayErrorBase {
  readonly code: 'invalid_params';
  /** The errors found (never empty). */
  readonly issues: Issue[];
}

/** Every other code: no `issues`. */
export interface OtherIamportPayError extends IamportPayErrorBase {
  readonly code: Exclude<IamportPayErrorCode, 'invalid_params'>;
  readonly issues?: undefined;
}

/**
 * Every error iamport-pay throws or rejects with, discriminated by `code`: after
 * `e instanceof IamportPayError && e.code === 'invalid_params'`, `e.issues` is an `Issue[]`.
 */
export type IamportPayError = InvalidParamsError | OtherIamportPayError;

/** The `IamportPayError` class (a subclass of `Error`). */
export declare const IamportPayError: {
  new (code: 'invalid_params', message: string, issues: Issue[]): InvalidParamsError;
  new (code: Exclude<IamportPayErrorCode, 'invalid_params'>, message: string): OtherIamportPayError;
  readonly prototype: IamportPayError;
};

// ---------------------------------------------------------------------------------------------
// window.IMP

/** PortOne's V1 SDK object, `window.IMP` (js-sdk.mdx): what `loadIamport` loads and initializes. */
export interface IamportSdk {
  /** Sets the merchant id (`imp…`). */
  init(userCode: string): void;
  /** Sets the merchant id and a tier code (agency accounts). */
  agency?(userCode: string, tierCode: string): void;
  /** Opens the payment window; the callback gets the response (PC), or the page redirects. */
  request_pay(params: RequestPayParams, callback?: (response: PaymentResponse) => void): void;
}

/**
 * A `window` that may hold PortOne's SDK. Not declared on the global `Window` (a page may type
 * `IMP` itself); read it with `(window as Window & IamportWindow).IMP`, or opt in once with
 * `declare global { interface Window extends IamportWindow {} }`.
 */
export interface IamportWindow {
  IMP?: IamportSdk;
}

// ---------------------------------------------------------------------------------------------
// Functions

/** Checks params against the common and the PG's rules. Never throws on bad input. */
export declare function checkParams(params: unknown, options?: CheckOptions): CheckResult;

/**
 * The normalized copy `IMP.request_pay` should receive.
 * @throws {IamportPayError} `invalid_params` (with `issues`) when there is any error.
 */
export declare function buildParams(params: unknown, options?: CheckOptions): BuiltRequestPayParams;

/**
 * Loads PortOne's iamport.js (once; a `window.IMP` already there is reused) and calls
 * `IMP.init(userCode)`.
 * @throws {IamportPayError} `sdk_load_failed`, `sdk_timeout`, `invalid_params` (empty
 * `userCode`), `not_in_browser`.
 */
export declare function loadIamport(options: LoadOptions): Promise<void>;

/**
 * Validates, loads the SDK if needed, and calls `IMP.request_pay`. Resolves with the response
 * whether the payment succeeded or not; rejects with `invalid_params` before opening anything
 * when the params have errors. In redirect mode the page navigates away instead.
 * The params are checked and the `merchant_uid` locked synchronously, when `requestPay` is
 * called: a second call for the same order, even in the same tick, rejects with
 * `duplicate_request`.
 * @throws {IamportPayError} `invalid_params` (with `issues`), `duplicate_request` (this
 * `merchant_uid` is still open), `sdk_load_failed`, `sdk_timeout`, `payment_state_unknown`
 * (the window may be open: check your server before retrying), `not_in_browser`.
 */
export declare function requestPay(params: unknown, options?: PayOptions): Promise<PaymentResult>;

/**
 * Reads the result PortOne appends to `m_redirect_url` (default: `window.location`).
 * @throws {IamportPayError} `invalid_redirect` when there is no `merchant_uid`.
 */
export declare function parseRedirect(input?: string | URL | Location): RedirectResult;

/**
 * Returns and forgets the order `requestPay` saved for `merchantUid` in `sessionStorage`, or
 * null (none, expired after an hour, or damaged).
 * @throws {IamportPayError} `not_in_browser`.
 */
export declare function takePendingOrder(merchantUid: string): PendingOrder | null;

/** The library version. */
export declare function version(): string;
