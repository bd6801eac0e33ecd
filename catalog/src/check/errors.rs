//! Error codes, each error's entry, and its status.

use super::*;

// Each error code passes the per-code rules below before its entry is checked.
pub(super) fn errors(
    cx: &mut Cx<'_>,
    entries: &mut ErrorEntries,
    statuses: &[Status],
    attrs: &[AttributeDef],
    retired: &[Sp<String>],
    known: &Known,
) -> Vec<ErrorDef> {
    let count = entries.iter().map(|(_, e)| e.0.len()).sum();
    let mut out: Vec<ErrorDef> = Vec::with_capacity(count);
    // Codes and variants seen so far, with where: the duplicate and collision checks stay
    // linear in the number of errors (a scan of `out` made 10,000 errors take seconds), and
    // see every entry, also those whose body has a mistake.
    let mut codes: HashMap<&str, Span> = HashMap::with_capacity(count);
    let mut variants: HashMap<String, (&str, Span)> = HashMap::with_capacity(count);
    for (file, file_entries) in entries.iter_mut() {
        let file = *file;
        for (code, e) in file_entries.0.iter_mut() {
            let code: &S<String> = code;
            let at = span(file, code);
            let name = code.get().as_str();
            if !error_code_well_formed(cx, at, name)
                || !error_declared_once(cx, at, name, &mut codes)
                || !error_code_not_retired(cx, at, name, retired)
            {
                continue;
            }
            let variant = names::variant_name(name);
            if !error_variant_unique(cx, at, name, &variant, &mut variants)
                || !error_variant_not_keyword(cx, at, name, &variant)
                || !error_variant_not_generated(cx, at, name, &variant)
            {
                continue;
            }
            if let Some(def) = error(
                cx,
                file,
                code,
                e.0.get_mut(),
                variant,
                statuses,
                attrs,
                known,
            ) {
                out.push(def);
            }
        }
    }
    from_types_unique(cx, &out);
    out
}

// An error code is an ASCII letter followed by ASCII letters, digits, `_`, `-` or `.`.
pub(super) fn error_code_well_formed(cx: &mut Cx<'_>, at: Span, code: &str) -> bool {
    if names::is_error_code(code) {
        return true;
    }
    cx.push(
        Diagnostic::new("invalid-error-code", format!("`{code}` is not a valid error code"))
            .at(at, "invalid error code")
            .help("an error code starts with an ASCII letter, followed by ASCII letters, digits, `_`, `-` or `.`"),
    );
    false
}

// An error code is declared once, across the root catalog and its includes.
pub(super) fn error_declared_once<'c>(
    cx: &mut Cx<'_>,
    at: Span,
    code: &'c str,
    seen: &mut HashMap<&'c str, Span>,
) -> bool {
    let Some(first) = seen.get(code) else {
        seen.insert(code, at);
        return true;
    };
    cx.push(
        Diagnostic::new(
            "duplicate-error",
            format!("error `{code}` is declared twice"),
        )
        .at(at, "declared again here")
        .also(*first, "first declared here")
        .help("error codes are unique: rename or remove one of the two"),
    );
    false
}

// A retired error code is never used again.
pub(super) fn error_code_not_retired(
    cx: &mut Cx<'_>,
    at: Span,
    code: &str,
    retired: &[Sp<String>],
) -> bool {
    let Some(r) = retired.iter().find(|r| r.as_str() == code) else {
        return true;
    };
    cx.push(
        Diagnostic::new(
            "retired-reuse",
            format!("error code `{code}` was retired and may not be used again"),
        )
        .at(at, "reuses a retired code")
        .also(r.span, "retired here")
        .help("clients may still handle the old meaning of this code; choose a new code"),
    );
    false
}

// Two error codes never give the same Rust variant (`invalid-api-key`, `invalid_api_key`).
pub(super) fn error_variant_unique<'c>(
    cx: &mut Cx<'_>,
    at: Span,
    code: &'c str,
    variant: &str,
    seen: &mut HashMap<String, (&'c str, Span)>,
) -> bool {
    let Some((other, other_at)) = seen.get(variant) else {
        seen.insert(variant.to_owned(), (code, at));
        return true;
    };
    cx.push(
        Diagnostic::new(
            "rust-name-collision",
            format!("`{other}` and `{code}` both become the Rust variant `{variant}`"),
        )
        .at(at, format!("becomes `{variant}`"))
        .also(*other_at, format!("also becomes `{variant}`"))
        .help("rename one of the codes so that they differ in more than case or separators"),
    );
    false
}

// An error's Rust variant is not a keyword (`self` gives `Self`).
pub(super) fn error_variant_not_keyword(
    cx: &mut Cx<'_>,
    at: Span,
    code: &str,
    variant: &str,
) -> bool {
    if !names::is_keyword(variant) {
        return true;
    }
    cx.push(
        Diagnostic::new(
            "rust-keyword",
            format!("`{code}` becomes `{variant}`, a Rust keyword"),
        )
        .at(at, "not a usable variant name")
        .help("rename the error code"),
    );
    false
}

// An error's Rust variant is not the name of an item the generated code defines on the
// error enum (`eRRORS` gives `ERRORS`, which is `ApiError::ERRORS`).
pub(super) fn error_variant_not_generated(
    cx: &mut Cx<'_>,
    at: Span,
    code: &str,
    variant: &str,
) -> bool {
    if !names::is_generated_item(variant, false) {
        return true;
    }
    cx.push(
        Diagnostic::new(
            "reserved-rust-name",
            format!("`{code}` becomes `{variant}`, a name the generated error enum already uses"),
        )
        .at(at, format!("becomes the variant `{variant}`"))
        .help(format!(
            "`{variant}` is an associated item of the generated enum; rename the error code"
        )),
    );
    false
}

/// One error's entry checked and turned into its definition. Its texts (message, title,
/// description, remediation, field, field descriptions) are moved into the definition:
/// no check reads them from the entry afterwards (`replacements_exist` reads the code and
/// `deprecated`, which stay).
#[allow(clippy::too_many_arguments)]
pub(super) fn error(
    cx: &mut Cx<'_>,
    file: FileId,
    code: &S<String>,
    e: &mut raw::Error,
    variant: String,
    statuses: &[Status],
    attrs: &[AttributeDef],
    known: &Known,
) -> Option<ErrorDef> {
    let at = span(file, code);
    let status = error_status(cx, file, &e.status, statuses)?;
    for (t, what) in [
        (&e.title, "title"),
        (&e.description, "description"),
        (&e.remediation, "remediation"),
    ] {
        if let Some(t) = t {
            empty_text(cx, file, t, what);
        }
    }
    let fields = fields(cx, file, e);
    let mut used = vec![false; fields.len()];
    let (message, message_ok) = message(cx, file, e, &fields, &mut used);
    let field_pieces = e
        .field
        .as_ref()
        .map(|f| field_template(cx, file, f, e, &fields, &mut used));
    let (retryable, retry_after) = retry(cx, file, e);
    let attributes = attribute_values(cx, file, Owner::Error, at, &e.attributes, attrs);
    let headers = headers(cx, file, &e.headers);
    let mut vars = body_vars(attrs, known, &fields);
    vars.own = true;
    vars.refused
        .extend(e.fields.0.iter().map(|(n, _)| n.get().clone()));
    let body = e
        .body
        .as_ref()
        .map(|b| template(cx, file, b, &vars, TemplateKind::Body));
    let item = e
        .item
        .as_ref()
        .map(|b| template(cx, file, b, &vars, TemplateKind::Body));
    for t in body.iter().chain(item.iter()).flatten() {
        for (i, u) in used.iter_mut().enumerate() {
            *u |= template_uses(t, &Var::ErrorField(i));
        }
    }
    // An unresolved placeholder is most likely a misspelt field: not also "unused".
    let resolved = message_ok
        && field_pieces.as_ref().is_none_or(Option::is_some)
        && body.as_ref().is_none_or(Option::is_some)
        && item.as_ref().is_none_or(Option::is_some);
    if resolved {
        unused_fields(cx, span(file, &e.message), &fields, &used);
    }
    let examples = examples(cx, file, e, &fields, known);
    let field_pieces = match field_pieces {
        None => None,
        Some(p) => Some(p?),
    };
    let body = match body {
        None => None,
        Some(b) => Some(b?),
    };
    let item = match item {
        None => None,
        Some(b) => Some(b?),
    };
    let cause = cause(cx, file, e, &fields);
    let deprecated = e.deprecated.as_ref().map(|d| {
        let d = d.get();
        Deprecation {
            since: d.since.as_ref().map(|s| s.get().clone()),
            replaced_by: d.replaced_by.as_ref().map(|s| s.get().clone()),
            note: d.note.as_ref().map(|s| s.get().clone()),
        }
    });
    let message = message?;
    Some(ErrorDef {
        code: sp(file, code),
        variant,
        status,
        title: e.title.as_mut().map(|t| take(file, t)),
        message,
        description: e.description.as_mut().map(|t| take(file, t)),
        remediation: e.remediation.as_mut().map(|t| take(file, t)),
        // A literal field is kept unescaped (`{{` is `{`); one naming the error's fields as
        // written, with its pieces.
        field: e.field.as_mut().map(|t| {
            let mut f = take(file, t);
            if let Some(p) = field_pieces.as_ref().filter(|p| literal(p)) {
                f.value = p
                    .iter()
                    .map(|p| match p {
                        Piece::Lit(s) => s.as_str(),
                        Piece::Field(_) => "",
                    })
                    .collect();
            }
            f
        }),
        field_pieces: field_pieces.filter(|p| !literal(p)),
        fields,
        retryable,
        retry_after,
        deprecated,
        attributes,
        headers,
        body,
        item,
        examples,
        cause,
    })
}

// An error's status is a code the catalog declares.
pub(super) fn error_status(
    cx: &mut Cx<'_>,
    file: FileId,
    status: &S<i64>,
    statuses: &[Status],
) -> Option<Sp<u16>> {
    let at = span(file, status);
    let code = error_status_in_range(cx, at, *status.get())?;
    if cx.refused.statuses.contains(&code) {
        // Its declaration was refused, and reported.
        return None;
    }
    if !statuses.iter().any(|s| s.code == code) {
        cx.push(
            Diagnostic::new("undeclared-status", format!("status {code} is not declared by the catalog"))
                .at(at, "undeclared status")
                .help(format!("declare it: add `[statuses.{code}]` (it may stay empty when the catalog extends \"http\")")),
        );
        return None;
    }
    success_status_error(cx, at, code);
    Some(Sp::new(code, at))
}

// An error's status is an HTTP status code, 100 to 599.
pub(super) fn error_status_in_range(cx: &mut Cx<'_>, at: Span, status: i64) -> Option<u16> {
    match u16::try_from(status) {
        Ok(c) if (100..=599).contains(&c) => Some(c),
        _ => {
            cx.push(
                Diagnostic::new("status-out-of-range", format!("{status} is not an HTTP status code"))
                    .at(at, "expected a number from 100 to 599")
                    .help("HTTP status codes are three-digit numbers from 100 to 599 (RFC 9110, section 15)"),
            );
            None
        }
    }
}

// Errors are returned with 4xx and 5xx statuses (a lint).
pub(super) fn success_status_error(cx: &mut Cx<'_>, at: Span, code: u16) {
    if code < 400 {
        cx.push(
            Diagnostic::new(
                "success-status-error",
                format!("an error returned with status {code}, which is not an error status"),
            )
            .at(at, "not a 4xx or 5xx status")
            .help("clients treat 1xx, 2xx and 3xx responses as non-errors"),
        );
    }
}
