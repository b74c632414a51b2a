//! A fake `window.IMP` for your own browser tests: the npm package's sandbox
//! (`iamport-pay/sandbox`, `js/sandbox.js`), driven from Rust. Feature `sandbox`, wasm32.
//!
//! [`Sandbox::install`] puts it in place of `window.IMP`; [`request_pay`](crate::request_pay)
//! then talks to it as it would to PortOne's SDK. Script the next answers with
//! [`approve_next`](Sandbox::approve_next), [`fail_next`](Sandbox::fail_next) and
//! [`cancel_next`](Sandbox::cancel_next) (a request with no scripted answer opens the in-page
//! dialog, which [`answer_open`](Sandbox::answer_open) presses), and read back what it
//! received with [`calls`](Sandbox::calls). No money moves and nothing leaves the page.
//!
//! Redirect mode ([`redirect_mode`](Sandbox::redirect_mode), or one answer with
//! [`answer_next`](Sandbox::answer_next)) answers the way PortOne does on mobile: with a
//! navigation to `m_redirect_url` carrying `imp_uid`, `merchant_uid`, `imp_success` (and the
//! error fields). A test page must not navigate away, so the sandbox records the URL
//! ([`redirects`](Sandbox::redirects)) instead, unless [`follow_redirects`](Sandbox::follow_redirects)
//! asks for the real navigation.
//!
//! ```no_run
//! # async fn demo(request: iamport_pay::PaymentRequest) -> Result<(), iamport_pay::Error> {
//! use iamport_pay::sandbox::Sandbox;
//! use iamport_pay::{request_pay, PayOptions};
//!
//! let sandbox = Sandbox::install();
//! sandbox.fail_next("F001", "한도 초과");
//! let result = request_pay(&request, &PayOptions::default()).await?;
//! assert_eq!(result.success, Some(false));
//! assert_eq!(result.error_code.as_deref(), Some("F001"));
//! assert_eq!(sandbox.calls().len(), 1);
//! # Ok(()) }
//! ```
//!
//! There is one sandbox per page: installing again returns a handle to the same one, and
//! dropping any handle uninstalls it (restoring the `window.IMP` that was there before).

use super::Reader;
use crate::provider::Provider;
use js_sys::{Array, Object, Reflect};
use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/sandbox.js")]
extern "C" {
    /// The controller `installSandbox` returns.
    type Controller;

    #[wasm_bindgen(js_name = installSandbox)]
    fn install_sandbox(options: &JsValue) -> Controller;

    #[wasm_bindgen(method, js_name = approveNext)]
    fn approve_next(this: &Controller, options: &JsValue);
    #[wasm_bindgen(method, js_name = failNext)]
    fn fail_next(this: &Controller, code: &JsValue, msg: &JsValue, options: &JsValue);
    #[wasm_bindgen(method, js_name = cancelNext)]
    fn cancel_next(this: &Controller, options: &JsValue);
    #[wasm_bindgen(method, js_name = answerOpen)]
    fn answer_open(this: &Controller, kind: &str) -> bool;
    #[wasm_bindgen(method)]
    fn configure(this: &Controller, options: &JsValue);
    #[wasm_bindgen(method)]
    fn uninstall(this: &Controller);
    #[wasm_bindgen(method, getter)]
    fn calls(this: &Controller) -> Array;
    #[wasm_bindgen(method, getter)]
    fn responses(this: &Controller) -> Array;
    #[wasm_bindgen(method, getter)]
    fn open(this: &Controller) -> bool;
    #[wasm_bindgen(method, getter, js_name = userCode)]
    fn user_code(this: &Controller) -> JsValue;
}

/// One scripted answer of the payment window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The payment is approved (`success: true`, `status: "paid"`, or `"ready"` for vbank).
    Approve,
    /// The PG declines it with this code and message (`success: false`).
    Fail {
        /// The PG's `error_code`.
        code: String,
        /// The PG's `error_msg`.
        msg: String,
    },
    /// The buyer closes the window (`success: false`, code `SANDBOX_CANCELLED`).
    Cancel,
}

/// The installed sandbox. Dropping it uninstalls it.
pub struct Sandbox {
    controller: Controller,
    redirects: Rc<RefCell<Vec<String>>>,
}

impl std::fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox")
            .field("open", &self.is_open())
            .field("calls", &self.controller.calls().length())
            .finish()
    }
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    super::set(obj, key, value);
}

/// `{ redirect }` for the controller's `*Next` methods: `undefined` follows the mode.
fn per_answer(redirect: Option<bool>) -> JsValue {
    let o = Object::new();
    if let Some(r) = redirect {
        set(&o, "redirect", &JsValue::from_bool(r));
    }
    o.into()
}

fn to_values(a: &Array) -> Vec<Value> {
    a.iter()
        .map(|v| Reader::new().read_root(&v).unwrap_or(Value::Null))
        .collect()
}

/// A JS `navigate(url)` that records into `sink`. Owned by the JS GC: an answer scheduled
/// before an uninstall may still call it after the handle is gone.
fn recorder(sink: &Rc<RefCell<Vec<String>>>) -> JsValue {
    let sink = Rc::downgrade(sink);
    Closure::<dyn FnMut(String)>::new(move |url: String| {
        if let Some(sink) = sink.upgrade() {
            sink.borrow_mut().push(url);
        }
    })
    .into_js_value()
}

impl Sandbox {
    /// Installs the sandbox as `window.IMP` in PC mode (answers through the callback), with
    /// redirects recorded rather than followed. If one is installed already, returns a
    /// handle to it, switched to those settings; its calls and queue are kept.
    pub fn install() -> Sandbox {
        let redirects = Rc::new(RefCell::new(Vec::new()));
        let options = Object::new();
        set(&options, "mobile", &JsValue::FALSE);
        set(&options, "navigate", &recorder(&redirects));
        let controller = install_sandbox(&options);
        Sandbox {
            controller,
            redirects,
        }
    }

    fn configure(&self, key: &str, value: &JsValue) -> &Self {
        let o = Object::new();
        set(&o, key, value);
        self.controller.configure(&o.into());
        self
    }

    /// Redirect (mobile) mode: every answer is a navigation to the request's
    /// `m_redirect_url` with PortOne's query, and the callback is never called (so
    /// `request_pay` never completes, as on a phone). See [`redirects`](Self::redirects).
    pub fn redirect_mode(&self, on: bool) -> &Self {
        self.configure("mobile", &JsValue::from_bool(on))
    }

    /// Really navigate on a redirect answer (default: record the URL only).
    pub fn follow_redirects(&self, on: bool) -> &Self {
        let navigate = if on {
            JsValue::NULL
        } else {
            recorder(&self.redirects)
        };
        self.configure("navigate", &navigate)
    }

    /// `false` answers like PortOne's newest SDK, which sends no `success` flag (js-sdk.mdx);
    /// `request_pay` then reads `success` from the error fields. Default `true`.
    pub fn include_success(&self, on: bool) -> &Self {
        self.configure("includeSuccess", &JsValue::from_bool(on))
    }

    /// The PG a request with only `channelKey` goes to, for the dialog and the response
    /// shape (KSNET answers with ids only).
    pub fn channel(&self, channel_key: &str, provider: Provider) -> &Self {
        let channels = Object::new();
        set(
            &channels,
            channel_key,
            &JsValue::from_str(provider.as_str()),
        );
        self.configure("channels", &channels.into())
    }

    /// The next `IMP.request_pay` is approved, with no dialog.
    pub fn approve_next(&self) -> &Self {
        self.answer_next(Answer::Approve, None)
    }

    /// The next `IMP.request_pay` fails with this PG code and message.
    pub fn fail_next(&self, code: &str, msg: &str) -> &Self {
        self.answer_next(
            Answer::Fail {
                code: code.to_string(),
                msg: msg.to_string(),
            },
            None,
        )
    }

    /// The next `IMP.request_pay` is cancelled by the buyer.
    pub fn cancel_next(&self) -> &Self {
        self.answer_next(Answer::Cancel, None)
    }

    /// Queues `answer` for the next `IMP.request_pay`; `redirect` overrides the mode for this
    /// one answer (`Some(true)`: by navigation, `Some(false)`: by callback).
    pub fn answer_next(&self, answer: Answer, redirect: Option<bool>) -> &Self {
        let o = per_answer(redirect);
        match answer {
            Answer::Approve => self.controller.approve_next(&o),
            Answer::Cancel => self.controller.cancel_next(&o),
            Answer::Fail { code, msg } => {
                self.controller
                    .fail_next(&JsValue::from_str(&code), &JsValue::from_str(&msg), &o)
            }
        }
        self
    }

    /// Whether the in-page payment dialog is open (a request with no scripted answer).
    pub fn is_open(&self) -> bool {
        self.controller.open()
    }

    /// Answers the open dialog as if its button was pressed (a `Fail` uses the sandbox's
    /// default code, `SANDBOX_DECLINED`). Returns `false` when no dialog is open.
    pub fn answer_open(&self, answer: &Answer) -> bool {
        self.controller.answer_open(match answer {
            Answer::Approve => "approve",
            Answer::Fail { .. } => "fail",
            Answer::Cancel => "cancel",
        })
    }

    /// The params of every `IMP.request_pay` call, oldest first: exactly what PortOne's SDK
    /// would have received (the normalized request).
    pub fn calls(&self) -> Vec<Value> {
        to_values(&self.controller.calls())
    }

    /// Every response the sandbox produced, oldest first: callback objects, or what it put
    /// in a redirect's query.
    pub fn responses(&self) -> Vec<Value> {
        to_values(&self.controller.responses())
    }

    /// The URLs of the redirect answers, oldest first (while redirects are recorded).
    pub fn redirects(&self) -> Vec<String> {
        self.redirects.borrow().clone()
    }

    /// The code `IMP.init` received, if it was called.
    pub fn user_code(&self) -> Option<String> {
        self.controller.user_code().as_string()
    }

    /// Uninstalls the sandbox (same as dropping it): closes an open dialog, forgets the queue,
    /// and restores the `window.IMP` that was there before.
    pub fn uninstall(self) {}

    /// Whether `window.IMP` is a sandbox right now.
    pub fn is_installed() -> bool {
        web_sys::window()
            .and_then(|w| Reflect::get(&w, &JsValue::from_str("IMP")).ok())
            .filter(JsValue::is_object)
            .and_then(|imp| Reflect::get(&imp, &JsValue::from_str("__sandbox")).ok())
            .is_some_and(|flag| flag.as_bool() == Some(true))
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.controller.uninstall();
    }
}
