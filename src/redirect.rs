//! What the payment window gives back, before anyone has verified it: the `m_redirect_url`
//! query ([`RedirectResult`], [`parse_redirect`]) and the `IMP.request_pay` callback response
//! ([`PaymentResult`]).
//!
//! **Neither is proof of payment.** Both come through the buyer's browser, and PortOne says
//! so itself: `success` and `error_code` do not tell whether a payment succeeded
//! (portone-docs/js-sdk.mdx, "request_pay 응답 객체에 `success`가 포함되지 않습니다"). Send
//! `imp_uid` and `merchant_uid` to your server; the server calls `GET /payments/{imp_uid}` and
//! compares the paid `amount` with the order it stored (auth-payment-flow.mdx, "4. 결제 완료
//! 처리하기" and "결제 검증 필수").
//!
//! The parsing is pure and shared by the native and the wasm build: only the
//! `application/x-www-form-urlencoded` decoding differs (the `form_urlencoded` crate natively
//! and in the redirect entry's wasm (`npm-redirect`), the browser's `URLSearchParams` in the
//! other wasm builds, both implementations of the same WHATWG algorithm), and one case table
//! (`tests/redirect_cases.json`) runs against both (tests/e2e/redirect-entry.test.mjs
//! compares the two npm entries in a browser).

use crate::error::{Error, ErrorCode};
use crate::rules::tree::Tree;
use serde_json::{Map, Value};

/// The result PortOne appends to `m_redirect_url` (auth-payment-flow.mdx, "URL 쿼리 문자열로
/// 처리하기": `imp_uid`, `merchant_uid`, and `error_code` / `error_msg` on failure; daou-notes.mdx:
/// `imp_success` on mobile).
///
/// **Unverified**: the server must look the payment up with `GET /payments/{imp_uid}` and
/// compare its amount with the order (see the module docs). In JS the object carries
/// `verified: false` as a reminder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RedirectResult {
    /// PortOne's payment id; `None` when absent or empty (a failure before PortOne created
    /// a payment, request-pay-response.mdx "imp_uid").
    pub imp_uid: Option<String>,
    /// The order id the request carried; always present (else [`ErrorCode::InvalidRedirect`]).
    pub merchant_uid: String,
    /// `imp_success` (or the legacy `success`) when it says `true` / `false`; `Some(false)`
    /// when only `error_code` / `error_msg` is present; `None` when the query carries ids only.
    pub success: Option<bool>,
    /// The PG's failure code; `None` when absent or empty.
    pub error_code: Option<String>,
    /// The PG's failure message, decoded (`%XX` and `+`); `None` when absent or empty.
    pub error_msg: Option<String>,
}

/// Parses the page URL PortOne redirected to, or just its query string.
///
/// `input` may be a full URL (`https://shop.example/pay/done?imp_uid=…`), a path with a
/// query (`/pay/done?…`), or a query string with or without its `?`. A `#fragment` is never
/// part of the query. A repeated key takes its first value; `%XX` and `+` decode (UTF-8, so
/// Korean messages come out as text).
///
/// # Examples
/// ```
/// use iamport_pay::parse_redirect;
/// let r = parse_redirect(
///     "https://shop.example/done?imp_uid=imp_1&merchant_uid=order-1&imp_success=false\
///      &error_code=F400&error_msg=%EC%B7%A8%EC%86%8C+%EB%90%98%EC%97%88%EC%8A%B5%EB%8B%88%EB%8B%A4",
/// ).unwrap();
/// assert_eq!(r.merchant_uid, "order-1");
/// assert_eq!(r.success, Some(false));
/// assert_eq!(r.error_msg.as_deref(), Some("취소 되었습니다"));
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidRedirect`] when the query has no (or an empty) `merchant_uid`.
pub fn parse_redirect(input: &str) -> Result<RedirectResult, Error> {
    let query = locate_query(input);
    // The redirect entry's wasm (`npm-redirect`, no wasm-bindgen: src/js/redirect_abi.rs) has
    // no URLSearchParams, so it decodes as natively does.
    #[cfg(any(not(target_arch = "wasm32"), feature = "npm-redirect"))]
    {
        // Decoding the query again for each of the few keys takes less code than collecting
        // every pair first (a redirect query is short; `find` stops at the first match).
        from_lookup(|key| {
            form_urlencoded::parse(query.as_bytes())
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.into_owned())
        })
    }
    #[cfg(all(target_arch = "wasm32", not(feature = "npm-redirect")))]
    {
        // URLSearchParams.get returns the first value of a repeated key.
        match web_sys::UrlSearchParams::new_with_str(query) {
            Ok(params) => from_lookup(|key| params.get(key)),
            Err(_) => Err(no_merchant_uid()),
        }
    }
}

/// The raw query of `input` (without `?`, before any `#`), following the URL standard's
/// split: the query runs from the first `?` to the first `#`, and a `#` before any `?` leaves
/// no query. Input that is neither a URL (it has a scheme) nor a path is a bare query string.
pub(crate) fn locate_query(input: &str) -> &str {
    // The URL parser strips leading and trailing C0 controls and spaces.
    let s = input.trim_matches(|c: char| c <= ' ');
    let s = split_once(s, b'#').map_or(s, |(before, _)| before);
    if has_scheme(s) || s.starts_with('/') || s.starts_with('?') {
        split_once(s, b'?').map_or("", |(_, q)| q)
    } else {
        s
    }
}

/// `s.split_once(c)` for an ASCII `c`, without the generic char searcher (about 800 bytes of
/// the redirect entry's wasm).
fn split_once(s: &str, c: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == c)?;
    // An ASCII byte is a char boundary on both sides.
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// Whether `s` starts with a URL scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
fn has_scheme(s: &str) -> bool {
    let Some((scheme, _)) = split_once(s, b':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn no_merchant_uid() -> Error {
    Error::new(
        ErrorCode::InvalidRedirect,
        "the redirect URL has no merchant_uid: is this page m_redirect_url?",
    )
}

/// Builds the result from a decoded lookup (`get(key)` = the first value of `key`).
pub(crate) fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<RedirectResult, Error> {
    let non_empty = |key: &str| get(key).filter(|v| !v.is_empty());
    let merchant_uid = non_empty("merchant_uid").ok_or_else(no_merchant_uid)?;
    let error_code = non_empty("error_code");
    let error_msg = non_empty("error_msg");
    let flag = |key: &str| get(key).and_then(|v| flag_str(&v));
    let success = normalize_success(
        flag("imp_success"),
        flag("success"),
        error_code.is_some() || error_msg.is_some(),
    );
    Ok(RedirectResult {
        imp_uid: non_empty("imp_uid"),
        merchant_uid,
        success,
        error_code,
        error_msg,
    })
}

/// A success flag as PortOne writes it in a query (`true` / `false`); anything else says
/// nothing.
fn flag_str(v: &str) -> Option<bool> {
    match v {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// The one rule for `success` (API.md, `PaymentResult` and `RedirectResult.success`):
/// `imp_success`, else the legacy `success` (daou-notes.mdx: PC sends `success`, mobile
/// `imp_success`), else `false` when an error code or message is present, else unknown.
pub(crate) fn normalize_success(
    imp_success: Option<bool>,
    success: Option<bool>,
    has_error: bool,
) -> Option<bool> {
    imp_success.or(success).or(has_error.then_some(false))
}

/// What `IMP.request_pay` passed to its callback, typed, with every field kept.
///
/// The fields depend on the PG and the SDK (request-pay-response.mdx): with the current SDK,
/// KSNET and several newer PGs send only `imp_uid`, `merchant_uid`, `error_code` and
/// `error_msg`, so [`success`](Self::success) is often `None`.
///
/// **Unverified**: the server must look the payment up with `GET /payments/{imp_uid}` and
/// compare its amount with the order (see the module docs). In JS the object carries
/// `verified: false`.
#[derive(Clone, Debug, PartialEq)]
pub struct PaymentResult {
    /// `Some(true)` / `Some(false)` from `imp_success` / `success`, `Some(false)` when only
    /// `error_code` / `error_msg` is present, `None` when the response does not say.
    pub success: Option<bool>,
    /// PortOne's payment id; `None` when absent, null or empty.
    pub imp_uid: Option<String>,
    /// The order id: the response's, or the request's when the response has none.
    pub merchant_uid: String,
    /// The PG's failure code, when present and not empty.
    pub error_code: Option<String>,
    /// The PG's failure message, when present and not empty.
    pub error_msg: Option<String>,
    /// Every field of the callback response, as received (`pay_method`, `paid_amount`,
    /// `status`, `pg_provider`, `card_name`, …).
    pub response: Map<String, Value>,
}

impl PaymentResult {
    /// Reads a callback response. `merchant_uid` is the request's, used when the response
    /// lacks one. A response that is not an object keeps no fields (and says nothing).
    ///
    /// # Examples
    /// ```
    /// use iamport_pay::PaymentResult;
    /// use serde_json::json;
    /// // KSNET with the current SDK: ids only (ksnet.mdx), so nobody knows yet.
    /// let r = PaymentResult::from_response(
    ///     json!({"imp_uid": "imp_1", "merchant_uid": "order-1"}), "order-1");
    /// assert_eq!(r.success, None);
    /// assert_eq!(r.imp_uid.as_deref(), Some("imp_1"));
    /// ```
    pub fn from_response(response: Value, merchant_uid: &str) -> Self {
        let Summary {
            success,
            imp_uid,
            merchant_uid,
            error_code,
            error_msg,
        } = Summary::of(&response, merchant_uid);
        let response = match response {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        PaymentResult {
            success,
            imp_uid,
            merchant_uid,
            error_code,
            error_msg,
            response,
        }
    }
}

/// The typed fields of [`PaymentResult`], read from any tree: the one reader of a callback
/// response ([`PaymentResult::from_response`] over a `serde_json` map; the npm runtime over
/// the careful reader's tree, without a `Value`).
pub(crate) struct Summary {
    pub(crate) success: Option<bool>,
    pub(crate) imp_uid: Option<String>,
    pub(crate) merchant_uid: String,
    pub(crate) error_code: Option<String>,
    pub(crate) error_msg: Option<String>,
}

impl Summary {
    /// A response that is not an object says nothing (every field absent).
    pub(crate) fn of<T: Tree>(response: &T, merchant_uid: &str) -> Self {
        let text = |key: &str| {
            response
                .get(key)
                .and_then(Tree::str)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let flag = |key: &str| {
            let v = response.get(key)?;
            v.bool().or_else(|| v.str().and_then(flag_str))
        };
        // An error code may come as a number from some PGs; any non-empty value counts.
        let present = |key: &str| match response.get(key) {
            None => false,
            Some(v) if v.is_null() => false,
            Some(v) => v.str().is_none_or(|s| !s.is_empty()),
        };
        let success = normalize_success(
            flag("imp_success"),
            flag("success"),
            present("error_code") || present("error_msg"),
        );
        Summary {
            success,
            imp_uid: text("imp_uid"),
            merchant_uid: text("merchant_uid").unwrap_or_else(|| merchant_uid.to_string()),
            error_code: text("error_code"),
            error_msg: text("error_msg"),
        }
    }
}

/// Whether a user agent is a phone or tablet browser, where PortOne's payment window
/// redirects to `m_redirect_url` instead of calling back (auth-payment-flow.mdx, "3. 결제
/// 결과 처리하기": PC uses an iframe or popup, mobile usually redirects). It feeds the
/// checker's `mobile` option when the caller does not set one.
///
/// Tokens: `Mobi` (MDN's advice for "is this a mobile browser"), `Android`, `iPhone`,
/// `iPad`, `iPod`. iPadOS 13+ claims to be a Mac; pass `mobile: true` explicitly there, or
/// let the JS runtime's touch check catch it.
pub fn is_mobile_user_agent(ua: &str) -> bool {
    ["Mobi", "Android", "iPhone", "iPad", "iPod"]
        .iter()
        .any(|t| contains(ua, t))
}

/// `hay.contains(needle)` for short ASCII needles, without the generic substring searcher
/// (which costs about 2.5 KB of wasm for these few calls).
pub(crate) fn contains(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn locate_query_follows_the_url_split() {
        assert_eq!(locate_query("https://a.b/c?x=1&y=2#z=3"), "x=1&y=2");
        assert_eq!(locate_query("https://a.b/c#z?x=1"), "");
        assert_eq!(locate_query("https://a.b/c"), "");
        assert_eq!(locate_query("/c?x=1"), "x=1");
        assert_eq!(locate_query("?x=1#y"), "x=1");
        assert_eq!(locate_query("x=1&y=a?b"), "x=1&y=a?b");
        assert_eq!(locate_query("  ?x=1 \n"), "x=1");
        assert_eq!(locate_query(""), "");
        // `merchant_uid=a:b` has no scheme (`_` cannot be in one).
        assert_eq!(locate_query("merchant_uid=a:b"), "merchant_uid=a:b");
    }

    /// The npm runtime reads a callback response as the careful reader's tree, a Rust caller
    /// as a `serde_json` map: one reader ([`Summary::of`]), the same answers.
    #[test]
    fn a_response_reads_the_same_from_either_tree() {
        use crate::rules::tree::Doc;
        let cases = [
            json!({"imp_uid": "imp_1", "merchant_uid": "o-1", "success": true}),
            json!({"imp_uid": "", "imp_success": "false", "success": true}),
            json!({"error_code": 0, "error_msg": ""}),
            json!({"error_code": "", "error_msg": null, "success": "yes"}),
            json!({"merchant_uid": 7, "imp_uid": ["x"], "error_msg": "카드 한도 초과"}),
            json!("not an object"),
        ];
        for v in &cases {
            let r = PaymentResult::from_response(v.clone(), "asked");
            let s = Summary::of(&Doc::from_value(v), "asked");
            assert_eq!(
                (
                    s.success,
                    s.imp_uid,
                    s.merchant_uid,
                    s.error_code,
                    s.error_msg
                ),
                (
                    r.success,
                    r.imp_uid,
                    r.merchant_uid,
                    r.error_code,
                    r.error_msg
                ),
                "{v}"
            );
        }
        let r = PaymentResult::from_response(cases[2].clone(), "asked");
        assert_eq!((r.success, r.merchant_uid.as_str()), (Some(false), "asked"));
        let r = PaymentResult::from_response(cases[1].clone(), "asked");
        assert_eq!((r.success, r.imp_uid), (Some(false), None));
    }

    #[test]
    fn success_rule() {
        assert_eq!(normalize_success(Some(true), Some(false), true), Some(true));
        assert_eq!(normalize_success(None, Some(false), false), Some(false));
        assert_eq!(normalize_success(None, None, true), Some(false));
        assert_eq!(normalize_success(None, None, false), None);
    }

    #[test]
    fn payment_result_keeps_every_field() {
        let r = PaymentResult::from_response(
            json!({"imp_uid": "imp_9", "merchant_uid": "m", "success": true,
                   "paid_amount": 1004, "status": "paid", "card_name": "국민카드"}),
            "other",
        );
        assert_eq!(r.success, Some(true));
        assert_eq!(r.merchant_uid, "m");
        assert_eq!(r.response["paid_amount"], json!(1004));
        assert_eq!(r.response["card_name"], json!("국민카드"));
        assert_eq!(r.response.len(), 6);
    }

    #[test]
    fn payment_result_failure_and_odd_shapes() {
        let r = PaymentResult::from_response(
            json!({"imp_uid": null, "merchant_uid": "m", "error_code": "F1", "error_msg": "취소"}),
            "m",
        );
        assert_eq!(r.success, Some(false));
        assert_eq!(r.imp_uid, None);
        assert_eq!(r.error_msg.as_deref(), Some("취소"));
        let r = PaymentResult::from_response(json!({"imp_success": "false"}), "req");
        assert_eq!((r.success, r.merchant_uid.as_str()), (Some(false), "req"));
        let r = PaymentResult::from_response(json!("garbage"), "req");
        assert_eq!((r.success, r.response.len()), (None, 0));
        let r = PaymentResult::from_response(json!({"error_code": 500}), "req");
        assert_eq!(r.success, Some(false));
    }

    #[test]
    fn mobile_user_agents() {
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
        let android = "Mozilla/5.0 (Linux; Android 14; SM-S911N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";
        let desktop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
        assert!(is_mobile_user_agent(iphone));
        assert!(is_mobile_user_agent(android));
        assert!(!is_mobile_user_agent(desktop));
    }
}
