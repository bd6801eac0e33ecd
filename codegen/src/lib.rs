//! errcat's generators: Rust types, markdown docs, OpenAPI 3.1, a TypeScript client module
//! and a language-neutral registry from one validated
//! [`errcat_catalog::Catalog`], plus the build-script API.
//!
//! Emitters return `TokenStream`/`String`/`serde_json::Value`; file I/O, the `@generated`
//! header live in [`build`] and the CLI, which both write through [`outputs::OutputSet`]
//! (outputs written as a set, never over an input).

#![deny(missing_docs)]

pub mod body;
pub mod build;
pub mod derive;
pub mod markdown;
pub mod openapi;
pub mod outputs;
pub mod registry;
pub mod rust;
pub mod typescript;

pub use build::{Builder, compile};
pub use errcat_catalog as catalog;
