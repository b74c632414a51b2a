use iamport_pay::checkout::{PayState, PayTask, RedirectLanding};
use iamport_pay::{PayOptions, PaymentRequest};
use std::rc::Rc;
use yew::prelude::*;

/// The payment of this component: its state, and `pay` to start one with `options`.
///
/// - `pay.emit(request)` sets [`PayState::Paying`] and runs
///   [`request_pay`](iamport_pay::request_pay); the state then becomes `Paid`, `Failed`,
///   `Unknown` or `Error`. The `options` of the render that made the callback are used.
/// - While a payment runs, `pay` does nothing: one window per component.
/// - When the component unmounts, the running payment is cancelled
///   ([`PayTask::cancel`]): its answer is not delivered, and the `merchant_uid` is released
///   as `request_pay` says for a dropped future.
/// - After an answer, pay again with a **new** `merchant_uid` (PortOne wants one per
///   request, auth-payment-flow.mdx line 165).
#[hook]
pub fn use_request_pay(options: PayOptions) -> (PayState, Callback<PaymentRequest>) {
    let state = use_state_eq(PayState::default);
    let task = use_mut_ref(|| None::<PayTask>);
    {
        // Unmount: dropping the task drops the future.
        let task = task.clone();
        use_effect_with((), move |_| move || drop(task.borrow_mut().take()));
    }
    let pay = {
        let state = state.clone();
        Callback::from(move |request: PaymentRequest| {
            if task.borrow().as_ref().is_some_and(PayTask::is_running) {
                return;
            }
            state.set(PayState::Paying);
            let done = state.clone();
            let started = PayTask::start(request, options.clone(), move |end| done.set(end));
            *task.borrow_mut() = Some(started);
        })
    };
    ((*state).clone(), pay)
}

/// The `m_redirect_url` route's data: the result PortOne put in `window.location`, and the
/// order [`request_pay`](iamport_pay::request_pay) kept before the window opened, taken
/// back on the first render (a later render, or a reload, does not see it again).
#[hook]
pub fn use_redirect_result() -> Rc<RedirectLanding> {
    use_memo((), |_| RedirectLanding::take())
}
