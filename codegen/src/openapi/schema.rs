//! The JSON Schemas of body templates and of each status's body.

use super::{Names, object1, schema_ref};
use crate::body;
use errcat_catalog::{AttrType, Catalog, ErrorDef, Status, Template, TextPiece, Var};
use serde_json::{Map, Value, json};

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
        Var::Content => None,
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
pub(super) fn status_schema(
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
