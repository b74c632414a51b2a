//! Input-size limits of the JS reader (`checkParams`, `buildParams`, `requestPay` and the
//! callback response `requestPay` copies), in one place.
//!
//! A real `request_pay` call has well under 100 keys and a few kilobytes of text. The
//! limits sit far above that and far below what would stall the page or exhaust the wasm
//! heap: past one of them the reader stops, reports an issue at the value's path, and never
//! allocates the rest. They are checked **before** anything is copied into wasm memory
//! (a string's length is read from JS first), so a 4 GiB input answers with an issue instead
//! of an out-of-memory trap.

/// Most keys one object may have (`Object.keys(v).length`). Past it the object is reported
/// (`invalid_value`, "holds too many values") and none of its keys are read.
pub const MAX_KEYS_PER_OBJECT: usize = 1_000;

/// Most values (objects, arrays, strings, numbers…) one input may hold in all.
pub const MAX_NODES: usize = 100_000;

/// Most bytes of text (the UTF-8 size of every key and string value, together) one input
/// may hold: 16 MiB. A string that would go past it is reported (`too_long`) and not copied.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Deepest nesting accepted anywhere in params (the checker's [`crate::MAX_DEPTH`]).
pub const MAX_DEPTH: usize = crate::check::MAX_DEPTH;
