//! Rendering body and success templates to JSON values: the example bodies that docs,
//! OpenAPI and `errcat explain` show. The generated Rust renders the same templates at run
//! time; the compiled-output tests compare the two.

use errcat_catalog::{Catalog, ErrorDef, Example, Scalar, Template, TextPiece, Var, VarValue};
use serde_json::{Map, Number, Value};

/// Values only known at run time.
#[derive(Debug, Clone, Copy, Default)]
pub struct Runtime<'a> {
    /// `{trace_id}`.
    pub trace_id: Option<&'a str>,
    /// `{instance}`.
    pub instance: Option<&'a str>,
}

/// The example values docs and OpenAPI use for run-time placeholders.
pub const EXAMPLE_RUNTIME: Runtime<'static> = Runtime {
    trace_id: Some("4bf92f3577b34da6a3ce929d0e0e4736"),
    instance: None,
};

/// The body of `error` for one of its examples.
pub fn error_body(
    catalog: &Catalog,
    error: &ErrorDef,
    example: &Example,
    rt: Runtime<'_>,
) -> Value {
    let message = error.message.render(&example.values);
    let lookup = |var: &Var| -> Option<Value> {
        match var {
            Var::Message => Some(Value::String(message.clone())),
            Var::TraceId => rt.trace_id.map(|s| Value::String(s.to_owned())),
            Var::Instance => rt.instance.map(|s| Value::String(s.to_owned())),
            Var::Content => None,
            other => catalog.static_value(error, other).map(var_json),
        }
    };
    render(catalog.body_of(error), &lookup).unwrap_or(Value::Null)
}

/// The body of `error` for its first example, with example run-time values.
pub fn example_body(catalog: &Catalog, error: &ErrorDef) -> Value {
    error_body(catalog, error, &error.examples[0], EXAMPLE_RUNTIME)
}

/// The success envelope around `content`, if the catalog declares one.
pub fn success_body(catalog: &Catalog, content: Value) -> Option<Value> {
    let success = catalog.success.as_ref()?;
    let lookup = |var: &Var| (*var == Var::Content).then(|| content.clone());
    render(&success.template, &lookup)
}

/// Converts a static placeholder value to JSON.
pub fn var_json(v: VarValue<'_>) -> Value {
    match v {
        VarValue::Str(s) => Value::String(s.into_owned()),
        VarValue::Int(i) => Value::Number(i.into()),
        VarValue::Scalar(s) => scalar_json(s),
    }
}

/// Converts a scalar to JSON (non-finite floats are rejected by validation).
pub fn scalar_json(s: &Scalar) -> Value {
    match s {
        Scalar::Str(s) => Value::String(s.clone()),
        Scalar::Int(i) => Value::Number((*i).into()),
        Scalar::Float(x) => Number::from_f64(*x).map_or(Value::Null, Value::Number),
        Scalar::Bool(b) => Value::Bool(*b),
    }
}

/// The text form of a JSON value inside a string template.
fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Renders a template; `None` when it is a single absent placeholder.
pub fn render(t: &Template, lookup: &dyn Fn(&Var) -> Option<Value>) -> Option<Value> {
    Some(match t {
        Template::Var(v) => return lookup(v),
        Template::Text(pieces) => {
            let mut s = String::new();
            for p in pieces {
                match p {
                    TextPiece::Lit(l) => s.push_str(l),
                    TextPiece::Var(v) => {
                        if let Some(val) = lookup(v) {
                            s.push_str(&text_of(&val));
                        }
                    }
                }
            }
            Value::String(s)
        }
        Template::Int(i) => Value::Number((*i).into()),
        Template::Float(x) => Number::from_f64(*x).map_or(Value::Null, Value::Number),
        Template::Bool(b) => Value::Bool(*b),
        Template::Array(items) => {
            Value::Array(items.iter().filter_map(|i| render(i, lookup)).collect())
        }
        Template::Object(members) => {
            let mut map = Map::new();
            for (k, v) in members {
                if let Some(v) = render(v, lookup) {
                    map.insert(k.clone(), v);
                }
            }
            Value::Object(map)
        }
    })
}
