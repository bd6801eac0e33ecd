//! The OpenAPI emitter (3.1, and 3.0.3 through [`to_3_0`]): the error bodies and success
//! envelope as `components.schemas`, one `components.responses` entry per status with a
//! named example for every error returned with it, and [`merge`] to put them into a
//! hand-written document.
//!
//! Every component errcat generates is named after the catalog's Rust error type (the
//! status enum for statuses that are not errors), with `_` between the parts (names with
//! dots are read as modules by datamodel-code-generator), and carries the marker
//! `x-errcat-generated` (the catalog's name):
//!
//! - `schemas.{Error}`: the error body, from `[body]`;
//! - `schemas.{Error}_{Variant}`: one error's body (its code and the other values known
//!   before run time as constants), for every error whose body shows its code;
//! - `schemas.{Error}_{status}`: the body of that status's responses: a `oneOf` of its
//!   errors' schemas, discriminated by the code; or, when the body does not show the code,
//!   the error body narrowed to the status;
//! - `schemas.{Status}_envelope`: the success envelope, when declared;
//! - `responses.{Error}_{status}`: one response per error status (4xx, 5xx, or any status
//!   an error is returned with);
//! - `responses.{Status}_{status}`: one response per other status.
//!
//! Schemas are open (they accept members they do not list) unless the catalog closes the
//! body or envelope (`closed = true`); `required` lists the members always present.
//!
//! [`merge`] replaces exactly those components (and removes ones a catalog of the same
//! name generated before but no longer does); everything else is kept as it was.
//!
//! The emitter is split by concern: `schema` (template and body schemas), `response`
//! (responses, headers and named examples), `v3_0` (the 3.0.3 translation), `json` and
//! `yaml` (text writers) and `merge` ([`merge`] into a hand-written document).

mod groups;
mod json;
mod merge;
mod operations;
mod response;
pub(crate) mod schema;
mod schema_text;
mod v3_0;
#[cfg(feature = "yaml")]
mod yaml;

pub use json::to_json;
pub use merge::{MergeError, MergeOptions, merge};
pub use v3_0::to_3_0;
#[cfg(feature = "yaml")]
pub use yaml::to_yaml;

pub(crate) use response::deprecation_text;
pub(crate) use schema::{template_optional, var_description, var_type};

use crate::body;
use errcat_catalog::{Catalog, ErrorDef, Status, StatusClass};
use merge::merge_into;
use response::response;
use schema::{Ctx, MemberSchemas, error_schema, shows_code, status_schema, template_schema};
use serde_json::{Map, Value};

/// The extension member that marks generated components; its value is the catalog's name.
pub const GENERATED_MARKER: &str = "x-errcat-generated";

/// The OpenAPI version a document is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Version {
    /// OpenAPI 3.1.0 (JSON Schema 2020-12), the default.
    #[default]
    V3_1,
    /// OpenAPI 3.0.3, for tools that read only 3.0 (progenitor, older generators).
    V3_0,
}

impl Version {
    /// The version as the `openapi` member writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V3_1 => "3.1.0",
            Version::V3_0 => "3.0.3",
        }
    }
}

/// The document for `version`: [`document`], translated by [`to_3_0`] for 3.0.
pub fn document_for(catalog: &Catalog, version: Version) -> Value {
    let doc = document(catalog);
    match version {
        Version::V3_1 => doc,
        Version::V3_0 => to_3_0(&doc),
    }
}

/// An OpenAPI 3.1 document holding the generated components.
pub fn document(catalog: &Catalog) -> Value {
    build(catalog, None)
}

/// [`to_json`]`(&`[`document`]`(catalog))`, byte for byte, with the per-error schemas (most of
/// the document) written as text directly rather than made as a `Value` first: what the
/// build script and the CLI write for OpenAPI 3.1 JSON.
pub fn to_json_text(catalog: &Catalog) -> String {
    let mut texts = Texts::default();
    let doc = build(catalog, Some(&mut texts));
    let mut out = String::with_capacity(texts.text.len() + texts.text.len() / 2 + 4096);
    json::push_document(&mut out, &doc, &texts.text, &texts.ends);
    out.push('\n');
    out
}

/// The pretty JSON text of [`document_for`]`(catalog, version)`: [`to_json_text`] for 3.1.
pub fn to_json_for(catalog: &Catalog, version: Version) -> String {
    match version {
        Version::V3_1 => to_json_text(catalog),
        Version::V3_0 => to_json(&document_for(catalog, version)),
    }
}

/// The per-error schemas written as text by [`to_json_text`]: the `i`th ends at `ends[i]`
/// of `text`, and stands in the document as the number `i`.
#[derive(Default)]
pub(super) struct Texts {
    text: String,
    ends: Vec<usize>,
    /// A named example's body, before it is indented.
    scratch: String,
}

impl Texts {
    /// The number standing for the text written since the last one.
    fn end(&mut self) -> Value {
        let i = self.ends.len();
        self.ends.push(self.text.len());
        Value::from(i)
    }
}

/// The document, its per-error schemas written into `texts` when given.
fn build(catalog: &Catalog, mut texts: Option<&mut Texts>) -> Value {
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
    let meta = &catalog.openapi;
    if let Some(c) = &meta.contact {
        let mut contact = Map::new();
        for (k, v) in [("name", &c.name), ("url", &c.url), ("email", &c.email)] {
            if let Some(v) = v {
                contact.insert(k.into(), v.as_str().into());
            }
        }
        info.insert("contact".into(), Value::Object(contact));
    }
    if let Some(l) = &meta.license {
        let mut license = Map::new();
        license.insert("name".into(), l.name.as_str().into());
        if let Some(u) = &l.url {
            license.insert("url".into(), u.as_str().into());
        }
        info.insert("license".into(), Value::Object(license));
    }

    let names = Names::new(catalog);
    let marker = Value::String(catalog.name.to_string());

    let mut schemas = Map::new();
    let mut body_schema = Map::new();
    body_schema.insert(
        "title".into(),
        Value::String(format!("{} error", catalog.name.as_str())),
    );
    if let Some(d) = &catalog.body.description {
        body_schema.insert("description".into(), Value::String(d.to_string()));
    }
    merge_into(
        &mut body_schema,
        template_schema(catalog, &catalog.body.template, &Ctx::error(catalog, None)),
    );
    if !catalog.retired.is_empty() {
        body_schema.insert(
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
    body_schema.insert(GENERATED_MARKER.into(), marker.clone());
    schemas.insert(names.body.clone(), Value::Object(body_schema));

    let members = std::cell::RefCell::new(MemberSchemas::default());
    for status in &catalog.statuses {
        let errors: Vec<&ErrorDef> = catalog.errors_with_status(status.code).collect();
        if errors.is_empty() {
            continue;
        }
        for e in errors.iter().filter(|e| shows_code(catalog.body_of(e))) {
            if let Some(texts) = texts.as_deref_mut() {
                if schema_text::push_error_schema(
                    &mut texts.text,
                    catalog,
                    e,
                    catalog.name.as_str(),
                    3,
                ) {
                    schemas.insert(names.error(e), texts.end());
                    continue;
                }
            }
            let mut s = error_schema(catalog, e, &members);
            s.insert(GENERATED_MARKER.into(), marker.clone());
            schemas.insert(names.error(e), Value::Object(s));
        }
        let mut s = Map::new();
        s.insert(
            "title".into(),
            Value::String(format!("{} ({})", status.reason.as_str(), status.code)),
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
        let errors: Vec<&ErrorDef> = catalog.errors_with_status(status.code).collect();
        responses.insert(
            names.response(catalog, status),
            response(
                catalog,
                status,
                &errors,
                &names.status(status.code),
                &names,
                &mut shapes,
                texts.as_deref_mut(),
            ),
        );
    }
    operations::components(
        catalog,
        &names,
        &marker,
        &mut shapes,
        &mut schemas,
        &mut responses,
        texts,
    );
    groups::components(catalog, &marker, &mut schemas, &mut responses);

    let mut components = Map::new();
    components.insert("schemas".into(), Value::Object(schemas));
    components.insert("responses".into(), Value::Object(responses));

    let mut doc = Map::new();
    doc.insert(
        "openapi".into(),
        Value::String(Version::V3_1.as_str().into()),
    );
    doc.insert("info".into(), Value::Object(info));
    if !meta.servers.is_empty() {
        let servers = meta
            .servers
            .iter()
            .map(|s| {
                let mut m = Map::new();
                m.insert("url".into(), s.url.as_str().into());
                if let Some(d) = &s.description {
                    m.insert("description".into(), d.as_str().into());
                }
                Value::Object(m)
            })
            .collect();
        doc.insert("servers".into(), Value::Array(servers));
    }
    doc.insert("components".into(), Value::Object(components));
    Value::Object(doc)
}

/// Component names.
struct Names {
    /// The error body: the error enum's name.
    body: String,
    /// The success envelope.
    success: String,
    /// The status enum's name, for statuses that are not errors.
    statuses: String,
}

impl Names {
    fn new(catalog: &Catalog) -> Names {
        Names {
            body: catalog.rust.error_enum.clone(),
            success: format!("{}_envelope", catalog.rust.status_enum),
            statuses: catalog.rust.status_enum.clone(),
        }
    }

    /// The body schema of a status's responses.
    fn status(&self, code: u16) -> String {
        format!("{}_{code}", self.body)
    }

    /// One error's body schema.
    fn error(&self, error: &ErrorDef) -> String {
        format!("{}_{}", self.body, error.variant)
    }

    /// The `$ref` target of one error's body schema.
    fn error_ref(&self, error: &ErrorDef) -> String {
        format!("#/components/schemas/{}_{}", self.body, error.variant)
    }

    /// A status's response: named after the error type when it is an error status.
    fn response(&self, catalog: &Catalog, status: &Status) -> String {
        if is_error_status(catalog, status) {
            self.status(status.code)
        } else {
            format!("{}_{}", self.statuses, status.code)
        }
    }
}

/// Whether a status's responses are errors: 4xx and 5xx, and any status an error is
/// returned with.
fn is_error_status(catalog: &Catalog, status: &Status) -> bool {
    matches!(
        status.class(),
        StatusClass::ClientError | StatusClass::ServerError
    ) || catalog.errors_with_status(status.code).next().is_some()
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
