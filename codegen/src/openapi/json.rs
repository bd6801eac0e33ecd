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

/// [`to_json`] of a document whose per-error schemas stand in `components.schemas` as the
/// number `i`: the `i`th text of `text` (ending at `ends[i]`) is written in its place.
pub(super) fn push_document(out: &mut String, doc: &Value, text: &str, ends: &[usize]) {
    let Value::Object(doc) = doc else {
        return body::json::push_value(out, doc, 0);
    };
    out.push('{');
    let mut first = true;
    for (k, v) in doc {
        body::json::begin_member(out, &mut first, 1);
        body::json::push_str(out, k);
        out.push_str(": ");
        match (k.as_str(), v) {
            ("components", Value::Object(components)) => {
                out.push('{');
                let mut first = true;
                for (k, v) in components {
                    body::json::begin_member(out, &mut first, 2);
                    body::json::push_str(out, k);
                    out.push_str(": ");
                    match (k.as_str(), v) {
                        ("schemas", Value::Object(schemas)) => {
                            out.push('{');
                            let mut first = true;
                            for (k, v) in schemas {
                                body::json::begin_member(out, &mut first, 3);
                                body::json::push_str(out, k);
                                out.push_str(": ");
                                match v.as_u64().and_then(|i| usize::try_from(i).ok()) {
                                    Some(i) => {
                                        let start = i.checked_sub(1).map_or(0, |p| ends[p]);
                                        out.push_str(&text[start..ends[i]]);
                                    }
                                    None => body::json::push_value(out, v, 3),
                                }
                            }
                            body::json::end_container(out, first, 2, '}');
                        }
                        _ => body::json::push_value(out, v, 2),
                    }
                }
                body::json::end_container(out, first, 1, '}');
            }
            _ => body::json::push_value(out, v, 1),
        }
    }
    body::json::end_container(out, first, 0, '}');
}
