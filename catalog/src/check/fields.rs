//! Fields, messages and their placeholders, retry hints.

use super::*;

// Each field declaration passes the per-field rules below.
pub(super) fn fields(cx: &mut Cx<'_>, file: FileId, e: &mut raw::Error) -> Vec<FieldDef> {
    let mut out = Vec::with_capacity(e.fields.0.len());
    for (name, f) in &mut e.fields.0 {
        let at = span(file, name);
        if !field_name_snake_case(cx, at, name.get()) || !field_name_not_keyword(cx, at, name.get())
        {
            continue;
        }
        let f = f.0.get_mut();
        let Some(ty) = field_type(cx, file, &f.ty) else {
            continue;
        };
        let example = match &f.example {
            Some(v) if field_example_valid(cx, span(file, v), v.get(), ty) => ty.coerce(v.get()),
            _ => ty.default_example(name.get()),
        };
        out.push(FieldDef {
            name: sp(file, name),
            ty,
            description: f.description.as_mut().map(|d| take(file, d)),
            example,
        });
    }
    out
}

// A field name is a snake_case identifier (it becomes a Rust struct field), as rustc's
// `non_snake_case` lint defines it (no `__`).
pub(super) fn field_name_snake_case(cx: &mut Cx<'_>, at: Span, name: &str) -> bool {
    if names::is_rust_snake_case(name) {
        return true;
    }
    if names::is_snake_case(name) {
        cx.push(
            Diagnostic::new(
                "invalid-field-name",
                format!("`{name}` is not a valid field name"),
            )
            .at(at, "has `__`, which rustc's `non_snake_case` lint rejects")
            .help(format!(
                "separate the words with one `_`: `{}`",
                collapse_underscores(name)
            )),
        );
        return false;
    }
    cx.push(
        Diagnostic::new("invalid-field-name", format!("`{name}` is not a valid field name"))
            .at(at, "not a snake_case identifier")
            .help("field names become Rust struct fields: ASCII lowercase letters, digits and `_`, starting with a letter"),
    );
    false
}

/// `name` with each run of `_` made one `_`.
pub(super) fn collapse_underscores(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if !(c == '_' && out.ends_with('_')) {
            out.push(c);
        }
    }
    out
}

// A field name is not a Rust keyword.
pub(super) fn field_name_not_keyword(cx: &mut Cx<'_>, at: Span, name: &str) -> bool {
    if !names::is_keyword(name) {
        return true;
    }
    cx.push(
        Diagnostic::new("rust-keyword", format!("field `{name}` is a Rust keyword"))
            .at(at, "cannot be a Rust field name")
            .help(format!("rename it, for example to `{name}_name`")),
    );
    false
}

// A field's type is string, integer, unsigned, float or boolean.
pub(super) fn field_type(cx: &mut Cx<'_>, file: FileId, ty: &S<String>) -> Option<FieldType> {
    if let Some((_, t)) = FieldType::ALL.iter().find(|(n, _)| n == ty.get()) {
        return Some(*t);
    }
    let type_names: Vec<&str> = FieldType::ALL.iter().map(|(n, _)| *n).collect();
    let d = Diagnostic::new(
        "unknown-field-type",
        format!("unknown field type `{}`", ty.get()),
    )
    .at(
        span(file, ty),
        "expected string, integer, unsigned, float or boolean",
    );
    cx.push(match did_you_mean(ty.get(), &type_names) {
        Some(best) => d.help(format!("did you mean `{best}`?")),
        None => {
            d.help("a field is a string, integer (i64), unsigned (u64), float (f64) or boolean")
        }
    });
    None
}

// A field's example is a finite value of the field's type.
pub(super) fn field_example_valid(cx: &mut Cx<'_>, at: Span, v: &Scalar, ty: FieldType) -> bool {
    if matches!(v, Scalar::Float(x) if !x.is_finite()) {
        cx.push(
            Diagnostic::new(
                "invalid-example",
                format!("example {v} has no JSON representation"),
            )
            .at(at, "not a finite number")
            .help("JSON numbers are finite: use a finite example"),
        );
        return false;
    }
    if ty.accepts(v) {
        return true;
    }
    cx.push(
        Diagnostic::new(
            "invalid-example",
            format!("example {v} is not {}", a(ty.as_str())),
        )
        .at(at, format!("expected {}", a(ty.as_str())))
        .help(format!(
            "give the field an example of its type, or change its `type` from \"{}\"",
            ty.as_str()
        )),
    );
    false
}

// A message is not empty, its braces match, and its placeholders name its fields.
pub(super) fn message(
    cx: &mut Cx<'_>,
    file: FileId,
    e: &mut raw::Error,
    fields: &[FieldDef],
    used: &mut [bool],
) -> (Option<Message>, bool) {
    let text = &e.message;
    let at = span(file, text);
    if text.get().trim().is_empty() {
        cx.push(
            Diagnostic::new("empty-message", "the error's message is empty")
                .at(at, "empty message")
                .help("write the message clients see, such as \"Invalid or revoked API key\""),
        );
        return (None, false);
    }
    let pieces = match template::parse(text.get()) {
        Ok(p) => p,
        Err(err) => {
            cx.push(
                Diagnostic::new("template-syntax", err.message)
                    .at(inner_span(cx.sources, at, text.get(), err.range), "here")
                    .help("placeholders are `{name}`; write `{{` and `}}` for literal braces"),
            );
            return (None, false);
        }
    };
    let (out, ok) = resolve_pieces(cx, at, text.get(), pieces, e, fields, used);
    let message = ok.then(|| Message {
        text: Sp::new(e.message.get().clone(), at),
        pieces: out,
    });
    (message, ok)
}

/// The pieces of a message or field text, each placeholder one of the error's fields
/// (marked used); false when one names no field (reported).
pub(super) fn resolve_pieces(
    cx: &mut Cx<'_>,
    at: Span,
    text: &str,
    pieces: Vec<RawPiece>,
    e: &raw::Error,
    fields: &[FieldDef],
    used: &mut [bool],
) -> (Vec<Piece>, bool) {
    let mut out = Vec::with_capacity(pieces.len());
    let mut ok = true;
    for p in pieces {
        match p {
            RawPiece::Lit(s) => out.push(Piece::Lit(s)),
            RawPiece::Name(name, range) => match fields.iter().position(|f| *f.name == name) {
                Some(i) => {
                    used[i] = true;
                    out.push(Piece::Field(i));
                }
                None => {
                    ok = false;
                    let pspan = inner_span(cx.sources, at, text, range);
                    undeclared_placeholder(cx, pspan, &name, e, fields);
                }
            },
        }
    }
    (out, ok)
}

/// Whether message pieces are all literal text.
pub(super) fn literal(pieces: &[Piece]) -> bool {
    pieces.iter().all(|p| matches!(p, Piece::Lit(_)))
}

// The request field is literal, or names the error's own fields (`field = "{param}"`).
pub(super) fn field_template(
    cx: &mut Cx<'_>,
    file: FileId,
    field: &S<String>,
    e: &raw::Error,
    fields: &[FieldDef],
    used: &mut [bool],
) -> Option<Vec<Piece>> {
    let at = span(file, field);
    let pieces = match template::parse(field.get()) {
        Ok(p) => p,
        Err(err) => {
            cx.push(
                Diagnostic::new("template-syntax", err.message)
                    .at(inner_span(cx.sources, at, field.get(), err.range), "here")
                    .help("`field` is the request field's name, or `{name}` to take it from the error's field `name`; write `{{` and `}}` for literal braces"),
            );
            return None;
        }
    };
    let (out, ok) = resolve_pieces(cx, at, field.get(), pieces, e, fields, used);
    ok.then_some(out)
}

// Every placeholder of a message is a field the error declares.
pub(super) fn undeclared_placeholder(
    cx: &mut Cx<'_>,
    at: Span,
    name: &str,
    e: &raw::Error,
    fields: &[FieldDef],
) {
    // A field whose declaration was rejected (bad name or type) was already reported.
    if e.fields.0.iter().any(|(n, _)| n.get() == name) {
        return;
    }
    let declared: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    let d = Diagnostic::new(
        "undeclared-placeholder",
        format!("placeholder `{{{name}}}` has no field"),
    )
    .at(at, "undeclared placeholder");
    cx.push(match did_you_mean(name, &declared) {
        Some(best) => d.help(format!("did you mean `{{{best}}}`?")),
        None => d.help(format!(
            "declare it: `fields.{name} = {{ type = \"string\" }}` in this error's table"
        )),
    });
}

// Every field an error declares is used by its message (a lint).
pub(super) fn unused_fields(cx: &mut Cx<'_>, message: Span, fields: &[FieldDef], used: &[bool]) {
    for (f, used) in fields.iter().zip(used) {
        if !used {
            cx.push(
                Diagnostic::new(
                    "unused-field",
                    format!("field `{}` is not used in the message", f.name.as_str()),
                )
                .at(f.name.span, "unused field")
                .also(message, "the message")
                .help(format!(
                    "use it as `{{{}}}` in the message, or remove it",
                    f.name.as_str()
                )),
            );
        }
    }
}

// `retry_after` fits in u32 and does not contradict `retryable = false`.
pub(super) fn retry(cx: &mut Cx<'_>, file: FileId, e: &raw::Error) -> (bool, Option<u32>) {
    let after = e.retry_after.as_ref().and_then(|r| match u32::try_from(*r.get()) {
        Ok(v) => Some((v, r)),
        Err(_) => {
            cx.push(
                Diagnostic::new("invalid-type", format!("retry_after {} is not a number of seconds", r.get()))
                    .at(span(file, r), "expected a whole number of seconds from 0 to 4294967295")
                    .help("`retry_after` is the `Retry-After` delay in seconds, such as `retry_after = 30`"),
            );
            None
        }
    });
    match (&e.retryable, after) {
        (Some(flag), Some((_, r))) if !*flag.get() => {
            cx.push(
                Diagnostic::new("conflicting-retry", "`retry_after` is set on an error that is not retryable")
                    .at(span(file, r), "a retry hint")
                    .also(span(file, flag), "but the error is not retryable")
                    .help("remove `retryable = false` (a `retry_after` implies it is retryable) or remove `retry_after`"),
            );
            (false, None)
        }
        (flag, after) => (
            flag.as_ref().is_some_and(|f| *f.get()) || after.is_some(),
            after.map(|(v, _)| v),
        ),
    }
}
