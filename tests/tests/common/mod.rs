//! What the generated-output tests share.

#![allow(dead_code, reason = "each test target uses a different part")]

use pulldown_cmark::{Event, Parser, Tag};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The doc comments of generated Rust (`///` runs and `/** */` blocks), each as the
/// markdown rustdoc reads.
pub fn doc_blocks(code: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    let mut lines = code.lines();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("///").filter(|_| !t.starts_with("////")) {
            let doc = current.get_or_insert_with(String::new);
            doc.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            doc.push('\n');
            continue;
        }
        if let Some(done) = current.take() {
            blocks.push(done);
        }
        if let Some(rest) = t.strip_prefix("/**") {
            let mut doc = String::new();
            let mut rest = rest.to_owned();
            loop {
                if let Some(end) = rest.find("*/") {
                    doc.push_str(&rest[..end]);
                    break;
                }
                doc.push_str(&rest);
                doc.push('\n');
                match lines.next() {
                    Some(l) => rest = l.to_owned(),
                    None => break,
                }
            }
            blocks.push(doc);
        }
    }
    blocks.extend(current);
    blocks
}

/// The code blocks rustdoc would run as doctests in the user's crate.
pub fn doctests(code: &str) -> Vec<String> {
    use pulldown_cmark::CodeBlockKind;
    let rust_info = |info: &str| {
        info.split(|c: char| c == ',' || c.is_whitespace())
            .filter(|t| !t.is_empty())
            .all(|t| {
                matches!(t, "rust" | "should_panic" | "no_run" | "test_harness")
                    || t.starts_with("edition")
            })
    };
    let mut found = Vec::new();
    for doc in doc_blocks(code) {
        for event in Parser::new(&doc) {
            if let Event::Start(Tag::CodeBlock(kind)) = event {
                let runs = match &kind {
                    CodeBlockKind::Indented => true,
                    CodeBlockKind::Fenced(info) => rust_info(info),
                };
                if runs {
                    found.push(doc.chars().take(200).collect());
                }
            }
        }
    }
    found
}

/// The cells of a GFM table row as written: unescaped `|` separate them (in code spans
/// too), a leading and a trailing one are optional. pulldown-cmark pads or cuts rows to
/// the header's width, so the source line is what can be ragged.
pub fn raw_cells(row: &str) -> usize {
    let row = row.trim();
    let mut pipes = Vec::new();
    let mut backslashes = 0;
    for (i, c) in row.char_indices() {
        if c == '|' && backslashes % 2 == 0 {
            pipes.push(i);
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    let leading = pipes.first() == Some(&0);
    let trailing = !row.is_empty()
        && pipes.last() == Some(&(row.len() - 1))
        && pipes.len() > usize::from(leading);
    pipes.len() + 1 - usize::from(leading) - usize::from(trailing)
}

/// The text as a TOML basic string (every character kept exactly; control and bidi
/// characters as `\u` escapes, so that the TOML source itself stays plain).
pub fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_bidi(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The characters of rustc's `text_direction_codepoint_in_{literal,comment}` lints.
pub fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// Compiles every Rust file as a module of one library crate `name` (in the test target's
/// temporary directory), under `#![deny(warnings, missing_docs)]`, with one
/// `cargo clippy -- -D warnings` (or `cargo build` when clippy is not installed), against
/// the workspace's `errcat`. The batches of every test share one target directory, so
/// their dependencies are built once. With `round_trip`, that text is the crate's
/// `#[cfg(test)] mod round_trip`, and the crate's tests are run after the build.
pub fn compile_batch(name: &str, modules: &[(String, String)], round_trip: Option<&str>) {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = tmp.join(name);
    let src = dir.join("src");
    std::fs::create_dir_all(&src).expect("create the batch crate");
    let repo = repo();
    let manifest = format!(
        r#"[package]
name = "{name}-batch"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
errcat = {{ path = {root:?}, default-features = false }}
serde = {{ version = "1", default-features = false, features = ["std"] }}
http = "1"

[workspace]
"#,
        root = repo.display().to_string()
    );
    write_if_different(&dir.join("Cargo.toml"), &manifest);
    // The workspace's lock file pins the same versions and lets the build run offline.
    let lock =
        std::fs::read_to_string(repo.join("Cargo.lock")).expect("the workspace's Cargo.lock");
    write_if_different(&dir.join("Cargo.lock"), &lock);
    let mut lib = format!(
        "//! Generated catalogs, compiled together (tests/tests/, `{name}`).\n\
         #![deny(warnings, missing_docs)]\n"
    );
    for (name, code) in modules {
        write_if_different(&src.join(format!("{name}.rs")), code);
        lib.push_str(&format!("/// The catalog `{name}`.\npub mod {name};\n"));
    }
    if let Some(tests) = round_trip {
        lib.push_str("#[cfg(test)]\nmod round_trip;\n");
        write_if_different(&src.join("round_trip.rs"), tests);
    }
    write_if_different(&src.join("lib.rs"), &lib);
    // Clippy when it is installed (the generated code is meant to be clippy-clean too),
    // else a plain build; `.ci/run` installs clippy.
    let clippy = Command::new(env!("CARGO"))
        .args(["clippy", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    let args: &[&str] = if clippy {
        &[
            "clippy",
            "--offline",
            "--quiet",
            "--message-format=short",
            "--",
            "-D",
            "warnings",
        ]
    } else {
        &["build", "--offline", "--quiet", "--message-format=short"]
    };
    println!(
        "compiling {} modules with `cargo {}`",
        modules.len(),
        args[0]
    );
    let cargo = |args: &[&str]| {
        Command::new(env!("CARGO"))
            .args(args)
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", tmp.join("errcat-batches-target"))
            .env_remove("RUSTFLAGS")
            .output()
            .expect("cargo runs")
    };
    let out = cargo(args);
    assert!(
        out.status.success(),
        "the generated Rust does not compile (crate in {}):\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    if round_trip.is_some() {
        let out = cargo(&["test", "--offline", "--quiet", "--lib"]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "the decoder round trip fails (crate in {}):\n{stdout}\n{}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.contains("test result: ok"), "{stdout}");
    }
}

fn write_if_different(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).expect("write a batch file");
    }
}

/// A proptest runner seeded deterministically (CI runs the same cases every time), with
/// `PROPTEST_CASES` cases, else `default_cases`.
pub fn deterministic_runner(default_cases: u32) -> proptest::test_runner::TestRunner {
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default_cases);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}
