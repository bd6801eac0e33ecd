//! The rule registry: unique kebab-case names, errors first, and every rule the checks
//! report is registered (an unregistered name would silently be an unconfigurable error).

use errcat_catalog::rules::{self, Level, RULES};

#[test]
fn names_are_unique_kebab_case_and_errors_come_first() {
    let mut seen = std::collections::BTreeSet::new();
    for r in RULES {
        assert!(seen.insert(r.name), "{} twice", r.name);
        assert!(
            r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{} is not kebab-case",
            r.name
        );
        assert!(
            !r.summary.is_empty() && !r.summary.ends_with('.'),
            "{}",
            r.name
        );
        assert_ne!(r.default, Level::Allow, "{} is never reported", r.name);
    }
    let first_warning = RULES
        .iter()
        .position(|r| r.default == Level::Warn)
        .expect("warnings");
    assert!(
        RULES[first_warning..]
            .iter()
            .all(|r| r.default == Level::Warn)
    );
    assert_eq!(rules::default_level("no-such-rule"), Level::Deny);
    assert_eq!(
        rules::rule("unused-field").map(|r| r.default),
        Some(Level::Warn)
    );
}

#[test]
fn every_rule_the_source_reports_is_registered() {
    let mut used = Vec::new();
    // catalog/src and its folders (the checks are files per area in `check/`).
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("catalog/src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    for path in files {
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("rules.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source");
        // The first argument of every `Diagnostic::new(`, and the literals of an `if`
        // choosing between two rules.
        for (at, _) in text.match_indices("Diagnostic::new(") {
            let args = &text[at + "Diagnostic::new(".len()..];
            let first = args.split(',').next().unwrap_or_default();
            for literal in first.split('"').skip(1).step_by(2) {
                used.push(literal.to_owned());
            }
        }
    }
    assert!(used.len() > 40, "found only {} uses", used.len());
    for name in &used {
        assert!(
            rules::rule(name).is_some(),
            "`{name}` is reported but not registered"
        );
    }
    for r in RULES {
        assert!(
            used.iter().any(|u| u == r.name),
            "`{}` is registered but never reported",
            r.name
        );
    }
}
