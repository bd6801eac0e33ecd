//! `errcat diff`: one catalog pair per rule under `cli/tests/diff/<rule>/`, each with the
//! exit status and rule ids it must produce (`expected`), plus reading versions from git.

use crate::{errcat, repo, texts, write};
use errcat_cli::diff::RULES;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn cases() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(repo().join("cli/tests/diff"))
        .expect("cli/tests/diff")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// `exit = N` and `rules = [...]` from a case's `expected` file.
fn expected(dir: &Path) -> (i32, BTreeSet<String>) {
    let text = std::fs::read_to_string(dir.join("expected")).expect("expected file");
    let mut exit = None;
    let mut rules = BTreeSet::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some(v) = line.strip_prefix("exit = ") {
            exit = Some(v.trim().parse().expect("exit code"));
        } else if let Some(v) = line.strip_prefix("rules = ") {
            let list = v.trim().trim_start_matches('[').trim_end_matches(']');
            rules.extend(
                list.split(',')
                    .map(|r| r.trim().trim_matches('"').to_owned())
                    .filter(|r| !r.is_empty()),
            );
        }
    }
    (exit.expect("an exit line"), rules)
}

#[test]
fn every_rule_has_a_case_and_every_case_holds() {
    let cases = cases();
    assert!(cases.len() >= 12);
    let names: BTreeSet<String> = cases
        .iter()
        .map(|d| d.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for rule in RULES {
        assert!(names.contains(rule.id), "no case for rule {}", rule.id);
    }
    for dir in &cases {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let (exit, rules) = expected(dir);
        // Every catalog of a case is itself clean: a diff is between valid catalogs.
        for side in ["old.toml", "new.toml"] {
            let loaded = errcat_catalog::load(dir.join(side));
            assert!(
                loaded.diagnostics.is_empty(),
                "{name}/{side}:\n{}",
                loaded.render_diagnostics(false)
            );
        }
        let out = errcat()
            .current_dir(dir)
            .args(["diff", "old.toml", "new.toml", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(exit), "{name}: {}", texts(&out).1);
        let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let got: BTreeSet<String> = doc["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["rule"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(got, rules, "{name}");
        if let Some(rule) = RULES.iter().find(|r| r.id == name) {
            assert_eq!(
                exit == 1,
                rule.breaking,
                "{name}: exit status vs. rule kind"
            );
        }
        let breaking = doc["changes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["breaking"] == true)
            .count();
        assert_eq!(doc["breaking"], breaking);

        // The human report, reviewed once per rule.
        let human = errcat()
            .current_dir(dir)
            .args(["diff", "old.toml", "new.toml"])
            .output()
            .unwrap();
        assert_eq!(human.status.code(), Some(exit), "{name}");
        insta::assert_snapshot!(format!("diff_{name}"), texts(&human).0);
    }
}

#[test]
fn every_rule_is_documented() {
    let docs = std::fs::read_to_string(repo().join("docs/diff-rules.md")).expect("docs");
    for rule in RULES {
        let kind = if rule.breaking {
            "breaking"
        } else {
            "compatible"
        };
        assert!(
            docs.contains(&format!("### `{}` ({kind})", rule.id)),
            "docs/diff-rules.md lacks a `### `{}` ({kind})` section",
            rule.id
        );
    }
}

#[test]
fn quiet_lists_breaking_changes_only() {
    let dir = repo().join("cli/tests/diff/field-removed");
    let out = errcat()
        .current_dir(&dir)
        .args(["--quiet", "diff", "old.toml", "new.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = texts(&out).0;
    assert!(stdout.contains("[field-removed]"), "{stdout}");
    assert!(!stdout.contains("prose-changed"), "{stdout}");
}

#[test]
fn invalid_or_missing_catalogs_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let good = repo().join("cli/tests/diff/no-changes/old.toml");
    let bad = write(dir.path(), "bad.toml", "[catalog]\nname = 1\n");
    for (old, new) in [
        (good.clone(), bad.clone()),
        (bad, good.clone()),
        (dir.path().join("missing.toml"), good),
    ] {
        let out = errcat().arg("diff").arg(&old).arg(&new).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{old:?} {new:?}");
        assert!(texts(&out).1.contains("cannot compare"));
    }
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=errcat",
            "-c",
            "user.email=errcat@example.invalid",
        ])
        .args(args)
        .output()
        .expect("git is installed");
    assert!(status.status.success(), "git {args:?}: {:?}", status);
}

/// The showcase catalog in a fresh repository, committed, in `api/`.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let api = dir.path().join("api");
    std::fs::create_dir(&api).unwrap();
    let showcase = repo().join("examples/catalogs/showcase");
    for f in ["errors.toml", "auth.toml"] {
        std::fs::copy(showcase.join(f), api.join(f)).unwrap();
    }
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "catalog"]);
    dir
}

#[test]
fn reads_the_old_version_and_its_includes_from_git() {
    let repo = repository();
    // Unchanged: nothing to report.
    let same = errcat()
        .current_dir(repo.path())
        .args(["diff", "HEAD:api/errors.toml", "api/errors.toml"])
        .output()
        .unwrap();
    assert_eq!(same.status.code(), Some(0), "{}", texts(&same).1);
    assert!(texts(&same).0.contains("No changes."));

    // Remove an error from the *included* file in the working tree only.
    let auth = repo.path().join("api/auth.toml");
    let text = std::fs::read_to_string(&auth).unwrap();
    let cut = text.find("[errors.insufficient_scope]").unwrap();
    std::fs::write(&auth, &text[..cut]).unwrap();
    let out = errcat()
        .current_dir(repo.path())
        .args([
            "diff",
            "HEAD:api/errors.toml",
            "api/errors.toml",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", texts(&out).1);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["changes"][0]["rule"], "error-removed");
    assert_eq!(doc["changes"][0]["error"], "insufficient_scope");
    assert_eq!(doc["changes"].as_array().unwrap().len(), 1);

    // Paths after REV: are relative to the current directory, like plain paths.
    let from_subdir = errcat()
        .current_dir(repo.path().join("api"))
        .args(["diff", "HEAD:errors.toml", "errors.toml"])
        .output()
        .unwrap();
    assert_eq!(
        from_subdir.status.code(),
        Some(1),
        "{}",
        texts(&from_subdir).1
    );
    assert!(texts(&from_subdir).0.contains("[error-removed]"));

    // Committed, both sides from git.
    git(
        repo.path(),
        &["commit", "-q", "-am", "drop insufficient_scope"],
    );
    let revs = errcat()
        .current_dir(repo.path())
        .args(["diff", "HEAD~1:api/errors.toml", "HEAD:api/errors.toml"])
        .output()
        .unwrap();
    assert_eq!(revs.status.code(), Some(1));
    assert!(texts(&revs).0.contains("error `insufficient_scope`"));
}

#[test]
fn an_unknown_revision_exits_2() {
    let repo = repository();
    let out = errcat()
        .current_dir(repo.path())
        .args(["diff", "no-such-branch:api/errors.toml", "api/errors.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = texts(&out).1;
    assert!(
        stderr.contains("git show no-such-branch:./api/errors.toml"),
        "{stderr}"
    );
}

#[test]
fn a_revision_that_looks_like_an_option_is_refused_and_writes_nothing() {
    // Issue #17, case 7: git read this revision as `--output=...` and created
    // `pwned:./catalog.toml`.
    let repo = repository();
    // The directory git would write into (`pwned:./api/errors.toml`), so the attack would
    // succeed if the revision reached git as an option.
    let target = repo.path().join("pwned:./api");
    std::fs::create_dir_all(&target).unwrap();
    let rev = format!("--output={}/pwned:api/errors.toml", repo.path().display());
    let out = errcat()
        .current_dir(repo.path())
        .args(["diff", "--", &rev, "api/errors.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", texts(&out).1);
    let stderr = texts(&out).1;
    assert!(
        stderr.contains("is not a revision (it starts with `-`"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_dir(&target).unwrap().count(),
        0,
        "git wrote a file"
    );
}
