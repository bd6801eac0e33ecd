//! The OpenAPI 3.1 emitter: the error body and success envelope as `components.schemas`,
//! one `components.responses` entry per status with a named example for every error
//! returned with it, and [`merge`] to put them into a hand-written document.
//!
//! Every component errcat generates is named after the catalog's Rust error type and
//! carries the marker `x-errcat-generated` (the catalog's name):
//!
//! - `schemas.{Error}`: the error body, from `[body]`;
//! - `schemas.{Error}.{status}`: the body of that status's responses, its code narrowed to
//!   the codes returned with it;
//! - `schemas.{Error}.success`: the success envelope, when declared;
//! - `responses.{Error}.{status}`: one response per status.
//!
//! [`merge`] replaces exactly those components (and removes ones a catalog of the same
//! name generated before but no longer does); everything else is kept as it was.

//!
//! The emitter is split by concern: [`schema`] (template and body schemas), `response`
//! (responses, headers and named examples), `json` and `yaml` (text writers) and
//! `merge` ([`merge`] into a hand-written document).

mod json;
mod merge;
mod response;
pub(crate) mod schema;
#[cfg(feature = "yaml")]
mod yaml;

pub use json::to_json;
pub use merge::merge;
#[cfg(feature = "yaml")]
pub use yaml::to_yaml;

pub(crate) use response::deprecation_text;
pub(crate) use schema::{template_optional, var_description, var_type};

use crate::body;
use errcat_catalog::{Catalog, ErrorDef};
use merge::merge_into;
use response::response;
use schema::{Ctx, status_schema, template_schema};
use serde_json::{Map, Value};

/// The extension member that marks generated components; its value is the catalog's name.
pub const GENERATED_MARKER: &str = "x-errcat-generated";

/// An OpenAPI 3.1 document holding the generated components.
pub fn document(catalog: &Catalog) -> Value {
    let mut info = Map::new();
    info.insert("title".into(), Value::String(catalog.name.to_string()));
    info.insert(
        "version".into(),
        Value::String(
            catalog
                .version
                .as_ref()
                .map_or_else(|| "unversioned".to_owned(), |v| v.to_string()),
        ),
    );
    if let Some(d) = &catalog.description {
        info.insert("description".into(), Value::String(d.to_string()));
    }

    let names = Names::new(catalog);
    let marker = Value::String(catalog.name.to_string());

    let mut schemas = Map::new();
    let mut error_schema = Map::new();
    error_schema.insert(
        "title".into(),
        Value::String(format!("{} error", catalog.name.as_str())),
    );
    if let Some(d) = &catalog.body.description {
        error_schema.insert("description".into(), Value::String(d.to_string()));
    }
    merge_into(
        &mut error_schema,
        template_schema(catalog, &catalog.body.template, &Ctx::error(catalog, None)),
    );
    if !catalog.retired.is_empty() {
        error_schema.insert(
            "x-errcat-retired".into(),
            Value::Array(
                catalog
                    .retired
                    .iter()
                    .map(|r| Value::String(r.to_string()))
                    .collect(),
            ),
        );
    }
    error_schema.insert(GENERATED_MARKER.into(), marker.clone());
    schemas.insert(names.body.clone(), Value::Object(error_schema));

    for status in &catalog.statuses {
        let errors: Vec<&ErrorDef> = catalog.errors_with_status(status.code).collect();
        if errors.is_empty() {
            continue;
        }
        let mut s = Map::new();
        s.insert(
            "title".into(),
            Value::String(format!("{} {} error", status.code, status.reason.as_str())),
        );
        s.extend(status_schema(catalog, status, &errors, &names));
        s.insert(GENERATED_MARKER.into(), marker.clone());
        schemas.insert(names.status(status.code), Value::Object(s));
    }

    if let Some(success) = &catalog.success {
        let mut s = Map::new();
        s.insert(
            "title".into(),
            Value::String(format!("{} success envelope", catalog.name.as_str())),
        );
        if let Some(d) = &success.description {
            s.insert("description".into(), Value::String(d.to_string()));
        }
        merge_into(
            &mut s,
            template_schema(catalog, &success.template, &Ctx::success(catalog)),
        );
        s.insert(GENERATED_MARKER.into(), marker.clone());
        schemas.insert(names.success.clone(), Value::Object(s));
    }

    let mut responses = Map::new();
    let mut shapes = body::Shapes::default();
    for status in &catalog.statuses {
        responses.insert(
            names.status(status.code),
            response(catalog, status, &names, &marker, &mut shapes),
        );
    }

    let mut components = Map::new();
    components.insert("schemas".into(), Value::Object(schemas));
    components.insert("responses".into(), Value::Object(responses));

    let mut doc = Map::new();
    doc.insert("openapi".into(), Value::String("3.1.0".into()));
    doc.insert("info".into(), Value::Object(info));
    doc.insert("components".into(), Value::Object(components));
    Value::Object(doc)
}

/// Component names.
struct Names {
    body: String,
    success: String,
}

impl Names {
    fn new(catalog: &Catalog) -> Names {
        let base = catalog.rust.error_enum.clone();
        Names {
            success: format!("{base}.success"),
            body: base,
        }
    }

    fn status(&self, code: u16) -> String {
        format!("{}.{code}", self.body)
    }
}

fn schema_ref(name: &str) -> Value {
    object1("$ref", format!("#/components/schemas/{name}").into())
}

/// `{ key: value }`.
fn object1(key: &str, value: Value) -> Value {
    let mut m = Map::with_capacity(1);
    m.insert(key.to_owned(), value);
    Value::Object(m)
}

fn attributes_json(attrs: &[(String, errcat_catalog::Scalar)]) -> Value {
    Value::Object(
        attrs
            .iter()
            .map(|(k, v)| (k.clone(), body::scalar_json(v)))
            .collect(),
    )
}
