//! Placeholder syntax shared by messages, body templates and docs URLs: `{name}` is a
//! placeholder, `{{` and `}}` are literal braces (as in Rust's `format!`).

use std::ops::Range;

/// A piece of a parsed template string.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RawPiece {
    /// Literal text, braces unescaped.
    Lit(String),
    /// A placeholder name and its byte range (braces included) in the string.
    Name(String, Range<usize>),
}

/// A syntax error: a message and the byte range in the string.
pub(crate) struct SyntaxError {
    pub message: String,
    pub range: Range<usize>,
}

/// Splits a template string into literal text and placeholders.
pub(crate) fn parse(s: &str) -> Result<Vec<RawPiece>, SyntaxError> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let bytes = s.as_bytes();
    // The first brace at or after `from` (bytes: a brace is never part of a UTF-8 sequence).
    let brace = |from: usize| {
        bytes[from..]
            .iter()
            .position(|b| matches!(b, b'{' | b'}'))
            .map(|n| from + n)
    };
    let mut i = 0;
    while i < s.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => {
                lit.push('{');
                i += 2;
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => {
                lit.push('}');
                i += 2;
            }
            b'{' => {
                let Some(end) = brace(i + 1) else {
                    return Err(SyntaxError {
                        message: "unmatched `{`".into(),
                        range: i..i + 1,
                    });
                };
                if bytes[end] == b'{' {
                    return Err(SyntaxError {
                        message: "unmatched `{`".into(),
                        range: i..i + 1,
                    });
                }
                let name = s[i + 1..end].trim();
                if name.is_empty()
                    || !name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
                {
                    return Err(SyntaxError {
                        message: format!(
                            "`{{{}}}` is not a placeholder: a placeholder is a name such as `{{param}}`",
                            &s[i + 1..end]
                        ),
                        range: i..end + 1,
                    });
                }
                if !lit.is_empty() {
                    out.push(RawPiece::Lit(std::mem::take(&mut lit)));
                }
                out.push(RawPiece::Name(name.to_owned(), i..end + 1));
                i = end + 1;
            }
            b'}' => {
                return Err(SyntaxError {
                    message: "unmatched `}`".into(),
                    range: i..i + 1,
                });
            }
            _ => {
                let next = brace(i).unwrap_or(s.len());
                lit.push_str(&s[i..next]);
                i = next;
            }
        }
    }
    if !lit.is_empty() {
        out.push(RawPiece::Lit(lit));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_placeholders_and_escapes() {
        let p = parse("Validation failed ({param} is expected) {{x}}")
            .ok()
            .unwrap();
        assert_eq!(
            p,
            vec![
                RawPiece::Lit("Validation failed (".into()),
                RawPiece::Name("param".into(), 19..26),
                RawPiece::Lit(" is expected) {x}".into()),
            ]
        );
    }

    #[test]
    fn rejects_unmatched_braces() {
        assert_eq!(parse("a {b").err().unwrap().range, 2..3);
        assert_eq!(parse("a } b").err().unwrap().range, 2..3);
        assert_eq!(parse("a {b {c}").err().unwrap().range, 2..3);
        assert!(parse("{a b}").is_err());
        assert!(parse("{}").is_err());
    }
}
