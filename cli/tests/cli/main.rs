//! The `errcat` binary, run as users run it: arguments in, exit status and output out.

mod diff;
mod explain;
mod generate;
mod help;
mod init;
mod lint;
mod merge;
mod misc;
mod safety;
mod scan;

use std::path::{Path, PathBuf};

/// A command for the built `errcat` binary, colours off unless a test asks.
pub fn errcat() -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("errcat");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent")
        .to_path_buf()
}

/// The showcase example catalog (it includes `auth.toml`).
pub fn showcase() -> PathBuf {
    repo().join("examples/catalogs/showcase/errors.toml")
}

/// stdout and stderr of a finished command, as text.
pub fn texts(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A small valid catalog; `extra` is appended (more errors, a broken value...).
pub fn catalog(extra: &str) -> String {
    format!(
        r#"[catalog]
name = "Test API"
extends = "http"
docs_url = "https://docs.test.example/errors/{{code}}"

[statuses.404]

[statuses.429]

[errors.item_not_found]
status = 404
title = "Item not found"
message = "No item {{item_id}}"
description = "The item does not exist."
remediation = "Check the ID."
fields.item_id = {{ type = "string", example = "it_1" }}

[errors.slow_down]
status = 429
message = "Too many requests"
retryable = true
retry_after = 5
{extra}"#
    )
}

/// Writes `text` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write test file");
    path
}
