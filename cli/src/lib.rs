//! The `errcat` command line: generate, check, lint, explain, diff, scan, init, schema.
//!
//! `main.rs` only parses the arguments and calls [`run`]; everything else lives here so
//! that it can be tested as a library too (the diff rules in [`diff`] operate on two
//! [`errcat_catalog::Catalog`] values and know nothing about files or git).
//!
//! Exit codes: 0 success, 1 findings (diagnostics with errors, stale files, breaking
//! changes, an unknown code), 2 usage errors and unreadable input.

#![deny(missing_docs)]

pub mod args;
pub mod diff;
mod explain;
mod generate;
mod init;
mod lint;
mod output;
mod scan;
mod source;

pub use args::Cli;
pub use output::Exit;

use args::Command;
use clap::CommandFactory;
use output::Term;

/// Runs a parsed command line and returns its exit status.
pub fn run(cli: Cli) -> Exit {
    let term = Term::new(cli.color, cli.quiet);
    let result = match &cli.command {
        Command::Generate(a) => generate::generate(&term, a),
        Command::Check(a) => generate::check(&term, a),
        Command::Lint(a) => lint::lint(&term, a),
        Command::Explain(a) => explain::explain(&term, a),
        Command::Diff(a) => diff::command(&term, a),
        Command::Scan(a) => scan::scan(&term, a),
        Command::Init(a) => init::init(&term, a),
        Command::Schema => {
            term.out(&schema_json());
            Ok(Exit::Ok)
        }
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            let mut buf = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "errcat", &mut buf);
            term.out(&String::from_utf8_lossy(&buf));
            Ok(Exit::Ok)
        }
    };
    result.unwrap_or_else(|e| {
        term.error(&e.0);
        Exit::Usage
    })
}

/// The JSON Schema of the catalog format, derived from the raw catalog types
/// (`errcat_catalog::raw::CatalogFile`), as pretty JSON with a trailing newline.
///
/// Draft-07, the draft editors support best (Taplo / Even Better TOML, VS Code), without
/// the `null` schemars allows in optional values: TOML has no null.
pub fn schema_json() -> String {
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<errcat_catalog::raw::CatalogFile>();
    let mut value = schema.to_value();
    drop_null(&mut value);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// Removes `null` from `type` lists and `{"type": "null"}` from `anyOf` lists, inlining an
/// `anyOf` left with one member.
fn drop_null(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".to_owned(), only);
                }
            }
            if let Some(Value::Array(any)) = map.get_mut("anyOf") {
                any.retain(|s| s.get("type").is_none_or(|t| t != "null"));
                if any.len() == 1 {
                    if let Some(Value::Object(inner)) = any.pop() {
                        map.remove("anyOf");
                        for (k, v) in inner {
                            map.entry(k).or_insert(v);
                        }
                    }
                }
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

/// The starter catalog `errcat init` writes.
pub const SCAFFOLD: &str = include_str!("scaffold.toml");
