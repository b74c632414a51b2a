//! A payment attempt as one value, and a task that owns its future: what the Yew and Leptos
//! hooks (`iamport-pay-yew`, `iamport-pay-leptos`) are built on, usable from any framework.
//!
//! - [`PayState`]: idle, paying, paid, failed, unknown (the response did not say), error.
//! - `PayTask` (wasm32): runs one `request_pay` and reports its end once. Dropping or
//!   cancelling it drops the future on the spot: the task never reports, and the
//!   `merchant_uid` is released as `request_pay` documents for a dropped future.
//! - `RedirectLanding` (wasm32): the `m_redirect_url` page's parsed result and the order
//!   kept for it, taken once.

use crate::error::Error;
use crate::redirect::PaymentResult;

/// Where one payment attempt stands.
///
/// Every result is **unverified**: before an order is fulfilled the server looks the payment
/// up (`GET /payments/{imp_uid}`) and compares the amount.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum PayState {
    /// Nothing asked yet.
    #[default]
    Idle,
    /// The request is being checked, the SDK loaded, or the payment window is open.
    Paying,
    /// The window answered `success: true`.
    Paid(PaymentResult),
    /// The window answered `success: false`: declined, or cancelled by the buyer
    /// (`error_code` / `error_msg` say which).
    Failed(PaymentResult),
    /// The window answered without saying whether the payment went through (KSNET's
    /// ids-only callback, ksnet.mdx): only the server can tell.
    Unknown(PaymentResult),
    /// No window answered: `invalid_params` (nothing opened), `duplicate_request`,
    /// `sdk_load_failed`, `sdk_timeout`, `not_in_browser`, or `payment_state_unknown` (the SDK
    /// threw or rejected after it may have opened the window, or the page came back from the
    /// back-forward cache: check the server before paying again; [`Error::code`] says which).
    Error(Error),
}

impl PayState {
    /// The state a finished `request_pay` (wasm32) leaves.
    ///
    /// ```
    /// use iamport_pay::{checkout::PayState, PaymentResult};
    /// use serde_json::json;
    /// let r = PaymentResult::from_response(json!({"imp_uid": "imp_1", "success": false}), "o-1");
    /// assert!(matches!(PayState::from_outcome(Ok(r)), PayState::Failed(_)));
    /// ```
    pub fn from_outcome(outcome: Result<PaymentResult, Error>) -> Self {
        match outcome {
            Ok(r) => match r.success {
                Some(true) => PayState::Paid(r),
                Some(false) => PayState::Failed(r),
                None => PayState::Unknown(r),
            },
            Err(e) => PayState::Error(e),
        }
    }

    /// Whether a payment is running (a second one is refused meanwhile).
    pub fn is_paying(&self) -> bool {
        matches!(self, PayState::Paying)
    }

    /// The window's answer, for `Paid`, `Failed` and `Unknown`.
    pub fn result(&self) -> Option<&PaymentResult> {
        match self {
            PayState::Paid(r) | PayState::Failed(r) | PayState::Unknown(r) => Some(r),
            _ => None,
        }
    }

    /// A short name for the state (`idle`, `paying`, `paid`, `failed`, `unknown`, `error`),
    /// for a `data-` attribute or a log line.
    pub fn as_str(&self) -> &'static str {
        match self {
            PayState::Idle => "idle",
            PayState::Paying => "paying",
            PayState::Paid(_) => "paid",
            PayState::Failed(_) => "failed",
            PayState::Unknown(_) => "unknown",
            PayState::Error(_) => "error",
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use task::{PayTask, RedirectLanding};

#[cfg(target_arch = "wasm32")]
mod task {
    use super::PayState;
    use crate::error::Error;
    use crate::js::runtime::{parse_current_redirect, request_pay, take_pending_order, PayOptions};
    use crate::pending::PendingOrder;
    use crate::redirect::{PaymentResult, RedirectResult};
    use crate::request::PaymentRequest;
    use std::cell::{Cell, RefCell};
    use std::future::Future;
    use std::pin::Pin;
    use std::rc::{Rc, Weak};
    use std::task::{Context, Poll, Waker};

    type PayFuture = Pin<Box<dyn Future<Output = Result<PaymentResult, Error>>>>;

    struct Shared {
        future: RefCell<Option<PayFuture>>,
        cancelled: Cell<bool>,
        waker: RefCell<Option<Waker>>,
        merchant_uid: String,
    }

    impl Shared {
        /// Drops the future now if nobody is polling it, else marks it for the poller.
        fn cancel(&self) -> bool {
            if self.cancelled.replace(true) {
                return false;
            }
            let dropped = match self.future.try_borrow_mut() {
                Ok(mut f) => f.take().is_some(),
                // Being polled right now: the driver drops it when the poll returns.
                Err(_) => true,
            };
            if let Some(w) = self.waker.borrow_mut().take() {
                w.wake();
            }
            dropped
        }
    }

    /// One [`request_pay`] run, owned by whoever holds this (a component).
    ///
    /// It starts at once and calls `on_done` exactly once with the final [`PayState`], unless
    /// it is cancelled first. Dropping the task cancels it.
    #[must_use = "dropping the task cancels the payment"]
    pub struct PayTask {
        shared: Rc<Shared>,
    }

    impl std::fmt::Debug for PayTask {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("PayTask")
                .field("merchant_uid", &self.shared.merchant_uid)
                .field("running", &self.is_running())
                .finish()
        }
    }

    /// Polls the shared future; calls `on_done` when it finishes (not when cancelled).
    struct Driver<F> {
        shared: Weak<Shared>,
        on_done: Option<F>,
    }

    // Nothing in a Driver is pinned structurally (the payment future is boxed).
    impl<F> Unpin for Driver<F> {}

    impl<F: FnOnce(PayState)> Future for Driver<F> {
        type Output = ();
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            let Some(shared) = self.shared.upgrade() else {
                return Poll::Ready(());
            };
            if shared.cancelled.get() {
                shared.future.borrow_mut().take();
                return Poll::Ready(());
            }
            *shared.waker.borrow_mut() = Some(cx.waker().clone());
            let polled = {
                let mut slot = shared.future.borrow_mut();
                let Some(fut) = slot.as_mut() else {
                    return Poll::Ready(());
                };
                fut.as_mut().poll(cx)
            };
            if shared.cancelled.get() {
                // Cancelled from inside the poll: drop the future now that it is free.
                shared.future.borrow_mut().take();
                return Poll::Ready(());
            }
            match polled {
                Poll::Pending => Poll::Pending,
                Poll::Ready(outcome) => {
                    // The future (and its hold on the merchant_uid) goes before anyone hears
                    // of the end, so a "pay again" from `on_done` is not a duplicate.
                    shared.future.borrow_mut().take();
                    shared.waker.borrow_mut().take();
                    if let Some(done) = self.on_done.take() {
                        done(PayState::from_outcome(outcome));
                    }
                    Poll::Ready(())
                }
            }
        }
    }

    impl PayTask {
        /// Starts `request_pay(request, options)`. The caller shows [`PayState::Paying`]
        /// meanwhile; `on_done` gets the end state.
        pub fn start(
            request: PaymentRequest,
            options: PayOptions,
            on_done: impl FnOnce(PayState) + 'static,
        ) -> PayTask {
            let merchant_uid = request.merchant_uid.clone();
            // request_pay checks and locks the order now, so a second start for the same
            // merchant_uid fails at once with duplicate_request.
            let future: PayFuture = Box::pin(request_pay(&request, &options));
            let shared = Rc::new(Shared {
                future: RefCell::new(Some(future)),
                cancelled: Cell::new(false),
                waker: RefCell::new(None),
                merchant_uid,
            });
            wasm_bindgen_futures::spawn_local(Driver {
                shared: Rc::downgrade(&shared),
                on_done: Some(on_done),
            });
            PayTask { shared }
        }

        /// Whether the payment has neither ended nor been cancelled.
        pub fn is_running(&self) -> bool {
            !self.shared.cancelled.get()
                && self
                    .shared
                    .future
                    .try_borrow()
                    .map_or(true, |f| f.is_some())
        }

        /// The request's `merchant_uid`.
        pub fn merchant_uid(&self) -> &str {
            &self.shared.merchant_uid
        }

        /// Stops waiting for the payment: the future is dropped now, so `on_done` is never
        /// called and an answer that arrives later does not reach this task. The
        /// `merchant_uid` is then released the way [`request_pay`] says for a dropped future,
        /// and the pending order is left to it too (a redirect landing may still need it).
        /// Returns whether the payment was still running.
        ///
        /// The payment window is PortOne's: if it is still open and the buyer pays, only the
        /// server sees it for sure (a webhook, or `GET /payments/{imp_uid}`).
        pub fn cancel(&self) -> bool {
            let was_running = self.is_running();
            self.shared.cancel();
            was_running
        }
    }

    impl Drop for PayTask {
        fn drop(&mut self) {
            self.cancel();
        }
    }

    /// What the `m_redirect_url` page gets: the result PortOne put in the query, and the
    /// order [`request_pay`] kept before the window opened.
    #[derive(Clone, Debug, PartialEq)]
    pub struct RedirectLanding {
        /// The parsed query; `invalid_redirect` when the page's URL has no `merchant_uid`.
        pub result: Result<RedirectResult, Error>,
        /// The kept order, taken back (so a reload does not see it again); `None` when none
        /// was kept, it expired, or the result did not parse.
        pub pending: Option<PendingOrder>,
    }

    impl RedirectLanding {
        /// Parses `window.location` and takes the pending order for its `merchant_uid`.
        /// Call it once per landing (a hook does it on the first render): the order is
        /// removed from storage as it is read.
        pub fn take() -> RedirectLanding {
            let result = parse_current_redirect();
            let pending = result
                .as_ref()
                .ok()
                .and_then(|r| take_pending_order(&r.merchant_uid).ok().flatten());
            RedirectLanding { result, pending }
        }
    }
}
