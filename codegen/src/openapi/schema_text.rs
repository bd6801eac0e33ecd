//! The per-error schemas written as pretty JSON text directly: byte for byte what
//! [`error_schema`](super::schema::error_schema) (and the marker `document` adds) gives
//! through [`to_json`](super::to_json), without making the `Value` first. Arrays, rare in a
//! body, are still made as a `Value` and written. `document_json_text`'s test compares the
//! two on every example, hostile and synthetic catalog.

use super::schema::{
    Ctx, description_of, field_type, made_schema, var_description, var_optional, var_type,
};
use crate::body::json::{
    begin_member, end_container, keys_unique, push_float, push_int, push_str, push_template,
    push_value, push_var,
};
use errcat_catalog::{Catalog, ErrorDef, FieldType, Template, TextPiece, Var};
use std::borrow::Cow;

/// An object being written: its members at `level`.
pub(super) struct Obj {
    first: bool,
    level: usize,
}

impl Obj {
    pub(super) fn open(out: &mut String, level: usize) -> Obj {
        out.push('{');
        Obj { first: true, level }
    }

    /// Starts the member `key`.
    pub(super) fn key(&mut self, out: &mut String, key: &str) {
        begin_member(out, &mut self.first, self.level);
        push_str(out, key);
        out.push_str(": ");
    }

    pub(super) fn str(&mut self, out: &mut String, key: &str, value: &str) {
        self.key(out, key);
        push_str(out, value);
    }

    pub(super) fn close(self, out: &mut String) {
        end_container(out, self.first, self.level - 1, '}');
    }
}

/// Writes the schema of `error`'s body with the marker, its first line not indented and the
/// others as at `level`; `false` (nothing written) when its body is not an object of unique
/// keys (then the `Value` is made).
pub(super) fn push_error_schema(
    out: &mut String,
    catalog: &Catalog,
    error: &ErrorDef,
    marker: &str,
    level: usize,
) -> bool {
    let t = catalog.body_of(error);
    let Template::Object(members) = t else {
        return false;
    };
    if !keys_unique(t) {
        return false;
    }
    let cx = Ctx::one_error(catalog, error);
    let root = description_of(&cx, "");
    let mut o = Obj::open(out, level + 1);
    o.str(out, "title", error.display_title());
    // The body's own description, when it has one, takes the error's place.
    if let Some(d) = &error.description {
        o.str(out, "description", root.unwrap_or_else(|| d.trim_end()));
    }
    o.str(out, "type", "object");
    if let (None, Some(d)) = (&error.description, root) {
        o.str(out, "description", d);
    }
    push_members(out, &mut o, catalog, members, &cx, "");
    if error.deprecated.is_some() {
        o.key(out, "deprecated");
        out.push_str("true");
    }
    o.str(out, super::GENERATED_MARKER, marker);
    o.close(out);
    true
}

/// `properties`, `required` and `additionalProperties` of an object template's schema.
fn push_members<'a>(
    out: &mut String,
    o: &mut Obj,
    catalog: &Catalog,
    members: &'a [(String, Template)],
    cx: &Ctx<'a>,
    path: &str,
) {
    o.key(out, "properties");
    let mut props = Obj::open(out, o.level + 1);
    let mut required: Vec<&str> = Vec::with_capacity(members.len());
    for (k, v) in members {
        let always = match v {
            // One error's fields: sent exactly when it has some.
            Template::Var(Var::Fields) => {
                if cx.one().is_some_and(|e| e.fields.is_empty()) {
                    continue;
                }
                true
            }
            // One error's `field` made of its fields: always sent.
            Template::Var(Var::Field) if cx.one().is_some_and(|e| e.field_pieces.is_some()) => true,
            Template::Var(var) => match cx.static_var(catalog, var) {
                Some(Ok(_)) => true,
                // This error never sends the member.
                Some(Err(())) => continue,
                None => !var_optional(catalog, var),
            },
            _ => true,
        };
        if always {
            required.push(k);
        }
        let p: Cow<'_, str> = if path.is_empty() {
            Cow::Borrowed(k)
        } else {
            Cow::Owned(format!("{path}.{k}"))
        };
        props.key(out, k);
        push_schema(out, catalog, v, cx, &p, props.level + 1);
    }
    props.close(out);
    if !required.is_empty() {
        o.key(out, "required");
        out.push('[');
        let mut first = true;
        for k in required {
            begin_member(out, &mut first, o.level + 1);
            push_str(out, k);
        }
        end_container(out, first, o.level, ']');
    }
    if cx.is_closed() {
        o.key(out, "additionalProperties");
        out.push_str("false");
    }
}

/// The schema of `t` at `path` (`made_schema`'s), its members at `level`.
fn push_schema<'a>(
    out: &mut String,
    catalog: &Catalog,
    t: &'a Template,
    cx: &Ctx<'a>,
    path: &str,
    level: usize,
) {
    let mut o = Obj::open(out, level);
    match t {
        Template::Var(var) => {
            if let Some(ty) = var_type(catalog, var) {
                o.str(out, "type", ty);
            }
            match cx.static_var(catalog, var) {
                Some(Ok(constant)) => {
                    o.key(out, "const");
                    push_var(out, &constant, level);
                }
                _ => match var {
                    Var::Fields => {
                        let fields = cx.one().map_or(&[][..], |e| &e.fields[..]);
                        o.key(out, "properties");
                        let mut props = Obj::open(out, level + 1);
                        for f in fields {
                            props.key(out, &f.name);
                            let mut p = Obj::open(out, level + 2);
                            p.str(out, "type", field_type(f.ty));
                            if f.ty == FieldType::Unsigned {
                                p.key(out, "minimum");
                                out.push('0');
                            }
                            if let Some(d) = &f.description {
                                p.str(out, "description", d);
                            }
                            p.close(out);
                        }
                        props.close(out);
                        o.key(out, "required");
                        out.push('[');
                        let mut first = true;
                        for f in fields {
                            begin_member(out, &mut first, level + 1);
                            push_str(out, &f.name);
                        }
                        end_container(out, first, level, ']');
                        if cx.is_closed() {
                            o.key(out, "additionalProperties");
                            out.push_str("false");
                        }
                    }
                    Var::RetryAfter => {
                        o.key(out, "minimum");
                        out.push('0');
                    }
                    Var::Attribute(a) => {
                        if let Some(values) = catalog.attribute(a).and_then(|a| a.values.as_ref()) {
                            o.key(out, "enum");
                            out.push('[');
                            let mut first = true;
                            for v in values {
                                begin_member(out, &mut first, level + 1);
                                push_var(out, &errcat_catalog::VarValue::Scalar(v), level + 1);
                            }
                            end_container(out, first, level, ']');
                        }
                    }
                    _ => {}
                },
            }
            match description_of(cx, path) {
                Some(d) => o.str(out, "description", d),
                None => o.str(out, "description", &var_description(var)),
            }
        }
        Template::Text(pieces) => {
            o.str(out, "type", "string");
            let known = pieces.iter().all(|p| match p {
                TextPiece::Lit(_) => true,
                TextPiece::Var(v) => matches!(cx.static_var(catalog, v), Some(Ok(_))),
            });
            if known {
                o.key(out, "const");
                let lookup = |v: &Var| cx.static_var(catalog, v).and_then(Result::ok);
                push_template(out, t, &lookup, level);
            }
            if let Some(d) = description_of(cx, path) {
                o.str(out, "description", d);
            }
        }
        Template::Int(i) => {
            o.str(out, "type", "integer");
            o.key(out, "const");
            push_int(out, *i);
            if let Some(d) = description_of(cx, path) {
                o.str(out, "description", d);
            }
        }
        Template::Float(x) => {
            o.str(out, "type", "number");
            if x.is_finite() {
                o.key(out, "const");
                push_float(out, *x);
            }
            if let Some(d) = description_of(cx, path) {
                o.str(out, "description", d);
            }
        }
        Template::Bool(b) => {
            o.str(out, "type", "boolean");
            o.key(out, "const");
            out.push_str(if *b { "true" } else { "false" });
            if let Some(d) = description_of(cx, path) {
                o.str(out, "description", d);
            }
        }
        Template::Object(members) => {
            o.str(out, "type", "object");
            if let Some(d) = description_of(cx, path) {
                o.str(out, "description", d);
            }
            push_members(out, &mut o, catalog, members, cx, path);
        }
        Template::Array(_) => {
            // Made as a `Value` (its items are compared to be written once each).
            out.pop();
            push_value(out, &made_schema(catalog, t, cx, path), level - 1);
            return;
        }
    }
    o.close(out);
}
