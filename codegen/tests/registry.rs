//! The registry: its JSON Schema is the one published in `docs/registry.schema.json`, and
//! the registry of every example catalog (and of examples/axum-service) validates against
//! it, with python's `jsonschema` (the package openapi-spec-validator depends on; the test
//! fails, never skips, when it is missing).

use errcat_codegen::registry;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

mod common;
use common::*;

#[test]
fn the_published_schema_is_current() {
    let path = repo().join("docs/registry.schema.json");
    let generated = registry::schema_json();
    if std::env::var_os("ERRCAT_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write the schema");
    }
    let published = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        published == generated,
        "docs/registry.schema.json is stale: run `ERRCAT_BLESS=1 cargo test -p errcat-codegen --test registry`"
    );
}

const VALIDATE: &str = r#"
import json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
bad = 0
for path in sys.argv[2:]:
    for e in validator.iter_errors(json.load(open(path))):
        bad += 1
        print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
sys.exit(1 if bad else 0)
"#;

#[test]
fn every_example_registry_validates_against_the_schema() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let schema = dir.path().join("schema.json");
    std::fs::write(&schema, registry::schema_json()).expect("write");
    let mut catalogs = example_catalogs();
    catalogs.push((
        "axum-service".to_owned(),
        load(&repo().join("examples/axum-service/errors.toml")),
    ));
    let mut paths = Vec::new();
    for (name, catalog) in &catalogs {
        let text = registry::generate(catalog);
        let doc: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(
            doc["errors"].as_array().map(Vec::len),
            Some(catalog.errors.len())
        );
        let path = dir.path().join(format!("{name}.json"));
        std::fs::write(&path, text).expect("write");
        paths.push(path);
    }
    let mut args: Vec<&Path> = vec![&schema];
    args.extend(paths.iter().map(|p| p.as_path()));
    let out = Command::new("python3")
        .arg("-c")
        .arg(VALIDATE)
        .args(&args)
        .output()
        .expect("python3 with jsonschema is needed: pip install jsonschema");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // The schema is not vacuous: a registry with a wrong member type fails.
    let mut broken: Value =
        serde_json::from_str(&registry::generate(&catalogs[0].1)).expect("JSON");
    broken["errors"] = serde_json::json!([{ "code": 1 }]);
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, broken.to_string()).expect("write");
    let out = Command::new("python3")
        .arg("-c")
        .arg(VALIDATE)
        .args([&schema, &bad])
        .output()
        .expect("python3");
    assert!(!out.status.success(), "a broken registry validates");
}

#[test]
fn example_values_and_bodies_agree() {
    for (name, catalog) in example_catalogs() {
        let doc = registry::document(&catalog);
        for (entry, def) in doc["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .zip(&catalog.errors)
        {
            assert_eq!(entry["code"], def.code.as_str(), "{name}");
            assert_eq!(
                entry["examples"].as_array().map(Vec::len),
                Some(def.examples.len())
            );
            for (x, ex) in entry["examples"]
                .as_array()
                .expect("examples")
                .iter()
                .zip(&def.examples)
            {
                assert_eq!(x["message"], def.message.render(&ex.values).as_str());
                assert_eq!(
                    x["body"],
                    errcat_codegen::body::error_body(&catalog, def, ex, Default::default())
                );
            }
        }
    }
}
