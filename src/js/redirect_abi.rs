//! The exports of the `iamport-pay/redirect` entry's wasm (`npm-redirect`, without `npm`):
//! a small C ABI instead of wasm-bindgen's, so the module imports nothing and needs no glue.
//! `js/redirect.js` is its hand-written loader.
//!
//! Text crosses as UTF-8 through two buffers: [`rd_input`] makes room for the argument (the
//! JS side writes it with `TextEncoder.encodeInto`, which replaces a lone surrogate with
//! U+FFFD as wasm-bindgen's string passing does), and each call answers with the address of
//! JSON text ended by a NUL byte (which JSON text never holds raw). Errors come back as
//! `{"error":{"code":…,"message":…}}`, whose text is Rust's (the same as the main entry's).
//! Nothing here traps on bad input: the input is bounded and read as
//! `String::from_utf8_lossy` reads bytes, and no input reaches an `unwrap` or an index.
//!
//! The decisions are the main entry's code: [`crate::parse_redirect`] (with the
//! `form_urlencoded` decoder), and [`Fields::read`] and [`Fields::verdict`] for a stored
//! order (what `take_pending_order` runs through `pending::read_stored_owned`).
// `#[no_mangle]` is what exports a function without wasm-bindgen, and the arena allocator
// (below) implements the unsafe `GlobalAlloc` trait.
#![allow(unsafe_code)]

use super::runtime::{bad_redirect_input, not_in_browser, redirect_result_json};
use crate::error::{Error, ErrorCode};
use crate::limits::{MAX_INPUT_BYTES, MAX_KEYS_PER_OBJECT};
use crate::pending::{self, Fields, Verdict};
use crate::rules::tree::{Kind, Tree};
use crate::wire::{push_str, push_u64};
use std::cell::Cell;

// `Cell` (take, then set back), not `RefCell`: no borrow check that could panic.
thread_local! {
    static INPUT: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    static OUTPUT: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// Starts an operation (`rd_input`, `rd_error`): the last answer and any input left are
/// forgotten and, with the arena allocator, the heap starts over.
fn begin() {
    #[cfg(all(
        not(feature = "npm"),
        not(feature = "talc-allocator"),
        not(target_feature = "atomics")
    ))]
    {
        // Nothing else is live between two operations: every call drops what it made.
        std::mem::forget(INPUT.with(Cell::take));
        std::mem::forget(OUTPUT.with(Cell::take));
        arena::reset();
    }
}

/// `rd_input(bytes) -> address`: room for `bytes` bytes of UTF-8 for the next call; 0 when
/// `bytes` is over [`MAX_INPUT_BYTES`] (16 MiB, the careful reader's limit too). It starts an
/// operation: the JS side calls it, writes the input, then one of `rd_parse`, `rd_key`,
/// `rd_take`, and reads the answer before the next `rd_input`.
#[no_mangle]
pub extern "C" fn rd_input(bytes: usize) -> usize {
    begin();
    if bytes > MAX_INPUT_BYTES {
        return 0;
    }
    INPUT.with(|c| {
        let mut b = c.take();
        b.clear();
        b.resize(bytes.max(1), 0);
        let at = b.as_mut_ptr() as usize;
        c.set(b);
        at
    })
}

/// The first `len` bytes of the input buffer as text (the buffer is left empty). The JS side
/// writes UTF-8; anything else is read as `String::from_utf8_lossy` reads it, never trapping.
fn take_input(len: usize) -> Vec<u8> {
    let mut b = INPUT.with(Cell::take);
    b.truncate(len);
    b
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Keeps `text` as the answer until the next operation; its address.
fn answer(text: String) -> usize {
    let mut b = text.into_bytes();
    b.push(0);
    let at = b.as_ptr() as usize;
    OUTPUT.with(|c| c.set(b));
    at
}

fn error_json(e: &Error) -> String {
    let mut out = String::with_capacity(96);
    out.push_str("{\"error\":{\"code\":");
    push_str(&mut out, e.code().as_str());
    out.push_str(",\"message\":");
    push_str(&mut out, e.message_as_made());
    out.push_str("}}");
    out
}

/// What [`rd_error`] answers for.
const NO_WINDOW_REDIRECT: u32 = 1;
const BAD_REDIRECT_INPUT: u32 = 2;
const NO_WINDOW_PENDING: u32 = 3;
const REDIRECT_TOO_LARGE: u32 = 4;

/// `rd_error(kind) -> address`: the error the JS side throws for what it found before there was
/// anything to parse: `parseRedirect()` without a `window` (1), an input that is no string and
/// has no string `href` (2), `takePendingOrder` without a `window` (3), a URL over the input
/// limit (4). The messages are the main entry's.
#[no_mangle]
pub extern "C" fn rd_error(kind: u32) -> usize {
    begin();
    let e = match kind {
        NO_WINDOW_REDIRECT => not_in_browser("parseRedirect() without input"),
        BAD_REDIRECT_INPUT => bad_redirect_input(),
        NO_WINDOW_PENDING => not_in_browser("takePendingOrder"),
        REDIRECT_TOO_LARGE => {
            // js/redirect.js asks for 3 bytes a UTF-16 unit, and one for a separator.
            let mut m = String::from("the redirect URL is over ");
            push_u64(&mut m, ((MAX_INPUT_BYTES - 1) / 3) as u64);
            m.push_str(" characters");
            Error::new(ErrorCode::InvalidRedirect, m)
        }
        _ => Error::new(ErrorCode::InvalidRedirect, "unknown error kind"),
    };
    answer(error_json(&e))
}

/// `rd_parse(len) -> address`: `parseRedirect` of the `len` bytes of text in the input buffer:
/// the `RedirectResult` as JSON (the main entry's text, `verified: false` included) or an
/// `invalid_redirect` error.
#[no_mangle]
pub extern "C" fn rd_parse(len: usize) -> usize {
    answer(match crate::parse_redirect(&text(&take_input(len))) {
        Ok(r) => redirect_result_json(&r),
        Err(e) => error_json(&e),
    })
}

/// `rd_key(len) -> address`: the `sessionStorage` key ([`pending::storage_key`]) of the
/// `merchant_uid` in the input buffer, as a JSON string.
#[no_mangle]
pub extern "C" fn rd_key(len: usize) -> usize {
    let mut out = String::new();
    push_str(&mut out, &pending::storage_key(&text(&take_input(len))));
    answer(out)
}

/// `flags` of [`rd_take`]: the stored object has a `customData` that is not `null`.
const HAS_CUSTOM_DATA: u32 = 1;

/// Separates the pieces of [`rd_take`]'s input: a byte UTF-8 never holds.
const SEP: u8 = 0xFF;

/// `rd_take(len, now, flags) -> address`: the decision on a stored order. The input buffer
/// holds pieces separated by `0xFF`: the `merchant_uid`, then a key and a value for each
/// top-level entry of the stored object (after `JSON.parse`), a value being what the order's
/// fields tell apart: `s` and the string, `n` (null), `t` / `f` (a boolean), `u` and the
/// decimal digits of a safe non-negative integer, `x` for anything else (`customData`
/// included: the JS side keeps it, since it may hold floats). `now` is `Date.now()`. The
/// answer is `null` (damaged, saved for another order, or expired) or the order, in the main
/// entry's key order, with `"customData":null` where the JS side puts the stored `customData`
/// back (`flags` & 1).
#[no_mangle]
pub extern "C" fn rd_take(len: usize, now: f64, flags: u32) -> usize {
    let b = take_input(len);
    let mut pieces = b.split(|&c| c == SEP).map(text);
    let uid = pieces.next().unwrap_or_default();
    let mut entries = Vec::new();
    while let Some(key) = pieces.next() {
        let value = pieces.next().unwrap_or_default();
        entries.push((key, Flat::of(&value)));
    }
    // The careful reader refuses an object with more keys than this (src/js/convert.rs).
    let fields = if entries.len() > MAX_KEYS_PER_OBJECT {
        None
    } else {
        Fields::read(&Flat::Object(entries))
    };
    answer(match fields {
        Some(f) if f.verdict(&uid, pending::clock_ms(now)) == Verdict::Valid => {
            order_json(&f, flags & HAS_CUSTOM_DATA != 0)
        }
        _ => "null".to_string(),
    })
}

/// The stored object's top level as [`rd_take`] receives it, for [`Fields::read`].
enum Flat {
    Null,
    Bool(bool),
    String(String),
    Number(u64),
    /// Anything else, read as an empty array.
    Other,
    /// The entries in the stored order; a key seen twice takes its last value.
    Object(Vec<(String, Flat)>),
}

impl Flat {
    fn of(v: &str) -> Flat {
        let (tag, rest) = v.split_at_checked(1).unwrap_or(("", ""));
        match tag {
            "s" => Flat::String(rest.to_string()),
            "n" => Flat::Null,
            "t" => Flat::Bool(true),
            "f" => Flat::Bool(false),
            "u" => decimal(rest).map_or(Flat::Other, Flat::Number),
            _ => Flat::Other,
        }
    }
}

impl Tree for Flat {
    fn kind(&self) -> Kind {
        match self {
            Flat::Null => Kind::Null,
            Flat::Bool(_) => Kind::Bool,
            Flat::String(_) => Kind::String,
            Flat::Number(_) => Kind::Number,
            Flat::Other => Kind::Array,
            Flat::Object(_) => Kind::Object,
        }
    }
    fn get(&self, key: &str) -> Option<&Self> {
        let Flat::Object(entries) = self else {
            return None;
        };
        entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    fn entries(&self) -> impl Iterator<Item = (&str, &Self)> {
        let entries: &[(String, Flat)] = match self {
            Flat::Object(entries) => entries,
            _ => &[],
        };
        entries.iter().map(|(k, v)| (k.as_str(), v))
    }
    fn len(&self) -> usize {
        0
    }
    fn index(&self, _: usize) -> Option<&Self> {
        None
    }
    fn str(&self) -> Option<&str> {
        match self {
            Flat::String(s) => Some(s),
            _ => None,
        }
    }
    fn bool(&self) -> Option<bool> {
        match self {
            Flat::Bool(b) => Some(*b),
            _ => None,
        }
    }
    fn as_u64(&self) -> Option<u64> {
        match self {
            Flat::Number(n) => Some(*n),
            _ => None,
        }
    }
    fn as_i64(&self) -> Option<i64> {
        self.as_u64().and_then(|n| i64::try_from(n).ok())
    }
    fn as_f64(&self) -> Option<f64> {
        self.as_u64().map(|n| n as f64)
    }
}

/// Decimal digits as a number; `None` for anything else or past `u64`.
fn decimal(d: &str) -> Option<u64> {
    if d.is_empty() {
        return None;
    }
    d.bytes().try_fold(0u64, |n, c| {
        let digit = c.checked_sub(b'0').filter(|x| *x < 10)?;
        n.checked_mul(10)?.checked_add(u64::from(digit))
    })
}

/// The order as JSON in the key order of the main entry's object (`PendingOrder::into_value`
/// through a `serde_json::Map`: sorted keys).
fn order_json(o: &Fields, custom_data: bool) -> String {
    let opt = |out: &mut String, s: &Option<String>| match s {
        Some(s) => push_str(out, s),
        None => out.push_str("null"),
    };
    let mut out = String::with_capacity(128);
    out.push_str("{\"amount\":");
    push_u64(&mut out, o.amount);
    out.push_str(",\"createdAt\":");
    push_u64(&mut out, o.created_at);
    if custom_data {
        out.push_str(",\"customData\":null");
    }
    out.push_str(",\"merchant_uid\":");
    push_str(&mut out, &o.merchant_uid);
    out.push_str(",\"name\":");
    opt(&mut out, &o.name);
    out.push_str(",\"pg\":");
    opt(&mut out, &o.pg);
    out.push('}');
    out
}

/// The redirect wasm's heap: a bump arena that starts over with each operation ([`begin`]).
/// An operation allocates a few copies of its input at most and frees everything by its end
/// but its answer, so the heap stays as large as the largest operation, and the allocator is
/// ~200 bytes of wasm instead of talc's 1.5 KB. Only in the module `scripts/build.sh` builds
/// with `npm-redirect` alone: the main wasm (`npm`) keeps JS-owned state across calls and
/// uses talc (`talc-allocator`), and a Rust app never enables `npm-redirect`.
#[cfg(all(
    not(feature = "npm"),
    not(feature = "talc-allocator"),
    not(target_feature = "atomics")
))]
mod arena {
    use core::arch::wasm32;
    use std::alloc::{GlobalAlloc, Layout};
    use std::cell::Cell;
    use std::ptr;

    const PAGE: usize = 65_536;

    struct Arena {
        /// Where the heap starts (the memory's end when first used), where the next block
        /// goes, and the memory's end; 0 before the first allocation.
        start: Cell<usize>,
        next: Cell<usize>,
        end: Cell<usize>,
    }

    // SAFETY: the module is single-threaded (built without the `atomics` target feature).
    unsafe impl Sync for Arena {}

    #[global_allocator]
    static ARENA: Arena = Arena {
        start: Cell::new(0),
        next: Cell::new(0),
        end: Cell::new(0),
    };

    impl Arena {
        /// Makes the memory reach `top`, growing it; false when it cannot.
        fn reach(&self, top: usize) -> bool {
            if self.start.get() == 0 {
                let end = wasm32::memory_size(0) * PAGE;
                self.start.set(end);
                self.next.set(end);
                self.end.set(end);
            }
            let end = self.end.get();
            if top <= end {
                return true;
            }
            let pages = (top - end).div_ceil(PAGE);
            if wasm32::memory_grow(0, pages) == usize::MAX {
                return false;
            }
            self.end.set(end + pages * PAGE);
            true
        }
    }

    // SAFETY: blocks never overlap: each starts at or after `next`, which only moves back to
    // the start of the last block (dealloc) or to the heap's start when nothing is live
    // (`reset`, called by `begin` only).
    unsafe impl GlobalAlloc for Arena {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            // `reach` first: it sets `next` on the first call.
            if !self.reach(0) {
                return ptr::null_mut();
            }
            let align = layout.align();
            let Some(at) = self
                .next
                .get()
                .checked_add(align - 1)
                .map(|a| a & !(align - 1))
            else {
                return ptr::null_mut();
            };
            match at.checked_add(layout.size()) {
                Some(top) if self.reach(top) => {
                    self.next.set(top);
                    at as *mut u8
                }
                _ => ptr::null_mut(),
            }
        }

        unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
            // The last block goes back, so a buffer that grew and was dropped leaves room.
            if block as usize + layout.size() == self.next.get() {
                self.next.set(block as usize);
            }
        }

        unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let at = block as usize;
            // The last block grows (or shrinks) where it is.
            if at + layout.size() == self.next.get() {
                return match at.checked_add(new_size) {
                    Some(top) if self.reach(top) => {
                        self.next.set(top);
                        block
                    }
                    _ => ptr::null_mut(),
                };
            }
            // SAFETY: `new_size` is non-zero and fits `isize` when rounded up to the
            // alignment (GlobalAlloc::realloc's contract).
            let new =
                unsafe { self.alloc(Layout::from_size_align_unchecked(new_size, layout.align())) };
            if !new.is_null() {
                // SAFETY: both blocks are live, distinct and at least this long.
                unsafe { ptr::copy_nonoverlapping(block, new, layout.size().min(new_size)) };
            }
            new
        }
    }

    /// Frees every block; only when none is live.
    pub(super) fn reset() {
        ARENA.next.set(ARENA.start.get());
    }
}
