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

/// [`to_json`] of a document made by `to_json_text`: the per-error schemas (in
/// `components.schemas`) and the named examples (in
/// `components.responses.*.content.*.examples`) stand there as the number `i`, and the `i`th
/// text of `text` (ending at `ends[i]`) is written in their place.
pub(super) fn push_document(out: &mut String, doc: &Value, text: &str, ends: &[usize]) {
    let splice = |out: &mut String, v: &Value, level: usize| match v
        .as_u64()
        .and_then(|i| usize::try_from(i).ok())
    {
        Some(i) => {
            let start = i.checked_sub(1).map_or(0, |p| ends[p]);
            out.push_str(&text[start..ends[i]]);
        }
        None => body::json::push_value(out, v, level),
    };
    // The members of the object `v` at `level`, each written by `member`.
    fn object(
        out: &mut String,
        v: &Value,
        level: usize,
        member: &mut dyn FnMut(&mut String, &str, &Value),
    ) {
        let Value::Object(map) = v else {
            return body::json::push_value(out, v, level);
        };
        out.push('{');
        let mut first = true;
        for (k, v) in map {
            body::json::begin_member(out, &mut first, level + 1);
            body::json::push_str(out, k);
            out.push_str(": ");
            member(out, k, v);
        }
        body::json::end_container(out, first, level, '}');
    }
    let examples = |out: &mut String, v: &Value| {
        // A response: its `content`, each media type's `examples`.
        object(out, v, 3, &mut |out, k, v| match k {
            "content" => object(out, v, 4, &mut |out, _, v| {
                object(out, v, 5, &mut |out, k, v| match k {
                    "examples" => object(out, v, 6, &mut |out, _, v| splice(out, v, 7)),
                    _ => body::json::push_value(out, v, 6),
                });
            }),
            _ => body::json::push_value(out, v, 4),
        });
    };
    object(out, doc, 0, &mut |out, k, v| match k {
        "components" => object(out, v, 1, &mut |out, k, v| match k {
            "schemas" => object(out, v, 2, &mut |out, _, v| splice(out, v, 3)),
            "responses" => object(out, v, 2, &mut |out, _, v| examples(out, v)),
            _ => body::json::push_value(out, v, 2),
        }),
        _ => body::json::push_value(out, v, 1),
    });
}
