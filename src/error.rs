//! The runtime's error: what `requestPay`, `loadIamport`, `parseRedirect` and
//! `takePendingOrder` reject or throw with (API.md, "Errors thrown or rejected"). In JS it is
//! `IamportPayError`; the codes are public API.

use crate::issue::{Issue, Lang};
use std::fmt;
use std::sync::OnceLock;

/// The stable error codes of API.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// The params (or the call's options) have errors; see [`Error::issues`].
    InvalidParams,
    /// The SDK script failed to load, or threw while it ran.
    SdkLoadFailed,
    /// The SDK did not define `window.IMP` in time, or not at all after loading.
    SdkTimeout,
    /// A `requestPay` for this `merchant_uid` is still open.
    DuplicateRequest,
    /// The payment window's state is unknown: `IMP.request_pay` threw or its promise
    /// rejected after it may have opened the window, or the page came back from the
    /// back-forward cache while a redirect payment was open. The payment may have gone
    /// through: check the server (`GET /payments/find/{merchant_uid}`) before retrying.
    /// The `merchant_uid` stays locked (and its pending order kept) until the SDK calls back
    /// (that callback is a late result) or the page navigates.
    PaymentStateUnknown,
    /// The redirect URL has no `merchant_uid`.
    InvalidRedirect,
    /// There is no `window` (Node, a worker): the call needs a browser page.
    NotInBrowser,
}

impl ErrorCode {
    /// The wire form: `invalid_params`, `sdk_load_failed`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidParams => "invalid_params",
            ErrorCode::SdkLoadFailed => "sdk_load_failed",
            ErrorCode::SdkTimeout => "sdk_timeout",
            ErrorCode::DuplicateRequest => "duplicate_request",
            ErrorCode::PaymentStateUnknown => "payment_state_unknown",
            ErrorCode::InvalidRedirect => "invalid_redirect",
            ErrorCode::NotInBrowser => "not_in_browser",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error of the browser runtime or of [`parse_redirect`](crate::parse_redirect).
#[derive(Clone)]
pub struct Error {
    code: ErrorCode,
    /// Empty for `invalid_params`, whose message names the first issue and is rendered into
    /// `rendered` on the first [`Error::message`] call: the npm package's wasm, whose JS
    /// wrapper renders messages itself (`js/index.js`), then never links the renderer.
    message: String,
    rendered: OnceLock<String>,
    issues: Vec<Issue>,
}

impl Error {
    /// An error with an English message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
            rendered: OnceLock::new(),
            issues: Vec::new(),
        }
    }

    /// `invalid_params` carrying every error issue found.
    pub fn invalid_params(issues: Vec<Issue>) -> Self {
        Error {
            code: ErrorCode::InvalidParams,
            message: String::new(),
            rendered: OnceLock::new(),
            issues: issues.into_iter().filter(Issue::is_error).collect(),
        }
    }

    /// The `invalid_params` message: the count and the first error (js/index.js,
    /// `invalidParams`, builds the same text from the rendered issues).
    fn issues_message(&self) -> String {
        // Built by hand, not with `format!`: this is on the exports' path (see wire::push_u64).
        let mut message = String::from("invalid request_pay params");
        if self.issues.len() > 1 {
            message.push_str(" (");
            crate::wire::push_u64(&mut message, self.issues.len() as u64);
            message.push_str(" errors); first: ");
        } else {
            message.push_str(": ");
        }
        if let Some(i) = self.issues.first() {
            message.push_str(if i.path.is_empty() { "params" } else { &i.path });
            message.push_str(": ");
            message.push_str(&i.message(Lang::En));
        }
        message
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The English message.
    pub fn message(&self) -> &str {
        if self.code == ErrorCode::InvalidParams {
            return self.rendered.get_or_init(|| self.issues_message());
        }
        &self.message
    }

    /// The message as it was made: empty for `invalid_params` (whose message
    /// [`Error::message`] renders). The npm exports hand errors to JS with this, which keeps the renderer out of
    /// the package's wasm; the wrapper renders that one message.
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn message_as_made(&self) -> &str {
        &self.message
    }

    /// The issues of an `invalid_params` error (empty for the other codes).
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message())
    }
}

// By hand: the message is compared (and shown) rendered, whether or not it was asked for yet.
impl PartialEq for Error {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code && self.issues == other.issues && self.message() == other.message()
    }
}

impl Eq for Error {}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("code", &self.code)
            .field("message", &self.message())
            .field("issues", &self.issues)
            .finish()
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::{Code, Msg};

    #[test]
    fn codes_are_the_api_strings() {
        let all = [
            (ErrorCode::InvalidParams, "invalid_params"),
            (ErrorCode::SdkLoadFailed, "sdk_load_failed"),
            (ErrorCode::SdkTimeout, "sdk_timeout"),
            (ErrorCode::DuplicateRequest, "duplicate_request"),
            (ErrorCode::PaymentStateUnknown, "payment_state_unknown"),
            (ErrorCode::InvalidRedirect, "invalid_redirect"),
            (ErrorCode::NotInBrowser, "not_in_browser"),
        ];
        for (code, s) in all {
            assert_eq!(code.as_str(), s);
            assert_eq!(code.to_string(), s);
        }
    }

    #[test]
    fn errors_cross_threads() {
        // The lazily rendered message must not cost servers `Send + Sync` (anyhow, tokio).
        fn send_sync<T: Send + Sync + 'static>() {}
        send_sync::<Error>();
    }

    #[test]
    fn invalid_params_renders_its_message_once_asked() {
        let e = Error::invalid_params(vec![Issue::new("amount", Code::Required, Msg::Required)]);
        let same = e.clone();
        assert_eq!(
            e.message(),
            "invalid request_pay params: amount: amount is required"
        );
        // Equal whether or not the other one rendered its message yet.
        assert_eq!(same, e);
        assert_eq!(format!("{e}"), format!("invalid_params: {}", e.message()));
    }

    #[test]
    fn invalid_params_keeps_errors_only_and_names_the_first() {
        let e = Error::invalid_params(vec![
            Issue::new("buyer_phone", Code::UnknownField, Msg::Custom).arg("x"),
            Issue::new("merchant_uid", Code::Required, Msg::Custom).arg("merchant_uid is required"),
            Issue::new("amount", Code::Required, Msg::Custom).arg("amount is required"),
        ]);
        assert_eq!(e.code(), ErrorCode::InvalidParams);
        assert_eq!(e.issues().len(), 2);
        assert_eq!(e.issues()[0].path, "merchant_uid");
        assert!(
            e.message()
                .starts_with("invalid request_pay params (2 errors); first: merchant_uid"),
            "{}",
            e.message()
        );
    }
}
