//! Rendering body and success templates to JSON values: the example bodies that docs,
//! OpenAPI and `errcat explain` show. The generated Rust renders the same templates at run
//! time; the compiled-output tests compare the two.

pub(crate) mod json;

use errcat_catalog::{
    Catalog, ErrorDef, Example, Message, Piece, Scalar, Template, TextPiece, Var, VarValue,
};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::fmt::Write as _;

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
    ExampleValues::new(catalog, error, example, rt).body()
}

/// [`error_body`] as pretty JSON text (what `serde_json::to_string_pretty` gives for it),
/// appended to `out`.
pub(crate) fn push_error_body_json(
    out: &mut String,
    catalog: &Catalog,
    error: &ErrorDef,
    example: &Example,
    rt: Runtime<'_>,
) {
    ExampleValues::new(catalog, error, example, rt).push_body_json(out);
}

/// What the placeholders of an error's body stand for in one of its examples.
pub(crate) struct ExampleValues<'a> {
    catalog: &'a Catalog,
    error: &'a ErrorDef,
    rt: Runtime<'a>,
    /// The rendered message.
    message: String,
    /// The error's docs URL.
    docs_url: Option<String>,
}

impl<'a> ExampleValues<'a> {
    pub(crate) fn new(
        catalog: &'a Catalog,
        error: &'a ErrorDef,
        example: &Example,
        rt: Runtime<'a>,
    ) -> ExampleValues<'a> {
        ExampleValues {
            catalog,
            error,
            rt,
            message: render_message(&error.message, &example.values),
            docs_url: docs_url(catalog, error),
        }
    }

    /// The error's docs URL (`Catalog::docs_url`).
    pub(crate) fn docs_url(&self) -> Option<&str> {
        self.docs_url.as_deref()
    }

    /// The value of a placeholder: `Catalog::static_value`, and the run-time ones.
    fn get(&self, var: &Var) -> Option<VarValue<'_>> {
        match var {
            Var::Message => Some(VarValue::Str(Cow::Borrowed(&self.message))),
            Var::TraceId => self.rt.trace_id.map(|s| VarValue::Str(Cow::Borrowed(s))),
            Var::Instance => self.rt.instance.map(|s| VarValue::Str(Cow::Borrowed(s))),
            Var::Content => None,
            Var::DocsUrl => self.docs_url().map(|u| VarValue::Str(Cow::Borrowed(u))),
            Var::Type => Some(VarValue::Str(Cow::Borrowed(
                self.docs_url().unwrap_or("about:blank"),
            ))),
            other => self.catalog.static_value(self.error, other),
        }
    }

    /// The body.
    pub(crate) fn body(&self) -> Value {
        let lookup = |var: &Var| self.get(var).map(var_json);
        render(self.catalog.body_of(self.error), &lookup).unwrap_or(Value::Null)
    }

    /// The body as pretty JSON text, appended to `out`.
    pub(crate) fn push_body_json(&self, out: &mut String) {
        let template = self.catalog.body_of(self.error);
        if !json::keys_unique(template) {
            json::push_value(out, &self.body(), 0);
            return;
        }
        json::push_template(out, template, &|var: &Var| self.get(var), 0);
    }
}

/// `Message::render`, writing the values straight into the text (no `to_string` each).
fn render_message(message: &Message, values: &[Scalar]) -> String {
    let mut out = String::with_capacity(message.text.len() + 16);
    for piece in &message.pieces {
        match piece {
            Piece::Lit(s) => out.push_str(s),
            Piece::Field(i) => match values.get(*i) {
                Some(Scalar::Str(s)) => out.push_str(s),
                Some(v) => {
                    let _ = write!(out, "{v}");
                }
                None => {}
            },
        }
    }
    out
}

/// `Catalog::docs_url`: the pattern with `{code}` replaced, then `{status}` in the result,
/// without `str::replace`'s substring searcher (this runs for every example body).
fn docs_url(catalog: &Catalog, error: &ErrorDef) -> Option<String> {
    let pattern = catalog.docs_url.as_ref()?;
    let with_code = replace_braced(pattern, "{code}", || Cow::Borrowed(error.code.as_str()));
    Some(
        match replace_braced(&with_code, "{status}", || {
            Cow::Owned(error.status.to_string())
        }) {
            Cow::Borrowed(_) => with_code.into_owned(),
            Cow::Owned(s) => s,
        },
    )
}

/// `s.replace(from, to)` for a `from` that starts with `{`: the leftmost non-overlapping
/// occurrences, found by looking only at the `{`s; `to` is made only when one is found.
fn replace_braced<'s, 'w>(
    s: &'s str,
    from: &str,
    to: impl FnOnce() -> Cow<'w, str>,
) -> Cow<'s, str> {
    debug_assert!(from.starts_with('{'));
    let mut to = Some(to);
    let mut with: Cow<'_, str> = Cow::Borrowed("");
    let mut out: Option<String> = None;
    let mut done = 0;
    let mut at = 0;
    while let Some(i) = s[at..].find('{') {
        let i = at + i;
        if s[i..].starts_with(from) {
            if let Some(make) = to.take() {
                with = make();
            }
            let o = out.get_or_insert_with(|| String::with_capacity(s.len() + with.len()));
            o.push_str(&s[done..i]);
            o.push_str(&with);
            done = i + from.len();
            at = done;
        } else {
            at = i + 1;
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(&s[done..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(s),
    }
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

/// [`text_of`] the JSON value of a placeholder (`text_of(&var_json(v))`).
fn text_of_var<'a>(v: &'a VarValue<'_>) -> Cow<'a, str> {
    match v {
        VarValue::Str(s) => Cow::Borrowed(s),
        VarValue::Scalar(Scalar::Str(s)) => Cow::Borrowed(s),
        VarValue::Int(i) | VarValue::Scalar(Scalar::Int(i)) => Cow::Owned(i.to_string()),
        VarValue::Scalar(Scalar::Float(x)) => {
            Cow::Owned(Number::from_f64(*x).map_or_else(|| "null".to_owned(), |n| n.to_string()))
        }
        VarValue::Scalar(Scalar::Bool(b)) => Cow::Borrowed(if *b { "true" } else { "false" }),
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
            let mut map = Map::with_capacity(members.len());
            for (k, v) in members {
                if let Some(v) = render(v, lookup) {
                    map.insert(k.clone(), v);
                }
            }
            Value::Object(map)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// A catalog whose templates use every JSON shape: nested objects and arrays, floats,
    /// absent whole-value placeholders (dropped from objects and arrays), numbers and
    /// booleans inside text, an error body of its own, a docs URL with both placeholders.
    const SHAPES: &str = r#"
[catalog]
name = "Shapes"
extends = "http"
docs_url = "https://x.example/{{code}}/{status}/{code}?s={status}{{status}}"

[attributes.tier]
type = "integer"
required = true

[attributes.paid]
type = "boolean"

[body]
format = "template"

[body.template]
status = "{status}"
ratio = 0.5
big = 1e300
whole = 2.0
flags = [true, false, "{paid}", "{retry_after}", { nested = [] }]
text = "{code}: {message} ({status}, tier {tier}, \"quoted\"\t\u0001)"
empty = {}
maybe = { docs = "{docs_url}", field = "{field}", trace = "{trace_id}", instance = "{instance}" }

[statuses.404]
attributes.tier = 3

[statuses.429]
attributes.tier = 1

[errors.not_found]
status = 404
message = "No {what} with id {id} (score {score}, exact {exact})"
fields.what = { type = "string", example = "item \"x\"" }
fields.id = { type = "integer", example = -7 }
fields.score = { type = "float", example = 2 }
fields.exact = { type = "boolean", example = true }
attributes = { paid = true, tier = 3 }
field = "path.id"

[errors.slow_down]
status = 429
message = "Slow down"
retry_after = 30
attributes.tier = -1
body = { retry = "{retry_after}", list = ["{field}", "{retry_after}", 1.25], type = "{type}" }
"#;

    fn catalogs() -> Vec<Catalog> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut paths = vec![root.join("examples/catalogs/showcase/errors.toml")];
        for dir in ["examples/catalogs", "tests/fixtures/hostile"] {
            let mut found: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            found.sort();
            paths.extend(found);
        }
        let mut out: Vec<Catalog> = paths
            .iter()
            .map(|p| errcat_catalog::load(p).catalog.unwrap())
            .collect();
        let shapes = errcat_catalog::load_str("shapes.toml", SHAPES);
        let diags = shapes.render_diagnostics(false);
        out.push(shapes.catalog.unwrap_or_else(|| panic!("{diags}")));
        out
    }

    #[test]
    fn body_text_is_the_pretty_printed_value() {
        let runtimes = [
            EXAMPLE_RUNTIME,
            Runtime::default(),
            Runtime {
                trace_id: Some("t\"1"),
                instance: Some("/x/1"),
            },
        ];
        let mut bodies = 0;
        for catalog in catalogs() {
            for e in &catalog.errors {
                assert_eq!(docs_url(&catalog, e), catalog.docs_url(e));
                for ex in &e.examples {
                    assert_eq!(
                        render_message(&e.message, &ex.values),
                        e.message.render(&ex.values)
                    );
                    for rt in runtimes {
                        let mut text = String::new();
                        push_error_body_json(&mut text, &catalog, e, ex, rt);
                        let value = error_body(&catalog, e, ex, rt);
                        assert_eq!(text, serde_json::to_string_pretty(&value).unwrap());
                        bodies += 1;
                    }
                }
            }
        }
        assert!(bodies > 100, "{bodies}");
    }

    #[test]
    fn braced_replacement_is_str_replace() {
        let pieces = [
            "{", "}", "{code}", "{status}", "code", "status", "{co", "de}", "x", "{{",
        ];
        let mut seed = 0x1234_5678_9abc_def1_u64;
        for _ in 0..5000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let s: String = (0..seed % 9)
                .map(|i| pieces[((seed >> (4 * i)) % pieces.len() as u64) as usize])
                .collect();
            for (from, to) in [("{code}", "c{status}"), ("{status}", "404"), ("{code}", "")] {
                assert_eq!(
                    replace_braced(&s, from, || Cow::Borrowed(to)),
                    s.replace(from, to),
                    "{s:?} {from:?} {to:?}"
                );
            }
        }
    }
}
