//! [`merge`]: the generated components put into an existing document.

use super::GENERATED_MARKER;
use serde_json::{Map, Value};

/// Merges the generated components into an existing document, replacing only them.
///
/// In each `components` section of `generated`, a component of the same name in `existing`
/// is replaced where it stands; new ones are appended; components of `existing` that carry
/// the marker of the same catalog but are no longer generated are removed. Everything else
/// (paths, other components, key order) is kept as it was, so merging twice gives the
/// same document. `openapi`, `info` and `servers` are taken from `generated` only when
/// `existing` has none. When `existing` is not a JSON object, the result is `generated`.
pub fn merge(existing: Value, generated: &Value) -> Value {
    let Value::Object(mut doc) = existing else {
        return generated.clone();
    };
    let Some(gen_doc) = generated.as_object() else {
        return Value::Object(doc);
    };
    for key in ["openapi", "info", "servers"] {
        if let (false, Some(v)) = (doc.contains_key(key), gen_doc.get(key)) {
            doc.insert(key.to_owned(), v.clone());
        }
    }
    let Some(gen_components) = gen_doc.get("components").and_then(Value::as_object) else {
        return Value::Object(doc);
    };
    // The catalogs whose components `generated` holds.
    let owners: Vec<&Value> = gen_components
        .values()
        .filter_map(Value::as_object)
        .flat_map(|section| section.values())
        .filter_map(|c| c.get(GENERATED_MARKER))
        .fold(Vec::new(), |mut acc, m| {
            if !acc.contains(&m) {
                acc.push(m);
            }
            acc
        });

    let components = doc
        .entry("components")
        .or_insert_with(|| Value::Object(Map::new()));
    if !components.is_object() {
        *components = Value::Object(Map::new());
    }
    let Some(components) = components.as_object_mut() else {
        return Value::Object(doc);
    };
    for (section_name, gen_section) in gen_components {
        let Some(gen_section) = gen_section.as_object() else {
            continue;
        };
        let section = components
            .entry(section_name.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        if !section.is_object() {
            *section = Value::Object(Map::new());
        }
        let Some(section) = section.as_object_mut() else {
            continue;
        };
        // Stale components of the same catalog.
        section.retain(|name, c| {
            gen_section.contains_key(name)
                || !c.get(GENERATED_MARKER).is_some_and(|m| owners.contains(&m))
        });
        for (name, c) in gen_section {
            // `insert` keeps the position of an existing key (preserve_order's IndexMap).
            section.insert(name.clone(), c.clone());
        }
    }
    Value::Object(doc)
}

/// Appends the members of `extra` (an object) to `into`.
pub(super) fn merge_into(into: &mut Map<String, Value>, extra: Value) {
    if let Value::Object(extra) = extra {
        for (k, v) in extra {
            into.insert(k, v);
        }
    }
}
