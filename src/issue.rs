//! Issues, the report that collects them, and the ONE table of codes and messages.
//!
//! Every problem the checker finds is an [`Issue`]: a wire-name path, a stable [`Code`]
//! (public API, see `API.md`), a severity, and a message in English and Korean rendered
//! from a single table row ([`Msg`]).

use crate::provider::Provider;
use std::fmt;

/// Language of a rendered message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Korean.
    Ko,
}

/// Whether an issue blocks the payment (`Error`) or only informs (`Warning`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The request must not be sent as it is.
    Error,
    /// The request can be sent; something deserves a look.
    Warning,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $s:literal, $sev:ident;)*) => {
        /// A stable issue code. The strings are public API (see `API.md`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($(#[$doc])* $variant,)* }

        impl Code {
            /// Every code, in table order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The wire string of this code, e.g. `"required"`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $s,)* }
            }

            /// The severity an issue of this code has unless a rule says otherwise.
            pub const fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }
        }

        impl std::str::FromStr for Code {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s { $($s => Ok(Code::$variant),)* _ => Err(UnknownCode) }
            }
        }
    };
}

codes! {
    /// A field this PG/mode needs is missing, or an empty string.
    Required = "required", Error;
    /// Wrong JSON type.
    InvalidType = "invalid_type", Error;
    /// A value outside the allowed set or format.
    InvalidValue = "invalid_value", Error;
    /// A string over its limit.
    TooLong = "too_long", Error;
    /// A number out of range.
    OutOfRange = "out_of_range", Error;
    /// This PG (or mode) does not offer this pay_method.
    UnsupportedPayMethod = "unsupported_pay_method", Error;
    /// This PG does not support this option in this combination.
    UnsupportedOption = "unsupported_option", Error;
    /// Card data in browser params.
    ForbiddenField = "forbidden_field", Error;
    /// `pg` is not a PortOne PG code.
    UnknownProvider = "unknown_provider", Error;
    /// A key PortOne does not define.
    UnknownField = "unknown_field", Warning;
    /// A deprecated form, e.g. `pg: "daou"`.
    Deprecated = "deprecated", Warning;
    /// Installments offered below 50,000 KRW.
    BelowInstallmentMinimum = "below_installment_minimum", Warning;
    /// A documented legacy form was accepted and normalized.
    Coerced = "coerced", Warning;
    /// A PortOne PG without a rule set here; only the common rules ran.
    UncheckedProvider = "unchecked_provider", Warning;
}

/// Error of `Code::from_str` for a string that is not an issue code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownCode;

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown issue code")
    }
}

impl std::error::Error for UnknownCode {}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A row of [`Msg::browser_lines`]: `""` for a `#[server]` row, else the template; with a
/// second value, that one for an untagged row (`Msg::is_server`'s `false`, `true`).
macro_rules! browser_row {
    (server $text:literal) => {
        ""
    };
    ($text:literal) => {
        $text
    };
    (server $no:literal, $yes:literal) => {
        $yes
    };
    ($no:literal, $yes:literal) => {
        $no
    };
}

macro_rules! messages {
    ($($(#[$tag:ident])? $variant:ident => $en:literal, $ko:literal;)*) => {
        /// Which message an issue shows. Each row holds the English and the Korean template.
        ///
        /// Templates may contain `{path}` (the issue path), `{arg}` (a rule-given value such as
        /// a limit or a suggestion) and `{pg}` (the PG's display name in that language).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Msg { $(#[allow(missing_docs)] $variant,)* }

        impl Msg {
            /// Every message, in table order (`Msg::ALL[m as usize] == m`; the npm wrapper's
            /// copy of the table, `js/index.js`, is generated in this order).
            pub const ALL: &'static [Msg] = &[$(Msg::$variant,)*];

            /// The template of this message in `lang`.
            pub const fn template(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => match self { $(Msg::$variant => $en,)* },
                    Lang::Ko => match self { $(Msg::$variant => $ko,)* },
                }
            }

            /// Every template in `lang`, in table order, one per line (no template holds a
            /// line break). The npm wrapper reads its message table from this, once, at the
            /// first issue it renders (`messageTable` in src/js/mod.rs), so its JS carries no
            /// copy of the messages.
            pub fn lines(lang: Lang) -> String {
                // Its own literal, not `text`'s: a build links one or the other (a Rust app
                // renders with `text`; the npm wasm only hands this on), and without `text`'s
                // table of lengths.
                const EN: &str = concat!($($en, "\n",)*);
                const KO: &str = concat!($($ko, "\n",)*);
                let all = match lang {
                    Lang::En => EN,
                    Lang::Ko => KO,
                };
                all.strip_suffix('\n').unwrap_or(all).to_owned()
            }

            /// [`Msg::lines`] as the npm wrapper reads it (`messageTable`, src/js/mod.rs): the
            /// rows tagged `#[server]` are empty. Those messages are for the server's REST
            /// bodies (src/server), which no wasm build holds, so no browser issue shows them;
            /// leaving them out takes their text (~2 KB, both languages) out of the package.
            #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
            pub(crate) fn browser_lines(lang: Lang) -> String {
                const EN: &str = concat!($(browser_row!($($tag)? $en), "\n",)*);
                const KO: &str = concat!($(browser_row!($($tag)? $ko), "\n",)*);
                let all = match lang {
                    Lang::En => EN,
                    Lang::Ko => KO,
                };
                all.strip_suffix('\n').unwrap_or(all).to_owned()
            }

            /// Whether this row is tagged `#[server]` (see [`Msg::browser_lines`]).
            #[cfg(test)]
            fn is_server(self) -> bool {
                match self { $(Msg::$variant => browser_row!($($tag)? false, true),)* }
            }

            /// The same text as [`Msg::template`], for rendering: read from one string per
            /// language and a table of `u16` lengths instead of a table of pointers.
            fn text(self, lang: Lang) -> &'static str {
                const EN: &str = concat!($($en,)*);
                const KO: &str = concat!($($ko,)*);
                const EN_LEN: &[u16] = &[$($en.len() as u16,)*];
                const KO_LEN: &[u16] = &[$($ko.len() as u16,)*];
                let (text, lens) = match lang {
                    Lang::En => (EN, EN_LEN),
                    Lang::Ko => (KO, KO_LEN),
                };
                let i = self as usize;
                let start: usize = lens.iter().take(i).map(|&l| usize::from(l)).sum();
                let len = lens.get(i).map_or(0, |&l| usize::from(l));
                text.get(start..start + len).unwrap_or("")
            }
        }

    };
}

messages! {
    // ---- types --------------------------------------------------------------------------
    NotObject => "request_pay params must be an object",
        "결제 요청 파라미터는 객체(object)여야 합니다";
    MustBeString => "{path} must be a string",
        "{path} 값은 문자열이어야 합니다";
    MustBeNumber => "{path} must be a JSON number, not a string",
        "{path} 값은 문자열이 아닌 숫자(number)여야 합니다";
    MustBeInteger => "{path} must be a whole number",
        "{path} 값은 정수여야 합니다";
    MustBeBool => "{path} must be true or false",
        "{path} 값은 true 또는 false여야 합니다";
    MustBeObject => "{path} must be an object",
        "{path} 값은 객체(object)여야 합니다";
    MustBeArray => "{path} must be an array",
        "{path} 값은 배열이어야 합니다";
    MustBeStringOrArray => "{path} must be a URL string or an array of URL strings",
        "{path} 값은 URL 문자열 또는 URL 문자열 배열이어야 합니다";
    NotFinite => "{path} must be a finite number",
        "{path} 값은 유한한 숫자여야 합니다";
    TooDeep => "{path} is nested too deeply to be request_pay data",
        "{path} 값의 중첩이 너무 깊어 결제 요청 데이터로 쓸 수 없습니다";
    TooLarge => "{path} holds too many values to be request_pay data",
        "{path} 값에 항목이 너무 많아 결제 요청 데이터로 쓸 수 없습니다";
    TooManyBytes => "{path} makes the input larger than {arg} bytes of text, far more than request_pay data holds",
        "{path} 값 때문에 입력 텍스트가 {arg}바이트를 넘어 결제 요청 데이터로 쓸 수 없습니다";
    NotPlainData => "{path} must be plain JSON data (a string, number, boolean, array or plain object), not {arg}",
        "{path} 값은 일반 JSON 데이터(문자열, 숫자, 불리언, 배열, 일반 객체)여야 합니다. 받은 값: {arg}";
    Unreadable => "{path} could not be read: {arg}",
        "{path} 값을 읽을 수 없습니다: {arg}";
    // ---- presence -----------------------------------------------------------------------
    Required => "{path} is required",
        "{path} 값은 필수입니다";
    RequiredBy => "{path} is required by {pg}",
        "{pg} 결제는 {path} 값이 필수입니다";
    BuyerTelRequired => "buyer_tel is required by {pg}",
        "{pg} 결제는 buyer_tel(구매자 연락처)이 필수입니다";
    DigitalRequiredForPhone => "digital is required when pay_method is \"phone\": set true for digital goods, false for physical goods",
        "휴대폰 소액결제(pay_method: \"phone\")는 digital(디지털 상품 여부) 값이 필수입니다: 실물이 아니면 true, 실물이면 false";
    RedirectMissingOnMobile => "m_redirect_url is needed on mobile: the payment window navigates away and the result arrives only at that URL",
        "모바일 결제에서는 m_redirect_url이 필요합니다: 결제창이 페이지를 떠나며 결과는 이 주소로만 전달됩니다";
    // ---- values -------------------------------------------------------------------------
    TooLongChars => "{path} must be at most {arg} characters",
        "{path} 값은 {arg}자 이내여야 합니다";
    TooLongBytes => "{path} must be at most {arg} bytes",
        "{path} 값은 {arg}바이트 이내여야 합니다";
    NegativeAmount => "{path} must be 0 or more",
        "{path} 값은 0 이상이어야 합니다";
    UnsafeInteger => "{path} is too large to be an exact amount",
        "{path} 값이 너무 커서 정확한 금액으로 다룰 수 없습니다";
    TaxFreeOverAmount => "tax_free must not exceed amount",
        "tax_free(면세금액)는 amount(결제금액)를 넘을 수 없습니다";
    VatOverTaxable => "vat_amount must not exceed amount minus tax_free",
        "vat_amount(부가세)는 amount에서 tax_free를 뺀 금액을 넘을 수 없습니다";
    AmountCoerced => "amount was given as the string {arg}; it was sent as a number",
        "amount가 문자열 {arg}(으)로 전달되어 숫자로 바꾸어 보냅니다";
    AmountStringNotAllowed => "amount must be a JSON number, not a string such as \"1004\"",
        "amount(결제금액)는 \"1004\" 같은 문자열이 아닌 숫자여야 합니다";
    BadVbankDue => "vbank_due must be a real date in one of the formats {arg}",
        "vbank_due(가상계좌 입금기한)는 {arg} 형식 중 하나의 실제 날짜여야 합니다";
    BadDate => "{path} must be a real date written YYYYMMDD",
        "{path} 값은 YYYYMMDD 형식의 실제 날짜여야 합니다";
    PeriodReversed => "period.from must not be after period.to",
        "period.from(시작일)은 period.to(종료일)보다 늦을 수 없습니다";
    BadUrl => "{path} must be an absolute http:// or https:// URL",
        "{path} 값은 http:// 또는 https://로 시작하는 절대 URL이어야 합니다";
    BadEnum => "{path} must be one of {arg}",
        "{path} 값은 {arg} 중 하나여야 합니다";
    UnknownPayMethod => "pay_method {arg} is not a PortOne pay_method code (card, trans, vbank, phone, kakaopay, …)",
        "pay_method {arg}은(는) 포트원 결제수단 코드가 아닙니다 (card, trans, vbank, phone, kakaopay 등)";
    BadCardCode => "{path} must be a card company code from PortOne's card-code table, such as 361 (BC) or 366 (Shinhan)",
        "{path} 값은 포트원 카드사 코드표의 코드여야 합니다 (예: 361 BC, 366 신한)";
    CardDetailEmpty => "{path} must set enabled or max_month",
        "{path} 항목에는 enabled 또는 max_month 중 하나가 있어야 합니다";
    QuotaBelowMinimum => "{path}: installments (2 months or more) need an amount of at least 50,000 KRW",
        "{path}: 할부(2개월 이상)는 결제금액 50,000원 이상에서만 가능합니다";
    InstallmentMinimum => "display.card_quota offers installments, but installments need an amount of at least 50,000 KRW; the window will offer a lump-sum payment only",
        "display.card_quota로 할부를 제공하지만 할부는 50,000원 이상 결제에서만 가능하여 일시불만 표시됩니다";
    BadMonth => "{path} must be a number of months between 0 and {arg}",
        "{path} 값은 0에서 {arg} 사이의 개월 수여야 합니다";
    DigitsOnly => "{path} must contain digits only (no dashes or spaces)",
        "{path} 값은 숫자만 포함해야 합니다 (하이픈, 공백 제외)";
    // ---- fields and providers -----------------------------------------------------------
    UnknownKey => "{path} is not a request_pay parameter",
        "{path}은(는) request_pay 파라미터가 아닙니다";
    UnknownKeyDidYouMean => "{path} is not a request_pay parameter; did you mean {arg}?",
        "{path}은(는) request_pay 파라미터가 아닙니다. {arg}을(를) 의도하셨나요?";
    UnknownNestedKey => "{path} is not a documented key of this object",
        "{path}은(는) 이 객체에 정의된 키가 아닙니다";
    UnknownNestedKeyDidYouMean => "{path} is not a documented key of this object; did you mean {arg}?",
        "{path}은(는) 이 객체에 정의된 키가 아닙니다. {arg}을(를) 의도하셨나요?";
    ProtoKey => "{path} is an own __proto__ key (as JSON.parse makes); it would change the object's prototype and is never sent",
        "{path}은(는) __proto__ 키입니다(JSON.parse가 만드는 형태). 객체의 프로토타입을 바꾸므로 보낼 수 없습니다";
    UnknownPgDidYouMean => "the PG code in pg is not a PortOne PG code; did you mean {arg}?",
        "pg의 PG사 코드가 포트원 PG사 코드가 아닙니다. {arg}을(를) 의도하셨나요?";
    UnknownPayMethodDidYouMean => "pay_method is not a PortOne pay_method code; did you mean {arg}?",
        "pay_method 값이 포트원 결제수단 코드가 아닙니다. {arg}을(를) 의도하셨나요?";
    BuyerTelFormat => "buyer_tel should hold a phone number: digits, with -, +, spaces or parentheses",
        "buyer_tel(구매자 연락처)에는 숫자와 -, +, 공백, 괄호만 쓰는 전화번호를 넣어야 합니다";
    NoPgNoChannelKey => "neither pg nor channelKey is set, so no PG's rules were checked (only the common rules); set pg, or channelKey with options.provider",
        "pg와 channelKey가 모두 없어 PG사 규칙을 검사하지 못했습니다 (공통 규칙만 검사함). pg를 지정하거나 channelKey와 options.provider를 지정하세요";
    CardData => "{path} must never be sent from the browser; issue billing keys through the server REST API",
        "{path}(카드 정보)는 브라우저에서 보내면 안 됩니다. 빌링키는 서버에서 REST API로 발급하세요";
    UnknownPg => "pg {arg} is not a PortOne PG code",
        "pg {arg}은(는) 포트원 PG사 코드가 아닙니다";
    UnknownProviderOption => "options.provider {arg} is not a PortOne PG code",
        "options.provider {arg}은(는) 포트원 PG사 코드가 아닙니다";
    UncheckedPg => "iamport-pay has no rule set for {arg}; only the common rules were checked",
        "iamport-pay에는 {arg}의 규칙이 없어 공통 규칙만 검사했습니다";
    ChannelKeyOnly => "channelKey does not say which PG it is; pass options.provider to check that PG's rules (only the common rules were checked)",
        "channelKey만으로는 PG사를 알 수 없습니다. PG사 규칙을 검사하려면 options.provider를 지정하세요 (공통 규칙만 검사함)";
    UnsupportedPayMethodBy => "{pg} does not offer pay_method {arg}",
        "{pg}에서는 결제수단 {arg}을(를) 지원하지 않습니다";
    UnsupportedOptionBy => "{path} is not supported by {pg} in this combination",
        "{pg}에서는 이 조합에서 {path} 옵션을 지원하지 않습니다";
    AppSchemeInWebview => "app_scheme is required inside an app WebView: the card app returns to the shop's app through it",
        "앱(WebView) 안에서 결제하려면 app_scheme이 필요합니다: 카드사 앱 인증 후 이 스킴으로 고객사 앱에 돌아옵니다";
    UnknownBypassKey => "{path} is not a bypass option any of KG Inicis, NHN KCP, KSNET or Kiwoom Pay documents",
        "{path}은(는) KG이니시스, NHN KCP, KSNET, 키움페이 어디에도 정의되지 않은 bypass 옵션입니다";
    PhoneIsCarrierFilter => "phone is Kiwoom Pay's carrier filter object ({ detail: [...] }); the buyer's phone number goes in buyer_tel",
        "phone은 키움페이 통신사 노출 설정 객체({ detail: [...] })입니다. 구매자 전화번호는 buyer_tel에 넣으세요";
    Custom => "{arg}",
        "{arg}";
    // ---- server bodies (src/server/*) ---------------------------------------------------
    #[server] ServerCardNumber => "card_number must be the card's 16 (AMEX: 15) digits, optionally grouped with dashes as in 1234-1234-1234-1234",
        "card_number는 카드 번호 16자리(AMEX 15자리) 숫자여야 합니다 (1234-1234-1234-1234처럼 하이픈 구분 가능)";
    #[server] ServerExpiry => "expiry must be the card's expiry month written YYYY-MM, such as 2025-12",
        "expiry는 카드 유효기간을 YYYY-MM 형식으로 적어야 합니다 (예: 2025-12)";
    #[server] ServerBirth => "birth must be the holder's birth date YYMMDD (6 digits) or, for a corporate card, the 10-digit business number",
        "birth는 생년월일 6자리(YYMMDD) 또는 법인카드의 사업자등록번호 10자리여야 합니다";
    #[server] ServerPwd2Digit => "pwd_2digit must be the first 2 digits of the card password",
        "pwd_2digit는 카드 비밀번호 앞 2자리 숫자여야 합니다";
    #[server] ServerBillingAmount => "amount must be more than 0: this call charges the billing key",
        "amount는 0보다 커야 합니다: 이 API가 빌링키로 실제 결제를 합니다";
    #[server] ServerCancelWhich => "imp_uid or merchant_uid is required: it says which payment to cancel",
        "취소할 결제를 지정하는 imp_uid 또는 merchant_uid가 필요합니다";
    #[server] ServerCancelAmount => "amount must be more than 0; leave it out to cancel the whole payment",
        "amount는 0보다 커야 합니다. 전액 취소는 amount를 생략하세요";
    #[server] ServerCancelPartWithoutAmount => "{path} is a part of the cancelled amount: give amount with it",
        "{path}는 취소 금액의 일부입니다: amount와 함께 보내세요";
    #[server] ServerCancelInicisParts => "{path} is required with amount by KG Inicis: it cancels exactly the amount, VAT and tax-free values sent",
        "KG이니시스는 요청된 값 그대로 취소하므로 amount와 함께 {path} 값이 필수입니다";
    #[server] ServerCancelOverChecksum => "amount must not exceed checksum, the cancellable balance",
        "amount는 취소 가능 잔액(checksum)을 넘을 수 없습니다";
    #[server] ServerSentAtSeconds => "logis.sent_at must be UNIX time in seconds (10 digits), not {arg}; milliseconds are a common mistake",
        "logis.sent_at은 초 단위 UNIX 시간(10자리)이어야 합니다 (받은 값: {arg}). 밀리초 단위가 흔한 실수입니다";
    #[server] ServerBusinessIdentifier => "identifier must be the 10-digit business registration number when identifier_type is \"business\"",
        "identifier_type이 \"business\"이면 identifier는 사업자등록번호 10자리여야 합니다";
    #[server] ServerReceiptAmount => "amount must be more than 0: it is the cash received",
        "amount는 0보다 커야 합니다: 현금으로 받은 금액입니다";
    // ---- KG Inicis (rules/inicis.rs) -----------------------------------------------------
    InicisBillingCardOnly => "{pg}'s billing-key window (customer_uid set) takes pay_method \"card\" only, not {arg}",
        "{pg} 빌링키 발급 결제창(customer_uid 지정)은 pay_method \"card\"만 지원합니다 (받은 값: {arg})";
    InicisChaiDeprecated => "pay_method \"chai\" is only in KG Inicis's old guide; the current page no longer lists it",
        "pay_method \"chai\"(차이페이)는 KG이니시스 옛 가이드에만 있고 현재 문서에는 없습니다";
    InicisAcceptmethodToken => "{path}: {arg} is not a KG Inicis acceptmethod token (noeasypay, CARDPOINT, no_receipt, SKIN(colour), cardshowopt(card-option), disablepoint, usespcp, cd_ps(card-months)), colon-separated",
        "{path}: {arg}은(는) KG이니시스 acceptmethod 값이 아닙니다 (noeasypay, CARDPOINT, no_receipt, SKIN(색상), cardshowopt(카드코드-호출옵션), disablepoint, usespcp, cd_ps(카드코드-할부개월)을 콜론(:)으로 연결)";
    InicisAcceptmethodEmpty => "{path} has an empty token: join acceptmethod tokens with one colon, e.g. \"noeasypay:CARDPOINT\"",
        "{path}에 빈 값이 있습니다: acceptmethod 값은 콜론(:) 하나로 연결하세요 (예: \"noeasypay:CARDPOINT\")";
    InicisAcceptmethodArgument => "{path}: {arg} has a bad argument: SKIN(BLUE) or SKIN(#c1272c), cardshowopt(04-6), cd_ps(14-3)",
        "{path}: {arg}의 괄호 안 값이 잘못되었습니다: SKIN(BLUE) 또는 SKIN(#c1272c), cardshowopt(04-6), cd_ps(14-3) 형식이어야 합니다";
    InicisAcceptmethodRepeated => "{path} names {arg} twice; each acceptmethod token may appear once",
        "{path}에 {arg}이(가) 두 번 들어 있습니다. acceptmethod 값은 한 번씩만 쓸 수 있습니다";
    InicisReservedNotPair => "{path}: {arg} is not key=value; P_RESERVED joins key=value pairs with &, e.g. \"noeasypay=Y&cp_yn=Y\"",
        "{path}: {arg}은(는) key=value 형식이 아닙니다. P_RESERVED는 key=value를 &로 연결합니다 (예: \"noeasypay=Y&cp_yn=Y\")";
    InicisReservedKey => "{path}: {arg} is not a KG Inicis P_RESERVED key (noeasypay, cp_yn, dcp_yn, vbank_receipt, bank_receipt, twotrs_bank, apprun_check, app_scheme, iosapp, cardshowopt)",
        "{path}: {arg}은(는) KG이니시스 P_RESERVED 키가 아닙니다 (noeasypay, cp_yn, dcp_yn, vbank_receipt, bank_receipt, twotrs_bank, apprun_check, app_scheme, iosapp, cardshowopt)";
    InicisReservedFlag => "{path}: {arg} must be Y or N",
        "{path}: {arg} 값은 Y 또는 N이어야 합니다";
    InicisReservedAppScheme => "{path}: app_scheme must be a URL scheme followed by ://, e.g. app_scheme=myshop://",
        "{path}: app_scheme 값은 ://로 끝나는 앱 스킴이어야 합니다 (예: app_scheme=myshop://)";
    InicisReservedCardshowopt => "{path}: cardshowopt must be card code:option, e.g. cardshowopt=04:6",
        "{path}: cardshowopt 값은 카드코드:호출옵션 형식이어야 합니다 (예: cardshowopt=04:6)";
    InicisReservedRepeated => "{path} sets {arg} twice; each P_RESERVED key may appear once",
        "{path}에 {arg} 키가 두 번 들어 있습니다. P_RESERVED 키는 한 번씩만 쓸 수 있습니다";
    InicisApprunWithAppScheme => "{path}: apprun_check=Y (Android intent call) cannot be used together with app_scheme=",
        "{path}: apprun_check=Y(안드로이드 Intent 호출)는 app_scheme=과 함께 사용할 수 없습니다";
    InicisTwotrsBank => "{path}: a bank transfer inside an app should send twotrs_bank=Y (KG Inicis: \"계좌이체 거래 시 필수 입력 값\")",
        "{path}: 앱 안에서 계좌이체를 하려면 twotrs_bank=Y를 보내야 합니다 (KG이니시스: 계좌이체 거래 시 필수 입력 값)";
    InicisAuthtype => "{path} must be \"01\" (card number, expiry and birth date only) or left out",
        "{path} 값은 \"01\"(카드번호, 유효기간, 생일만 입력)이거나 생략해야 합니다";
    InicisAuthtypeBillingOnly => "{path} is for the billing-key window only: set customer_uid, or drop it",
        "{path}는 빌링키 발급 결제창 전용입니다: customer_uid를 지정하거나 이 값을 빼세요";
    InicisInterestFree => "{path} must be a whole number of months (e.g. 7: interest-free up to 7 months on every card)",
        "{path} 값은 개월 수(정수)여야 합니다 (예: 7 — 모든 카드 7개월까지 상점분담무이자)";
    LanguageKoEn => "{pg} shows its window in ko or en only",
        "{pg} 결제창 언어는 ko 또는 en만 지원합니다";
    // (keep this blank line and the ones below: they let PG sections grow without conflicts)



    // ---- NHN KCP (rules/kcp.rs) ---------------------------------------------------------
    KcpBillingCardOnly => "kcp_billing (the billing-key window) takes pay_method \"card\" only, not {arg}",
        "kcp_billing(빌링키 발급 결제창)은 pay_method \"card\"만 지원합니다 (받은 값: {arg})";
    KcpBillingCustomerUid => "customer_uid is required by kcp_billing: it names the billing key the window issues",
        "kcp_billing 결제는 customer_uid가 필수입니다: 발급할 빌링키를 지정합니다";
    KcpCustomerUidNeedsBilling => "customer_uid opens a billing-key window, which NHN KCP serves on {arg}, not on plain kcp",
        "customer_uid로 빌링키를 발급하려면 kcp가 아닌 {arg} 채널을 사용해야 합니다";
    KcpProductsForEscrow => "kcpProducts is required for an NHN KCP escrow payment: a list of {orderNumber, name, quantity, amount}",
        "NHN KCP 에스크로 결제는 kcpProducts(상품 목록: orderNumber, name, quantity, amount)가 필수입니다";
    KcpQuantity => "{path} must be 1 or more",
        "{path} 값은 1 이상이어야 합니다";
    KcpShopUserId => "bypass.shop_user_id (the shop's member id) is required by {pg} for gift certificates and phone payments",
        "{pg} 상품권 결제와 휴대폰 소액결제는 bypass.shop_user_id(고객사 회원 ID)가 필수입니다";
    KcpShopUserIdEucKr => "{path} has a character NHN KCP cannot send (EUC-KR has no form for it)",
        "{path}에 NHN KCP가 전달할 수 없는 문자(EUC-KR로 표현할 수 없는 문자)가 있습니다";
    KcpPhoneBuyerName => "buyer_name is required by {pg} for phone payments",
        "{pg} 휴대폰 소액결제는 buyer_name(구매자 이름)이 필수입니다";
    KcpPointMemberCode => "bypass.pt_memcorp_cd (Benepia member code) is required for pay_method \"point\"",
        "베네피아 포인트 결제(pay_method \"point\")는 bypass.pt_memcorp_cd(베네피아 회원 코드)가 필수입니다";
    KcpSkinIndex => "{path} must be a string from \"1\" to \"11\"",
        "{path} 값은 \"1\"부터 \"11\"까지의 문자열이어야 합니다";
    KcpAppFlagKbDirect => "{path} only applies to a KB Kookmin Card direct call (card.direct.code \"381\")",
        "{path}는 KB국민카드 다이렉트 호출(card.direct.code \"381\")에서만 사용합니다";
    KcpBatchBirthDayBillingOnly => "{path} is for the kcp_billing billing-key window only",
        "{path}는 kcp_billing 빌링키 발급 결제창 전용입니다";
    KcpAuthMode => "auth_mode must be \"key-in\" (key-in payment) or left out",
        "auth_mode 값은 \"key-in\"(키인결제)이거나 생략해야 합니다";
    KcpPointQuota => "{path}: NHN KCP reads 60 or more as card points plus months; 60+ is for KB Kookmin, BC, Samsung, Hana, Lotte, Shinhan, NH, Woori and Citi, 80+ for Hyundai only, not card {arg}",
        "{path}: NHN KCP는 60 이상을 카드 포인트 사용 + 할부개월로 해석합니다. 60은 국민, 비씨, 삼성, 하나, 롯데, 신한, 농협, 우리, 씨티카드, 80은 현대카드 전용이며 카드 {arg}에는 쓸 수 없습니다";
    KcpNoMaxMonth => "{path} (merchant-paid interest-free months) is not supported by NHN KCP",
        "NHN KCP는 {path}(상점 부담 무이자 할부)를 지원하지 않습니다";
    KcpInstallmentSomeCards => "{path}: installments usually need 50,000 KRW; NHN KCP takes them from 10,000 KRW on some cards only, so check that this card does",
        "{path}: 할부는 보통 50,000원 이상에서 가능하며, NHN KCP는 일부 카드사만 10,000원 이상에서 할부를 허용하니 이 카드사가 해당하는지 확인하세요";
    KcpNoInterestFree => "card.interest_free is a KG Inicis option; {pg} does not support it",
        "card.interest_free는 KG이니시스 전용 옵션으로 {pg}에서는 지원하지 않습니다";



    // ---- KSNET (rules/ksnet.rs) ---------------------------------------------------------
    KsnetNoBillingWindow => "KSNET has no billing-key window; issue billing keys on the server with POST /subscribe/customers/{customer_uid}",
        "KSNET은 결제창 빌링키 발급(비인증 결제창)을 지원하지 않습니다. 빌링키는 서버에서 POST /subscribe/customers/{customer_uid}로 발급하세요";
    KsnetBypassObject => "bypass.ksnet must be an object such as { sndQpayType: \"0\" }",
        "bypass.ksnet 값은 { sndQpayType: \"0\" } 같은 객체여야 합니다";
    KsnetSndQpayType => "bypass.ksnet.sndQpayType must be the string \"0\" (hide easy-pay methods) or \"1\" (show them)",
        "bypass.ksnet.sndQpayType 값은 문자열 \"0\"(간편결제 수단 표시하지 않음) 또는 \"1\"(표시함)이어야 합니다";
    KsnetSndKakaopayType => "bypass.ksnet.sndKakaopayType must be \"CARD\" (card only) or \"MONEY\" (Kakao Money only); leave it out to allow both",
        "bypass.ksnet.sndKakaopayType 값은 \"CARD\"(카드 결제만) 또는 \"MONEY\"(카카오머니만)여야 합니다. 모두 허용하려면 생략하세요";
    KsnetSiteUrl => "bypass.ksnet.url must be the absolute http(s) URL of the site that requests the payment",
        "bypass.ksnet.url 값은 결제를 요청하는 사이트의 http(s) 절대 URL이어야 합니다";
    KsnetCurrency => "KSNET supports only currency KRW or USD",
        "KSNET은 결제 통화로 KRW, USD만 지원합니다";
    KsnetTaxFree => "tax_free should be given for KSNET (send 0 when nothing is tax-free): PortOne runs KSNET merchant IDs with mixed taxation",
        "KSNET은 복합과세로 운영되므로 tax_free(면세금액)를 반드시 입력해야 합니다 (면세금액이 없으면 0)";
    KsnetVbankDue => "vbank_due is required for a KSNET virtual account: without a deadline KSNET may misbehave, so PortOne requires it",
        "KSNET 가상계좌는 vbank_due(입금기한)가 필수입니다: 입금기한이 없으면 오동작할 수 있어 포트원에서 필수로 제한합니다";
    KsnetVbankNoTaxVat => "{path} cannot be set for a KSNET virtual account: KSNET one-time virtual accounts take no VAT or tax-free amount",
        "KSNET 일회성 가상계좌는 부가세, 면세 금액 설정을 지원하지 않아 {path} 값을 보낼 수 없습니다";
    KsnetEscrowEmail => "buyer_email is required for KSNET escrow: the buyer confirms the purchase by email",
        "KSNET 에스크로 결제는 구매확인 이메일 수신을 위해 buyer_email이 필수입니다";
    KsnetQuotaNoLumpSum => "display.card_quota offers only installments (KSNET shows exactly the listed months), and installments need at least 50,000 KRW (Hyundai Card: 10,000 KRW): no card can pay this amount; add 0 for lump sum",
        "KSNET은 display.card_quota에 적은 개월수만 표시하는데 할부만 지정되었고, 할부는 5만원(현대카드 1만원) 이상에서만 가능하여 이 금액은 어떤 카드로도 결제할 수 없습니다. 일시불(0)을 추가하세요";
    KsnetQuotaMinimum => "display.card_quota offers installments, but KSNET allows them from 50,000 KRW (Hyundai Card from 10,000 KRW); below that only lump sum can be paid",
        "display.card_quota로 할부를 제공하지만 KSNET 할부는 5만원(현대카드 1만원) 이상에서만 가능하여 그 미만은 일시불만 결제됩니다";
    KsnetQuotaFixed => "display.card_quota cannot be set for {arg} on KSNET: it always shows 1-12 months from 50,000 KRW",
        "KSNET의 {arg} 결제는 할부 개월 수 표시를 설정할 수 없습니다 (5만원 이상 시 1~12개월 표시 고정)";
    KsnetEasyPayNoMallInterest => "{path}: merchant-paid interest-free installments are not available with KSNET easy pay ({arg})",
        "{path}: KSNET 간편결제({arg})에서는 고객사 부담 무이자 할부를 사용할 수 없습니다";
    KsnetMaxMonthIssuer => "{path}: KSNET sets merchant-paid interest-free installments only for BC, KB, Hana, Samsung, Shinhan, Hyundai, Lotte and NH cards (361, 381, 374, 365, 366, 367, 368, 371)",
        "{path}: KSNET 고객사 부담 무이자 할부는 비씨, 국민, 하나, 삼성, 신한, 현대, 롯데, 농협카드(361, 381, 374, 365, 366, 367, 368, 371)만 설정할 수 있습니다";
    KsnetNoInterestFree => "card.interest_free is a KG Inicis option; with KSNET use card.detail[].max_month and useFreeInterestFromMall",
        "card.interest_free는 KG이니시스 전용입니다. KSNET은 card.detail[].max_month와 useFreeInterestFromMall을 사용하세요";
    KsnetDirectBuyerName => "buyer_name is required for KSNET card direct (card.direct)",
        "KSNET 카드사 다이렉트 호출(card.direct) 시 buyer_name이 필수입니다";
    KsnetDirectKrw => "KSNET card direct (card.direct) accepts only currency KRW",
        "KSNET 카드사 다이렉트 호출(card.direct)은 결제 통화로 KRW만 허용합니다";
    KsnetDirectMobile => "{path} is required when a mobile KSNET window calls card {arg} directly (BC, Suhyup, Jeonbuk, Gwangju, Kakao Bank)",
        "모바일에서 KSNET 카드사 다이렉트로 카드 {arg}을(를) 호출할 때 {path} 값이 필수입니다 (BC, 수협, 전북, 광주, 카카오뱅크카드)";
    KsnetDirectStore => "{path} is required for KSNET card direct with card {arg}",
        "KSNET 카드사 다이렉트로 카드 {arg}을(를) 호출할 때 {path} 값이 필수입니다";
    KsnetDirectUrl => "bypass.ksnet.url (the URL of the requesting site) is required for KSNET card direct with card {arg}",
        "KSNET 카드사 다이렉트로 카드 {arg}을(를) 호출할 때 bypass.ksnet.url(결제를 요청하는 사이트 URL)이 필수입니다";
    KsnetDirectNoQuota => "display.card_quota cannot be combined with KSNET card direct for card {arg}",
        "KSNET 카드사 다이렉트로 카드 {arg}을(를) 호출할 때는 할부개월 리스트(display.card_quota)를 지정할 수 없습니다";
    KsnetEasyDirectMethod => "KSNET easy-pay direct (bypass.ksnet.easyPayDirect) supports only pay_method naverpay, kakaopay, payco or lpay",
        "KSNET 간편결제 다이렉트(bypass.ksnet.easyPayDirect)는 pay_method naverpay, kakaopay, payco, lpay만 지원합니다";
    KsnetEasyDirectBuyerName => "buyer_name is required for KSNET easy-pay direct (bypass.ksnet.easyPayDirect)",
        "KSNET 간편결제 다이렉트(bypass.ksnet.easyPayDirect) 호출 시 buyer_name(구매자 이름)이 필수입니다";
    KsnetEasyDirectField => "{path} is required for KSNET easy-pay direct (bypass.ksnet.easyPayDirect) with {arg}",
        "KSNET 간편결제 다이렉트(bypass.ksnet.easyPayDirect)로 {arg}을(를) 호출할 때 {path} 값이 필수입니다";



    // ---- Kiwoom Pay (rules/daou.rs) -----------------------------------------------------
    DaouPgDeprecated => "pg \"daou\" is deprecated: use the Kiwoom Pay channel's channelKey (PortOne console, channel management) instead",
        "pg \"daou\"는 지원 중단 예정입니다. 키움페이 채널의 channelKey(포트원 콘솔 채널 관리)를 사용하세요";
    DaouChannelKey => "channelKey is required for Kiwoom Pay (the channel key from the PortOne console)",
        "키움페이 결제는 channelKey(포트원 콘솔의 채널키)가 필수입니다";
    DaouDigital => "digital is required for Kiwoom Pay: true or false exactly as in the Kiwoom Pay contract, or the payment cannot proceed",
        "키움페이 결제는 digital 값이 필수입니다: 키움페이와의 계약 상태에 맞는 true/false가 아니면 결제를 진행할 수 없습니다";
    DaouEscrow => "Kiwoom Pay escrow is available only with pay_method trans or vbank",
        "키움페이 에스크로는 계좌이체(trans), 가상계좌(vbank)만 지원합니다";
    DaouCashReceiptType => "bypass.daou.CASHRECEIPTFLAG must be a number (1 or 0, for trans and vbank) or a string (\"Y\" or \"N\", for kakaopay)",
        "bypass.daou.CASHRECEIPTFLAG 값은 숫자(계좌이체, 가상계좌: 1 또는 0) 또는 문자열(카카오페이: \"Y\" 또는 \"N\")이어야 합니다";
    DaouCashReceiptTransfer => "bypass.daou.CASHRECEIPTFLAG must be the number 1 (issue) or 0 (block) for trans and vbank",
        "계좌이체, 가상계좌의 bypass.daou.CASHRECEIPTFLAG 값은 숫자 1(허용) 또는 0(차단)이어야 합니다";
    DaouCashReceiptKakaopay => "bypass.daou.CASHRECEIPTFLAG must be \"Y\" (issue) or \"N\" (block) for kakaopay",
        "카카오페이의 bypass.daou.CASHRECEIPTFLAG 값은 \"Y\"(허용) 또는 \"N\"(차단)이어야 합니다";
    DaouCashReceiptAny => "bypass.daou.CASHRECEIPTFLAG must be 1 or 0 (trans, vbank) or \"Y\" or \"N\" (kakaopay)",
        "bypass.daou.CASHRECEIPTFLAG 값은 1 또는 0(계좌이체, 가상계좌), \"Y\" 또는 \"N\"(카카오페이)이어야 합니다";
    DaouCardQuotaSyntax => "bypass.daou.CARDQUOTA must be groups such as CCBC-0:2:3 joined by ^ (a Kiwoom Pay card code, -, then months separated by :)",
        "bypass.daou.CARDQUOTA 값은 CCBC-0:2:3처럼 키움페이 카드사 코드, -, :로 구분한 할부 개월수로 된 그룹을 ^로 이은 형식이어야 합니다";
    DaouCardQuotaCode => "bypass.daou.CARDQUOTA uses {arg}, which is not a Kiwoom Pay card code (CCBC, CCKM, CCLG, CCSS, ...)",
        "bypass.daou.CARDQUOTA의 {arg}은(는) 키움페이 카드사 코드(CCBC, CCKM, CCLG, CCSS 등)가 아닙니다";
    DaouCardQuotaMinimum => "bypass.daou.CARDQUOTA offers installments, but installments need an amount of at least 50,000 KRW",
        "bypass.daou.CARDQUOTA로 할부를 제공하지만 할부는 50,000원 이상 결제에서만 가능합니다";
    DaouEucKr => "{path} contains {arg}, which EUC-KR cannot represent; Kiwoom Pay uses EUC-KR",
        "키움페이는 EUC-KR 인코딩을 사용하므로 {path}에 EUC-KR로 표현할 수 없는 문자 {arg}을(를) 쓸 수 없습니다";
    DaouNoBillingWindow => "Kiwoom Pay has no billing-key window; issue billing keys on the server with POST /subscribe/customers/{customer_uid}",
        "키움페이는 결제창 빌링키 발급을 지원하지 않습니다. 빌링키는 서버에서 POST /subscribe/customers/{customer_uid}로 발급하세요";
    DaouTaxFree => "Kiwoom Pay takes tax_free only with card, kakaopay, naverpay, payco, applepay or samsung; {arg} is charged as fully taxable",
        "키움페이 면세금액(tax_free)은 card, kakaopay, naverpay, payco, applepay, samsung에서만 가능하며 {arg}은(는) 전액 과세 처리됩니다";
    DaouNoMallInterest => "{path}: Kiwoom Pay does not support merchant-paid interest-free installments",
        "{path}: 키움페이는 고객사 부담 무이자 할부 설정을 지원하지 않습니다";
    DaouNoInterestFree => "card.interest_free is a KG Inicis option; Kiwoom Pay does not support it",
        "card.interest_free는 KG이니시스 전용 옵션으로 키움페이는 지원하지 않습니다";
    DaouBypassObject => "bypass.daou must be an object such as { PRODUCTCODE: \"portone\" }",
        "bypass.daou 값은 { PRODUCTCODE: \"portone\" } 같은 객체여야 합니다";
}

/// One problem found in a request.
#[derive(Clone, PartialEq, Eq)]
pub struct Issue {
    /// Wire-name path (`buyer_tel`, `kcpProducts[1].name`); the root is `""`.
    pub path: String,
    /// Stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// Which message row renders this issue.
    pub msg: Msg,
    /// A value the message shows (`{arg}`), such as a limit or a suggestion.
    pub arg: Option<String>,
    /// The PG named in the message (`{pg}`), when a PG rule raised the issue.
    pub pg: Option<Provider>,
    /// Korean text for `Msg::Custom`, when the English one is in `arg`.
    pub arg_ko: Option<String>,
}

impl Issue {
    /// A new issue with the code's default severity.
    pub fn new(path: impl Into<String>, code: Code, msg: Msg) -> Self {
        Issue {
            path: path.into(),
            code,
            severity: code.default_severity(),
            msg,
            arg: None,
            pg: None,
            arg_ko: None,
        }
    }

    /// Sets the `{arg}` shown in the message.
    pub fn arg(mut self, arg: impl Into<String>) -> Self {
        self.arg = Some(arg.into());
        self
    }

    /// Sets the `{pg}` named in the message.
    pub fn pg(mut self, pg: Option<Provider>) -> Self {
        self.pg = pg;
        self
    }

    /// Overrides the severity.
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// A PG-specific message with its own English and Korean text.
    pub fn custom(
        path: impl Into<String>,
        code: Code,
        en: impl Into<String>,
        ko: impl Into<String>,
    ) -> Self {
        let mut issue = Issue::new(path, code, Msg::Custom);
        issue.arg = Some(en.into());
        issue.arg_ko = Some(ko.into());
        issue
    }

    /// Whether this issue blocks the request.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message in `lang`, naming the field and the fix.
    ///
    /// # Examples
    /// ```
    /// use iamport_pay::{check, CheckOptions, Lang};
    /// let report = check(&serde_json::json!({"pg": "html5_inicis.INIpayTest"}), &CheckOptions::default());
    /// let issue = report.errors().find(|i| i.path == "merchant_uid").unwrap();
    /// assert_eq!(issue.message(Lang::En), "merchant_uid is required");
    /// assert_eq!(issue.message(Lang::Ko), "merchant_uid 값은 필수입니다");
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        let template = self.msg.text(lang);
        let arg = match (lang, &self.arg_ko) {
            (Lang::Ko, Some(ko)) => ko.as_str(),
            _ => self.arg.as_deref().unwrap_or(""),
        };
        let path = if self.path.is_empty() {
            "params"
        } else {
            self.path.as_str()
        };
        let pg = self.pg.map(|p| p.display_name(lang)).unwrap_or("this PG");
        let mut out = String::with_capacity(template.len() + arg.len() + 16);
        // split_once/strip_prefix, not indexing: str indexing links the slice-panic formatter
        // (char and Range Debug, ~3.5 KB of wasm).
        let mut rest = template;
        while let Some((before, tail)) = rest.split_once('{') {
            out.push_str(before);
            let (value, after) = if let Some(after) = tail.strip_prefix("path}") {
                (path, after)
            } else if let Some(after) = tail.strip_prefix("arg}") {
                (arg, after)
            } else if let Some(after) = tail.strip_prefix("pg}") {
                (pg, after)
            } else {
                ("{", tail)
            };
            out.push_str(value);
            rest = after;
        }
        out.push_str(rest);
        out
    }
}

impl fmt::Debug for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} {} at {:?}: {}",
            self.severity,
            self.code,
            self.path,
            self.message(Lang::En)
        )
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Every issue found in one request, errors and warnings together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    issues: Vec<Issue>,
}

impl Report {
    /// An empty report.
    pub fn new() -> Self {
        Report::default()
    }

    /// Adds an issue.
    pub fn push(&mut self, issue: Issue) {
        self.issues.push(issue);
    }

    /// True exactly when there is no error (warnings never block).
    pub fn is_ok(&self) -> bool {
        !self.issues.iter().any(Issue::is_error)
    }

    /// All issues, in the order they were found.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.is_error())
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| !i.is_error())
    }

    /// `(path, code)` pairs of every issue, sorted; handy in tests.
    pub fn pairs(&self) -> Vec<(String, &'static str)> {
        let mut v: Vec<_> = self
            .issues
            .iter()
            .map(|i| (i.path.clone(), i.code.as_str()))
            .collect();
        v.sort();
        v
    }

    /// Whether an issue with this path and code is present.
    pub fn has(&self, path: &str, code: Code) -> bool {
        self.issues.iter().any(|i| i.path == path && i.code == code)
    }

    /// Consumes the report, giving its issues.
    pub fn into_issues(self) -> Vec<Issue> {
        self.issues
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, issue) in self.issues.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{} ({}): {}", issue.path, issue.code, issue)?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_table_round_trips() {
        for code in Code::ALL {
            assert_eq!(code.as_str().parse::<Code>(), Ok(*code));
        }
        assert_eq!("nope".parse::<Code>(), Err(UnknownCode));
        assert_eq!(Code::ALL.len(), 14);
    }

    #[test]
    fn warnings_are_the_documented_ones() {
        let warnings: Vec<_> = Code::ALL
            .iter()
            .filter(|c| c.default_severity() == Severity::Warning)
            .map(|c| c.as_str())
            .collect();
        assert_eq!(
            warnings,
            [
                "unknown_field",
                "deprecated",
                "below_installment_minimum",
                "coerced",
                "unchecked_provider"
            ]
        );
    }

    #[test]
    fn text_is_the_template() {
        assert_eq!(
            Msg::ALL.len(),
            Msg::ALL.last().map_or(0, |m| *m as usize + 1)
        );
        for msg in Msg::ALL {
            for lang in [Lang::En, Lang::Ko] {
                assert_eq!(msg.text(lang), msg.template(lang), "{msg:?} {lang:?}");
                assert!(!msg.text(lang).is_empty(), "{msg:?} {lang:?}");
            }
        }
    }

    #[test]
    fn lines_hold_every_template_in_table_order() {
        for lang in [Lang::En, Lang::Ko] {
            let lines = Msg::lines(lang);
            let rows: Vec<&str> = lines.split('\n').collect();
            assert_eq!(rows.len(), Msg::ALL.len(), "{lang:?}");
            for (msg, row) in Msg::ALL.iter().zip(&rows) {
                assert_eq!(*row, msg.template(lang), "{msg:?} {lang:?}");
            }
        }
    }

    #[test]
    fn browser_lines_are_the_lines_without_the_server_rows() {
        let mut server = 0;
        for lang in [Lang::En, Lang::Ko] {
            let lines = Msg::browser_lines(lang);
            let rows: Vec<&str> = lines.split('\n').collect();
            assert_eq!(rows.len(), Msg::ALL.len(), "{lang:?}");
            for (msg, row) in Msg::ALL.iter().zip(&rows) {
                // The tag and the name say the same: a `Server…` row is a server body's.
                assert_eq!(msg.is_server(), format!("{msg:?}").starts_with("Server"));
                let want = if msg.is_server() {
                    ""
                } else {
                    msg.template(lang)
                };
                assert_eq!(*row, want, "{msg:?} {lang:?}");
                server += usize::from(msg.is_server());
            }
        }
        assert_eq!(server, 2 * 13, "the 13 server rows, in both languages");
    }

    /// The rows `messageTable` leaves empty are shown by nothing a wasm build holds: the
    /// server bodies (src/server) are the only code that names them.
    #[test]
    fn only_the_server_bodies_name_the_server_rows() {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        walk(&src, &mut files);
        let mut named = 0;
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap();
            let n = text.matches("Msg::Server").count();
            if f.starts_with(src.join("server")) {
                named += n;
            } else if !f.ends_with("issue.rs") {
                assert_eq!(n, 0, "{} names a server row", f.display());
            }
        }
        assert_eq!(named, 13, "src/server names each server row");
    }

    #[test]
    fn message_fills_placeholders() {
        let issue = Issue::new("buyer_tel", Code::Required, Msg::BuyerTelRequired)
            .pg(Some(Provider::Html5Inicis));
        assert_eq!(
            issue.message(Lang::En),
            "buyer_tel is required by KG Inicis"
        );
        assert_eq!(
            issue.message(Lang::Ko),
            "KG이니시스 결제는 buyer_tel(구매자 연락처)이 필수입니다"
        );
        let root = Issue::new("", Code::InvalidType, Msg::MustBeObject);
        assert_eq!(root.message(Lang::En), "params must be an object");
    }

    #[test]
    fn custom_message_has_both_languages() {
        let issue = Issue::custom("x", Code::InvalidValue, "bad {x}", "나쁨");
        assert_eq!(issue.message(Lang::En), "bad {x}");
        assert_eq!(issue.message(Lang::Ko), "나쁨");
    }

    #[test]
    fn report_ok_ignores_warnings() {
        let mut r = Report::new();
        r.push(Issue::new("a", Code::UnknownField, Msg::UnknownKey));
        assert!(r.is_ok());
        r.push(Issue::new("b", Code::Required, Msg::Required));
        assert!(!r.is_ok());
        assert_eq!(r.errors().count(), 1);
        assert_eq!(r.warnings().count(), 1);
    }
}
