//! Issue #17's data-loss cases, run as the attack ran them: outputs that are inputs, the
//! same output twice, special files, a set that cannot be written whole, FIFOs, git
//! revisions that look like options, and terminal escapes in catalog text.
//! (docs/robustness.md, "Outputs, inputs and the terminal")

use crate::{catalog, errcat, texts, write};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// Runs `errcat ARGS` in `dir`, with a timeout so that a hang fails the test.
fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    errcat()
        .current_dir(dir)
        .args(args)
        .timeout(Duration::from_secs(30))
        .output()
        .expect("run errcat")
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn case_1_an_output_that_is_the_catalog_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = catalog("");
    write(dir.path(), "catalog.toml", &text);
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    for output in ["catalog.toml", "./sub/../catalog.toml"] {
        for command in ["generate", "check"] {
            let out = run(dir.path(), &[command, "catalog.toml", "--rust", output]);
            let (_, stderr) = texts(&out);
            assert_eq!(out.status.code(), Some(2), "{command} {output}: {stderr}");
            assert!(
                stderr.contains(&format!("`{output}`"))
                    && stderr.contains("`catalog.toml`, which is an input of this run"),
                "{stderr}"
            );
        }
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("catalog.toml")).unwrap(),
        text
    );
    assert_eq!(names(dir.path()), ["catalog.toml", "sub"]);
}

#[test]
fn case_1_an_included_file_or_a_hard_link_to_the_catalog_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let more = "[statuses.409]\n\n[errors.conflict]\nstatus = 409\nmessage = \"Conflict\"\n";
    write(
        dir.path(),
        "catalog.toml",
        &catalog("").replace(
            "extends = \"http\"",
            "extends = \"http\"\ninclude = [\"more.toml\"]",
        ),
    );
    write(dir.path(), "more.toml", more);
    std::fs::hard_link(dir.path().join("catalog.toml"), dir.path().join("link.md")).unwrap();
    for (flag, output) in [("--markdown", "more.toml"), ("--markdown", "link.md")] {
        let out = run(
            dir.path(),
            &["generate", "catalog.toml", "--rust", "new.rs", flag, output],
        );
        let (_, stderr) = texts(&out);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("which is an input of this run"), "{stderr}");
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("more.toml")).unwrap(),
        more
    );
    // Nothing of the set was written, not even the output that was fine.
    assert!(!dir.path().join("new.rs").exists());
}

#[test]
fn case_1_the_merge_source_is_an_input_unless_it_is_the_target() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "catalog.toml", &catalog(""));
    let doc = r#"{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}}"#;
    write(dir.path(), "api.json", doc);
    // Merged into `out.json`: `api.json` is only read, so it may not be another output.
    let out = run(
        dir.path(),
        &[
            "generate",
            "catalog.toml",
            "--merge-into",
            "api.json",
            "--openapi",
            "out.json",
            "--markdown",
            "api.json",
        ],
    );
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("which is an input of this run"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("api.json")).unwrap(),
        doc
    );
    assert!(!dir.path().join("out.json").exists());
    // Merged in place: the target, written.
    let out = run(
        dir.path(),
        &["generate", "catalog.toml", "--merge-into", "api.json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", texts(&out).1);
    assert_ne!(
        std::fs::read_to_string(dir.path().join("api.json")).unwrap(),
        doc
    );
}

#[cfg(unix)]
#[test]
fn case_2_a_device_node_or_a_directory_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "catalog.toml", &catalog(""));
    std::fs::create_dir(dir.path().join("adir")).unwrap();
    let mut cases = vec![("adir", "a directory")];
    // A private null device, where this test may make one (as root); never /dev/null.
    let made = Command::new("mknod")
        .args(["mynull", "c", "1", "3"])
        .current_dir(dir.path())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if made {
        cases.push(("mynull", "a character device"));
    }
    for (output, what) in cases {
        let out = run(
            dir.path(),
            &["generate", "catalog.toml", "--markdown", output],
        );
        let (_, stderr) = texts(&out);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!("`{output}`: it is {what}, not a regular file")),
            "{stderr}"
        );
    }
    if made {
        use std::os::unix::fs::FileTypeExt;
        let meta = std::fs::symlink_metadata(dir.path().join("mynull")).unwrap();
        assert!(meta.file_type().is_char_device(), "still a device");
    }
}

#[test]
fn case_3_the_same_output_twice_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "catalog.toml", &catalog(""));
    for (a, b) in [("same", "same"), ("same", "./x/../same")] {
        let out = run(
            dir.path(),
            &["generate", "catalog.toml", "--rust", a, "--markdown", b],
        );
        let (_, stderr) = texts(&out);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "refusing to write --markdown `{b}`: it is the same file as --rust `{a}`"
            )),
            "{stderr}"
        );
    }
    assert_eq!(names(dir.path()), ["catalog.toml"]);
}

#[test]
fn case_5_outputs_are_written_as_a_set() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "catalog.toml", &catalog(""));
    // A folder this process cannot write to: read-only for a user, /proc for root (who
    // ignores permission bits).
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    let mut blocked = Vec::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        if std::fs::write(ro.join("probe"), "").is_err() {
            blocked.push("ro/errors.md".to_owned());
        }
    }
    if cfg!(target_os = "linux") {
        blocked.push("/proc/errcat-test-errors.md".to_owned());
    }
    assert!(!blocked.is_empty(), "no unwritable folder on this platform");
    for markdown in &blocked {
        let out = run(
            dir.path(),
            &[
                "generate",
                "catalog.toml",
                "--rust",
                "errors.rs",
                "--markdown",
                markdown,
                "--openapi",
                "errors.json",
            ],
        );
        let (_, stderr) = texts(&out);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!("cannot write --markdown `{markdown}`"))
                && stderr.contains("nothing was written"),
            "{stderr}"
        );
        // Neither the outputs before it nor the one after, nor a temp file.
        assert_eq!(names(dir.path()), ["catalog.toml", "ro"], "{markdown}");
    }
}

#[cfg(unix)]
#[test]
fn case_6_a_fifo_as_the_catalog_or_an_output_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "catalog.toml", &catalog(""));
    if !mkfifo(&dir.path().join("fifo.toml")) || !mkfifo(&dir.path().join("fifo.md")) {
        return; // no mkfifo here
    }
    let out = run(
        dir.path(),
        &["generate", "fifo.toml", "--rust", "errors.rs"],
    );
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("`fifo.toml`: it is a FIFO (named pipe), not a regular file"),
        "{stderr}"
    );
    for command in ["generate", "check"] {
        let out = run(
            dir.path(),
            &[command, "catalog.toml", "--markdown", "fifo.md"],
        );
        let (_, stderr) = texts(&out);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("it is a FIFO (named pipe)"), "{stderr}");
    }
    let out = run(dir.path(), &["lint", "fifo.toml"]);
    assert_eq!(out.status.code(), Some(2), "{}", texts(&out).1);
    assert!(!dir.path().join("errors.rs").exists());
}

#[test]
fn unchanged_outputs_are_still_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "catalog.toml", &catalog(""));
    let args = [
        "generate",
        "catalog.toml",
        "--rust",
        "errors.rs",
        "--markdown",
        "docs/errors.md",
    ];
    assert_eq!(run(dir.path(), &args).status.code(), Some(0));
    let rs = dir.path().join("errors.rs");
    let before = std::fs::metadata(&rs).unwrap().modified().unwrap();
    let out = run(dir.path(), &args);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("errors.rs is up to date"), "{stderr}");
    assert_eq!(std::fs::metadata(&rs).unwrap().modified().unwrap(), before);
    assert_eq!(names(dir.path()), ["catalog.toml", "docs", "errors.rs"]);
}

/// A catalog whose texts hold a window-title change, a screen clear, backspaces, a C1 CSI
/// and a bidi override.
fn hostile_text_catalog(statuses: &str) -> String {
    let evil = r"\u001b]0;pwned\u0007\u001b[2J\b\b\b\u009b31m\u202e";
    let statuses = statuses.replace("EVIL", evil);
    catalog(&format!(
        r#"
{statuses}
[errors.evil]
status = 404
title = "Evil {evil}"
message = "Message {evil}"
description = "Line one {evil}\nline two"
remediation = "Fix {evil}"
fields.what = {{ type = "string", description = "Field {evil}" }}
"#
    ))
}

/// No escape sequence, bell, backspace, C1 control or bidi override of the catalog got
/// through (`colour`: errcat's own SGR styles are allowed).
fn assert_sanitized(text: &str, colour: bool) {
    for bad in [
        "\u{1b}]",
        "\u{1b}[2J",
        "\u{7}",
        "\u{8}",
        "\u{9b}",
        "\u{202e}",
    ] {
        assert!(!text.contains(bad), "{bad:?} printed raw:\n{text:?}");
    }
    if !colour {
        assert!(!text.contains('\u{1b}'), "{text:?}");
    }
    assert!(text.contains("␛]0;pwned␇␛[2J␈␈␈"), "{text:?}");
}

#[test]
fn case_8_explain_and_diff_make_control_characters_visible() {
    let dir = tempfile::tempdir().unwrap();
    // `diff` quotes the reason phrase of a removed status.
    let removed = "[statuses.410]\nreason = \"Gone EVIL\"\n";
    write(dir.path(), "old.toml", &hostile_text_catalog(removed));
    write(dir.path(), "new.toml", &hostile_text_catalog(""));
    for colour in ["never", "always"] {
        let out = run(
            dir.path(),
            &["--color", colour, "explain", "new.toml", "evil"],
        );
        assert_eq!(out.status.code(), Some(0), "{}", texts(&out).1);
        assert_sanitized(&texts(&out).0, colour == "always");
        let out = run(
            dir.path(),
            &["--color", colour, "diff", "old.toml", "new.toml"],
        );
        let (stdout, stderr) = texts(&out);
        assert!(out.status.code().is_some(), "{stderr}");
        assert_sanitized(&stdout, colour == "always");
    }
    // `check` prints the diff of the file on disk, whatever it holds.
    write(
        dir.path(),
        "errors.md",
        "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{8}\u{8}\u{8}\n",
    );
    let out = run(
        dir.path(),
        &["check", "new.toml", "--markdown", "errors.md"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", texts(&out).1);
    assert_sanitized(&texts(&out).0, false);
}

#[cfg(unix)]
#[test]
fn case_8_a_file_name_with_escapes_is_shown_visibly_in_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let name = "\u{1b}]0;pwned\u{7}.toml";
    write(
        dir.path(),
        "catalog.toml",
        &catalog("").replace(
            "extends = \"http\"",
            "extends = \"http\"\ninclude = [\"\\u001b]0;pwned\\u0007.toml\"]",
        ),
    );
    write(
        dir.path(),
        name,
        "[errors.x]\nstatus = 404\nmesage = \"typo\"\n",
    );
    let out = run(dir.path(), &["lint", "catalog.toml"]);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("--> ␛]0;pwned␇.toml:3:1"), "{stderr:?}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
}
