//! What the emitter tests share: the example catalogs, loaded.

#![allow(dead_code, reason = "each test target uses a different part")]

use errcat_codegen::catalog::Catalog;
use std::path::{Path, PathBuf};

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Loads a catalog that must be valid, showing its diagnostics when it is not.
pub fn load(path: &Path) -> Catalog {
    let loaded = errcat_catalog::load(path);
    let diags = loaded.render_diagnostics(false);
    loaded
        .catalog
        .unwrap_or_else(|| panic!("{} does not load:\n{diags}", path.display()))
}

/// Every example catalog: `examples/catalogs/*.toml` and the showcase, by snapshot name.
pub fn example_catalogs() -> Vec<(String, Catalog)> {
    let dir = repo().join("examples/catalogs");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/catalogs")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths.push(dir.join("showcase/errors.toml"));
    paths
        .into_iter()
        .map(|p| {
            let name = if p.ends_with("showcase/errors.toml") {
                "showcase".to_owned()
            } else {
                p.file_stem()
                    .expect("a file name")
                    .to_string_lossy()
                    .into_owned()
            };
            let catalog = load(&p);
            (name, catalog)
        })
        .collect()
}

/// The id GitHub (github-slugger), pandoc's `gfm_auto_identifiers` and mdBook give a
/// heading: lower case, punctuation other than `-` and `_` removed, each space a `-`
/// (written apart from errcat's own function on purpose).
pub fn github_id(text: &str) -> String {
    let mut id = String::new();
    for c in text.trim().to_lowercase().chars() {
        if c == ' ' {
            id.push('-');
        } else if c.is_alphanumeric() || c == '-' || c == '_' {
            id.push(c);
        }
    }
    id
}
