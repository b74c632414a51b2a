// The JS surface of `iamport-pay`; the logic lives in Rust (src/js, src/wire.rs). Browsers
// and bundlers get pkg/index.js: this file with wasm-bindgen's glue folded in by
// scripts/entry.mjs (two fetches: that file, then the wasm, compiled while it downloads by
// instantiateStreaming). The wasm is fetched next to the module and instantiated with
// top-level await, so importers need no init call. The Node entry (node.js) initializes the
// same wasm from disk first and re-exports this file, which then imports the glue as is.
import init, * as bindings from '../pkg/iamport_pay.js';

const BRAND = Symbol.for('iamport-pay.IamportPayError');

/** The event a late payment result is dispatched as, on `window` (`detail`: a PaymentResult). */
export const LATE_RESULT_EVENT = 'iamport-pay:late-result';

/** An error from iamport-pay. `code` is one of API.md's error codes. */
export class IamportPayError extends Error {
  constructor(code, message, issues) {
    super(message);
    this.name = 'IamportPayError';
    this.code = code;
    if (issues !== undefined) this.issues = issues;
  }

  // The redirect entry (redirect.js) has its own copy of this class: either one's
  // `instanceof` accepts both.
  static [Symbol.hasInstance](e) {
    return e !== null && typeof e === 'object' && e[BRAND] === true;
  }
}
Object.defineProperty(IamportPayError.prototype, BRAND, { value: true });

// ---- messages: tests/web_json_guard.rs evaluates this section in Chromium and Firefox ----
// The wasm answers with each issue's row of the message table and the values the row shows
// (src/wire.rs, push_issue), not text: these functions render API.md's
// `{ path, code, message, messageKo }` from the generated copy of the table, as
// Issue::message does in Rust (src/issue.rs), and only for the issues there are.
// BEGIN GENERATED messages: from src/tables.rs; regenerate with `UPDATE_TABLES=1 cargo test --test tables`
/** Every English message template (src/issue.rs, `Msg`), in table order. */
const MESSAGES_EN = (
  "request_pay params must be an object\n" + // NotObject
  "{path} must be a string\n" + // MustBeString
  "{path} must be a JSON number, not a string\n" + // MustBeNumber
  "{path} must be a whole number\n" + // MustBeInteger
  "{path} must be true or false\n" + // MustBeBool
  "{path} must be an object\n" + // MustBeObject
  "{path} must be an array\n" + // MustBeArray
  "{path} must be a URL string or an array of URL strings\n" + // MustBeStringOrArray
  "{path} must be a finite number\n" + // NotFinite
  "{path} is nested too deeply to be request_pay data\n" + // TooDeep
  "{path} holds too many values to be request_pay data\n" + // TooLarge
  "{path} makes the input larger than {arg} bytes of text, far more than request_pay data holds\n" + // TooManyBytes
  "{path} must be plain JSON data (a string, number, boolean, array or plain object), not {arg}\n" + // NotPlainData
  "{path} could not be read: {arg}\n" + // Unreadable
  "{path} is required\n" + // Required
  "{path} is required by {pg}\n" + // RequiredBy
  "buyer_tel is required by {pg}\n" + // BuyerTelRequired
  "digital is required when pay_method is \"phone\": set true for digital goods, false for physical goods\n" + // DigitalRequiredForPhone
  "m_redirect_url is needed on mobile: the payment window navigates away and the result arrives only at that URL\n" + // RedirectMissingOnMobile
  "{path} must be at most {arg} characters\n" + // TooLongChars
  "{path} must be at most {arg} bytes\n" + // TooLongBytes
  "{path} must be 0 or more\n" + // NegativeAmount
  "{path} is too large to be an exact amount\n" + // UnsafeInteger
  "tax_free must not exceed amount\n" + // TaxFreeOverAmount
  "vat_amount must not exceed amount minus tax_free\n" + // VatOverTaxable
  "amount was given as the string {arg}; it was sent as a number\n" + // AmountCoerced
  "amount must be a JSON number, not a string such as \"1004\"\n" + // AmountStringNotAllowed
  "vbank_due must be a real date in one of the formats {arg}\n" + // BadVbankDue
  "{path} must be a real date written YYYYMMDD\n" + // BadDate
  "period.from must not be after period.to\n" + // PeriodReversed
  "{path} must be an absolute http:// or https:// URL\n" + // BadUrl
  "{path} must be one of {arg}\n" + // BadEnum
  "pay_method {arg} is not a PortOne pay_method code (card, trans, vbank, phone, kakaopay, …)\n" + // UnknownPayMethod
  "{path} must be a card company code from PortOne's card-code table, such as 361 (BC) or 366 (Shinhan)\n" + // BadCardCode
  "{path} must set enabled or max_month\n" + // CardDetailEmpty
  "{path}: installments (2 months or more) need an amount of at least 50,000 KRW\n" + // QuotaBelowMinimum
  "display.card_quota offers installments, but installments need an amount of at least 50,000 KRW; the window will offer a lump-sum payment only\n" + // InstallmentMinimum
  "{path} must be a number of months between 0 and {arg}\n" + // BadMonth
  "{path} must contain digits only (no dashes or spaces)\n" + // DigitsOnly
  "{path} is not a request_pay parameter\n" + // UnknownKey
  "{path} is not a request_pay parameter; did you mean {arg}?\n" + // UnknownKeyDidYouMean
  "{path} is not a documented key of this object\n" + // UnknownNestedKey
  "{path} is not a documented key of this object; did you mean {arg}?\n" + // UnknownNestedKeyDidYouMean
  "{path} is an own __proto__ key (as JSON.parse makes); it would change the object's prototype and is never sent\n" + // ProtoKey
  "the PG code in pg is not a PortOne PG code; did you mean {arg}?\n" + // UnknownPgDidYouMean
  "pay_method is not a PortOne pay_method code; did you mean {arg}?\n" + // UnknownPayMethodDidYouMean
  "buyer_tel should hold a phone number: digits, with -, +, spaces or parentheses\n" + // BuyerTelFormat
  "neither pg nor channelKey is set, so no PG's rules were checked (only the common rules); set pg, or channelKey with options.provider\n" + // NoPgNoChannelKey
  "{path} must never be sent from the browser; issue billing keys through the server REST API\n" + // CardData
  "pg {arg} is not a PortOne PG code\n" + // UnknownPg
  "options.provider {arg} is not a PortOne PG code\n" + // UnknownProviderOption
  "iamport-pay has no rule set for {arg}; only the common rules were checked\n" + // UncheckedPg
  "channelKey does not say which PG it is; pass options.provider to check that PG's rules (only the common rules were checked)\n" + // ChannelKeyOnly
  "{pg} does not offer pay_method {arg}\n" + // UnsupportedPayMethodBy
  "{path} is not supported by {pg} in this combination\n" + // UnsupportedOptionBy
  "app_scheme is required inside an app WebView: the card app returns to the shop's app through it\n" + // AppSchemeInWebview
  "{path} is not a bypass option any of KG Inicis, NHN KCP, KSNET or Kiwoom Pay documents\n" + // UnknownBypassKey
  "phone is Kiwoom Pay's carrier filter object ({ detail: [...] }); the buyer's phone number goes in buyer_tel\n" + // PhoneIsCarrierFilter
  "{arg}\n" + // Custom
  "card_number must be the card's 16 (AMEX: 15) digits, optionally grouped with dashes as in 1234-1234-1234-1234\n" + // ServerCardNumber
  "expiry must be the card's expiry month written YYYY-MM, such as 2025-12\n" + // ServerExpiry
  "birth must be the holder's birth date YYMMDD (6 digits) or, for a corporate card, the 10-digit business number\n" + // ServerBirth
  "pwd_2digit must be the first 2 digits of the card password\n" + // ServerPwd2Digit
  "amount must be more than 0: this call charges the billing key\n" + // ServerBillingAmount
  "imp_uid or merchant_uid is required: it says which payment to cancel\n" + // ServerCancelWhich
  "amount must be more than 0; leave it out to cancel the whole payment\n" + // ServerCancelAmount
  "{path} is a part of the cancelled amount: give amount with it\n" + // ServerCancelPartWithoutAmount
  "{path} is required with amount by KG Inicis: it cancels exactly the amount, VAT and tax-free values sent\n" + // ServerCancelInicisParts
  "amount must not exceed checksum, the cancellable balance\n" + // ServerCancelOverChecksum
  "logis.sent_at must be UNIX time in seconds (10 digits), not {arg}; milliseconds are a common mistake\n" + // ServerSentAtSeconds
  "identifier must be the 10-digit business registration number when identifier_type is \"business\"\n" + // ServerBusinessIdentifier
  "amount must be more than 0: it is the cash received\n" + // ServerReceiptAmount
  "{pg}'s billing-key window (customer_uid set) takes pay_method \"card\" only, not {arg}\n" + // InicisBillingCardOnly
  "pay_method \"chai\" is only in KG Inicis's old guide; the current page no longer lists it\n" + // InicisChaiDeprecated
  "{path}: {arg} is not a KG Inicis acceptmethod token (noeasypay, CARDPOINT, no_receipt, SKIN(colour), cardshowopt(card-option), disablepoint, usespcp, cd_ps(card-months)), colon-separated\n" + // InicisAcceptmethodToken
  "{path} has an empty token: join acceptmethod tokens with one colon, e.g. \"noeasypay:CARDPOINT\"\n" + // InicisAcceptmethodEmpty
  "{path}: {arg} has a bad argument: SKIN(BLUE) or SKIN(#c1272c), cardshowopt(04-6), cd_ps(14-3)\n" + // InicisAcceptmethodArgument
  "{path} names {arg} twice; each acceptmethod token may appear once\n" + // InicisAcceptmethodRepeated
  "{path}: {arg} is not key=value; P_RESERVED joins key=value pairs with &, e.g. \"noeasypay=Y&cp_yn=Y\"\n" + // InicisReservedNotPair
  "{path}: {arg} is not a KG Inicis P_RESERVED key (noeasypay, cp_yn, dcp_yn, vbank_receipt, bank_receipt, twotrs_bank, apprun_check, app_scheme, iosapp, cardshowopt)\n" + // InicisReservedKey
  "{path}: {arg} must be Y or N\n" + // InicisReservedFlag
  "{path}: app_scheme must be a URL scheme followed by ://, e.g. app_scheme=myshop://\n" + // InicisReservedAppScheme
  "{path}: cardshowopt must be card code:option, e.g. cardshowopt=04:6\n" + // InicisReservedCardshowopt
  "{path} sets {arg} twice; each P_RESERVED key may appear once\n" + // InicisReservedRepeated
  "{path}: apprun_check=Y (Android intent call) cannot be used together with app_scheme=\n" + // InicisApprunWithAppScheme
  "{path}: a bank transfer inside an app should send twotrs_bank=Y (KG Inicis: \"계좌이체 거래 시 필수 입력 값\")\n" + // InicisTwotrsBank
  "{path} must be \"01\" (card number, expiry and birth date only) or left out\n" + // InicisAuthtype
  "{path} is for the billing-key window only: set customer_uid, or drop it\n" + // InicisAuthtypeBillingOnly
  "{path} must be a whole number of months (e.g. 7: interest-free up to 7 months on every card)\n" + // InicisInterestFree
  "{pg} shows its window in ko or en only\n" + // LanguageKoEn
  "kcp_billing (the billing-key window) takes pay_method \"card\" only, not {arg}\n" + // KcpBillingCardOnly
  "customer_uid is required by kcp_billing: it names the billing key the window issues\n" + // KcpBillingCustomerUid
  "customer_uid opens a billing-key window, which NHN KCP serves on {arg}, not on plain kcp\n" + // KcpCustomerUidNeedsBilling
  "kcpProducts is required for an NHN KCP escrow payment: a list of {orderNumber, name, quantity, amount}\n" + // KcpProductsForEscrow
  "{path} must be 1 or more\n" + // KcpQuantity
  "bypass.shop_user_id (the shop's member id) is required by {pg} for gift certificates and phone payments\n" + // KcpShopUserId
  "{path} has a character NHN KCP cannot send (EUC-KR has no form for it)\n" + // KcpShopUserIdEucKr
  "buyer_name is required by {pg} for phone payments\n" + // KcpPhoneBuyerName
  "bypass.pt_memcorp_cd (Benepia member code) is required for pay_method \"point\"\n" + // KcpPointMemberCode
  "{path} must be a string from \"1\" to \"11\"\n" + // KcpSkinIndex
  "{path} only applies to a KB Kookmin Card direct call (card.direct.code \"381\")\n" + // KcpAppFlagKbDirect
  "{path} is for the kcp_billing billing-key window only\n" + // KcpBatchBirthDayBillingOnly
  "auth_mode must be \"key-in\" (key-in payment) or left out\n" + // KcpAuthMode
  "{path}: NHN KCP reads 60 or more as card points plus months; 60+ is for KB Kookmin, BC, Samsung, Hana, Lotte, Shinhan, NH, Woori and Citi, 80+ for Hyundai only, not card {arg}\n" + // KcpPointQuota
  "{path} (merchant-paid interest-free months) is not supported by NHN KCP\n" + // KcpNoMaxMonth
  "{path}: installments usually need 50,000 KRW; NHN KCP takes them from 10,000 KRW on some cards only, so check that this card does\n" + // KcpInstallmentSomeCards
  "card.interest_free is a KG Inicis option; {pg} does not support it\n" + // KcpNoInterestFree
  "KSNET has no billing-key window; issue billing keys on the server with POST /subscribe/customers/{customer_uid}\n" + // KsnetNoBillingWindow
  "bypass.ksnet must be an object such as { sndQpayType: \"0\" }\n" + // KsnetBypassObject
  "bypass.ksnet.sndQpayType must be the string \"0\" (hide easy-pay methods) or \"1\" (show them)\n" + // KsnetSndQpayType
  "bypass.ksnet.sndKakaopayType must be \"CARD\" (card only) or \"MONEY\" (Kakao Money only); leave it out to allow both\n" + // KsnetSndKakaopayType
  "bypass.ksnet.url must be the absolute http(s) URL of the site that requests the payment\n" + // KsnetSiteUrl
  "KSNET supports only currency KRW or USD\n" + // KsnetCurrency
  "tax_free should be given for KSNET (send 0 when nothing is tax-free): PortOne runs KSNET merchant IDs with mixed taxation\n" + // KsnetTaxFree
  "vbank_due is required for a KSNET virtual account: without a deadline KSNET may misbehave, so PortOne requires it\n" + // KsnetVbankDue
  "{path} cannot be set for a KSNET virtual account: KSNET one-time virtual accounts take no VAT or tax-free amount\n" + // KsnetVbankNoTaxVat
  "buyer_email is required for KSNET escrow: the buyer confirms the purchase by email\n" + // KsnetEscrowEmail
  "display.card_quota offers only installments (KSNET shows exactly the listed months), and installments need at least 50,000 KRW (Hyundai Card: 10,000 KRW): no card can pay this amount; add 0 for lump sum\n" + // KsnetQuotaNoLumpSum
  "display.card_quota offers installments, but KSNET allows them from 50,000 KRW (Hyundai Card from 10,000 KRW); below that only lump sum can be paid\n" + // KsnetQuotaMinimum
  "display.card_quota cannot be set for {arg} on KSNET: it always shows 1-12 months from 50,000 KRW\n" + // KsnetQuotaFixed
  "{path}: merchant-paid interest-free installments are not available with KSNET easy pay ({arg})\n" + // KsnetEasyPayNoMallInterest
  "{path}: KSNET sets merchant-paid interest-free installments only for BC, KB, Hana, Samsung, Shinhan, Hyundai, Lotte and NH cards (361, 381, 374, 365, 366, 367, 368, 371)\n" + // KsnetMaxMonthIssuer
  "card.interest_free is a KG Inicis option; with KSNET use card.detail[].max_month and useFreeInterestFromMall\n" + // KsnetNoInterestFree
  "buyer_name is required for KSNET card direct (card.direct)\n" + // KsnetDirectBuyerName
  "KSNET card direct (card.direct) accepts only currency KRW\n" + // KsnetDirectKrw
  "{path} is required when a mobile KSNET window calls card {arg} directly (BC, Suhyup, Jeonbuk, Gwangju, Kakao Bank)\n" + // KsnetDirectMobile
  "{path} is required for KSNET card direct with card {arg}\n" + // KsnetDirectStore
  "bypass.ksnet.url (the URL of the requesting site) is required for KSNET card direct with card {arg}\n" + // KsnetDirectUrl
  "display.card_quota cannot be combined with KSNET card direct for card {arg}\n" + // KsnetDirectNoQuota
  "KSNET easy-pay direct (bypass.ksnet.easyPayDirect) supports only pay_method naverpay, kakaopay, payco or lpay\n" + // KsnetEasyDirectMethod
  "buyer_name is required for KSNET easy-pay direct (bypass.ksnet.easyPayDirect)\n" + // KsnetEasyDirectBuyerName
  "{path} is required for KSNET easy-pay direct (bypass.ksnet.easyPayDirect) with {arg}\n" + // KsnetEasyDirectField
  "pg \"daou\" is deprecated: use the Kiwoom Pay channel's channelKey (PortOne console, channel management) instead\n" + // DaouPgDeprecated
  "channelKey is required for Kiwoom Pay (the channel key from the PortOne console)\n" + // DaouChannelKey
  "digital is required for Kiwoom Pay: true or false exactly as in the Kiwoom Pay contract, or the payment cannot proceed\n" + // DaouDigital
  "Kiwoom Pay escrow is available only with pay_method trans or vbank\n" + // DaouEscrow
  "bypass.daou.CASHRECEIPTFLAG must be a number (1 or 0, for trans and vbank) or a string (\"Y\" or \"N\", for kakaopay)\n" + // DaouCashReceiptType
  "bypass.daou.CASHRECEIPTFLAG must be the number 1 (issue) or 0 (block) for trans and vbank\n" + // DaouCashReceiptTransfer
  "bypass.daou.CASHRECEIPTFLAG must be \"Y\" (issue) or \"N\" (block) for kakaopay\n" + // DaouCashReceiptKakaopay
  "bypass.daou.CASHRECEIPTFLAG must be 1 or 0 (trans, vbank) or \"Y\" or \"N\" (kakaopay)\n" + // DaouCashReceiptAny
  "bypass.daou.CARDQUOTA must be groups such as CCBC-0:2:3 joined by ^ (a Kiwoom Pay card code, -, then months separated by :)\n" + // DaouCardQuotaSyntax
  "bypass.daou.CARDQUOTA uses {arg}, which is not a Kiwoom Pay card code (CCBC, CCKM, CCLG, CCSS, ...)\n" + // DaouCardQuotaCode
  "bypass.daou.CARDQUOTA offers installments, but installments need an amount of at least 50,000 KRW\n" + // DaouCardQuotaMinimum
  "{path} contains {arg}, which EUC-KR cannot represent; Kiwoom Pay uses EUC-KR\n" + // DaouEucKr
  "Kiwoom Pay has no billing-key window; issue billing keys on the server with POST /subscribe/customers/{customer_uid}\n" + // DaouNoBillingWindow
  "Kiwoom Pay takes tax_free only with card, kakaopay, naverpay, payco, applepay or samsung; {arg} is charged as fully taxable\n" + // DaouTaxFree
  "{path}: Kiwoom Pay does not support merchant-paid interest-free installments\n" + // DaouNoMallInterest
  "card.interest_free is a KG Inicis option; Kiwoom Pay does not support it\n" + // DaouNoInterestFree
  "bypass.daou must be an object such as { PRODUCTCODE: \"portone\" }" // DaouBypassObject
).split('\n');
/** Every Korean message template (src/issue.rs, `Msg`), in table order. */
const MESSAGES_KO = (
  "결제 요청 파라미터는 객체(object)여야 합니다\n" + // NotObject
  "{path} 값은 문자열이어야 합니다\n" + // MustBeString
  "{path} 값은 문자열이 아닌 숫자(number)여야 합니다\n" + // MustBeNumber
  "{path} 값은 정수여야 합니다\n" + // MustBeInteger
  "{path} 값은 true 또는 false여야 합니다\n" + // MustBeBool
  "{path} 값은 객체(object)여야 합니다\n" + // MustBeObject
  "{path} 값은 배열이어야 합니다\n" + // MustBeArray
  "{path} 값은 URL 문자열 또는 URL 문자열 배열이어야 합니다\n" + // MustBeStringOrArray
  "{path} 값은 유한한 숫자여야 합니다\n" + // NotFinite
  "{path} 값의 중첩이 너무 깊어 결제 요청 데이터로 쓸 수 없습니다\n" + // TooDeep
  "{path} 값에 항목이 너무 많아 결제 요청 데이터로 쓸 수 없습니다\n" + // TooLarge
  "{path} 값 때문에 입력 텍스트가 {arg}바이트를 넘어 결제 요청 데이터로 쓸 수 없습니다\n" + // TooManyBytes
  "{path} 값은 일반 JSON 데이터(문자열, 숫자, 불리언, 배열, 일반 객체)여야 합니다. 받은 값: {arg}\n" + // NotPlainData
  "{path} 값을 읽을 수 없습니다: {arg}\n" + // Unreadable
  "{path} 값은 필수입니다\n" + // Required
  "{pg} 결제는 {path} 값이 필수입니다\n" + // RequiredBy
  "{pg} 결제는 buyer_tel(구매자 연락처)이 필수입니다\n" + // BuyerTelRequired
  "휴대폰 소액결제(pay_method: \"phone\")는 digital(디지털 상품 여부) 값이 필수입니다: 실물이 아니면 true, 실물이면 false\n" + // DigitalRequiredForPhone
  "모바일 결제에서는 m_redirect_url이 필요합니다: 결제창이 페이지를 떠나며 결과는 이 주소로만 전달됩니다\n" + // RedirectMissingOnMobile
  "{path} 값은 {arg}자 이내여야 합니다\n" + // TooLongChars
  "{path} 값은 {arg}바이트 이내여야 합니다\n" + // TooLongBytes
  "{path} 값은 0 이상이어야 합니다\n" + // NegativeAmount
  "{path} 값이 너무 커서 정확한 금액으로 다룰 수 없습니다\n" + // UnsafeInteger
  "tax_free(면세금액)는 amount(결제금액)를 넘을 수 없습니다\n" + // TaxFreeOverAmount
  "vat_amount(부가세)는 amount에서 tax_free를 뺀 금액을 넘을 수 없습니다\n" + // VatOverTaxable
  "amount가 문자열 {arg}(으)로 전달되어 숫자로 바꾸어 보냅니다\n" + // AmountCoerced
  "amount(결제금액)는 \"1004\" 같은 문자열이 아닌 숫자여야 합니다\n" + // AmountStringNotAllowed
  "vbank_due(가상계좌 입금기한)는 {arg} 형식 중 하나의 실제 날짜여야 합니다\n" + // BadVbankDue
  "{path} 값은 YYYYMMDD 형식의 실제 날짜여야 합니다\n" + // BadDate
  "period.from(시작일)은 period.to(종료일)보다 늦을 수 없습니다\n" + // PeriodReversed
  "{path} 값은 http:// 또는 https://로 시작하는 절대 URL이어야 합니다\n" + // BadUrl
  "{path} 값은 {arg} 중 하나여야 합니다\n" + // BadEnum
  "pay_method {arg}은(는) 포트원 결제수단 코드가 아닙니다 (card, trans, vbank, phone, kakaopay 등)\n" + // UnknownPayMethod
  "{path} 값은 포트원 카드사 코드표의 코드여야 합니다 (예: 361 BC, 366 신한)\n" + // BadCardCode
  "{path} 항목에는 enabled 또는 max_month 중 하나가 있어야 합니다\n" + // CardDetailEmpty
  "{path}: 할부(2개월 이상)는 결제금액 50,000원 이상에서만 가능합니다\n" + // QuotaBelowMinimum
  "display.card_quota로 할부를 제공하지만 할부는 50,000원 이상 결제에서만 가능하여 일시불만 표시됩니다\n" + // InstallmentMinimum
  "{path} 값은 0에서 {arg} 사이의 개월 수여야 합니다\n" + // BadMonth
  "{path} 값은 숫자만 포함해야 합니다 (하이픈, 공백 제외)\n" + // DigitsOnly
  "{path}은(는) request_pay 파라미터가 아닙니다\n" + // UnknownKey
  "{path}은(는) request_pay 파라미터가 아닙니다. {arg}을(를) 의도하셨나요?\n" + // UnknownKeyDidYouMean
  "{path}은(는) 이 객체에 정의된 키가 아닙니다\n" + // UnknownNestedKey
  "{path}은(는) 이 객체에 정의된 키가 아닙니다. {arg}을(를) 의도하셨나요?\n" + // UnknownNestedKeyDidYouMean
  "{path}은(는) __proto__ 키입니다(JSON.parse가 만드는 형태). 객체의 프로토타입을 바꾸므로 보낼 수 없습니다\n" + // ProtoKey
  "pg의 PG사 코드가 포트원 PG사 코드가 아닙니다. {arg}을(를) 의도하셨나요?\n" + // UnknownPgDidYouMean
  "pay_method 값이 포트원 결제수단 코드가 아닙니다. {arg}을(를) 의도하셨나요?\n" + // UnknownPayMethodDidYouMean
  "buyer_tel(구매자 연락처)에는 숫자와 -, +, 공백, 괄호만 쓰는 전화번호를 넣어야 합니다\n" + // BuyerTelFormat
  "pg와 channelKey가 모두 없어 PG사 규칙을 검사하지 못했습니다 (공통 규칙만 검사함). pg를 지정하거나 channelKey와 options.provider를 지정하세요\n" + // NoPgNoChannelKey
  "{path}(카드 정보)는 브라우저에서 보내면 안 됩니다. 빌링키는 서버에서 REST API로 발급하세요\n" + // CardData
  "pg {arg}은(는) 포트원 PG사 코드가 아닙니다\n" + // UnknownPg
  "options.provider {arg}은(는) 포트원 PG사 코드가 아닙니다\n" + // UnknownProviderOption
  "iamport-pay에는 {arg}의 규칙이 없어 공통 규칙만 검사했습니다\n" + // UncheckedPg
  "channelKey만으로는 PG사를 알 수 없습니다. PG사 규칙을 검사하려면 options.provider를 지정하세요 (공통 규칙만 검사함)\n" + // ChannelKeyOnly
  "{pg}에서는 결제수단 {arg}을(를) 지원하지 않습니다\n" + // UnsupportedPayMethodBy
  "{pg}에서는 이 조합에서 {path} 옵션을 지원하지 않습니다\n" + // UnsupportedOptionBy
  "앱(WebView) 안에서 결제하려면 app_scheme이 필요합니다: 카드사 앱 인증 후 이 스킴으로 고객사 앱에 돌아옵니다\n" + // AppSchemeInWebview
  "{path}은(는) KG이니시스, NHN KCP, KSNET, 키움페이 어디에도 정의되지 않은 bypass 옵션입니다\n" + // UnknownBypassKey
  "phone은 키움페이 통신사 노출 설정 객체({ detail: [...] })입니다. 구매자 전화번호는 buyer_tel에 넣으세요\n" + // PhoneIsCarrierFilter
  "{arg}\n" + // Custom
  "card_number는 카드 번호 16자리(AMEX 15자리) 숫자여야 합니다 (1234-1234-1234-1234처럼 하이픈 구분 가능)\n" + // ServerCardNumber
  "expiry는 카드 유효기간을 YYYY-MM 형식으로 적어야 합니다 (예: 2025-12)\n" + // ServerExpiry
  "birth는 생년월일 6자리(YYMMDD) 또는 법인카드의 사업자등록번호 10자리여야 합니다\n" + // ServerBirth
  "pwd_2digit는 카드 비밀번호 앞 2자리 숫자여야 합니다\n" + // ServerPwd2Digit
  "amount는 0보다 커야 합니다: 이 API가 빌링키로 실제 결제를 합니다\n" + // ServerBillingAmount
  "취소할 결제를 지정하는 imp_uid 또는 merchant_uid가 필요합니다\n" + // ServerCancelWhich
  "amount는 0보다 커야 합니다. 전액 취소는 amount를 생략하세요\n" + // ServerCancelAmount
  "{path}는 취소 금액의 일부입니다: amount와 함께 보내세요\n" + // ServerCancelPartWithoutAmount
  "KG이니시스는 요청된 값 그대로 취소하므로 amount와 함께 {path} 값이 필수입니다\n" + // ServerCancelInicisParts
  "amount는 취소 가능 잔액(checksum)을 넘을 수 없습니다\n" + // ServerCancelOverChecksum
  "logis.sent_at은 초 단위 UNIX 시간(10자리)이어야 합니다 (받은 값: {arg}). 밀리초 단위가 흔한 실수입니다\n" + // ServerSentAtSeconds
  "identifier_type이 \"business\"이면 identifier는 사업자등록번호 10자리여야 합니다\n" + // ServerBusinessIdentifier
  "amount는 0보다 커야 합니다: 현금으로 받은 금액입니다\n" + // ServerReceiptAmount
  "{pg} 빌링키 발급 결제창(customer_uid 지정)은 pay_method \"card\"만 지원합니다 (받은 값: {arg})\n" + // InicisBillingCardOnly
  "pay_method \"chai\"(차이페이)는 KG이니시스 옛 가이드에만 있고 현재 문서에는 없습니다\n" + // InicisChaiDeprecated
  "{path}: {arg}은(는) KG이니시스 acceptmethod 값이 아닙니다 (noeasypay, CARDPOINT, no_receipt, SKIN(색상), cardshowopt(카드코드-호출옵션), disablepoint, usespcp, cd_ps(카드코드-할부개월)을 콜론(:)으로 연결)\n" + // InicisAcceptmethodToken
  "{path}에 빈 값이 있습니다: acceptmethod 값은 콜론(:) 하나로 연결하세요 (예: \"noeasypay:CARDPOINT\")\n" + // InicisAcceptmethodEmpty
  "{path}: {arg}의 괄호 안 값이 잘못되었습니다: SKIN(BLUE) 또는 SKIN(#c1272c), cardshowopt(04-6), cd_ps(14-3) 형식이어야 합니다\n" + // InicisAcceptmethodArgument
  "{path}에 {arg}이(가) 두 번 들어 있습니다. acceptmethod 값은 한 번씩만 쓸 수 있습니다\n" + // InicisAcceptmethodRepeated
  "{path}: {arg}은(는) key=value 형식이 아닙니다. P_RESERVED는 key=value를 &로 연결합니다 (예: \"noeasypay=Y&cp_yn=Y\")\n" + // InicisReservedNotPair
  "{path}: {arg}은(는) KG이니시스 P_RESERVED 키가 아닙니다 (noeasypay, cp_yn, dcp_yn, vbank_receipt, bank_receipt, twotrs_bank, apprun_check, app_scheme, iosapp, cardshowopt)\n" + // InicisReservedKey
  "{path}: {arg} 값은 Y 또는 N이어야 합니다\n" + // InicisReservedFlag
  "{path}: app_scheme 값은 ://로 끝나는 앱 스킴이어야 합니다 (예: app_scheme=myshop://)\n" + // InicisReservedAppScheme
  "{path}: cardshowopt 값은 카드코드:호출옵션 형식이어야 합니다 (예: cardshowopt=04:6)\n" + // InicisReservedCardshowopt
  "{path}에 {arg} 키가 두 번 들어 있습니다. P_RESERVED 키는 한 번씩만 쓸 수 있습니다\n" + // InicisReservedRepeated
  "{path}: apprun_check=Y(안드로이드 Intent 호출)는 app_scheme=과 함께 사용할 수 없습니다\n" + // InicisApprunWithAppScheme
  "{path}: 앱 안에서 계좌이체를 하려면 twotrs_bank=Y를 보내야 합니다 (KG이니시스: 계좌이체 거래 시 필수 입력 값)\n" + // InicisTwotrsBank
  "{path} 값은 \"01\"(카드번호, 유효기간, 생일만 입력)이거나 생략해야 합니다\n" + // InicisAuthtype
  "{path}는 빌링키 발급 결제창 전용입니다: customer_uid를 지정하거나 이 값을 빼세요\n" + // InicisAuthtypeBillingOnly
  "{path} 값은 개월 수(정수)여야 합니다 (예: 7 — 모든 카드 7개월까지 상점분담무이자)\n" + // InicisInterestFree
  "{pg} 결제창 언어는 ko 또는 en만 지원합니다\n" + // LanguageKoEn
  "kcp_billing(빌링키 발급 결제창)은 pay_method \"card\"만 지원합니다 (받은 값: {arg})\n" + // KcpBillingCardOnly
  "kcp_billing 결제는 customer_uid가 필수입니다: 발급할 빌링키를 지정합니다\n" + // KcpBillingCustomerUid
  "customer_uid로 빌링키를 발급하려면 kcp가 아닌 {arg} 채널을 사용해야 합니다\n" + // KcpCustomerUidNeedsBilling
  "NHN KCP 에스크로 결제는 kcpProducts(상품 목록: orderNumber, name, quantity, amount)가 필수입니다\n" + // KcpProductsForEscrow
  "{path} 값은 1 이상이어야 합니다\n" + // KcpQuantity
  "{pg} 상품권 결제와 휴대폰 소액결제는 bypass.shop_user_id(고객사 회원 ID)가 필수입니다\n" + // KcpShopUserId
  "{path}에 NHN KCP가 전달할 수 없는 문자(EUC-KR로 표현할 수 없는 문자)가 있습니다\n" + // KcpShopUserIdEucKr
  "{pg} 휴대폰 소액결제는 buyer_name(구매자 이름)이 필수입니다\n" + // KcpPhoneBuyerName
  "베네피아 포인트 결제(pay_method \"point\")는 bypass.pt_memcorp_cd(베네피아 회원 코드)가 필수입니다\n" + // KcpPointMemberCode
  "{path} 값은 \"1\"부터 \"11\"까지의 문자열이어야 합니다\n" + // KcpSkinIndex
  "{path}는 KB국민카드 다이렉트 호출(card.direct.code \"381\")에서만 사용합니다\n" + // KcpAppFlagKbDirect
  "{path}는 kcp_billing 빌링키 발급 결제창 전용입니다\n" + // KcpBatchBirthDayBillingOnly
  "auth_mode 값은 \"key-in\"(키인결제)이거나 생략해야 합니다\n" + // KcpAuthMode
  "{path}: NHN KCP는 60 이상을 카드 포인트 사용 + 할부개월로 해석합니다. 60은 국민, 비씨, 삼성, 하나, 롯데, 신한, 농협, 우리, 씨티카드, 80은 현대카드 전용이며 카드 {arg}에는 쓸 수 없습니다\n" + // KcpPointQuota
  "NHN KCP는 {path}(상점 부담 무이자 할부)를 지원하지 않습니다\n" + // KcpNoMaxMonth
  "{path}: 할부는 보통 50,000원 이상에서 가능하며, NHN KCP는 일부 카드사만 10,000원 이상에서 할부를 허용하니 이 카드사가 해당하는지 확인하세요\n" + // KcpInstallmentSomeCards
  "card.interest_free는 KG이니시스 전용 옵션으로 {pg}에서는 지원하지 않습니다\n" + // KcpNoInterestFree
  "KSNET은 결제창 빌링키 발급(비인증 결제창)을 지원하지 않습니다. 빌링키는 서버에서 POST /subscribe/customers/{customer_uid}로 발급하세요\n" + // KsnetNoBillingWindow
  "bypass.ksnet 값은 { sndQpayType: \"0\" } 같은 객체여야 합니다\n" + // KsnetBypassObject
  "bypass.ksnet.sndQpayType 값은 문자열 \"0\"(간편결제 수단 표시하지 않음) 또는 \"1\"(표시함)이어야 합니다\n" + // KsnetSndQpayType
  "bypass.ksnet.sndKakaopayType 값은 \"CARD\"(카드 결제만) 또는 \"MONEY\"(카카오머니만)여야 합니다. 모두 허용하려면 생략하세요\n" + // KsnetSndKakaopayType
  "bypass.ksnet.url 값은 결제를 요청하는 사이트의 http(s) 절대 URL이어야 합니다\n" + // KsnetSiteUrl
  "KSNET은 결제 통화로 KRW, USD만 지원합니다\n" + // KsnetCurrency
  "KSNET은 복합과세로 운영되므로 tax_free(면세금액)를 반드시 입력해야 합니다 (면세금액이 없으면 0)\n" + // KsnetTaxFree
  "KSNET 가상계좌는 vbank_due(입금기한)가 필수입니다: 입금기한이 없으면 오동작할 수 있어 포트원에서 필수로 제한합니다\n" + // KsnetVbankDue
  "KSNET 일회성 가상계좌는 부가세, 면세 금액 설정을 지원하지 않아 {path} 값을 보낼 수 없습니다\n" + // KsnetVbankNoTaxVat
  "KSNET 에스크로 결제는 구매확인 이메일 수신을 위해 buyer_email이 필수입니다\n" + // KsnetEscrowEmail
  "KSNET은 display.card_quota에 적은 개월수만 표시하는데 할부만 지정되었고, 할부는 5만원(현대카드 1만원) 이상에서만 가능하여 이 금액은 어떤 카드로도 결제할 수 없습니다. 일시불(0)을 추가하세요\n" + // KsnetQuotaNoLumpSum
  "display.card_quota로 할부를 제공하지만 KSNET 할부는 5만원(현대카드 1만원) 이상에서만 가능하여 그 미만은 일시불만 결제됩니다\n" + // KsnetQuotaMinimum
  "KSNET의 {arg} 결제는 할부 개월 수 표시를 설정할 수 없습니다 (5만원 이상 시 1~12개월 표시 고정)\n" + // KsnetQuotaFixed
  "{path}: KSNET 간편결제({arg})에서는 고객사 부담 무이자 할부를 사용할 수 없습니다\n" + // KsnetEasyPayNoMallInterest
  "{path}: KSNET 고객사 부담 무이자 할부는 비씨, 국민, 하나, 삼성, 신한, 현대, 롯데, 농협카드(361, 381, 374, 365, 366, 367, 368, 371)만 설정할 수 있습니다\n" + // KsnetMaxMonthIssuer
  "card.interest_free는 KG이니시스 전용입니다. KSNET은 card.detail[].max_month와 useFreeInterestFromMall을 사용하세요\n" + // KsnetNoInterestFree
  "KSNET 카드사 다이렉트 호출(card.direct) 시 buyer_name이 필수입니다\n" + // KsnetDirectBuyerName
  "KSNET 카드사 다이렉트 호출(card.direct)은 결제 통화로 KRW만 허용합니다\n" + // KsnetDirectKrw
  "모바일에서 KSNET 카드사 다이렉트로 카드 {arg}을(를) 호출할 때 {path} 값이 필수입니다 (BC, 수협, 전북, 광주, 카카오뱅크카드)\n" + // KsnetDirectMobile
  "KSNET 카드사 다이렉트로 카드 {arg}을(를) 호출할 때 {path} 값이 필수입니다\n" + // KsnetDirectStore
  "KSNET 카드사 다이렉트로 카드 {arg}을(를) 호출할 때 bypass.ksnet.url(결제를 요청하는 사이트 URL)이 필수입니다\n" + // KsnetDirectUrl
  "KSNET 카드사 다이렉트로 카드 {arg}을(를) 호출할 때는 할부개월 리스트(display.card_quota)를 지정할 수 없습니다\n" + // KsnetDirectNoQuota
  "KSNET 간편결제 다이렉트(bypass.ksnet.easyPayDirect)는 pay_method naverpay, kakaopay, payco, lpay만 지원합니다\n" + // KsnetEasyDirectMethod
  "KSNET 간편결제 다이렉트(bypass.ksnet.easyPayDirect) 호출 시 buyer_name(구매자 이름)이 필수입니다\n" + // KsnetEasyDirectBuyerName
  "KSNET 간편결제 다이렉트(bypass.ksnet.easyPayDirect)로 {arg}을(를) 호출할 때 {path} 값이 필수입니다\n" + // KsnetEasyDirectField
  "pg \"daou\"는 지원 중단 예정입니다. 키움페이 채널의 channelKey(포트원 콘솔 채널 관리)를 사용하세요\n" + // DaouPgDeprecated
  "키움페이 결제는 channelKey(포트원 콘솔의 채널키)가 필수입니다\n" + // DaouChannelKey
  "키움페이 결제는 digital 값이 필수입니다: 키움페이와의 계약 상태에 맞는 true/false가 아니면 결제를 진행할 수 없습니다\n" + // DaouDigital
  "키움페이 에스크로는 계좌이체(trans), 가상계좌(vbank)만 지원합니다\n" + // DaouEscrow
  "bypass.daou.CASHRECEIPTFLAG 값은 숫자(계좌이체, 가상계좌: 1 또는 0) 또는 문자열(카카오페이: \"Y\" 또는 \"N\")이어야 합니다\n" + // DaouCashReceiptType
  "계좌이체, 가상계좌의 bypass.daou.CASHRECEIPTFLAG 값은 숫자 1(허용) 또는 0(차단)이어야 합니다\n" + // DaouCashReceiptTransfer
  "카카오페이의 bypass.daou.CASHRECEIPTFLAG 값은 \"Y\"(허용) 또는 \"N\"(차단)이어야 합니다\n" + // DaouCashReceiptKakaopay
  "bypass.daou.CASHRECEIPTFLAG 값은 1 또는 0(계좌이체, 가상계좌), \"Y\" 또는 \"N\"(카카오페이)이어야 합니다\n" + // DaouCashReceiptAny
  "bypass.daou.CARDQUOTA 값은 CCBC-0:2:3처럼 키움페이 카드사 코드, -, :로 구분한 할부 개월수로 된 그룹을 ^로 이은 형식이어야 합니다\n" + // DaouCardQuotaSyntax
  "bypass.daou.CARDQUOTA의 {arg}은(는) 키움페이 카드사 코드(CCBC, CCKM, CCLG, CCSS 등)가 아닙니다\n" + // DaouCardQuotaCode
  "bypass.daou.CARDQUOTA로 할부를 제공하지만 할부는 50,000원 이상 결제에서만 가능합니다\n" + // DaouCardQuotaMinimum
  "키움페이는 EUC-KR 인코딩을 사용하므로 {path}에 EUC-KR로 표현할 수 없는 문자 {arg}을(를) 쓸 수 없습니다\n" + // DaouEucKr
  "키움페이는 결제창 빌링키 발급을 지원하지 않습니다. 빌링키는 서버에서 POST /subscribe/customers/{customer_uid}로 발급하세요\n" + // DaouNoBillingWindow
  "키움페이 면세금액(tax_free)은 card, kakaopay, naverpay, payco, applepay, samsung에서만 가능하며 {arg}은(는) 전액 과세 처리됩니다\n" + // DaouTaxFree
  "{path}: 키움페이는 고객사 부담 무이자 할부 설정을 지원하지 않습니다\n" + // DaouNoMallInterest
  "card.interest_free는 KG이니시스 전용 옵션으로 키움페이는 지원하지 않습니다\n" + // DaouNoInterestFree
  "bypass.daou 값은 { PRODUCTCODE: \"portone\" } 같은 객체여야 합니다" // DaouBypassObject
).split('\n');
/** Every PortOne PG (src/provider.rs), in table order: [code, English name, Korean name]. */
const PGS = [
  ['html5_inicis', "KG Inicis", "KG이니시스"],
  ['inicis', "KG Inicis", "KG이니시스"],
  ['kcp', "NHN KCP", "NHN KCP"],
  ['kcp_billing', "NHN KCP (billing)", "NHN KCP 정기결제"],
  ['ksnet', "KSNET", "KSNET"],
  ['daou', "Kiwoom Pay", "키움페이"],
  ['danal', "Danal", "다날"],
  ['danal_tpay', "Danal", "다날"],
  ['inicis_unified', "KG Inicis unified auth", "KG이니시스 통합인증"],
  ['kicc', "KICC EasyPay", "이지페이(한국정보통신)"],
  ['mobilians', "KG Mobilians", "KG모빌리언스"],
  ['nice', "NICE (legacy)", "나이스정보통신"],
  ['nice_v2', "NICEPAY", "나이스페이"],
  ['settle', "Hecto Financial", "헥토파이낸셜"],
  ['settle_acc', "Hecto Financial account", "헥토파이낸셜 내통장결제"],
  ['smartro', "Smartro (legacy)", "스마트로"],
  ['smartro_v2', "Smartro", "스마트로"],
  ['tosspayments', "Toss Payments", "토스페이먼츠"],
  ['toss_brandpay', "Toss Payments BrandPay", "토스페이먼츠 브랜드페이"],
  ['uplus', "Toss Payments (legacy)", "토스페이먼츠(구모듈)"],
  ['welcome', "Welcome Payments", "웰컴페이먼츠"],
  ['tosspay', "Toss Pay", "토스페이"],
  ['tosspay_v2', "Toss Pay", "토스페이"],
  ['payco', "PAYCO", "페이코"],
  ['kakaopay', "Kakao Pay", "카카오페이"],
  ['naverpay', "Naver Pay", "네이버페이"],
  ['naverco', "Naver Pay (order)", "네이버페이 주문형"],
  ['smilepay', "Smile Pay", "스마일페이"],
  ['paypal', "PayPal", "페이팔"],
  ['paypal_v2', "PayPal", "페이팔"],
  ['eximbay', "Eximbay", "엑심베이"],
  ['paymentwall', "Paymentwall", "페이먼트월"],
];
// END GENERATED messages

// A template split once, at its first use, into [text, slot, text, slot, …, text]; a slot
// is 0 for `{path}`, 1 for `{arg}`, 2 for `{pg}`. Any other `{` is text (as in Rust).
const SLOTS = ['path}', 'arg}', 'pg}'];
const split = [];

function parts(row, lang) {
  const key = row * 2 + lang;
  let p = split[key];
  if (p !== undefined) return p;
  const t = (lang === 0 ? MESSAGES_EN : MESSAGES_KO)[row];
  p = [];
  let from = 0;
  for (let at = t.indexOf('{'); at >= 0; at = t.indexOf('{', at + 1)) {
    const slot = SLOTS.findIndex((s) => t.startsWith(s, at + 1));
    if (slot < 0) continue;
    p.push(t.slice(from, at), slot);
    from = at + 1 + SLOTS[slot].length;
    at = from - 1;
  }
  p.push(t.slice(from));
  split[key] = p;
  return p;
}

function fill(p, values) {
  let s = p[0];
  for (let j = 1; j < p.length; j += 2) s += values[p[j]] + p[j + 1];
  return s;
}

/** An issue from the wasm (`{ path, code, msg, pg?, arg?, argKo? }`) as API.md's Issue. */
function issue(i) {
  const pg = PGS[i.pg];
  const path = i.path === '' ? 'params' : i.path;
  const arg = i.arg ?? '';
  return {
    path: i.path,
    code: i.code,
    message: fill(parts(i.msg, 0), [path, arg, pg === undefined ? 'this PG' : pg[1]]),
    messageKo: fill(parts(i.msg, 1), [path, i.argKo ?? arg, pg === undefined ? 'this PG' : pg[2]]),
  };
}

/** A CheckResult from the wasm's, its issues rendered. */
function checkResult(r) {
  return { ok: r.ok, provider: r.provider, errors: r.errors.map(issue), warnings: r.warnings.map(issue) };
}

/** The message of an `invalid_params` error with these (rendered) errors: Error::message's
 * text (src/error.rs). */
function invalidParamsMessage(errors) {
  const first = errors[0];
  let message = 'invalid request_pay params';
  message += errors.length > 1 ? ` (${errors.length} errors); first: ` : ': ';
  if (first !== undefined) message += `${first.path === '' ? 'params' : first.path}: ${first.message}`;
  return message;
}
// ---- end of messages ----

/** The `invalid_params` error of the wasm's issues. */
function invalidParams(raw) {
  const issues = raw.map(issue);
  return new IamportPayError('invalid_params', invalidParamsMessage(issues), issues);
}

function toError(e) {
  if (e instanceof IamportPayError) return e;
  if (e && typeof e === 'object' && e.__iamportPayError === true) {
    // Only invalid_params has issues; the wasm leaves its message to invalidParams.
    if (e.issues !== undefined) return invalidParams(e.issues);
    return new IamportPayError(e.code, e.message);
  }
  return e;
}

const wrapSync = (fn) => (...args) => {
  try {
    return fn(...args);
  } catch (e) {
    throw toError(e);
  }
};
const wrapAsync = (fn) => async (...args) => {
  try {
    return await fn(...args);
  } catch (e) {
    throw toError(e);
  }
};

// ---- one crossing in, one out ----------------------------------------------------------
// checkParams / buildParams write the params' JSON text, as UTF-8, in one walk (the guard
// below), copy the bytes into a wasm buffer (jsonInput) and call checkInput / buildInput,
// which answer with one JSON string (a check without any issue, with the provider's row
// alone). The walk writes the text JSON.stringify would write (the same keys in the same
// order, the same values; an escape may be spelled another way, which the parser reads to the
// same string), and only when JSON keeps exactly what the careful reader (src/js/convert.rs)
// would read: plain objects (prototype Object.prototype or null) and arrays (Array.prototype),
// strings, booleans, null and safe integers (not -0), no toJSON anywhere, no `__proto__` key,
// small enough. Anything else (functions, symbols, BigInt, undefined or holes in arrays, NaN
// and Infinity, fractions, Dates, Maps, class instances, cycles, deep or large input, a lone
// surrogate, a getter or proxy trap that throws) goes to the careful exports, which give
// today's answers.
//
// A proxy cannot be told from its target; it is read like any object, and one whose traps
// throw lands on the careful reader through the catch. Every value is read once. A getter
// that calls checkParams / buildParams while the walk runs gets the careful path for its own
// call (`busy`), so the walk's buffer is never written by two walks at once.
// ---- guard: tests/web_json_guard.rs evaluates this section in Chromium and Firefox ----
const MAX_DEPTH = 16; // a real request nests 3 deep; the reader's own limit is 32
const MAX_NODES = 4096; // a real request has well under 200 values
const MAX_ITEMS = 512; // keys of one object or items of one array
const MAX_TEXT = 256 * 1024; // UTF-16 units of one string (the reader takes up to 16 MiB)
const MAX_BYTES = 3 * MAX_TEXT; // UTF-8 bytes of the whole text (jsonInput's limit)
const OBJECT = Object.prototype;
const ARRAY = Array.prototype;
const { getPrototypeOf } = Object;
const { isArray } = Array;
const { isSafeInteger } = Number;

let out = new Uint8Array(2048); // the text so far: out[0..end]
let end = 0;
let nodes = 0;
let busy = false;
// buildParams' copy (`copying`): the walk also makes a plain copy of what it wrote, `made` for
// the value just written, so the wrapper can return it when wasm answers that the normalized
// params are the params as sent (no coercion, no null to drop). Its objects take the keys in
// sorted order, as the normalized JSON has them; `high` marks a string with a character at or
// above U+D800, where JS's sort (by UTF-16 units) and Rust's (by UTF-8 bytes) can differ, and
// a key with one (`wide`) leaves the copy out.
let copying = false;
let made;
let high = false;
let wide = false;

/** Room for `n` more bytes (the buffer doubles), or false past MAX_BYTES. */
function room(n) {
  const need = end + n;
  if (need <= out.length) return true;
  if (need > MAX_BYTES) return false;
  const grown = new Uint8Array(Math.min(MAX_BYTES, Math.max(need, 2 * out.length)));
  grown.set(out.subarray(0, end));
  out = grown;
  return true;
}

/** Writes ASCII text `t` (a number's digits, true, false, null). */
function ascii(t) {
  if (!room(t.length)) return false;
  for (let i = 0; i < t.length; i++) out[end++] = t.charCodeAt(i);
  return true;
}

/** Writes `s` as a JSON string literal in UTF-8; false for a lone surrogate or past a limit. */
function str(s) {
  const n = s.length;
  // 3 bytes per UTF-16 unit at most, and the quotes; an escape asks for more below.
  if (n > MAX_TEXT || !room(3 * n + 2)) return false;
  let b = out;
  let j = end;
  b[j++] = 34;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 34 && c !== 92) {
        b[j++] = c;
        continue;
      }
      end = j;
      if (!room(3 * (n - i) + 7)) return false;
      b = out;
      b[j++] = 92;
      if (c === 34 || c === 92) {
        b[j++] = c;
      } else {
        // \u00XX for a control character (JSON.stringify spells some as \n, \t, …).
        const lo = c & 15;
        b[j++] = 117;
        b[j++] = 48;
        b[j++] = 48;
        b[j++] = 48 + (c >> 4);
        b[j++] = lo < 10 ? 48 + lo : 87 + lo;
      }
    } else if (c < 0x800) {
      b[j++] = 0xc0 | (c >> 6);
      b[j++] = 0x80 | (c & 63);
    } else if (c < 0xd800 || c >= 0xe000) {
      if (c >= 0xe000) high = true;
      b[j++] = 0xe0 | (c >> 12);
      b[j++] = 0x80 | ((c >> 6) & 63);
      b[j++] = 0x80 | (c & 63);
    } else {
      const d = s.charCodeAt(i + 1);
      if (c >= 0xdc00 || !(d >= 0xdc00 && d < 0xe000)) return false;
      high = true;
      i++;
      c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      b[j++] = 0xf0 | (c >> 18);
      b[j++] = 0x80 | ((c >> 12) & 63);
      b[j++] = 0x80 | ((c >> 6) & 63);
      b[j++] = 0x80 | (c & 63);
    }
  }
  b[j++] = 34;
  end = j;
  return true;
}

/** Writes `v`'s JSON text; false when JSON would not keep what the reader reads. */
function put(v, depth) {
  nodes += 1;
  made = v;
  switch (typeof v) {
    case 'string':
      return str(v);
    case 'boolean':
      return ascii(v ? 'true' : 'false');
    case 'number':
      return isSafeInteger(v) && (v !== 0 || 1 / v > 0) && ascii('' + v);
    case 'object':
      break;
    default:
      return false;
  }
  if (v === null) return ascii('null');
  if (depth > MAX_DEPTH || nodes > MAX_NODES || 'toJSON' in v) return false;
  const proto = getPrototypeOf(v);
  if (isArray(v)) {
    const len = v.length;
    if (proto !== ARRAY || !(len <= MAX_ITEMS) || !room(1)) return false;
    out[end++] = 91;
    const a = copying ? [] : null;
    for (let i = 0; i < len; i++) {
      const item = v[i];
      if (item === undefined) return false;
      if (i > 0) {
        if (!room(1)) return false;
        out[end++] = 44;
      }
      if (!put(item, depth + 1)) return false;
      if (a !== null) a.push(made);
    }
    if (!room(1)) return false;
    out[end++] = 93;
    made = a;
    return true;
  }
  if (proto !== OBJECT && proto !== null) return false;
  if (!room(1)) return false;
  out[end++] = 123;
  // for-in, not Object.keys: V8 reads `v[k]` through the enum cache (a third faster). With
  // the prototype Object.prototype or null and Object.prototype without an enumerable key
  // (asJson checks), it visits exactly the own enumerable string keys, in the same order.
  let count = 0;
  let first = true;
  // The copy's entries wait on two shared stacks (this object's from `from` on) to be sorted.
  const from = stackTop;
  for (const k in v) {
    if (++count > MAX_ITEMS || k === '__proto__') return false;
    const item = v[k];
    // JSON.stringify leaves the key out, and so does the reader.
    if (item === undefined) continue;
    if (!first) {
      if (!room(1)) return false;
      out[end++] = 44;
    }
    first = false;
    high = false;
    if (!str(k) || !room(1)) return false;
    if (high) wide = true;
    out[end++] = 58;
    if (!put(item, depth + 1)) return false;
    if (copying) {
      keyStack[stackTop] = k;
      valueStack[stackTop] = made;
      stackTop += 1;
    }
  }
  if (!room(1)) return false;
  out[end++] = 125;
  if (copying) made = sortedCopy(from);
  return true;
}

// Slots below `stackTop` are in use (indices, not push and a shorter length: shrinking an
// array's length costs V8 more than the sort); a slot is cleared when its object is made.
const keyStack = [];
const valueStack = [];
let stackTop = 0;

/** The object of the entries on the stacks from `from` on, its keys in sorted order (JS's
 * `<`: by UTF-16 units), which it takes off the stacks. */
function sortedCopy(from) {
  const ks = keyStack;
  const vs = valueStack;
  const n = stackTop;
  // Insertion sort: an object has a handful of keys (at most MAX_ITEMS).
  for (let i = from + 1; i < n; i++) {
    const k = ks[i];
    const x = vs[i];
    let j = i - 1;
    while (j >= from && ks[j] > k) {
      ks[j + 1] = ks[j];
      vs[j + 1] = vs[j];
      j--;
    }
    ks[j + 1] = k;
    vs[j + 1] = x;
  }
  const o = {};
  for (let i = from; i < n; i++) {
    o[ks[i]] = vs[i];
    ks[i] = undefined;
    vs[i] = undefined;
  }
  stackTop = from;
  return o;
}

/** Whether Object.prototype has an enumerable key (for-in would visit it on every object). */
function polluted() {
  for (const _ in OBJECT) return true;
  return false;
}

/** `[UTF-8 bytes of the JSON text, provider, flags, copy]` for checkInput / buildInput, or
 * undefined for the careful path. The bytes are a view of the walk's buffer, good until the
 * next call; `copy` (only when `copy` is asked for, and not for a key at or above U+D800) is
 * the walk's plain copy of the params. */
function asJson(params, options, copy) {
  if (busy) return undefined;
  busy = true;
  try {
    end = 0;
    nodes = 0;
    copying = copy === true;
    wide = false;
    if (polluted() || !put(params, 0)) return undefined;
    const kept = copying && !wide ? made : undefined;
    // The options the careful reader reads (src/js/mod.rs, read_options).
    let provider;
    let flags = 0;
    if (typeof options === 'object' && options !== null) {
      const p = options.provider;
      if (typeof p === 'string') provider = p;
      if (options.mobile === true) flags |= 1;
      if (options.webview === true) flags |= 2;
    }
    return [out.subarray(0, end), provider, flags, kept];
  } catch {
    return undefined;
  } finally {
    busy = false;
    copying = false;
    made = undefined;
    // A walk that stopped early leaves entries on the stacks.
    for (let i = 0; i < stackTop; i++) {
      keyStack[i] = undefined;
      valueStack[i] = undefined;
    }
    stackTop = 0;
  }
}

// ---- end of guard ----

// The bytes go into a buffer in wasm memory (src/js/mod.rs, jsonInput) in one copy: for Korean
// text, TextEncoder.encodeInto (what wasm-bindgen's string passing uses) takes about twice as
// long in Chromium as the walk's own UTF-8 loop.
let wasmExports;
let memory = new Uint8Array(0);

/** Copies the walk's bytes into the wasm input buffer: their length, or -1 (refused buffer). */
function send(bytes) {
  const at = bindings.jsonInput(bytes.length);
  if (at === 0) return -1;
  if (memory.buffer !== wasmExports.memory.buffer) memory = new Uint8Array(wasmExports.memory.buffer);
  memory.set(bytes, at);
  return bytes.length;
}

/** `checkParams(params, options?) -> CheckResult`. Never throws on bad input. */
export function checkParams(params, options) {
  const json = asJson(params, options);
  const len = json === undefined ? -1 : send(json[0]);
  if (len >= 0) {
    // A number: no issue at all (the provider's row + 1, or 0), or -2: the answer has issues.
    const clean = bindings.checkInput(len, json[1], json[2]);
    if (clean >= 0) return { ok: true, provider: clean === 0 ? null : PGS[clean - 1][0], errors: [], warnings: [] };
    if (clean === -2) return checkResult(JSON.parse(bindings.checkAnswer()));
  }
  return checkResult(bindings.checkParams(params, options));
}

/** `buildParams(params, options?)`: the normalized params; throws `invalid_params`. */
export function buildParams(params, options) {
  const json = asJson(params, options, true);
  const len = json === undefined ? -1 : send(json[0]);
  if (len >= 0) {
    // Flag 4 (src/wire.rs, FLAG_SAME): the walk kept a copy. buildInput answers 1 when the
    // copy is the normalized params, -2 when the answer waits in checkAnswer (src/js/mod.rs).
    const copy = json[3];
    const answer = bindings.buildInput(len, json[1], json[2] | (copy === undefined ? 0 : 4));
    if (answer === 1) return copy;
    if (answer === -2) {
      const r = JSON.parse(bindings.checkAnswer());
      if (r.error !== undefined) throw invalidParams(r.error.issues);
      return r.params;
    }
  }
  try {
    return bindings.buildParams(params, options);
  } catch (e) {
    throw toError(e);
  }
}

export const loadIamport = wrapAsync(bindings.loadIamport);
export const requestPay = wrapAsync(bindings.requestPay);
// The result comes back as one JSON string (src/js/runtime.rs, parse_redirect_json).
export const parseRedirect = wrapSync((input) => JSON.parse(bindings.parseRedirectJson(input)));
export const takePendingOrder = wrapSync(bindings.takePendingOrder);
export const version = bindings.version;

wasmExports = await init({ module_or_path: new URL('../pkg/iamport_pay_bg.wasm', import.meta.url) });
