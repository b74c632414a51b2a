//! The checker's state ([`Ctx`]) and the cursor rules read params through ([`At`]).
//!
//! A rule names a path (`ctx.at(["bypass", "ksnet", "tcode"])`) and asks for what it expects
//! (`.string()`, `.int()`, `.one_of(..)`, `.required(..)`). The cursor:
//! - treats an absent key and `null` alike (absent);
//! - reports a wrong type once (`invalid_type` at that path) and marks the subtree, so later
//!   rules reading the same path or below get "absent" and add nothing (docs/RULES.md §0);
//! - is silent below a parent of another type (the parent's type issue covers it);
//! - renders the path (`card.detail[2].max_month`) itself.

use super::tree::{Kind, Node, Tree};
use super::Pg;
use crate::check::CheckOptions;
use crate::issue::{Code, Issue, Msg, Report, Severity};
use crate::provider::Provider;
use crate::request::PayMethod;
use std::fmt;

/// Largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
pub(crate) const MAX_SAFE: u64 = (1 << 53) - 1;

/// One step of a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The steps a rule path takes at most (`card.detail[0].max_month`): the context's path
/// stack is allocated once with room for them.
const INLINE_STEPS: usize = 8;

/// A wire-name path such as `card.detail[0].card_code` (API.md "Issues").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Path<'a>(Vec<Seg<'a>>);

impl<'a> Path<'a> {
    /// Adds one step.
    pub fn push(&mut self, seg: Seg<'a>) {
        self.0.push(seg);
    }

    /// Removes the last step.
    pub fn pop(&mut self) {
        self.0.pop();
    }

    /// This path with one more step.
    #[cfg(test)]
    fn child(&self, seg: Seg<'a>) -> Path<'a> {
        let mut p = self.clone();
        p.push(seg);
        p
    }

    /// Whether `base` is this path or one of its ancestors.
    #[cfg(test)]
    fn starts_with(&self, base: &Path<'_>) -> bool {
        self.0.starts_with(&base.0)
    }

    /// Whether this path renders as `s`, without rendering it.
    #[cfg(test)]
    fn is(&self, s: &str) -> bool {
        segs_are(&self.0, s)
    }
}

/// Whether the path `segs` renders as `s`, without rendering it.
fn segs_are(segs: &[Seg<'_>], s: &str) -> bool {
    let mut rest = s;
    for (i, &seg) in segs.iter().enumerate() {
        let next = match seg {
            Seg::Key(k) if i == 0 => rest.strip_prefix(k),
            Seg::Key(k) => rest.strip_prefix('.').and_then(|r| r.strip_prefix(k)),
            Seg::Index(n) => rest
                .strip_prefix('[')
                .and_then(|r| r.split_once(']'))
                .filter(|(d, _)| d.len() == 1 || !d.starts_with('0'))
                .filter(|(d, _)| d.parse::<usize>().ok() == Some(n))
                .map(|(_, r)| r),
        };
        match next {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

impl Path<'_> {
    /// The path as API.md writes it (see [`Segs::render`]).
    pub fn render(&self) -> String {
        Segs(&self.0).render()
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Segs(&self.0).fmt(f)
    }
}

/// A borrowed path (a prefix of the context's stack), rendered on demand.
struct Segs<'s, 'a>(&'s [Seg<'a>]);

impl Segs<'_, '_> {
    /// The path as API.md writes it (`card.detail[0].card_code`). By hand, not through
    /// `Display`: on the exports' path that would link `core::fmt`'s integer formatting.
    fn render(&self) -> String {
        let mut out = String::with_capacity(24);
        for (i, &seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) => {
                    if i > 0 {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Seg::Index(n) => {
                    out.push('[');
                    crate::wire::push_u64(&mut out, n as u64);
                    out.push(']');
                }
            }
        }
        out
    }
}

impl fmt::Display for Segs<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

/// Whether `path` is `base` or below it (`base.x`, `base[0]`).
fn within(path: &str, base: &str) -> bool {
    match path.strip_prefix(base) {
        Some("") => true,
        Some(rest) => base.is_empty() || rest.starts_with('.') || rest.starts_with('['),
        None => false,
    }
}

/// The checker's state while rules run: the params, the resolved provider, the report.
pub(crate) struct Ctx<'a> {
    /// The params (already known to be an object).
    pub root: &'a Node<'a>,
    /// Options given by the caller.
    pub opts: &'a CheckOptions,
    /// The provider the rules are for, if any.
    pub provider: Option<Provider>,
    /// The provider's rule set, if this library has one.
    pub pg: Option<&'static Pg>,
    /// Issues so far.
    pub report: Report,
    /// `amount` as a checked integer, after a documented coercion.
    pub amount: Option<u64>,
    /// Top-level keys whose value the normalized params replace by a number (`coerced`).
    pub coerced: Vec<(&'static str, u64)>,
    /// Paths whose subtree is already reported (a wrong type): reads there add nothing.
    marked: Vec<Path<'a>>,
    /// The steps of the live cursor's path: a cursor at depth `d` owns `stack[..d]`, and a
    /// cursor made from it writes only at `d` and beyond (it borrows the context, so the
    /// parent waits), so no cursor copies or allocates a path.
    stack: Vec<Seg<'a>>,
    /// The same for the paths of issues found before the rules ran (reading a JS value).
    pre_marked: Vec<String>,
}

impl<'a> Ctx<'a> {
    /// A context over the params object `root`.
    pub fn new(root: &'a Node<'a>, opts: &'a CheckOptions, report: Report) -> Self {
        let pre_marked = report
            .issues()
            .iter()
            .filter(|i| !i.path.is_empty())
            .map(|i| i.path.clone())
            .collect();
        Ctx {
            root,
            opts,
            provider: None,
            pg: None,
            report,
            amount: None,
            coerced: Vec::new(),
            marked: Vec::new(),
            stack: Vec::with_capacity(INLINE_STEPS),
            pre_marked,
        }
    }

    /// A cursor at `keys` (e.g. `["bypass", "ksnet", "tcode"]`).
    #[inline]
    pub fn at<const N: usize>(&mut self, keys: [&'a str; N]) -> At<'_, 'a> {
        self.at_keys(&keys)
    }

    /// [`Ctx::at`] for a slice (one body for every path length).
    fn at_keys(&mut self, keys: &[&'a str]) -> At<'_, 'a> {
        let root = Slot::Here(self.root);
        let mut at = At::new(self, 0, root);
        for key in keys {
            at = at.key(key);
        }
        at
    }

    /// The value at a top-level key; `null` counts as absent.
    pub fn get(&self, key: &str) -> Option<&'a Node<'a>> {
        Tree::get(self.root, key).filter(|v| !Tree::is_null(*v))
    }

    /// The string at a top-level key (None when absent or of another type).
    pub fn str(&self, key: &str) -> Option<&'a str> {
        self.get(key).and_then(Tree::str)
    }

    /// Whether a top-level key holds a non-empty value.
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some_and(|v| v.str() != Some(""))
    }

    /// Whether a top-level key is `true`.
    pub fn is_true(&self, key: &str) -> bool {
        self.get(key).and_then(Tree::bool) == Some(true)
    }

    /// `pay_method`, when it is a string.
    pub fn pay_method(&self) -> Option<&'a str> {
        self.str("pay_method")
    }

    /// `pay_method` when it is a PortOne code (a value the common layer rejected gets nothing
    /// on top, docs/RULES.md §0).
    pub fn method(&self) -> Option<PayMethod> {
        self.pay_method().and_then(|m| m.parse().ok())
    }

    /// Whether any issue is already reported at `path`.
    pub fn has_issue_at(&self, path: &str) -> bool {
        self.report.issues().iter().any(|i| i.path == path)
    }

    fn is_marked(&self, depth: usize) -> bool {
        let path = &self.stack[..depth];
        self.marked.iter().any(|m| path.starts_with(&m.0))
            || !self.pre_marked.is_empty() && {
                let path = Segs(path).render();
                self.pre_marked.iter().any(|m| within(&path, m))
            }
    }

    /// Adds an issue; it names the current PG unless it names one already.
    pub fn push(&mut self, mut issue: Issue) {
        if issue.pg.is_none() {
            issue.pg = self.provider;
        }
        self.report.push(issue);
    }

    /// Adds an issue with the code's default severity.
    pub fn add(&mut self, path: impl Into<String>, code: Code, msg: Msg) {
        self.push(Issue::new(path, code, msg));
    }

    /// Adds an issue whose message shows `arg`.
    pub fn add_arg(
        &mut self,
        path: impl Into<String>,
        code: Code,
        msg: Msg,
        arg: impl Into<String>,
    ) {
        self.push(Issue::new(path, code, msg).arg(arg));
    }

    /// Reports `required` at a top-level `key` when it is absent, null or `""`, unless that
    /// key already has an issue (e.g. a wrong type). Returns whether the key is there.
    pub fn require(&mut self, key: &'a str, msg: Msg) -> bool {
        let at = self.at([key]);
        let missing = at.missing();
        let here = at.present();
        at.required(msg);
        // A value here is there unless `""`; only a blocked key (below a reported one) looks
        // again.
        if here || missing {
            !missing
        } else {
            self.has(key)
        }
    }
}

/// What a cursor points at.
#[derive(Clone, Copy)]
enum Slot<'a> {
    /// Absent, or null as an object's value, here or at a parent.
    Absent,
    /// Below a parent of another type, or in a reported subtree: rules add nothing here.
    Blocked,
    /// A value (null only as an array item, where it is the caller's data).
    Here(&'a Node<'a>),
}

/// A cursor: a path into the params and what is there. Consuming reads report what is wrong.
pub(crate) struct At<'c, 'a> {
    ctx: &'c mut Ctx<'a>,
    /// The path is `ctx.stack[..depth]`.
    depth: usize,
    slot: Slot<'a>,
    /// The message of a type issue here, when not the default for the expected type.
    type_msg: Option<Msg>,
}

impl<'c, 'a> At<'c, 'a> {
    fn new(ctx: &'c mut Ctx<'a>, depth: usize, slot: Slot<'a>) -> Self {
        let slot = match slot {
            Slot::Here(_) if depth > 0 && ctx.is_marked(depth) => Slot::Blocked,
            s => s,
        };
        At {
            ctx,
            depth,
            slot,
            type_msg: None,
        }
    }

    /// This cursor's path.
    fn path(&self) -> &[Seg<'a>] {
        &self.ctx.stack[..self.depth]
    }

    /// This cursor's path, rendered (only for an issue).
    fn path_string(&self) -> String {
        Segs(self.path()).render()
    }

    /// Sets the step at `depth` (a child's last step); returns the child's depth.
    fn step(ctx: &mut Ctx<'a>, depth: usize, seg: Seg<'a>) -> usize {
        ctx.stack.truncate(depth);
        ctx.stack.push(seg);
        depth + 1
    }

    /// The cursor at `key` of this object.
    pub fn key(self, key: &'a str) -> Self {
        let slot = match self.slot {
            Slot::Here(v) if v.kind() == Kind::Object => Tree::get(v, key)
                .filter(|v| !Tree::is_null(*v))
                .map_or(Slot::Absent, Slot::Here),
            Slot::Here(_) | Slot::Blocked => Slot::Blocked,
            Slot::Absent => Slot::Absent,
        };
        let depth = At::step(self.ctx, self.depth, Seg::Key(key));
        At::new(self.ctx, depth, slot)
    }

    /// A cursor at `key` of this object, leaving this cursor usable.
    pub fn child(&mut self, key: &'a str) -> At<'_, 'a> {
        let at = At {
            ctx: &mut *self.ctx,
            depth: self.depth,
            slot: self.slot,
            type_msg: None,
        };
        at.key(key)
    }

    /// Uses `msg` for a type issue at this path.
    pub fn type_msg(mut self, msg: Msg) -> Self {
        self.type_msg = Some(msg);
        self
    }

    /// Whether a value (not null) is here.
    pub fn present(&self) -> bool {
        matches!(self.slot, Slot::Here(_))
    }

    /// Whether anything but "absent" is here: a value, or one in a reported subtree.
    pub fn given(&self) -> bool {
        !matches!(self.slot, Slot::Absent)
    }

    /// Whether the value is absent, null or `""` (not below a parent of another type).
    pub fn missing(&self) -> bool {
        match self.slot {
            Slot::Absent => true,
            Slot::Blocked => false,
            Slot::Here(v) => v.str() == Some(""),
        }
    }

    /// Whether no issue is reported at this path yet.
    pub fn fresh(&self) -> bool {
        let path = self.path();
        !self
            .ctx
            .report
            .issues()
            .iter()
            .any(|i| segs_are(path, &i.path))
    }

    /// The JSON type here, if a value is here.
    pub fn kind(&self) -> Option<Kind> {
        match self.slot {
            Slot::Here(v) => Some(v.kind()),
            _ => None,
        }
    }

    /// The array's length here (0 when not an array).
    pub fn len(&self) -> usize {
        match self.slot {
            Slot::Here(v) => v.len(),
            _ => 0,
        }
    }

    /// The string here, without reporting anything.
    pub fn peek_str(&self) -> Option<&'a str> {
        match self.slot {
            Slot::Here(v) => v.str(),
            _ => None,
        }
    }

    /// The whole non-negative safe integer here, without reporting anything.
    pub fn peek_int(&self) -> Option<u64> {
        match self.slot {
            Slot::Here(v) => read_int(v).ok(),
            _ => None,
        }
    }

    /// The number here (any number), without reporting anything.
    pub fn peek_number(&self) -> Option<f64> {
        match self.slot {
            Slot::Here(v) => Tree::as_f64(v),
            _ => None,
        }
    }

    /// The raw node (crate plumbing such as the depth walk; rules read through the cursor).
    pub(crate) fn node(&self) -> Option<&'a Node<'a>> {
        match self.slot {
            Slot::Here(v) => Some(v),
            _ => None,
        }
    }

    /// Reports `invalid_type` (with `msg`) here once and marks the subtree.
    pub fn invalid_type(self, msg: Msg) {
        self.type_issue(msg);
    }

    fn type_issue(self, default: Msg) {
        if self.fresh() {
            let msg = self.type_msg.unwrap_or(default);
            let path = self.path_string();
            self.ctx.add(path, Code::InvalidType, msg);
        }
        let marked = Path(self.path().to_vec());
        self.ctx.marked.push(marked);
    }

    fn expect(self, kind: Kind, default: Msg) -> Option<Self> {
        match self.slot {
            Slot::Here(v) if v.kind() == kind => Some(self),
            Slot::Here(_) => {
                self.type_issue(default);
                None
            }
            _ => None,
        }
    }

    /// The string here; another type is `invalid_type` (reported once).
    pub fn string(self) -> Option<&'a str> {
        let at = self.expect(Kind::String, Msg::MustBeString)?;
        at.peek_str()
    }

    /// The boolean here; another type is `invalid_type`.
    pub fn bool(self) -> Option<bool> {
        let at = self.expect(Kind::Bool, Msg::MustBeBool)?;
        at.node().and_then(Tree::bool)
    }

    /// The object here (the cursor itself); another type is `invalid_type`.
    pub fn object(self) -> Option<Self> {
        self.expect(Kind::Object, Msg::MustBeObject)
    }

    /// The array here (the cursor itself); another type is `invalid_type`.
    pub fn array(self) -> Option<Self> {
        self.expect(Kind::Array, Msg::MustBeArray)
    }

    /// The number here, as a whole, non-negative, JS-safe integer; anything else is reported
    /// (`invalid_type` for a non-number, `out_of_range` / `invalid_value` for other numbers).
    pub fn int(self) -> Option<u64> {
        let v = self.node()?;
        match read_int(v) {
            Ok(n) => Some(n),
            Err((Code::InvalidType, msg)) => {
                self.type_issue(msg);
                None
            }
            Err((code, msg)) => {
                let path = self.path_string();
                self.ctx.add(path, code, msg);
                None
            }
        }
    }

    /// Calls `f` with a cursor at each item of this array (nothing when not an array).
    #[inline]
    pub fn each(self, mut f: impl FnMut(At<'_, 'a>)) {
        self.each_dyn(&mut f);
    }

    fn each_dyn(self, f: &mut dyn FnMut(At<'_, 'a>)) {
        let Slot::Here(v) = self.slot else { return };
        for i in 0..v.len() {
            let slot = v.index(i).map_or(Slot::Absent, Slot::Here);
            let depth = At::step(self.ctx, self.depth, Seg::Index(i));
            f(At::new(&mut *self.ctx, depth, slot));
        }
    }

    /// Calls `f` with each key of this object and a cursor at its value.
    #[inline]
    pub fn each_entry(self, mut f: impl FnMut(&'a str, At<'_, 'a>)) {
        self.each_entry_dyn(&mut f);
    }

    fn each_entry_dyn(self, f: &mut dyn FnMut(&'a str, At<'_, 'a>)) {
        let Slot::Here(v) = self.slot else { return };
        for (key, value) in v.entries() {
            let depth = At::step(self.ctx, self.depth, Seg::Key(key));
            let slot = if Tree::is_null(value) {
                Slot::Absent
            } else {
                Slot::Here(value)
            };
            f(key, At::new(&mut *self.ctx, depth, slot));
        }
    }

    /// Reports `required` (with `msg`) when the value is missing and nothing is reported here.
    pub fn required(self, msg: Msg) -> Self {
        self.required_issue(msg, None, Severity::Error)
    }

    /// Reports `required` (with `msg`) when the key is absent or null (`""` is a value that
    /// the rules after this judge) and nothing is reported here.
    pub fn required_key(self, msg: Msg) -> Self {
        if matches!(self.slot, Slot::Absent) && self.fresh() {
            let path = self.path_string();
            self.ctx.add(path, Code::Required, msg);
        }
        self
    }

    /// [`At::required`] with a message argument.
    pub fn required_arg(self, msg: Msg, arg: &str) -> Self {
        self.required_issue(msg, Some(arg), Severity::Error)
    }

    /// [`At::required`] at warning severity (the PG defaults the value; docs/RULES.md §0).
    pub fn required_warn(self, msg: Msg) -> Self {
        self.required_issue(msg, None, Severity::Warning)
    }

    fn required_issue(self, msg: Msg, arg: Option<&str>, severity: Severity) -> Self {
        if self.missing() && self.fresh() {
            let mut issue = Issue::new(self.path_string(), Code::Required, msg);
            issue = issue.severity(severity);
            if let Some(arg) = arg {
                issue = issue.arg(arg);
            }
            self.ctx.push(issue);
        }
        self
    }

    /// The string here when it is one of `allowed`; another string is `invalid_value` with
    /// `msg`, or with "must be one of …" when `msg` is `None`.
    pub fn one_of(self, allowed: &[&str], msg: Option<Msg>) -> Option<&'a str> {
        let (s, ctx, depth) = self.string_and_ctx()?;
        if allowed.contains(&s) {
            return Some(s);
        }
        let path = Segs(&ctx.stack[..depth]).render();
        match msg {
            Some(msg) => ctx.add(path, Code::InvalidValue, msg),
            None => ctx.add_arg(
                path,
                Code::InvalidValue,
                Msg::BadEnum,
                super::format::join(allowed, ", "),
            ),
        }
        None
    }

    /// The string here, the context and the depth (the path is rendered only for an issue).
    fn string_and_ctx(self) -> Option<(&'a str, &'c mut Ctx<'a>, usize)> {
        let at = self.expect(Kind::String, Msg::MustBeString)?;
        let s = at.peek_str()?;
        Some((s, at.ctx, at.depth))
    }

    /// The string here when it passes `ok`; another string is `invalid_value` with `msg`.
    pub fn check_str(self, ok: impl FnOnce(&str) -> bool, msg: Msg) -> Option<&'a str> {
        let (s, ctx, depth) = self.string_and_ctx()?;
        if ok(s) {
            Some(s)
        } else {
            let path = Segs(&ctx.stack[..depth]).render();
            ctx.add(path, Code::InvalidValue, msg);
            None
        }
    }

    /// An absolute http(s) URL (`invalid_value` with `msg` otherwise).
    pub fn http_url(self, msg: Msg) -> Option<&'a str> {
        self.check_str(super::format::is_http_url, msg)
    }

    /// Digits only; `""` passes (`invalid_value` "digits only" otherwise).
    pub fn digits(self) -> Option<&'a str> {
        self.check_str(
            |s| s.is_empty() || super::format::is_digits(s),
            Msg::DigitsOnly,
        )
    }

    /// At most `max` characters (`too_long` otherwise).
    pub fn max_chars(self, max: usize) -> Option<&'a str> {
        let (s, ctx, depth) = self.string_and_ctx()?;
        if s.chars().nth(max).is_some() {
            let path = Segs(&ctx.stack[..depth]).render();
            let mut limit = String::new();
            crate::wire::push_u64(&mut limit, max as u64);
            ctx.add_arg(path, Code::TooLong, Msg::TooLongChars, limit);
            return None;
        }
        Some(s)
    }

    /// Warns `unknown_field` for each key not in `known`, with a "did you mean" when one of
    /// them is close (docs/RULES.md §1.2).
    pub fn known_keys(self, known: &[&str]) {
        let Slot::Here(v) = self.slot else { return };
        if v.kind() != Kind::Object {
            return;
        }
        for (key, _) in v.entries() {
            if known.contains(&key) {
                continue;
            }
            let depth = At::step(self.ctx, self.depth, Seg::Key(key));
            let path = Segs(&self.ctx.stack[..depth]).render();
            match super::format::closest(key, known.iter().copied()) {
                Some(real) => self.ctx.add_arg(
                    path,
                    Code::UnknownField,
                    Msg::UnknownNestedKeyDidYouMean,
                    real,
                ),
                None => self
                    .ctx
                    .add(path, Code::UnknownField, Msg::UnknownNestedKey),
            }
        }
    }

    /// Adds an issue at this path.
    pub fn add(self, code: Code, msg: Msg) {
        let path = self.path_string();
        self.ctx.add(path, code, msg);
    }

    /// Adds an issue at this path whose message shows `arg`.
    pub fn add_arg(self, code: Code, msg: Msg, arg: impl Into<String>) {
        let path = self.path_string();
        self.ctx.add_arg(path, code, msg, arg);
    }

    /// Adds an issue at this path unless one is there already.
    pub fn add_new(self, code: Code, msg: Msg) {
        if self.fresh() {
            self.add(code, msg);
        }
    }

    /// [`At::add_new`] with a message argument.
    pub fn add_new_arg(self, code: Code, msg: Msg, arg: impl Into<String>) {
        if self.fresh() {
            self.add_arg(code, msg, arg);
        }
    }

    /// Adds `issue` re-pathed here.
    pub fn push(self, mut issue: Issue) {
        issue.path = self.path_string();
        self.ctx.push(issue);
    }
}

/// Reads a number as a whole, non-negative, JS-safe integer; the error is the code and message.
pub(crate) fn read_int(v: &Node<'_>) -> Result<u64, (Code, Msg)> {
    if v.kind() != Kind::Number {
        return Err((Code::InvalidType, Msg::MustBeNumber));
    }
    if let Some(u) = Tree::as_u64(v) {
        return if u > MAX_SAFE {
            Err((Code::OutOfRange, Msg::UnsafeInteger))
        } else {
            Ok(u)
        };
    }
    if Tree::as_i64(v).is_some() {
        return Err((Code::OutOfRange, Msg::NegativeAmount));
    }
    let f = Tree::as_f64(v).unwrap_or(f64::NAN);
    if f < 0.0 {
        Err((Code::OutOfRange, Msg::NegativeAmount))
    } else if !f.is_finite() {
        Err((Code::InvalidValue, Msg::NotFinite))
    } else if f.fract() != 0.0 {
        Err((Code::InvalidValue, Msg::MustBeInteger))
    } else if f > MAX_SAFE as f64 {
        Err((Code::OutOfRange, Msg::UnsafeInteger))
    } else {
        // A whole, non-negative f64 below 2^53 converts exactly.
        Ok(f as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_render_and_nest() {
        let p = Path::default()
            .child(Seg::Key("card"))
            .child(Seg::Key("detail"))
            .child(Seg::Index(2))
            .child(Seg::Key("max_month"));
        assert_eq!(p.to_string(), "card.detail[2].max_month");
        assert!(p.is("card.detail[2].max_month"));
        for other in [
            "card.detail[2]",
            "card.detail[02].max_month",
            "card.detail.2.max_month",
            "card.detail[2].max_monthx",
            "",
        ] {
            assert!(!p.is(other), "{other}");
        }
        let mut q = p.clone();
        q.pop();
        assert_eq!(q.to_string(), "card.detail[2]");
        assert!(p.starts_with(&q) && !q.starts_with(&p));
        assert!(within("card.detail[2]", "card.detail"));
        assert!(within("card.detail", "card.detail"));
        assert!(within("card.direct.code", "card"));
        assert!(!within("cardx", "card"));
    }

    #[test]
    fn a_type_issue_is_reported_once_and_blocks_the_subtree() {
        let v = json!({"bypass": {"ksnet": "x"}});
        let opts = CheckOptions::default();
        let v = crate::rules::tree::Doc::from_value(&v);
        let mut ctx = Ctx::new(&v, &opts, Report::new());
        assert!(ctx.at(["bypass", "ksnet"]).object().is_none());
        assert!(ctx.at(["bypass", "ksnet"]).object().is_none());
        assert_eq!(ctx.at(["bypass", "ksnet", "tcode"]).string(), None);
        assert!(!ctx.at(["bypass", "ksnet", "tcode"]).missing());
        assert_eq!(
            ctx.report.pairs(),
            vec![("bypass.ksnet".to_string(), "invalid_type")]
        );
    }

    #[test]
    fn required_and_one_of() {
        let v = json!({"a": "", "b": "Q", "c": 3});
        let opts = CheckOptions::default();
        let v = crate::rules::tree::Doc::from_value(&v);
        let mut ctx = Ctx::new(&v, &opts, Report::new());
        ctx.at(["a"]).required(Msg::Required);
        ctx.at(["z", "y"]).required(Msg::Required);
        assert_eq!(ctx.at(["b"]).one_of(&["Y", "N"], None), None);
        assert_eq!(ctx.at(["c"]).one_of(&["Y", "N"], None), None);
        ctx.at(["c"]).required(Msg::Required); // has a type issue: nothing more
        assert_eq!(
            ctx.report.pairs(),
            vec![
                ("a".to_string(), "required"),
                ("b".to_string(), "invalid_value"),
                ("c".to_string(), "invalid_type"),
                ("z.y".to_string(), "required"),
            ]
        );
    }
}
