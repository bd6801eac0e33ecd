//! Causes kept on the server (`cause`, `from`).

use super::*;

/// The cause an error carries on the server (`cause`, `from`), checked by the rules below.
pub(super) fn cause(
    cx: &mut Cx<'_>,
    file: FileId,
    e: &raw::Error,
    fields: &[FieldDef],
) -> Option<CauseDef> {
    let asked = e.cause.as_ref().filter(|c| *c.get());
    let first_from = e.from.first();
    if let (Some(flag), Some(first)) = (e.cause.as_ref().filter(|c| !*c.get()), first_from) {
        cx.push(
            Diagnostic::new(
                "conflicting-cause",
                "`from` is set on an error declared without a cause",
            )
            .at(
                span(file, first),
                "converts a library error into this error's cause",
            )
            .also(span(file, flag), "but the error carries no cause")
            .help("remove `cause = false` (`from` implies a cause) or remove `from`"),
        );
        return None;
    }
    let at = match (asked, first_from) {
        (Some(flag), _) => span(file, flag),
        (None, Some(first)) => span(file, first),
        (None, None) => return None,
    };
    let mut ok = cause_field_free(cx, fields, at);
    let mut from = Vec::with_capacity(e.from.len());
    for ty in &e.from {
        if from_type_is_path(cx, file, ty) {
            from.push(sp(file, ty));
        } else {
            ok = false;
        }
    }
    if let Some(first) = first_from {
        ok = from_without_fields(cx, file, fields, first) && ok;
    }
    ok.then_some(CauseDef { span: at, from })
}

// An error with a cause has no field named `cause`: that is the name of the generated
// variant's cause field.
pub(super) fn cause_field_free(cx: &mut Cx<'_>, fields: &[FieldDef], at: Span) -> bool {
    let Some(f) = fields.iter().find(|f| f.name.as_str() == "cause") else {
        return true;
    };
    cx.push(
        Diagnostic::new(
            "cause-field-collision",
            "an error with a cause declares a field named `cause`",
        )
        .at(f.name.span, "a field named `cause`")
        .also(
            at,
            "the error carries a cause, held in the generated field `cause`",
        )
        .help("rename the field (its placeholder in the message too)"),
    );
    false
}

// `from` converts into errors without fields only: a conversion has no values for them.
pub(super) fn from_without_fields(
    cx: &mut Cx<'_>,
    file: FileId,
    fields: &[FieldDef],
    first: &S<String>,
) -> bool {
    let Some(f) = fields.first() else {
        return true;
    };
    cx.push(
        Diagnostic::new(
            "from-with-fields",
            "`from` is set on an error with fields",
        )
        .at(span(file, first), "a conversion gives no value for the fields")
        .also(f.name.span, "a field of the error")
        .help("move `from` to an error without fields, or set `cause = true` and build the error with its fields and cause in code"),
    );
    false
}

/// Whether `s` is a Rust path to a type without generic arguments: identifiers separated
/// by `::`, optionally after a leading `::`; keywords only as a first `crate`, `self`,
/// `super` or `Self`, and not alone.
pub(crate) fn is_type_path(s: &str) -> bool {
    let rest = s.strip_prefix("::").unwrap_or(s);
    let segments: Vec<&str> = rest.split("::").collect();
    let leading = rest.len() != s.len();
    segments.iter().enumerate().all(|(i, seg)| {
        names::is_ident(seg)
            && (!names::is_keyword(seg)
                || (i == 0
                    && !leading
                    && segments.len() > 1
                    && matches!(*seg, "crate" | "self" | "super" | "Self")))
    })
}

// Each `from` entry is a Rust path to a type, without generic arguments.
pub(super) fn from_type_is_path(cx: &mut Cx<'_>, file: FileId, ty: &S<String>) -> bool {
    let t = ty.get();
    if is_type_path(t) {
        return true;
    }
    let label = if t.trim().is_empty() {
        "an empty path".to_owned()
    } else if t.contains(['<', '>']) {
        "generic arguments are not supported".to_owned()
    } else if t.contains(char::is_whitespace) {
        "whitespace in a path".to_owned()
    } else if let Some(k) = t
        .split("::")
        .find(|seg| names::is_keyword(seg) && !matches!(*seg, "crate" | "self" | "super" | "Self"))
    {
        format!("`{k}` is a Rust keyword")
    } else {
        "not a path such as `std::io::Error`".to_owned()
    };
    cx.push(
        Diagnostic::new(
            "invalid-from-type",
            format!("{t:?} is not a Rust path to an error type"),
        )
        .at(span(file, ty), label)
        .help("write the type's path as Rust code names it, such as `std::io::Error` or `crate::store::StoreError` (for a generic type, name a type alias)"),
    );
    false
}

// A library error type converts into one error only: `?` cannot choose between two.
pub(super) fn from_types_unique(cx: &mut Cx<'_>, errors: &[ErrorDef]) {
    let mut seen: HashMap<&str, (&Sp<String>, &str)> = HashMap::new();
    for e in errors {
        for ty in e.cause.iter().flat_map(|c| &c.from) {
            let key = ty.as_str().strip_prefix("::").unwrap_or(ty.as_str());
            match seen.get(key) {
                None => {
                    seen.insert(key, (ty, e.code.as_str()));
                }
                Some((first, code)) => {
                    let other = if *code == e.code.as_str() {
                        "listed again".to_owned()
                    } else {
                        format!("also converted into `{}`", e.code.as_str())
                    };
                    cx.push(
                        Diagnostic::new(
                            "duplicate-from",
                            format!("`{}` is converted into two errors", ty.as_str()),
                        )
                        .at(ty.span, other)
                        .also(first.span, format!("first converted into `{code}`"))
                        .help("list each library error type in the `from` of one error"),
                    );
                }
            }
        }
    }
}
