//! The errcat catalog format: a TOML catalog of an API's errors, parsed and validated
//! into one [`Catalog`] model with rustc-style diagnostics.
//!
//! Every entry point (the build API, the macros, the CLI) goes through [`load`] (or
//! [`load_str`] / [`load_with`]): read -> parse -> compose includes -> validate -> model.
//!
//! ```
//! let loaded = errcat_catalog::load_str(
//!     "errors.toml",
//!     r#"
//!     [catalog]
//!     name = "Demo"
//!     extends = "http"
//!
//!     [statuses.404]
//!
//!     [errors.not_found]
//!     status = 404
//!     message = "Resource not found"
//!     "#,
//! );
//! let catalog = loaded.catalog.expect("valid");
//! assert_eq!(catalog.errors[0].variant, "NotFound");
//! assert_eq!(catalog.status(404).unwrap().reason.as_str(), "Not Found");
//! ```

#![deny(missing_docs)]

mod check;
pub mod diag;
mod load;
pub mod model;
pub mod names;
pub mod raw;
mod read;
pub mod rules;
pub mod source;
mod template;

pub use diag::{Diagnostic, Diagnostics, Severity};
pub use load::{MAX_FILE_BYTES, MAX_INCLUDE_DEPTH, Reader, read_file};
pub use model::*;
pub use source::{FileId, SourceFile, Sources, Sp, Span};

use std::path::Path;

/// The result of loading a catalog: the files read, the diagnostics, and the catalog when
/// there was no error.
#[derive(Debug)]
pub struct Loaded {
    /// Every file read (the root, its includes, extended catalogs), for diagnostics and
    /// for `cargo:rerun-if-changed`.
    pub sources: Sources,
    /// Errors and warnings, sorted by position.
    pub diagnostics: Diagnostics,
    /// The catalog, present exactly when `diagnostics` holds no error.
    pub catalog: Option<Catalog>,
}

impl Loaded {
    /// Renders every diagnostic (`color` for ANSI colours).
    pub fn render_diagnostics(&self, color: bool) -> String {
        self.diagnostics.render(&self.sources, color)
    }

    /// The catalog, or every diagnostic rendered as text.
    pub fn into_result(self) -> Result<(Catalog, Sources, Diagnostics), String> {
        match self.catalog {
            Some(c) => Ok((c, self.sources, self.diagnostics)),
            None => Err(self.diagnostics.render(&self.sources, false)),
        }
    }
}

/// Loads the catalog at `path` from disk.
pub fn load(path: impl AsRef<Path>) -> Loaded {
    load_with(path.as_ref(), &mut load::read_file)
}

/// Loads a catalog through `reader` (which `errcat diff` points at git objects).
pub fn load_with(path: &Path, reader: &mut Reader<'_>) -> Loaded {
    let mut loader = load::Loader::new(reader);
    loader.load_path(path, load::Role::Root, None);
    finish(loader)
}

/// Loads a catalog from text; `path` names it in diagnostics, and its includes are read
/// from disk relative to it.
pub fn load_str(path: impl AsRef<Path>, text: &str) -> Loaded {
    let mut read = load::read_file;
    let mut loader = load::Loader::new(&mut read);
    loader.load_text(path.as_ref(), text.to_owned(), load::Role::Root);
    finish(loader)
}

fn finish(loader: load::Loader<'_, '_>) -> Loaded {
    let load::Loader {
        sources,
        mut diags,
        files,
        ..
    } = loader;
    let catalog = if diags.has_errors() {
        diags.sort();
        None
    } else {
        check::build(files, &sources, &mut diags)
    };
    Loaded {
        sources,
        diagnostics: diags,
        catalog,
    }
}

/// The text of a bundled catalog (`"http"`), as `extends` reads it.
pub fn bundled_catalog(name: &str) -> Option<&'static str> {
    load::bundled(name)
}
