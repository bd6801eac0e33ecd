//! The YAML text writer (feature `yaml`, on by default).

use serde_json::Value;

/// YAML text of a document (feature `yaml`, on by default).
pub fn to_yaml(doc: &Value) -> String {
    // Likewise infallible for a `serde_json::Value`.
    serde_yaml_ng::to_string(doc).unwrap_or_default()
}
