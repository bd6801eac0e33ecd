//! The malformed catalogs under `tests/malformed/`: one mistake each, filed by category.
//!
//! Each case starts with a comment naming the one diagnostic it must produce:
//! `# expect: error[rule]`, `# expect: warning[rule]` or `# expect: nothing` (a case whose
//! `[lints]` table silences its only problem). Companion files that a case includes are named
//! `*.part.toml` and are not cases themselves.
//!
//! - `rendered_diagnostics` snapshots every case's diagnostics as rustc-style plain text;
//! - `each_case_reports_exactly_its_mistake` checks the diagnostic list against the header;
//! - `every_rule_has_a_case` keeps the suite in step with `rules::RULES`.

use errcat_catalog::{Loaded, Severity, rules};
use std::path::{Path, PathBuf};

/// The repository root: case paths (and so the paths in diagnostics) are relative to it.
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// Every case, as a path relative to the repository, sorted.
fn cases() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("readable test directory")
            .map(|e| e.expect("directory entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if is_case(&path) {
                out.push(path);
            }
        }
    }
    let root = repo();
    let mut out = Vec::new();
    walk(&root.join("tests/malformed"), &mut out);
    out.into_iter()
        .map(|p| p.strip_prefix(&root).expect("under the repo").to_path_buf())
        .collect()
}

fn is_case(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".toml") && !name.ends_with(".part.toml")
}

/// Loads a case by its repo-relative path, reading files relative to the repository root,
/// so that diagnostics name `tests/malformed/...` whatever the machine.
fn load(rel: &Path) -> Loaded {
    let root = repo();
    errcat_catalog::load_with(rel, &mut |p: &Path| {
        errcat_catalog::read_file(&root.join(p))
    })
}

/// The `# expect:` header of a case: `Some((severity, rule))`, or `None` for `nothing`.
fn expectation(rel: &Path) -> Option<(Severity, String)> {
    // Lossy: a case may be about bytes that are not UTF-8 (after its header).
    let bytes = std::fs::read(repo().join(rel)).expect("readable case");
    let text = String::from_utf8_lossy(&bytes);
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("# expect: "))
        .unwrap_or_else(|| panic!("{} has no `# expect:` line", rel.display()))
        .trim();
    if line == "nothing" {
        return None;
    }
    let (severity, rest) = line
        .split_once('[')
        .unwrap_or_else(|| panic!("{}: malformed `# expect:` line", rel.display()));
    let severity = match severity {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        other => panic!("{}: unknown severity `{other}`", rel.display()),
    };
    let rule = rest.trim_end_matches(']').to_owned();
    Some((severity, rule))
}

#[test]
fn rendered_diagnostics() {
    insta::glob!("../malformed", "**/*.toml", |path| {
        if !is_case(path) {
            return;
        }
        // glob! hands out canonical paths: rebuild the repo-relative one.
        let base = repo().join("tests/malformed");
        let base = base.canonicalize().unwrap_or(base);
        let rel = Path::new("tests/malformed").join(path.strip_prefix(&base).expect("a case"));
        let loaded = load(&rel);
        let rendered = loaded.render_diagnostics(false);
        insta::with_settings!({ prepend_module_to_snapshot => false, snapshot_path => "../snapshots/malformed", omit_expression => true }, {
            insta::assert_snapshot!("diagnostics", rendered);
        });
    });
}

#[test]
fn each_case_reports_exactly_its_mistake() {
    let mut failures = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 40, "only {} malformed cases", cases.len());
    for rel in &cases {
        let loaded = load(rel);
        let got: Vec<(Severity, &str)> = loaded
            .diagnostics
            .iter()
            .map(|d| (d.severity, d.rule))
            .collect();
        let want = expectation(rel);
        let ok = match &want {
            None => got.is_empty(),
            Some((severity, rule)) => got == [(*severity, rule.as_str())],
        };
        if !ok {
            failures.push(format!(
                "{}: expected {want:?}, got {got:?}\n{}",
                rel.display(),
                loaded.render_diagnostics(false)
            ));
        }
        // The catalog is built exactly when there is no error.
        let has_error = got.iter().any(|(s, _)| *s == Severity::Error);
        if loaded.catalog.is_some() == has_error {
            failures.push(format!(
                "{}: catalog {} although errors = {has_error}",
                rel.display(),
                if loaded.catalog.is_some() {
                    "built"
                } else {
                    "missing"
                }
            ));
        }
        // Every diagnostic points at the file it is about, at a real position.
        for d in loaded.diagnostics.iter() {
            let Some(label) = &d.primary else {
                failures.push(format!("{}: `{}` has no span", rel.display(), d.rule));
                continue;
            };
            if d.help.is_none() {
                failures.push(format!("{}: `{}` has no help line", rel.display(), d.rule));
            }
            let file = loaded.sources.get(label.span.file);
            if label.span.end as usize > file.text.len() || label.span.start > label.span.end {
                failures.push(format!(
                    "{}: `{}` has a span outside its file",
                    rel.display(),
                    d.rule
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_rule_has_a_case() {
    let covered: Vec<String> = cases()
        .iter()
        .filter_map(|rel| expectation(rel))
        .map(|(_, rule)| rule)
        .collect();
    let missing: Vec<&str> = rules::RULES
        .iter()
        .map(|r| r.name)
        .filter(|name| !covered.iter().any(|c| c == name))
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a malformed case: {missing:?}"
    );
    for rule in &covered {
        assert!(
            rules::rule(rule).is_some(),
            "a case expects `{rule}`, which is no rule"
        );
    }
}
