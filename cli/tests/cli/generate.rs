//! `errcat generate` and `errcat check`. The emitters' output is checked in their own crate;
//! here the CLI must write exactly what the library produces, where it is told to, and
//! `check` must agree with `generate`.

use crate::{catalog, errcat, showcase, texts, write};
use errcat_codegen::build::{OutputKind, with_header};
use errcat_codegen::rust::RustOptions;
use errcat_codegen::{markdown, openapi, rust};
use serde_json::json;
use std::path::Path;

fn load(path: &Path) -> errcat_catalog::Catalog {
    errcat_catalog::load(path).catalog.expect("valid catalog")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read generated file")
}

#[test]
fn readme_command_prints_the_markdown_page() {
    // The README's first command, from the repository root.
    let out = errcat()
        .current_dir(crate::repo())
        .args([
            "generate",
            "examples/catalogs/showcase/errors.toml",
            "--markdown",
            "-",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", texts(&out).1);
    let expected = with_header(
        OutputKind::Markdown,
        &markdown::generate(&load(&showcase())),
    );
    assert_eq!(texts(&out).0, expected);
}

#[test]
fn writes_every_output_then_leaves_them_alone() {
    let dir = tempfile::tempdir().unwrap();
    let cat = write(dir.path(), "errors.toml", &catalog(""));
    let model = load(&cat);
    let args = [
        "generate",
        "errors.toml",
        "--rust",
        "src/errors.rs",
        "--markdown",
        "docs/errors.md",
        "--openapi",
        "docs/errors.yaml",
        "--serde",
        "--http",
    ];
    let out = errcat()
        .current_dir(dir.path())
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", texts(&out).1);
    let opts = RustOptions {
        serde: true,
        http: true,
        axum: false,
        tracing: false,
    };
    assert_eq!(
        read(&dir.path().join("src/errors.rs")),
        with_header(OutputKind::Rust, &rust::generate(&model, &opts))
    );
    assert_eq!(
        read(&dir.path().join("docs/errors.md")),
        with_header(OutputKind::Markdown, &markdown::generate(&model))
    );
    assert_eq!(
        read(&dir.path().join("docs/errors.yaml")),
        with_header(
            OutputKind::OpenApiYaml,
            &openapi::to_yaml(&openapi::document(&model))
        )
    );
    let stderr = texts(&out).1;
    assert!(stderr.contains("wrote docs/errors.md"), "{stderr}");

    // Nothing changed: nothing is rewritten.
    let again = errcat()
        .current_dir(dir.path())
        .args(args)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    let stderr = texts(&again).1;
    assert!(stderr.contains("docs/errors.md is up to date"), "{stderr}");
    assert!(!stderr.contains("wrote"), "{stderr}");

    // --quiet: silence.
    let quiet = errcat()
        .current_dir(dir.path())
        .arg("--quiet")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(texts(&quiet), (String::new(), String::new()));
}

#[test]
fn openapi_json_to_stdout() {
    let out = errcat()
        .arg("generate")
        .arg(showcase())
        .args(["--openapi", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc = openapi::document(&load(&showcase()));
    assert_eq!(
        texts(&out).0,
        with_header(OutputKind::OpenApiJson, &openapi::to_json(&doc))
    );
}

#[test]
fn a_catalog_with_errors_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cat = write(
        dir.path(),
        "errors.toml",
        &catalog("\n[errors.broken]\nstatus = 418\nmessage = \"I'm a teapot\"\n"),
    );
    let md = dir.path().join("errors.md");
    let out = errcat()
        .arg("generate")
        .arg(&cat)
        .arg("--markdown")
        .arg(&md)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = texts(&out).1;
    assert!(stderr.contains("error[undeclared-status]"), "{stderr}");
    assert!(stderr.contains("could not load"), "{stderr}");
    assert!(!md.exists());
}

#[test]
fn unreadable_input_and_bad_arguments_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cat = write(dir.path(), "errors.toml", &catalog(""));
    let cases: Vec<Vec<&str>> = vec![
        // No such catalog.
        vec!["generate", "missing.toml", "--markdown", "-"],
        // Two outputs on stdout.
        vec![
            "generate",
            "errors.toml",
            "--markdown",
            "-",
            "--openapi",
            "-",
        ],
        // An OpenAPI file that is neither JSON nor YAML.
        vec!["generate", "errors.toml", "--openapi", "api.txt"],
        // Rust options without --rust.
        vec!["generate", "errors.toml", "--markdown", "-", "--serde"],
        // A document to merge into that does not exist.
        vec!["generate", "errors.toml", "--merge-into", "api.yaml"],
        // check has nothing to compare stdout with.
        vec!["check", "errors.toml", "--markdown", "-"],
    ];
    for args in cases {
        let out = errcat()
            .current_dir(dir.path())
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", texts(&out).1);
        assert!(texts(&out).1.contains("error"), "{args:?}");
    }
    assert!(cat.exists());
}

#[test]
fn merge_into_rewrites_the_document_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let cat = write(dir.path(), "errors.toml", &catalog(""));
    let existing = json!({
        "openapi": "3.1.0",
        "info": { "title": "Test API", "version": "1" },
        "paths": { "/items/{id}": { "get": { "responses": { "200": { "description": "OK" } } } } }
    });
    let api = write(dir.path(), "api.yaml", &openapi::to_yaml(&existing));
    let out = errcat()
        .arg("generate")
        .arg(&cat)
        .arg("--merge-into")
        .arg(&api)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", texts(&out).1);
    let merged = openapi::merge(existing, &load(&cat), &Default::default()).unwrap();
    assert_eq!(read(&api), openapi::to_yaml(&merged));
    // In-place merging is stable: check agrees.
    let check = errcat()
        .arg("check")
        .arg(&cat)
        .arg("--merge-into")
        .arg(&api)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", texts(&check).0);
}

#[test]
fn merge_into_with_openapi_writes_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let cat = write(dir.path(), "errors.toml", &catalog(""));
    let existing =
        json!({ "openapi": "3.1.0", "info": { "title": "T", "version": "1" }, "paths": {} });
    let base = write(dir.path(), "base.json", &openapi::to_json(&existing));
    let target = dir.path().join("out.yaml");
    let out = errcat()
        .arg("generate")
        .arg(&cat)
        .arg("--merge-into")
        .arg(&base)
        .arg("--openapi")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", texts(&out).1);
    assert_eq!(
        read(&base),
        openapi::to_json(&existing),
        "the base is only read"
    );
    let merged = openapi::merge(existing, &load(&cat), &Default::default()).unwrap();
    assert_eq!(
        read(&target),
        with_header(OutputKind::OpenApiYaml, &openapi::to_yaml(&merged))
    );
}

#[test]
fn check_passes_after_generate_and_fails_after_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "errors.toml", &catalog(""));
    let outputs = [
        "--markdown",
        "docs/errors.md",
        "--openapi",
        "docs/openapi.json",
        "--rust",
        "src/errors.rs",
    ];
    let run = |cmd: &str| {
        errcat()
            .current_dir(dir.path())
            .args([cmd, "errors.toml"])
            .args(outputs)
            .output()
            .unwrap()
    };
    // Nothing generated yet: every file is missing.
    let missing = run("check");
    assert_eq!(missing.status.code(), Some(1));
    let stdout = texts(&missing).0;
    assert!(
        stdout.contains("missing: docs/errors.md does not exist"),
        "{stdout}"
    );
    assert!(stdout.contains("3 files are out of date"), "{stdout}");

    assert_eq!(run("generate").status.code(), Some(0));
    let ok = run("check");
    assert_eq!(ok.status.code(), Some(0), "{}", texts(&ok).0);
    assert_eq!(texts(&ok).0, "");

    // A hand edit is drift: the diff and the fixing command are printed.
    let md = dir.path().join("docs/errors.md");
    let mut text = read(&md);
    text.push_str("A line added by hand.\n");
    std::fs::write(&md, &text).unwrap();
    let stale = run("check");
    assert_eq!(stale.status.code(), Some(1));
    let stdout = texts(&stale).0;
    assert!(
        stdout.contains("stale: docs/errors.md differs from what `errcat generate` writes"),
        "{stdout}"
    );
    assert!(stdout.contains("--- docs/errors.md (on disk)"), "{stdout}");
    assert!(
        stdout.contains("+++ docs/errors.md (generated)"),
        "{stdout}"
    );
    assert!(stdout.contains("\n-A line added by hand.\n"), "{stdout}");
    assert!(stdout.contains("1 file is out of date"), "{stdout}");
    let fix = "errcat generate errors.toml --rust src/errors.rs --markdown docs/errors.md --openapi docs/openapi.json";
    assert!(stdout.contains(fix), "{stdout}");
    assert!(!stdout.contains("openapi.json differs"), "{stdout}");

    // Running the printed command fixes it.
    let words: Vec<&str> = fix.split(' ').skip(1).collect();
    let fixed = errcat()
        .current_dir(dir.path())
        .args(&words)
        .output()
        .unwrap();
    assert_eq!(fixed.status.code(), Some(0));
    assert_eq!(run("check").status.code(), Some(0));
}

#[test]
fn check_of_an_edited_catalog_fails() {
    let dir = tempfile::tempdir().unwrap();
    let cat = write(dir.path(), "errors.toml", &catalog(""));
    let md = dir.path().join("errors.md");
    let run = |cmd: &str| {
        errcat()
            .arg(cmd)
            .arg(&cat)
            .arg("--markdown")
            .arg(&md)
            .output()
            .unwrap()
    };
    assert_eq!(run("generate").status.code(), Some(0));
    assert_eq!(run("check").status.code(), Some(0));
    // A new error is a new entry of the reference page: the page on disk is stale.
    write(
        dir.path(),
        "errors.toml",
        &catalog("\n[errors.gone_for_good]\nstatus = 404\nmessage = \"Gone for good\"\n"),
    );
    let check = run("check");
    assert_eq!(check.status.code(), Some(1));
    let stdout = texts(&check).0;
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with('+') && l.contains("gone_for_good")),
        "{stdout}"
    );
    assert_eq!(run("generate").status.code(), Some(0));
    assert_eq!(
        read(&md),
        with_header(OutputKind::Markdown, &markdown::generate(&load(&cat)))
    );
    assert_eq!(run("check").status.code(), Some(0));
}

#[test]
fn check_with_an_invalid_catalog_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let cat = write(dir.path(), "errors.toml", "[catalog]\nextends = \"http\"\n");
    let out = errcat()
        .arg("check")
        .arg(&cat)
        .args(["--markdown", "x.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(texts(&out).1.contains("error[missing-name]"));
}

#[test]
fn openapi_version_3_0_writes_and_checks_the_3_0_document() {
    let dir = tempfile::tempdir().unwrap();
    let out = errcat()
        .arg("generate")
        .arg(showcase())
        .args(["--openapi", "-", "--openapi-version", "3.0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", texts(&out).1);
    let doc = openapi::document_for(&load(&showcase()), openapi::Version::V3_0);
    assert_eq!(
        texts(&out).0,
        with_header(OutputKind::OpenApiJson, &openapi::to_json(&doc))
    );
    // `check` compares with the 3.0 document, and its fix command keeps the option.
    let file = dir.path().join("errors.json");
    std::fs::write(
        &file,
        openapi::to_json(&openapi::document(&load(&showcase()))),
    )
    .unwrap();
    let out = errcat()
        .arg("check")
        .arg(showcase())
        .arg("--openapi")
        .arg(&file)
        .args(["--openapi-version", "3.0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", texts(&out).1);
    assert!(
        texts(&out).0.contains("--openapi-version 3.0"),
        "{}",
        texts(&out).0
    );
    // Without an OpenAPI output the option is refused.
    let out = errcat()
        .arg("generate")
        .arg(showcase())
        .args(["--markdown", "-", "--openapi-version", "3.0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", texts(&out).1);
    assert!(
        texts(&out).1.contains("--openapi-version"),
        "{}",
        texts(&out).1
    );
}
