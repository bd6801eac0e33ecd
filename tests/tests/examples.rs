//! The example catalogs under `examples/catalogs/` load without a single diagnostic, and no
//! damaged version of them makes the loader panic.

use errcat_catalog::Loaded;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// Every `.toml` under `examples/catalogs/`, relative to the repository, sorted.
fn example_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("readable examples directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }
    let root = repo();
    let mut out = Vec::new();
    walk(&root.join("examples/catalogs"), &mut out);
    let mut out: Vec<PathBuf> = out
        .into_iter()
        .map(|p| p.strip_prefix(&root).expect("under the repo").to_path_buf())
        .collect();
    out.sort();
    out
}

/// Loads `rel`, reading it as `text` when given and every other file from the repository.
fn load(rel: &Path, text: Option<&str>) -> Loaded {
    let root = repo();
    errcat_catalog::load_with(rel, &mut |p: &Path| match text {
        Some(t) if p == rel => Ok(t.to_owned()),
        _ => std::fs::read_to_string(root.join(p)),
    })
}

/// The example catalogs that are not included by another one.
fn roots() -> Vec<PathBuf> {
    let files = example_files();
    let mut included = BTreeSet::new();
    for rel in &files {
        let loaded = load(rel, None);
        for source in loaded.sources.iter().filter(|s| !s.bundled) {
            if source.path != *rel {
                included.insert(source.path.clone());
            }
        }
    }
    files
        .into_iter()
        .filter(|f| !included.contains(f))
        .collect()
}

#[test]
fn every_example_catalog_loads_without_diagnostics() {
    let roots = roots();
    let names: Vec<String> = roots.iter().map(|r| r.display().to_string()).collect();
    // The four documented examples; the showcase's `auth.toml` is an included fragment.
    for expected in [
        "examples/catalogs/classic-http.toml",
        "examples/catalogs/envelope.toml",
        "examples/catalogs/kapwork.toml",
        "examples/catalogs/showcase/errors.toml",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} not found among {names:?}"
        );
    }
    assert!(!names.iter().any(|n| n.ends_with("showcase/auth.toml")));
    for rel in &roots {
        let loaded = load(rel, None);
        assert!(
            loaded.diagnostics.is_empty(),
            "{}:\n{}",
            rel.display(),
            loaded.render_diagnostics(false)
        );
        let catalog = loaded.catalog.expect("no diagnostics, so a catalog");
        assert!(
            !catalog.statuses.is_empty(),
            "{} declares no status",
            rel.display()
        );
    }
}

/// Checks what must hold whatever the input: no panic, a catalog exactly when there is no
/// error, every primary span inside its file, and rendering that works.
fn check_damaged(rel: &Path, text: &str, what: &str) {
    let loaded = load(rel, Some(text));
    assert_eq!(
        loaded.catalog.is_some(),
        !loaded.diagnostics.has_errors(),
        "{} {what}",
        rel.display()
    );
    for d in loaded.diagnostics.iter() {
        if let Some(label) = &d.primary {
            let len = loaded.sources.get(label.span.file).text.len();
            assert!(label.span.start <= label.span.end && label.span.end as usize <= len);
        }
    }
    let rendered = loaded.render_diagnostics(false);
    assert_eq!(rendered.is_empty(), loaded.diagnostics.is_empty());
}

#[test]
fn damaged_examples_give_diagnostics_not_panics() {
    for rel in roots() {
        let text = std::fs::read_to_string(repo().join(&rel)).expect("readable example");
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        for i in 0..lines.len() {
            // Cut after line i, drop line i, and repeat line i.
            check_damaged(&rel, &lines[..i].concat(), &format!("cut at line {i}"));
            let mut dropped = lines.clone();
            dropped.remove(i);
            check_damaged(&rel, &dropped.concat(), &format!("without line {i}"));
            let mut doubled = lines.clone();
            doubled.insert(i, lines[i]);
            check_damaged(&rel, &doubled.concat(), &format!("line {i} twice"));
        }
        // Cut inside lines too, at every 31st character (strings, keys and headers cut short).
        for (n, (at, _)) in text.char_indices().enumerate() {
            if n % 31 == 0 {
                check_damaged(&rel, &text[..at], &format!("cut at byte {at}"));
            }
        }
    }
}
