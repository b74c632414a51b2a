//! The storefront model both examples share: catalog, cart, checkout form, and the
//! `PaymentRequest` it becomes. No framework code here, so the Yew and Leptos sources show
//! only what differs between the two (state, events, async).
//!
//! Included by `examples/yew/src/main.rs` and `examples/leptos/src/main.rs` with
//! `#[path = "../../common/shop.rs"] mod shop;`.

use iamport_pay::builder::{Inicis, Kcp, Ksnet};
use iamport_pay::{
    CheckOptions, Issue, Lang, PayMethod, PayOptions, PaymentRequest, Provider, Report,
};

/// One product of the catalog. Prices are in won.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Product {
    pub id: &'static str,
    pub name_ko: &'static str,
    pub name_en: &'static str,
    pub price: u64,
}

impl Product {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ko => self.name_ko,
            Lang::En => self.name_en,
        }
    }
}

pub const CATALOG: &[Product] = &[
    Product {
        id: "beans",
        name_ko: "에티오피아 원두 200g",
        name_en: "Ethiopia beans 200 g",
        price: 18_500,
    },
    Product {
        id: "dripper",
        name_ko: "세라믹 드리퍼",
        name_en: "Ceramic dripper",
        price: 27_000,
    },
    Product {
        id: "mug",
        name_ko: "머그컵 350ml",
        name_en: "Mug 350 ml",
        price: 9_900,
    },
];

pub fn product(id: &str) -> Option<&'static Product> {
    CATALOG.iter().find(|p| p.id == id)
}

/// Product ids and quantities, in the order they were first added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cart {
    lines: Vec<(&'static Product, u32)>,
}

impl Cart {
    pub fn add(&mut self, id: &str) {
        if let Some(line) = self.lines.iter_mut().find(|(p, _)| p.id == id) {
            line.1 = line.1.saturating_add(1);
        } else if let Some(p) = product(id) {
            self.lines.push((p, 1));
        }
    }

    pub fn remove_one(&mut self, id: &str) {
        if let Some(i) = self.lines.iter().position(|(p, _)| p.id == id) {
            self.lines[i].1 -= 1;
            if self.lines[i].1 == 0 {
                self.lines.remove(i);
            }
        }
    }

    pub fn lines(&self) -> &[(&'static Product, u32)] {
        &self.lines
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn total(&self) -> u64 {
        self.lines
            .iter()
            .map(|(p, n)| p.price.saturating_mul(u64::from(*n)))
            .fold(0, u64::saturating_add)
    }

    /// The order name shown in the payment window: "머그컵 350ml 외 2건".
    pub fn order_name(&self, lang: Lang) -> String {
        let Some((first, _)) = self.lines.first() else {
            return String::new();
        };
        let others = self.lines.len() - 1;
        match (others, lang) {
            (0, _) => first.name(lang).to_string(),
            (n, Lang::Ko) => format!("{} 외 {n}건", first.name_ko),
            (n, Lang::En) => format!("{} and {n} more", first.name_en),
        }
    }
}

/// The PGs the checkout offers, each with PortOne's test MID / site code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pg {
    Inicis,
    Kcp,
    Ksnet,
}

impl Pg {
    pub const ALL: [Pg; 3] = [Pg::Inicis, Pg::Kcp, Pg::Ksnet];

    pub fn id(self) -> &'static str {
        match self {
            Pg::Inicis => "inicis",
            Pg::Kcp => "kcp",
            Pg::Ksnet => "ksnet",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Pg::Inicis, Lang::Ko) => "KG이니시스",
            (Pg::Inicis, Lang::En) => "KG Inicis",
            (Pg::Kcp, _) => "NHN KCP",
            (Pg::Ksnet, _) => "KSNET",
        }
    }
}

/// What the buyer typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Buyer {
    pub name: String,
    pub tel: String,
    pub email: String,
}

impl Default for Buyer {
    fn default() -> Self {
        Buyer {
            name: "홍길동".into(),
            tel: "010-1234-5678".into(),
            email: "buyer@example.com".into(),
        }
    }
}

/// The form fields issues are shown next to; issues at other paths go to the summary.
pub const FORM_FIELDS: &[&str] = &["buyer_name", "buyer_tel", "buyer_email"];

/// Everything the checkout needs to build one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Order<'a> {
    pub pg: Pg,
    pub cart: &'a Cart,
    pub buyer: &'a Buyer,
    pub merchant_uid: &'a str,
    pub lang: Lang,
    /// `Some(url)` on a mobile browser: the result comes back to this page by redirect.
    pub m_redirect_url: Option<&'a str>,
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The request checked: every issue (warnings too), and the request when there is no error.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub report: Report,
    pub request: Option<PaymentRequest>,
    /// What the request was checked as (provider, mobile): `request_pay` checks it again so.
    pub options: CheckOptions,
}

/// Fills the setters every PG builder shares from `$order`, then checks and builds.
macro_rules! fill {
    ($builder:expr, $order:expr) => {{
        let o = $order;
        let mut b = $builder
            .pay_method(PayMethod::Card)
            .merchant_uid(o.merchant_uid)
            .amount(o.cart.total())
            .mobile(o.m_redirect_url.is_some());
        // Empty inputs are left unset, so a PG that needs the field reports it as missing.
        if let Some(v) = non_empty(&o.cart.order_name(o.lang)) {
            b = b.name(v);
        }
        if let Some(v) = non_empty(&o.buyer.name) {
            b = b.buyer_name(v);
        }
        if let Some(v) = non_empty(&o.buyer.tel) {
            b = b.buyer_tel(v);
        }
        if let Some(v) = non_empty(&o.buyer.email) {
            b = b.buyer_email(v);
        }
        if let Some(url) = o.m_redirect_url {
            b = b.m_redirect_url(url);
        }
        let report = b.report();
        Checked {
            request: b.build().ok(),
            report,
            options: o.options(),
        }
    }};
}

impl Order<'_> {
    /// The request for the chosen PG, made with that PG's typed builder and checked.
    pub fn check(&self) -> Checked {
        match self.pg {
            Pg::Inicis => fill!(Inicis::new("INIpayTest"), self),
            Pg::Kcp => fill!(Kcp::new("T0000"), self),
            // ksnet.mdx: KSNET through PortOne is set up for mixed taxation, so the request
            // says how much of the amount is tax-free (nothing, in this shop).
            Pg::Ksnet => fill!(Ksnet::new("2999199999").tax_free(0), self),
        }
    }

    fn options(&self) -> CheckOptions {
        let provider = match self.pg {
            Pg::Inicis => Provider::Html5Inicis,
            Pg::Kcp => Provider::Kcp,
            Pg::Ksnet => Provider::Ksnet,
        };
        CheckOptions::provider(provider).mobile(self.m_redirect_url.is_some())
    }
}

/// How `request_pay` runs a request checked with `check`: with the same provider and mode,
/// and on mobile the order kept for the redirect route.
pub fn pay_options(check: &CheckOptions) -> PayOptions {
    PayOptions {
        provider: check.provider,
        mobile: Some(check.mobile),
        keep_pending_order: check.mobile,
        ..PayOptions::default()
    }
}

/// Issues of `report` at `path`.
pub fn issues_at<'r>(report: &'r Report, path: &'r str) -> impl Iterator<Item = &'r Issue> + 'r {
    report.issues().iter().filter(move |i| i.path == path)
}

/// Issues of `report` that no form field shows.
pub fn other_issues(report: &Report) -> impl Iterator<Item = &Issue> {
    report
        .issues()
        .iter()
        .filter(|i| !FORM_FIELDS.contains(&i.path.as_str()))
}

/// `82,700원` / `₩82,700`.
pub fn won(amount: u64, lang: Lang) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    match lang {
        Lang::Ko => out + "원",
        Lang::En => format!("₩{out}"),
    }
}

/// A fresh order number: `order-` + milliseconds since the epoch (base 36) + a random tail.
pub fn new_merchant_uid() -> String {
    let now = js_sys::Date::now() as u64;
    let tail = (js_sys::Math::random() * 1_296.0) as u64;
    format!("order-{}{}", base36(now), base36(tail))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// UI strings, Korean and English.
pub fn t(lang: Lang, ko: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ko => ko,
        Lang::En => en,
    }
}

/// `success` as the page shows it: `true`, `false`, or `null` when the answer did not say.
pub fn flag(success: Option<bool>) -> &'static str {
    match success {
        Some(true) => "true",
        Some(false) => "false",
        None => "null",
    }
}
