//! The generated decoder: `from_response`, which rebuilds an error from an HTTP response.
//!
//! The run time does the work from the tables the encoder uses
//! (`errcat::__private::decode`); the only per-variant code is one match arm building the
//! variant at an index from its decoded field values, which a generated enum's `Clone`
//! shares.

use super::emit::ErrorVariant;
use errcat_catalog::FieldType;
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use std::fmt::Write as _;

/// The `from_response` method of the error enum `ty`, and the function it builds variants
/// with: for a generated enum (`generated`), [`build_fn`], which `Clone` shares; for a
/// derived one, `__errcat_from_args`, which may refuse a variant whose cause is required.
pub(crate) fn tokens(ty: &Ident, variants: &[ErrorVariant<'_>], generated: bool) -> TokenStream {
    let p = quote!(::errcat::__private);
    let (build, helper) = if !generated {
        (quote!(Self::__errcat_from_args), from_args(variants))
    } else if variants.is_empty() {
        (
            quote!(|_, _| ::core::option::Option::None),
            TokenStream::new(),
        )
    } else {
        let cause = variants
            .iter()
            .any(|v| v.cause.is_some())
            .then(|| quote!(, ::core::option::Option::None));
        (
            quote!(|index, args| ::core::option::Option::Some(Self::__errcat_build(index, args #cause))),
            super::parse(&build_fn(variants)),
        )
    };
    quote! {
        #[allow(
            deprecated,
            reason = "the decoder builds every variant, deprecated ones included: a server may still send them"
        )]
        impl #ty {
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
                let raw = #p::decode(Self::ERRORS, status, headers, body)?;
                #p::finish(Self::ERRORS, raw, #build)
            }

            #helper
        }
    }
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
fn build_fn(variants: &[ErrorVariant<'_>]) -> String {
    /// The local's prefix and the `Args` method of each field type.
    fn kind(ty: FieldType) -> (usize, &'static str, &'static str) {
        match ty {
            FieldType::String => (0, "__s", "take_str"),
            FieldType::Integer => (1, "__i", "take_int"),
            FieldType::Unsigned => (2, "__u", "take_uint"),
            FieldType::Float => (3, "__f", "take_float"),
            FieldType::Boolean => (4, "__b", "take_bool"),
        }
    }
    const KINDS: [FieldType; 5] = [
        FieldType::String,
        FieldType::Integer,
        FieldType::Unsigned,
        FieldType::Float,
        FieldType::Boolean,
    ];
    let mut most = [0usize; 5];
    for v in variants {
        let mut n = [0usize; 5];
        for f in &v.def.fields {
            n[kind(f.ty).0] += 1;
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
    let mut out = format!(
        "#[inline] fn __errcat_build({index}: usize, {args}: &mut ::errcat::__private::Args"
    );
    if causes {
        out.push_str(", cause: ::core::option::Option<::errcat::Cause>");
    }
    out.push_str(") -> Self {");
    for ty in KINDS {
        let (k, local, take) = kind(ty);
        for n in 0..most[k] {
            let _ = write!(out, " let {local}{n} = args.{take}({n});");
        }
    }
    if !single {
        out.push_str(" match index {");
    }
    for (i, v) in variants.iter().enumerate() {
        if !single {
            if i + 1 == variants.len() {
                out.push_str(" _ => ");
            } else {
                let _ = write!(out, " {i} => ");
            }
        }
        let _ = write!(out, "Self::{}", v.ident);
        if !v.unit {
            out.push_str(" {");
            let mut n = [0usize; 5];
            for (f, name) in v.def.fields.iter().zip(&v.fields) {
                let (k, local, _) = kind(f.ty);
                let _ = write!(out, " {name}: {local}{},", n[k]);
                n[k] += 1;
            }
            if v.cause.is_some() {
                out.push_str(" cause,");
            }
            out.push_str(" }");
        }
        if !single {
            out.push(',');
        }
    }
    if !single {
        out.push_str(" }");
    }
    out.push_str(" }");
    out
}

/// `fn __errcat_from_args` of a derived enum: the variant at an index from its field
/// values, `None` for a variant whose cause is required (it cannot come over the wire).
fn from_args(variants: &[ErrorVariant<'_>]) -> TokenStream {
    let any_fields = variants.iter().any(|v| !v.fields.is_empty());
    let args = if any_fields { "args" } else { "_args" };
    let mut arms = String::new();
    for (i, v) in variants.iter().enumerate() {
        // A cause never comes over the wire: an optional one is `None`; a variant whose
        // cause is required cannot be rebuilt.
        if v.cause.as_ref().is_some_and(|c| !c.optional) {
            let _ = writeln!(arms, "{i} => return ::core::option::Option::None,");
            continue;
        }
        if v.tuple {
            let _ = writeln!(
                arms,
                "{i} => Self::{}(::core::option::Option::None),",
                v.ident
            );
            continue;
        }
        let _ = write!(arms, "{i} => Self::{}", v.ident);
        if !v.unit {
            arms.push_str(" {");
            for (j, (f, name)) in v.def.fields.iter().zip(&v.fields).enumerate() {
                let take = match f.ty {
                    FieldType::String => "str",
                    FieldType::Integer => "int",
                    FieldType::Unsigned => "uint",
                    FieldType::Float => "float",
                    FieldType::Boolean => "bool",
                };
                let _ = write!(arms, " {name}: {args}.{take}({j})?,");
            }
            if let Some(c) = &v.cause {
                let member = &c.member;
                let _ = write!(arms, " {}: ::core::option::Option::None,", quote!(#member));
            }
            arms.push_str(" }");
        }
        arms.push_str(",\n");
    }
    arms.push_str("_ => return ::core::option::Option::None,\n");
    let body = if variants.is_empty() {
        "let _ = index; ::core::option::Option::None".to_owned()
    } else {
        format!("::core::option::Option::Some(match index {{ {arms} }})")
    };
    super::parse(&format!(
        "#[inline] fn __errcat_from_args(index: usize, {args}: &mut ::errcat::__private::Args) \
         -> ::core::option::Option<Self> {{ {body} }}"
    ))
}
