//! The token-level emitter, shared by `rust::tokens` (generated enums) and `derive` (an enum
//! the user wrote).

use super::{RustOptions, docs, text};
use errcat_catalog::{Catalog, ErrorDef, FieldType, Scalar, Status, Template, TextPiece, Var};
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

/// An identifier from a validated name; names that are keywords become raw identifiers and
/// anything else that is not an identifier is mangled (validation rejects those first).
pub(crate) fn ident(name: &str) -> Ident {
    if is_plain_ident(name) {
        return Ident::new(name, Span::call_site());
    }
    if let Ok(id) = syn::parse_str::<Ident>(name) {
        return id;
    }
    if !matches!(name, "self" | "Self" | "super" | "crate" | "_" | "")
        && syn::parse_str::<Ident>(&format!("r#{name}")).is_ok()
    {
        return Ident::new_raw(name, Span::call_site());
    }
    let mangled: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format_ident!("__{}", mangled)
}

/// [`ident`] as text (without building an `Ident` in the usual case).
pub(crate) fn ident_text(name: &str) -> String {
    if is_plain_ident(name) {
        name.to_owned()
    } else {
        ident(name).to_string()
    }
}

/// Whether `name` is an ASCII identifier and no keyword (the usual case, without a parse).
fn is_plain_ident(name: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
        "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
        "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
        "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "try",
        "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield", "_",
    ];
    let b = name.as_bytes();
    !b.is_empty()
        && !b[0].is_ascii_digit()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
        && !KEYWORDS.contains(&name)
}

fn opt_str(s: Option<&str>) -> TokenStream {
    match s {
        Some(s) => quote!(::core::option::Option::Some(#s)),
        None => quote!(::core::option::Option::None),
    }
}

fn int(i: i64) -> TokenStream {
    let lit = Literal::u64_unsuffixed(i.unsigned_abs());
    if i < 0 { quote!(-#lit) } else { quote!(#lit) }
}

fn float(x: f64) -> TokenStream {
    if !x.is_finite() {
        // Written as `null`, as the JSON rendering of the catalog does.
        return quote!(::core::f64::NAN);
    }
    let lit = Literal::f64_unsuffixed(x.abs());
    if x.is_sign_negative() {
        quote!(-#lit)
    } else {
        quote!(#lit)
    }
}

fn attr_value(v: &Scalar) -> TokenStream {
    match v {
        Scalar::Str(s) => quote!(::errcat::AttrValue::Str(#s)),
        Scalar::Int(i) => {
            let i = int(*i);
            quote!(::errcat::AttrValue::Int(#i))
        }
        Scalar::Bool(b) => quote!(::errcat::AttrValue::Bool(#b)),
        Scalar::Float(x) => {
            let x = float(*x);
            quote!(::errcat::AttrValue::Float(#x))
        }
    }
}

fn attr_table(attrs: &[(String, &Scalar)]) -> TokenStream {
    let items = attrs.iter().map(|(name, v)| {
        let v = attr_value(v);
        quote!((#name, #v))
    });
    quote!(&[#(#items),*])
}

/// The attributes of an error: its own, else its status's, in declaration order.
pub(crate) fn error_attrs<'a>(
    catalog: &'a Catalog,
    error: &'a ErrorDef,
) -> Vec<(String, &'a Scalar)> {
    let status = catalog.status(*error.status);
    catalog
        .attributes
        .iter()
        .filter_map(|a| {
            let v = error
                .attribute(&a.name)
                .or_else(|| status.and_then(|s| s.attribute(&a.name)))?;
            Some((a.name.to_string(), v))
        })
        .collect()
}

pub(crate) fn status_meta(status: &Status) -> TokenStream {
    let code = Literal::u16_unsuffixed(status.code);
    let reason = status.reason.as_str();
    let description = opt_str(status.description.as_deref().map(|d| d.trim_end()));
    let attrs: Vec<(String, &Scalar)> = status
        .attributes
        .iter()
        .map(|(n, v)| (n.clone(), v))
        .collect();
    let attrs = attr_table(&attrs);
    quote! {
        ::errcat::StatusMeta {
            code: #code,
            reason: #reason,
            description: #description,
            attributes: #attrs,
        }
    }
}

fn var(v: &Var) -> TokenStream {
    let name = match v {
        Var::Status => quote!(Status),
        Var::Reason => quote!(Reason),
        Var::Code => quote!(Code),
        Var::Message => quote!(Message),
        Var::Title => quote!(Title),
        Var::Field => quote!(Field),
        Var::DocsUrl => quote!(DocsUrl),
        Var::RetryAfter => quote!(RetryAfter),
        Var::TraceId => quote!(TraceId),
        Var::Instance => quote!(Instance),
        Var::Type => quote!(Type),
        Var::Fields => quote!(Fields),
        Var::Attribute(a) => quote!(Attribute(#a)),
        Var::ErrorField(i) => {
            let i = proc_macro2::Literal::usize_unsuffixed(*i);
            quote!(Arg(#i))
        }
        Var::Context(c) => quote!(Context(#c)),
        Var::Items => quote!(Items),
        // `{content}` only means something in `[success]`: absent in an error body, like
        // an attribute no error sets.
        Var::Content => quote!(Attribute("")),
    };
    quote!(::errcat::__private::Var::#name)
}

pub(crate) fn node(t: &Template) -> TokenStream {
    let p = quote!(::errcat::__private);
    match t {
        Template::Var(v) => {
            let v = var(v);
            quote!(#p::Node::Var(#v))
        }
        Template::Text(pieces) => {
            let pieces = pieces.iter().map(|piece| match piece {
                TextPiece::Lit(s) => quote!(#p::Text::Lit(#s)),
                TextPiece::Var(v) => {
                    let v = var(v);
                    quote!(#p::Text::Var(#v))
                }
            });
            quote!(#p::Node::Text(&[#(#pieces),*]))
        }
        Template::Int(i) => {
            let i = int(*i);
            quote!(#p::Node::Int(#i))
        }
        Template::Float(x) => {
            let x = float(*x);
            quote!(#p::Node::Float(#x))
        }
        Template::Bool(b) => quote!(#p::Node::Bool(#b)),
        Template::Array(items) => {
            let items = items.iter().map(node);
            quote!(#p::Node::Array(&[#(#items),*]))
        }
        Template::Object(members) => {
            let members = members.iter().map(|(k, v)| {
                let v = node(v);
                quote!((#k, #v))
            });
            quote!(#p::Node::Object(&[#(#members),*]))
        }
    }
}

/// The multiplier of [`hash`] (2^64 / golden ratio).
const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// Reads the 8 bytes of `b` at `i` as a little-endian word.
fn word(b: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(w)
}

/// The hash of codes in the lookup table: the same function as `errcat::__private::hash`,
/// which the generated `lookup` calls at run time (keep both identical; the test below
/// compares them). A copy rather than a call: `errcat` depends on errcat-codegen through
/// its macros, so a normal dependency back on `errcat` would be a package cycle.
pub(crate) fn hash(s: &str) -> u64 {
    let b = s.as_bytes();
    let len = b.len();
    let mut h = (len as u64).wrapping_mul(K);
    if len >= 8 {
        let mut i = 0;
        while i + 8 < len {
            h = (h ^ word(b, i)).wrapping_mul(K);
            h ^= h >> 32;
            i += 8;
        }
        h = (h ^ word(b, len - 8)).wrapping_mul(K);
    } else {
        let mut t = 0u64;
        let mut i = 0;
        while i < len {
            t |= (b[i] as u64) << (8 * i);
            i += 1;
        }
        h = (h ^ t).wrapping_mul(K);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(K);
    h ^ (h >> 32)
}

/// The open-addressing table of codes (indices into the error table; `u32::MAX` is empty).
pub(crate) fn code_slots(errors: &[&ErrorDef]) -> Vec<u32> {
    if errors.is_empty() {
        return Vec::new();
    }
    let size = (errors.len() * 2).next_power_of_two();
    let mask = size - 1;
    let mut slots = vec![u32::MAX; size];
    for (index, e) in errors.iter().enumerate() {
        // Truncation is intended: the low bits of the hash pick the slot.
        let mut i = (hash(&e.code) as usize) & mask;
        while slots[i] != u32::MAX {
            i = (i + 1) & mask;
        }
        slots[i] = u32::try_from(index).unwrap_or(u32::MAX);
    }
    slots
}

/// The field of a variant holding its cause: `cause: Option<errcat::Cause>` in a generated
/// enum, the field marked `#[source]`, `#[from]` or `#[catalog(cause)]` in a derived one.
pub(crate) struct CauseField {
    /// The field: its name, or its index in a tuple variant.
    pub member: syn::Member,
    /// Whether it is an `Option` (`source()` is `None` when the field is).
    pub optional: bool,
    /// The `From` conversions into the variant: the type converted, and the field's value
    /// made of it (`error`).
    pub from: Vec<(TokenStream, TokenStream)>,
}

/// The `From` conversion of a catalog's `from` type into a field of type
/// `Option<errcat::Cause>` (or `errcat::Cause` when `optional` is false): the type's tokens
/// and the value, or a `compile_error!` in their place for a path that does not parse
/// (validation rejects those first).
pub(crate) fn cause_conversion(path: &str, optional: bool) -> (TokenStream, TokenStream) {
    let ty = match syn::parse_str::<syn::Path>(path) {
        Ok(p) => quote!(#p),
        Err(_) => {
            let message = format!("errcat: `{path}` is not a Rust path (a bug of errcat)");
            return (quote!(()), quote!(::core::compile_error!(#message)));
        }
    };
    let cause = quote!(::errcat::Cause::new(error));
    let value = if optional {
        quote!(::core::option::Option::Some(#cause))
    } else {
        cause
    };
    (ty, value)
}

/// One variant of the error enum, bound to its catalog entry.
pub(crate) struct ErrorVariant<'a> {
    /// The variant's name, as written in Rust (`r#` for a raw identifier).
    pub ident: String,
    /// The catalog entry.
    pub def: &'a ErrorDef,
    /// The variant's field names as written in Rust, in the order of the entry's fields.
    pub fields: Vec<String>,
    /// Whether the variant is a unit variant (else a struct variant).
    pub unit: bool,
    /// The error's documentation URL ([`Catalog::docs_url`], computed once).
    pub docs_url: Option<String>,
    /// The field holding the error's cause, if it has one (never part of the wire).
    pub cause: Option<CauseField>,
    /// Whether it is a tuple variant (a derived enum's, holding only a cause).
    pub tuple: bool,
}

impl<'a> ErrorVariant<'a> {
    /// The variant of a generated enum.
    pub fn generated(catalog: &Catalog, def: &'a ErrorDef) -> Self {
        let cause = def.cause.as_ref().map(|c| CauseField {
            member: syn::Member::Named(format_ident!("cause")),
            optional: true,
            from: c.from.iter().map(|t| cause_conversion(t, true)).collect(),
        });
        ErrorVariant {
            ident: ident_text(&def.variant),
            def,
            fields: def.fields.iter().map(|f| ident_text(&f.name)).collect(),
            unit: def.fields.is_empty() && cause.is_none(),
            docs_url: catalog.docs_url(def),
            cause,
            tuple: false,
        }
    }

    /// The variant's name as an identifier (raw when written `r#...`).
    fn name(&self) -> Ident {
        match self.ident.strip_prefix("r#") {
            Some(raw) => Ident::new_raw(raw, Span::call_site()),
            None => ident(&self.ident),
        }
    }
}

/// `std::error::Error` for the enum, with `source()` returning a variant's cause, and the
/// `From` conversions into the variants with causes. An enum without causes gets the
/// empty impl it always had.
fn error_trait(ty: &Ident, variants: &[ErrorVariant<'_>], generated: bool) -> TokenStream {
    let with: Vec<(&ErrorVariant<'_>, &CauseField)> = variants
        .iter()
        .filter_map(|v| v.cause.as_ref().map(|c| (v, c)))
        .collect();
    if with.is_empty() {
        return quote! {
            #[automatically_derived]
            impl ::std::error::Error for #ty {}
        };
    }
    let dyn_error = quote!(&(dyn ::std::error::Error + 'static));
    let arms = with.iter().map(|(v, c)| {
        let name = v.name();
        let member = &c.member;
        let value = if c.optional {
            quote!(__cause.as_ref().map(|cause| cause as #dyn_error))
        } else {
            quote!(::core::option::Option::Some(__cause as #dyn_error))
        };
        quote!(Self::#name { #member: __cause, .. } => #value)
    });
    let rest = (with.len() < variants.len()).then(|| quote!(_ => ::core::option::Option::None,));
    // A generated enum's causes are all `Option<errcat::Cause>`: `source()` goes through
    // `__errcat_cause` (one arm) rather than a match of its own (one closure per arm).
    let source = if generated {
        quote! {
            self.__errcat_cause()
                .and_then(::core::option::Option::as_ref)
                .map(|cause| cause as #dyn_error)
        }
    } else {
        quote! {
            match self {
                #(#arms,)*
                #rest
            }
        }
    };
    let allow = quote! {
        #[allow(deprecated, reason = "a deprecated error may still carry a cause")]
    };
    let froms = with.iter().flat_map(|(v, c)| {
        let name = v.name();
        let member = &c.member;
        let tuple = v.tuple;
        let allow = &allow;
        c.from.iter().map(move |(source, value)| {
            let build = if tuple {
                quote!(Self::#name(#value))
            } else {
                quote!(Self::#name { #member: #value })
            };
            quote! {
                #[automatically_derived]
                #allow
                impl ::core::convert::From<#source> for #ty {
                    fn from(error: #source) -> Self {
                        #build
                    }
                }
            }
        })
    });
    quote! {
        #[automatically_derived]
        #allow
        impl ::std::error::Error for #ty {
            fn source(&self) -> ::core::option::Option<#dyn_error> {
                #source
            }
        }

        #(#froms)*
    }
}

/// `fn __errcat_cause`: the cause field of a generated enum's variant, for `Debug`.
/// One or-pattern arm for every variant with a cause (all bind `cause` of one type): one
/// arm compiles faster than one per variant.
fn cause_fn(ty: &Ident, variants: &[ErrorVariant<'_>]) -> TokenStream {
    let patterns = variants.iter().filter(|v| v.cause.is_some()).map(|v| {
        let name = v.name();
        quote!(Self::#name { cause, .. })
    });
    let arms = std::iter::once(quote!(#(#patterns)|* => ::core::option::Option::Some(cause)));
    let count = variants.iter().filter(|v| v.cause.is_some()).count();
    let rest = (count < variants.len()).then(|| quote!(_ => ::core::option::Option::None,));
    quote! {
        #[allow(deprecated, reason = "a deprecated error may still carry a cause")]
        impl #ty {
            #[inline]
            fn __errcat_cause(
                &self,
            ) -> ::core::option::Option<&::core::option::Option<::errcat::Cause>> {
                match self {
                    #(#arms,)*
                    #rest
                }
            }
        }
    }
}

/// How `status()` of the error enum answers.
pub(crate) enum StatusMode<'a> {
    /// The generated status enum.
    Enum(&'a Ident),
    /// `&'static ::errcat::StatusMeta` (derive: the user's crate has no status enum).
    Meta,
}

/// The impls of an error enum: the packed table and the per-variant matches as formatted
/// text (`text.rs`), and the fixed-size rest as tokens: inherent methods, `Display`,
/// `Error`, `CatalogError` and the optional integrations.
pub(crate) fn error_impls(
    catalog: &Catalog,
    ty: &Ident,
    variants: &[ErrorVariant<'_>],
    status: &StatusMode<'_>,
    opts: &RustOptions,
    copy_index: bool,
    out: &mut String,
) -> TokenStream {
    let p = quote!(::errcat::__private);
    text::table_impl(out, catalog, &ty.to_string(), variants, copy_index);
    let content_type = catalog.body.content_type.as_str();

    let (status_tables, status_fn) = match status {
        StatusMode::Enum(status_ty) => (
            TokenStream::new(),
            quote! {
                /// The HTTP status the error is returned with.
                #[inline]
                pub fn status(&self) -> #status_ty {
                    #status_ty::ALL[self.meta().__status_index()]
                }
            },
        ),
        StatusMode::Meta => {
            let all = catalog.statuses.iter().map(status_meta);
            let count = Literal::usize_unsuffixed(catalog.statuses.len());
            (
                quote! {
                    #[doc(hidden)]
                    const __ERRCAT_STATUS_META: &'static [::errcat::StatusMeta] = {
                        static STATUSES: [::errcat::StatusMeta; #count] = [#(#all),*];
                        &STATUSES
                    };
                },
                quote! {
                    /// The HTTP status the error is returned with, as the catalog declares it.
                    #[inline]
                    pub fn status(&self) -> &'static ::errcat::StatusMeta {
                        &Self::__ERRCAT_STATUS_META[self.meta().__status_index()]
                    }
                },
            )
        }
    };

    let integrations = integrations(ty, opts);
    let error_trait = error_trait(ty, variants, matches!(status, StatusMode::Enum(_)));
    let decoder = super::decode::tokens(ty, variants, matches!(status, StatusMode::Enum(_)));
    let name = catalog.name.as_str();
    let errors_doc = docs::text(&format!(
        " Every error of the {name} catalog, in the order of the enum's variants."
    ))
    .into_owned();

    let tokens = quote! {
        impl #ty {
            #[doc = #errors_doc]
            pub const ERRORS: ::errcat::ErrorTable = ::errcat::ErrorTable::__new(Self::__ERRCAT_TABLE);
            /// The content type of the response body.
            pub const CONTENT_TYPE: &'static str = #content_type;
            #status_tables

            /// The catalog's entry for this error.
            #[inline]
            pub fn meta(&self) -> ::errcat::ErrorMeta {
                ::errcat::ErrorMeta::__new(Self::__ERRCAT_TABLE, self.__errcat_index())
            }

            #status_fn

            /// The stable machine-readable error code.
            #[inline]
            pub fn code(&self) -> &'static str {
                self.meta().code()
            }

            /// The error's title, else its code.
            #[inline]
            pub fn title(&self) -> &'static str {
                self.meta().title()
            }

            /// The documentation URL of the error.
            #[inline]
            pub fn docs_url(&self) -> ::core::option::Option<&'static str> {
                self.meta().docs_url()
            }

            /// Whether a client may retry the request.
            #[inline]
            pub fn is_retryable(&self) -> bool {
                self.meta().retryable()
            }

            /// Seconds a client should wait before retrying (the `Retry-After` header).
            #[inline]
            pub fn retry_after(&self) -> ::core::option::Option<u32> {
                self.meta().retry_after()
            }

            /// The value of a user attribute (the error's, else its status's).
            #[inline]
            pub fn attribute(&self, name: &str) -> ::core::option::Option<::errcat::AttrValue> {
                self.meta().attribute(name)
            }

            // `#[inline]` on the optional API (lookup, bodies as strings): a crate that
            // never calls it does not compile it (a lookup inlines the hash and the probe).
            /// The catalog's entry for an error code.
            #[inline]
            pub fn lookup(code: &str) -> ::core::option::Option<::errcat::ErrorMeta> {
                Self::ERRORS.lookup(code)
            }

            /// Appends the response body, as JSON text, to `out`.
            #[inline]
            pub fn write_body_json(&self, out: &mut ::std::string::String, ctx: &::errcat::BodyContext<'_>) {
                #p::write_body_args(out, self.meta(), ctx, self, &self.__errcat_args());
            }

            /// The response body as JSON text, with run-time values from `ctx`.
            #[inline]
            pub fn body_json_with(&self, ctx: &::errcat::BodyContext<'_>) -> ::std::string::String {
                let mut out = ::std::string::String::new();
                self.write_body_json(&mut out, ctx);
                out
            }

            /// The response body as JSON text, without run-time values.
            #[inline]
            pub fn body_json(&self) -> ::std::string::String {
                self.body_json_with(&::errcat::BodyContext::default())
            }

            /// What a client may see of the error (its message and field values, never a
            /// cause), to show or log where a cause must not go.
            #[inline]
            pub fn wire(&self) -> ::errcat::Wire<'_> {
                ::errcat::Wire::new(self)
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #p::write_message(f, self.meta(), &self.__errcat_args())
            }
        }

        #error_trait

        #[automatically_derived]
        impl ::errcat::CatalogError for #ty {
            #[inline]
            fn meta(&self) -> ::errcat::ErrorMeta {
                #ty::meta(self)
            }

            #[inline]
            fn content_type(&self) -> &'static str {
                Self::CONTENT_TYPE
            }

            fn write_body(&self, out: &mut ::std::string::String, ctx: &::errcat::BodyContext<'_>) {
                self.write_body_json(out, ctx);
            }

            fn __write_item(
                &self,
                out: &mut ::std::string::String,
                item: &'static #p::Node,
                ctx: &::errcat::BodyContext<'_>,
            ) -> bool {
                #p::write_item(out, item, self.meta(), ctx, self, &self.__errcat_args())
            }

            fn fmt_wire(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #p::debug_error(f, self.meta(), &self.__errcat_args())
            }
        }

        #decoder

        #integrations
    };
    tokens
}

/// `Debug`, `PartialEq` (and `Eq`, `Hash`, and `Clone` unless it is derived with `Copy`) of
/// a generated enum, through the index and the argument array rather than derived per
/// variant (derives cost seconds of compile time at thousands of variants). `Debug` prints
/// what `#[derive(Debug)]` would; `Clone` rebuilds the variant with the decoder's
/// `__errcat_build` from copies of the field values, sharing the cause (an `Arc`).
fn value_impls(ty: &Ident, eq: bool, hash: bool, causes: bool, clone: bool) -> TokenStream {
    let debug = if causes {
        quote!(::errcat::__private::debug_error_caused(
            f,
            self.meta(),
            &self.__errcat_args(),
            self.__errcat_cause(),
        ))
    } else {
        quote!(::errcat::__private::debug_error(
            f,
            self.meta(),
            &self.__errcat_args()
        ))
    };
    let eq = eq.then(|| {
        quote! {
            #[automatically_derived]
            impl ::core::cmp::Eq for #ty {}
        }
    });
    let hash = hash.then(|| {
        quote! {
            #[automatically_derived]
            impl ::core::hash::Hash for #ty {
                fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                    ::core::hash::Hash::hash(&self.__errcat_index(), state);
                }
            }
        }
    });
    let clone = clone.then(|| {
        let cause = causes.then(|| quote!(, self.__errcat_cause().cloned().flatten()));
        quote! {
            #[automatically_derived]
            impl ::core::clone::Clone for #ty {
                #[inline]
                fn clone(&self) -> Self {
                    Self::__errcat_build(
                        self.__errcat_index(),
                        &mut ::errcat::__private::Args::from_args(&self.__errcat_args())
                        #cause
                    )
                }
            }
        }
    });
    quote! {
        #clone

        #[automatically_derived]
        impl ::core::fmt::Debug for #ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #debug
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq for #ty {
            fn eq(&self, other: &Self) -> bool {
                self.__errcat_index() == other.__errcat_index()
                    && ::errcat::__private::args_eq(&self.__errcat_args(), &other.__errcat_args())
            }
        }

        #eq
        #hash
    }
}

fn integrations(ty: &Ident, opts: &RustOptions) -> TokenStream {
    let p = quote!(::errcat::__private);
    let mut out = TokenStream::new();
    if opts.http {
        out.extend(quote! {
            impl #ty {
                /// The HTTP status as an `http::StatusCode`.
                pub fn http_status(&self) -> ::http::StatusCode {
                    ::http::StatusCode::from_u16(self.meta().status())
                        .unwrap_or(::http::StatusCode::INTERNAL_SERVER_ERROR)
                }
            }

            #[automatically_derived]
            impl ::core::convert::From<&#ty> for ::http::StatusCode {
                fn from(error: &#ty) -> Self {
                    error.http_status()
                }
            }
        });
    }
    if opts.serde {
        out.extend(quote! {
            // Serializes the response body (without run-time values), walking the same
            // template as `body_json`.
            const _: () = {
                struct __ErrcatNode<'a> {
                    node: &'static #p::Node,
                    error: &'a #ty,
                    meta: ::errcat::ErrorMeta,
                }

                #[automatically_derived]
                impl ::serde::Serialize for __ErrcatNode<'_> {
                    fn serialize<S: ::serde::Serializer>(
                        &self,
                        serializer: S,
                    ) -> ::core::result::Result<S::Ok, S::Error> {
                        use ::serde::ser::{SerializeMap as _, SerializeSeq as _};
                        let ctx = ::errcat::BodyContext::default();
                        let args = self.error.__errcat_args();
                        match self.node {
                            #p::Node::Var(var) => match #p::resolve_args(*var, self.meta, &ctx, &args) {
                                ::core::option::Option::None => serializer.serialize_none(),
                                ::core::option::Option::Some(#p::Value::Str(s)) => serializer.serialize_str(s),
                                ::core::option::Option::Some(#p::Value::Int(i)) => serializer.serialize_i64(i),
                                ::core::option::Option::Some(#p::Value::Float(x)) => serializer.serialize_f64(x),
                                ::core::option::Option::Some(#p::Value::Bool(b)) => serializer.serialize_bool(b),
                                ::core::option::Option::Some(#p::Value::Message) => serializer.collect_str(self.error),
                                ::core::option::Option::Some(#p::Value::Uint(u)) => serializer.serialize_u64(u),
                                ::core::option::Option::Some(#p::Value::Items) => serializer.serialize_none(),
                                ::core::option::Option::Some(#p::Value::Fields) => {
                                    let mut map = serializer.serialize_map(::core::option::Option::None)?;
                                    for (field, arg) in self.meta.fields().zip(self.error.__errcat_args()) {
                                        match arg {
                                            #p::Arg::None => {}
                                            #p::Arg::Str(s) => map.serialize_entry(field.name, s)?,
                                            #p::Arg::Int(i) => map.serialize_entry(field.name, &i)?,
                                            #p::Arg::Uint(u) => map.serialize_entry(field.name, &u)?,
                                            #p::Arg::Float(x) => map.serialize_entry(field.name, &x)?,
                                            #p::Arg::Bool(b) => map.serialize_entry(field.name, &b)?,
                                        }
                                    }
                                    map.end()
                                }
                            },
                            #p::Node::Text(pieces) => serializer.collect_str(&#p::TextDisplay {
                                pieces,
                                meta: self.meta,
                                ctx: &ctx,
                                message: self.error,
                                args: &args,
                            }),
                            #p::Node::Int(i) => serializer.serialize_i64(*i),
                            #p::Node::Float(x) => serializer.serialize_f64(*x),
                            #p::Node::Bool(b) => serializer.serialize_bool(*b),
                            #p::Node::Array(items) => {
                                let mut seq = serializer.serialize_seq(::core::option::Option::None)?;
                                for node in *items {
                                    if #p::present_args(node, self.meta, &ctx, &args) {
                                        seq.serialize_element(&__ErrcatNode { node, error: self.error, meta: self.meta })?;
                                    }
                                }
                                seq.end()
                            }
                            #p::Node::Object(members) => {
                                let mut map = serializer.serialize_map(::core::option::Option::None)?;
                                for (key, node) in *members {
                                    if #p::present_args(node, self.meta, &ctx, &args) {
                                        map.serialize_entry(key, &__ErrcatNode { node, error: self.error, meta: self.meta })?;
                                    }
                                }
                                map.end()
                            }
                        }
                    }
                }

                #[automatically_derived]
                impl ::serde::Serialize for #ty {
                    fn serialize<S: ::serde::Serializer>(
                        &self,
                        serializer: S,
                    ) -> ::core::result::Result<S::Ok, S::Error> {
                        let meta = self.meta();
                        let body = meta.__body();
                        match body {
                            ::core::option::Option::Some(node) => ::serde::Serialize::serialize(
                                &__ErrcatNode { node, error: self, meta },
                                serializer,
                            ),
                            ::core::option::Option::None => serializer.serialize_none(),
                        }
                    }
                }
            };
        });
    }
    if opts.tracing {
        out.extend(quote! {
            impl #ty {
                /// Records the error through `tracing`: a server error (5xx) as an `ERROR`
                /// event, any other as a `DEBUG` one, with the fields `code`, `status` and,
                /// when it has one, `cause` (its chain of sources, outermost first); the
                /// message is the error's. The event belongs to the current span (a
                /// request's, with its trace id).
                pub fn log(&self) {
                    let meta = self.meta();
                    let chain = ::errcat::Chain::sources(self);
                    let cause = (!chain.is_empty()).then(|| ::tracing::field::display(chain));
                    if meta.status() >= 500 {
                        ::tracing::error!(code = meta.code(), status = meta.status(), cause, "{}", self);
                    } else {
                        ::tracing::debug!(code = meta.code(), status = meta.status(), cause, "{}", self);
                    }
                }
            }
        });
    }
    if opts.axum {
        let log = opts.tracing.then(|| quote!(self.log();));
        out.extend(quote! {
            #[automatically_derived]
            impl ::axum::response::IntoResponse for #ty {
                fn into_response(self) -> ::axum::response::Response {
                    #log
                    let meta = self.meta();
                    let status = ::axum::http::StatusCode::from_u16(meta.status())
                        .unwrap_or(::axum::http::StatusCode::INTERNAL_SERVER_ERROR);
                    let mut response = (status, self.body_json()).into_response();
                    let headers = response.headers_mut();
                    if let ::core::result::Result::Ok(value) =
                        ::axum::http::HeaderValue::from_str(Self::CONTENT_TYPE)
                    {
                        headers.insert(::axum::http::header::CONTENT_TYPE, value);
                    }
                    if let ::core::option::Option::Some(seconds) = meta.retry_after() {
                        headers.insert(
                            ::axum::http::header::RETRY_AFTER,
                            ::axum::http::HeaderValue::from(seconds),
                        );
                    }
                    // The catalog's headers (validated: these conversions always succeed).
                    for (name, value) in meta.headers() {
                        if let (::core::result::Result::Ok(name), ::core::result::Result::Ok(value)) = (
                            ::axum::http::HeaderName::from_bytes(name.as_bytes()),
                            ::axum::http::HeaderValue::from_str(value),
                        ) {
                            headers.insert(name, value);
                        }
                    }
                    response
                }
            }
        });
    }
    out
}

/// The rustdoc of an error variant: title, status, message, description, remediation.
pub(crate) fn variant_doc(catalog: &Catalog, e: &ErrorDef, docs_url: Option<&str>) -> String {
    use std::fmt::Write as _;
    let mut doc = String::with_capacity(256);
    let reason = catalog.status(*e.status).map_or("", |s| s.reason.as_str());
    if let Some(t) = &e.title {
        doc.push_str(t.as_str());
        doc.push_str(" (`");
        doc.push_str(&e.code);
        doc.push_str("`)\n\n");
    } else {
        doc.push('`');
        doc.push_str(&e.code);
        doc.push_str("`\n\n");
    }
    let _ = write!(doc, "- Status: `{} {reason}`\n- Message: ", *e.status);
    docs::push_code_span(&mut doc, &e.message.text);
    doc.push('\n');
    if let Some(f) = &e.field {
        doc.push_str("- Field: ");
        docs::push_code_span(&mut doc, f);
        doc.push('\n');
    }
    if let Some(s) = e.retry_after {
        let _ = writeln!(doc, "- Retryable, after {s} seconds");
    } else if e.retryable {
        doc.push_str("- Retryable\n");
    }
    for (name, value) in catalog.headers_of(e) {
        // A tab (allowed in header values) would trip clippy's `tabs_in_doc_comments`.
        let value = value.replace('\t', " ");
        doc.push_str("- Header: ");
        docs::push_code_span(&mut doc, &format!("{name}: {value}"));
        doc.push('\n');
    }
    for (name, value) in error_attrs(catalog, e) {
        let value = match value {
            Scalar::Str(s) => s.clone(),
            other => other.to_string(),
        };
        let _ = write!(doc, "- {name}: ");
        docs::push_code_span(&mut doc, &value);
        doc.push('\n');
    }
    if let Some(url) = docs_url {
        let _ = writeln!(doc, "- Docs: <{url}>");
    }
    if let Some(d) = &e.description {
        doc.push('\n');
        doc.push_str(&docs::sanitize(d.trim_end()));
        doc.push('\n');
    }
    if let Some(r) = &e.remediation {
        doc.push_str("\n# Remediation\n\n");
        doc.push_str(&docs::sanitize(r.trim_end()));
        doc.push('\n');
    }
    doc
}

/// The `since` and `note` of the `#[deprecated]` attribute of a deprecated error (the note
/// names the replacement); `variant_of` gives the Rust variant of a code.
///
/// `since` is given only when it is a semver version: clippy's deny-by-default
/// `deprecated_semver` rejects any other (`2.0`, `v2`, a date) in the user's crate.
/// Otherwise the note starts with the catalog's own value (`Deprecated since v2.`), so the
/// docs still show it.
pub(crate) fn deprecation<'a>(
    e: &'a ErrorDef,
    variant_of: impl Fn(&str) -> Option<&'a str>,
) -> Option<(Option<&'a str>, String)> {
    let d = e.deprecated.as_ref()?;
    let since = d.since.as_deref();
    let mut note = match since.filter(|s| !is_semver(s)) {
        Some(s) if !s.trim().is_empty() => {
            let mut n = format!("Deprecated since {}.", s.trim());
            if let Some(own) = &d.note {
                n.push(' ');
                n.push_str(own);
            }
            n
        }
        _ => d.note.clone().unwrap_or_default(),
    };
    if let Some(r) = &d.replaced_by {
        if !note.is_empty() {
            note.push(' ');
        }
        match variant_of(r) {
            Some(variant) => note.push_str(&format!("Use `{variant}` (`{r}`) instead.")),
            None => note.push_str(&format!("Use `{r}` instead.")),
        }
    }
    Some((since.filter(|s| is_semver(s)), note))
}

/// Whether `s` is a version as clippy's `deprecated_semver` accepts it: the `semver`
/// crate's `MAJOR.MINOR.PATCH[-PRE][+BUILD]` (no leading zeros in numbers), or `TBD`.
pub(crate) fn is_semver(s: &str) -> bool {
    fn number(n: &str) -> bool {
        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && (n == "0" || !n.starts_with('0'))
    }
    fn idents(s: &str, numeric_rule: bool) -> bool {
        s.split('.').all(|id| {
            !id.is_empty()
                && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && (!numeric_rule || !id.bytes().all(|b| b.is_ascii_digit()) || number(id))
        })
    }
    if s == "TBD" {
        return true;
    }
    let (rest, build) = match s.split_once('+') {
        Some((r, b)) => (r, Some(b)),
        None => (s, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((c, p)) => (c, Some(p)),
        None => (rest, None),
    };
    let mut parts = core.split('.');
    let three = (parts.next(), parts.next(), parts.next(), parts.next());
    matches!(three, (Some(a), Some(b), Some(c), None) if number(a) && number(b) && number(c))
        && pre.is_none_or(|p| idents(p, true))
        && build.is_none_or(|b| idents(b, false))
}

/// The rustdoc lints catalog prose may trip (it is markdown for the docs site and OpenAPI:
/// `[links]` that are not intra-doc links, HTML, bare URLs), and clippy's
/// `doc_lazy_continuation` (a list item or quote continued on an unindented line, which
/// the property tests' clippy run met in generated docs).
fn rustdoc_allow() -> TokenStream {
    quote! {
        #[allow(
            rustdoc::broken_intra_doc_links,
            rustdoc::invalid_html_tags,
            rustdoc::bare_urls,
            clippy::doc_lazy_continuation,
            reason = "catalog prose is markdown for the docs site and OpenAPI, not rustdoc"
        )]
    }
}

fn status_enum(catalog: &Catalog, ty: &Ident, opts: &RustOptions) -> TokenStream {
    let name = catalog.name.as_str();
    let doc = docs::text(&format!(" The HTTP statuses the {name} returns.")).into_owned();
    let variants: Vec<Ident> = catalog.statuses.iter().map(|s| ident(&s.variant)).collect();
    let count = variants.len();
    let n = Literal::usize_unsuffixed(count);
    let defs = catalog.statuses.iter().zip(&variants).map(|(s, v)| {
        let mut text = format!("`{} {}`", s.code, s.reason.as_str());
        if let Some(d) = &s.description {
            text.push_str("\n\n");
            text.push_str(&docs::sanitize(d.trim_end()));
        }
        let doc = docs::attrs(&text);
        let code = Literal::u16_unsuffixed(s.code);
        quote!(#doc #v = #code)
    });
    let metas = catalog.statuses.iter().map(status_meta);
    let repr = (count > 0).then(|| quote!(#[repr(u16)]));
    // With no status, the enum has no value: `code` and `meta` match on nothing (an
    // index `[match self {}]` of type `!` does not compile), and `from_code` has no arm
    // to match (`match code { _ => .. }` is clippy's `match_single_binding`).
    let (meta, code, from_code) = if count == 0 {
        (
            quote!(match self {}),
            quote!(match self {}),
            quote! {
                let _ = code;
                ::core::option::Option::None
            },
        )
    } else {
        let arms = variants.iter().enumerate().map(|(i, v)| {
            let i = Literal::usize_unsuffixed(i);
            quote!(Self::#v => #i)
        });
        let from_arms = catalog.statuses.iter().zip(&variants).map(|(s, v)| {
            let code = Literal::u16_unsuffixed(s.code);
            quote!(#code => ::core::option::Option::Some(Self::#v))
        });
        (
            quote!(&Self::__ERRCAT_META[match self { #(#arms,)* }]),
            quote!(self as u16),
            quote! {
                match code {
                    #(#from_arms,)*
                    _ => ::core::option::Option::None,
                }
            },
        )
    };
    let http = opts.http.then(|| {
        quote! {
            #[automatically_derived]
            impl ::core::convert::From<#ty> for ::http::StatusCode {
                fn from(status: #ty) -> Self {
                    ::http::StatusCode::from_u16(status.code())
                        .unwrap_or(::http::StatusCode::INTERNAL_SERVER_ERROR)
                }
            }
        }
    });
    let rustdoc = rustdoc_allow();
    quote! {
        #[doc = #doc]
        #rustdoc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #repr
        pub enum #ty {
            #(#defs,)*
        }

        impl #ty {
            /// Every status, by code.
            pub const ALL: [Self; #n] = [#(Self::#variants),*];
            #[doc(hidden)]
            const __ERRCAT_META: &'static [::errcat::StatusMeta] = {
                static META: [::errcat::StatusMeta; #n] = [#(#metas),*];
                &META
            };

            /// The status code.
            #[inline]
            pub const fn code(self) -> u16 {
                #code
            }

            /// The catalog's entry for the status.
            #[inline]
            pub const fn meta(self) -> &'static ::errcat::StatusMeta {
                #meta
            }

            /// The reason phrase.
            #[inline]
            pub const fn reason(self) -> &'static str {
                self.meta().reason
            }

            /// What the status means (markdown).
            #[inline]
            pub const fn description(self) -> ::core::option::Option<&'static str> {
                self.meta().description
            }

            /// The class of the status.
            #[inline]
            pub const fn class(self) -> ::errcat::StatusClass {
                ::errcat::StatusClass::of(self.code())
            }

            /// The value of a user attribute.
            #[inline]
            pub fn attribute(self, name: &str) -> ::core::option::Option<::errcat::AttrValue> {
                self.meta().attribute(name)
            }

            /// The status with this code, if the catalog declares it.
            pub const fn from_code(code: u16) -> ::core::option::Option<Self> {
                #from_code
            }
        }

        #[automatically_derived]
        impl ::core::convert::TryFrom<u16> for #ty {
            type Error = ::errcat::UnknownStatus;

            fn try_from(code: u16) -> ::core::result::Result<Self, Self::Error> {
                Self::from_code(code).ok_or(::errcat::UnknownStatus(code))
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<#ty> for u16 {
            fn from(status: #ty) -> u16 {
                status.code()
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, "{} {}", self.code(), self.reason())
            }
        }

        #http
    }
}

/// Everything `rust::generate` writes, in three parts: the status enum (tokens), the error
/// enum with its table and matches (formatted text), and the fixed-size impls (tokens).
/// The status enum and its impls.
pub(crate) fn statuses(catalog: &Catalog, opts: &RustOptions) -> TokenStream {
    status_enum(catalog, &ident(&catalog.rust.status_enum), opts)
}

/// Appends the error enum, its table and its matches (the items whose size grows with the
/// catalog) to `out` as formatted text; returns the fixed-size impls as tokens.
pub(crate) fn errors(catalog: &Catalog, opts: &RustOptions, out: &mut String) -> TokenStream {
    let status_ty = ident(&catalog.rust.status_enum);
    let error_ty = ident(&catalog.rust.error_enum);
    let variants: Vec<ErrorVariant<'_>> = catalog
        .errors
        .iter()
        .map(|e| ErrorVariant::generated(catalog, e))
        .collect();
    let unit_only = variants.iter().all(|v| v.unit);
    let has_float = catalog
        .errors
        .iter()
        .any(|e| e.fields.iter().any(|f| f.ty == FieldType::Float));
    // A field-less enum without causes is `Copy`, its `Clone` derived (`*self`); any other
    // gets `Clone` from `value_impls`, through the decoder's builder (compile time).
    let derives = unit_only.then_some("Clone, Copy");
    text::error_enum(out, catalog, &error_ty.to_string(), &variants, derives);
    let impls = error_impls(
        catalog,
        &error_ty,
        &variants,
        &StatusMode::Enum(&status_ty),
        opts,
        unit_only,
        out,
    );
    // `Hash` (of the index) agrees with `PartialEq` when no error has fields: a cause is
    // no part of an error's equality.
    let fieldless = catalog.errors.iter().all(|e| e.fields.is_empty());
    let causes = catalog.has_causes();
    let values = value_impls(&error_ty, !has_float, fieldless, causes, !unit_only);
    let cause = causes.then(|| cause_fn(&error_ty, &variants));
    let groups = super::group::list(catalog, &error_ty, &status_ty, opts);
    quote!(#values #cause #impls #groups)
}

#[cfg(test)]
mod tests {
    use super::hash;

    /// The table built here is probed with `errcat::__private::hash` at run time: both must
    /// agree on every string, at every length around the 8-byte word steps.
    #[test]
    fn hash_equals_the_runtime_hash() {
        let mut strings: Vec<String> = vec![
            String::new(),
            "é".into(),
            "ünïcödé_code".into(),
            "日本語のエラーコード".into(),
            "emoji_🦀_crab_🦀".into(),
            "\0".into(),
            "\0\0\0\0\0\0\0\0".into(),
        ];
        let alphabet = "abcdefghijklmnopqrstuvwxyz_0123456789ÄÖÜßé€🦀";
        for len in 1..=40 {
            strings.push(alphabet.chars().cycle().take(len).collect());
            strings.push(alphabet.chars().rev().cycle().skip(len).take(len).collect());
            strings.push("x".repeat(len));
        }
        for n in 0..2000 {
            strings.push(format!("invoice_not_found_{n}"));
            strings.push(format!("e{n}"));
        }
        for s in &strings {
            assert_eq!(hash(s), errcat::__private::hash(s), "{s:?}");
        }
        // Bytes 1..=17 cover the short path, exactly one word, and one or two full words
        // followed by an overlapping last word.
        assert!((1..=17).all(|len| strings.iter().any(|s| s.len() == len)));
        assert!(strings.iter().any(|s| !s.is_ascii()));
    }

    /// Changing any byte changes the hash (and so the table stays a good spread).
    #[test]
    fn hash_depends_on_every_byte() {
        for base in [
            "invoice_not_found_1234",
            "abcdefgh",
            "abc",
            "abcdefghijklmnopq",
        ] {
            let mut seen = std::collections::HashSet::new();
            assert!(seen.insert(hash(base)));
            for i in 0..base.len() {
                let mut b = base.as_bytes().to_vec();
                b[i] ^= 1;
                let s = std::str::from_utf8(&b).unwrap_or_default();
                assert!(seen.insert(hash(s)), "{base} byte {i}");
            }
        }
        assert_ne!(hash(""), hash("\0"));
        assert_ne!(hash("a"), hash("a\0"));
    }
}
