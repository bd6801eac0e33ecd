//! The generated decoder: `from_response`, which rebuilds an error from an HTTP response.
//!
//! The run time does the work from the tables the encoder uses
//! (`errcat::__private::decode`); the only per-variant code is one match arm building the
//! variant at an index from its decoded field values.

use super::emit::ErrorVariant;
use errcat_catalog::FieldType;
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use std::fmt::Write as _;

/// The `from_response` method of the error enum `ty`, and the match it builds variants with.
pub(crate) fn tokens(ty: &Ident, variants: &[ErrorVariant<'_>]) -> TokenStream {
    let p = quote!(::errcat::__private);
    let any_fields = variants.iter().any(|v| !v.fields.is_empty());
    let args = if any_fields { "args" } else { "_args" };
    let mut arms = String::new();
    for (i, v) in variants.iter().enumerate() {
        // A cause never comes over the wire: an optional one is `None`; a variant whose
        // cause is required (a derived enum's) cannot be rebuilt.
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
    let match_text = format!(
        "fn __errcat_from_args(index: usize, {args}: &mut ::errcat::__private::Args) \
         -> ::core::option::Option<Self> {{ {body} }}"
    );
    let from_args = super::parse(&match_text);
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
                #p::finish(Self::ERRORS, raw, Self::__errcat_from_args)
            }

            #[inline]
            #from_args
        }
    }
}
