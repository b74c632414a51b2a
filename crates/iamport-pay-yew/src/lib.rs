//! # iamport-pay-yew
//!
//! Yew hooks for [`iamport_pay`]: pay with PortOne V1 from a component that owns the payment.
//!
//! - [`use_request_pay`] returns the attempt's [`PayState`] (idle, paying, paid, failed,
//!   unknown, error) and a `pay` callback. The component owns the running payment:
//!   unmounting it drops the `request_pay` future, so an answer that comes later is not
//!   delivered, and the `merchant_uid` is released as `request_pay` says for a dropped
//!   future. A
//!   `pay` while one is running is refused (nothing happens; disable the button with
//!   [`PayState::is_paying`]).
//! - [`use_redirect_result`] is for the `m_redirect_url` route: the parsed result and the
//!   order kept before the window opened, taken once.
//!
//! ```no_run
//! # #[cfg(target_arch = "wasm32")]
//! # mod demo {
//! use iamport_pay::{PayOptions, PaymentRequest};
//! use iamport_pay_yew::use_request_pay;
//! use yew::prelude::*;
//!
//! #[derive(Properties, PartialEq)]
//! struct CheckoutProps {
//!     request: PaymentRequest,
//! }
//!
//! #[function_component]
//! fn Checkout(props: &CheckoutProps) -> Html {
//!     let (state, pay) = use_request_pay(PayOptions::default());
//!     let request = props.request.clone();
//!     let onclick = move |_| pay.emit(request.clone());
//!     html! { <button disabled={state.is_paying()} {onclick}>{ "Pay" }</button> }
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
pub use hooks::{use_redirect_result, use_request_pay};
#[cfg(target_arch = "wasm32")]
pub use iamport_pay::checkout::RedirectLanding;
