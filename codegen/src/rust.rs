//! The Rust emitter: the catalog's status enum and error enum, with their impls.
//!
//! The generated code is shaped to compile fast at thousands of errors: everything that
//! differs per error is static data (a metadata table of [`errcat::ErrorMeta`], message and
//! body templates as tables of pieces) interpreted by the small run time in
//! `errcat::__private`; the only per-variant code is one match arm that yields the
//! variant's index and field values. Lookups by code use an open-addressing hash table
//! built here (`errcat::__private::hash`, linear probing, load factor at most 1/2).
//!
//! [`errcat::ErrorMeta`]: https://docs.rs/errcat

mod docs;
pub(crate) mod emit;

use errcat_catalog::Catalog;
use proc_macro2::TokenStream;

/// Which optional integrations to generate; each needs the dependency in the user's crate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RustOptions {
    /// `impl ::serde::Serialize` for the error (serializes its body).
    pub serde: bool,
    /// Conversions to `::http::StatusCode`.
    pub http: bool,
    /// `impl ::axum::response::IntoResponse`.
    pub axum: bool,
}

/// The generated items: the status enum, the error enum and their impls. They refer to the
/// `errcat` crate (the run time) by absolute paths, and to `serde`, `http` and `axum` when
/// `opts` asks for those integrations.
pub fn tokens(catalog: &Catalog, opts: &RustOptions) -> TokenStream {
    emit::catalog(catalog, opts)
}

/// The generated items, formatted with prettyplease (no header: the I/O layer adds it).
pub fn generate(catalog: &Catalog, opts: &RustOptions) -> String {
    format(tokens(catalog, opts))
}

/// Formats generated items; falls back to the raw token text if they do not parse (which
/// would be a bug of the emitter, not of the catalog).
pub(crate) fn format(tokens: TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(_) => tokens.to_string(),
    }
}
