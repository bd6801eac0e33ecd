//! The JSON Schemas of body templates and of each status's body.

use super::{Names, object1, schema_ref};
use crate::body;
use errcat_catalog::{
    AttrType, Catalog, ErrorDef, FieldDef, FieldType, Status, Template, TextPiece, Var, VarValue,
};
use serde_json::{Map, Value, json};
use std::borrow::Cow;
use std::cell::RefCell;

/// What a template's schema is generated for.
pub(crate) struct Ctx<'a> {
    /// Member descriptions by dotted path.
    fields: &'a [(String, String)],
    /// In a per-status schema: the status, and the codes `{code}` may take.
    status: Option<(&'a Status, Vec<&'a str>)>,
    /// In a per-error schema: the error, whose static values are constants.
    error: Option<&'a ErrorDef>,
    /// Whether objects refuse members they do not list.
    closed: bool,
    /// The member schemas already made for other errors (per-error schemas only).
    members: Option<&'a RefCell<MemberSchemas<'a>>>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn error(
        catalog: &'a Catalog,
        status: Option<(&'a Status, Vec<&'a str>)>,
    ) -> Ctx<'a> {
        Ctx {
            fields: &catalog.body.fields,
            status,
            error: None,
            closed: catalog.body.closed,
            members: None,
        }
    }

    /// The schema of a grouped response's outer template (`[groups.NAME]`).
    pub(crate) fn group(group: &'a errcat_catalog::Group) -> Ctx<'a> {
        Ctx {
            fields: &group.fields,
            status: None,
            error: None,
            closed: group.closed,
            members: None,
        }
    }

    /// The schema of one error's body.
    pub(crate) fn one_error(catalog: &'a Catalog, error: &'a ErrorDef) -> Ctx<'a> {
        Ctx {
            error: Some(error),
            ..Ctx::error(catalog, None)
        }
    }

    /// [`Ctx::one_error`], its member schemas made from those of the errors before.
    fn one_error_with(
        catalog: &'a Catalog,
        error: &'a ErrorDef,
        members: &'a RefCell<MemberSchemas<'a>>,
    ) -> Ctx<'a> {
        Ctx {
            members: Some(members),
            ..Ctx::one_error(catalog, error)
        }
    }

    pub(crate) fn success(catalog: &'a Catalog) -> Ctx<'a> {
        Ctx {
            fields: catalog.success.as_ref().map_or(&[][..], |s| &s.fields[..]),
            status: None,
            error: None,
            closed: catalog.success.as_ref().is_some_and(|s| s.closed),
            members: None,
        }
    }

    /// The value `var` always has in this schema, when one error is described and the
    /// value is known before run time; `Err(())` when that error never sends it.
    fn static_value(&self, catalog: &Catalog, var: &Var) -> Option<Result<Value, ()>> {
        self.static_var(catalog, var).map(|v| v.map(body::var_json))
    }

    /// [`Ctx::static_value`], not converted to a `Value`.
    pub(super) fn static_var<'c>(
        &self,
        catalog: &'c Catalog,
        var: &Var,
    ) -> Option<Result<VarValue<'c>, ()>>
    where
        'a: 'c,
    {
        let error = self.error?;
        // A `field` made of the error's own fields is known only when it is sent.
        if var.is_runtime() || (*var == Var::Field && error.field_pieces.is_some()) {
            return None;
        }
        Some(catalog.static_value(error, var).ok_or(()))
    }

    /// The error whose schema this is, if one.
    pub(super) fn one(&self) -> Option<&'a ErrorDef> {
        self.error
    }

    /// Whether objects refuse members they do not list.
    pub(super) fn is_closed(&self) -> bool {
        self.closed
    }
}

/// The JSON type of a placeholder's value (`None`: any).
pub(crate) fn var_type(catalog: &Catalog, var: &Var) -> Option<&'static str> {
    match var {
        Var::Status | Var::RetryAfter => Some("integer"),
        Var::Content | Var::ErrorField(_) => None,
        Var::Fields => Some("object"),
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
        Var::Fields | Var::Context(_) => true,
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
        Var::Fields => {
            "The error's typed fields (the values in its message), when it has any.".into()
        }
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
pub(crate) fn template_schema<'a>(catalog: &Catalog, t: &'a Template, cx: &Ctx<'a>) -> Value {
    schema_at(catalog, t, cx, "")
}

pub(super) fn description_of<'a>(cx: &'a Ctx<'_>, path: &str) -> Option<&'a str> {
    cx.fields
        .iter()
        .find(|(p, _)| p == path)
        .map(|(_, d)| d.as_str())
}

fn schema_at<'a>(catalog: &Catalog, t: &'a Template, cx: &Ctx<'a>, path: &str) -> Value {
    match cx.members {
        Some(members) => members_schema(catalog, t, cx, path, members),
        None => made_schema(catalog, t, cx, path),
    }
}

/// The schemas of the members of per-error schemas. A placeholder's or a text's schema is
/// the same for every error whose body has that member, but for its `const` when the value
/// is known before run time: the first one made is kept, and the others are copies of it
/// with their own `const`. A copy clones the map as it is, where making it hashes every
/// key again.
#[derive(Default)]
pub(crate) struct MemberSchemas<'t> {
    schemas: Vec<MemberSchema>,
    /// The templates, borrowed so that no other can take their address meanwhile.
    templates: std::marker::PhantomData<&'t Template>,
}

/// A member schema kept by [`MemberSchemas`].
struct MemberSchema {
    /// The member's template (its address).
    template: usize,
    /// Whether the schema has an error's own `const`.
    has_const: bool,
    /// The schema, that `const` (if any) left `null`.
    schema: Map<String, Value>,
    /// The index of that `const` among the schema's members.
    const_at: Option<usize>,
}

impl MemberSchemas<'_> {
    /// At most this many schemas are kept (a catalog's body has a few members).
    const MAX: usize = 64;
}

/// [`made_schema`] of a member of one error's schema, copied when it was made before.
fn members_schema<'a>(
    catalog: &Catalog,
    t: &'a Template,
    cx: &Ctx<'a>,
    path: &str,
    members: &RefCell<MemberSchemas<'a>>,
) -> Value {
    // The value this error gives the member's `const`, if the member has one of its own.
    let constant = match t {
        // One error's fields: its own properties.
        Template::Var(Var::Fields) => return made_schema(catalog, t, cx, path),
        Template::Var(var) => cx.static_value(catalog, var).and_then(Result::ok),
        Template::Text(pieces) if pieces.iter().any(|p| matches!(p, TextPiece::Var(_))) => {
            static_text(catalog, t, cx)
        }
        Template::Text(_) | Template::Int(_) | Template::Float(_) | Template::Bool(_) => None,
        Template::Object(_) | Template::Array(_) => return made_schema(catalog, t, cx, path),
    };
    let id = std::ptr::from_ref(t) as usize;
    let has_const = constant.is_some();
    let known = members
        .borrow()
        .schemas
        .iter()
        .find(|m| m.template == id && m.has_const == has_const)
        .map(|m| (m.schema.clone(), m.const_at));
    if let Some((mut map, at)) = known {
        if let (Some(at), Some(constant)) = (at, constant) {
            if let Some(slot) = map.values_mut().nth(at) {
                *slot = constant;
            }
        }
        return Value::Object(map);
    }
    let made = made_schema(catalog, t, cx, path);
    let mut members = members.borrow_mut();
    if let (Value::Object(map), true) = (&made, members.schemas.len() < MemberSchemas::MAX) {
        let mut shape = map.clone();
        let at = shape
            .keys()
            .position(|k| k == "const")
            .filter(|_| has_const);
        // Kept without this error's value, which each copy replaces.
        if let Some(slot) = at.and_then(|at| shape.values_mut().nth(at)) {
            *slot = Value::Null;
        }
        members.schemas.push(MemberSchema {
            template: id,
            has_const,
            schema: shape,
            const_at: at,
        });
    }
    made
}

/// The schema of `t` at `path`, made member by member.
pub(super) fn made_schema<'a>(
    catalog: &Catalog,
    t: &'a Template,
    cx: &Ctx<'a>,
    path: &str,
) -> Value {
    let mut s = Map::new();
    match t {
        Template::Var(var) => {
            if let Some(ty) = var_type(catalog, var) {
                s.insert("type".into(), ty.into());
            }
            let constant = cx.static_value(catalog, var).and_then(Result::ok);
            match (var, &cx.status) {
                _ if constant.is_some() => {
                    s.insert("const".into(), constant.clone().unwrap_or(Value::Null));
                }
                (Var::Fields, _) if cx.error.is_some() => {
                    let fields = cx.error.map_or(&[][..], |e| &e.fields[..]);
                    s.extend(fields_schema(fields));
                    if cx.closed {
                        s.insert("additionalProperties".into(), false.into());
                    }
                }
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
            } else if let Some(v) = static_text(catalog, t, cx) {
                s.insert("const".into(), v);
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
            let mut props = Map::with_capacity(members.len());
            let mut required = Vec::with_capacity(members.len());
            for (k, v) in members {
                let p: Cow<'_, str> = if path.is_empty() {
                    Cow::Borrowed(k)
                } else {
                    Cow::Owned(format!("{path}.{k}"))
                };
                let always = match v {
                    // One error's fields: sent exactly when it has some.
                    Template::Var(Var::Fields) if cx.error.is_some() => {
                        if cx.error.is_some_and(|e| e.fields.is_empty()) {
                            continue;
                        }
                        true
                    }
                    // One error's `field` made of its fields: always sent.
                    Template::Var(Var::Field)
                        if cx.error.is_some_and(|e| e.field_pieces.is_some()) =>
                    {
                        true
                    }
                    Template::Var(var) => match cx.static_value(catalog, var) {
                        Some(Ok(_)) => true,
                        // This error never sends the member.
                        Some(Err(())) => continue,
                        None => !var_optional(catalog, var),
                    },
                    _ => true,
                };
                if always {
                    required.push(Value::String(k.clone()));
                }
                props.insert(k.clone(), schema_at(catalog, v, cx, &p));
            }
            s.insert("properties".into(), Value::Object(props));
            if !required.is_empty() {
                s.insert("required".into(), Value::Array(required));
            }
            if cx.closed {
                s.insert("additionalProperties".into(), false.into());
            }
        }
    }
    Value::Object(s)
}

/// The JSON type of a field's values.
pub(super) fn field_type(ty: FieldType) -> &'static str {
    match ty {
        FieldType::String => "string",
        FieldType::Integer | FieldType::Unsigned => "integer",
        FieldType::Float => "number",
        FieldType::Boolean => "boolean",
    }
}

/// The members of the schema of one error's `{fields}`: each typed field, all required.
fn fields_schema(fields: &[FieldDef]) -> Map<String, Value> {
    let mut props = Map::with_capacity(fields.len());
    for f in fields {
        let mut p = Map::with_capacity(3);
        p.insert("type".into(), field_type(f.ty).into());
        if f.ty == FieldType::Unsigned {
            p.insert("minimum".into(), 0.into());
        }
        if let Some(d) = &f.description {
            p.insert("description".into(), d.as_str().into());
        }
        props.insert(f.name.to_string(), Value::Object(p));
    }
    let mut s = Map::with_capacity(2);
    let required: Vec<Value> = fields.iter().map(|f| f.name.as_str().into()).collect();
    s.insert("properties".into(), Value::Object(props));
    s.insert("required".into(), Value::Array(required));
    s
}

/// The text of a string template when it is the same in every response of the one error
/// described (its placeholders all known before run time).
fn static_text(catalog: &Catalog, t: &Template, cx: &Ctx<'_>) -> Option<Value> {
    let Template::Text(pieces) = t else {
        return None;
    };
    for p in pieces {
        if let TextPiece::Var(v) = p {
            cx.static_value(catalog, v)?.ok()?;
        }
    }
    let lookup = |v: &Var| cx.static_value(catalog, v).and_then(Result::ok);
    body::render(t, &lookup)
}

/// Whether every body of an error built from `t` shows its code where no other error's
/// body can (a member holding `{code}`, or a string made only of values known before run
/// time with `{code}` among them), outside arrays: what makes per-error schemas exclusive.
pub(super) fn shows_code(t: &Template) -> bool {
    match t {
        Template::Var(Var::Code) => true,
        Template::Text(pieces) => {
            pieces.contains(&TextPiece::Var(Var::Code))
                && pieces
                    .iter()
                    .all(|p| !matches!(p, TextPiece::Var(v) if v.is_runtime()))
        }
        Template::Object(members) => members.iter().any(|(_, v)| shows_code(v)),
        _ => false,
    }
}

/// The top-level member holding `{code}`: what a discriminator reads.
pub(super) fn code_member(t: &Template) -> Option<&str> {
    match t {
        Template::Object(members) => members
            .iter()
            .find(|(_, v)| *v == Template::Var(Var::Code))
            .map(|(k, _)| k.as_str()),
        _ => None,
    }
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

/// The schema of one error's body (for errors whose body [`shows_code`]): its code and
/// every other value known before run time as constants, members it never sends left out.
pub(super) fn error_schema<'a>(
    catalog: &'a Catalog,
    error: &'a ErrorDef,
    members: &'a RefCell<MemberSchemas<'a>>,
) -> Map<String, Value> {
    let body = template_schema(
        catalog,
        catalog.body_of(error),
        &Ctx::one_error_with(catalog, error, members),
    );
    // Its members, the deprecation and the marker `document` adds.
    let mut s = Map::with_capacity(5 + body.as_object().map_or(0, Map::len));
    s.insert("title".into(), error.display_title().into());
    if let Some(d) = &error.description {
        s.insert("description".into(), d.trim_end().into());
    }
    if let Value::Object(m) = body {
        s.extend(m);
    }
    if error.deprecated.is_some() {
        s.insert("deprecated".into(), true.into());
    }
    s
}

/// The body schema of a status's responses. When every error's body shows its code, a
/// `oneOf` of the errors' own schemas, discriminated by the code when it is a top-level
/// member of each; otherwise the catalog's body with the codes narrowed to those returned
/// with the status, errors with their own body template (and errors with schemas of their
/// own) as alternatives (`anyOf`).
pub(super) fn status_schema(
    catalog: &Catalog,
    status: &Status,
    errors: &[&ErrorDef],
    names: &Names,
) -> Map<String, Value> {
    let own = |e: &ErrorDef| shows_code(catalog.body_of(e));
    let mut s = Map::new();
    if errors.iter().all(|e| own(e)) {
        let targets: Vec<String> = errors.iter().map(|e| names.error_ref(e)).collect();
        let refs = targets
            .iter()
            .map(|t| object1("$ref", t.as_str().into()))
            .collect();
        s.insert("oneOf".into(), Value::Array(refs));
        let members: Vec<Option<&str>> = errors
            .iter()
            .map(|e| code_member(catalog.body_of(e)))
            .collect();
        let shared = match members.first() {
            Some(Some(m)) if members.iter().all(|o| o == &Some(*m)) => Some(*m),
            _ => None,
        };
        if let Some(member) = shared {
            let mapping: Map<String, Value> = errors
                .iter()
                .zip(targets)
                .map(|(e, target)| (e.code.to_string(), target.into()))
                .collect();
            // Not `json!`, which would copy the mapping.
            let mut discriminator = Map::with_capacity(2);
            discriminator.insert("propertyName".into(), member.into());
            discriminator.insert("mapping".into(), Value::Object(mapping));
            s.insert("discriminator".into(), Value::Object(discriminator));
        }
        if errors.iter().all(|e| e.deprecated.is_some()) {
            s.insert("deprecated".into(), true.into());
        }
        return s;
    }
    // Groups of errors sharing a body template, in declaration order.
    let mut groups: Vec<(&Template, Vec<&ErrorDef>)> = Vec::new();
    for e in errors.iter().filter(|e| !own(e)) {
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
    // In declaration order: each error with a schema of its own, each group where its
    // first error stands.
    let mut branches: Vec<Map<String, Value>> = Vec::new();
    for e in errors {
        if own(e) {
            if let Value::Object(m) = schema_ref(&names.error(e)) {
                branches.push(m);
            }
        } else if let Some((t, g)) = groups.iter().find(|(_, g)| std::ptr::eq(g[0], *e)) {
            branches.push(branch(t, g));
        }
    }
    if branches.len() == 1 {
        return branches.remove(0);
    }
    s.insert(
        "anyOf".into(),
        Value::Array(branches.into_iter().map(Value::Object).collect()),
    );
    if errors.iter().all(|e| e.deprecated.is_some()) {
        s.insert("deprecated".into(), true.into());
    }
    s
}
