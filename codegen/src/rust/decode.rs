//! The generated decoder: `from_response`, which rebuilds an error from an HTTP response.
//!
//! The run time does the work from the tables the encoder uses
//! (`errcat::__private::decode`); the only per-variant code is one match arm building the
//! variant at an index from its decoded field values, which a generated enum's `Clone`
//! shares.

use super::emit::{ErrorVariant, push_template};
use super::expr::{Expr, push_arm, push_fixed, push_tail};
use errcat_catalog::FieldType;
use std::fmt::Write as _;

/// The `from_response` method of the error enum `ty`, and the function it builds variants
/// with, as formatted text: for a generated enum (`generated`), [`push_build_fn`], which
/// `Clone` shares; for a derived one, `__errcat_from_args`, which may refuse a variant
/// whose cause is required.
pub(crate) fn push(out: &mut String, ty: &str, variants: &[ErrorVariant<'_>], generated: bool) {
    push_template(out, ty, HEAD);
    let none = || Expr::word("::core::option::Option::None");
    let build = if !generated {
        Expr::word("Self::__errcat_from_args")
    } else if variants.is_empty() {
        Expr::Closure(&["_", "_"], Box::new(none()))
    } else {
        let mut args = vec![Expr::word("index"), Expr::word("args")];
        if variants.iter().any(|v| v.cause.is_some()) {
            args.push(none());
        }
        let call = Expr::call("Self::__errcat_build", args);
        let some = Expr::call("::core::option::Option::Some", vec![call]);
        Expr::Closure(&["index", "args"], Box::new(some))
    };
    let finish = Expr::call(
        "::errcat::__private::finish",
        vec![Expr::word("Self::ERRORS"), Expr::word("raw"), build],
    );
    push_tail(out, 8, &finish);
    out.push_str("    }\n");
    if !generated {
        push_from_args(out, variants);
    } else if !variants.is_empty() {
        push_build_fn(out, variants);
    }
    out.push_str("}\n");
}

/// `fn __errcat_build(index, args[, cause]) -> Self`: the variant at `index` of a generated
/// enum, from its field values (`errcat::__private::Args`, checked to fit by the run time)
/// and, when the catalog has causes, the cause to keep. The decoder and `Clone` share it.
///
/// Per variant it is one arm naming locals bound before the match, each value once by kind
/// and rank (`__s0` the first string value, `__u1` the second unsigned one...): about the
/// cost of the index match, where one `args.str(i)?` per field cost as much as the rest
/// of the generated code together (docs/performance.md, section 2). The last variant is
/// the catch-all arm, so the function is total without a panic. Locals start with `__`,
/// which no field name may (catalog validation), so `name: local` is never redundant.
fn push_build_fn(out: &mut String, variants: &[ErrorVariant<'_>]) {
    /// Each field type with its local's prefix and its `Args` method, in the order the
    /// locals are bound; `kind` is a type's position here.
    const KINDS: [(FieldType, &str, &str); 5] = [
        (FieldType::String, "__s", "take_str"),
        (FieldType::Integer, "__i", "take_int"),
        (FieldType::Unsigned, "__u", "take_uint"),
        (FieldType::Float, "__f", "take_float"),
        (FieldType::Boolean, "__b", "take_bool"),
    ];
    let kind = |ty: FieldType| KINDS.iter().position(|(t, ..)| *t == ty).unwrap_or(0);
    let mut most = [0usize; 5];
    for v in variants {
        let mut n = [0usize; 5];
        for f in &v.def.fields {
            n[kind(f.ty)] += 1;
        }
        for (m, n) in most.iter_mut().zip(n) {
            *m = (*m).max(n);
        }
    }
    let causes = variants.iter().any(|v| v.cause.is_some());
    let args = if most.iter().any(|&n| n > 0) {
        "args"
    } else {
        "_args"
    };
    let single = variants.len() == 1;
    let index = if single { "_index" } else { "index" };
    let mut sig = format!(
        "    #[inline]\n    fn __errcat_build({index}: usize, {args}: &mut ::errcat::__private::Args"
    );
    if causes {
        sig.push_str(", cause: ::core::option::Option<::errcat::Cause>");
    }
    sig.push_str(") -> Self {\n");
    push_fixed(out, &sig);
    for (k, (_, local, take)) in KINDS.iter().enumerate() {
        for n in 0..most[k] {
            let _ = writeln!(out, "        let {local}{n} = args.{take}({n});");
        }
    }
    if !single {
        out.push_str("        match index {\n");
    }
    for (i, v) in variants.iter().enumerate() {
        let path = format!("Self::{}", v.ident);
        let value = if v.unit {
            Expr::word(path)
        } else {
            let mut n = [0usize; 5];
            let mut fields: Vec<(String, Expr)> = Vec::new();
            for (f, name) in v.def.fields.iter().zip(&v.fields) {
                let k = kind(f.ty);
                let local = KINDS[k].1;
                fields.push((name.clone(), Expr::word(format!("{local}{}", n[k]))));
                n[k] += 1;
            }
            if v.cause.is_some() {
                fields.push(("cause".to_owned(), Expr::word("cause")));
            }
            Expr::Struct(path, fields)
        };
        if single {
            push_tail(out, 8, &value);
        } else {
            let pat = if i + 1 == variants.len() {
                "_".to_owned()
            } else {
                i.to_string()
            };
            push_arm(out, 12, &pat, &value);
        }
    }
    if !single {
        out.push_str("        }\n");
    }
    out.push_str("    }\n");
}

/// `fn __errcat_from_args` of a derived enum: the variant at an index from its field
/// values, `None` for a variant whose cause is required (it cannot come over the wire).
/// Tokens for the compiler (the derive parses them): written plainly.
fn push_from_args(out: &mut String, variants: &[ErrorVariant<'_>]) {
    let any_fields = variants.iter().any(|v| !v.fields.is_empty());
    out.push_str("    #[inline]\n    fn __errcat_from_args(\n        index: usize,\n        ");
    out.push_str(args_name(any_fields));
    out.push_str(": &mut ::errcat::__private::Args,\n    ) -> ::core::option::Option<Self> {\n");
    if variants.is_empty() {
        out.push_str("        let _ = index;\n        ::core::option::Option::None\n    }\n");
        return;
    }
    out.push_str("        ::core::option::Option::Some(\n            match index {\n");
    for (i, v) in variants.iter().enumerate() {
        let pat = i.to_string();
        // A cause never comes over the wire: an optional one is `None`; a variant whose
        // cause is required cannot be rebuilt.
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
";
