//! The OpenAPI 3.1 emitter (being written).
use errcat_catalog::Catalog;
use serde_json::Value;

/// An OpenAPI 3.1 document holding the generated components.
pub fn document(_catalog: &Catalog) -> Value {
    Value::Null
}

/// Pretty JSON text of a document, with a trailing newline.
pub fn to_json(doc: &Value) -> String {
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_default();
    s.push('\n');
    s
}

/// YAML text of a document.
pub fn to_yaml(doc: &Value) -> String {
    serde_yaml_ng::to_string(doc).unwrap_or_default()
}

/// Merges the generated components into an existing document, replacing only them.
pub fn merge(existing: Value, _generated: &Value) -> Value {
    existing
}
