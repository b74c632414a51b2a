//! # iamport-pay-leptos
//!
//! Leptos hooks for [`iamport_pay`]: pay with PortOne V1 as signals, from a component that
//! owns the payment.
//!
//! - [`use_request_pay`] returns a [`RequestPay`]: the attempt's [`PayState`] as a signal
//!   (idle, paying, paid, failed, unknown, error) and [`RequestPay::pay`]. The payment
//!   belongs to the component's reactive owner: on cleanup the `request_pay` future is
//!   dropped, so an answer that comes later is not delivered, and the `merchant_uid` is
//!   released as `request_pay` says for a dropped future. A `pay` while one runs is refused.
//! - [`use_redirect_result`] is for the `m_redirect_url` route: the parsed result and the
//!   order kept before the window opened, taken once.
//!
//! ```no_run
//! # #[cfg(target_arch = "wasm32")]
//! # mod demo {
//! use iamport_pay::{PayOptions, PaymentRequest};
//! use iamport_pay_leptos::use_request_pay;
//! use leptos::prelude::*;
//!
//! #[component]
//! fn Checkout(request: PaymentRequest) -> impl IntoView {
//!     let payment = use_request_pay();
//!     let pay = move |_| {
//!         payment.pay(request.clone(), PayOptions::default());
//!     };
//!     view! { <button disabled=move || payment.is_paying() on:click=pay>"Pay"</button> }
//! }
//! # }
//! ```
//!
//! Every result is **unverified**: the server looks the payment up (`GET /payments/{imp_uid}`)
//! before the order is fulfilled.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use iamport_pay::checkout::PayState;

#[cfg(target_arch = "wasm32")]
mod hooks;
#[cfg(target_arch = "wasm32")]
pub use hooks::{use_redirect_result, use_request_pay, RequestPay};
#[cfg(target_arch = "wasm32")]
pub use iamport_pay::checkout::RedirectLanding;
