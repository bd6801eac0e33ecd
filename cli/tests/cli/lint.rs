//! `errcat lint`: human and JSON output, `--deny warnings`, `--explain`.

use crate::{catalog, errcat, showcase, texts, write};
use serde_json::Value;

/// A field the message does not use: the `unused-field` warning.
const WARNING: &str = r#"
[errors.bad_input]
status = 404
message = "Bad input"
fields.unused = { type = "string" }
"#;

#[test]
fn a_clean_catalog_passes() {
    let out = errcat().arg("lint").arg(showcase()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(texts(&out).1.ends_with("errors.toml: no problems found\n"));
}

#[test]
fn warnings_pass_unless_denied() {
    let dir = tempfile::tempdir().unwrap();
    let cat = write(dir.path(), "errors.toml", &catalog(WARNING));
    let out = errcat().arg("lint").arg(&cat).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = texts(&out).1;
    assert!(stderr.contains("warning[unused-field]"), "{stderr}");
    assert!(stderr.contains("0 errors, 1 warning"), "{stderr}");

    let denied = errcat()
        .args(["lint", "--deny", "warnings"])
        .arg(&cat)
        .output()
        .unwrap();
    assert_eq!(denied.status.code(), Some(1));
    let stderr = texts(&denied).1;
    assert!(stderr.contains("warning[unused-field]"), "{stderr}");
    assert!(stderr.contains("warnings are denied"), "{stderr}");

    // --quiet drops warnings (and summaries) unless they are denied.
    let quiet = errcat()
        .args(["--quiet", "lint"])
        .arg(&cat)
        .output()
        .unwrap();
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(texts(&quiet).1, "");
}

#[test]
fn errors_fail() {
    let dir = tempfile::tempdir().unwrap();
    let cat = write(
        dir.path(),
        "errors.toml",
        &catalog("\n[errors.teapot]\nstatus = 418\nmessage = \"Short and stout\"\n"),
    );
    let out = errcat().arg("lint").arg(&cat).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = texts(&out).1;
    assert!(stderr.contains("error[undeclared-status]"), "{stderr}");
    assert!(stderr.contains("1 error, 0 warnings"), "{stderr}");
}

#[test]
fn json_has_one_object_per_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let text = catalog(&format!(
        "{WARNING}\n[errors.teapot]\nstatus = 418\nmessage = \"Short and stout\"\n"
    ));
    let cat = write(dir.path(), "errors.toml", &text);
    let out = errcat()
        .args(["lint", "--format", "json"])
        .arg(&cat)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let list: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let list = list.as_array().expect("an array");
    assert_eq!(list.len(), 2, "{list:#?}");
    let by_rule = |rule: &str| {
        list.iter()
            .find(|d| d["rule"] == rule)
            .unwrap_or_else(|| panic!("no {rule} in {list:#?}"))
    };
    let warning = by_rule("unused-field");
    assert_eq!(warning["severity"], "warning");
    let error = by_rule("undeclared-status");
    assert_eq!(error["severity"], "error");
    assert!(error["message"].as_str().unwrap().contains("418"));
    assert!(error["help"].is_string() || error["help"].is_null());
    for d in list {
        for key in [
            "path", "line", "column", "severity", "rule", "message", "help",
        ] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
        assert_eq!(d["path"], cat.display().to_string());
    }
    // The position is where the status is written.
    let line = text
        .lines()
        .position(|l| l == "status = 418")
        .expect("the line")
        + 1;
    assert_eq!(error["line"], line);
    assert_eq!(error["column"], 10);
}

#[test]
fn json_of_a_clean_catalog_is_empty() {
    let out = errcat()
        .args(["lint", "--format", "json"])
        .arg(showcase())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(texts(&out).0, "[]\n");
}

#[test]
fn an_unreadable_catalog_exits_2() {
    let out = errcat()
        .args(["lint", "no/such/errors.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(texts(&out).1.contains("error[io]"));
}

#[test]
fn explain_rules() {
    let all = errcat().args(["lint", "--explain"]).output().unwrap();
    assert_eq!(all.status.code(), Some(0));
    let stdout = texts(&all).0;
    for rule in errcat_catalog::rules::RULES {
        assert!(stdout.contains(rule.name), "{} not listed", rule.name);
    }
    let one = errcat()
        .args(["lint", "--explain", "unused-field"])
        .output()
        .unwrap();
    assert_eq!(one.status.code(), Some(0));
    let stdout = texts(&one).0;
    assert!(stdout.starts_with("unused-field\n"), "{stdout}");
    assert!(stdout.contains("Default level: warn"), "{stdout}");
    assert!(stdout.contains("[lints]"), "{stdout}");

    let unknown = errcat()
        .args(["lint", "--explain", "unused-feild"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(1));
    assert!(texts(&unknown).1.contains("did you mean `unused-field`?"));
}
