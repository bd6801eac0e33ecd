//! [`merge`]: the generated components, and each operation's error responses, put into an
//! existing document.
//!
//! What errcat generated is told from what a person wrote by the marker
//! [`GENERATED_MARKER`] (`x-errcat-generated`) every generated component carries, and, in
//! an operation's `responses`, by a `$ref` to one of the catalog's response components.

use super::{GENERATED_MARKER, Names, document, operations};
use errcat_catalog::{Catalog, Method, Operation};
use serde_json::{Map, Value};
use std::fmt;

/// What [`merge`] may do beyond replacing what errcat generated.
#[derive(Debug, Clone, Copy, Default)]
pub struct MergeOptions {
    /// Replace components (and operation responses) that errcat did not generate but
    /// that have the name (or status) of one it generates; without it they are refused.
    pub replace_components: bool,
}

/// Why a document was not merged into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// The document is not an OpenAPI object: what is wrong.
    NotOpenApi(String),
    /// Members errcat would replace but did not generate, by JSON path
    /// (`components.schemas.ApiError`).
    NotGenerated(Vec<String>),
    /// The catalog's operations and the document's differ: one line per difference.
    Operations(Vec<String>),
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::NotOpenApi(why) => write!(f, "not an OpenAPI document: {why}"),
            MergeError::NotGenerated(paths) => write!(
                f,
                "errcat would replace {} that it did not generate (no `{GENERATED_MARKER}` member): {}",
                if paths.len() == 1 {
                    "a member"
                } else {
                    "members"
                },
                paths.join(", ")
            ),
            MergeError::Operations(lines) => {
                write!(f, "the catalog's operations and the document's differ:")?;
                for l in lines {
                    write!(f, "\n  - {l}")?;
                }
                write!(
                    f,
                    "\n(the catalog's `[operations]` and the document's `paths` list the same operations, by operationId or by method and path)"
                )
            }
        }
    }
}

impl std::error::Error for MergeError {}

/// Merges the catalog's generated components into an existing document, and, when the
/// catalog lists its operations, each operation's error responses into its `responses`.
///
/// In each `components` section, a component of the same name is replaced where it
/// stands, new ones are appended, and components that carry the marker of the same catalog
/// but are no longer generated are removed. In each operation's `responses`, the entries
/// that refer to one of the catalog's response components are replaced by the operation's
/// error responses (one per status); other entries are kept. Everything else (paths, other
/// components, key order) is kept as it was, so merging twice gives the same document.
/// `info` and `servers` are taken from the generated document only when `existing` has
/// none.
///
/// Refused, with nothing changed: a document that is not an OpenAPI object (not an object,
/// no string `openapi`, `paths` or `components` or one of its sections not an object); a
/// component errcat generates whose existing namesake has no marker, or an operation
/// response errcat writes that is written by hand (unless
/// [`MergeOptions::replace_components`]); a catalog with `[operations]` whose operations
/// are not the document's.
pub fn merge(
    existing: Value,
    catalog: &Catalog,
    options: &MergeOptions,
) -> Result<Value, MergeError> {
    let generated = document(catalog);
    let Value::Object(mut doc) = existing else {
        return Err(MergeError::NotOpenApi(format!(
            "the document is {}, not an object",
            kind(&existing)
        )));
    };
    validate(&doc)?;
    let mut refused = Vec::new();
    let plan = match &catalog.operations {
        Some(ops) => Some(match_operations(&doc, &ops.list)?),
        None => None,
    };
    for key in ["info", "servers"] {
        if let (false, Some(v)) = (doc.contains_key(key), generated.get(key)) {
            doc.insert(key.to_owned(), v.clone());
        }
    }
    let gen_components = generated
        .get("components")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let marker = Value::String(catalog.name.to_string());
    let components = doc
        .entry("components")
        .or_insert_with(|| Value::Object(Map::new()));
    let Some(components) = components.as_object_mut() else {
        return Err(MergeError::NotOpenApi(
            "`components` is not an object".into(),
        ));
    };
    for (section_name, gen_section) in &gen_components {
        let Some(gen_section) = gen_section.as_object() else {
            continue;
        };
        let section = components
            .entry(section_name.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        let Some(section) = section.as_object_mut() else {
            continue;
        };
        for name in gen_section.keys() {
            if section
                .get(name)
                .is_some_and(|c| c.get(GENERATED_MARKER).is_none())
                && !options.replace_components
            {
                refused.push(format!("components.{section_name}.{name}"));
            }
        }
        // Stale components of the same catalog.
        section.retain(|name, c| {
            gen_section.contains_key(name) || c.get(GENERATED_MARKER) != Some(&marker)
        });
        for (name, c) in gen_section {
            // `insert` keeps the position of an existing key (preserve_order's IndexMap).
            section.insert(name.clone(), c.clone());
        }
    }
    if let Some(plan) = plan {
        let names = Names::new(catalog);
        let prefix = format!("#/components/responses/{}_", names.body);
        let ours = |r: &Value| {
            r.get("$ref")
                .and_then(Value::as_str)
                .and_then(|s| s.strip_prefix(&prefix))
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        };
        for (path, method, op) in plan {
            // Present: `match_operations` found it there.
            let Some(target) = doc
                .get_mut("paths")
                .and_then(|p| p.get_mut(&path))
                .and_then(|item| item.get_mut(method.openapi_key()))
                .and_then(Value::as_object_mut)
            else {
                continue;
            };
            let at = format!("paths.{path}.{}.responses", method.openapi_key());
            let responses = target
                .entry("responses")
                .or_insert_with(|| Value::Object(Map::new()));
            let Some(responses) = responses.as_object_mut() else {
                return Err(MergeError::NotOpenApi(format!("`{at}` is not an object")));
            };
            let wanted = operations::op_responses(catalog, op);
            for r in &wanted {
                let key = r.status.code.to_string();
                if responses.get(&key).is_some_and(|existing| !ours(existing))
                    && !options.replace_components
                {
                    refused.push(format!("{at}.{key}"));
                }
            }
            responses.retain(|key, r| {
                !ours(r) || wanted.iter().any(|w| w.status.code.to_string() == *key)
            });
            for r in wanted {
                let mut reference = Map::with_capacity(1);
                reference.insert(
                    "$ref".into(),
                    Value::String(format!("#/components/responses/{}", r.component)),
                );
                responses.insert(r.status.code.to_string(), Value::Object(reference));
            }
        }
    }
    if !refused.is_empty() {
        return Err(MergeError::NotGenerated(refused));
    }
    Ok(Value::Object(doc))
}

/// The shape the merge relies on: a string `openapi`, and objects where it writes.
fn validate(doc: &Map<String, Value>) -> Result<(), MergeError> {
    match doc.get("openapi") {
        Some(Value::String(_)) => {}
        Some(other) => {
            return Err(MergeError::NotOpenApi(format!(
                "`openapi` is {}, not a version string such as \"3.1.0\"",
                kind(other)
            )));
        }
        None => {
            return Err(MergeError::NotOpenApi(
                "it has no `openapi` member (such as \"openapi\": \"3.1.0\")".into(),
            ));
        }
    }
    for key in ["info", "paths", "components"] {
        if let Some(v) = doc.get(key).filter(|v| !v.is_object()) {
            return Err(MergeError::NotOpenApi(format!(
                "`{key}` is {}, not an object",
                kind(v)
            )));
        }
    }
    if let Some(Value::Object(components)) = doc.get("components") {
        for (name, section) in components {
            if !section.is_object() {
                return Err(MergeError::NotOpenApi(format!(
                    "`components.{name}` is {}, not an object",
                    kind(section)
                )));
            }
        }
    }
    if let Some(Value::Object(paths)) = doc.get("paths") {
        for (path, item) in paths {
            let Some(item) = item.as_object() else {
                return Err(MergeError::NotOpenApi(format!(
                    "`paths.{path}` is {}, not an object",
                    kind(item)
                )));
            };
            for m in Method::ALL {
                if let Some(op) = item.get(m.openapi_key()).filter(|op| !op.is_object()) {
                    return Err(MergeError::NotOpenApi(format!(
                        "`paths.{path}.{}` is {}, not an object",
                        m.openapi_key(),
                        kind(op)
                    )));
                }
            }
        }
    }
    Ok(())
}

/// Pairs each operation of the document with the catalog's: `(path, method, operation)`
/// for each, or every difference.
fn match_operations<'c>(
    doc: &Map<String, Value>,
    ops: &'c [Operation],
) -> Result<Vec<(String, Method, &'c Operation)>, MergeError> {
    let mut problems = Vec::new();
    let mut plan = Vec::new();
    let mut matched = vec![false; ops.len()];
    let empty = Map::new();
    let paths = doc
        .get("paths")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    for (path, item) in paths {
        for method in Method::ALL {
            let Some(op) = item.get(method.openapi_key()) else {
                continue;
            };
            let id = op.get("operationId").and_then(Value::as_str);
            let here = format!("{} {path}", method.as_str());
            let by_id = id.and_then(|id| ops.iter().position(|o| o.id.as_str() == id));
            let by_route = ops.iter().position(|o| {
                o.route
                    .as_ref()
                    .is_some_and(|(m, p)| *m == method && p.as_str() == path)
            });
            let Some(i) = by_id.or(by_route) else {
                problems.push(match id {
                    Some(id) => format!(
                        "the document has operation `{id}` ({here}), which the catalog does not list"
                    ),
                    None => format!(
                        "the document has operation {here} (no operationId), which the catalog does not list"
                    ),
                });
                continue;
            };
            let op = &ops[i];
            // Reported once: a mismatch below is not also an operation the document lacks.
            let again = std::mem::replace(&mut matched[i], true);
            if let Some((m, p)) = &op.route {
                if (*m, p.as_str()) != (method, path.as_str()) {
                    problems.push(format!(
                        "operation `{}` is {} {} in the catalog but {here} in the document",
                        op.id.as_str(),
                        m.as_str(),
                        p.as_str()
                    ));
                    continue;
                }
            }
            if let Some(id) = id.filter(|id| *id != op.id.as_str()) {
                problems.push(format!(
                    "{here} is operation `{}` in the catalog but `{id}` in the document",
                    op.id.as_str()
                ));
                continue;
            }
            if again {
                problems.push(format!(
                    "operation `{}` is in the document twice (again at {here})",
                    op.id.as_str()
                ));
                continue;
            }
            plan.push((path.clone(), method, op));
        }
    }
    for (op, seen) in ops.iter().zip(&matched) {
        if !seen {
            let route = op
                .route
                .as_ref()
                .map(|(m, p)| format!(" ({} {})", m.as_str(), p.as_str()))
                .unwrap_or_default();
            problems.push(format!(
                "the catalog lists operation `{}`{route}, which the document does not have",
                op.id.as_str()
            ));
        }
    }
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(MergeError::Operations(problems))
    }
}

/// `an array`, `a string`...: the kind of a JSON value.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Appends the members of `extra` (an object) to `into`.
pub(super) fn merge_into(into: &mut Map<String, Value>, extra: Value) {
    if let Value::Object(extra) = extra {
        for (k, v) in extra {
            into.insert(k, v);
        }
    }
}
