//! Rendering body and success templates to JSON values: the example bodies that docs,
//! OpenAPI and `errcat explain` show. The generated Rust renders the same templates at run
//! time; the compiled-output tests compare the two.

pub(crate) mod json;

use errcat_catalog::{
    Catalog, ErrorDef, Example, Group, Message, Piece, Scalar, Template, TextPiece, Var, VarValue,
};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fmt::Write as _;
use std::marker::PhantomData;

/// Values only known at run time.
#[derive(Debug, Clone, Copy, Default)]
pub struct Runtime<'a> {
    /// `{trace_id}`.
    pub trace_id: Option<&'a str>,
    /// `{instance}`.
    pub instance: Option<&'a str>,
    /// Values of `[context.NAME]` placeholders, by name.
    pub values: &'a [(&'a str, &'a str)],
    /// Run-time values as the docs show them: a context value missing from `values` takes
    /// its catalog `example`, and an example's `omit` list leaves values out.
    pub examples: bool,
}

/// The example values docs and OpenAPI use for run-time placeholders.
pub const EXAMPLE_RUNTIME: Runtime<'static> = Runtime {
    trace_id: Some("4bf92f3577b34da6a3ce929d0e0e4736"),
    instance: None,
    values: &[],
    examples: true,
};

/// The body of `error` for one of its examples.
pub fn error_body(
    catalog: &Catalog,
    error: &ErrorDef,
    example: &Example,
    rt: Runtime<'_>,
) -> Value {
    ExampleValues::new(catalog, error, example, rt)
        .into_body(&mut Shapes::default())
        .0
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
    /// The example's field values, when the error's templates use them (its own fields
    /// in its body or item, or a field naming them): otherwise empty.
    values: &'a [Scalar],
    /// The run-time values the example leaves out.
    omit: &'a [String],
    /// The rendered message.
    message: String,
    /// The error's docs URL.
    docs_url: Option<String>,
    /// The example's field values, in the order of the error's fields (`{fields}`).
    field_values: &'a [Scalar],
}

impl<'a> ExampleValues<'a> {
    pub(crate) fn new(
        catalog: &'a Catalog,
        error: &'a ErrorDef,
        example: &'a Example,
        rt: Runtime<'a>,
    ) -> ExampleValues<'a> {
        let uses_fields =
            error.field_pieces.is_some() || error.body.is_some() || error.item.is_some();
        ExampleValues {
            catalog,
            error,
            rt,
            values: if uses_fields { &example.values } else { &[] },
            omit: if rt.examples { &example.omit } else { &[] },
            message: render_message(&error.message, &example.values),
            docs_url: catalog.docs_url(error),
            field_values: &example.values,
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
            other => self.get_other(other, self.docs_url()),
        }
    }

    /// [`ExampleValues::get`] for a placeholder other than `{message}`.
    fn get_other<'s>(&'s self, var: &Var, docs_url: Option<&'s str>) -> Option<VarValue<'s>> {
        match var {
            Var::TraceId | Var::Instance | Var::Context(_) => {
                runtime_value(self.catalog, self.rt, self.omit, var)
            }
            Var::ErrorField(i) => self.values.get(*i).map(VarValue::Scalar),
            Var::Content | Var::Items => None,
            Var::Fields => {
                let members: Vec<(&str, &Scalar)> = (self.error.fields.iter())
                    .zip(self.field_values)
                    .map(|(f, v)| (f.name.as_str(), v))
                    .collect();
                (!members.is_empty()).then_some(VarValue::Object(members))
            }
            Var::DocsUrl => docs_url.map(|u| VarValue::Str(Cow::Borrowed(u))),
            Var::Type => Some(VarValue::Str(Cow::Borrowed(
                docs_url.unwrap_or("about:blank"),
            ))),
            other => self.catalog.static_value(self.error, other),
        }
    }

    /// The body, and the docs URL. The rendered message goes into the body rather than a
    /// copy of it (at its last place when it has several).
    pub(crate) fn into_body(self, shapes: &mut Shapes<'a>) -> (Value, Option<String>) {
        match self.catalog.resolved_body(self.error) {
            Cow::Borrowed(template) => self.render(template, shapes),
            // A body made for this error (its field filled in): no shape to share.
            Cow::Owned(template) => self.render(&template, &mut Shapes::default()),
        }
    }

    /// [`ExampleValues::into_body`] of a given template (the error's body or its item).
    pub(crate) fn render<'t>(
        mut self,
        template: &'t Template,
        shapes: &mut Shapes<'t>,
    ) -> (Value, Option<String>) {
        let message = RefCell::new(std::mem::take(&mut self.message));
        let uses = Cell::new(shapes.message_uses(template));
        let docs_url = self.docs_url.take();
        let lookup = |var: &Var| match var {
            Var::Message => {
                let left = uses.get().saturating_sub(1);
                uses.set(left);
                let mut m = message.borrow_mut();
                Some(Value::String(if left == 0 {
                    std::mem::take(&mut *m)
                } else {
                    m.clone()
                }))
            }
            other => self.get_other(other, docs_url.as_deref()).map(var_json),
        };
        let body = render_with(template, &lookup, shapes).unwrap_or(Value::Null);
        (body, docs_url)
    }

    /// The body as pretty JSON text, appended to `out`.
    pub(crate) fn push_body_json(self, out: &mut String) {
        let template = self.catalog.resolved_body(self.error);
        if !json::keys_unique(&template) {
            json::push_value(out, &self.into_body(&mut Shapes::default()).0, 0);
            return;
        }
        json::push_template(out, &template, &|var: &Var| self.get(var), 0);
    }
}

/// The value of a run-time placeholder (`{trace_id}`, `{instance}`, a context value).
fn runtime_value<'a>(
    catalog: &'a Catalog,
    rt: Runtime<'a>,
    omit: &[String],
    var: &Var,
) -> Option<VarValue<'a>> {
    if omit.iter().any(|o| o == var.name()) {
        return None;
    }
    let s = match var {
        Var::TraceId => rt.trace_id?,
        Var::Instance => rt.instance?,
        Var::Context(name) => match rt.values.iter().find(|(n, _)| n == name) {
            Some((_, v)) => v,
            None if rt.examples => catalog.context_value(name)?.example.as_str(),
            None => return None,
        },
        _ => return None,
    };
    Some(VarValue::Str(Cow::Borrowed(s)))
}

/// The body of a grouped response with these items (an error and one of its examples
/// each), in order.
pub fn group_body(
    catalog: &Catalog,
    group: &Group,
    items: &[(&ErrorDef, &Example)],
    rt: Runtime<'_>,
) -> Value {
    let rendered: Vec<Value> = items
        .iter()
        .filter_map(|(e, ex)| {
            let item = catalog.resolved_item(group, e);
            let (v, _) =
                ExampleValues::new(catalog, e, ex, rt).render(&item, &mut Shapes::default());
            (!v.is_null() || !matches!(*item, Template::Var(_))).then_some(v)
        })
        .collect();
    let items = RefCell::new(Some(rendered));
    let lookup = |var: &Var| match var {
        Var::Items => Some(Value::Array(items.borrow_mut().take().unwrap_or_default())),
        Var::TraceId | Var::Instance | Var::Context(_) => {
            runtime_value(catalog, rt, &[], var).map(var_json)
        }
        other => group.static_value(catalog, other).map(var_json),
    };
    render(&group.template, &lookup).unwrap_or(Value::Null)
}

/// The items of a group's example: the first example of each error of the group, or
/// every example of each when that makes fewer than two items.
pub fn group_example_items<'a>(
    catalog: &'a Catalog,
    group: &'a Group,
) -> Vec<(&'a ErrorDef, &'a Example)> {
    let errors: Vec<&ErrorDef> = catalog.group_errors(group).collect();
    if errors.len() >= 2 {
        return errors.iter().map(|e| (*e, &e.examples[0])).collect();
    }
    errors
        .iter()
        .flat_map(|e| e.examples.iter().map(move |ex| (*e, ex)))
        .collect()
}

/// The example body of a group, with example run-time values.
pub fn group_example(catalog: &Catalog, group: &Group) -> Value {
    group_body(
        catalog,
        group,
        &group_example_items(catalog, group),
        EXAMPLE_RUNTIME,
    )
}

/// How many times `{message}` stands in `t`, as a whole value or in text.
fn message_uses(t: &Template) -> usize {
    match t {
        Template::Var(v) => usize::from(matches!(v, Var::Message)),
        Template::Text(pieces) => pieces
            .iter()
            .filter(|p| matches!(p, TextPiece::Var(Var::Message)))
            .count(),
        Template::Array(items) => items.iter().map(message_uses).sum(),
        Template::Object(members) => members.iter().map(|(_, v)| message_uses(v)).sum(),
        Template::Int(_) | Template::Float(_) | Template::Bool(_) => 0,
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
                // As `Scalar`'s `Display` writes them.
                Some(Scalar::Int(i)) => {
                    let _ = write!(out, "{i}");
                }
                Some(Scalar::Float(x)) => {
                    let _ = write!(out, "{x:?}");
                }
                Some(Scalar::Bool(b)) => out.push_str(if *b { "true" } else { "false" }),
                None => {}
            },
        }
    }
    out
}

/// The body of `error` for its first example, with example run-time values.
pub fn example_body(catalog: &Catalog, error: &ErrorDef) -> Value {
    error_body(catalog, error, &error.examples[0], EXAMPLE_RUNTIME)
}

/// The success envelope around `content`, if the catalog declares one, with example
/// run-time values.
pub fn success_body(catalog: &Catalog, content: Value) -> Option<Value> {
    success_body_with(catalog, content, EXAMPLE_RUNTIME)
}

/// [`success_body`] with these run-time values (`{trace_id}`, `{instance}`, context values).
pub fn success_body_with(catalog: &Catalog, content: Value, rt: Runtime<'_>) -> Option<Value> {
    let success = catalog.success.as_ref()?;
    let lookup = |var: &Var| match var {
        Var::Content => Some(content.clone()),
        other => runtime_value(catalog, rt, &[], other).map(var_json),
    };
    render(&success.template, &lookup)
}

/// Converts a static placeholder value to JSON.
pub fn var_json(v: VarValue<'_>) -> Value {
    match v {
        VarValue::Str(s) => Value::String(s.into_owned()),
        VarValue::Int(i) => Value::Number(i.into()),
        VarValue::Scalar(s) => scalar_json(s),
        VarValue::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (k.to_owned(), scalar_json(v)))
                .collect(),
        ),
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
        // Never in text (validation keeps optional placeholders whole values): its JSON.
        VarValue::Object(_) => Cow::Owned(var_json(v.clone()).to_string()),
    }
}

/// Renders a template; `None` when it is a single absent placeholder.
pub fn render(t: &Template, lookup: &dyn Fn(&Var) -> Option<Value>) -> Option<Value> {
    render_with(t, lookup, &mut Shapes::default())
}

/// [`render`], its objects made by [`Shapes`].
fn render_with<'t>(
    t: &'t Template,
    lookup: &dyn Fn(&Var) -> Option<Value>,
    shapes: &mut Shapes<'t>,
) -> Option<Value> {
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
        Template::Array(items) => Value::Array(
            items
                .iter()
                .filter_map(|i| render_with(i, lookup, shapes))
                .collect(),
        ),
        Template::Object(members) => {
            let base = shapes.start();
            for (i, (_, v)) in members.iter().enumerate() {
                if let Some(v) = render_with(v, lookup, shapes) {
                    shapes.member(i, v);
                }
            }
            Value::Object(shapes.finish(t, |i| &members[i].0, base))
        }
    })
}

/// Makes objects of a few shapes: the first of each shape (keys and members present) by
/// inserting its members, the others by cloning that first one and setting its values. A
/// clone copies the hash table as it is, where an insert hashes every key again; the maps
/// are the same. Also remembers how many times `{message}` stands in each template.
///
/// An object is started with [`Shapes::start`], given its members in order with
/// [`Shapes::member`] (objects nested in them may be made meanwhile) and made with
/// [`Shapes::finish`]. Shapes are told apart by the address of what lists their keys,
/// borrowed for `'t` so that no other list can take that address meanwhile.
#[derive(Default)]
pub(crate) struct Shapes<'t> {
    /// By key list (its address) and members present (a bit each): a map with those keys.
    maps: Vec<(usize, u64, Map<String, Value>)>,
    /// The members given and not made into an object yet: index and value.
    values: Vec<(usize, Value)>,
    /// By template (its address): how many times `{message}` stands in it.
    message_uses: Vec<(usize, usize)>,
    keys: PhantomData<&'t ()>,
}

impl<'t> Shapes<'t> {
    /// At most this many shapes, and templates, are kept (a catalog has a few).
    const MAX: usize = 64;

    pub(crate) fn start(&self) -> usize {
        self.values.len()
    }

    /// The member with the key of index `index`, after those given before.
    pub(crate) fn member(&mut self, index: usize, value: Value) {
        self.values.push((index, value));
    }

    /// The object of the members given since [`Shapes::start`] returned `base`, their keys
    /// by index from `key`, which gives those of `keys` (a template, say).
    pub(crate) fn finish<'k, K: ?Sized>(
        &mut self,
        keys: &'t K,
        key: impl Fn(usize) -> &'k str,
        base: usize,
    ) -> Map<String, Value> {
        let id = std::ptr::from_ref(keys).cast::<()>() as usize;
        let present = &self.values[base..];
        // A shape needs its members in the order of their keys (a bit each, below 64).
        let mask = present.iter().try_fold(0u64, |m, (i, _)| {
            let bit = 1u64.checked_shl(u32::try_from(*i).ok()?)?;
            (bit > m).then_some(m | bit)
        });
        let known = mask.and_then(|mask| {
            self.maps
                .iter()
                .position(|(k, m, _)| *k == id && *m == mask)
        });
        if let Some(at) = known {
            let mut map = self.maps[at].2.clone();
            for (slot, (_, v)) in map.values_mut().zip(self.values.drain(base..)) {
                *slot = v;
            }
            return map;
        }
        let mut map = Map::with_capacity(present.len());
        for (i, v) in self.values.drain(base..) {
            map.insert(key(i).to_owned(), v);
        }
        // Kept as a shape when each member has a key of its own (with a repeated key the
        // map has fewer slots than members).
        // (No let chain: the workspace's rust-version is 1.85.)
        if let Some(mask) =
            mask.filter(|m| self.maps.len() < Self::MAX && map.len() == m.count_ones() as usize)
        {
            let mut shape = map.clone();
            shape.values_mut().for_each(|v| *v = Value::Null);
            self.maps.push((id, mask, shape));
        }
        map
    }

    /// How many times `{message}` stands in `t`.
    fn message_uses(&mut self, t: &'t Template) -> usize {
        let id = std::ptr::from_ref(t) as usize;
        if let Some((_, n)) = self.message_uses.iter().find(|(k, _)| *k == id) {
            return *n;
        }
        let n = message_uses(t);
        if self.message_uses.len() < Self::MAX {
            self.message_uses.push((id, n));
        }
        n
    }
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
                ..Default::default()
            },
        ];
        let pretty = |v: &Value| serde_json::to_string_pretty(v).unwrap();
        let mut bodies = 0;
        for catalog in catalogs() {
            // One for the catalog, as `openapi::document` has.
            let mut shapes = Shapes::default();
            for e in &catalog.errors {
                for ex in &e.examples {
                    assert_eq!(
                        render_message(&e.message, &ex.values),
                        e.message.render(&ex.values)
                    );
                    for rt in runtimes {
                        let values = ExampleValues::new(&catalog, e, ex, rt);
                        let expected = render_inserting(&catalog.resolved_body(e), &|v| {
                            values.get(v).map(var_json)
                        })
                        .unwrap_or(Value::Null);
                        let url = catalog.docs_url(e);
                        assert_eq!(values.docs_url(), url.as_deref());
                        let (value, docs_url) = values.into_body(&mut shapes);
                        assert_eq!(pretty(&value), pretty(&expected));
                        assert_eq!(docs_url, url);
                        let mut text = String::new();
                        push_error_body_json(&mut text, &catalog, e, ex, rt);
                        assert_eq!(text, pretty(&expected));
                        assert_eq!(pretty(&error_body(&catalog, e, ex, rt)), text);
                        bodies += 1;
                    }
                }
            }
        }
        assert!(bodies > 100, "{bodies}");
    }

    /// [`render`] as it was before [`Shapes`]: every object made by inserting its members.
    fn render_inserting(t: &Template, lookup: &dyn Fn(&Var) -> Option<Value>) -> Option<Value> {
        Some(match t {
            Template::Object(members) => {
                let mut map = Map::new();
                for (k, v) in members {
                    if let Some(v) = render_inserting(v, lookup) {
                        map.insert(k.clone(), v);
                    }
                }
                Value::Object(map)
            }
            Template::Array(items) => Value::Array(
                items
                    .iter()
                    .filter_map(|i| render_inserting(i, lookup))
                    .collect(),
            ),
            other => return render(other, lookup),
        })
    }

    #[test]
    fn shapes_give_the_maps_inserting_gives() {
        let obj = |m: Vec<(&str, Template)>| {
            Template::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
        };
        // A repeated key (the later value in the earlier place), members present or not,
        // the same shape again in an array.
        let inner = obj(vec![
            ("a", Template::Var(Var::Field)),
            ("b", Template::Int(1)),
            ("a", Template::Var(Var::Code)),
            ("c", Template::Var(Var::Status)),
        ]);
        let t = obj(vec![
            (
                "x",
                Template::Array(vec![inner.clone(), inner.clone(), inner]),
            ),
            ("y", obj(vec![("z", Template::Var(Var::Field))])),
        ]);
        let mut shapes = Shapes::default();
        for (field, code) in [(true, true), (false, true), (true, false), (false, false)] {
            let lookup = |v: &Var| match v {
                Var::Field => field.then(|| Value::from("f")),
                Var::Code => code.then(|| Value::from("c")),
                Var::Status => Some(Value::from(404)),
                _ => None,
            };
            for _ in 0..2 {
                let got = render_with(&t, &lookup, &mut shapes).unwrap();
                let expected = render_inserting(&t, &lookup).unwrap();
                assert_eq!(
                    serde_json::to_string(&got).unwrap(),
                    serde_json::to_string(&expected).unwrap()
                );
            }
        }
    }

    #[test]
    fn members_out_of_key_order_make_no_shape() {
        const KEYS: [&str; 3] = ["a", "b", "c"];
        let mut shapes = Shapes::default();
        for (first, second) in [(2, 0), (0, 2), (2, 0), (0, 2)] {
            let base = shapes.start();
            shapes.member(first, Value::from(first));
            shapes.member(second, Value::from(second));
            let map = shapes.finish(&KEYS, |i| KEYS[i], base);
            let expected: Vec<(String, Value)> = [first, second]
                .iter()
                .map(|&i| (KEYS[i].to_owned(), Value::from(i)))
                .collect();
            assert_eq!(map.into_iter().collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn run_time_values_of_the_success_envelope_are_left_out_when_absent() {
        let text = r#"
[catalog]
name = "Envelope"
extends = "http"

[context.request_id]
example = "req_1"

[success.template]
data = "{content}"
meta = { request_id = "{request_id}", trace = "{trace_id}" }
"#;
        let catalog = errcat_catalog::load_str("success.toml", text)
            .catalog
            .unwrap();
        let content = serde_json::json!({"id": 7});
        assert_eq!(
            success_body(&catalog, content.clone()).unwrap(),
            serde_json::json!({"data": {"id": 7}, "meta": {"request_id": "req_1", "trace": EXAMPLE_RUNTIME.trace_id}})
        );
        assert_eq!(
            success_body_with(&catalog, content.clone(), Runtime::default()).unwrap(),
            serde_json::json!({"data": {"id": 7}, "meta": {}})
        );
        let rt = Runtime {
            values: &[("request_id", "r2")],
            ..Runtime::default()
        };
        assert_eq!(
            success_body_with(&catalog, content, rt).unwrap(),
            serde_json::json!({"data": {"id": 7}, "meta": {"request_id": "r2"}})
        );
    }

    #[test]
    fn a_message_used_twice_is_in_both_places() {
        let text = SHAPES.replace(
            "status = \"{status}\"\n",
            "status = \"{status}\"\ndetail = \"{message}\"\nagain = [\"{message}\"]\n",
        );
        let catalog = errcat_catalog::load_str("twice.toml", &text)
            .catalog
            .unwrap();
        let e = &catalog.errors[0];
        let (body, _) = ExampleValues::new(&catalog, e, &e.examples[0], EXAMPLE_RUNTIME)
            .into_body(&mut Shapes::default());
        let message = e.message.render(&e.examples[0].values);
        assert_eq!(body["detail"], Value::from(message.as_str()));
        assert_eq!(body["again"][0], Value::from(message.as_str()));
        assert!(body["text"].as_str().unwrap().contains(&message));
    }
}
