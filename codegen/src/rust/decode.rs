//! The generated decoder: `from_response`, which rebuilds an error from an HTTP response.
//!
//! The run time does the work from the tables the encoder uses
//! (`errcat::__private::decode`); the only per-variant code is one match arm building the
//! variant at an index from its decoded field values.

use super::emit::{ErrorVariant, push_template};
use super::expr::{Expr, push_arm};
use errcat_catalog::FieldType;

/// The `from_response` method of the error enum `ty`, and the match it builds variants
/// with, as formatted text.
pub(crate) fn push(out: &mut String, ty: &str, variants: &[ErrorVariant<'_>]) {
    push_template(out, ty, HEAD);
    let any_fields = variants.iter().any(|v| !v.fields.is_empty());
    out.push_str("    #[inline]\n    fn __errcat_from_args(\n        index: usize,\n        ");
    out.push_str(args_name(any_fields));
    out.push_str(": &mut ::errcat::__private::Args,\n    ) -> ::core::option::Option<Self> {\n");
    if variants.is_empty() {
        out.push_str("        let _ = index;\n        ::core::option::Option::None\n    }\n}\n");
        return;
    }
    out.push_str("        ::core::option::Option::Some(\n            match index {\n");
    for (i, v) in variants.iter().enumerate() {
        let pat = i.to_string();
        // A cause never comes over the wire: an optional one is `None`; a variant whose
        // cause is required (a derived enum's) cannot be rebuilt.
        if v.cause.as_ref().is_some_and(|c| !c.optional) {
            push_arm(
                out,
                16,
                &pat,
                &Expr::word("return ::core::option::Option::None"),
            );
            continue;
        }
        let path = format!("Self::{}", v.ident);
        let body = if v.tuple {
            Expr::word(format!("{path}(::core::option::Option::None)"))
        } else if v.unit {
            Expr::word(path)
        } else {
            let mut fields: Vec<(String, Expr)> = v
                .def
                .fields
                .iter()
                .zip(&v.fields)
                .enumerate()
                .map(|(j, (f, name))| {
                    let take = match f.ty {
                        FieldType::String => "str",
                        FieldType::Integer => "int",
                        FieldType::Unsigned => "uint",
                        FieldType::Float => "float",
                        FieldType::Boolean => "bool",
                    };
                    (
                        name.clone(),
                        Expr::MethodTry(args_name(any_fields), take, j.to_string()),
                    )
                })
                .collect();
            if let Some(c) = &v.cause {
                fields.push((c.member.clone(), Expr::word("::core::option::Option::None")));
            }
            Expr::Struct(path, fields)
        };
        push_arm(out, 16, &pat, &body);
    }
    out.push_str(
        "                _ => return ::core::option::Option::None,
            },
        )
    }
}
",
    );
}

/// The name of the decoded arguments (unused, and so `_args`, when no error has fields).
fn args_name(any_fields: bool) -> &'static str {
    if any_fields { "args" } else { "_args" }
}

/// The decoder's impl up to `__errcat_from_args`.
const HEAD: &str = "#[allow(
    deprecated,
    reason = \"the decoder builds every variant, deprecated ones included: a server may still send them\"
)]
impl $ty {
    /// Rebuilds the error from an HTTP response: its status, headers (name, value)
    /// and body bytes. An error of the catalog comes back with its field values
    /// (from the body's `{fields}` member, else from its message); a response the
    /// catalog does not describe (a code a newer server added, a status or a body
    /// of another shape, a body that is not JSON) is `Decoded::Unknown`. A known
    /// error whose field values cannot be read is a `DecodeError`. Never panics.
    #[inline]
    pub fn from_response(
        status: u16,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> ::core::result::Result<::errcat::Decoded<Self>, ::errcat::DecodeError> {
        let raw = ::errcat::__private::decode(Self::ERRORS, status, headers, body)?;
        ::errcat::__private::finish(Self::ERRORS, raw, Self::__errcat_from_args)
    }
";
