//! The KG Inicis builder and its `bypass` composer (docs/RULES.md §2).

use super::pg_code;
use crate::{CardDetail, CardDirect, CheckOptions, PaymentRequest, Provider};
use serde_json::{Map, Value};

/// An `IMP.request_pay` request for KG Inicis (`pg: "html5_inicis.{MID}"`).
///
/// `buyer_tel` is required by KG Inicis in every mode (000 "buyer_tel ... 필수 파라미터 입니다").
/// Setting [`customer_uid`](Self::customer_uid) opens the billing-key window, which takes
/// `card` only and whose amount is for display only.
#[derive(Clone, Debug)]
pub struct Inicis {
    req: PaymentRequest,
    options: CheckOptions,
    bypass: InicisBypass,
}

impl Inicis {
    /// A KG Inicis request for the merchant id `mid` (`"INIpayTest"` is the test MID); an
    /// empty `mid` gives the bare `pg: "html5_inicis"`.
    ///
    /// # Examples
    /// ```
    /// use iamport_pay::builder::{Inicis, InicisBypass};
    /// use iamport_pay::PayMethod;
    ///
    /// let req = Inicis::new("INIpayTest")
    ///     .pay_method(PayMethod::Card)
    ///     .merchant_uid("order_no_0001")
    ///     .name("주문명:결제테스트")
    ///     .amount(1004)
    ///     .buyer_tel("010-1234-5678")
    ///     .bypass(InicisBypass::new().hide_easy_pay().card_point())
    ///     .build()
    ///     .unwrap();
    /// let v = req.to_value();
    /// assert_eq!(v["pg"], "html5_inicis.INIpayTest");
    /// assert_eq!(v["bypass"]["acceptmethod"], "noeasypay:CARDPOINT");
    /// assert_eq!(v["bypass"]["P_RESERVED"], "noeasypay=Y&cp_yn=Y");
    ///
    /// // Without buyer_tel the build fails, naming the field.
    /// let report = Inicis::new("INIpayTest")
    ///     .name("Order")
    ///     .pay_method(PayMethod::Card)
    ///     .merchant_uid("order_no_0002")
    ///     .amount(1004)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(report.pairs(), vec![("buyer_tel".to_string(), "required")]);
    /// ```
    pub fn new(mid: impl AsRef<str>) -> Self {
        Inicis {
            req: PaymentRequest {
                pg: Some(pg_code(Provider::Html5Inicis, mid.as_ref())),
                ..PaymentRequest::default()
            },
            options: CheckOptions::provider(Provider::Html5Inicis),
            bypass: InicisBypass::new(),
        }
    }

    /// `customer_uid`: opens the billing-key window (비 인증 결제창), which issues a billing key
    /// under this id. Card only; `amount` is shown but not charged (000 "amount 파라미터에 금액을
    /// 설정하여도 실제 승인은 이루어지지 않습니다").
    pub fn customer_uid(mut self, customer_uid: impl Into<String>) -> Self {
        self.req.customer_uid = Some(customer_uid.into());
        self
    }

    /// `bypass.inicis.authtype: "01"`: the mobile billing-key window asks only for the card
    /// number, expiry and birth date (inicis.mdx "`01`: 카드번호, 유효기간, 생일 입력 부분만 표시").
    /// Billing-key window only.
    pub fn authtype_01(mut self) -> Self {
        let bypass = self.req.bypass.get_or_insert_with(Map::new);
        let mut inicis = Map::new();
        inicis.insert("authtype".into(), Value::from("01"));
        bypass.insert("inicis".into(), Value::Object(inicis));
        self
    }

    /// `escrow`: an escrow payment (inicis.mdx "escrow?: boolean **에스크로 결제 여부**").
    pub fn escrow(mut self, escrow: bool) -> Self {
        self.req.escrow = Some(escrow);
        self
    }

    /// `digital`: whether a phone payment is for digital goods (required for `phone`).
    pub fn digital(mut self, digital: bool) -> Self {
        self.req.digital = Some(digital);
        self
    }

    /// `card.direct`: open this card company's module directly (card-codes.mdx code, e.g.
    /// `"367"` Hyundai); `quota` is the fixed installment months, 0 for a lump sum.
    pub fn card_direct(mut self, code: impl Into<String>, quota: Option<u32>) -> Self {
        self.req.card.get_or_insert_with(Default::default).direct = Some(CardDirect {
            code: code.into(),
            quota,
        });
        self
    }

    /// Adds a `card.detail` entry: show or hide a card company (`"*"` = every card), or set
    /// its merchant-paid interest-free months (`max_month`, with
    /// [`use_free_interest_from_mall`](Self::use_free_interest_from_mall)).
    pub fn card_detail(mut self, detail: CardDetail) -> Self {
        self.req
            .card
            .get_or_insert_with(Default::default)
            .detail
            .get_or_insert_with(Vec::new)
            .push(detail);
        self
    }

    /// `card.interest_free`: merchant-paid interest-free installments up to `months` on every
    /// card (000 "interest_free: 7, //모든 카드 7개월까지 상점분담무이자"; needs KG Inicis set-up).
    pub fn interest_free(mut self, months: u32) -> Self {
        self.req
            .card
            .get_or_insert_with(Default::default)
            .interest_free = Some(months.into());
        self
    }

    /// `useFreeInterestFromMall`: apply the `card.detail[].max_month` interest-free months.
    pub fn use_free_interest_from_mall(mut self, on: bool) -> Self {
        self.req.use_free_interest_from_mall = Some(on);
        self
    }

    /// Merges KG Inicis window options into `bypass`: each option writes the PC form
    /// (`acceptmethod`) and the mobile form (`P_RESERVED`) where both exist, and a later
    /// option replaces an earlier one of the same token or key, so no token or key is ever
    /// written twice.
    pub fn bypass(mut self, bypass: InicisBypass) -> Self {
        self.bypass = std::mem::take(&mut self.bypass).merge(bypass);
        let map = self.req.bypass.get_or_insert_with(Map::new);
        self.bypass.write_into(map);
        if map.is_empty() {
            self.req.bypass = None;
        }
        self
    }
}

common_setters!(Inicis);

/// KG Inicis window options for `bypass`, written in both the PC form
/// (`bypass.acceptmethod`, `:`-separated tokens) and the mobile form (`bypass.P_RESERVED`,
/// `&`-separated `key=value`), per inicis.mdx's bypass table (docs/RULES.md §2.2).
///
/// Every option and every raw string goes through [`compose_acceptmethod`] /
/// [`compose_p_reserved`]: a token name (acceptmethod, case-insensitive) or a key
/// (P_RESERVED) appears at most once — a later value replaces the earlier one in place —
/// and empty tokens are dropped. KG Inicis's own sample repeats `acceptmethod` and
/// `P_RESERVED` inside one object, which in JavaScript silently keeps only the last; this
/// type writes `"noeasypay:CARDPOINT"` and `"noeasypay=Y&cp_yn=Y"` instead.
///
/// # Examples
/// ```
/// use iamport_pay::builder::InicisBypass;
///
/// let b = InicisBypass::new()
///     .hide_easy_pay()
///     .card_point()
///     .p_reserved_raw("noeasypay=Y&twotrs_bank=Y"); // noeasypay is not written twice
/// assert_eq!(b.acceptmethod().as_deref(), Some("noeasypay:CARDPOINT"));
/// assert_eq!(b.p_reserved().as_deref(), Some("noeasypay=Y&cp_yn=Y&twotrs_bank=Y"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InicisBypass {
    /// PC tokens, already merged (no empty token, no name twice).
    pc: Vec<String>,
    /// Mobile `key=value` pairs, already merged (no empty pair, no key twice).
    mobile: Vec<String>,
    /// `ini_PAYSHOT_KEY` / `P_PAYSHOT_KEY`.
    payshot_key: Option<String>,
}

/// The name an acceptmethod token is deduplicated by: the part before `(`, ASCII-lowercased
/// (docs/RULES.md §7.3: `cardpoint` and `CARDPOINT` are the same token).
fn pc_key(token: &str) -> String {
    crate::rules::inicis::acceptmethod_name(token).to_ascii_lowercase()
}

/// The key a P_RESERVED pair is deduplicated by: the part before the first `=`.
fn mobile_key(pair: &str) -> String {
    pair.split('=').next().unwrap_or(pair).to_string()
}

/// Splits `input` at `sep` and merges each non-empty piece into `list`: a piece whose key is
/// already there replaces it in place; otherwise it is appended.
fn merge_into(list: &mut Vec<String>, input: &str, sep: char, key: fn(&str) -> String) {
    for piece in input.split(sep).filter(|p| !p.is_empty()) {
        let k = key(piece);
        match list.iter_mut().find(|existing| key(existing) == k) {
            Some(existing) => *existing = piece.to_string(),
            None => list.push(piece.to_string()),
        }
    }
}

/// Merges acceptmethod token strings (each may hold several `:`-separated tokens) into one
/// `acceptmethod` value: empty tokens are dropped, and a token name that comes again
/// (compared ASCII-case-insensitively, arguments ignored) replaces the earlier token in
/// place. Never panics; the result never holds a token name twice or an empty token.
///
/// # Examples
/// ```
/// use iamport_pay::builder::compose_acceptmethod;
/// assert_eq!(compose_acceptmethod(["noeasypay", "cardpoint", "CARDPOINT:SKIN(BLUE)"]),
///            "noeasypay:CARDPOINT:SKIN(BLUE)");
/// assert_eq!(compose_acceptmethod(["SKIN(RED)::", "SKIN(#c1272c)"]), "SKIN(#c1272c)");
/// ```
pub fn compose_acceptmethod<I, S>(tokens: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut list = Vec::new();
    for t in tokens {
        merge_into(&mut list, t.as_ref(), ':', pc_key);
    }
    list.join(":")
}

/// Merges P_RESERVED strings (each may hold several `&`-separated `key=value` pairs) into
/// one `P_RESERVED` value: empty pairs are dropped, and a key that comes again replaces the
/// earlier pair in place. Never panics; the result never holds a key twice or an empty pair.
///
/// # Examples
/// ```
/// use iamport_pay::builder::compose_p_reserved;
/// assert_eq!(compose_p_reserved(["noeasypay=Y", "cp_yn=Y&noeasypay=N"]), "noeasypay=N&cp_yn=Y");
/// ```
pub fn compose_p_reserved<I, S>(pairs: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut list = Vec::new();
    for p in pairs {
        merge_into(&mut list, p.as_ref(), '&', mobile_key);
    }
    list.join("&")
}

impl InicisBypass {
    /// No options.
    pub fn new() -> Self {
        InicisBypass::default()
    }

    fn pc(mut self, token: &str) -> Self {
        merge_into(&mut self.pc, token, ':', pc_key);
        self
    }

    fn mobile(mut self, pair: &str) -> Self {
        merge_into(&mut self.mobile, pair, '&', mobile_key);
        self
    }

    fn drop_pc(mut self, name: &str) -> Self {
        self.pc.retain(|t| pc_key(t) != name);
        self
    }

    fn drop_mobile(mut self, key: &str) -> Self {
        self.mobile.retain(|p| mobile_key(p) != key);
        self
    }

    /// Hide the easy-pay buttons: PC `noeasypay`, mobile `noeasypay=Y` (inicis.mdx
    /// "간편결제 버튼을 통합결제창에서 제외").
    pub fn hide_easy_pay(self) -> Self {
        self.pc("noeasypay").mobile("noeasypay=Y")
    }

    /// Use card-company points: PC `CARDPOINT`, mobile `cp_yn=Y` (inicis.mdx "카드사 포인트 사용").
    pub fn card_point(self) -> Self {
        self.pc("CARDPOINT").mobile("cp_yn=Y")
    }

    /// Use card points on a `card.direct` call: mobile `dcp_yn=Y` (no PC form documented).
    pub fn direct_card_point(self) -> Self {
        self.mobile("dcp_yn=Y")
    }

    /// No cash receipt: PC `no_receipt` ("현금영수증 미발행"), mobile `bank_receipt=N`
    /// ("계좌이체 현금영수증 입력란 숨김").
    pub fn no_cash_receipt(self) -> Self {
        self.pc("no_receipt").mobile("bank_receipt=N")
    }

    /// Show the cash-receipt field for a virtual account: mobile `vbank_receipt=Y`.
    pub fn show_vbank_receipt(self) -> Self {
        self.mobile("vbank_receipt=Y")
    }

    /// The ACS window option for a card: PC `cardshowopt(CC-O)`, mobile `cardshowopt=CC:O`
    /// (inicis.mdx "예: `cardshowopt(04-6)`"). `card_code` is KG Inicis's code, e.g. `"04"`.
    pub fn card_show_option(self, card_code: &str, option: u32) -> Self {
        let pc = format!("cardshowopt({card_code}-{option})");
        let mobile = format!("cardshowopt={card_code}:{option}");
        self.pc(&pc).mobile(&mobile)
    }

    /// The window colour (PC only): `SKIN(BLUE)` or `SKIN(#c1272c)`.
    pub fn skin(self, colour: &str) -> Self {
        self.pc(&format!("SKIN({colour})"))
    }

    /// Hyundai Card M-point (PC only): `usespcp` when `true`, `disablepoint` when `false`;
    /// setting one removes the other.
    pub fn hyundai_m_point(self, on: bool) -> Self {
        if on {
            self.drop_pc("disablepoint").pc("usespcp")
        } else {
            self.drop_pc("usespcp").pc("disablepoint")
        }
    }

    /// Shinhan Card partnership option (PC only): `cd_ps(CC-M)`, card code and months.
    pub fn shinhan_partnership(self, card_code: &str, months: u32) -> Self {
        self.pc(&format!("cd_ps({card_code}-{months})"))
    }

    /// Bank transfer in two transactions: mobile `twotrs_bank=Y` ("계좌이체 거래 시 필수 입력
    /// 값"; the checker warns when it is missing on a transfer inside an app WebView).
    pub fn two_transaction_bank(self) -> Self {
        self.mobile("twotrs_bank=Y")
    }

    /// Call apps by Android intent: mobile `apprun_check=Y`. It cannot be used with
    /// `app_scheme=` ("`app_scheme`과 같이 사용 불가"), so this removes a
    /// [`return_to_app`](Self::return_to_app) scheme.
    pub fn android_intent(self) -> Self {
        self.drop_mobile("app_scheme").mobile("apprun_check=Y")
    }

    /// Return to the shop's app after ISP/bank apps: mobile `app_scheme=scheme://` (a
    /// trailing `://` in `scheme` is not doubled). Removes [`android_intent`](Self::android_intent).
    pub fn return_to_app(self, scheme: &str) -> Self {
        let scheme = scheme.strip_suffix("://").unwrap_or(scheme);
        self.drop_mobile("apprun_check")
            .mobile(&format!("app_scheme={scheme}://"))
    }

    /// The page runs in an iOS app: mobile `iosapp=Y`.
    pub fn ios_app(self) -> Self {
        self.mobile("iosapp=Y")
    }

    /// Hyundai Card Payshot customer key, written as both `ini_PAYSHOT_KEY` (PC) and
    /// `P_PAYSHOT_KEY` (mobile); format `{가맹점구분}{YYYYMMDDHHMMSSmsec}{고객id}`.
    pub fn payshot_key(mut self, key: impl Into<String>) -> Self {
        self.payshot_key = Some(key.into());
        self
    }

    /// Raw acceptmethod tokens (`:`-separated), for documented tokens without a typed option;
    /// merged like the typed ones.
    pub fn acceptmethod_raw(self, tokens: &str) -> Self {
        self.pc(tokens)
    }

    /// Raw P_RESERVED pairs (`&`-separated `key=value`); merged like the typed ones.
    pub fn p_reserved_raw(self, pairs: &str) -> Self {
        self.mobile(pairs)
    }

    /// `other`'s options on top of these (a later token or key replaces an earlier one).
    pub fn merge(mut self, other: InicisBypass) -> Self {
        for t in &other.pc {
            merge_into(&mut self.pc, t, ':', pc_key);
        }
        for p in &other.mobile {
            merge_into(&mut self.mobile, p, '&', mobile_key);
        }
        if other.payshot_key.is_some() {
            self.payshot_key = other.payshot_key;
        }
        self
    }

    /// The `acceptmethod` string, or `None` when no PC option is set.
    pub fn acceptmethod(&self) -> Option<String> {
        (!self.pc.is_empty()).then(|| self.pc.join(":"))
    }

    /// The `P_RESERVED` string, or `None` when no mobile option is set.
    pub fn p_reserved(&self) -> Option<String> {
        (!self.mobile.is_empty()).then(|| self.mobile.join("&"))
    }

    /// Writes (or removes) `acceptmethod`, `P_RESERVED` and the Payshot keys in a `bypass`
    /// object; other keys are left alone.
    pub fn write_into(&self, bypass: &mut Map<String, Value>) {
        let mut set = |key: &str, value: Option<String>| match value {
            Some(v) => {
                bypass.insert(key.to_string(), Value::String(v));
            }
            None => {
                bypass.remove(key);
            }
        };
        set("acceptmethod", self.acceptmethod());
        set("P_RESERVED", self.p_reserved());
        set("ini_PAYSHOT_KEY", self.payshot_key.clone());
        set("P_PAYSHOT_KEY", self.payshot_key.clone());
    }
}
