//! [`to_3_0`]: a generated OpenAPI 3.1 document written for OpenAPI 3.0.3.

use serde_json::{Map, Value};

/// The same document for OpenAPI 3.0.3 readers: `openapi` is `3.0.3`, `paths` is there
/// (empty when there is none: 3.0 requires it), and in every schema (of the components and
/// of the paths' parameters, request bodies and responses)
/// `const` becomes a one-value `enum`, a type array with `"null"` becomes `nullable`,
/// `examples` becomes `example` (the first), boolean schemas become `{}` / `{"not": {}}`
/// (`items: false` becomes `maxItems: 0`), and a `$ref` with other members is wrapped in
/// `allOf` (3.0 ignores a reference's siblings). Meant for what [`super::document`]
/// writes; members it does not know are kept as they are.
pub fn to_3_0(doc: &Value) -> Value {
    let mut doc = doc.clone();
    let Some(root) = doc.as_object_mut() else {
        return doc;
    };
    root.insert("openapi".into(), "3.0.3".into());
    if !root.contains_key("paths") {
        // Required in 3.0: empty, before the components.
        *root = std::mem::take(root)
            .into_iter()
            .flat_map(|(k, v)| {
                let paths =
                    (k == "components").then(|| ("paths".to_owned(), Value::Object(Map::new())));
                paths.into_iter().chain(std::iter::once((k, v)))
            })
            .collect();
    }
    if let Some(license) = root
        .get_mut("info")
        .and_then(|i| i.get_mut("license"))
        .and_then(Value::as_object_mut)
    {
        // 3.1 only.
        license.remove("identifier");
    }
    if let Some(paths) = root.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut().filter_map(Value::as_object_mut) {
            for (key, v) in item.iter_mut() {
                match key.as_str() {
                    "parameters" => each(v, holder),
                    "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace" => {
                        operation(v)
                    }
                    _ => {}
                }
            }
        }
    }
    if let Some(components) = root.get_mut("components").and_then(Value::as_object_mut) {
        if let Some(schemas) = components.get_mut("schemas").and_then(Value::as_object_mut) {
            for s in schemas.values_mut() {
                schema(s);
            }
        }
        for section in ["responses", "headers", "parameters", "requestBodies"] {
            if let Some(items) = components.get_mut(section).and_then(Value::as_object_mut) {
                for item in items.values_mut() {
                    holder(item);
                }
            }
        }
    }
    doc
}

/// `f` on every item of an array.
fn each(v: &mut Value, f: fn(&mut Value)) {
    if let Some(items) = v.as_array_mut() {
        items.iter_mut().for_each(f);
    }
}

/// An operation: its parameters, request body and responses.
fn operation(v: &mut Value) {
    let Some(op) = v.as_object_mut() else {
        return;
    };
    if let Some(p) = op.get_mut("parameters") {
        each(p, holder);
    }
    if let Some(b) = op.get_mut("requestBody") {
        holder(b);
    }
    if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) {
        responses.values_mut().for_each(holder);
    }
}

/// A response, header, parameter or request body: the schemas it holds.
fn holder(v: &mut Value) {
    let Some(m) = v.as_object_mut() else {
        return;
    };
    if let Some(s) = m.get_mut("schema") {
        schema(s);
    }
    for key in ["content", "headers"] {
        if let Some(items) = m.get_mut(key).and_then(Value::as_object_mut) {
            for item in items.values_mut() {
                holder(item);
            }
        }
    }
}

/// One schema and the schemas in it.
fn schema(v: &mut Value) {
    if let Value::Bool(b) = v {
        *v = if *b {
            Value::Object(Map::new())
        } else {
            serde_json::json!({ "not": {} })
        };
        return;
    }
    let Some(m) = v.as_object_mut() else {
        return;
    };
    // Rebuilt in order, `const` and `examples` in their places.
    *m = std::mem::take(m)
        .into_iter()
        .filter_map(|(k, v)| match (k.as_str(), v) {
            ("const", c) => Some(("enum".to_owned(), Value::Array(vec![c]))),
            ("examples", Value::Array(mut e)) => {
                (!e.is_empty()).then(|| ("example".to_owned(), e.swap_remove(0)))
            }
            (_, v) => Some((k, v)),
        })
        .collect();
    if let Some(Value::Array(types)) = m.get("type").cloned() {
        let null = Value::from("null");
        let rest: Vec<Value> = types.iter().filter(|t| **t != null).cloned().collect();
        if rest.len() < types.len() {
            m.insert("nullable".into(), true.into());
        }
        match rest.len() {
            0 => {
                m.remove("type");
            }
            1 => {
                m.insert("type".into(), rest[0].clone());
            }
            _ => {
                m.remove("type");
                let any = rest
                    .into_iter()
                    .map(|t| serde_json::json!({ "type": t }))
                    .collect();
                m.insert("anyOf".into(), Value::Array(any));
            }
        }
    }
    if m.get("items") == Some(&Value::Bool(false)) {
        m.insert("items".into(), Value::Object(Map::new()));
        m.insert("maxItems".into(), 0.into());
    }
    for key in ["items", "not", "additionalProperties"] {
        if let Some(s) = m.get_mut(key) {
            if key != "additionalProperties" || s.is_object() {
                schema(s);
            }
        }
    }
    for key in ["properties", "patternProperties"] {
        if let Some(props) = m.get_mut(key).and_then(Value::as_object_mut) {
            for s in props.values_mut() {
                schema(s);
            }
        }
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some(items) = m.get_mut(key).and_then(Value::as_array_mut) {
            for s in items {
                schema(s);
            }
        }
    }
    if m.len() > 1 && m.contains_key("$ref") {
        let mut all = Vec::new();
        let mut rest = Map::new();
        for (k, v) in std::mem::take(m) {
            match (k.as_str(), v) {
                ("$ref", r) => all.insert(0, serde_json::json!({ "$ref": r })),
                ("allOf", Value::Array(more)) => all.extend(more),
                (_, v) => {
                    rest.insert(k, v);
                }
            }
        }
        m.insert("allOf".into(), Value::Array(all));
        m.extend(rest);
    }
}
