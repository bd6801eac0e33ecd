//! The Rust emitter: the catalog's status enum and error enum, with their impls.
//!
//! The generated code is shaped to compile fast at thousands of errors: every fact that
//! differs per error is data in one packed table (`errcat::__private::Table`: one string
//! literal holding every string and byte-string literals of fixed-size records) that
//! [`errcat::ErrorMeta`] views read at run time; the only per-variant code is the enum
//! itself and two matches, one giving the variant's index and one its field values (with
//! variants of the same field shape sharing one arm). `Debug` and `PartialEq` go through
//! them instead of being derived per variant. Lookups by code use an open-addressing hash
//! table built here (`errcat::__private::hash`, linear probing, load factor at most 1/2).
//!
//! The items that grow with the catalog are written directly as formatted text
//! (`rust/text.rs`), the fixed-size rest with `quote!` and prettyplease; the whole output is
//! what `prettyplease` prints for it.
//!
//! [`errcat::ErrorMeta`]: https://docs.rs/errcat

mod decode;
pub(crate) mod docs;
pub(crate) mod emit;
mod group;
mod pretty;
mod text;

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
    /// `log()`, which records the error through `::tracing` (server errors at `ERROR` with
    /// their cause chain, the others at `DEBUG`), and a call to it in `into_response` when
    /// `axum` is on.
    pub tracing: bool,
}

/// The generated items: the status enum, the error enum and their impls. They refer to the
/// `errcat` crate (the run time) by absolute paths, and to `serde`, `http` and `axum` when
/// `opts` asks for those integrations.
pub fn tokens(catalog: &Catalog, opts: &RustOptions) -> TokenStream {
    let mut out = emit::statuses(catalog, opts);
    let mut text = String::new();
    let impls = emit::errors(catalog, opts, &mut text);
    out.extend(parse(&text));
    out.extend(impls);
    out
}

/// The generated items, formatted as prettyplease formats them (no header: the I/O layer
/// adds it).
pub fn generate(catalog: &Catalog, opts: &RustOptions) -> String {
    let statuses = format(emit::statuses(catalog, opts));
    // The whole file in one allocation (~1.7 KB of text per error in the benchmarks'
    // catalogs): growing a multi-megabyte string by doubling costs copies and page faults.
    let mut out = String::with_capacity(statuses.len() + 16 * 1024 + 2560 * catalog.errors.len());
    out.push_str(&statuses);
    let impls = emit::errors(catalog, opts, &mut out);
    out.push_str(&format(impls));
    out
}

/// Tokens of generated text; a `compile_error!` if they do not lex (which would be a bug
/// of the emitter, not of the catalog).
pub(crate) fn parse(text: &str) -> TokenStream {
    text.parse().unwrap_or_else(|e| {
        let message = format!("errcat generated invalid Rust (a bug of errcat): {e}");
        quote::quote!(::core::compile_error!(#message);)
    })
}

/// Formats generated items; falls back to the raw token text if they do not parse (which
/// would be a bug of the emitter, not of the catalog).
pub(crate) fn format(tokens: TokenStream) -> String {
    let source = tokens.to_string();
    memo(source, |source| match syn::parse_file(source) {
        Ok(file) => prettyplease::unparse(&file),
        Err(_) => source.to_owned(),
    })
}

/// `f(key)`, computed once per process for each `key` (the most recent ones are kept).
///
/// The fixed-size items (the impls around the error table, the status enum, the body
/// templates) are formatted by syn and prettyplease, which cost most of the generation of
/// a small catalog (~5 M instructions); they are the same from one catalog to the next
/// unless the type names, the options or the statuses change, so a process that generates
/// many catalogs (a fuzzer, a test suite, a build with several catalogs) formats each once.
/// The key is the whole source text, so a hit is always the same output.
pub(crate) fn memo(key: String, f: impl FnOnce(&str) -> String) -> String {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    /// Enough for every combination of options and many catalogs; past it the cache starts
    /// over, so that memory stays bounded in a long-running process.
    const ENTRIES: usize = 256;
    static CACHE: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Mutex::default);
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return hit;
    }
    let value = f(&key);
    if let Ok(mut c) = cache.lock() {
        if c.len() >= ENTRIES {
            c.clear();
        }
        c.insert(key, value.clone());
    }
    value
}
