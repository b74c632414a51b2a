//! The SDK object as wasm-bindgen sees it, and the callback given to `IMP.request_pay`.
//!
//! PortOne's SDK keeps that callback and has no way to take it back, so it is handed to the
//! JS GC ([`Closure::into_js_value`]). It holds the request's shared state (not the future),
//! so a call after the future is gone, or a second call, is still seen: the runtime
//! announces it as a late result. (The loader's listeners and timers are JS now:
//! `js/loader.js`.)

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `window.IMP`, PortOne's V1 SDK object (js-sdk.mdx).
    pub(crate) type Imp;

    /// `IMP.request_pay(params, callback)` (auth-payment-flow.mdx, "결제창 불러오기"). The
    /// return value is kept: a newer SDK may return a Promise, whose rejection matters.
    #[wasm_bindgen(method, catch, js_name = request_pay)]
    pub(crate) fn request_pay(
        this: &Imp,
        params: &JsValue,
        callback: &js_sys::Function,
    ) -> Result<JsValue, JsValue>;
}

/// The function to give `IMP.request_pay`: every call runs `f` (the runtime decides what a
/// first, a repeated or a late call means). Owned by the JS GC from here on (see the module
/// docs). `f` must not throw into the SDK; it gets the raw response.
pub(crate) fn response_callback(f: impl FnMut(JsValue) + 'static) -> js_sys::Function {
    Closure::<dyn FnMut(JsValue)>::new(f)
        .into_js_value()
        .unchecked_into()
}
