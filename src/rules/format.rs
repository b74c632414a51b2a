//! Small, allocation-free format checks shared by the rules: dates, URLs, digits, suggestions.

/// A date or date-time format PortOne accepts for `vbank_due`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFormat {
    /// `YYYY-MM-DD`
    DashDate,
    /// `YYYYMMDD`
    Date8,
    /// `YYYY-MM-DD HH:mm:ss`
    DashDateTime,
    /// `YYYYMMDDHHmmss`
    DateTime14,
}

impl DateFormat {
    /// How the format is written in docs and messages.
    pub const fn pattern(self) -> &'static str {
        match self {
            DateFormat::DashDate => "YYYY-MM-DD",
            DateFormat::Date8 => "YYYYMMDD",
            DateFormat::DashDateTime => "YYYY-MM-DD HH:mm:ss",
            DateFormat::DateTime14 => "YYYYMMDDHHmmss",
        }
    }

    /// Parses `s` in this format into a sortable `(y, m, d, hh, mm, ss)`, if it is a real
    /// calendar date and time.
    pub fn parse(self, s: &str) -> Option<DateTime> {
        let b = s.as_bytes();
        let (date, time): (&[u8], Option<&[u8]>) = match self {
            DateFormat::DashDate if b.len() == 10 => (b, None),
            DateFormat::Date8 if b.len() == 8 => (b, None),
            DateFormat::DashDateTime if b.len() == 19 && b[10] == b' ' => {
                (&b[..10], Some(&b[11..]))
            }
            DateFormat::DateTime14 if b.len() == 14 => (&b[..8], Some(&b[8..])),
            _ => return None,
        };
        let (y, mo, d) = if date.len() == 10 {
            if date[4] != b'-' || date[7] != b'-' {
                return None;
            }
            (num(&date[0..4])?, num(&date[5..7])?, num(&date[8..10])?)
        } else {
            (num(&date[0..4])?, num(&date[4..6])?, num(&date[6..8])?)
        };
        if !(1..=12).contains(&mo) || d == 0 || d > days_in_month(y, mo) {
            return None;
        }
        let (h, mi, sec) = match time {
            None => (0, 0, 0),
            Some(t) if t.len() == 8 => {
                if t[2] != b':' || t[5] != b':' {
                    return None;
                }
                (num(&t[0..2])?, num(&t[3..5])?, num(&t[6..8])?)
            }
            Some(t) if t.len() == 6 => (num(&t[0..2])?, num(&t[2..4])?, num(&t[4..6])?),
            Some(_) => return None,
        };
        if h > 23 || mi > 59 || sec > 59 {
            return None;
        }
        Some((y, mo, d, h, mi, sec))
    }
}

/// `(year, month, day, hour, minute, second)`; tuples compare chronologically.
pub type DateTime = (u32, u32, u32, u32, u32, u32);

/// Parses `s` in the first of `formats` that fits.
pub fn parse_any(s: &str, formats: &[DateFormat]) -> Option<DateTime> {
    formats.iter().find_map(|f| f.parse(s))
}

fn num(digits: &[u8]) -> Option<u32> {
    let mut n: u32 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(c - b'0');
    }
    Some(n)
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// `parts` joined with `sep`: `[&str]::join` without its generic copy routine (~1 KB of wasm).
pub(crate) fn join(parts: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    out
}

/// `s.rsplit_once(delim)` for an ASCII `delim`, by byte position: the same split, without the
/// reverse char searcher (~800 B of wasm).
fn split_last(s: &str, delim: u8) -> Option<(&str, &str)> {
    let i = s.bytes().rposition(|b| b == delim)?;
    Some((s.get(..i).unwrap_or(""), s.get(i + 1..).unwrap_or("")))
}

/// Whether `s` is an absolute `http://` or `https://` URL with a host, and nothing that a
/// browser would treat as another scheme (`javascript:`, `data:`) or strip (spaces, controls).
pub fn is_http_url(s: &str) -> bool {
    // Compare bytes: slicing the str at p.len() could split a multi-byte character.
    let lower_starts = |p: &str| {
        s.as_bytes()
            .get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
    };
    // `get`, not indexing: no slice-panic path in the wasm (the prefix is ASCII, so it is Some).
    let rest = if lower_starts("https://") {
        s.get(8..).unwrap_or("")
    } else if lower_starts("http://") {
        s.get(7..).unwrap_or("")
    } else {
        return false;
    };
    // ASCII (the usual URL) by bytes: its whitespace and controls are the bytes up to ' ' and
    // DEL; other text by chars.
    let spaced = if s.is_ascii() {
        s.bytes().any(|b| b <= b' ' || b == 0x7f)
    } else {
        s.chars().any(|c| c.is_whitespace() || c.is_control())
    };
    if spaced {
        return false;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = split_last(authority, b'@').map_or(authority, |(_, h)| h);
    let host = match split_last(host, b':') {
        Some((h, port)) if !h.ends_with(']') || host.starts_with('[') => {
            if !port.is_empty() && !port.bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
            h
        }
        _ => host,
    };
    !host.is_empty() && !host.starts_with('.') && !host.contains('\\')
}

/// Whether `s` is non-empty and all ASCII digits.
pub fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Levenshtein distance, capped: returns `cap + 1` as soon as the distance exceeds `cap`.
pub fn distance(a: &str, b: &str, cap: usize) -> usize {
    let (mut ab, mut bb) = (['\0'; STACK_CHARS], ['\0'; STACK_CHARS]);
    match (fill(a.chars(), &mut ab), fill(b.chars(), &mut bb)) {
        (Some(a), Some(b)) => edit_stack(a, b, cap),
        _ => {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            edit(
                &a,
                &b,
                cap,
                &mut vec![0; b.len() + 1],
                &mut vec![0; b.len() + 1],
            )
        }
    }
}

/// Characters [`distance`] and [`closest`] compare in stack buffers (longer strings take the
/// heap): a `closest` input squashed (at most 64 characters, each at most 2 when lowercased).
const STACK_CHARS: usize = 130;

/// `chars` in `buf`, or `None` when they do not fit.
fn fill(chars: impl Iterator<Item = char>, buf: &mut [char; STACK_CHARS]) -> Option<&[char]> {
    let mut n = 0;
    for c in chars {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    Some(&buf[..n])
}

/// [`edit`] with its two rows on the stack (`b` fits in [`STACK_CHARS`]).
fn edit_stack(a: &[char], b: &[char], cap: usize) -> usize {
    let mut rows = Rows::new();
    rows.edit(a, b, cap)
}

/// Two rows for [`edit`] on the stack, reused across calls (`edit` sets what it reads).
struct Rows([usize; STACK_CHARS + 1], [usize; STACK_CHARS + 1]);

impl Rows {
    fn new() -> Self {
        Rows([0; STACK_CHARS + 1], [0; STACK_CHARS + 1])
    }

    fn edit(&mut self, a: &[char], b: &[char], cap: usize) -> usize {
        edit(a, b, cap, &mut self.0, &mut self.1)
    }
}

/// The capped Levenshtein distance of `a` and `b`; `prev` and `cur` hold `b.len() + 1`.
fn edit(a: &[char], b: &[char], cap: usize, prev: &mut [usize], cur: &mut [usize]) -> usize {
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let (mut prev, mut cur) = (prev, cur);
    for (j, p) in prev[..=b.len()].iter_mut().enumerate() {
        *p = j;
    }
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > cap {
            return cap + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The characters of [`squash`]`(s)`, without building the string.
fn squashed(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| *c != '_' && *c != '-').flat_map(|c| {
        let (first, second) = match c {
            '\u{212A}' => ('k', None),
            '\u{130}' => ('i', Some('\u{307}')),
            c => (c.to_ascii_lowercase(), None),
        };
        std::iter::once(first).chain(second)
    })
}

/// [`squashed`]`(s)` in `buf`; ASCII text (every candidate key and code, most input) takes a
/// byte loop instead of the char iterator, which was a quarter of a bad request's check.
fn fill_squashed<'b>(s: &str, buf: &'b mut [char; STACK_CHARS]) -> Option<&'b [char]> {
    if !s.is_ascii() {
        return fill(squashed(s), buf);
    }
    squash_ascii(s, buf)
}

/// `s` lowercased (ASCII), without `_` and `-`: the form [`closest`] compares.
pub(crate) fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| *c != '_' && *c != '-') {
        push_lowercase(&mut out, c);
    }
    out
}

/// Pushes `c` lowercased for [`closest`]'s comparison, the same as `char::to_lowercase` as far
/// as matching the (ASCII) keys goes, without linking Unicode's case table (~11 KB of wasm).
/// Only two non-ASCII characters lowercase to something containing ASCII: U+212A KELVIN SIGN
/// (`k`) and U+0130 (`i` + U+0307). Any other non-ASCII character never equals a key's
/// character, lowercased or not, so keeping it as it is gives the same edit distance.
pub(crate) fn push_lowercase(out: &mut String, c: char) {
    match c {
        '\u{212A}' => out.push('k'),
        '\u{130}' => out.push_str("i\u{307}"),
        c => out.push(c.to_ascii_lowercase()),
    }
}

/// The candidate `s` most likely meant: equal ignoring case, `_` and `-`, or within one edit
/// (two for inputs over 4 characters) of that form. `None` for inputs over 64 characters.
pub(crate) fn closest<'k>(s: &str, candidates: impl Iterator<Item = &'k str>) -> Option<&'k str> {
    if s.chars().count() > 64 {
        return None;
    }
    // One copy of each path, whatever the callers' iterators (a copy per caller was 2 KB of
    // wasm): the candidates come through a `dyn FnMut` (a `dyn Iterator`'s vtable links
    // `nth`, `advance_by` and the rest, another 1.5 KB).
    let mut candidates = candidates;
    let next = &mut || candidates.next();
    if s.is_ascii() {
        closest_ascii(s, next)
    } else {
        closest_chars(s, next)
    }
}

/// The candidates of [`closest`], one at a time.
type Next<'a, 'k> = &'a mut dyn FnMut() -> Option<&'k str>;

/// [`closest`] by chars (any input up to 64 characters).
fn closest_chars<'k>(s: &str, next: Next<'_, 'k>) -> Option<&'k str> {
    let mut kb = ['\0'; STACK_CHARS];
    let Some(k) = fill_squashed(s, &mut kb) else {
        return None; // unreachable: 64 characters squash to at most 128
    };
    let limit = if k.len() <= 4 { 1 } else { 2 };
    let mut best: Option<(usize, &'k str)> = None;
    let mut rb = ['\0'; STACK_CHARS];
    let mut rows = Rows::new();
    while let Some(real) = next() {
        // Only a distance below the best so far can win: cap the edit there.
        let cap = best.map_or(limit, |(bd, _)| bd.saturating_sub(1));
        let d = match fill_squashed(real, &mut rb) {
            Some(r) => rows.edit(k, r, cap),
            None => distance(&squash(s), &squash(real), 2),
        };
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, real));
        }
    }
    best.map(|(_, real)| real)
}

/// [`closest`] for ASCII `s` (at most 64 bytes): squashed into small buffers in one pass each,
/// and a candidate ruled out before any edit when its length or its letters show that it is
/// farther than the cap. A bad request's "did you mean" runs this over every pay method, key
/// or code (35 pay methods for `pay_method: "cardd"`); the edit for each candidate of a
/// fitting length was a fifth of that request's check. Gives what the char path gives: ASCII
/// lowercases to ASCII, and a non-ASCII candidate takes that path.
fn closest_ascii<'k>(s: &str, next: Next<'_, 'k>) -> Option<&'k str> {
    /// Room for a squashed `s` (64 bytes) and a candidate within 2 edits of it.
    const ROOM: usize = 66;
    let mut kb = ['\0'; ROOM];
    let k = squash_ascii(s, &mut kb)?;
    let k_letters = letters(k);
    let limit = if k.len() <= 4 { 1 } else { 2 };
    let mut best: Option<(usize, &'k str)> = None;
    let mut rb = ['\0'; ROOM];
    let (mut prev, mut cur) = ([0usize; ROOM + 1], [0usize; ROOM + 1]);
    while let Some(real) = next() {
        // Only a distance below the best so far can win: cap the edit there.
        let cap = best.map_or(limit, |(bd, _)| bd.saturating_sub(1));
        // A candidate squashes to at most as many chars as it has bytes.
        if real.len() + cap < k.len() {
            continue;
        }
        let d = match squash_prefix(real, &mut rb[..k.len() + cap]) {
            // Each edit adds or removes at most one letter of either side's set of letters
            // (a set of byte hashes, `letters`), so sets that differ in more than 2 × cap
            // letters are more than cap edits apart.
            Squashed::Ascii(r) if r.len() + cap < k.len() => continue,
            Squashed::Ascii(r) if (letters(r) ^ k_letters).count_ones() as usize > 2 * cap => {
                continue
            }
            Squashed::Ascii(r) => edit(k, r, cap, &mut prev, &mut cur),
            // Longer than `k` by more than the cap, whatever the rest of it is: every
            // character squashes to one or more.
            Squashed::TooLong => continue,
            Squashed::NotAscii => distance(&squash(s), &squash(real), cap),
        };
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, real));
        }
    }
    best.map(|(_, real)| real)
}

/// A set of the characters of `s` as bits (a character's low 6 bits pick its bit; two that
/// share a bit only make [`closest_ascii`]'s bound weaker, never wrong).
fn letters(s: &[char]) -> u64 {
    s.iter().fold(0, |m, c| m | 1 << (u32::from(*c) & 63))
}

/// What [`squash_prefix`] found.
enum Squashed<'b> {
    /// `s` is ASCII; its squashed form.
    Ascii(&'b [char]),
    /// The squashed ASCII text before the first non-ASCII byte (if any) does not fit.
    TooLong,
    /// `s` has a non-ASCII character (and its ASCII start fits).
    NotAscii,
}

/// `s` lowercased without `_` and `-` ([`squash`]) in `buf` when it is ASCII and fits.
fn squash_prefix<'b>(s: &str, buf: &'b mut [char]) -> Squashed<'b> {
    let mut n = 0;
    for b in s.bytes() {
        if b >= 0x80 {
            return Squashed::NotAscii;
        }
        if b != b'_' && b != b'-' {
            let Some(slot) = buf.get_mut(n) else {
                return Squashed::TooLong;
            };
            *slot = char::from(b.to_ascii_lowercase());
            n += 1;
        }
    }
    Squashed::Ascii(&buf[..n])
}

/// ASCII `s` lowercased without `_` and `-` ([`squash`]) in `buf`; `None` when it does not fit.
fn squash_ascii<'b>(s: &str, buf: &'b mut [char]) -> Option<&'b [char]> {
    let mut n = 0;
    for b in s.bytes() {
        if b != b'_' && b != b'-' {
            *buf.get_mut(n)? = char::from(b.to_ascii_lowercase());
            n += 1;
        }
    }
    buf.get(..n)
}

/// The byte length of `s` in EUC-KR, or `None` when a character has no EUC-KR form.
///
/// EUC-KR (KS X 1001) holds ASCII (1 byte) and, in 2 bytes, the 2,350 precomposed Hangul
/// syllables of KS X 1001, Hangul jamo, and a set of Hanja and symbols. This check treats
/// ASCII as 1 byte and every other character of the common Korean ranges as 2 bytes;
/// Hangul syllables outside KS X 1001's 2,350 are detected with its table.
#[allow(dead_code)] // used by the Kiwoom Pay rules (rules/daou.rs)
pub fn euc_kr_len(s: &str) -> Option<usize> {
    let mut n = 0;
    for c in s.chars() {
        n += if c.is_ascii() {
            1
        } else if crate::rules::ksx1001::encodable(c) {
            2
        } else {
            return None;
        };
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_by_bytes_is_closest_by_chars() {
        let keys: Vec<&str> = crate::rules::schema::all_keys().map(|(k, _)| k).collect();
        let methods: Vec<&str> = crate::PayMethod::ALL.iter().map(|p| p.as_str()).collect();
        let mut inputs: Vec<String> = Vec::new();
        for k in keys.iter().chain(&methods) {
            inputs.push(k.to_string());
            inputs.push(k.to_uppercase());
            inputs.push(format!("{k}x"));
            inputs.push(format!("x{k}yz"));
            inputs.push(k.replace('_', "-"));
            if k.len() > 1 {
                inputs.push(k[1..].to_string());
                inputs.push(format!("{}{}", &k[..k.len() - 1], "q"));
            }
        }
        inputs.extend(
            [
                "",
                "a",
                "-",
                "__",
                "cardd",
                "Card",
                "vbnak",
                "ka",
                "kelvin",
                &"y".repeat(64),
            ]
            .map(String::from),
        );
        // Non-ASCII candidates: more bytes than squashed chars (U+212A squashes to `k`).
        let mixed = [
            "card",
            "카드",
            "tr\u{212A}ns",
            "trans",
            "\u{212A}a",
            "\u{212A}elvin",
            "\u{130}d",
        ];
        let mut n = 0;
        for input in &inputs {
            for table in [&keys[..], &methods[..], &mixed[..]] {
                let got = {
                    let mut t = table.iter().copied();
                    closest_ascii(input, &mut || t.next())
                };
                assert_eq!(
                    got,
                    {
                        let mut t = table.iter().copied();
                        closest_chars(input, &mut || t.next())
                    },
                    "{input:?}"
                );
                n += usize::from(got.is_some());
            }
        }
        assert!(
            n > inputs.len() / 3,
            "perturbed inputs find their key: {n} of {}",
            inputs.len()
        );
    }

    #[test]
    fn split_last_matches_rsplit_once() {
        for s in [
            "",
            ":",
            "a:b:c",
            "[::1]:8080",
            "user@host@x:1",
            "한국:80",
            "no-delim",
        ] {
            for d in [b':', b'@'] {
                assert_eq!(split_last(s, d), s.rsplit_once(char::from(d)), "{s:?}");
            }
        }
    }

    #[test]
    fn join_matches_slice_join() {
        for parts in [&[][..], &["a"], &["YYYYMMDD", "YYYY-MM-DD"], &["", "b", ""]] {
            assert_eq!(join(parts, ", "), parts.join(", "));
        }
        assert_eq!(join(&["bypass", "ksnet"], "."), "bypass.ksnet");
    }

    #[test]
    fn dates_must_exist() {
        assert_eq!(
            DateFormat::Date8.parse("20240229"),
            Some((2024, 2, 29, 0, 0, 0))
        );
        assert_eq!(DateFormat::Date8.parse("20230229"), None);
        assert_eq!(DateFormat::Date8.parse("20231301"), None);
        assert_eq!(DateFormat::DashDate.parse("2023-04-31"), None);
        assert_eq!(DateFormat::DashDate.parse("2023/04/30"), None);
        assert_eq!(
            DateFormat::DashDateTime.parse("2023-04-30 23:59:59"),
            Some((2023, 4, 30, 23, 59, 59))
        );
        assert_eq!(DateFormat::DashDateTime.parse("2023-04-30 24:00:00"), None);
        assert_eq!(
            DateFormat::DateTime14.parse("20230430235959"),
            Some((2023, 4, 30, 23, 59, 59))
        );
        assert_eq!(DateFormat::DateTime14.parse("202304302359"), None);
        assert_eq!(DateFormat::Date8.parse("2023０430"), None);
        assert_eq!(DateFormat::Date8.parse("+2023043"), None);
    }

    #[test]
    fn urls() {
        assert!(is_http_url("https://shop.example/pay/complete?x=1"));
        assert!(is_http_url("HTTP://localhost:8080/r"));
        assert!(is_http_url("https://[::1]:8443/r"));
        assert!(!is_http_url("javascript:alert(1)"));
        assert!(!is_http_url("//shop.example/r"));
        assert!(!is_http_url("/relative"));
        assert!(!is_http_url("https://"));
        assert!(!is_http_url("https:///path"));
        assert!(!is_http_url("https://exa mple.com"));
        assert!(!is_http_url("https://host:abc/"));
        assert!(!is_http_url("data:text/html,hi"));
        assert!(!is_http_url("ftp://host/"));
        // Found by cargo fuzz (check_json): a multi-byte character across the scheme length.
        assert!(!is_http_url("http스://x"));
        assert!(!is_http_url("ht스"));
        assert!(is_http_url("https://상점.example/완료"));
    }

    #[test]
    fn squashed_is_squash() {
        for s in [
            "Buyer_E-mail",
            "\u{212A}cp",
            "\u{130}nicis",
            "a\0b",
            "한글_키",
            "",
        ] {
            assert_eq!(squashed(s).collect::<String>(), squash(s), "{s:?}");
        }
        let long = "x".repeat(200);
        assert_eq!(distance(&long, &long, 2), 0);
        assert_eq!(distance(&long, "x", 2), 3);
    }

    #[test]
    fn distances() {
        assert_eq!(distance("buyer_tel", "buyer_tel", 2), 0);
        assert_eq!(distance("buyer_emial", "buyer_email", 2), 2);
        assert_eq!(distance("abc", "xyz123", 2), 3);
    }
}
