//! The registry: a language-neutral JSON document of every error code of a catalog (status,
//! title, message template, typed fields, retry data, docs URL, deprecation, attributes,
//! headers, and each example with the body errcat renders for it), for clients in any
//! language and for support tools. Its JSON Schema is [`schema`] (published as
//! `docs/registry.schema.json`).

use crate::body;
use errcat_catalog::{BodyFormat, Catalog, ErrorDef, Scalar};
use serde_json::{Map, Value, json};

/// The version of the registry format (the `registry` member); bumped on a breaking change.
pub const FORMAT_VERSION: u64 = 1;

/// The `$id` of the registry's JSON Schema.
pub const SCHEMA_ID: &str = "https://errcat.invalid/registry.schema.json";

/// The registry of a catalog.
pub fn document(catalog: &Catalog) -> Value {
    let mut doc = Map::new();
    doc.insert("$schema".into(), SCHEMA_ID.into());
    doc.insert("registry".into(), FORMAT_VERSION.into());
    let mut cat = Map::new();
    cat.insert("name".into(), catalog.name.as_str().into());
    opt(
        &mut cat,
        "version",
        catalog.version.as_ref().map(|v| v.as_str()),
    );
    opt(
        &mut cat,
        "docs_url",
        catalog.docs_url.as_ref().map(|v| v.as_str()),
    );
    doc.insert("catalog".into(), Value::Object(cat));
    doc.insert(
        "body".into(),
        json!({
            "format": match catalog.body.format {
                BodyFormat::Problem => "problem",
                BodyFormat::Template => "template",
            },
            "content_type": catalog.body.content_type,
        }),
    );
    doc.insert(
        "attributes".into(),
        catalog
            .attributes
            .iter()
            .map(|a| {
                let mut m = Map::new();
                m.insert("name".into(), a.name.as_str().into());
                m.insert("type".into(), a.ty.as_str().into());
                opt(
                    &mut m,
                    "description",
                    a.description.as_ref().map(|d| d.as_str()),
                );
                if let Some(values) = &a.values {
                    m.insert(
                        "values".into(),
                        values.iter().map(body::scalar_json).collect(),
                    );
                }
                Value::Object(m)
            })
            .collect(),
    );
    doc.insert(
        "statuses".into(),
        catalog
            .statuses
            .iter()
            .map(|s| {
                let mut m = Map::new();
                m.insert("status".into(), s.code.into());
                m.insert("reason".into(), s.reason.as_str().into());
                m.insert("class".into(), s.class().key().into());
                opt(
                    &mut m,
                    "description",
                    s.description.as_ref().map(|d| d.as_str()),
                );
                m.insert("attributes".into(), scalars(&s.attributes));
                m.insert(
                    "headers".into(),
                    headers(s.headers.iter().map(|(n, v)| (n.as_str(), v.as_str()))),
                );
                Value::Object(m)
            })
            .collect(),
    );
    doc.insert(
        "errors".into(),
        catalog.errors.iter().map(|e| error(catalog, e)).collect(),
    );
    doc.insert(
        "retired".into(),
        catalog
            .retired
            .iter()
            .map(|c| Value::from(c.as_str()))
            .collect(),
    );
    Value::Object(doc)
}

/// The registry as pretty JSON text (with a final newline).
pub fn generate(catalog: &Catalog) -> String {
    crate::openapi::to_json(&document(catalog))
}

fn opt(m: &mut Map<String, Value>, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        m.insert(key.into(), v.into());
    }
}

fn scalars(values: &[(String, Scalar)]) -> Value {
    Value::Object(
        values
            .iter()
            .map(|(n, v)| (n.clone(), body::scalar_json(v)))
            .collect(),
    )
}

fn headers<'a>(hs: impl Iterator<Item = (&'a str, &'a str)>) -> Value {
    Value::Array(hs.map(|(n, v)| json!({ "name": n, "value": v })).collect())
}

/// One error's entry.
fn error(catalog: &Catalog, e: &ErrorDef) -> Value {
    let status = catalog.status_of(e);
    let mut m = Map::new();
    m.insert("code".into(), e.code.as_str().into());
    m.insert("status".into(), (*e.status).into());
    m.insert("reason".into(), status.reason.as_str().into());
    m.insert("title".into(), e.display_title().into());
    m.insert("message".into(), e.message.text.as_str().into());
    opt(
        &mut m,
        "description",
        e.description.as_ref().map(|d| d.as_str()),
    );
    opt(
        &mut m,
        "remediation",
        e.remediation.as_ref().map(|d| d.as_str()),
    );
    opt(&mut m, "field", e.field.as_ref().map(|d| d.as_str()));
    m.insert(
        "fields".into(),
        e.fields
            .iter()
            .map(|f| {
                let mut fm = Map::new();
                fm.insert("name".into(), f.name.as_str().into());
                fm.insert("type".into(), f.ty.as_str().into());
                opt(
                    &mut fm,
                    "description",
                    f.description.as_ref().map(|d| d.as_str()),
                );
                fm.insert("example".into(), body::scalar_json(&f.example));
                Value::Object(fm)
            })
            .collect(),
    );
    m.insert("retryable".into(), e.retryable.into());
    m.insert(
        "retry_after".into(),
        e.retry_after.map_or(Value::Null, Value::from),
    );
    m.insert(
        "docs_url".into(),
        catalog.docs_url(e).map_or(Value::Null, Value::from),
    );
    m.insert(
        "deprecated".into(),
        e.deprecated.as_ref().map_or(Value::Null, |d| {
            let mut dm = Map::new();
            opt(&mut dm, "since", d.since.as_deref());
            opt(&mut dm, "replaced_by", d.replaced_by.as_deref());
            opt(&mut dm, "note", d.note.as_deref());
            Value::Object(dm)
        }),
    );
    // Effective attributes: the error's, else its status's, in declaration order.
    let attrs: Vec<(String, Scalar)> = catalog
        .attributes
        .iter()
        .filter_map(|a| {
            let name = a.name.as_str();
            e.attribute(name)
                .or_else(|| status.attribute(name))
                .map(|v| (name.to_owned(), v.clone()))
        })
        .collect();
    m.insert("attributes".into(), scalars(&attrs));
    m.insert("headers".into(), headers(catalog.headers_of(e).into_iter()));
    m.insert(
        "examples".into(),
        e.examples
            .iter()
            .map(|x| {
                let mut xm = Map::new();
                opt(&mut xm, "summary", x.summary.as_deref());
                xm.insert(
                    "values".into(),
                    Value::Object(
                        e.fields
                            .iter()
                            .zip(&x.values)
                            .map(|(f, v)| (f.name.as_str().to_owned(), body::scalar_json(v)))
                            .collect(),
                    ),
                );
                xm.insert("message".into(), e.message.render(&x.values).into());
                xm.insert(
                    "body".into(),
                    body::error_body(catalog, e, x, body::Runtime::default()),
                );
                Value::Object(xm)
            })
            .collect(),
    );
    Value::Object(m)
}

/// The JSON Schema (draft 2020-12) every registry validates against.
pub fn schema() -> Value {
    let scalar = json!({ "type": ["string", "number", "boolean"] });
    let text = json!({ "type": "string" });
    let headers = json!({
        "type": "array",
        "description": "Response headers (name as written in the catalog, literal value).",
        "items": {
            "type": "object",
            "required": ["name", "value"],
            "additionalProperties": false,
            "properties": { "name": text, "value": text }
        }
    });
    let attributes = json!({
        "type": "object",
        "description": "User attributes by name.",
        "additionalProperties": scalar
    });
    let error_item = error_schema(&scalar, &text, &headers, &attributes);
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "errcat registry",
        "description": "Every error code of an errcat catalog, for clients in any language and for support tools.",
        "type": "object",
        "required": ["registry", "catalog", "body", "attributes", "statuses", "errors", "retired"],
        "additionalProperties": false,
        "properties": {
            "$schema": text,
            "registry": { "const": FORMAT_VERSION, "description": "The version of the registry format." },
            "catalog": {
                "type": "object",
                "required": ["name"],
                "additionalProperties": false,
                "properties": {
                    "name": text,
                    "version": text,
                    "docs_url": { "type": "string", "description": "The docs URL pattern, with `{code}` and `{status}`." }
                }
            },
            "body": {
                "type": "object",
                "required": ["format", "content_type"],
                "additionalProperties": false,
                "properties": {
                    "format": { "enum": ["problem", "template"] },
                    "content_type": text
                }
            },
            "attributes": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "type"],
                    "additionalProperties": false,
                    "properties": {
                        "name": text,
                        "type": { "enum": ["string", "integer", "boolean"] },
                        "description": text,
                        "values": { "type": "array", "items": scalar }
                    }
                }
            },
            "statuses": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["status", "reason", "class", "attributes", "headers"],
                    "additionalProperties": false,
                    "properties": {
                        "status": { "type": "integer", "minimum": 100, "maximum": 599 },
                        "reason": text,
                        "class": { "enum": ["1xx", "2xx", "3xx", "4xx", "5xx"] },
                        "description": text,
                        "attributes": attributes,
                        "headers": headers
                    }
                }
            },
            "errors": { "type": "array", "items": error_item },
            "retired": { "type": "array", "items": text, "description": "Codes that may never be used again." }
        }
    })
}

/// The schema of one error's entry.
fn error_schema(scalar: &Value, text: &Value, headers: &Value, attributes: &Value) -> Value {
    let fields = json!({
        "type": "array",
        "description": "The typed fields, in order.",
        "items": {
            "type": "object",
            "required": ["name", "type", "example"],
            "additionalProperties": false,
            "properties": {
                "name": text,
                "type": { "enum": ["string", "integer", "unsigned", "float", "boolean"] },
                "description": text,
                "example": scalar
            }
        }
    });
    let examples = json!({
        "type": "array",
        "minItems": 1,
        "items": {
            "type": "object",
            "required": ["values", "message", "body"],
            "additionalProperties": false,
            "properties": {
                "summary": text,
                "values": { "type": "object", "additionalProperties": scalar },
                "message": { "type": "string", "description": "The message rendered with the example's values." },
                "body": { "description": "The response body errcat renders for the example (without run-time values)." }
            }
        }
    });
    json!({
        "type": "object",
        "required": [
            "code", "status", "reason", "title", "message", "fields", "retryable",
            "retry_after", "docs_url", "deprecated", "attributes", "headers", "examples"
        ],
        "additionalProperties": false,
        "properties": {
            "code": { "type": "string", "description": "The stable machine-readable code." },
            "status": { "type": "integer", "minimum": 100, "maximum": 599 },
            "reason": text,
            "title": { "type": "string", "description": "The error's title, else its code." },
            "message": { "type": "string", "description": "The message template: `{field}` placeholders, `{{` and `}}` for braces." },
            "description": text,
            "remediation": text,
            "field": { "type": "string", "description": "The request field the error concerns." },
            "fields": fields,
            "retryable": { "type": "boolean" },
            "retry_after": { "type": ["integer", "null"], "minimum": 0, "description": "Seconds to wait before retrying." },
            "docs_url": { "type": ["string", "null"] },
            "deprecated": {
                "oneOf": [
                    { "type": "null" },
                    {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": { "since": text, "replaced_by": text, "note": text }
                    }
                ]
            },
            "attributes": attributes,
            "headers": headers,
            "examples": examples
        }
    })
}

/// [`schema`] as pretty JSON text (with a final newline): `docs/registry.schema.json`.
pub fn schema_json() -> String {
    crate::openapi::to_json(&schema())
}
