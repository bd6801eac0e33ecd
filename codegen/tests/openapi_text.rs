//! `openapi::to_json_text`, which writes the per-error schemas as text directly, is byte
//! for byte `openapi::to_json(&openapi::document(..))` on every example catalog, every
//! catalog of `tests/compiled/catalogs` and `tests/fixtures/hostile`, and synthetic ones.

use errcat_codegen::catalog::Catalog;
use errcat_codegen::openapi;
use std::path::PathBuf;

mod common;
use common::*;

#[allow(dead_code, reason = "the benches use the rest")]
#[path = "../../benches/src/synth.rs"]
mod synth;

fn assert_same(name: &str, catalog: &Catalog) {
    let expected = openapi::to_json(&openapi::document(catalog));
    let text = openapi::to_json_text(catalog);
    if text != expected {
        let line = expected
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{name}: to_json_text differs from to_json(&document(..)) at line {}:\n\
             expected: {:?}\n     got: {:?}",
            line + 1,
            expected.lines().nth(line),
            text.lines().nth(line)
        );
    }
}

fn tomls(dir: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn equals_the_document_on_every_example_catalog() {
    for (name, catalog) in example_catalogs() {
        assert_same(&name, &catalog);
    }
}

#[test]
fn equals_the_document_on_every_compiled_and_hostile_catalog() {
    let paths = [
        tomls("tests/compiled/catalogs"),
        tomls("tests/fixtures/hostile"),
    ]
    .concat();
    assert!(paths.len() >= 5, "{paths:?}");
    for path in paths {
        assert_same(&path.display().to_string(), &load(&path));
    }
}

#[test]
fn equals_the_document_on_synthetic_catalogs() {
    for n in [1, 10, 100, 1000] {
        for (what, toml) in [
            ("synth", synth::catalog(n)),
            ("synth with causes", synth::catalog_with_causes(n)),
        ] {
            let loaded = errcat_catalog::load_str("synth.toml", &toml);
            let diags = loaded.render_diagnostics(false);
            let catalog = loaded
                .catalog
                .unwrap_or_else(|| panic!("{what} {n} does not load:\n{diags}"));
            assert_same(&format!("{what} {n}"), &catalog);
        }
    }
}
