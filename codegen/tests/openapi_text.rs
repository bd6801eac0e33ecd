//! `openapi::to_json_text`, which writes the per-error schemas and named examples as text
//! directly, is byte for byte `openapi::to_json(&openapi::document(..))` on every example
//! catalog, every catalog of `tests/compiled/catalogs` and `tests/fixtures/hostile`, and
//! bodies of every member kind (`benches/tests/openapi_text.rs`: synthetic catalogs).

// `openapi` is built with the emitters other than Rust (`yaml` implies them).
#![cfg(feature = "yaml")]

use errcat_codegen::catalog::Catalog;
use errcat_codegen::openapi;
use std::path::PathBuf;

mod common;
use common::*;

fn assert_same(name: &str, catalog: &Catalog) {
    let expected = openapi::to_json(&openapi::document(catalog));
    let text = openapi::to_json_text(catalog);
    if text != expected {
        let line = expected
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{name}: to_json_text differs from to_json(&document(..)) at line {}:\n\
             expected: {:?}\n     got: {:?}",
            line + 1,
            expected.lines().nth(line),
            text.lines().nth(line)
        );
    }
}

fn tomls(dir: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn equals_the_document_on_every_example_catalog() {
    for (name, catalog) in example_catalogs() {
        assert_same(&name, &catalog);
    }
}

#[test]
fn equals_the_document_on_every_compiled_and_hostile_catalog() {
    let paths = [
        tomls("tests/compiled/catalogs"),
        tomls("tests/fixtures/hostile"),
    ]
    .concat();
    assert!(paths.len() >= 5, "{paths:?}");
    for path in paths {
        assert_same(&path.display().to_string(), &load(&path));
    }
}

/// A body of every kind of member (literals of each type, texts known and not known before
/// run time, nested objects and arrays, a field made of the error's fields, attributes with
/// allowed values), closed and open, errors with and
/// without descriptions, deprecated or not.
fn shapes_catalog(closed: bool) -> String {
    let mut toml = format!(
        r#"[catalog]
name = "Shapes \"q\" \\ é"
extends = "http"

[attributes.severity]
type = "string"
values = ["low", "high \"x\""]
applies_to = ["errors"]

[attributes.tier]
type = "integer"
values = [1, 2]
applies_to = ["errors"]

[statuses.400]
[statuses.404]
[statuses.409]
[statuses.500]

[body]
format = "template"
closed = {closed}

[body.template]
code = "{{code}}"
message = "{{message}}"
n = -3
x = 2.5
ok = true
off = false
text = "fixed \"q\"\t"
mixed = "{{code}}: {{message}} ({{status}} {{reason}}, {{title}})"
field = "{{field}}"
fields = "{{fields}}"
retry = "{{retry_after}}"
severity = "{{severity}}"
tier = "{{tier}}"
docs = "{{docs_url}}"
nested = {{ code = "{{code}}", status = "{{status}}", reason = "{{reason}}", inner = {{ lit = 1, t = "{{title}}" }}, empty = {{}} }}
list = [1, "{{code}}", {{ c = "{{code}}" }}, {{ c = "{{code}}" }}]
none = []

[body.fields]
"nested.inner" = "Inner \"q\"."
"nested.inner.lit" = "A literal."
n = "A number."
x = "A float."
ok = "A boolean."
text = "A text."
mixed = "Mixed."
severity = "How bad."
"#
    );
    for i in 0..12 {
        toml.push_str(&format!(
            "\n[errors.e{i}]\nstatus = {}\nmessage = \"E{i} {{id}}\"\n",
            [400, 404, 409, 500][i % 4]
        ));
        match i % 3 {
            0 => toml.push_str("fields.id = { type = \"unsigned\", description = \"The id \\\"q\\\".\" }\n"),
            1 => toml.push_str(
                "fields.id = { type = \"string\" }\nfields.f = { type = \"float\" }\nfields.b = { type = \"boolean\" }\nfields.i = { type = \"integer\" }\n",
            ),
            _ => toml.push_str("fields.id = { type = \"string\" }\n"),
        }
        if i % 2 == 0 {
            toml.push_str("description = \"Error \\\"e\\\".  \\n\\n\"\ntitle = \"T\\u0001\"\n");
        }
        if i % 4 == 1 {
            toml.push_str("field = \"items[{id}]\"\n");
        } else if i % 4 == 2 {
            toml.push_str("field = \"payload.x\"\n");
        }
        if i % 3 == 0 {
            toml.push_str(
                "retry_after = 7\nattributes = { severity = \"high \\\"x\\\"\", tier = 2 }\n",
            );
        }
        if i % 5 == 0 {
            toml.push_str("deprecated = { note = \"Gone.\" }\n");
        }
    }
    toml
}

#[test]
fn equals_the_document_on_bodies_of_every_shape() {
    for closed in [false, true] {
        let toml = shapes_catalog(closed);
        let loaded = errcat_catalog::load_str("shapes.toml", &toml);
        let diags = loaded.render_diagnostics(false);
        let catalog = loaded
            .catalog
            .unwrap_or_else(|| panic!("the shapes catalog does not load:\n{diags}\n{toml}"));
        assert_same(&format!("shapes closed={closed}"), &catalog);
    }
}
