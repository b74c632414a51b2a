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
//!
//! ## Features and targets
//!
//! - The browser API (`request_pay`, `load_iamport`, `take_pending_order`, the `js` module)
//!   exists on `wasm32` only.
//! - `server`: payment verification and the REST bodies (native).
//! - `sandbox` (wasm32): `iamport_pay::sandbox`, a fake `window.IMP` for the app's own browser tests.
//! - `talc-allocator` (wasm32): makes talc the module's `#[global_allocator]`. Only the npm
//!   package's build turns it on; an app that depends on this crate keeps its own allocator.
// No unsafe code, but in the redirect entry's wasm (`npm-redirect`): its exports need
// `#[no_mangle]`, and its heap is a small arena allocator (`GlobalAlloc` is an unsafe
// trait). There the lint is `deny`, allowed in that one module (src/js/redirect_abi.rs).
#![cfg_attr(
    not(all(target_arch = "wasm32", feature = "npm-redirect")),
    forbid(unsafe_code)
)]
#![cfg_attr(
    all(target_arch = "wasm32", feature = "npm-redirect"),
    deny(unsafe_code)
)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod builder;
mod check;
pub mod checkout;
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
// Public only to the fuzz targets (cargo-fuzz builds with `--cfg fuzzing`): fuzz/wire_json.rs
// compares this JSON path with `check(&Value)`.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod wire;
#[cfg(not(fuzzing))]
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
#[cfg_attr(docsrs, doc(cfg(target_arch = "wasm32")))]
pub mod js;
#[cfg(target_arch = "wasm32")]
#[cfg_attr(docsrs, doc(cfg(target_arch = "wasm32")))]
pub use js::runtime::{
    load_iamport, on_late_result, request_pay, take_pending_order, LateReason, LateResult,
    LateResultHook, LoadOptions, PayOptions, LATE_RESULT_EVENT,
};

#[cfg(all(target_arch = "wasm32", feature = "sandbox"))]
#[cfg_attr(docsrs, doc(cfg(all(target_arch = "wasm32", feature = "sandbox"))))]
#[doc(inline)]
pub use js::sandbox;

#[cfg(feature = "server")]
#[cfg_attr(docsrs, doc(cfg(all(feature = "server", not(target_arch = "wasm32")))))]
pub mod server;

// Native only: on wasm32 the module is left out of rustdoc (docs.rs documents it on the
// native target) and refuses to compile otherwise.
#[cfg(all(feature = "client", not(target_arch = "wasm32")))]
#[cfg_attr(docsrs, doc(cfg(all(feature = "client", not(target_arch = "wasm32")))))]
pub mod client;
#[cfg(all(feature = "client", target_arch = "wasm32", not(doc)))]
compile_error!("the `client` feature of iamport-pay is native only");

/// The README's Rust snippets, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The npm package's heap allocator: talc instead of the default dlmalloc (smaller and
/// faster; the module is single-threaded, built without the `atomics` target feature).
/// Behind the `talc-allocator` feature, which only `scripts/build.sh` enables: a library
/// must not pick the allocator of the app that links it.
#[cfg(all(
    feature = "talc-allocator",
    target_arch = "wasm32",
    not(target_feature = "atomics")
))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
