//! The callback layer under the runtime's futures, gloo style: small RAII wrappers around
//! one JS callback each (an event listener, a timer, the `IMP.request_pay` callback), and a
//! one-shot slot that turns the first call into a `Future`'s output.
//!
//! Dropping a wrapper undoes it (removes the listener, clears the timer) and frees its
//! closure, so a dropped future leaves nothing behind that JS could still call into.
//! The one exception is the `IMP.request_pay` callback: PortOne's SDK keeps it and has no
//! way to take it back, so it is handed to the JS GC ([`Closure::into_js_value`]). It holds
//! the request's shared state (not the future), so a call after the future is gone, or a
//! second call, is still seen: the runtime announces it as a late result.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{EventTarget, Window};

#[wasm_bindgen]
extern "C" {
    /// `window.IMP`, PortOne's V1 SDK object (js-sdk.mdx).
    pub(crate) type Imp;

    /// `IMP.init(userCode)` (auth-payment-flow.mdx, "SDK 초기화하기").
    #[wasm_bindgen(method, catch)]
    pub(crate) fn init(this: &Imp, user_code: &str) -> Result<(), JsValue>;

    /// `IMP.request_pay(params, callback)` (auth-payment-flow.mdx, "결제창 불러오기"). The
    /// return value is kept: a newer SDK may return a Promise, whose rejection matters.
    #[wasm_bindgen(method, catch, js_name = request_pay)]
    pub(crate) fn request_pay(
        this: &Imp,
        params: &JsValue,
        callback: &js_sys::Function,
    ) -> Result<JsValue, JsValue>;
}

/// `window.IMP` when it looks like the SDK (an object with a `request_pay` function).
pub(crate) fn current_imp(window: &Window) -> Option<Imp> {
    let imp = js_sys::Reflect::get(window, &JsValue::from_str("IMP")).ok()?;
    if !imp.is_object() {
        return None;
    }
    let pay = js_sys::Reflect::get(&imp, &JsValue::from_str("request_pay")).ok()?;
    pay.is_function().then(|| imp.unchecked_into())
}

struct Slot<T> {
    value: Option<T>,
    sent: bool,
    waker: Option<Waker>,
}

/// The sending half of a one-shot slot. Only the first `send` counts; sending after the
/// receiver was dropped does nothing.
pub(crate) struct Sender<T>(Weak<RefCell<Slot<T>>>);

impl<T> Clone for Sender<T> {
    fn clone(&self) -> Self {
        Sender(self.0.clone())
    }
}

impl<T> Sender<T> {
    /// Delivers `value` unless something was delivered before. Returns whether it counted.
    pub(crate) fn send(&self, value: T) -> bool {
        let Some(slot) = self.0.upgrade() else {
            return false;
        };
        let waker = {
            let Ok(mut slot) = slot.try_borrow_mut() else {
                return false;
            };
            if slot.sent {
                return false;
            }
            slot.sent = true;
            slot.value = Some(value);
            slot.waker.take()
        };
        if let Some(w) = waker {
            w.wake();
        }
        true
    }
}

/// The receiving half: a `Future` of the first value sent.
pub(crate) struct Receiver<T>(Rc<RefCell<Slot<T>>>);

/// A one-shot slot.
pub(crate) fn oneshot<T>() -> (Sender<T>, Receiver<T>) {
    let slot = Rc::new(RefCell::new(Slot {
        value: None,
        sent: false,
        waker: None,
    }));
    (Sender(Rc::downgrade(&slot)), Receiver(slot))
}

impl<T> Future for Receiver<T> {
    type Output = T;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut slot = self.0.borrow_mut();
        match slot.value.take() {
            Some(v) => Poll::Ready(v),
            None => {
                slot.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

/// An event listener that is removed (and its closure freed) on drop.
pub(crate) struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(JsValue)>,
}

impl Listener {
    pub(crate) fn new(
        target: &EventTarget,
        kind: &'static str,
        f: impl FnMut(JsValue) + 'static,
    ) -> Self {
        let closure = Closure::<dyn FnMut(JsValue)>::new(f);
        let _ = target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
        Listener {
            target: target.clone(),
            kind,
            closure,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// A `setTimeout` that is cleared (and its closure freed) on drop.
pub(crate) struct Timeout {
    window: Window,
    id: Option<i32>,
    _closure: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Calls `f` after `ms`. If the timer cannot be set, `f` runs now, so a waiter never hangs.
    pub(crate) fn new(window: &Window, ms: u32, f: impl FnMut() + 'static) -> Self {
        let ms = i32::try_from(ms).unwrap_or(i32::MAX);
        let closure = Closure::<dyn FnMut()>::new(f);
        let id = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                closure.as_ref().unchecked_ref(),
                ms,
            )
            .ok();
        if id.is_none() {
            let run: &js_sys::Function = closure.as_ref().unchecked_ref();
            let _ = run.call0(&JsValue::UNDEFINED);
        }
        Timeout {
            window: window.clone(),
            id,
            _closure: closure,
        }
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Some(id) = self.id {
            self.window.clear_timeout_with_handle(id);
        }
    }
}

/// The function to give `IMP.request_pay`: every call runs `f` (the runtime decides what a
/// first, a repeated or a late call means). Owned by the JS GC from here on (see the module
/// docs). `f` must not throw into the SDK; it gets the raw response.
pub(crate) fn response_callback(f: impl FnMut(JsValue) + 'static) -> js_sys::Function {
    Closure::<dyn FnMut(JsValue)>::new(f)
        .into_js_value()
        .unchecked_into()
}

/// A timer as a `Future`: ready after `ms`. Dropping it clears the timer.
pub(crate) struct Sleep {
    _timer: Timeout,
    rx: Receiver<()>,
}

pub(crate) fn sleep(window: &Window, ms: u32) -> Sleep {
    let (tx, rx) = oneshot();
    let timer = Timeout::new(window, ms, move || {
        tx.send(());
    });
    Sleep { _timer: timer, rx }
}

impl Future for Sleep {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        Pin::new(&mut self.rx).poll(cx)
    }
}

/// Which of two futures finished first.
pub(crate) enum Either<A, B> {
    Left(A),
    Right(B),
}

/// Polls `a` then `b` until one is ready; the other is left as it is (not dropped).
pub(crate) async fn race<A, B>(a: &mut A, b: &mut B) -> Either<A::Output, B::Output>
where
    A: Future + Unpin,
    B: Future + Unpin,
{
    std::future::poll_fn(|cx| {
        if let Poll::Ready(v) = Pin::new(&mut *a).poll(cx) {
            return Poll::Ready(Either::Left(v));
        }
        if let Poll::Ready(v) = Pin::new(&mut *b).poll(cx) {
            return Poll::Ready(Either::Right(v));
        }
        Poll::Pending
    })
    .await
}
