//! What the emitter tests share: the example catalogs, loaded.

#![allow(dead_code, reason = "each test target uses a different part")]

use errcat_codegen::catalog::Catalog;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Loads a catalog that must be valid, showing its diagnostics when it is not.
pub fn load(path: &Path) -> Catalog {
    let loaded = errcat_catalog::load(path);
    let diags = loaded.render_diagnostics(false);
    loaded
        .catalog
        .unwrap_or_else(|| panic!("{} does not load:\n{diags}", path.display()))
}

/// The `.toml` files directly in `dir`, sorted.
pub fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
}

/// Every example catalog: `examples/catalogs/*.toml` and the showcase, by snapshot name.
pub fn example_catalogs() -> Vec<(String, Catalog)> {
    let dir = repo().join("examples/catalogs");
    let mut paths = toml_files(&dir);
    paths.push(dir.join("showcase/errors.toml"));
    paths
        .into_iter()
        .map(|p| {
            let name = if p.ends_with("showcase/errors.toml") {
                "showcase".to_owned()
            } else {
                p.file_stem()
                    .expect("a file name")
                    .to_string_lossy()
                    .into_owned()
            };
            let catalog = load(&p);
            (name, catalog)
        })
        .collect()
}

/// The id GitHub (github-slugger), pandoc's `gfm_auto_identifiers` and mdBook give a
/// heading: lower case, punctuation other than `-` and `_` removed, each space a `-`
/// (written apart from errcat's own function on purpose).
pub fn github_id(text: &str) -> String {
    let mut id = String::new();
    for c in text.trim().to_lowercase().chars() {
        if c == ' ' {
            id.push('-');
        } else if c.is_alphanumeric() || c == '-' || c == '_' {
            id.push(c);
        }
    }
    id
}

/// Runs Python; fails loudly (never skips) when python3 or the modules are missing.
pub fn python(script: &str, args: &[&Path]) -> std::process::Output {
    let probe = Command::new("python3")
        .args(["-c", "import openapi_spec_validator, jsonschema"])
        .output();
    match probe {
        Ok(o) if o.status.success() => {}
        Ok(o) => panic!(
            "openapi-spec-validator is not installed for python3 ({}): pip install openapi-spec-validator",
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Err(e) => panic!(
            "python3 is needed to validate the OpenAPI output ({e}): install python3, then pip install openapi-spec-validator"
        ),
    }
    Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs")
}

/// Runs openapi-spec-validator on a file and fails with its output when it rejects it.
pub fn assert_valid_openapi(path: &Path, what: &str) {
    // Make sure the validator module is there before trusting its verdict.
    python("", &[]);
    let out = Command::new("python3")
        .args(["-m", "openapi_spec_validator"])
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{what} fails openapi-spec-validator:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The first differing lines of two texts, with a little context.
pub fn first_difference(a: &str, b: &str) -> String {
    let a: Vec<&str> = a.lines().collect();
    let b: Vec<&str> = b.lines().collect();
    let first = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let from = first.saturating_sub(3);
    let mut out = format!("at line {}:\n--- emitted\n", first + 1);
    for l in a.iter().skip(from).take(10) {
        out.push_str(&format!("{l}\n"));
    }
    out.push_str("--- prettyplease\n");
    for l in b.iter().skip(from).take(10) {
        out.push_str(&format!("{l}\n"));
    }
    out
}

/// A catalog of `n` errors meant to stress the text emitter: names of every length (arms
/// that fit a line exactly, and that do not), shared and distinct field shapes, long and
/// escaped strings (quotes, backslashes, tabs, control characters, unicode, bidi
/// controls), deprecations with long notes, float fields, body overrides, headers and
/// attributes of every type.
pub fn hostile_catalog(n: usize) -> String {
    let mut toml = String::from(
        r#"[catalog]
name = "Hostile \"API\" \\ é"
extends = "http"
description = "Line one.\n\n  indented ü 日本語 🦀"
docs_url = "https://docs.example.com/errors/{code}?q=\"x\""

[rust]
error_enum = "HostileError"
status_enum = "HostileStatus"

[attributes.tier]
type = "integer"
applies_to = ["statuses", "errors"]

[attributes.public]
type = "boolean"
applies_to = ["errors"]

[attributes.team]
type = "string"
applies_to = ["errors"]

[statuses.400]
attributes = { tier = -1 }
headers = { X-Edge = "from \"the\" status \\ \t tab" }

[statuses.404]
[statuses.409]
[statuses.422]
[statuses.500]
"#,
    );
    let statuses = [400, 404, 409, 422, 500];
    let shapes: [&[(&str, &str)]; 6] = [
        &[],
        &[("id", "string")],
        &[
            ("limit", "unsigned"),
            ("used", "integer"),
            ("ratio", "float"),
            ("strict", "boolean"),
        ],
        &[("id", "unsigned")],
        &[("r#type", "string")],
        &[
            (
                "a_rather_long_field_name_that_makes_every_arm_of_its_shape_wrap_in_the_array",
                "string",
            ),
            ("id", "string"),
        ],
    ];
    for i in 0..n {
        // Codes from 6 to ~200 characters, so that some arms need every layout.
        let stem = "x_".repeat(i % 97);
        let code = format!("e{i}_{stem}code");
        let shape = shapes[i % shapes.len()];
        let shape = if shape.first().is_some_and(|f| f.0 == "r#type") {
            &[("kind", "string")][..]
        } else {
            shape
        };
        let mut message = format!(
            "Error {i} \\\"quoted\\\" \\\\ back\\tslash é 日本 🦀 \\u200B\\uFEFF\\u00AD\\u2028e\\u0301"
        );
        for (name, _) in shape {
            message.push_str(&format!(" {{{name}}}"));
        }
        toml.push_str(&format!(
            "\n[errors.{code}]\nstatus = {}\n",
            statuses[i % statuses.len()]
        ));
        toml.push_str(&format!("message = \"{message}\"\n"));
        if i % 3 == 0 {
            toml.push_str(&format!(
                "title = \"Title {i} with \\\"quotes\\\" and a long tail {}\"\n",
                "long ".repeat(i % 40)
            ));
        }
        if i % 4 == 0 {
            toml.push_str(&format!(
                "description = \"\"\"\n  Leading spaces, a \\\\ backslash, a \\u0001 control, \\u202E bidi.\n\n{}\n\"\"\"\n",
                "Prose that goes on. ".repeat(i % 20)
            ));
        }
        if i % 5 == 0 {
            toml.push_str("remediation = \"Retry \\\"later\\\".\"\n");
        }
        if i % 7 == 0 {
            toml.push_str(&format!(
                "deprecated = {{ since = \"1.{i}\", note = \"A note {} with \\\"quotes\\\".\" }}\n",
                "that is long ".repeat(i % 12)
            ));
        }
        if i % 7 != 0 && i % 17 == 0 {
            // `#[deprecated(note = "...")]` around the length where it stops fitting a line.
            let note = "n".repeat(58 + (i / 17) % 10);
            toml.push_str(&format!("deprecated = {{ note = \"{note}\" }}\n"));
        }
        if i % 11 == 0 {
            toml.push_str("retry_after = 7\n");
        } else if i % 6 == 0 {
            toml.push_str("retryable = true\n");
        }
        if i % 8 == 0 {
            toml.push_str(&format!(
                "attributes = {{ tier = {}, public = {}, team = \"t\\\"{i}\\\"\" }}\n",
                i64::from(i as i32) - 100,
                i % 16 == 0
            ));
        }
        if i % 9 == 0 {
            toml.push_str(&format!("headers = {{ X-Odd = \"v{i} \\\"q\\\"\" }}\n"));
        }
        if i % 10 == 0 {
            toml.push_str("field = \"payload.items[0]\"\n");
        }
        for (name, ty) in shape {
            toml.push_str(&format!(
                "fields.{name} = {{ type = \"{ty}\", description = \"The {name} \\\"x\\\".\" }}\n"
            ));
        }
        if i % 13 == 0 {
            toml.push_str(&format!(
                "\n[errors.{code}.body]\nproblem = [\"{{message}}\", {{ nested = [\"{{trace_id}}\", {i}, 2.5, true] }}]\ntext = \"lit \\\"q\\\" {{code}}\"\n"
            ));
        }
    }
    toml
}

/// Errors of every field shape, with and without causes, long names included.
pub fn causes_catalog() -> String {
    let mut s = String::from(
        "[catalog]\nname = \"Causes\"\nextends = \"http\"\n[statuses.500]\n\n\
         [errors.internal]\nstatus = 500\nmessage = \"Internal\"\nfrom = [\"std::io::Error\"]\n",
    );
    for i in 0..60 {
        let long = "an_error_with_a_rather_long_code_to_break_the_line".repeat(i % 3);
        s.push_str(&format!("\n[errors.e{i}{long}]\nstatus = 500\n"));
        match i % 3 {
            0 => s.push_str("message = \"Plain\"\n"),
            1 => s.push_str("message = \"One {id}\"\nfields.id = { type = \"string\" }\n"),
            _ => s.push_str(
                "message = \"{a_field_with_a_long_name} {another_field_with_a_long_name} {n}\"\n\
                 fields.a_field_with_a_long_name = { type = \"string\" }\n\
                 fields.another_field_with_a_long_name = { type = \"boolean\" }\n\
                 fields.n = { type = \"float\" }\n",
            ),
        }
        if i % 2 == 0 {
            s.push_str("cause = true\n");
        }
    }
    s
}
