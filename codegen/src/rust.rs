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
//! Everything is written directly as formatted text, exactly as prettyplease prints it:
//! the items that grow with the catalog in `rust/text.rs`, the fixed-size rest in
//! `rust/emit.rs`, `decode.rs` and `group.rs`, with the expressions whose layout depends
//! on the catalog printed by `rust/expr.rs` on a port of prettyplease's printer
//! (`rust/pretty.rs`). No syn, quote or prettyplease is needed to generate code (the tests
//! check the output against prettyplease).
//!
//! [`errcat::ErrorMeta`]: https://docs.rs/errcat

mod blocks;
mod decode;
pub(crate) mod docs;
pub(crate) mod emit;
mod expr;
mod group;
mod pretty;
pub(crate) mod text;

use errcat_catalog::Catalog;

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

/// The generated items, formatted as prettyplease formats them (no header: the I/O layer
/// adds it). They refer to the `errcat` crate (the run time) by absolute paths, and to
/// `serde`, `http` and `axum` when `opts` asks for those integrations.
pub fn generate(catalog: &Catalog, opts: &RustOptions) -> String {
    // The whole file in one allocation (~1.7 KB of text per error in the benchmarks'
    // catalogs): growing a multi-megabyte string by doubling costs copies and page faults.
    let mut out = String::with_capacity(32 * 1024 + 2560 * catalog.errors.len());
    emit::statuses(&mut out, catalog, opts);
    emit::errors(&mut out, catalog, opts);
    out
}

/// A code block as [`__code_blocks`] gives it.
#[doc(hidden)]
pub type FoundBlock = (Option<String>, usize, Option<usize>);

/// For errcat's fuzz target `doc_blocks`, which compares them with pulldown-cmark's: the
/// code blocks the emitter finds in markdown (`rust/blocks.rs`), each as its info string
/// (`None` for an indented block), the byte offset where it starts, and for an indented
/// block the end of its last line; `None` where the text is not followed.
#[doc(hidden)]
pub fn __code_blocks(md: &str) -> Option<Vec<FoundBlock>> {
    Some(
        blocks::code_blocks(md)?
            .into_iter()
            .map(|b| {
                let end = b.info.is_none().then_some(b.range.end);
                (b.info.map(str::to_owned), b.range.start, end)
            })
            .collect(),
    )
}

/// For the same fuzz target: whether rustdoc reads a fenced block with this info string as
/// Rust (what the emitter rewrites as `text`).
#[doc(hidden)]
pub fn __is_rust_info(info: &str) -> bool {
    docs::is_rust_info(info)
}

/// For the same fuzz target: `md` as the emitter writes any text into a doc comment.
#[doc(hidden)]
pub fn __doc_text(md: &str) -> String {
    docs::text(md).into_owned()
}

/// The generated items as tokens ([`generate`]'s text, parsed; feature `derive`, which the
/// proc macros enable).
#[cfg(feature = "derive")]
pub fn tokens(catalog: &Catalog, opts: &RustOptions) -> proc_macro2::TokenStream {
    parse(&generate(catalog, opts))
}

/// Tokens of generated text; a `compile_error!` if they do not lex (which would be a bug
/// of the emitter, not of the catalog).
#[cfg(feature = "derive")]
pub(crate) fn parse(text: &str) -> proc_macro2::TokenStream {
    text.parse().unwrap_or_else(|e| {
        let message = format!("errcat generated invalid Rust (a bug of errcat): {e}");
        quote::quote!(::core::compile_error!(#message);)
    })
}
