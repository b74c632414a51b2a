//! The client's errors: one enum, each variant a different thing the caller does next.

use crate::server::VerifyError;
use std::fmt;

/// Why a PortOne API call did not give a usable `response`.
///
/// | variant | what happened | what to do |
/// | --- | --- | --- |
/// | [`Transport`](Error::Transport) | no HTTP answer (DNS, connect, TLS, timeout) | retry later; the state of a write (cancel, charge) is unknown until looked up |
/// | [`NotFound`](Error::NotFound) | HTTP 404 | the `imp_uid` / `merchant_uid` / `customer_uid` does not exist |
/// | [`Http`](Error::Http) | any other non-2xx (401 after the one retry, 400, 5xx) | see `code` / `message` |
/// | [`Api`](Error::Api) | HTTP 200 with a non-zero `code` | PortOne refused: read `message` |
/// | [`Decode`](Error::Decode) | the body is not PortOne's `{ code, message, response }` | report it; nothing is known |
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The request got no HTTP answer (connect, TLS, timeout, body read).
    Transport {
        /// `"GET /payments/imp_123"`.
        call: String,
        /// reqwest's error (`is_timeout()` tells a timeout).
        source: reqwest::Error,
    },
    /// HTTP 404: the thing asked for does not exist. Never a success.
    NotFound {
        /// `"GET /payments/imp_123"`.
        call: String,
        /// PortOne's `code`, when the body had one.
        code: Option<i64>,
        /// PortOne's `message`, when the body had one.
        message: Option<String>,
    },
    /// A non-2xx status other than 404 (a 401 after the one retry with a fresh token, 400,
    /// 5xx), with PortOne's `code` and `message` when the body had them.
    Http {
        /// `"POST /payments/cancel"`.
        call: String,
        /// The HTTP status.
        status: u16,
        /// PortOne's `code`, when the body had one.
        code: Option<i64>,
        /// PortOne's `message`, when the body had one.
        message: Option<String>,
    },
    /// HTTP 2xx with a non-zero `code`: PortOne refused the call (e.g. a duplicate
    /// `merchant_uid` for `prepare`, a cancel of a payment that does not exist).
    Api {
        /// `"POST /payments/prepare"`.
        call: String,
        /// PortOne's non-zero `code`.
        code: i64,
        /// PortOne's `message`.
        message: Option<String>,
    },
    /// The body is not the `{ code, message, response }` envelope, or `response` is not the
    /// expected shape.
    Decode {
        /// `"GET /payments/imp_123"`.
        call: String,
        /// The HTTP status.
        status: u16,
        /// What was wrong.
        detail: String,
    },
    /// The client could not be built (reqwest's TLS set-up), or a URL could not be formed.
    Config(String),
}

impl Error {
    /// Whether this is a 404 ([`Error::NotFound`]).
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::NotFound { .. })
    }

    /// The HTTP status, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::NotFound { .. } => Some(404),
            Error::Http { status, .. } | Error::Decode { status, .. } => Some(*status),
            Error::Api { .. } => Some(200),
            Error::Transport { source, .. } => source.status().map(|s| s.as_u16()),
            Error::Config(_) => None,
        }
    }

    /// PortOne's `code`, when the body had one.
    pub fn code(&self) -> Option<i64> {
        match self {
            Error::NotFound { code, .. } | Error::Http { code, .. } => *code,
            Error::Api { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// PortOne's `message`, when the body had one.
    pub fn portone_message(&self) -> Option<&str> {
        match self {
            Error::NotFound { message, .. }
            | Error::Http { message, .. }
            | Error::Api { message, .. } => message.as_deref(),
            _ => None,
        }
    }

    /// A stable short name: `transport`, `timeout`, `not_found`, `unauthorized`, `http`,
    /// `api`, `decode`, `config`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Transport { source, .. } if source.is_timeout() => "timeout",
            Error::Transport { .. } => "transport",
            Error::NotFound { .. } => "not_found",
            Error::Http { status: 401, .. } => "unauthorized",
            Error::Http { .. } => "http",
            Error::Api { .. } => "api",
            Error::Decode { .. } => "decode",
            Error::Config(_) => "config",
        }
    }
}

fn portone(f: &mut fmt::Formatter<'_>, code: Option<i64>, message: Option<&str>) -> fmt::Result {
    match (code, message) {
        (Some(c), Some(m)) => write!(f, " (PortOne code {c}: {m})"),
        (Some(c), None) => write!(f, " (PortOne code {c})"),
        (None, Some(m)) => write!(f, " ({m})"),
        (None, None) => Ok(()),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Transport { call, source } if source.is_timeout() => {
                write!(f, "{call}: PortOne did not answer in time ({source})")
            }
            Error::Transport { call, source } => {
                write!(f, "{call}: could not reach PortOne ({source})")
            }
            Error::NotFound {
                call,
                code,
                message,
            } => {
                write!(f, "{call}: not found (HTTP 404)")?;
                portone(f, *code, message.as_deref())
            }
            Error::Http {
                call,
                status: 401,
                code,
                message,
            } => {
                write!(
                    f,
                    "{call}: unauthorized (HTTP 401): check the REST API key and secret"
                )?;
                portone(f, *code, message.as_deref())
            }
            Error::Http {
                call,
                status,
                code,
                message,
            } => {
                write!(f, "{call}: HTTP {status}")?;
                portone(f, *code, message.as_deref())
            }
            Error::Api {
                call,
                code,
                message,
            } => {
                write!(f, "{call}: PortOne refused the call")?;
                portone(f, Some(*code), message.as_deref())
            }
            Error::Decode {
                call,
                status,
                detail,
            } => write!(
                f,
                "{call}: HTTP {status} with a body that is not PortOne's {{code, message, response}}: {detail}"
            ),
            Error::Config(m) => write!(f, "client set-up: {m}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Why [`Client::verify`](super::Client::verify) gave no [`Verified`](crate::server::Verified):
/// the payment was fetched and does not match the order, or it could not be fetched.
#[derive(Debug)]
pub enum VerifyFailure {
    /// PortOne has the payment and it does not match the order: do not fulfil it. Every
    /// [`Mismatch`](crate::server::Mismatch) names its field.
    Mismatch(VerifyError),
    /// The payment could not be fetched: its state is unknown (not "unpaid"). Retry, or let
    /// the webhook settle it.
    Request(Error),
}

impl VerifyFailure {
    /// The mismatches, when the payment was fetched.
    pub fn mismatch(&self) -> Option<&VerifyError> {
        match self {
            VerifyFailure::Mismatch(m) => Some(m),
            VerifyFailure::Request(_) => None,
        }
    }
}

impl fmt::Display for VerifyFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyFailure::Mismatch(m) => write!(f, "the payment does not match the order: {m}"),
            VerifyFailure::Request(e) => write!(f, "the payment could not be fetched: {e}"),
        }
    }
}

impl std::error::Error for VerifyFailure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            VerifyFailure::Mismatch(m) => Some(m),
            VerifyFailure::Request(e) => Some(e),
        }
    }
}

impl From<Error> for VerifyFailure {
    fn from(e: Error) -> Self {
        VerifyFailure::Request(e)
    }
}

impl From<VerifyError> for VerifyFailure {
    fn from(e: VerifyError) -> Self {
        VerifyFailure::Mismatch(e)
    }
}
