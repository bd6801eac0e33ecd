//! errcat's procedural macros, re-exported by the `errcat` crate (feature `macros`):
//!
//! - [`catalog!`](macro@catalog) generates the catalog's types in place, the same code the
//!   build-script API writes to `OUT_DIR`;
//! - [`#[derive(ErrorCatalog)]`](derive@ErrorCatalog) checks an enum you wrote against the
//!   catalog and implements errcat's traits for it.
//!
//! Catalog paths are relative to the crate's root (`CARGO_MANIFEST_DIR`). The catalog and
//! every file it includes are tracked by the compiler, so editing one of them recompiles
//! the crate. A bad catalog is a compile error at the macro's path argument that names
//! `path:line:col` of the problem in the catalog; the catalog's warnings are compiler
//! warnings there (reported through the `deprecated` lint: proc macros have no warnings of
//! their own on stable Rust), which the catalog's `[lints]` table can silence.

use errcat_catalog::Loaded;
use errcat_codegen::rust::RustOptions;
use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::{format_ident, quote};
use std::path::{Path, PathBuf};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{DeriveInput, LitStr, Token};
// The stubs read the catalog's TOML tree as errcat-catalog does: toml's `parse` feature,
// no serde (serde_core would be built a second time, for the host, in the macro path).
use toml::de::DeTable;

/// Generates the catalog's Rust types (the error enum, the status enum and their impls)
/// where it is invoked.
///
/// ```ignore
/// errcat::catalog!("errors.toml");
/// ```
///
/// Integrations that need a dependency of your crate are opt-in, after the path:
/// `serde` (`impl Serialize`), `http` (`http::StatusCode` conversions), `axum`
/// (`impl IntoResponse`):
///
/// ```ignore
/// errcat::catalog!("errors.toml", serde, axum);
/// ```
///
/// The path is relative to `CARGO_MANIFEST_DIR`.
#[proc_macro]
pub fn catalog(input: TokenStream) -> TokenStream {
    let args = syn::parse_macro_input!(input as CatalogArgs);
    expand_catalog(&args).into()
}

/// Checks the enum against the catalog named by `#[catalog(path = "...")]` (one variant
/// per error, named and with fields as the catalog says) and implements errcat's traits
/// for it.
///
/// ```ignore
/// #[derive(Debug, errcat::ErrorCatalog)]
/// #[catalog(path = "errors.toml")]
/// pub enum ApiError {
///     NotFound { resource: String },
///     #[catalog(code = "rate_limited")]
///     SlowDown,
/// }
/// ```
///
/// The path is relative to `CARGO_MANIFEST_DIR`. Integrations are opt-in flags next to it:
/// `#[catalog(path = "errors.toml", serde, http, axum)]`. A variant named otherwise than
/// its error takes `#[catalog(code = "...")]`.
///
/// When the enum does not match the catalog, every mismatch is reported at the variant or
/// field concerned, and `Display`, `std::error::Error` and `errcat::CatalogError` are still
/// implemented (with bodies that never run), so that code using the enum adds no errors of
/// its own.
#[proc_macro_derive(ErrorCatalog, attributes(catalog, source, from))]
pub fn derive_error_catalog(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    expand_derive(&input).into()
}

/// `"path" (, option)*`.
struct CatalogArgs {
    path: LitStr,
    options: RustOptions,
}

impl Parse for CatalogArgs {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(input.error(
                "expected the catalog's path: `errcat::catalog!(\"errors.toml\")` (relative to CARGO_MANIFEST_DIR)",
            ));
        }
        let path: LitStr = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected the catalog's path as a string literal: `errcat::catalog!(\"errors.toml\")`",
            )
        })?;
        let mut options = RustOptions::default();
        if input.is_empty() {
            return Ok(CatalogArgs { path, options });
        }
        input.parse::<Token![,]>()?;
        let idents = Punctuated::<syn::Ident, Token![,]>::parse_terminated(input)?;
        for ident in idents {
            let Some(flag) = option_flag(&mut options, &syn::Path::from(ident.clone())) else {
                return Err(syn::Error::new(
                    ident.span(),
                    format!(
                        "unknown option `{ident}`; the options are `serde`, `http`, `axum` and `tracing`"
                    ),
                ));
            };
            if *flag {
                return Err(syn::Error::new(ident.span(), "option given twice"));
            }
            *flag = true;
        }
        Ok(CatalogArgs { path, options })
    }
}

fn expand_catalog(args: &CatalogArgs) -> TokenStream2 {
    let loaded = load(&args.path);
    let track = track(&loaded);
    match &loaded.catalog {
        Some(catalog) => {
            let items = errcat_codegen::rust::tokens(catalog, &args.options);
            let warnings = catalog_warnings(&args.path, &loaded);
            quote! { #track #warnings #items }
        }
        None => {
            let errors = catalog_errors(&args.path, &loaded).to_compile_error();
            let stub = stub_enums(&loaded);
            quote! { #errors #track #stub }
        }
    }
}

fn expand_derive(input: &DeriveInput) -> TokenStream2 {
    match derive_checked(input) {
        Ok(tokens) | Err(tokens) => tokens,
    }
}

/// `Ok` and `Err` both hold the tokens to emit; `Err` ones carry a compile error.
fn derive_checked(input: &DeriveInput) -> Result<TokenStream2, TokenStream2> {
    if let syn::Data::Struct(syn::DataStruct { struct_token, .. }) = &input.data {
        return Err(syn::Error::new(
            struct_token.span,
            "`ErrorCatalog` can only be derived for an enum with one variant per catalog error",
        )
        .to_compile_error());
    }
    if let syn::Data::Union(syn::DataUnion { union_token, .. }) = &input.data {
        return Err(syn::Error::new(
            union_token.span,
            "`ErrorCatalog` can only be derived for an enum with one variant per catalog error",
        )
        .to_compile_error());
    }
    let fallback = fallback_impls(input);
    let (path, options) = catalog_attr(input).map_err(|e| {
        let errors = e.to_compile_error();
        quote! { #errors #fallback }
    })?;
    let loaded = load(&path);
    let track = track(&loaded);
    let Some(catalog) = &loaded.catalog else {
        let errors = catalog_errors(&path, &loaded).to_compile_error();
        return Err(quote! { #errors #track #fallback });
    };
    match errcat_codegen::derive::derive_with(catalog, input, &options) {
        Ok(items) => {
            let warnings = catalog_warnings(&path, &loaded);
            Ok(quote! { #track #warnings #items })
        }
        Err(e) => {
            let errors = e.to_compile_error();
            Err(quote! { #errors #track #fallback })
        }
    }
}

/// When the derive fails, the traits and methods it would have implemented, with bodies
/// that are never compiled into a program (the crate has an error): code that uses the
/// enum then adds no errors to the derive's (thiserror's fallback idea).
fn fallback_impls(input: &DeriveInput) -> TokenStream2 {
    stand_in_impls(
        &input.ident,
        &input.generics,
        quote!(&'static ::errcat::StatusMeta),
    )
}

/// `Display`, `std::error::Error`, `errcat::CatalogError` and the generated enums' methods,
/// for an enum whose real impls could not be generated: every body is `unreachable!()`,
/// which is fine because the crate does not compile (an error was reported).
fn stand_in_impls(
    ident: &syn::Ident,
    generics: &syn::Generics,
    status: TokenStream2,
) -> TokenStream2 {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::unreachable!()
            }
        }
        #[automatically_derived]
        impl #impl_generics ::std::error::Error for #ident #ty_generics #where_clause {}
        #[automatically_derived]
        impl #impl_generics ::errcat::CatalogError for #ident #ty_generics #where_clause {
            fn meta(&self) -> ::errcat::ErrorMeta {
                ::core::unreachable!()
            }
            fn content_type(&self) -> &'static str {
                ::core::unreachable!()
            }
        }
        #[automatically_derived]
        #[allow(dead_code, missing_docs, clippy::all)]
        impl #impl_generics #ident #ty_generics #where_clause {
            pub fn meta(&self) -> ::errcat::ErrorMeta {
                ::core::unreachable!()
            }
            pub fn status(&self) -> #status {
                ::core::unreachable!()
            }
            pub fn code(&self) -> &'static str {
                ::core::unreachable!()
            }
            pub fn title(&self) -> &'static str {
                ::core::unreachable!()
            }
            pub fn docs_url(&self) -> ::core::option::Option<&'static str> {
                ::core::unreachable!()
            }
            pub fn is_retryable(&self) -> bool {
                ::core::unreachable!()
            }
            pub fn retry_after(&self) -> ::core::option::Option<u32> {
                ::core::unreachable!()
            }
            pub fn attribute(&self, _: &str) -> ::core::option::Option<::errcat::AttrValue> {
                ::core::unreachable!()
            }
            pub fn body_json_with(&self, _: &::errcat::BodyContext<'_>) -> ::std::string::String {
                ::core::unreachable!()
            }
            pub fn body_json(&self) -> ::std::string::String {
                ::core::unreachable!()
            }
        }
    }
}

/// The enum's `#[catalog(path = "...", serde, http, axum)]` attribute. (Variants'
/// `#[catalog(code = "...")]` attributes are read by the derive itself.)
fn catalog_attr(input: &DeriveInput) -> syn::Result<(LitStr, RustOptions)> {
    let mut path: Option<LitStr> = None;
    let mut options = RustOptions::default();
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("catalog")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("path") {
                let value: LitStr = meta.value()?.parse().map_err(|e| {
                    syn::Error::new(
                        e.span(),
                        "expected a string literal: `#[catalog(path = \"errors.toml\")]`",
                    )
                })?;
                if path.is_some() {
                    return Err(meta.error("the catalog's `path` is given twice"));
                }
                path = Some(value);
                Ok(())
            } else if let Some(flag) = option_flag(&mut options, &meta.path) {
                if *flag {
                    return Err(meta.error("option given twice"));
                }
                *flag = true;
                Ok(())
            } else {
                let name = meta
                    .path
                    .get_ident()
                    .map_or_else(|| "?".to_owned(), ToString::to_string);
                Err(meta.error(format!(
                    "unknown `catalog` attribute `{name}`; expected `path = \"errors.toml\"`, `serde`, `http`, `axum` or `tracing`"
                )))
            }
        })?;
    }
    let path = path.ok_or_else(|| {
        syn::Error::new(
            input.ident.span(),
            "missing `#[catalog(path = \"errors.toml\")]`: `ErrorCatalog` needs the catalog's path (relative to CARGO_MANIFEST_DIR)",
        )
    })?;
    Ok((path, options))
}

/// The flag of an integration option (`serde`, `http`, `axum`).
fn option_flag<'a>(options: &'a mut RustOptions, name: &syn::Path) -> Option<&'a mut bool> {
    let ident = name.get_ident()?.to_string();
    match ident.as_str() {
        "serde" => Some(&mut options.serde),
        "http" => Some(&mut options.http),
        "axum" => Some(&mut options.axum),
        "tracing" => Some(&mut options.tracing),
        _ => None,
    }
}

/// The crate's root: catalog paths are relative to it.
fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| PathBuf::from("."), PathBuf::from)
}

/// Loads the catalog named by `path`, relative to the crate's root. The files keep the
/// paths as written (relative), so diagnostics show `errors.toml:3:1`, not a path that
/// depends on the machine.
fn load(path: &LitStr) -> Loaded {
    let root = manifest_dir();
    let mut read = |p: &Path| errcat_catalog::read_file(&root.join(p));
    errcat_catalog::load_with(Path::new(&path.value()), &mut read)
}

/// `include_bytes!` of every file the catalog is made of, so that the compiler records
/// them as inputs of the crate and cargo recompiles it when one changes (the stable
/// stand-in for `proc_macro::tracked_path`). The absolute paths only exist in the
/// expansion.
fn track(loaded: &Loaded) -> TokenStream2 {
    let root = manifest_dir();
    let files = loaded.sources.disk_paths().filter_map(|p| {
        let absolute = root.join(p);
        let absolute = absolute.to_str()?;
        Some(LitStr::new(absolute, Span::call_site()))
    });
    quote! {
        #(const _: &[u8] = ::core::include_bytes!(#files);)*
    }
}

/// One compile error per catalog error, all at the path literal; each reads
/// `message (rule)` followed by the rendered snippet (`--> path:line:col`, the line,
/// a caret, help).
fn catalog_errors(path: &LitStr, loaded: &Loaded) -> syn::Error {
    let mut all: Option<syn::Error> = None;
    for d in loaded.diagnostics.iter().filter(|d| d.is_error()) {
        let rendered = d.render(&loaded.sources, false);
        let snippet = rendered.split_once('\n').map_or("", |(_, rest)| rest);
        let mut message = format!("{} [{}]", d.message, d.rule);
        if let Some((file, line, col)) = d.location(&loaded.sources) {
            message = format!("{file}:{line}:{col}: {message}");
        }
        if !snippet.trim().is_empty() {
            message.push('\n');
            message.push_str(snippet.trim_end());
        }
        if d.rule == "io" && d.primary.is_none() {
            message.push_str(
                "\n= help: the path is relative to the crate's root (CARGO_MANIFEST_DIR)",
            );
        }
        let e = syn::Error::new(path.span(), message);
        match &mut all {
            Some(all) => all.combine(e),
            None => all = Some(e),
        }
    }
    all.unwrap_or_else(|| {
        syn::Error::new(
            path.span(),
            format!("the catalog `{}` could not be loaded", path.value()),
        )
    })
}

/// The catalog's warnings, as compiler warnings at the path literal. Proc macros cannot
/// emit warnings on stable Rust, so each is the `deprecated` lint of a hidden item used
/// once (the technique of the `proc-macro-warning` crate): rustc shows
/// `warning: use of deprecated ...: <the diagnostic>`. The catalog's `[lints]` table
/// silences them.
fn catalog_warnings(path: &LitStr, loaded: &Loaded) -> TokenStream2 {
    let warnings = loaded.diagnostics.iter().filter(|d| !d.is_error());
    let items = warnings.map(|d| {
        let rendered = d.render(&loaded.sources, false);
        let snippet = rendered.split_once('\n').map_or("", |(_, rest)| rest);
        let mut note = format!("{} [{}]", d.message, d.rule);
        if let Some((file, line, col)) = d.location(&loaded.sources) {
            note = format!("{file}:{line}:{col}: {note}");
        }
        if !snippet.trim().is_empty() {
            note.push('\n');
            note.push_str(snippet.trim_end());
        }
        let name = syn::Ident::new("errcat_catalog_warning", path.span());
        quote::quote_spanned! {path.span()=>
            const _: () = {
                #[deprecated(note = #note)]
                #[allow(non_upper_case_globals)]
                const #name: () = ();
                #name
            };
        }
    });
    quote! { #(#items)* }
}

/// Stand-ins for the enums an invalid catalog would have generated, so that code using
/// them does not add errors of its own to the catalog's: the configured names, the
/// variants and fields of the errors whose TOML could be read, and the traits and methods
/// (see [`stand_in_impls`]).
fn stub_enums(loaded: &Loaded) -> TokenStream2 {
    let (error_enum, status_enum) = configured_names(loaded);
    let error_enum = format_ident!("{}", error_enum);
    let status_enum = format_ident!("{}", status_enum);
    let variants = stub_variants(loaded);
    let impls = stand_in_impls(&error_enum, &syn::Generics::default(), quote!(#status_enum));
    quote! {
        #[allow(dead_code, missing_docs)]
        #[derive(Debug, Clone, PartialEq)]
        pub enum #error_enum {
            #(#variants,)*
        }
        #impls
        // Inhabited, so that code after `error.status()` is not reported unreachable.
        #[allow(dead_code, missing_docs)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum #status_enum {
            #[doc(hidden)]
            __Unavailable,
        }
        #[automatically_derived]
        #[allow(dead_code, missing_docs)]
        impl #status_enum {
            pub const fn code(self) -> u16 {
                ::core::unreachable!()
            }
            pub const fn reason(self) -> &'static str {
                ::core::unreachable!()
            }
        }
    }
}

/// The variants of the errors in the catalog's files that are valid TOML: the name errcat
/// derives from each code, and its fields with their Rust types.
fn stub_variants(loaded: &Loaded) -> Vec<TokenStream2> {
    let mut variants = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for file in loaded.sources.iter().filter(|f| !f.bundled) {
        let Ok(table) = DeTable::parse(&file.text) else {
            continue;
        };
        let Some(errors) = table
            .get_ref()
            .get("errors")
            .and_then(|e| e.get_ref().as_table())
        else {
            continue;
        };
        for (code, def) in errors {
            let name = errcat_catalog::names::variant_name(code.get_ref());
            let Ok(ident) = syn::parse_str::<syn::Ident>(&name) else {
                continue;
            };
            if !seen.insert(name) {
                continue;
            }
            let fields = def
                .get_ref()
                .get("fields")
                .and_then(|fields| fields.get_ref().as_table())
                .map(|fields| {
                    fields
                        .iter()
                        .filter_map(|(field, decl)| {
                            let field = syn::parse_str::<syn::Ident>(field.get_ref()).ok()?;
                            let ty = decl
                                .get_ref()
                                .get("type")
                                .and_then(|ty| ty.get_ref().as_str())
                                .and_then(|t| {
                                    errcat_catalog::FieldType::ALL.iter().find(|(n, _)| *n == t)
                                })
                                .map_or("String", |(_, ty)| ty.rust_type());
                            let ty: syn::Type = syn::parse_str(ty).ok()?;
                            Some(quote!(#field: #ty))
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default();
            variants.push(if fields.is_empty() {
                quote!(#ident)
            } else {
                quote!(#ident { #(#fields),* })
            });
        }
    }
    variants
}

/// The `[rust]` names of the root catalog when its TOML can be read, else the defaults.
fn configured_names(loaded: &Loaded) -> (String, String) {
    let mut names = ("ApiError".to_owned(), "ApiStatus".to_owned());
    let Some(root) = loaded.sources.iter().next() else {
        return names;
    };
    let Ok(table) = DeTable::parse(&root.text) else {
        return names;
    };
    let rust = table
        .get_ref()
        .get("rust")
        .and_then(|r| r.get_ref().as_table());
    let name = |key: &str| {
        rust.and_then(|r| r.get(key))
            .and_then(|n| n.get_ref().as_str())
            .filter(|s| syn::parse_str::<syn::Ident>(s).is_ok())
            .map(str::to_owned)
    };
    if let Some(n) = name("error_enum") {
        names.0 = n;
    }
    if let Some(n) = name("status_enum") {
        names.1 = n;
    }
    if names.0 == names.1 {
        names.1.push_str("Status");
    }
    names
}
