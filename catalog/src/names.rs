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

/// Whether `s` is snake_case as rustc's `non_snake_case` lint defines it, which field
/// names (Rust struct fields) must be: [`is_snake_case`] without `__` (`user__id`).
pub fn is_rust_snake_case(s: &str) -> bool {
    is_snake_case(s) && !s.contains("__")
}

/// Whether `s` is UpperCamelCase as rustc's `non_camel_case_types` lint defines it (what
/// the enum names must be): after trimming `_` at both ends, it does not start with a
/// lowercase letter, has no `__`, and no `_` next to a letter.
pub fn is_upper_camel_case(s: &str) -> bool {
    let name = s.trim_matches('_');
    let b = name.as_bytes();
    !b.first().is_some_and(u8::is_ascii_lowercase)
        && !name.contains("__")
        && !b.windows(2).any(|w| {
            (w[0].is_ascii_alphabetic() && w[1] == b'_')
                || (w[1].is_ascii_alphabetic() && w[0] == b'_')
        })
}

/// Rust's primitive types, which the generated code names unqualified (`impl From<ApiStatus>
/// for u16`): an enum with one of these names would shadow it.
pub const PRIMITIVES: &[&str] = &[
    "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64",
    "i128", "isize", "f16", "f32", "f64", "f128",
];

/// The associated items the generated Rust defines on the status enum, besides its
/// variants (a variant of the same name would clash with them). `codegen`'s tests parse
/// the generated code and check that this list is complete.
pub const STATUS_ENUM_ITEMS: &[&str] = &[
    "ALL",
    "__ERRCAT_META",
    "code",
    "meta",
    "reason",
    "description",
    "class",
    "attribute",
    "from_code",
];

/// The associated items the generated Rust (and the derive) defines on the error enum,
/// besides its variants, with every integration on. `codegen`'s tests parse the generated
/// code and check that this list is complete.
pub const ERROR_ENUM_ITEMS: &[&str] = &[
    "ERRORS",
    "CONTENT_TYPE",
    "__ERRCAT_TABLE",
    "__ERRCAT_STATUS_META",
    "meta",
    "status",
    "code",
    "title",
    "docs_url",
    "is_retryable",
    "retry_after",
    "attribute",
    "lookup",
    "write_body_json",
    "body_json_with",
    "body_json",
    "http_status",
    "__errcat_index",
    "__errcat_args",
    "from_response",
    "__errcat_from_args",
    "__errcat_build",
    "wire",
    "log",
];

/// Type names the generated code uses for its own helpers, in the scope of the enums.
pub const HELPER_TYPES: &[&str] = &["__ErrcatNode"];

/// Why `name` cannot name a generated enum, if it cannot: it is a primitive type, or one
/// of the generated code's own helper names (any name starting with `__errcat`, in any
/// case, is kept for them).
pub fn reserved_type_name(name: &str) -> Option<&'static str> {
    if PRIMITIVES.contains(&name) {
        Some("a primitive type, which the generated code names")
    } else if HELPER_TYPES.contains(&name) || is_internal(name) {
        Some("the name of one of errcat's generated helpers")
    } else {
        None
    }
}

/// Whether `name` starts with `__errcat` in any case: the prefix of generated helpers.
fn is_internal(name: &str) -> bool {
    name.get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case("__errcat"))
}

/// Whether a variant named `variant` would clash with an item the generated code defines
/// on the status enum (`status = true`) or the error enum.
pub fn is_generated_item(variant: &str, status: bool) -> bool {
    let items = if status {
        STATUS_ENUM_ITEMS
    } else {
        ERROR_ENUM_ITEMS
    };
    items.contains(&variant) || is_internal(variant)
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
/// `ImATeapot`; codes whose reason gives no identifier get `Status{code}`, and so do
/// reasons that give `Status{n}` for another code (`reason = "Status 400"` on 402), which
/// keeps every `Status{code}` name free for its own code (see [`status_variants`]).
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
    let fallback = format!("Status{code}");
    if !is_ident(&out)
        || is_keyword(&out)
        || is_generated_item(&out, true)
        || (out != fallback
            && out
                .strip_prefix("Status")
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
    {
        out = fallback;
    }
    out
}

/// The variant names of statuses, from `(code, reason)` with distinct codes: each
/// [`status_variant`], except that statuses whose names are the same all get
/// `Status{code}`. The names are distinct: a reason-derived name is never `Status{n}` for
/// another status's `n`, and two statuses never keep the same reason-derived name.
pub fn status_variants(statuses: &[(u16, &str)]) -> Vec<String> {
    let mut names: Vec<String> = statuses
        .iter()
        .map(|(code, reason)| status_variant(*code, reason))
        .collect();
    let mut count: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for n in &names {
        *count.entry(n.clone()).or_default() += 1;
    }
    for (n, (code, _)) in names.iter_mut().zip(statuses) {
        if count[n.as_str()] > 1 {
            *n = format!("Status{code}");
        }
    }
    names
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
    fn status_variant_names() {
        assert_eq!(status_variant(404, "Not Found"), "NotFound");
        assert_eq!(status_variant(418, "I'm a teapot"), "ImATeapot");
        assert_eq!(status_variant(306, "(Unused)"), "Unused");
        assert_eq!(status_variant(414, "URI Too Long"), "UriTooLong");
        assert_eq!(
            status_variant(505, "HTTP Version Not Supported"),
            "HttpVersionNotSupported"
        );
        assert_eq!(status_variant(299, "!!"), "Status299");
        assert_eq!(status_variant(499, "aLL"), "Status499");
        assert_eq!(status_variant(402, "Status 400"), "Status402");
        assert_eq!(status_variant(400, "Status 400"), "Status400");
        assert_eq!(status_variant(400, "Status 400 Bad"), "Status400Bad");
    }

    #[test]
    fn status_variants_never_collide() {
        let got = status_variants(&[(400, "Dup"), (401, "Dup"), (402, "Status 400"), (403, "Ok")]);
        assert_eq!(got, ["Status400", "Status401", "Status402", "Ok"]);
        let got = status_variants(&[(400, "Status 401"), (401, "Bad")]);
        assert_eq!(got, ["Status400", "Bad"]);
    }

    #[test]
    fn rustc_style() {
        assert!(!is_rust_snake_case("user__id"));
        assert!(is_rust_snake_case("user_id_"));
        assert!(is_upper_camel_case("ApiError"));
        assert!(is_upper_camel_case("__ErrcatNode"));
        assert!(is_upper_camel_case("E1"));
        assert!(!is_upper_camel_case("apiError"));
        assert!(!is_upper_camel_case("Api_Error"));
        assert!(!is_upper_camel_case("Api__1"));
        assert!(reserved_type_name("u16").is_some());
        assert!(reserved_type_name("__ErrcatNode").is_some());
        assert!(reserved_type_name("__ERRCAT_X").is_some());
        assert!(reserved_type_name("ApiError").is_none());
        assert!(is_generated_item("ERRORS", false));
        assert!(is_generated_item("ALL", true));
        assert!(!is_generated_item("ALL", false));
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
