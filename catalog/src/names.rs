//! Rust names derived from what the user wrote.

/// Rust's strict and reserved keywords (2024 edition), which cannot be identifiers.
pub const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "_",
];

/// Whether `s` is a Rust keyword.
pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// Whether `s` is an ASCII identifier (letter or `_` first, then letters, digits, `_`).
pub fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether `s` is a snake_case identifier (what field and attribute names must be).
pub fn is_snake_case(s: &str) -> bool {
    is_ident(s)
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && !s.contains(|c: char| c.is_ascii_uppercase())
}

/// Whether `s` is a valid error code: an ASCII letter, then letters, digits, `_`, `-`, `.`.
pub fn is_error_code(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// The UpperCamelCase variant name of a code: `invalid_api_key`, `invalid-api-key`,
/// `INVALID_API_KEY` and `invalidApiKey` all give `InvalidApiKey`.
pub fn variant_name(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    // Only ASCII letters change case, so each word is copied and changed in place; the
    // separators are ASCII, so the byte split gives character boundaries.
    let mut at = 0;
    for bytes in code
        .as_bytes()
        .split(|b| matches!(b, b'_' | b'-' | b'.' | b' '))
    {
        let word = &code[at..at + bytes.len()];
        at += bytes.len() + 1;
        let start = out.len();
        out.push_str(word);
        if !word.bytes().any(|b| b.is_ascii_lowercase()) {
            out[start..].make_ascii_lowercase();
        }
        // The first character, when it is ASCII (one byte).
        if let Some(first) = out.get_mut(start..start + 1) {
            first.make_ascii_uppercase();
        }
    }
    out
}

/// The variant name of a status reason: `Not Found` -> `NotFound`, `I'm a teapot` ->
/// `ImATeapot`; codes whose reason gives no identifier get `Status{code}`.
pub fn status_variant(code: u16, reason: &str) -> String {
    let mut out = String::new();
    for word in reason
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
    {
        let word: String = word.chars().filter(|c| *c != '\'').collect();
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            if word.chars().all(|c| !c.is_ascii_lowercase()) && word.len() > 1 {
                out.extend(chars.map(|c| c.to_ascii_lowercase()));
            } else {
                out.extend(chars);
            }
        }
    }
    if !is_ident(&out) || is_keyword(&out) {
        out = format!("Status{code}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_names() {
        assert_eq!(variant_name("invalid_api_key"), "InvalidApiKey");
        assert_eq!(variant_name("invalid-api-key"), "InvalidApiKey");
        assert_eq!(variant_name("INVALID_API_KEY"), "InvalidApiKey");
        assert_eq!(variant_name("invalidApiKey"), "InvalidApiKey");
        assert_eq!(variant_name("auth.expired"), "AuthExpired");
        // Only ASCII letters change case.
        assert_eq!(variant_name("éa__BÉ-ü"), "éaBÉü");
    }

    #[test]
    fn status_variants() {
        assert_eq!(status_variant(404, "Not Found"), "NotFound");
        assert_eq!(status_variant(418, "I'm a teapot"), "ImATeapot");
        assert_eq!(status_variant(306, "(Unused)"), "Unused");
        assert_eq!(status_variant(414, "URI Too Long"), "UriTooLong");
        assert_eq!(
            status_variant(505, "HTTP Version Not Supported"),
            "HttpVersionNotSupported"
        );
        assert_eq!(status_variant(299, "!!"), "Status299");
    }

    #[test]
    fn codes_and_idents() {
        assert!(is_error_code("invalid_api_key"));
        assert!(is_error_code("E.auth-1"));
        assert!(!is_error_code("1abc"));
        assert!(!is_error_code("ключ"));
        assert!(is_snake_case("param_1"));
        assert!(!is_snake_case("Param"));
        assert!(is_keyword("type"));
    }
}
