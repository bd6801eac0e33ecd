//! The Rust emitter (being written: see the helper brief).
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

/// The generated items.
pub fn tokens(_catalog: &Catalog, _opts: &RustOptions) -> TokenStream {
    TokenStream::new()
}

/// The generated items, formatted with prettyplease (no header: the I/O layer adds it).
pub fn generate(catalog: &Catalog, opts: &RustOptions) -> String {
    tokens(catalog, opts).to_string()
}
