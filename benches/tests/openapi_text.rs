//! `openapi::to_json_text` (the per-error schemas and named examples written as text
//! directly) is byte for byte `openapi::to_json(&openapi::document(..))` on synthetic
//! catalogs up to 2,000 errors, with and without causes (`codegen/tests/openapi_text.rs`
//! compares them on the example, compiled and hostile catalogs).

use errcat_benches::synth;
use errcat_codegen::openapi;

#[test]
fn equals_the_document_on_synthetic_catalogs() {
    for n in [1, 10, 100, 2000] {
        for (what, toml) in [
            ("synth", synth::catalog(n)),
            ("synth with causes", synth::catalog_with_causes(n)),
        ] {
            let loaded = errcat_catalog::load_str("synth.toml", &toml);
            let diags = loaded.render_diagnostics(false);
            let catalog = loaded
                .catalog
                .unwrap_or_else(|| panic!("{what} {n} does not load:\n{diags}"));
            let expected = openapi::to_json(&openapi::document(&catalog));
            let text = openapi::to_json_text(&catalog);
            let differs = expected.bytes().zip(text.bytes()).position(|(a, b)| a != b);
            assert!(
                text == expected,
                "{what} {n}: to_json_text differs from to_json(&document(..)) at byte {differs:?}"
            );
        }
    }
}
