//! `openapi::merge` reads a user's existing OpenAPI document (`errcat generate
//! --merge-into`): for any JSON or YAML document, merging must not panic; when it accepts
//! the document, it must put every generated component in place and be idempotent.
#![no_main]

use errcat_catalog::Catalog;
use errcat_codegen::openapi;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use std::sync::LazyLock;

#[path = "common.rs"]
mod common;

/// The showcase catalog (errors.toml including auth.toml) and its generated document.
static GENERATED: LazyLock<(Catalog, Value)> = LazyLock::new(|| {
    let root = include_str!("../../examples/catalogs/showcase/errors.toml")
        .replace("include = [\"auth.toml\"]", "include = [\"f1.toml\"]");
    let auth = include_str!("../../examples/catalogs/showcase/auth.toml");
    let input = format!("{root}\n%%\n{auth}");
    let catalog = common::load(input.as_bytes())
        .catalog
        .expect("the showcase catalog is valid");
    let doc = openapi::document(&catalog);
    (catalog, doc)
});

fuzz_target!(|data: &[u8]| {
    let existing: Value = match serde_json::from_slice(data) {
        Ok(v) => v,
        Err(_) => match std::str::from_utf8(data)
            .ok()
            .and_then(|s| serde_yaml_ng::from_str(s).ok())
        {
            Some(v) => v,
            None => return,
        },
    };
    let (catalog, generated) = &*GENERATED;
    let options = openapi::MergeOptions::default();
    // A refusal (not an OpenAPI object, a hand-written namesake) is an answer too.
    let Ok(merged) = openapi::merge(existing, catalog, &options) else {
        return;
    };
    // Every generated component is in the merged document, as generated.
    let gen_components = generated["components"].as_object().expect("components");
    for (section, members) in gen_components {
        for (name, value) in members.as_object().expect("a section") {
            assert_eq!(
                merged["components"][section].get(name),
                Some(value),
                "components.{section}.{name} is not in the merged document"
            );
        }
    }
    let again = openapi::merge(merged.clone(), catalog, &options).expect("merged twice");
    assert_eq!(again, merged, "merging twice changes the document");
    let _ = openapi::to_json(&merged);
    let _ = openapi::to_yaml(&merged);
});
