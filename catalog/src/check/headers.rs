//! Response headers of statuses and errors (RFC 9110 names and values).

use super::*;

// Response headers pass the per-header rules below; the valid ones are kept.
pub(super) fn headers(
    cx: &mut Cx<'_>,
    file: FileId,
    raw: &OrderedMap<S<String>, S<String>>,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut seen: Vec<&S<String>> = Vec::new();
    for (name, value) in &raw.0 {
        let ok = header_name_token(cx, file, name)
            && header_not_reserved(cx, file, name)
            && header_set_once(cx, file, name, &seen);
        let ok = header_value_visible(cx, file, name, value) && ok;
        seen.push(name);
        if ok {
            out.push((name.get().clone(), value.get().clone()));
        }
    }
    out
}

/// The characters of an RFC 9110 token (section 5.6.2) besides letters and digits.
pub(super) const TCHAR_SYMBOLS: &str = "!#$%&'*+-.^_`|~";

// A header name is an RFC 9110 token: letters, digits and ``!#$%&'*+-.^_`|~``.
pub(super) fn header_name_token(cx: &mut Cx<'_>, file: FileId, name: &S<String>) -> bool {
    let n = name.get();
    if !n.is_empty()
        && n.chars()
            .all(|c| c.is_ascii_alphanumeric() || TCHAR_SYMBOLS.contains(c))
    {
        return true;
    }
    let label = if n.is_empty() {
        "an empty name".to_owned()
    } else {
        let bad: String = n
            .chars()
            .filter(|c| !c.is_ascii_alphanumeric() && !TCHAR_SYMBOLS.contains(*c))
            .take(1)
            .collect();
        format!("{bad:?} is not allowed in a header name")
    };
    cx.push(
        Diagnostic::new("invalid-header", format!("{n:?} is not a valid header name"))
            .at(span(file, name), label)
            .help("header names are HTTP tokens (RFC 9110, section 5.6.2): letters, digits and ``!#$%&'*+-.^_`|~``, such as `WWW-Authenticate`"),
    );
    false
}

// A header value is visible ASCII, spaces and tabs: no line breaks, other control
// characters or non-ASCII text (RFC 9110, section 5.5).
pub(super) fn header_value_visible(
    cx: &mut Cx<'_>,
    file: FileId,
    name: &S<String>,
    value: &S<String>,
) -> bool {
    let Some(bad) = value
        .get()
        .chars()
        .find(|c| !(matches!(c, ' ' | '\t') || c.is_ascii_graphic()))
    else {
        return true;
    };
    let what = if bad.is_ascii_control() {
        "a control character"
    } else {
        "a non-ASCII character"
    };
    cx.push(
        Diagnostic::new(
            "invalid-header",
            format!("the value of header `{}` holds {what} ({bad:?})", name.get().escape_debug()),
        )
        .at(span(file, value), format!("{bad:?} is not allowed in a header value"))
        .help("header values are visible ASCII characters, spaces and tabs (RFC 9110, section 5.5); percent-encode other text"),
    );
    false
}

// A header errcat sets itself (`Content-Type`, `Content-Length`, `Retry-After`) is not
// declared by hand.
pub(super) fn header_not_reserved(cx: &mut Cx<'_>, file: FileId, name: &S<String>) -> bool {
    let n = name.get();
    let help = if n.eq_ignore_ascii_case("content-type") {
        "the content type comes from the body: set `[body] content_type`"
    } else if n.eq_ignore_ascii_case("content-length") {
        "the content length is set from the response body; remove this header"
    } else if n.eq_ignore_ascii_case("retry-after") {
        "`Retry-After` comes from the error's `retry_after = SECONDS`; set that instead"
    } else {
        return true;
    };
    cx.push(
        Diagnostic::new("reserved-header", format!("errcat sets `{n}` itself"))
            .at(span(file, name), "a header errcat sets")
            .help(help),
    );
    false
}

// A header is set once per table (names are case-insensitive).
pub(super) fn header_set_once(
    cx: &mut Cx<'_>,
    file: FileId,
    name: &S<String>,
    seen: &[&S<String>],
) -> bool {
    let Some(first) = seen
        .iter()
        .find(|s| s.get().eq_ignore_ascii_case(name.get()))
    else {
        return true;
    };
    cx.push(
        Diagnostic::new(
            "invalid-header",
            format!("header `{}` is set twice", name.get()),
        )
        .at(span(file, name), "set again here")
        .also(span(file, first), "first set here")
        .help("header names are case-insensitive; keep one of them"),
    );
    false
}
