//! `errcat scan`: errors the code never constructs, at their catalog location; deprecated
//! and retired errors constructed, at their Rust location; exit 1 when it reports anything.

use crate::{errcat, repo, texts, write};

/// `errcat scan ARGS...` from the repository root: (exit code, stdout, stderr).
fn scan(args: &[&str]) -> (Option<i32>, String, String) {
    let out = errcat()
        .current_dir(repo())
        .arg("scan")
        .args(args)
        .output()
        .expect("run");
    let (stdout, stderr) = texts(&out);
    (out.status.code(), stdout, stderr)
}

#[test]
fn reports_exactly_the_error_no_code_constructs_at_its_catalog_location() {
    let (code, out, err) = scan(&[
        "tests/fixtures/scan/unused/errors.toml",
        "tests/fixtures/scan/unused/src",
    ]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert_eq!(out.matches("error[").count(), 1, "{out}");
    assert!(
        out.starts_with(
            "error[never-constructed]: error `export_failed` is declared but never constructed\n  --> tests/fixtures/scan/unused/errors.toml:37:9\n"
        ),
        "{out}"
    );
    assert!(err.contains("2 files scanned: 1 finding"), "{err}");
}

#[test]
fn each_way_of_constructing_counts() {
    // Copies of the fixture without one of its constructions report that error too.
    let fixture = repo().join("tests/fixtures/scan/unused");
    let lib = std::fs::read_to_string(fixture.join("src/lib.rs")).unwrap();
    let handlers = std::fs::read_to_string(fixture.join("src/handlers.rs")).unwrap();
    let catalog = std::fs::read_to_string(fixture.join("errors.toml")).unwrap();
    let cases = [
        ("lib.rs", "Self::RateLimited", "rate_limited"),
        ("lib.rs", "render(&ApiError::Internal)", "internal"),
        (
            "lib.rs",
            "Err(ApiError::InvoiceNotFound {",
            "invoice_not_found",
        ),
        ("handlers.rs", "Err(E::InvalidAmount)", "invalid_amount"),
        ("handlers.rs", "    Cursor {", "bad_cursor"),
    ];
    for (file, construction, code) in cases {
        let dir = tempfile::tempdir().unwrap();
        let cat = write(dir.path(), "errors.toml", &catalog);
        std::fs::create_dir(dir.path().join("src")).unwrap();
        let (mut l, mut h) = (lib.clone(), handlers.clone());
        let text = if file == "lib.rs" { &mut l } else { &mut h };
        assert!(text.contains(construction), "{construction}");
        // The same shape with another name: still valid Rust, no longer the variant.
        *text = text.replacen(construction, &construction.replace("::", "_::"), 1);
        if construction == "    Cursor {" {
            *text = text.replacen(construction, "    Other {", 1);
        }
        write(&dir.path().join("src"), "lib.rs", &l);
        write(&dir.path().join("src"), "handlers.rs", &h);
        let out = errcat()
            .arg("scan")
            .arg(&cat)
            .arg(dir.path().join("src"))
            .output()
            .unwrap();
        let (stdout, stderr) = texts(&out);
        assert_eq!(out.status.code(), Some(1), "{code}: {stdout}{stderr}");
        let reported: Vec<&str> = stdout
            .lines()
            .filter_map(|l| l.strip_prefix("error[never-constructed]: error `"))
            .filter_map(|l| l.split('`').next())
            .collect();
        // In catalog order; `export_failed` is the last error.
        assert_eq!(reported, [code, "export_failed"], "{stdout}");
    }
}

#[test]
fn reports_deprecated_and_retired_errors_where_the_code_constructs_them() {
    let (code, out, err) = scan(&[
        "tests/fixtures/scan/stale/errors.toml",
        "tests/fixtures/scan/stale/src",
    ]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert_eq!(out.matches("error[").count(), 2, "{out}");
    assert!(
        out.contains(
            "error[deprecated-constructed]: `ApiError::TooManyRequests` is constructed, but error `too_many_requests` is deprecated\n  --> tests/fixtures/scan/stale/src/lib.rs:11:14\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("construct `ApiError::RateLimited` instead"),
        "{out}"
    );
    assert!(
        out.contains(
            "error[retired-constructed]: `ApiError::LegacyQuota` is constructed, but its code `legacy_quota` is retired\n  --> tests/fixtures/scan/stale/src/lib.rs:16:5\n"
        ),
        "{out}"
    );
}

#[test]
fn the_axum_example_constructs_every_error_of_its_catalog() {
    let (code, out, err) = scan(&[
        "examples/axum-service/errors.toml",
        "examples/axum-service/src",
    ]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert_eq!(out, "");
    assert!(err.contains("every error of"), "{err}");
}

#[test]
fn a_hand_written_enum_s_renamed_variants_are_found() {
    // examples/derive names `access_denied` `Forbidden` with `#[catalog(code = ...)]`.
    let dir = tempfile::tempdir().unwrap();
    let src = write(
        dir.path(),
        "lib.rs",
        r#"
#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "errors.toml")]
pub enum Problem {
    #[catalog(code = "rate_limited")]
    SlowDown,
    TooManyRequests,
}
pub fn f() -> Problem { Problem::SlowDown }
"#,
    );
    let cat = repo().join("tests/fixtures/scan/stale/errors.toml");
    let out = errcat()
        .arg("scan")
        .arg(&cat)
        .arg(&src)
        .args(["--enum", "Problem"])
        .output()
        .unwrap();
    let (stdout, stderr) = texts(&out);
    // `rate_limited` is constructed as `SlowDown`; the deprecated one is not constructed.
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
}

#[test]
fn unreadable_or_unparsable_sources_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let cat = repo().join("tests/fixtures/scan/unused/errors.toml");
    let missing = dir.path().join("nope");
    let out = errcat()
        .arg("scan")
        .arg(&cat)
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(texts(&out).1.contains("cannot read"), "{}", texts(&out).1);
    let bad = write(dir.path(), "bad.rs", "fn f( {\n");
    let out = errcat().arg("scan").arg(&cat).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(texts(&out).1.contains("cannot parse"), "{}", texts(&out).1);
    assert!(texts(&out).1.contains("bad.rs:1:"), "{}", texts(&out).1);
    // Without a SRC, clap refuses.
    let out = errcat().arg("scan").arg(&cat).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_error_with_from_conversions_counts_where_the_code_names_a_from_type() {
    // `?` converts an `io::Error` into `internal` through the generated `From`: the code
    // never writes the variant, only uses the library error.
    let dir = tempfile::tempdir().unwrap();
    let cat = write(
        dir.path(),
        "errors.toml",
        r#"[catalog]
name = "From fixture"
extends = "http"

[statuses.500]

[errors.internal]
status = 500
message = "Internal error"
from = ["std::io::Error"]
"#,
    );
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    let run = || {
        let out = errcat().arg("scan").arg(&cat).arg(&src).output().unwrap();
        let (stdout, stderr) = texts(&out);
        (out.status.code(), stdout + &stderr)
    };
    write(
        &src,
        "lib.rs",
        "use std::io;\npub fn read() -> Result<String, ApiError> {\n    let text: Result<String, io::Error> = std::fs::read_to_string(\"x\");\n    Ok(text?)\n}\n",
    );
    let (code, out) = run();
    assert_eq!(code, Some(0), "{out}");
    // Without any mention of the type, nothing converts into it.
    write(
        &src,
        "lib.rs",
        "pub fn read() -> Result<String, ApiError> {\n    Ok(String::new())\n}\n",
    );
    let (code, out) = run();
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("error `internal` is declared but never constructed"),
        "{out}"
    );
}
