//! `--help` of the top level and every subcommand (snapshots), and usage errors.

use crate::{errcat, texts};

fn help(args: &[&str]) -> String {
    let out = errcat()
        .args(args)
        .arg("--help")
        .output()
        .expect("run errcat");
    assert!(out.status.success(), "{args:?} --help failed");
    texts(&out).0
}

#[test]
fn top_level_help() {
    insta::assert_snapshot!("help", help(&[]));
}

#[test]
fn subcommand_help() {
    for sub in [
        "generate",
        "check",
        "lint",
        "explain",
        "diff",
        "init",
        "schema",
        "completions",
    ] {
        insta::assert_snapshot!(format!("help_{sub}"), help(&[sub]));
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["generate"],
        &["generate", "errors.toml"],
        &["explain", "errors.toml"],
        &["lint", "--format", "xml", "errors.toml"],
        &["--color", "sometimes", "schema"],
        &["schema", "extra"],
        &["init", "a.toml", "b.toml"],
        &["diff", "old.toml"],
    ] {
        let out = errcat().args(args).output().expect("run errcat");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!texts(&out).1.is_empty(), "{args:?} explains itself");
    }
}

#[test]
fn version() {
    errcat()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("errcat {}\n", env!("CARGO_PKG_VERSION")));
}
