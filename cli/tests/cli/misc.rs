//! `errcat schema`, `errcat completions`, `--color`.

use crate::{catalog, errcat, repo, showcase, texts, write};
use serde_json::Value;

#[test]
fn the_committed_schema_is_up_to_date() {
    let out = errcat().arg("schema").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let generated = texts(&out).0;
    assert_eq!(generated, errcat_cli::schema_json());
    let committed =
        std::fs::read_to_string(repo().join("docs/errcat.schema.json")).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/errcat.schema.json is out of date; run \
         `cargo run -q -p errcat-cli -- schema > docs/errcat.schema.json`"
    );
}

#[test]
fn the_schema_describes_the_format() {
    let schema: Value = serde_json::from_str(&errcat_cli::schema_json()).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(schema["additionalProperties"], false);
    let error = &schema["definitions"]["Error"];
    assert_eq!(error["required"], serde_json::json!(["status", "message"]));
    assert_eq!(error["properties"]["retryable"]["type"], "boolean");
    // TOML has no null: no optional value admits one.
    assert!(!errcat_cli::schema_json().contains("\"null\""));
}

#[test]
fn the_showcase_points_at_the_committed_schema() {
    let text = std::fs::read_to_string(showcase()).unwrap();
    let first = text.lines().next().unwrap();
    let target = first.strip_prefix("#:schema ").expect("a #:schema line");
    let path = showcase().parent().unwrap().join(target);
    assert!(path.is_file(), "{}", path.display());
}

#[test]
fn completions() {
    for (shell, marker) in [
        ("bash", "_errcat()"),
        ("zsh", "#compdef errcat"),
        ("fish", "complete -c errcat"),
    ] {
        let out = errcat().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = texts(&out).0;
        assert!(script.contains(marker), "{shell}");
        assert!(script.contains("generate"), "{shell}");
        assert!(script.contains("merge-into"), "{shell}");
    }
    let bad = errcat().args(["completions", "cmd.exe"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn color_is_opt_in_off_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let warn = "\n[errors.x]\nstatus = 404\nmessage = \"X\"\nfields.y = { type = \"string\" }\n";
    let cat = write(dir.path(), "errors.toml", &catalog(warn));
    let run = |color: Option<&str>, no_color: bool| {
        let mut cmd = errcat();
        if let Some(c) = color {
            cmd.args(["--color", c]);
        }
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let out = cmd.arg("lint").arg(&cat).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        texts(&out).1
    };
    // Not a terminal: plain unless asked.
    assert!(!run(None, false).contains('\x1b'));
    assert!(!run(Some("never"), false).contains('\x1b'));
    assert!(run(Some("always"), false).contains("\x1b["));
    // An explicit --color always wins over NO_COLOR; auto honours it.
    assert!(run(Some("always"), true).contains("\x1b["));
    assert!(!run(Some("auto"), true).contains('\x1b'));
}
