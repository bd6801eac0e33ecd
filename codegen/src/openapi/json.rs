//! The JSON text writer.

use crate::body;
use serde_json::Value;

/// Pretty JSON text of a document, with a trailing newline: what
/// `serde_json::to_string_pretty` writes, without its `io::Write` layer.
pub fn to_json(doc: &Value) -> String {
    let mut s = String::new();
    body::json::push_value(&mut s, doc, 0);
    s.push('\n');
    s
}
