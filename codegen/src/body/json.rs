//! Pretty JSON text written straight into a `String`, byte for byte what
//! `serde_json::to_string_pretty` writes (two-space indent, `": "`, serde_json's string
//! escapes, numbers as `serde_json::Number` displays them), without its `io::Write` layer,
//! and for templates without building the `Value` first.
//!
//! The tests below compare both writers with serde_json on every example catalog, on
//! synthetic ones and on generated strings.

use super::text_of_var;
use errcat_catalog::{Scalar, Template, TextPiece, Var, VarValue};
use serde_json::{Number, Value};
use std::fmt::Write as _;

/// `s` as a JSON string, quoted: `"` and `\` backslash-escaped, `\b \t \n \f \r`, the other
/// control characters as `\u00xx`; everything else as is (serde_json's escapes).
pub(crate) fn push_str(out: &mut String, s: &str) {
    out.push('"');
    push_str_contents(out, s);
    out.push('"');
}

/// [`push_str`] without the quotes: the same function as `errcat::__private::escape_into`,
/// with which the generated code writes bodies at run time (the test below compares them).
/// A copy rather than a call: `errcat` depends on errcat-codegen through its macros, so a
/// dependency back on `errcat` would be a package cycle.
#[inline]
pub(crate) fn push_str_contents(out: &mut String, s: &str) {
    match first_escaped(s.as_bytes()) {
        None => out.push_str(s),
        Some(at) => push_escaped(out, s, at),
    }
}

/// [`push_str_contents`] of a string whose first byte to escape is at `at`.
#[inline(never)]
fn push_escaped(out: &mut String, s: &str, mut at: usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut start = 0;
    loop {
        let i = start + at;
        let b = s.as_bytes()[i];
        // `b` is ASCII: `i` and `i + 1` are character boundaries.
        out.push_str(&s[start..i]);
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            _ => "",
        };
        if short.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        } else {
            out.push_str(short);
        }
        start = i + 1;
        match first_escaped(&s.as_bytes()[start..]) {
            Some(next) => at = next,
            None => break,
        }
    }
    out.push_str(&s[start..]);
}

/// Whether a byte is escaped in a JSON string: below 0x20, `"` or `\`.
fn is_escaped(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The index of the first byte of `bytes` [`is_escaped`]. Whole strings are looked at
/// sixteen bytes at a time (the last sixteen overlapping the ones before), a string of 8 to
/// 15 bytes as two overlapping words, a shorter one byte by byte; from the first block
/// that holds such a byte, byte by byte.
#[inline]
fn first_escaped(bytes: &[u8]) -> Option<usize> {
    let len = bytes.len();
    let word = |at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map(u64::from_le_bytes)
    };
    let block = |at: usize| {
        bytes
            .get(at..at + 16)
            .and_then(|b| <&[u8; 16]>::try_from(b).ok())
    };
    let mut at = 0;
    if len >= 16 {
        loop {
            if at + 16 > len {
                if block(len - 16).is_some_and(|b| !any_escaped(b)) {
                    return None;
                }
                break;
            }
            if block(at).is_none_or(any_escaped) {
                break;
            }
            at += 16;
        }
    } else if len >= 8
        && word(0).is_some_and(|w| !any_escaped_word(w))
        && word(len - 8).is_some_and(|w| !any_escaped_word(w))
    {
        return None;
    }
    bytes[at..]
        .iter()
        .position(|&b| is_escaped(b))
        .map(|i| at + i)
}

/// Whether one of sixteen bytes [`is_escaped`]: every byte is looked at, with no early
/// exit, so that the compiler does it with vector instructions.
#[inline(always)]
fn any_escaped(block: &[u8; 16]) -> bool {
    block
        .iter()
        .fold(0u8, |any, &b| any | u8::from(is_escaped(b)))
        != 0
}

/// Whether one of the eight bytes of `w` [`is_escaped`]. Subtracting `n` from each byte
/// borrows into the high bit of the lowest byte below `n` (the bytes under it borrow
/// nothing); without such a byte, a high bit set after subtracting was set in the byte
/// already, and `& !w` leaves those out (`"` and `\` are ASCII: `w ^ ..` keeps the high
/// bits of `w`). So: a byte below 0x20, or one that the `xor` makes zero.
#[inline(always)]
fn any_escaped_word(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = w.wrapping_sub(ONES * 0x20);
    let quote = (w ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES);
    let backslash = (w ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
    (below_space | quote | backslash) & !w & HIGH != 0
}

/// A line break and the indent of `level`.
#[inline(always)]
pub(crate) fn push_line(out: &mut String, level: usize) {
    const LINE: &str = concat!(
        "\n",
        "                                ",
        "                                "
    );
    match LINE.get(..1 + 2 * level) {
        Some(line) => out.push_str(line),
        None => {
            out.push('\n');
            for _ in 0..level {
                out.push_str("  ");
            }
        }
    }
}

pub(crate) fn push_number(out: &mut String, n: &Number) {
    if let Some(u) = n.as_u64() {
        push_digits(out, u, false);
    } else if let Some(i) = n.as_i64() {
        push_int(out, i);
    } else {
        // A float. Infallible: writing to a `String`.
        let _ = write!(out, "{n}");
    }
}

/// An integer, as `Display` writes it.
pub(crate) fn push_int(out: &mut String, i: i64) {
    push_digits(out, i.unsigned_abs(), i < 0);
}

fn push_digits(out: &mut String, mut u: u64, negative: bool) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        // A digit: below 10.
        digits[at] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    if negative {
        out.push('-');
    }
    // ASCII digits: always UTF-8.
    if let Ok(digits) = std::str::from_utf8(&digits[at..]) {
        out.push_str(digits);
    }
}

/// A float as JSON: `null` when not finite (as `Number::from_f64` gives it).
pub(crate) fn push_float(out: &mut String, x: f64) {
    match Number::from_f64(x) {
        Some(n) => push_number(out, &n),
        None => out.push_str("null"),
    }
}

/// Starts an array or object member at `level` (the container's level + 1).
#[inline(always)]
pub(crate) fn begin_member(out: &mut String, first: &mut bool, level: usize) {
    if !*first {
        out.push(',');
    }
    *first = false;
    push_line(out, level);
}

/// Closes an array or object at `level` opened with `open`.
pub(crate) fn end_container(out: &mut String, empty: bool, level: usize, close: char) {
    if !empty {
        push_line(out, level);
    }
    out.push(close);
}

/// `v` as pretty JSON, its first line not indented and the others indented as at `level`.
pub(crate) fn push_value(out: &mut String, v: &Value, level: usize) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => push_number(out, n),
        Value::String(s) => push_str(out, s),
        Value::Array(items) => {
            out.push('[');
            let mut first = true;
            for item in items {
                begin_member(out, &mut first, level + 1);
                push_value(out, item, level + 1);
            }
            end_container(out, first, level, ']');
        }
        Value::Object(members) => {
            out.push('{');
            let mut first = true;
            for (k, item) in members {
                begin_member(out, &mut first, level + 1);
                push_str(out, k);
                out.push_str(": ");
                push_value(out, item, level + 1);
            }
            end_container(out, first, level, '}');
        }
    }
}

/// A placeholder's value as JSON (what `super::var_json` converts it to), at `level`.
pub(crate) fn push_var(out: &mut String, v: &VarValue<'_>, level: usize) {
    match v {
        VarValue::Str(s) => push_str(out, s),
        VarValue::Int(i) => push_int(out, *i),
        VarValue::Scalar(Scalar::Str(s)) => push_str(out, s),
        VarValue::Scalar(Scalar::Int(i)) => push_int(out, *i),
        VarValue::Scalar(Scalar::Float(x)) => push_float(out, *x),
        VarValue::Scalar(Scalar::Bool(b)) => out.push_str(if *b { "true" } else { "false" }),
        VarValue::Object(members) => {
            out.push('{');
            let mut first = true;
            for (k, v) in members {
                begin_member(out, &mut first, level + 1);
                push_str(out, k);
                out.push_str(": ");
                push_var(out, &VarValue::Scalar(v), level + 1);
            }
            end_container(out, first, level, '}');
        }
    }
}

/// Whether no object of `t` has a key twice. A `Map` keeps one member per key, so a
/// template with a repeated key is rendered through a `Value` instead of [`push_template`].
pub(crate) fn keys_unique(t: &Template) -> bool {
    match t {
        Template::Object(members) => members
            .iter()
            .enumerate()
            .all(|(i, (k, v))| members[..i].iter().all(|(other, _)| other != k) && keys_unique(v)),
        Template::Array(items) => items.iter().all(keys_unique),
        _ => true,
    }
}

/// Whether a rendered member or item is present, written after `begin` when it is.
fn push_present<'v>(
    out: &mut String,
    t: &Template,
    lookup: &dyn Fn(&Var) -> Option<VarValue<'v>>,
    level: usize,
    begin: impl FnOnce(&mut String),
) {
    match t {
        Template::Var(v) => {
            if let Some(value) = lookup(v) {
                begin(out);
                push_var(out, &value, level);
            }
        }
        other => {
            begin(out);
            push_template(out, other, lookup, level);
        }
    }
}

/// The pretty JSON text of `super::render(t, lookup)` (`null` when that is `None`), for a
/// template whose keys are unique ([`keys_unique`]).
pub(crate) fn push_template<'v>(
    out: &mut String,
    t: &Template,
    lookup: &dyn Fn(&Var) -> Option<VarValue<'v>>,
    level: usize,
) {
    match t {
        Template::Var(v) => match lookup(v) {
            Some(value) => push_var(out, &value, level),
            None => out.push_str("null"),
        },
        Template::Text(pieces) => {
            out.push('"');
            for p in pieces {
                match p {
                    TextPiece::Lit(l) => push_str_contents(out, l),
                    TextPiece::Var(v) => {
                        if let Some(value) = lookup(v) {
                            push_str_contents(out, &text_of_var(&value));
                        }
                    }
                }
            }
            out.push('"');
        }
        Template::Int(i) => push_int(out, *i),
        Template::Float(x) => push_float(out, *x),
        Template::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Template::Array(items) => {
            out.push('[');
            let mut first = true;
            for item in items {
                push_present(out, item, lookup, level + 1, |out| {
                    begin_member(out, &mut first, level + 1)
                });
            }
            end_container(out, first, level, ']');
        }
        Template::Object(members) => {
            out.push('{');
            let mut first = true;
            for (k, v) in members {
                push_present(out, v, lookup, level + 1, |out| {
                    begin_member(out, &mut first, level + 1);
                    push_str(out, k);
                    out.push_str(": ");
                });
            }
            end_container(out, first, level, '}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings with every kind of character the escapes treat differently.
    fn strings() -> Vec<String> {
        let alphabet: Vec<char> = (0u8..0x80)
            .map(char::from)
            .chain(['é', '€', '😀', '\u{2028}', '\u{7f}', '\u{85}'])
            .collect();
        let mut out = vec![String::new()];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for len in 1..40 {
            for _ in 0..40 {
                let s: String = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        alphabet[(seed % alphabet.len() as u64) as usize]
                    })
                    .collect();
                out.push(s);
            }
        }
        out
    }

    #[test]
    fn strings_are_escaped_as_serde_json_and_the_runtime_do() {
        for s in strings() {
            let mut out = String::new();
            push_str(&mut out, &s);
            assert_eq!(out, serde_json::to_string(&s).unwrap(), "{s:?}");
            let mut runtime = String::from("\"");
            errcat::__private::escape_into(&mut runtime, &s);
            runtime.push('"');
            assert_eq!(out, runtime, "{s:?}");
        }
    }

    #[test]
    fn blocks_needing_an_escape_are_found() {
        for filler in [b'a', b' ', b'!', b'#', b'[', b']', 0x7f, 0x80, 0xc3, 0xff] {
            for at in 0..16 {
                for b in 0..=255u8 {
                    let mut block = [filler; 16];
                    block[at] = b;
                    block[(at + 5) % 16] = 0xe2;
                    let expected = block.iter().position(|&x| is_escaped(x));
                    assert_eq!(any_escaped(&block), expected.is_some(), "{block:?}");
                    for half in block.chunks_exact(8) {
                        let w = u64::from_le_bytes(half.try_into().unwrap());
                        assert_eq!(
                            any_escaped_word(w),
                            half.iter().any(|&x| is_escaped(x)),
                            "{half:?}"
                        );
                    }
                    // Every length and offset of a string around it.
                    for len in 0..=16 {
                        let s = &block[..len];
                        assert_eq!(
                            first_escaped(s),
                            s.iter().position(|&x| is_escaped(x)),
                            "{s:?}"
                        );
                    }
                    let mut long = [b'x'; 40];
                    long[at + 20] = b;
                    assert_eq!(
                        first_escaped(&long),
                        long.iter().position(|&x| is_escaped(x)),
                        "{long:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn values_are_written_as_serde_json_pretty_prints_them() {
        let values = [
            serde_json::json!(null),
            serde_json::json!({}),
            serde_json::json!([]),
            serde_json::json!({"a": [], "b": {}, "c": [1, -2, 1.5, 1e300, 0.1, true, null]}),
            serde_json::json!([[[]], [{}], {"x\n": "y\u{1}"}, 18446744073709551615u64]),
            serde_json::json!([
                0,
                7,
                -7,
                10,
                -10,
                404,
                i64::MIN,
                i64::MAX,
                u64::MAX,
                -0.0,
                2.5e-8
            ]),
            serde_json::json!({"nested": {"deeper": {"deepest": [1, {"k": "v"}]}}}),
            (0..40).fold(
                serde_json::json!("deep"),
                |v, i| serde_json::json!({ "level": i, "inner": [v] }),
            ),
        ];
        for v in values {
            let mut out = String::new();
            push_value(&mut out, &v, 0);
            assert_eq!(out, serde_json::to_string_pretty(&v).unwrap());
        }
    }

    #[test]
    fn repeated_keys_are_found_at_any_depth() {
        let obj = |m: Vec<(&str, Template)>| {
            Template::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
        };
        assert!(keys_unique(&obj(vec![
            ("a", Template::Int(1)),
            ("b", Template::Int(2))
        ])));
        assert!(!keys_unique(&obj(vec![
            ("a", Template::Int(1)),
            ("a", Template::Int(2))
        ])));
        assert!(!keys_unique(&Template::Array(vec![obj(vec![(
            "x",
            obj(vec![("a", Template::Int(1)), ("a", Template::Bool(true))])
        )])])));
    }
}
