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

use crate::body;
use errcat_catalog::{
    AttrType, Catalog, ErrorDef, Example, Status, StatusClass, Template, TextPiece, Var,
};
use serde_json::{Map, Value, json};

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

/// Pretty JSON text of a document, with a trailing newline: what
/// `serde_json::to_string_pretty` writes, without its `io::Write` layer.
pub fn to_json(doc: &Value) -> String {
    let mut s = String::new();
    body::json::push_value(&mut s, doc, 0);
    s.push('\n');
    s
}

/// YAML text of a document (feature `yaml`, on by default).
#[cfg(feature = "yaml")]
pub fn to_yaml(doc: &Value) -> String {
    // Likewise infallible for a `serde_json::Value`.
    serde_yaml_ng::to_string(doc).unwrap_or_default()
}

/// Merges the generated components into an existing document, replacing only them.
///
/// In each `components` section of `generated`, a component of the same name in `existing`
/// is replaced where it stands; new ones are appended; components of `existing` that carry
/// the marker of the same catalog but are no longer generated are removed. Everything else
/// (paths, other components, key order) is kept as it was, so merging twice gives the
/// same document. `openapi` and `info` are taken from `generated` only when `existing` has
/// none. When `existing` is not a JSON object, the result is `generated`.
pub fn merge(existing: Value, generated: &Value) -> Value {
    let Value::Object(mut doc) = existing else {
        return generated.clone();
    };
    let Some(gen_doc) = generated.as_object() else {
        return Value::Object(doc);
    };
    for key in ["openapi", "info"] {
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

/// Appends the members of `extra` (an object) to `into`.
fn merge_into(into: &mut Map<String, Value>, extra: Value) {
    if let Value::Object(extra) = extra {
        for (k, v) in extra {
            into.insert(k, v);
        }
    }
}

/// What a template's schema is generated for.
pub(crate) struct Ctx<'a> {
    /// Member descriptions by dotted path.
    fields: &'a [(String, String)],
    /// In a per-status schema: the status, and the codes `{code}` may take.
    status: Option<(&'a Status, Vec<&'a str>)>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn error(
        catalog: &'a Catalog,
        status: Option<(&'a Status, Vec<&'a str>)>,
    ) -> Ctx<'a> {
        Ctx {
            fields: &catalog.body.fields,
            status,
        }
    }

    pub(crate) fn success(catalog: &'a Catalog) -> Ctx<'a> {
        Ctx {
            fields: catalog.success.as_ref().map_or(&[][..], |s| &s.fields[..]),
            status: None,
        }
    }
}

/// The JSON type of a placeholder's value (`None`: any).
pub(crate) fn var_type(catalog: &Catalog, var: &Var) -> Option<&'static str> {
    match var {
        Var::Status | Var::RetryAfter => Some("integer"),
        Var::Content | Var::ErrorField(_) => None,
        Var::Items => Some("array"),
        Var::Attribute(a) => Some(match catalog.attribute(a).map(|a| a.ty) {
            Some(AttrType::Integer) => "integer",
            Some(AttrType::Boolean) => "boolean",
            _ => "string",
        }),
        _ => Some("string"),
    }
}

/// Whether a placeholder may be absent (its member is then left out).
pub(crate) fn var_optional(catalog: &Catalog, var: &Var) -> bool {
    match var {
        Var::Field | Var::DocsUrl | Var::RetryAfter | Var::TraceId | Var::Instance => true,
        Var::Context(_) => true,
        Var::Attribute(a) => !catalog
            .attribute(a)
            .is_some_and(|a| a.required && a.on_errors),
        _ => false,
    }
}

/// What a placeholder holds, for docs.
pub(crate) fn var_description(var: &Var) -> String {
    match var {
        Var::Status => "The HTTP status code.".into(),
        Var::Reason => "The status's reason phrase.".into(),
        Var::Code => "The error code.".into(),
        Var::Message => "The error message.".into(),
        Var::Title => "The error's title.".into(),
        Var::Field => "The request field the error concerns, when there is one.".into(),
        Var::DocsUrl => "The error's documentation URL.".into(),
        Var::RetryAfter => "Seconds to wait before retrying, when the error says.".into(),
        Var::TraceId => "The request's trace identifier, when known.".into(),
        Var::Instance => "The URI of the request, when known.".into(),
        Var::Type => "The error's documentation URL, else `about:blank`.".into(),
        Var::Content => "The response payload.".into(),
        Var::Attribute(a) => format!("The `{a}` attribute."),
        Var::ErrorField(_) => "A value of the error's own fields.".into(),
        Var::Context(c) => format!("The run-time value `{c}`, when supplied."),
        Var::Items => "The errors of the response, one item each.".into(),
    }
}

/// Whether a template member may be left out.
pub(crate) fn template_optional(catalog: &Catalog, t: &Template) -> bool {
    matches!(t, Template::Var(v) if var_optional(catalog, v))
}

/// The JSON Schema of a template.
pub(crate) fn template_schema(catalog: &Catalog, t: &Template, cx: &Ctx<'_>) -> Value {
    schema_at(catalog, t, cx, "")
}

fn description_of<'a>(cx: &'a Ctx<'_>, path: &str) -> Option<&'a str> {
    cx.fields
        .iter()
        .find(|(p, _)| p == path)
        .map(|(_, d)| d.as_str())
}

fn schema_at(catalog: &Catalog, t: &Template, cx: &Ctx<'_>, path: &str) -> Value {
    let mut s = Map::new();
    match t {
        Template::Var(var) => {
            if let Some(ty) = var_type(catalog, var) {
                s.insert("type".into(), ty.into());
            }
            match (var, &cx.status) {
                (Var::Code, Some((_, codes))) => {
                    s.insert(
                        "enum".into(),
                        codes.iter().map(|c| Value::from(*c)).collect(),
                    );
                }
                (Var::Status, Some((st, _))) => {
                    s.insert("const".into(), st.code.into());
                }
                (Var::Reason, Some((st, _))) => {
                    s.insert("const".into(), st.reason.as_str().into());
                }
                (Var::RetryAfter, _) => {
                    s.insert("minimum".into(), 0.into());
                }
                (Var::Attribute(a), _) => {
                    if let Some(values) = catalog.attribute(a).and_then(|a| a.values.as_ref()) {
                        s.insert(
                            "enum".into(),
                            values.iter().map(body::scalar_json).collect(),
                        );
                    }
                }
                _ => {}
            }
            let d = description_of(cx, path).map_or_else(|| var_description(var), str::to_owned);
            s.insert("description".into(), d.into());
        }
        Template::Text(pieces) => {
            s.insert("type".into(), "string".into());
            let literal: Option<String> = pieces
                .iter()
                .map(|p| match p {
                    TextPiece::Lit(l) => Some(l.as_str()),
                    TextPiece::Var(_) => None,
                })
                .collect();
            if let Some(l) = literal {
                s.insert("const".into(), l.into());
            }
            if let Some(d) = description_of(cx, path) {
                s.insert("description".into(), d.into());
            }
        }
        Template::Int(i) => {
            s.insert("type".into(), "integer".into());
            s.insert("const".into(), (*i).into());
            if let Some(d) = description_of(cx, path) {
                s.insert("description".into(), d.into());
            }
        }
        Template::Float(x) => {
            s.insert("type".into(), "number".into());
            if let Some(n) = serde_json::Number::from_f64(*x) {
                s.insert("const".into(), Value::Number(n));
            }
            if let Some(d) = description_of(cx, path) {
                s.insert("description".into(), d.into());
            }
        }
        Template::Bool(b) => {
            s.insert("type".into(), "boolean".into());
            s.insert("const".into(), (*b).into());
            if let Some(d) = description_of(cx, path) {
                s.insert("description".into(), d.into());
            }
        }
        Template::Array(items) => {
            s.insert("type".into(), "array".into());
            if let Some(d) = description_of(cx, path) {
                s.insert("description".into(), d.into());
            }
            let item_path = format!("{path}[]");
            let mut distinct: Vec<Value> = Vec::new();
            for item in items {
                let schema = schema_at(catalog, item, cx, &item_path);
                if !distinct.contains(&schema) {
                    distinct.push(schema);
                }
            }
            let items_schema = match distinct.len() {
                0 => json!(false),
                1 => distinct.remove(0),
                _ => object1("anyOf", Value::Array(distinct)),
            };
            s.insert("items".into(), items_schema);
            s.insert("maxItems".into(), items.len().into());
        }
        Template::Object(members) => {
            s.insert("type".into(), "object".into());
            if let Some(d) = description_of(cx, path) {
                s.insert("description".into(), d.into());
            }
            let mut props = Map::new();
            let mut required = Vec::new();
            for (k, v) in members {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                if !template_optional(catalog, v) {
                    required.push(Value::String(k.clone()));
                }
                props.insert(k.clone(), schema_at(catalog, v, cx, &p));
            }
            s.insert("properties".into(), Value::Object(props));
            if !required.is_empty() {
                s.insert("required".into(), Value::Array(required));
            }
            s.insert("additionalProperties".into(), false.into());
        }
    }
    Value::Object(s)
}

/// Narrows the members of a template that hold `{code}`, `{status}` or `{reason}` to the
/// values a status gives them; `None` when one is inside an array (then the status's schema
/// is written out in full).
fn narrowing(t: &Template, status: &Status, codes: &[&str]) -> Option<Option<Value>> {
    Some(match t {
        Template::Var(Var::Code) => Some(object1(
            "enum",
            codes.iter().map(|c| Value::from(*c)).collect(),
        )),
        Template::Var(Var::Status) => Some(object1("const", status.code.into())),
        Template::Var(Var::Reason) => Some(object1("const", status.reason.as_str().into())),
        Template::Object(members) => {
            let mut props = Map::new();
            for (k, v) in members {
                if let Some(n) = narrowing(v, status, codes)? {
                    props.insert(k.clone(), n);
                }
            }
            (!props.is_empty()).then(|| object1("properties", Value::Object(props)))
        }
        Template::Array(items) => {
            for item in items {
                if narrowing(item, status, codes)?.is_some() {
                    return None;
                }
            }
            None
        }
        _ => None,
    })
}

/// The body schema of a status's responses: the codes narrowed to those returned with it;
/// errors with their own body template are alternatives (`anyOf`).
fn status_schema(
    catalog: &Catalog,
    status: &Status,
    errors: &[&ErrorDef],
    names: &Names,
) -> Map<String, Value> {
    // Groups of errors sharing a body template, in declaration order.
    let mut groups: Vec<(&Template, Vec<&ErrorDef>)> = Vec::new();
    for e in errors {
        let t = catalog.body_of(e);
        match groups
            .iter_mut()
            .find(|(gt, _)| std::ptr::eq(*gt, t) || *gt == t)
        {
            Some((_, g)) => g.push(e),
            None => groups.push((t, vec![e])),
        }
    }
    let branch = |t: &Template, group: &[&ErrorDef]| -> Map<String, Value> {
        let codes: Vec<&str> = group.iter().map(|e| e.code.as_str()).collect();
        let narrowed = if std::ptr::eq(t, &catalog.body.template) {
            narrowing(t, status, &codes)
        } else {
            None
        };
        let mut s = match narrowed {
            // The catalog's body, narrowed.
            Some(Some(n)) => {
                let mut m = Map::new();
                m.insert(
                    "allOf".into(),
                    Value::Array(vec![schema_ref(&names.body), n]),
                );
                m
            }
            Some(None) => match schema_ref(&names.body) {
                Value::Object(m) => m,
                _ => Map::new(),
            },
            // An error's own body, or a code inside an array: in full.
            None => {
                match template_schema(catalog, t, &Ctx::error(catalog, Some((status, codes)))) {
                    Value::Object(m) => m,
                    _ => Map::new(),
                }
            }
        };
        if group.iter().all(|e| e.deprecated.is_some()) {
            s.insert("deprecated".into(), true.into());
        }
        s
    };
    if let [(t, group)] = &groups[..] {
        return branch(t, group);
    }
    let branches: Vec<Value> = groups
        .iter()
        .map(|(t, g)| Value::Object(branch(t, g)))
        .collect();
    let mut s = Map::new();
    s.insert("anyOf".into(), Value::Array(branches));
    if errors.iter().all(|e| e.deprecated.is_some()) {
        s.insert("deprecated".into(), true.into());
    }
    s
}

/// Whether a status's responses carry content when no error is returned with it.
fn has_error_content(status: &Status) -> bool {
    matches!(
        status.class(),
        StatusClass::ClientError | StatusClass::ServerError
    )
}

fn response<'c>(
    catalog: &'c Catalog,
    status: &Status,
    names: &Names,
    marker: &Value,
    shapes: &mut body::Shapes<'c>,
) -> Value {
    let mut r = Map::new();
    let mut description = status.reason.to_string();
    if let Some(d) = &status.description {
        description.push_str("\n\n");
        description.push_str(d.trim_end());
    }
    r.insert("description".into(), description.into());

    let errors: Vec<&ErrorDef> = catalog.errors_with_status(status.code).collect();
    let mut content = Map::new();
    if !errors.is_empty() {
        let mut media = Map::new();
        media.insert("schema".into(), schema_ref(&names.status(status.code)));
        let mut examples = Map::with_capacity(errors.iter().map(|e| e.examples.len()).sum());
        for e in &errors {
            for (i, ex) in e.examples.iter().enumerate() {
                let name = if i == 0 {
                    e.code.to_string()
                } else {
                    format!("{}.{}", e.code.as_str(), i + 1)
                };
                examples.insert(name, example(catalog, e, ex, shapes));
            }
        }
        media.insert("examples".into(), Value::Object(examples));
        content.insert(catalog.body.content_type.clone(), Value::Object(media));
    } else if has_error_content(status) {
        let mut media = Map::new();
        media.insert("schema".into(), schema_ref(&names.body));
        content.insert(catalog.body.content_type.clone(), Value::Object(media));
    } else if catalog.success.is_some()
        && status.class() == StatusClass::Success
        && !matches!(status.code, 204 | 205)
    {
        let mut media = Map::new();
        media.insert("schema".into(), schema_ref(&names.success));
        content.insert("application/json".into(), Value::Object(media));
    }
    let headers = response_headers(catalog, status, &errors);
    if !headers.is_empty() {
        r.insert("headers".into(), Value::Object(headers));
    }
    if !content.is_empty() {
        r.insert("content".into(), Value::Object(content));
    }
    if !status.attributes.is_empty() {
        r.insert(
            "x-errcat-attributes".into(),
            attributes_json(&status.attributes),
        );
    }
    r.insert(GENERATED_MARKER.into(), marker.clone());
    Value::Object(r)
}

/// The headers of a status's responses: every header one of its errors sends (the
/// status's own when no error is returned with it), then `Retry-After` when an error gives
/// a delay. Names are grouped case-insensitively and spelled as first written; a header is
/// `required` when every error sends it; one value is its `example`, several values are its
/// `examples`, by error code.
fn response_headers(
    catalog: &Catalog,
    status: &Status,
    errors: &[&ErrorDef],
) -> Map<String, Value> {
    // (name, [(error code, value)]) in order of first appearance.
    type Sent<'a> = Vec<(&'a str, Vec<(&'a str, Value)>)>;
    fn add<'a>(sent: &mut Sent<'a>, name: &'a str, code: &'a str, value: Value) {
        match sent.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            Some((_, values)) => values.push((code, value)),
            None => sent.push((name, vec![(code, value)])),
        }
    }
    let mut sent: Sent<'_> = Vec::new();
    for e in errors {
        for (name, value) in catalog.headers_of(e) {
            add(&mut sent, name, e.code.as_str(), value.into());
        }
    }
    if errors.is_empty() {
        for (name, value) in &status.headers {
            add(&mut sent, name, "", value.as_str().into());
        }
    }
    for e in errors {
        if let Some(secs) = e.retry_after {
            add(&mut sent, "Retry-After", e.code.as_str(), secs.into());
        }
    }
    let mut out = Map::new();
    for (name, values) in sent {
        let retry = name == "Retry-After";
        let mut h = Map::new();
        let every = values.len() == errors.len();
        let codes: Vec<String> = values.iter().map(|(c, _)| format!("`{c}`")).collect();
        let description = match (retry, every || errors.is_empty()) {
            (true, true) => "Seconds to wait before retrying.".to_owned(),
            (true, false) => format!(
                "Seconds to wait before retrying: sent with {}.",
                codes.join(", ")
            ),
            (false, true) => "Sent with every error of this status.".to_owned(),
            (false, false) => format!("Sent with {}.", codes.join(", ")),
        };
        h.insert("description".into(), description.into());
        if every && !errors.is_empty() {
            h.insert("required".into(), true.into());
        }
        let schema = if retry {
            json!({ "type": "integer", "minimum": 0 })
        } else {
            json!({ "type": "string" })
        };
        h.insert("schema".into(), schema);
        let first = &values[0].1;
        if values.iter().all(|(_, v)| v == first) {
            h.insert("example".into(), first.clone());
        } else {
            let examples: Map<String, Value> = values
                .into_iter()
                .map(|(code, v)| (code.to_owned(), object1("value", v)))
                .collect();
            h.insert("examples".into(), Value::Object(examples));
        }
        out.insert(name.to_owned(), Value::Object(h));
    }
    out
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

/// The members of a named example, in order.
const EXAMPLE_KEYS: [&str; 9] = [
    "summary",
    "description",
    "value",
    "x-errcat-code",
    "x-errcat-retryable",
    "x-errcat-retry-after",
    "x-errcat-deprecated",
    "x-errcat-attributes",
    "x-errcat-docs-url",
];

/// The named example of one of `error`'s examples.
fn example<'c>(
    catalog: &'c Catalog,
    error: &'c ErrorDef,
    ex: &Example,
    shapes: &mut body::Shapes<'c>,
) -> Value {
    let base = shapes.start();
    let title = error.display_title();
    let mut summary = String::with_capacity(
        title.len() + ex.summary.as_ref().map_or(0, |s| s.len() + 2) + " (deprecated)".len(),
    );
    summary.push_str(title);
    if let Some(s) = &ex.summary {
        summary.push_str(": ");
        summary.push_str(s);
    }
    if error.deprecated.is_some() {
        summary.push_str(" (deprecated)");
    }
    shapes.member(0, summary.into());
    let mut description = String::with_capacity(
        error.description.as_ref().map_or(0, |d| d.len())
            + error.remediation.as_ref().map_or(0, |r| r.len() + 2),
    );
    if let Some(dep) = &error.deprecated {
        description.push_str(&deprecation_text(dep, |code| format!("`{code}`")));
        description.push_str("\n\n");
    }
    if let Some(d) = &error.description {
        description.push_str(d.trim_end());
    }
    if let Some(r) = &error.remediation {
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str(r.trim_end());
    }
    if !description.is_empty() {
        shapes.member(1, description.into());
    }
    let values = body::ExampleValues::new(catalog, error, ex, body::EXAMPLE_RUNTIME);
    let (value, docs_url) = values.into_body(shapes);
    shapes.member(2, value);
    shapes.member(3, error.code.as_str().into());
    if error.retryable {
        shapes.member(4, true.into());
    }
    if let Some(s) = error.retry_after {
        shapes.member(5, s.into());
    }
    if let Some(d) = &error.deprecated {
        let mut dep = Map::new();
        if let Some(s) = &d.since {
            dep.insert("since".into(), s.as_str().into());
        }
        if let Some(r) = &d.replaced_by {
            dep.insert("replaced_by".into(), r.as_str().into());
        }
        if let Some(n) = &d.note {
            dep.insert("note".into(), n.as_str().into());
        }
        shapes.member(6, Value::Object(dep));
    }
    if !error.attributes.is_empty() {
        shapes.member(7, attributes_json(&error.attributes));
    }
    if let Some(url) = docs_url {
        shapes.member(8, url.into());
    }
    Value::Object(shapes.finish(&EXAMPLE_KEYS, |i| EXAMPLE_KEYS[i], base))
}

/// "Deprecated since 2.2.0: use `x` instead. Note." (`link` renders the replacement's code).
pub(crate) fn deprecation_text(
    dep: &errcat_catalog::Deprecation,
    link: impl FnOnce(&str) -> String,
) -> String {
    let mut s = String::from("Deprecated");
    if let Some(since) = &dep.since {
        s.push_str(" since ");
        s.push_str(since);
    }
    match &dep.replaced_by {
        Some(r) => {
            s.push_str(": use ");
            s.push_str(&link(r));
            s.push_str(" instead.");
        }
        None => s.push('.'),
    }
    if let Some(note) = &dep.note {
        s.push(' ');
        s.push_str(note.trim());
    }
    s
}
