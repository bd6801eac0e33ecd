//! errcat's generators: Rust types, markdown docs, OpenAPI 3.1, a TypeScript client module
//! and a language-neutral registry from one validated
//! [`errcat_catalog::Catalog`], plus the build-script API.
//!
//! Emitters return `String`s (and `serde_json::Value`s); file I/O, the `@generated`
//! header live in [`build`] and the CLI, which both write through [`outputs::OutputSet`]
//! (outputs written as a set, never over an input).
//!
//! Features:
//! - `docs`: the emitters other than Rust (`markdown`, `site`, `openapi`, `registry`,
//!   `typescript`, `body`) and the [`Builder`] methods that write their outputs. Off, the
//!   crate generates Rust only and serde_json is not built: the build-script path
//!   (`default-features = false`) and the macros.
//! - `yaml` (default; enables `docs`): `openapi::to_yaml` and `Builder::openapi_yaml`.
//! - `derive` (default): the `derive` module and `rust::tokens`, for the proc macros
//!   (syn 3, quote, proc-macro2). Generating code needs none of them.

#![deny(missing_docs)]

#[cfg(feature = "docs")]
pub mod body;
pub mod build;
#[cfg(feature = "derive")]
pub mod derive;
#[cfg(feature = "docs")]
pub mod markdown;
#[cfg(feature = "docs")]
pub mod openapi;
pub mod outputs;
#[cfg(feature = "docs")]
pub mod registry;
pub mod rust;
#[cfg(feature = "docs")]
pub mod site;
#[cfg(feature = "docs")]
pub mod typescript;

pub use build::{Builder, compile};
pub use errcat_catalog as catalog;
