//! The synthetic catalogs are valid and clean at any size, and the thiserror baseline keeps
//! each message (braces escaped, fields by name).

use errcat_benches::{synth, thiserror_source};

#[test]
fn synthetic_catalogs_load_without_any_diagnostic() {
    for n in [0, 1, 10, 250] {
        let loaded = errcat_catalog::load_str("errors.toml", &synth::catalog(n));
        assert!(
            loaded.diagnostics.is_empty(),
            "{n} errors:\n{}",
            loaded.render_diagnostics(false)
        );
        let catalog = loaded.catalog.expect("valid");
        assert_eq!(catalog.errors.len(), n);
        for (i, e) in catalog.errors.iter().enumerate() {
            assert_eq!(e.code.as_str(), synth::code(i));
        }
    }
}

#[test]
fn synthetic_catalogs_use_every_field_type_and_feature() {
    let catalog = errcat_catalog::load_str("errors.toml", &synth::catalog(100))
        .catalog
        .expect("valid");
    let types: std::collections::BTreeSet<&str> = catalog
        .errors
        .iter()
        .flat_map(|e| e.fields.iter().map(|f| f.ty.as_str()))
        .collect();
    assert_eq!(
        types.into_iter().collect::<Vec<_>>(),
        ["boolean", "float", "integer", "string", "unsigned"]
    );
    assert!(catalog.errors.iter().any(|e| e.deprecated.is_some()));
    assert!(catalog.errors.iter().any(|e| e.retry_after.is_some()));
    assert!(
        catalog
            .errors
            .iter()
            .any(|e| e.examples.len() > 1 || e.examples[0].summary.is_some())
    );
    assert!(catalog.errors.iter().any(|e| !e.attributes.is_empty()));
    assert!(catalog.errors.iter().any(|e| e.field.is_some()));
}

#[test]
fn thiserror_baseline_keeps_the_message() {
    let text = r#"
[catalog]
name = "T"
extends = "http"
[statuses.400]
[errors.bad_json]
status = 400
message = "Use {{json}} for \"{name}\" ({count})"
fields.name = { type = "string" }
fields.count = { type = "unsigned" }
[errors.plain]
status = 400
message = "Plain"
"#;
    let catalog = errcat_catalog::load_str("t.toml", text)
        .catalog
        .expect("valid");
    let src = thiserror_source(&catalog);
    assert!(
        src.contains(r#"#[error("Use {{json}} for \"{name}\" ({count})")]"#),
        "{src}"
    );
    assert!(src.contains("    BadJson {\n"), "{src}");
    assert!(
        src.contains("        name: String,\n        /// count\n        count: u64,\n"),
        "{src}"
    );
    assert!(
        src.contains("    #[error(\"Plain\")]\n    Plain,\n"),
        "{src}"
    );
}
