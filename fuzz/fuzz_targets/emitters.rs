//! Model -> every emitter: for every fuzzed catalog that is valid, the Rust, markdown and
//! OpenAPI emitters and the example bodies must not panic or hang, their output must be
//! well-formed (the Rust parses, the JSON and YAML read back as the document) and two runs
//! must give the same bytes.
#![no_main]

use errcat_codegen::{body, markdown, openapi, rust};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let loaded = common::load(data);
    let Some(catalog) = loaded.catalog else {
        return;
    };

    // The Rust, generated twice and parsed, was two thirds of this target's time on the
    // valid catalogs of a 20-minute corpus: each input checks one option set, chosen by
    // the parity of its length, so that libFuzzer's neighbouring inputs (one byte more or
    // less) check the other (docs/robustness.md, "What each target does per input").
    let opts = if data.len().is_multiple_of(2) {
        rust::RustOptions::default()
    } else {
        rust::RustOptions {
            serde: true,
            http: true,
            axum: true,
            tracing: true,
        }
    };
    let code = rust::generate(&catalog, &opts);
    if let Err(e) = syn::parse_file(&code) {
        panic!("generated Rust does not parse: {e}\n{code}");
    }
    assert_eq!(
        code,
        rust::generate(&catalog, &opts),
        "Rust output not deterministic"
    );

    let md = markdown::generate(&catalog);
    assert_eq!(
        md,
        markdown::generate(&catalog),
        "markdown not deterministic"
    );

    let doc = openapi::document(&catalog);
    let json = openapi::to_json(&doc);
    let back: serde_json::Value = serde_json::from_str(&json).expect("OpenAPI JSON reads back");
    assert_eq!(back, doc, "OpenAPI JSON does not read back as the document");
    let yaml = openapi::to_yaml(&doc);
    let back: serde_json::Value = serde_yaml_ng::from_str(&yaml).expect("OpenAPI YAML reads back");
    assert_eq!(back, doc, "OpenAPI YAML does not read back as the document");
    assert_eq!(json, openapi::to_json(&openapi::document(&catalog)));

    for error in &catalog.errors {
        let _ = body::example_body(&catalog, error);
        for example in &error.examples {
            let _ = body::error_body(&catalog, error, example, body::EXAMPLE_RUNTIME);
        }
    }
    let _ = body::success_body(&catalog, serde_json::json!({"id": 1}));
});
