//! `docs/catalog-format.md` cannot drift from the format: every key of every table (read
//! from the raw types, as the loader reads them), every rule and every built-in placeholder
//! is documented, and the catalogs it shows are valid.

use errcat_catalog::{Var, raw, rules};
use std::collections::BTreeMap;
use std::path::Path;

fn doc() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/catalog-format.md");
    std::fs::read_to_string(path).expect("docs/catalog-format.md")
}

/// A heading and the text under it, down to the next heading of the same or a higher level
/// (so a section includes its subsections).
struct Section {
    heading: String,
    text: String,
}

/// Lines outside code fences that start with `#`, with their level.
fn sections(doc: &str) -> Vec<Section> {
    let lines: Vec<&str> = doc.lines().collect();
    let mut headings = Vec::new();
    let mut fenced = false;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with('#') {
            let level = line.chars().take_while(|c| *c == '#').count();
            headings.push((i, level, line[level..].trim().to_owned()));
        }
    }
    headings
        .iter()
        .map(|(i, level, heading)| {
            let end = headings
                .iter()
                .find(|(j, l, _)| j > i && l <= level)
                .map_or(lines.len(), |(j, _, _)| *j);
            Section {
                heading: heading.clone(),
                text: lines[i + 1..end].join("\n"),
            }
        })
        .collect()
}

/// The contents of the ```toml blocks of a text.
fn toml_blocks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in text.lines() {
        match &mut current {
            None if line.trim_start() == "```toml" => current = Some(Vec::new()),
            None => {}
            Some(lines) if line.trim_start() == "```" => {
                out.push(lines.join("\n") + "\n");
                current = None;
            }
            Some(lines) => lines.push(line),
        }
    }
    out
}

/// Whether TOML text sets `key`: `key =`, `key.x`, `[a.key]`, `[[a.key]]`, or inline.
fn sets_key(toml: &str, key: &str) -> bool {
    toml.match_indices(key).any(|(at, _)| {
        let before = toml[..at].chars().next_back();
        let boundary = !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        let after = toml[at + key.len()..].trim_start_matches(' ');
        boundary && (after.starts_with('=') || after.starts_with('.') || after.starts_with(']'))
    })
}

#[test]
fn every_key_is_documented_with_an_example() {
    let doc = doc();
    let sections = sections(&doc);
    let mut problems = Vec::new();
    for (table, keys) in raw::tables() {
        let wanted = format!("`{table}`");
        let Some(section) = sections
            .iter()
            .find(|s| s.heading.contains(&wanted) || s.heading.eq_ignore_ascii_case(table))
        else {
            problems.push(format!("no section for {table}"));
            continue;
        };
        let examples = toml_blocks(&section.text).concat();
        if examples.is_empty() {
            problems.push(format!("{table}: no TOML example"));
        }
        for key in keys {
            if !section.text.contains(&format!("| `{key}` |")) {
                problems.push(format!(
                    "{table}: `{key}` is not in the section's key table"
                ));
            }
            if !sets_key(&examples, key) {
                problems.push(format!("{table}: no example sets `{key}`"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_rule_is_listed_with_its_level() {
    let doc = doc();
    let sections = sections(&doc);
    let rules_section = sections
        .iter()
        .find(|s| s.heading.starts_with("Rules"))
        .expect("a Rules section");
    let mut problems = Vec::new();
    for rule in rules::RULES {
        let level = match rule.default {
            rules::Level::Deny => "error",
            rules::Level::Warn => "warning",
            rules::Level::Allow => "allow",
        };
        let row = format!("| `{}` | {level} | {} |", rule.name, rule.summary);
        if !rules_section.text.lines().any(|l| l == row) {
            problems.push(row);
        }
    }
    assert!(
        problems.is_empty(),
        "missing or outdated rows:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_builtin_placeholder_is_documented() {
    let doc = doc();
    let sections = sections(&doc);
    let placeholders = sections
        .iter()
        .find(|s| s.heading == "Placeholders")
        .expect("a Placeholders section");
    for name in Var::BUILTIN {
        assert!(
            placeholders.text.contains(&format!("| `{{{name}}}` |")),
            "`{{{name}}}` is not in the placeholder table"
        );
    }
    for needle in ["`{{`", "`}}`", "whole-value", "left out"] {
        assert!(placeholders.text.contains(needle), "{needle}");
    }
}

#[test]
fn the_required_topics_are_covered() {
    let doc = doc();
    for needle in [
        "RFC 9457",
        "application/problem+json",
        "#:schema",
        "errcat schema > errcat.schema.json",
        "Even Better TOML",
        "Taplo",
        "include-cycle",
        "retired",
        "extends",
    ] {
        assert!(
            doc.contains(needle),
            "the format reference never mentions {needle:?}"
        );
    }
}

/// Loads each TOML example of the page. A complete catalog (one with `catalog.name`) must
/// load without a single diagnostic; a fragment must at least be valid TOML with known keys
/// of the right types. Examples whose first line is `# FILE.toml, ...` can be included by
/// the others under that name.
#[test]
fn the_examples_are_valid() {
    let doc = doc();
    let blocks = toml_blocks(&doc);
    let files: BTreeMap<String, String> = blocks
        .iter()
        .filter_map(|b| {
            let first = b.lines().next()?.strip_prefix("# ")?;
            let name = first.split([',', ' ']).next()?;
            name.ends_with(".toml")
                .then(|| (name.to_owned(), b.clone()))
        })
        .collect();
    let mut problems = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let path = format!("example-{i}.toml");
        let loaded = errcat_catalog::load_with(Path::new(&path), &mut |p: &Path| {
            if p == Path::new(&path) {
                return Ok(block.clone());
            }
            let name = p.to_string_lossy().into_owned();
            files.get(&name).cloned().ok_or_else(|| {
                std::io::Error::new(std::io::ErrorKind::NotFound, format!("no example {name}"))
            })
        });
        let complete = toml::from_str::<toml::Table>(block)
            .ok()
            .and_then(|t| t.get("catalog")?.get("name").cloned())
            .is_some();
        let bad: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| {
                complete || matches!(d.rule, "toml-syntax" | "unknown-key" | "invalid-type")
            })
            .collect();
        if !bad.is_empty() {
            problems.push(format!("{block}\n{}", loaded.render_diagnostics(false)));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n-----\n"));
}

/// The JSON body the page shows for its first catalog is the one errcat renders.
#[test]
fn the_first_example_body_is_what_errcat_renders() {
    let doc = doc();
    let first = toml_blocks(&doc)
        .into_iter()
        .next()
        .expect("a first example");
    let json = doc
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a JSON example");
    let shown: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    let catalog = errcat_catalog::load_str("errors.toml", &first)
        .catalog
        .expect("a valid first example");
    let error = catalog
        .error("user_not_found")
        .expect("the example's error");
    let rendered = errcat_codegen::body::error_body(
        &catalog,
        error,
        &error.examples[0],
        errcat_codegen::body::Runtime::default(),
    );
    assert_eq!(shown, rendered);
}
