//! `#[derive(errcat::ErrorCatalog)]`: checks an enum the user wrote against a catalog and
//! implements errcat's methods and traits for it (the proc-macro glue in `errcat-macros`
//! loads the catalog and calls [`derive()`]).
//!
//! ```ignore
//! #[derive(Debug, errcat::ErrorCatalog)]
//! #[catalog(path = "errors.toml")]
//! pub enum ApiError {
//!     InvoiceNotFound { invoice_id: String },
//!     #[catalog(code = "internal")]
//!     Internal,
//! }
//! ```
//!
//! Rules:
//! - one variant per catalog error; a variant matches the error whose Rust variant name
//!   ([`ErrorDef::variant`]) is the variant's name, or the error named by
//!   `#[catalog(code = "...")]` on the variant;
//! - an error without fields is a unit variant; an error with fields is a struct variant
//!   with exactly those fields, of the types [`FieldType::rust_type`] names (`String`,
//!   `i64`, `u64`, `f64`, `bool`; paths such as `std::string::String` are accepted), in any
//!   order;
//! - every mismatch is reported (all of them, with spans on the variant or field).
//!
//! The generated impls are those of the generated enums (`meta`, `code`, `title`,
//! `docs_url`, `is_retryable`, `retry_after`, `attribute`, `lookup`, `body_json`,
//! `body_json_with`, `write_body_json`, the `ERRORS` table, `Display`,
//! `std::error::Error`, `errcat::CatalogError`, and the integrations asked for), except
//! that `status()` returns `&'static errcat::StatusMeta` (code, reason, description,
//! class): a derive adds no status enum to the user's crate. The enum must also implement
//! `Debug` (derive it); the user's own derives and attributes are left alone.

use crate::rust::RustOptions;
use crate::rust::emit::{self, ErrorVariant, StatusMode};
use errcat_catalog::{Catalog, ErrorDef, FieldType};
use proc_macro2::TokenStream;
use std::collections::HashMap;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, LitStr};

/// Checks `input` against `catalog` and generates the impls, without optional
/// integrations.
pub fn derive(catalog: &Catalog, input: &DeriveInput) -> syn::Result<TokenStream> {
    derive_with(catalog, input, &RustOptions::default())
}

/// [`derive()`] with optional integrations (`serde`, `http`, `axum`), which need the
/// dependency in the user's crate.
pub fn derive_with(
    catalog: &Catalog,
    input: &DeriveInput,
    opts: &RustOptions,
) -> syn::Result<TokenStream> {
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            input.ident.span(),
            "`ErrorCatalog` can only be derived for an enum with one variant per catalog error",
        ));
    };
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new(
            input.generics.span(),
            "`ErrorCatalog` cannot be derived for a generic enum: its fields are the catalog's typed placeholders",
        ));
    }
    let catalog_name = catalog.name.as_str();
    let mut errors = Errors::default();
    // Each catalog error's variant, with that variant's position in the user's enum.
    let mut bound: Vec<Option<(usize, ErrorVariant<'_>)>> =
        (0..catalog.errors.len()).map(|_| None).collect();
    // Codes and variant names are unique in a valid catalog; maps keep a derive over
    // thousands of variants linear.
    let by_code: HashMap<&str, usize> = (catalog.errors.iter().enumerate())
        .map(|(i, e)| (e.code.as_str(), i))
        .collect();
    let by_variant: HashMap<&str, usize> = (catalog.errors.iter().enumerate())
        .map(|(i, e)| (e.variant.as_str(), i))
        .collect();

    for (pos, variant) in data.variants.iter().enumerate() {
        let code = match variant_code(variant) {
            Ok(code) => code,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let name = variant.ident.to_string();
        let found = match &code {
            Some(code) => by_code.get(code.value().as_str()).copied(),
            None => by_variant.get(name.as_str()).copied(),
        };
        let Some(index) = found else {
            let message = match &code {
                Some(code) => {
                    let codes = catalog.errors.iter().map(|e| e.code.as_str());
                    format!(
                        "the catalog `{catalog_name}` has no error `{}`{}",
                        code.value(),
                        did_you_mean(&code.value(), codes)
                    )
                }
                None => {
                    let names = catalog.errors.iter().map(|e| e.variant.as_str());
                    format!(
                        "variant `{name}` matches no error of the catalog `{catalog_name}`{}; name it after an error (or set `#[catalog(code = \"...\")]`)",
                        did_you_mean(&name, names)
                    )
                }
            };
            let span = code.as_ref().map_or(variant.ident.span(), LitStr::span);
            errors.push(syn::Error::new(span, message));
            continue;
        };
        let def = &catalog.errors[index];
        if bound[index].is_some() {
            errors.push(syn::Error::new(
                variant.ident.span(),
                format!(
                    "a second variant for the catalog error `{}`",
                    def.code.as_str()
                ),
            ));
            continue;
        }
        if let Some(v) = check_variant(def, variant, &mut errors) {
            bound[index] = Some((pos, v));
        }
    }
    for (def, b) in catalog.errors.iter().zip(&bound) {
        if b.is_none() && !errors.mentions(def.code.as_str()) {
            errors.push(syn::Error::new(
                input.ident.span(),
                format!(
                    "missing variant `{}` for the error `{}` of the catalog `{catalog_name}`{}",
                    def.variant,
                    def.code.as_str(),
                    shape(def)
                ),
            ));
        }
    }
    if let Some(e) = errors.all {
        return Err(e);
    }

    // Bound in the order of the user's variants: their indices are the table's.
    let mut order: Vec<(usize, ErrorVariant<'_>)> = bound.into_iter().flatten().collect();
    order.sort_by_key(|(pos, _)| *pos);
    let variants: Vec<ErrorVariant<'_>> = order
        .into_iter()
        .map(|(_, mut v)| {
            v.docs_url = catalog.docs_url(v.def);
            v
        })
        .collect();
    let mut text = String::new();
    emit::error_impls(
        &mut text,
        catalog,
        &input.ident.to_string(),
        &variants,
        &StatusMode::Meta,
        opts,
        false,
    );
    Ok(crate::rust::parse(&text))
}

/// Collects every error, so that all are reported at once.
#[derive(Default)]
struct Errors {
    all: Option<syn::Error>,
    codes: Vec<String>,
}

impl Errors {
    fn push(&mut self, e: syn::Error) {
        match &mut self.all {
            Some(all) => all.combine(e),
            None => self.all = Some(e),
        }
    }

    fn mentions(&self, code: &str) -> bool {
        self.codes.iter().any(|c| c == code)
    }
}

/// `#[catalog(code = "...")]` on a variant.
fn variant_code(variant: &syn::Variant) -> syn::Result<Option<LitStr>> {
    let mut code = None;
    for attr in variant
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("catalog"))
    {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("code") {
                if code.is_some() {
                    return Err(meta.error("the variant's `code` is given twice"));
                }
                code = Some(meta.value()?.parse::<LitStr>()?);
                Ok(())
            } else {
                Err(meta
                    .error("unknown `catalog` attribute on a variant; expected `code = \"...\"`"))
            }
        })?;
    }
    Ok(code)
}

/// What the variant of an error looks like, for messages.
fn shape(def: &ErrorDef) -> String {
    if def.fields.is_empty() {
        " (a unit variant)".to_owned()
    } else {
        let fields: Vec<String> = def
            .fields
            .iter()
            .map(|f| format!("{}: {}", f.name.as_str(), f.ty.rust_type()))
            .collect();
        format!(": `{} {{ {} }}`", def.variant, fields.join(", "))
    }
}

fn did_you_mean<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    candidates
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, c)| *score > 0.8 || strsim::damerau_levenshtein(name, c) <= 2)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map_or_else(String::new, |(_, c)| format!(" (did you mean `{c}`?)"))
}

/// Whether a field's type is the Rust type of a catalog field type.
fn type_matches(ty: &syn::Type, expected: FieldType) -> bool {
    let syn::Type::Path(p) = ty else {
        return false;
    };
    if p.qself.is_some() {
        return false;
    }
    let segments: Vec<String> = p
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    if p.path.segments.iter().any(|s| !s.arguments.is_empty()) {
        return false;
    }
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    match expected {
        FieldType::String => matches!(
            segments.as_slice(),
            ["String"] | ["std" | "alloc", "string", "String"]
        ),
        other => {
            let prim = other.rust_type();
            matches!(segments.as_slice(), [p] if *p == prim)
                || matches!(segments.as_slice(), ["core" | "std", "primitive", p] if *p == prim)
        }
    }
}

fn check_variant<'a>(
    def: &'a ErrorDef,
    variant: &syn::Variant,
    errors: &mut Errors,
) -> Option<ErrorVariant<'a>> {
    let code = def.code.as_str();
    let mut failed = false;
    let mut fail = |errors: &mut Errors, e: syn::Error| {
        errors.codes.push(code.to_owned());
        errors.push(e);
        failed = true;
    };
    let result = check_fields(def, variant, errors, &mut fail);
    result.filter(|_| !failed)
}

fn check_fields<'a>(
    def: &'a ErrorDef,
    variant: &syn::Variant,
    errors: &mut Errors,
    fail: &mut dyn FnMut(&mut Errors, syn::Error),
) -> Option<ErrorVariant<'a>> {
    let code = def.code.as_str();
    let all: Vec<&syn::Field> = variant.fields.iter().collect();
    // The cause field: the one marked `#[source]`, `#[from]` or `#[catalog(cause|from)]`.
    let mut cause: Option<(usize, bool)> = None;
    for (i, f) in all.iter().enumerate() {
        match cause_mark(f) {
            Err(e) => {
                fail(errors, e);
                return None;
            }
            Ok(None) => {}
            Ok(Some(_)) if cause.is_some() => {
                fail(
                    errors,
                    syn::Error::new(
                        f.ident
                            .as_ref()
                            .map_or_else(|| f.ty.span(), syn::Ident::span),
                        format!(
                            "a second cause field in the variant of the error `{code}`: a variant has at most one"
                        ),
                    ),
                );
                return None;
            }
            Ok(Some(from)) => cause = Some((i, from)),
        }
    }
    let tuple = matches!(variant.fields, Fields::Unnamed(_));
    if tuple && (all.len() != 1 || cause.is_none() || !def.fields.is_empty()) {
        fail(
            errors,
            syn::Error::new(
                variant.fields.span(),
                if def.fields.is_empty() {
                    format!(
                        "the variant of the error `{code}` cannot be a tuple variant{} (a tuple variant holds only a cause: `{}(#[source] errcat::Cause)`)",
                        shape(def),
                        variant.ident
                    )
                } else {
                    format!(
                        "the variant of the error `{code}` cannot be a tuple variant{}",
                        shape(def)
                    )
                },
            ),
        );
        return None;
    }
    let unit = matches!(variant.fields, Fields::Unit);
    let user_fields: Vec<&syn::Field> = (all.iter().enumerate())
        .filter(|(i, _)| cause.is_none_or(|(c, _)| c != *i))
        .map(|(_, f)| *f)
        .collect();
    let cause = match cause_field(
        def,
        variant,
        cause.map(|(i, from)| (i, all[i], from)),
        user_fields.len(),
    ) {
        Ok(c) => c,
        Err(e) => {
            fail(errors, e);
            return None;
        }
    };
    if def.fields.is_empty() {
        if !user_fields.is_empty() {
            fail(
                errors,
                syn::Error::new(
                    user_fields[0].span(),
                    format!(
                        "the error `{code}` has no fields (its message is {:?}): make `{}` a unit variant (or give it only a cause field)",
                        def.message.text.as_str(),
                        variant.ident
                    ),
                ),
            );
        }
        return Some(ErrorVariant {
            ident: variant.ident.to_string(),
            def,
            fields: Vec::new(),
            unit,
            docs_url: None,
            cause,
            tuple,
        });
    }
    if unit {
        fail(
            errors,
            syn::Error::new(
                variant.ident.span(),
                format!(
                    "the error `{code}` has fields (its message is {:?}): make `{}` a struct variant{}",
                    def.message.text.as_str(),
                    variant.ident,
                    shape(def)
                ),
            ),
        );
        return None;
    }
    let mut idents = Vec::new();
    for f in &def.fields {
        let want = f.name.as_str();
        match user_fields
            .iter()
            .find(|uf| uf.ident.as_ref().is_some_and(|i| unraw(i) == want))
        {
            Some(uf) => {
                if !type_matches(&uf.ty, f.ty) {
                    fail(
                        errors,
                        syn::Error::new(
                            uf.ty.span(),
                            format!(
                                "the field `{want}` of the error `{code}` is a catalog {}: its type must be `{}`",
                                f.ty.as_str(),
                                f.ty.rust_type()
                            ),
                        ),
                    );
                }
                if let Some(i) = &uf.ident {
                    idents.push(i.to_string());
                }
            }
            None => fail(
                errors,
                syn::Error::new(
                    variant.ident.span(),
                    format!(
                        "missing field `{want}: {}` of the error `{code}`",
                        f.ty.rust_type()
                    ),
                ),
            ),
        }
    }
    for uf in &user_fields {
        let Some(i) = &uf.ident else { continue };
        let name = unraw(i);
        if !def.fields.iter().any(|f| f.name.as_str() == name) {
            let names = def.fields.iter().map(|f| f.name.as_str());
            fail(
                errors,
                syn::Error::new(
                    i.span(),
                    format!(
                        "the error `{code}` has no field `{name}`{}: its message is {:?} (a field holding a cause is marked `#[source]`)",
                        did_you_mean(&name, names),
                        def.message.text.as_str()
                    ),
                ),
            );
        }
    }
    Some(ErrorVariant {
        ident: variant.ident.to_string(),
        def,
        fields: idents,
        unit: false,
        docs_url: None,
        cause,
        tuple: false,
    })
}

/// Whether a field holds the variant's cause: `Some(true)` for `#[from]` or
/// `#[catalog(from)]` (a cause with a `From` conversion), `Some(false)` for `#[source]` or
/// `#[catalog(cause)]`.
fn cause_mark(field: &syn::Field) -> syn::Result<Option<bool>> {
    let mut mark = None;
    for attr in &field.attrs {
        if attr.path().is_ident("source") || attr.path().is_ident("from") {
            attr.meta.require_path_only()?;
            let from = attr.path().is_ident("from");
            mark = Some(mark.unwrap_or(false) || from);
        } else if attr.path().is_ident("catalog") {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("cause") {
                    mark = Some(mark.unwrap_or(false));
                    Ok(())
                } else if meta.path.is_ident("from") {
                    mark = Some(true);
                    Ok(())
                } else {
                    Err(meta.error(
                        "unknown `catalog` attribute on a field; expected `cause` or `from`",
                    ))
                }
            })?;
        }
    }
    Ok(mark)
}

/// The type inside `Option<...>`, if `ty` is one.
fn option_inner(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != "Option" || p.qself.is_some() {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(t)) if args.args.len() == 1 => Some(t),
        _ => None,
    }
}

/// Whether `ty` is `errcat::Cause` (`Cause`, `errcat::Cause` or `::errcat::Cause`).
fn is_cause_type(ty: &syn::Type) -> bool {
    let syn::Type::Path(p) = ty else { return false };
    let segments: Vec<String> = p
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    p.qself.is_none()
        && p.path.segments.iter().all(|s| s.arguments.is_empty())
        && matches!(
            segments
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice(),
            ["Cause"] | ["errcat", "Cause"]
        )
}

/// The cause field of a variant (`(index, field, marked #[from])`), checked against the
/// catalog's `cause` and `from`, with its conversions.
fn cause_field(
    def: &ErrorDef,
    variant: &syn::Variant,
    marked: Option<(usize, &syn::Field, bool)>,
    other_fields: usize,
) -> syn::Result<Option<emit::CauseField>> {
    let code = def.code.as_str();
    let Some((index, field, from)) = marked else {
        if def.cause.is_some() {
            return Err(syn::Error::new(
                variant.ident.span(),
                format!(
                    "the error `{code}` carries a cause (the catalog's `cause` or `from`): add a field `#[source] cause: Option<errcat::Cause>` to `{}`",
                    variant.ident
                ),
            ));
        }
        return Ok(None);
    };
    let member = match &field.ident {
        Some(i) => i.to_string(),
        None => index.to_string(),
    };
    let inner = option_inner(&field.ty);
    let optional = inner.is_some();
    let value_ty = inner.unwrap_or(&field.ty);
    let mut conversions = Vec::new();
    if from {
        if other_fields > 0 {
            return Err(syn::Error::new(
                field
                    .ident
                    .as_ref()
                    .map_or_else(|| field.ty.span(), syn::Ident::span),
                format!(
                    "`#[from]` converts into a variant without other fields, and the error `{code}` has fields: mark the field `#[source]` instead"
                ),
            ));
        }
        let value = if optional {
            "::core::option::Option::Some(error)"
        } else {
            "error"
        };
        let ty = quote::ToTokens::to_token_stream(value_ty).to_string();
        conversions.push((ty, value.to_owned()));
    }
    let listed = def.cause.as_ref().map_or(&[][..], |c| &c.from[..]);
    if !listed.is_empty() {
        if !is_cause_type(value_ty) {
            return Err(syn::Error::new(
                field.ty.span(),
                format!(
                    "the catalog converts `{}` into the error `{code}` (its `from`): the cause field must be an `errcat::Cause` or `Option<errcat::Cause>`, which hold any error",
                    listed[0].as_str()
                ),
            ));
        }
        conversions.extend(listed.iter().map(|t| emit::cause_conversion(t, optional)));
    }
    Ok(Some(emit::CauseField {
        member,
        optional,
        from: conversions,
    }))
}

fn unraw(i: &syn::Ident) -> String {
    let s = i.to_string();
    s.strip_prefix("r#").map_or(s.clone(), str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        let loaded = errcat_catalog::load_str(
            "errors.toml",
            r#"
            [catalog]
            name = "Demo"
            extends = "http"

            [statuses.404]
            [statuses.429]

            [errors.invoice_not_found]
            status = 404
            message = "No invoice {invoice_id} ({count})"
            fields.invoice_id = { type = "string" }
            fields.count = { type = "unsigned" }

            [errors.rate_limited]
            status = 429
            message = "Slow down"
            retry_after = 5
            "#,
        );
        let diags = loaded.render_diagnostics(false);
        loaded.catalog.unwrap_or_else(|| panic!("{diags}"))
    }

    fn messages(src: &str) -> Vec<String> {
        let input: DeriveInput = syn::parse_str(src).unwrap();
        match derive(&catalog(), &input) {
            Ok(_) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn a_matching_enum_derives() {
        let ok = messages(
            "#[derive(Debug)] enum E { RateLimited, InvoiceNotFound { count: u64, invoice_id: std::string::String } }",
        );
        assert_eq!(ok, Vec::<String>::new());
        let renamed = messages(
            "enum E { #[catalog(code = \"rate_limited\")] Slow, InvoiceNotFound { invoice_id: String, count: u64 } }",
        );
        assert_eq!(renamed, Vec::<String>::new());
    }

    #[test]
    fn every_mismatch_is_reported() {
        let errs = messages(
            "enum E { RateLimitd { x: u8 }, InvoiceNotFound { invoice_id: i64, cnt: u64 }, Extra }",
        );
        let all = errs.join("\n");
        assert!(
            all.contains("variant `RateLimitd` matches no error")
                && all.contains("did you mean `RateLimited`"),
            "{all}"
        );
        assert!(all.contains("the field `invoice_id` of the error `invoice_not_found` is a catalog string: its type must be `String`"), "{all}");
        assert!(all.contains("missing field `count: u64`"), "{all}");
        assert!(
            all.contains("has no field `cnt` (did you mean `count`?)"),
            "{all}"
        );
        assert!(all.contains("variant `Extra` matches no error"), "{all}");
        assert!(
            all.contains("missing variant `RateLimited` for the error `rate_limited`"),
            "{all}"
        );
        assert!(!all.contains("missing variant `InvoiceNotFound`"), "{all}");
    }

    #[test]
    fn unit_and_struct_shapes_are_checked() {
        let all = messages("enum E { RateLimited { a: String }, InvoiceNotFound }").join("\n");
        assert!(all.contains("make `RateLimited` a unit variant"), "{all}");
        assert!(all.contains("make `InvoiceNotFound` a struct variant: `InvoiceNotFound { invoice_id: String, count: u64 }`"), "{all}");
        let all = messages("enum E { RateLimited, InvoiceNotFound(String, u64) }").join("\n");
        assert!(all.contains("cannot be a tuple variant"), "{all}");
        let all = messages("enum E { RateLimited, RateLimited2, #[catalog(code = \"rate_limited\")] Again, InvoiceNotFound { invoice_id: String, count: u64 } }").join("\n");
        assert!(
            all.contains("a second variant for the catalog error `rate_limited`"),
            "{all}"
        );
        assert!(
            all.contains("variant `RateLimited2` matches no error"),
            "{all}"
        );
        let all = messages("struct S;").join("\n");
        assert!(all.contains("only be derived for an enum"), "{all}");
        let all = messages("enum E<T> { A(T) }").join("\n");
        assert!(all.contains("generic"), "{all}");
    }

    #[test]
    fn generated_impls_follow_the_user_order() {
        let input: DeriveInput = syn::parse_str(
            "enum E { InvoiceNotFound { count: u64, invoice_id: String }, RateLimited }",
        )
        .unwrap();
        let tokens = derive(&catalog(), &input).unwrap();
        let file: syn2::File = syn2::parse2(tokens).unwrap();
        let code = prettyplease::unparse(&file);
        assert!(code.contains("Self::InvoiceNotFound { .. } => 0"), "{code}");
        assert!(code.contains("Self::RateLimited => 1"), "{code}");
        assert!(
            code.contains("fn status(&self) -> &'static ::errcat::StatusMeta"),
            "{code}"
        );
        assert!(
            code.contains("Self::InvoiceNotFound { invoice_id, count } =>"),
            "{code}"
        );
    }
}
