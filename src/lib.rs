//! # iamport-pay
//!
//! Check PortOne V1 `IMP.request_pay` params against the rules of KG Inicis, NHN KCP, KSNET
//! and Kiwoom Pay (Daou) before the payment window opens — natively on a server, or in the
//! browser through WebAssembly — and, in the browser, call `IMP.request_pay` as a Future.
//!
//! Every problem is reported at once, each with a wire-name path, a stable [`Code`] and a
//! message in English and Korean ([`Issue::message`]).
//!
//! ```
//! use iamport_pay::{check, CheckOptions, Code};
//! use serde_json::json;
//!
//! let report = check(&json!({
//!     "pg": "kcp.T0000", "pay_method": "card", "merchant_uid": "order-1",
//!     "name": "Coffee beans", "amount": -1
//! }), &CheckOptions::default());
//! assert!(report.has("amount", Code::OutOfRange));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod builder;
mod check;
mod error;
mod issue;
pub mod limits;
pub mod pending;
mod provider;
mod redirect;
mod request;
mod rules;
/// The Rust tables rendered as the text `js/` and `www/` hold; checked by `tests/tables.rs`.
#[doc(hidden)]
pub mod tables;
// The JSON text path of the npm wrapper; plain Rust, used by `js` (wasm32) and its own tests.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod wire;

pub use check::{build_params, check, CheckOptions, MAX_DEPTH};
pub use error::{Error, ErrorCode};
pub use issue::{Code, Issue, Lang, Msg, Report, Severity, UnknownCode};
pub use pending::PendingOrder;
pub use provider::{Provider, RuleSet, UnknownProvider};
pub use redirect::{is_mobile_user_agent, parse_redirect, PaymentResult, RedirectResult};
pub use request::{
    Card, CardDetail, CardDirect, Currency, Display, KcpProduct, Language, NoticeUrl, PayMethod,
    PaymentRequest, Period, Phone, PhoneCarrier, Prefill, StoreDetails, UnknownValue,
};

#[cfg(target_arch = "wasm32")]
pub mod js;
#[cfg(target_arch = "wasm32")]
pub use js::runtime::{
    load_iamport, on_late_result, request_pay, take_pending_order, LateReason, LateResult,
    LateResultHook, LoadOptions, PayOptions, LATE_RESULT_EVENT,
};

#[cfg(feature = "server")]
pub mod server;

#[cfg(feature = "client")]
pub mod client;

/// The README's Rust snippets, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The wasm heap allocator: talc instead of the default dlmalloc (smaller and faster; the
/// module is single-threaded, built without the `atomics` target feature).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
