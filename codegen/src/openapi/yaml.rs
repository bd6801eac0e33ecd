//! The YAML text writer (feature `yaml`, on by default).
//!
//! A small block-style writer for a `serde_json::Value`, written so that every YAML reader
//! reads back the same document: YAML 1.2 ones (the spec OpenAPI 3.1 names) and YAML 1.1
//! ones such as PyYAML, which openapi-spec-validator and most Python tools use. A string is
//! written plain only when no resolver of either version can read it as anything but that
//! string; otherwise it is quoted. YAML 1.1 reads far more plain scalars as non-strings
//! than 1.2 does (issue #17, case 17): `y`, `n`, `yes`, `no`, `on`, `off` in any case are
//! booleans, `<<` is a merge key, `=` a value key, `~` null, `0x1`, `012`, `1_000`, `1:20`
//! (sexagesimal) integers, `1e3`, `.inf`, `.nan` floats and `2001-12-14` a date. Rather
//! than list every such form, a plain scalar must start with a letter, `_`, `$` or `/`
//! (which none of the numeric, date or indicator forms does) and not be one of the words.
//!
//! Strings are written plain, single-quoted (`'...'`, one line of printable text),
//! as a literal block (`|`, `|-`, `|+`: text over several lines), or double-quoted with
//! escapes (anything else: control characters, a byte order mark, line separators).
//! Numbers keep their JSON form, with floats given a `.` and a signed exponent
//! (`1.0e+300`), the one form YAML 1.1 reads as a float.

use serde_json::{Number, Value};
use std::fmt::Write as _;

/// YAML text of a document (feature `yaml`, on by default). Every scalar is written so that
/// YAML 1.1 readers (PyYAML) and YAML 1.2 readers read the same value.
///
/// ```
/// let doc = serde_json::json!({ "enum": ["yes", "Off", "y", "<<", "0x1", "1:20", "ok"] });
/// let yaml = errcat_codegen::openapi::to_yaml(&doc);
/// assert_eq!(
///     yaml,
///     "enum:\n- 'yes'\n- 'Off'\n- 'y'\n- '<<'\n- '0x1'\n- '1:20'\n- ok\n"
/// );
/// ```
pub fn to_yaml(doc: &Value) -> String {
    let mut out = String::new();
    match doc {
        Value::Object(map) if !map.is_empty() => write_map(&mut out, map, 0),
        Value::Array(items) if !items.is_empty() => write_seq(&mut out, items, 0),
        scalar => {
            write_inline(&mut out, scalar, 0);
            out.push('\n');
        }
    }
    out
}

fn pad(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// A mapping's entries at `indent`, the first one's indentation already written when
/// `out` does not end a line (after `- `).
fn write_map(out: &mut String, map: &serde_json::Map<String, Value>, indent: usize) {
    for (key, value) in map {
        if out.ends_with('\n') || out.is_empty() {
            pad(out, indent);
        }
        let key_text = key_scalar(key);
        // YAML limits implicit keys to 1024 characters: a longer one is explicit (`? key`).
        if key_text.chars().count() > 1000 {
            out.push_str("? ");
            out.push_str(&key_text);
            out.push('\n');
            pad(out, indent);
        } else {
            out.push_str(&key_text);
        }
        out.push(':');
        write_value_after(out, value, indent, false);
    }
}

/// A sequence's items at `indent`.
fn write_seq(out: &mut String, items: &[Value], indent: usize) {
    for item in items {
        if out.ends_with('\n') || out.is_empty() {
            pad(out, indent);
        }
        out.push('-');
        write_value_after(out, item, indent, true);
    }
}

/// The value after `key:` or `-` (without the space), at the indentation of its key.
fn write_value_after(out: &mut String, value: &Value, indent: usize, in_seq: bool) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            if in_seq {
                // `- key: value`, the other keys under the first.
                out.push(' ');
                write_map(out, map, indent + 2);
            } else {
                out.push('\n');
                write_map(out, map, indent + 2);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            if in_seq {
                out.push(' ');
                write_seq(out, items, indent + 2);
            } else {
                // serde_yaml's style: a sequence under a key at the key's indentation.
                out.push('\n');
                write_seq(out, items, indent);
            }
        }
        scalar => {
            out.push(' ');
            write_inline(out, scalar, indent + 2);
            out.push('\n');
        }
    }
}

/// A scalar (or an empty collection) on the current line; a literal block's lines at
/// `block_indent`.
fn write_inline(out: &mut String, value: &Value, block_indent: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number(n)),
        Value::String(s) => write_string(out, s, block_indent),
        Value::Array(_) => out.push_str("[]"),
        Value::Object(_) => out.push_str("{}"),
    }
}

/// A JSON number in a form YAML 1.1 and 1.2 both read as that number.
fn number(n: &Number) -> String {
    let text = n.to_string();
    if n.is_f64() {
        let (mantissa, exponent) = match text.split_once(['e', 'E']) {
            Some((m, e)) => (m, Some(e)),
            None => (text.as_str(), None),
        };
        let mut out = mantissa.to_owned();
        if !out.contains('.') {
            out.push_str(".0");
        }
        if let Some(e) = exponent {
            out.push('e');
            if !e.starts_with(['+', '-']) {
                out.push('+');
            }
            out.push_str(e);
        }
        return out;
    }
    text
}

/// Words YAML 1.1 resolves to booleans or null (compared ignoring case, a superset).
const WORDS: &[&str] = &["y", "n", "yes", "no", "true", "false", "on", "off", "null"];

/// Whether PyYAML (YAML 1.1) accepts the character in a stream at all.
fn printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{7e}' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && c != '\u{feff}'
}

/// Whether the character can stand as it is inside a one-line scalar: printable for
/// YAML 1.1, and no control character or line or paragraph separator.
fn inline_char(c: char) -> bool {
    printable(c) && !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}')
}

/// Whether `s` may be written as a plain scalar: read back as this very string by YAML 1.1
/// and 1.2 readers alike.
fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let first_ok = first.is_ascii_alphabetic()
        || matches!(first, '_' | '$' | '/')
        || (!first.is_ascii() && first.is_alphabetic());
    first_ok
        && !s.ends_with(|c: char| c.is_whitespace() || c == ':')
        && s.chars()
            .all(|c| inline_char(c) && (c == ' ' || !c.is_whitespace()))
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.contains("  ")
        && !WORDS.iter().any(|w| w.eq_ignore_ascii_case(s))
}

/// A mapping key: plain when it can be, else quoted on one line.
fn key_scalar(key: &str) -> String {
    if plain_ok(key) {
        return key.to_owned();
    }
    if key.chars().all(inline_char) {
        return single_quoted(key);
    }
    double_quoted(key)
}

fn single_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if inline_char(c) => out.push(c),
            c if (c as u32) <= 0xff => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) <= 0xffff => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// Whether a string over several lines can be a literal block scalar holding exactly it.
fn block_ok(s: &str) -> bool {
    s.contains('\n')
        && !s.starts_with([' ', '\n'])
        && s.trim_end_matches('\n').contains(|c: char| c != ' ')
        && s.chars().all(|c| c == '\n' || inline_char(c))
        && s.lines().all(|l| !l.ends_with(' '))
}

fn write_string(out: &mut String, s: &str, block_indent: usize) {
    if plain_ok(s) {
        out.push_str(s);
    } else if s.chars().all(inline_char) {
        out.push_str(&single_quoted(s));
    } else if block_ok(s) {
        let body = s.trim_end_matches('\n');
        let trailing = s.len() - body.len();
        out.push_str(match trailing {
            0 => "|-",
            1 => "|",
            _ => "|+",
        });
        for line in body.split('\n') {
            out.push('\n');
            if !line.is_empty() {
                pad(out, block_indent);
                out.push_str(line);
            }
        }
        // `|+` keeps the trailing line breaks: all but the last are empty lines.
        for _ in 1..trailing {
            out.push('\n');
        }
    } else {
        out.push_str(&double_quoted(s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Strings a YAML 1.1 or 1.2 reader would read as something else if written plain.
    pub(crate) const MISREAD: &[&str] = &[
        "y",
        "Y",
        "n",
        "N",
        "yes",
        "Yes",
        "YES",
        "no",
        "No",
        "NO",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
        "null",
        "Null",
        "NULL",
        "~",
        "",
        "<<",
        "=",
        "0x1",
        "0o17",
        "0b101",
        "012",
        "1_000",
        "1:20",
        "190:20:30.15",
        "1e3",
        "1E3",
        "-1",
        "+1",
        ".5",
        "1.",
        ".inf",
        "-.inf",
        ".NaN",
        "2001-12-14",
        "2001-12-14t21:59:43.10-05:00",
        "3.1.0",
        "- a",
        "? a",
        ": a",
        "a: b",
        "a #b",
        "#a",
        "&a",
        "*a",
        "!a",
        "|a",
        ">a",
        "'a",
        "\"a",
        "%a",
        "@a",
        "`a",
        "[a]",
        "{a}",
        ",a",
        " a",
        "a ",
        "a\tb",
        "\u{feff}a",
        "a\u{2028}b",
        "a\u{85}b",
        "line\n",
        "\n",
        "two\nlines",
        "  indented\nblock",
        "trailing \nspace",
        "\u{1b}[2J",
    ];

    #[test]
    fn every_misreadable_string_is_quoted() {
        for s in MISREAD {
            let yaml = to_yaml(&json!({ "k": s, *s: 1 }));
            assert!(!plain_ok(s), "{s:?} would be plain:\n{yaml}");
            let back: Value =
                serde_yaml_ng::from_str(&yaml).unwrap_or_else(|e| panic!("{s:?}: {e}\n{yaml}"));
            assert_eq!(back, json!({ "k": s, *s: 1 }), "{s:?}:\n{yaml}");
        }
    }

    #[test]
    fn ordinary_text_stays_plain() {
        for s in [
            "ok",
            "Bad Request",
            "$ref",
            "/errors/x",
            "Café au lait",
            "it's",
            "https://x.example/a",
        ] {
            assert!(plain_ok(s), "{s:?}");
        }
    }

    #[test]
    fn layout_follows_serde_yaml() {
        let doc = json!({
            "a": { "b": [1, { "c": "d", "e": [] }, [2, 3]], "f": {} },
            "g": "one\ntwo\n",
            "h": [ "x\ny" ],
            "m": [1.5, 1e300, -2.0e-7, 10],
        });
        assert_eq!(
            to_yaml(&doc),
            "a:\n  b:\n  - 1\n  - c: d\n    e: []\n  - - 2\n    - 3\n  f: {}\ng: |\n  one\n  two\nh:\n- |-\n  x\n  y\nm:\n- 1.5\n- 1.0e+300\n- -2.0e-7\n- 10\n"
        );
    }

    #[test]
    fn long_keys_are_explicit() {
        let key = "k".repeat(1100);
        let doc = json!({ key.clone(): "v" });
        let yaml = to_yaml(&doc);
        assert!(yaml.starts_with("? k"), "{yaml}");
        let back: Value = serde_yaml_ng::from_str(&yaml).unwrap();
        assert_eq!(back, doc);
    }
}
