use iamport_pay::checkout::{PayState, PayTask, RedirectLanding};
use iamport_pay::{PayOptions, PaymentRequest};
use leptos::prelude::*;

/// The payment of one component, from [`use_request_pay`]. `Copy`: move it into as many
/// closures as the view needs.
#[derive(Clone, Copy)]
pub struct RequestPay {
    state: RwSignal<PayState>,
    task: StoredValue<Option<PayTask>, LocalStorage>,
}

impl RequestPay {
    /// The attempt's state, tracked.
    pub fn state(&self) -> ReadSignal<PayState> {
        self.state.read_only()
    }

    /// Whether a payment runs, tracked (for the button's `disabled`).
    pub fn is_paying(&self) -> bool {
        self.state.with(PayState::is_paying)
    }

    /// Starts [`request_pay`](iamport_pay::request_pay) with `request` and `options`; the
    /// state is `Paying` until the window answers. Returns `false`, and does nothing, while
    /// a payment runs (one window per component) or after the owner was cleaned up.
    ///
    /// After an answer, pay again with a **new** `merchant_uid` (PortOne wants one per
    /// request, auth-payment-flow.mdx line 165).
    pub fn pay(&self, request: PaymentRequest, options: PayOptions) -> bool {
        let running = self
            .task
            .try_with_value(|t| t.as_ref().is_some_and(PayTask::is_running));
        if running != Some(false) {
            return false;
        }
        self.state.set(PayState::Paying);
        let state = self.state;
        let started = PayTask::start(request, options, move |end| {
            state.try_set(end);
        });
        self.task.set_value(Some(started));
        true
    }

    /// Cancels the running payment, as unmounting does ([`PayTask::cancel`]), and goes back
    /// to `Idle`. Returns whether one was running.
    pub fn cancel(&self) -> bool {
        let was = self
            .task
            .try_update_value(|t| t.take().is_some_and(|t| t.cancel()))
            .unwrap_or(false);
        if was {
            self.state.try_set(PayState::Idle);
        }
        was
    }
}

/// This component's payment: a [`PayState`] signal and [`RequestPay::pay`]. Cleaning up
/// the owner (unmounting) cancels a running payment: the `request_pay` future is dropped,
/// the component never hears of its answer, and the `merchant_uid` is released as
/// `request_pay` says for a dropped future.
pub fn use_request_pay() -> RequestPay {
    let state = RwSignal::new(PayState::Idle);
    let task = StoredValue::new_local(None::<PayTask>);
    on_cleanup(move || {
        // Dropping the task drops the future (the arena would drop it too; this says when).
        task.try_update_value(|t| drop(t.take()));
    });
    RequestPay { state, task }
}

/// The `m_redirect_url` route's data: the result PortOne put in `window.location`, and the
/// order [`request_pay`](iamport_pay::request_pay) kept before the window opened, taken
/// back now. A component body runs once, so call it there: the order is removed as it is
/// read (a reload does not see it again).
pub fn use_redirect_result() -> RedirectLanding {
    RedirectLanding::take()
}
