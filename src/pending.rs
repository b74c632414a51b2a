//! The pending order: what `requestPay` saves in `sessionStorage` before the payment window
//! opens, so that the `m_redirect_url` landing page gets its order context back.
//!
//! On mobile the page navigates away to the PG and comes back at `m_redirect_url` with only
//! ids in the query (auth-payment-flow.mdx, "URL 쿼리 문자열로 처리하기"); the page that
//! asked for the payment is gone. The model, the stored form and the expiry rule live here,
//! pure and native-testable; the browser side (`src/js/runtime.rs`) only reads and writes
//! strings under [`storage_key`].
//!
//! The stored order is a convenience for the page, **not** a record to trust: the amount to
//! compare with `GET /payments/{imp_uid}` must come from the merchant's server.
//!
//! Once saved, an order is only removed by `take_pending_order` (or as expired
//! or damaged): a request whose state is unknown (`payment_state_unknown`), or one the buyer
//! left with Back, keeps it, because the landing page may still need it.

use crate::rules::tree::Tree;
use serde_json::{Map, Number, Value};

/// Prefix of the `sessionStorage` keys this library writes.
pub const STORAGE_PREFIX: &str = "iamport-pay:pending:";

/// How long a saved order stays takeable: 1 hour, in milliseconds. A redirect payment
/// (app card, bank app, identity check) takes minutes; an entry older than this belongs to
/// an abandoned attempt and is dropped, not handed to a landing page.
pub const PENDING_TTL_MS: u64 = 60 * 60 * 1000;

/// The order saved before the window opened (`PendingOrder` in JS).
///
/// Stored as JSON with the JS field names (`createdAt`, `customData`). The conversions go
/// through `serde_json::Value` by hand rather than serde's derive, so the wasm build (which
/// turns a `Value` into a JS object and lets the browser's `JSON` do the text) does not pull
/// in serde_json's parser.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingOrder {
    /// The request's `merchant_uid`.
    pub merchant_uid: String,
    /// The request's `amount`.
    pub amount: u64,
    /// The request's `name`.
    pub name: Option<String>,
    /// The request's `pg`, or its `channelKey` when it has no `pg`.
    pub pg: Option<String>,
    /// When it was saved, in milliseconds since the UNIX epoch.
    pub created_at: u64,
    /// The request's `custom_data`, when it had one.
    pub custom_data: Option<Value>,
}

impl PendingOrder {
    /// The order of normalized `request_pay` params (as `build_params` returns them), saved at
    /// `now_ms`. `None` when the params lack a string `merchant_uid` or a whole `amount`.
    pub fn from_params(params: &Value, now_ms: u64) -> Option<Self> {
        let fields = Fields::from_params(params, None, now_ms)?;
        Some(fields.into_order(params.get("custom_data").filter(|v| !v.is_null()).cloned()))
    }

    /// The stored (and JS) form: `{ merchant_uid, amount, name, pg, createdAt, customData? }`.
    pub fn to_value(&self) -> Value {
        self.clone().into_value()
    }

    /// [`PendingOrder::to_value`], consuming the order: the browser runtime's path, which
    /// then copies no `custom_data` (and the redirect wasm links no `Value` clone).
    pub(crate) fn into_value(self) -> Value {
        let text = |s: Option<String>| s.map_or(Value::Null, Value::String);
        let mut m = Map::new();
        m.insert("merchant_uid".into(), Value::String(self.merchant_uid));
        m.insert("amount".into(), Value::Number(Number::from(self.amount)));
        m.insert("name".into(), text(self.name));
        m.insert("pg".into(), text(self.pg));
        m.insert(
            "createdAt".into(),
            Value::Number(Number::from(self.created_at)),
        );
        if let Some(data) = self.custom_data {
            m.insert("customData".into(), data);
        }
        Value::Object(m)
    }

    /// Reads the stored form back; `None` when a required field is missing or mistyped.
    pub fn from_value(v: &Value) -> Option<Self> {
        Self::from_owned(v.clone())
    }

    /// [`PendingOrder::from_value`], taking the value: the fields are read with
    /// [`Fields::read`] and `customData` is moved out with `get_mut` and `mem::take` (not
    /// `Map::remove`, whose rebalancing code costs ~4 KB of wasm).
    pub(crate) fn from_owned(mut v: Value) -> Option<Self> {
        let fields = Fields::read(&v)?;
        Some(fields.into_order(custom_data(&mut v)))
    }

    /// Whether the order is past [`PENDING_TTL_MS`] at `now_ms`. A timestamp in the future
    /// by more than the TTL (a clock jump, or a tampered entry) counts as expired too.
    pub fn is_expired(&self, now_ms: u64) -> bool {
        expired(self.created_at, now_ms)
    }
}

fn expired(created_at: u64, now_ms: u64) -> bool {
    now_ms.abs_diff(created_at) > PENDING_TTL_MS
}

/// The stored `customData`, moved out; `None` when absent or `null`.
fn custom_data(v: &mut Value) -> Option<Value> {
    v.get_mut("customData")
        .map(std::mem::take)
        .filter(|d| !d.is_null())
}

/// A stored order's fields but `customData`, read from any JSON tree: the one reader of
/// [`read_stored`] and of the redirect entry's wasm (`src/js/redirect_abi.rs`, whose JS side
/// keeps `customData`), so that wasm links no `serde_json::Value`.
#[derive(Debug)]
pub(crate) struct Fields {
    pub(crate) merchant_uid: String,
    pub(crate) amount: u64,
    pub(crate) name: Option<String>,
    pub(crate) pg: Option<String>,
    pub(crate) created_at: u64,
}

/// What [`Fields::verdict`] says (a [`Stored`] without the order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    Valid,
    Expired,
    Corrupt,
}

impl Fields {
    /// The order's fields from the normalized params ([`PendingOrder::from_params`]):
    /// `amount` is the amount the checker coerced, when it coerced one.
    pub(crate) fn from_params<T: Tree>(
        params: &T,
        amount: Option<u64>,
        now_ms: u64,
    ) -> Option<Self> {
        let text = |key: &str| params.get(key).and_then(Tree::str).map(str::to_string);
        Some(Fields {
            merchant_uid: text("merchant_uid").filter(|s| !s.is_empty())?,
            amount: amount.or_else(|| params.get("amount")?.as_u64())?,
            name: text("name"),
            pg: text("pg").or_else(|| text("channelKey")),
            created_at: now_ms,
        })
    }

    /// `None` when a required field is missing or mistyped: `merchant_uid` a string; `name`
    /// and `pg` a string, `null` or absent; `amount` and `createdAt` whole numbers.
    pub(crate) fn read<T: Tree>(v: &T) -> Option<Self> {
        let text = |key: &str| match v.get(key) {
            None => Some(None),
            Some(s) if s.is_null() => Some(None),
            Some(s) => s.str().map(|s| Some(s.to_string())),
        };
        let Some(Some(merchant_uid)) = text("merchant_uid") else {
            return None;
        };
        let name = text("name")?;
        let pg = text("pg")?;
        Some(Fields {
            merchant_uid,
            amount: v.get("amount")?.as_u64()?,
            name,
            pg,
            created_at: v.get("createdAt")?.as_u64()?,
        })
    }

    /// The one rule for a readable order: saved for another `merchant_uid` is corrupt (not
    /// ours), then the expiry ([`PendingOrder::is_expired`]).
    pub(crate) fn verdict(&self, merchant_uid: &str, now_ms: u64) -> Verdict {
        if self.merchant_uid != merchant_uid {
            Verdict::Corrupt
        } else if expired(self.created_at, now_ms) {
            Verdict::Expired
        } else {
            Verdict::Valid
        }
    }

    pub(crate) fn into_order(self, custom_data: Option<Value>) -> PendingOrder {
        PendingOrder {
            merchant_uid: self.merchant_uid,
            amount: self.amount,
            name: self.name,
            pg: self.pg,
            created_at: self.created_at,
            custom_data,
        }
    }
}

/// `Date.now()` as the milliseconds the expiry compares: 0 for a clock that is not finite or
/// not after the epoch. (The browser runtimes' clock; wasm32 only.)
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn clock_ms(t: f64) -> u64 {
    if t.is_finite() && t > 0.0 {
        t as u64
    } else {
        0
    }
}

/// The `sessionStorage` key of an order.
pub fn storage_key(merchant_uid: &str) -> String {
    // Not `concat`, whose generic code the redirect entry's wasm would carry for this alone.
    let mut key = String::with_capacity(STORAGE_PREFIX.len() + merchant_uid.len());
    key.push_str(STORAGE_PREFIX);
    key.push_str(merchant_uid);
    key
}

/// What a stored string turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// A readable order, not expired.
    Valid(PendingOrder),
    /// A readable order past its TTL.
    Expired,
    /// Not ours, or damaged: not JSON, missing fields, or saved for another `merchant_uid`.
    Corrupt,
}

/// Reads the (JSON-parsed) value stored under [`storage_key`]`(merchant_uid)` at `now_ms`.
pub fn read_stored(stored: &Value, merchant_uid: &str, now_ms: u64) -> Stored {
    read_stored_owned(stored.clone(), merchant_uid, now_ms)
}

/// [`read_stored`], taking the value.
pub(crate) fn read_stored_owned(mut stored: Value, merchant_uid: &str, now_ms: u64) -> Stored {
    let Some(fields) = Fields::read(&stored) else {
        return Stored::Corrupt;
    };
    match fields.verdict(merchant_uid, now_ms) {
        Verdict::Valid => Stored::Valid(fields.into_order(custom_data(&mut stored))),
        Verdict::Expired => Stored::Expired,
        Verdict::Corrupt => Stored::Corrupt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const T0: u64 = 1_790_000_000_000;

    #[test]
    fn from_normalized_params() {
        let o = PendingOrder::from_params(
            &json!({"pg": "kcp.T0000", "merchant_uid": "o-1", "amount": 1004,
                    "name": "원두 200g", "custom_data": {"cart": [1, 2]}}),
            T0,
        )
        .expect("an order");
        assert_eq!(o.merchant_uid, "o-1");
        assert_eq!(o.amount, 1004);
        assert_eq!(o.name.as_deref(), Some("원두 200g"));
        assert_eq!(o.pg.as_deref(), Some("kcp.T0000"));
        assert_eq!(o.custom_data, Some(json!({"cart": [1, 2]})));
        let o = PendingOrder::from_params(
            &json!({"channelKey": "channel-key-1", "merchant_uid": "o-2", "amount": 0}),
            T0,
        )
        .expect("an order");
        assert_eq!(
            (o.pg.as_deref(), o.name, o.custom_data),
            (Some("channel-key-1"), None, None)
        );
        assert_eq!(PendingOrder::from_params(&json!({"amount": 1}), T0), None);
        assert_eq!(
            PendingOrder::from_params(&json!({"merchant_uid": "x", "amount": "1"}), T0),
            None
        );
    }

    /// The npm runtime reads the normalized params as the checker's tree, with the amount the
    /// checker coerced: the same fields as `from_params` over a `Value`.
    #[test]
    fn fields_from_the_checkers_tree_are_the_values() {
        use crate::rules::tree::Doc;
        let cases = [
            json!({"pg": "kcp.T0000", "merchant_uid": "o-1", "amount": 1004, "name": "원두"}),
            json!({"channelKey": "ck", "merchant_uid": "o-2", "amount": 0, "name": 5}),
            json!({"merchant_uid": "", "amount": 1}),
            json!({"merchant_uid": "o-3", "amount": -1}),
            json!({"merchant_uid": "o-4"}),
            json!([1, 2]),
        ];
        for v in &cases {
            let doc = Doc::from_value(v);
            let from_doc = Fields::from_params(&doc, None, T0).map(|f| f.into_order(None));
            let from_value = PendingOrder::from_params(v, T0).map(|mut o| {
                o.custom_data = None;
                o
            });
            assert_eq!(from_doc, from_value, "{v}");
        }
        // `amount: "1000"` coerced by the checker to 1000.
        let v = json!({"merchant_uid": "o-5", "amount": "1000"});
        let f = Fields::from_params(&Doc::from_value(&v), Some(1000), T0).expect("an order");
        assert_eq!((f.merchant_uid.as_str(), f.amount), ("o-5", 1000));
        assert!(Fields::from_params(&Doc::from_value(&v), None, T0).is_none());
    }

    #[test]
    fn round_trip_uses_js_names() {
        let o = PendingOrder::from_params(
            &json!({"pg": "ksnet", "merchant_uid": "o-1", "amount": 5, "name": "n"}),
            T0,
        )
        .unwrap();
        let v = o.to_value();
        assert_eq!(
            v,
            json!({"merchant_uid": "o-1", "amount": 5, "name": "n", "pg": "ksnet",
                   "createdAt": 1_790_000_000_000u64})
        );
        // Through JSON text and back, as sessionStorage holds it.
        let back: Value = serde_json::from_str(&v.to_string()).unwrap();
        assert_eq!(read_stored(&back, "o-1", T0 + 1), Stored::Valid(o));
    }

    #[test]
    fn expiry() {
        let o = PendingOrder::from_params(&json!({"merchant_uid": "o", "amount": 1}), T0).unwrap();
        let s = o.to_value();
        assert!(matches!(
            read_stored(&s, "o", T0 + PENDING_TTL_MS),
            Stored::Valid(_)
        ));
        assert_eq!(
            read_stored(&s, "o", T0 + PENDING_TTL_MS + 1),
            Stored::Expired
        );
        assert_eq!(
            read_stored(&s, "o", T0 - PENDING_TTL_MS - 1),
            Stored::Expired
        );
    }

    #[test]
    fn corrupt_or_foreign() {
        assert_eq!(
            read_stored(&json!("not an order"), "o", T0),
            Stored::Corrupt
        );
        assert_eq!(
            read_stored(&json!({"merchant_uid": "o"}), "o", T0),
            Stored::Corrupt
        );
        let mut v =
            json!({"merchant_uid": "o", "amount": 1, "name": 3, "pg": null, "createdAt": T0});
        assert_eq!(read_stored(&v, "o", T0), Stored::Corrupt);
        v["name"] = json!(null);
        assert!(matches!(read_stored(&v, "o", T0), Stored::Valid(_)));
        let o = PendingOrder::from_params(&json!({"merchant_uid": "a", "amount": 1}), T0).unwrap();
        assert_eq!(read_stored(&o.to_value(), "b", T0), Stored::Corrupt);
        assert_eq!(storage_key("a"), "iamport-pay:pending:a");
    }
}
