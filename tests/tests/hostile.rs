//! Hostile text and hostile files (issue 8; docs/robustness.md).
//!
//! Every free-text position of a catalog (names, reasons, titles, messages, descriptions,
//! examples, attribute values, docs prose) is filled with text that breaks naive emitters:
//! comment and raw-string terminators, backticks and fences, table pipes, HTML and
//! `<script>`, YAML syntax, braces, control characters, bidi overrides, a 100 KB line and
//! non-ASCII text. Each catalog is either rejected with a diagnostic, or every output
//! stays valid and shows the text literally:
//! - the Rust parses (syn), holds no raw bidi control (rustc denies them in literals and
//!   comments) and no doctest (a code block rustdoc would run in the user's crate), and
//!   its string literals / doc comments hold the text;
//! - the markdown, read with pulldown-cmark, shows the text in its text events (in one
//!   cell or block), keeps every table row's cell count and has no raw `<script>`
//!   element;
//! - the OpenAPI YAML reads back as the same JSON, and the JSON holds the text.
//!
//! That the generated Rust of these catalogs also compiles (warning-free) is checked in
//! the one batch build of `properties.rs`, which takes `tests/fixtures/hostile/*.toml`.
//!
//! Non-ASCII identifiers are rejected with their own diagnostics, and diagnostics print
//! no control or bidi character. The tests at the end cover file safety
//! (`write_if_changed`, a write killed midway, the build API with a broken catalog) and
//! hostile files (include cycles and chains, oversized and endless files, deeply nested
//! templates, thousands of mistakes).

use errcat_catalog::{Catalog, load_str};
use errcat_codegen::{body, markdown, openapi, rust};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::path::{Path, PathBuf};

mod common;
use common::{doctests, is_bidi, raw_cells, toml_str};

/// Hostile texts by name. Control characters and bidi overrides are written as escapes
/// so that this file holds none of them.
fn hostile() -> Vec<(&'static str, String)> {
    vec![
        ("comment-close", "ends */ a comment /* opens one */ again".into()),
        ("raw-string-close", r###"quote " then "# then "## and r#"raw"#"###.into()),
        ("backslashes", r"a \ b \\ c \n not a newline \u{41}".into()),
        ("backticks", "`code` and `` two `` and ``` three".into()),
        (
            "code-fence",
            "before\n\n```rust\nfn main() { panic!(\"doctest\") }\n```\n\nafter".into(),
        ),
        ("open-fence", "text\n\n```\nnever closed".into()),
        ("table-pipes", "a | b || c \\| d |".into()),
        ("html", "<b>bold</b> & <i>it</i> &amp; &lt;tag&gt; <!-- c -->".into()),
        ("script", "<script>alert('x')</script> and <img src=x onerror=alert(1)>".into()),
        (
            "yaml",
            "key: value - item # comment &anchor *alias !tag | > % @ ? x: 'q' \"d\"".into(),
        ),
        ("yaml-lines", "- first\n- second\nkey: value\n---\n...".into()),
        ("yaml-scalars", "null".into()),
        ("yaml-number", "0x1F".into()),
        ("braces", "{{ and }} and {not_a_placeholder} and {}".into()),
        ("control", "nul\u{0}bell\u{7}esc\u{1b}[31mred\u{7f}del\u{8}bs".into()),
        ("carriage-return", "line\r\nwindows\rmac\u{2028}ls\u{2029}ps".into()),
        (
            "bidi",
            "access \u{202e}nimda\u{202c} level \u{2066}isolated\u{2069} \u{202a}\u{202b}\u{202d}\u{2067}\u{2068}"
                .into(),
        ),
        (
            "non-ascii",
            "Ünïcödé 日本語 🦀 zero\u{200b}width \u{feff}bom café".into(),
        ),
        ("markdown", "# heading\n\n* list\n\n[link](javascript:alert(1)) **bold** _em_".into()),
        ("long-line", long_line()),
    ]
}

/// One 100 KB line of words and markdown/YAML/Rust punctuation.
fn long_line() -> String {
    let unit = "word */ `tick` | pipe <b> {{x}} : - # ";
    let mut s = String::with_capacity(100 * 1024 + unit.len());
    while s.len() < 100 * 1024 {
        s.push_str(unit);
    }
    s
}

/// Braces doubled, for a message template that shows the text literally.
fn message_escape(s: &str) -> String {
    s.replace('{', "{{").replace('}', "}}")
}

/// A catalog with `text` in every free-text position.
fn catalog_with(text: &str) -> String {
    let t = toml_str(text);
    let m = toml_str(&format!("{} {{value}} end", message_escape(text)));
    let m2 = toml_str(&message_escape(text));
    format!(
        r#"
[catalog]
name = {t}
version = {t}
extends = "http"
description = {t}
docs_url = "https://docs.example.com/errors/{{code}}"

[lints]
unregistered-status = "allow"
reason-override = "allow"
empty-text = "allow"

[attributes.team]
type = "string"
description = {t}

[docs]
title = {t}
intro = {t}
recommendations = [{t}]

[docs.classes]
4xx = {t}

[[docs.sections]]
title = {t}
body = {t}

[[docs.snippets]]
title = {t}
language = "text"
code = {t}
description = {t}

[body]
format = "problem"
description = {t}

[body.fields]
code = {t}

[statuses.404]
description = {t}
attributes = {{ team = {t} }}

[statuses.490]
reason = {t}
description = {t}

[errors.hostile]
status = 404
title = {t}
message = {m}
description = {t}
remediation = {t}
field = {m2}
attributes = {{ team = {t} }}
deprecated = {{ since = {t}, note = {t} }}
fields.value = {{ type = "string", description = {t}, example = {t} }}

[[errors.hostile.examples]]
summary = {t}
values = {{ value = {t} }}

[errors.blocked]
status = 490
message = {m2}
"#
    )
}

/// Loads a catalog, or returns its rendered diagnostics.
fn load(name: &str, text: &str) -> Result<Catalog, String> {
    let loaded = load_str(format!("{name}.toml"), text);
    let rendered = loaded.render_diagnostics(false);
    loaded.catalog.ok_or(rendered)
}

/// Whitespace runs as one space, ends trimmed: outputs may re-wrap or join lines.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------
// Rust

/// Every string literal's value and every `#[doc]` text of a Rust file.
fn rust_strings(file: &syn::File) -> Vec<String> {
    struct Strings(Vec<String>);
    impl<'ast> syn::visit::Visit<'ast> for Strings {
        fn visit_lit_str(&mut self, lit: &'ast syn::LitStr) {
            self.0.push(lit.value());
        }
    }
    let mut v = Strings(Vec::new());
    syn::visit::visit_file(&mut v, file);
    v.0
}

/// Checks the Rust output of one catalog; returns its problems.
fn check_rust(name: &str, text: &str, catalog: &Catalog) -> Vec<String> {
    let mut problems = Vec::new();
    let opts = rust::RustOptions {
        serde: true,
        http: true,
        axum: true,
        tracing: false,
    };
    let code = rust::generate(catalog, &opts);
    let file = match syn::parse_file(&code) {
        Ok(f) => f,
        Err(e) => return vec![format!("{name}: the Rust does not parse: {e}")],
    };
    if let Some((line, c)) = code
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.chars().find(|c| is_bidi(*c)).map(|c| (i + 1, c)))
    {
        problems.push(format!(
            "{name}: the Rust holds a raw U+{:04X} on line {line} (rustc denies \
             text_direction_codepoint_in_literal/_in_comment)",
            c as u32
        ));
    }
    for doctest in doctests(&code) {
        problems.push(format!(
            "{name}: a doc comment holds a doctest the user's `cargo test` would run: {doctest:?}"
        ));
    }
    // Strings (message pieces, titles, attribute values) are kept exactly; docs are split
    // into lines, so each non-empty line of the text is looked for.
    let strings = rust_strings(&file);
    let joined = strings.join("\n");
    if !strings.iter().any(|s| s.contains(text)) {
        problems.push(format!(
            "{name}: no string literal of the Rust holds the text exactly"
        ));
    }
    // In docs, a lone CR is a line break and bidi controls are shown as `\u{202E}`.
    let doc_text: String = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', "    ")
        .chars()
        .map(|c| {
            if is_bidi(c) {
                format!("\\u{{{:04X}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect();
    for line in doc_text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !joined.contains(line) {
            problems.push(format!("{name}: the Rust lost the line {line:?}"));
            break;
        }
    }
    problems
}

// ---------------------------------------------------------------------------------------
// Markdown

/// The text a reader sees, one entry per block (paragraph, heading, cell...), and the
/// structural problems found (raw `<script>`, ragged tables).
struct ReadMarkdown {
    blocks: Vec<String>,
    cells: Vec<String>,
    problems: Vec<String>,
}

fn read_markdown(md: &str) -> ReadMarkdown {
    let mut out = ReadMarkdown {
        blocks: Vec::new(),
        cells: Vec::new(),
        problems: Vec::new(),
    };
    let mut current = String::new();
    let mut cell = String::new();
    let mut in_cell = false;
    let mut header_cells = 0usize;
    for (event, range) in Parser::new_ext(md, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Text(t) | Event::Code(t) => {
                current.push_str(&t);
                if in_cell {
                    cell.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::Html(h) | Event::InlineHtml(h) => {
                if h.to_ascii_lowercase().contains("<script") {
                    out.problems
                        .push(format!("a raw <script> element survives: {h:?}"));
                }
                current.push_str(&h);
            }
            // pulldown-cmark pads or cuts rows to the header's width, as GFM says, so
            // the cells are counted in the source line.
            Event::Start(Tag::TableHead) => header_cells = raw_cells(&md[range]),
            Event::Start(Tag::TableRow) => {
                let n = raw_cells(&md[range.clone()]);
                if n != header_cells {
                    let row = md[range].trim_end();
                    out.problems.push(format!(
                        "a table row has {n} cells, its header {header_cells}: {row:?}"
                    ));
                }
            }
            Event::Start(Tag::TableCell) => {
                in_cell = true;
                cell.clear();
            }
            Event::End(TagEnd::TableCell) => {
                in_cell = false;
                out.cells.push(std::mem::take(&mut cell));
                out.blocks.push(std::mem::take(&mut current));
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Item,
            ) => out.blocks.push(std::mem::take(&mut current)),
            _ => {}
        }
    }
    out.blocks.push(current);
    out
}

fn check_markdown(name: &str, text: &str, catalog: &Catalog) -> Vec<String> {
    let md = markdown::generate(catalog);
    let read = read_markdown(&md);
    let mut problems: Vec<String> = read
        .problems
        .iter()
        .map(|p| format!("{name}: markdown: {p}"))
        .collect();
    // Line breaks in plain text become spaces.
    let expected = squash(text);
    let all = squash(&read.blocks.join(" "));
    // Plain text (the reason, the title, the message) shows the whole text in one cell or
    // block; markdown prose (descriptions) is rendered, so only plain text is looked for.
    if !read.cells.iter().any(|c| squash(c).contains(&expected))
        && !read.blocks.iter().any(|b| squash(b).contains(&expected))
    {
        let preview: String = expected.chars().take(80).collect();
        problems.push(format!(
            "{name}: markdown: no cell or block shows the text literally ({preview:?}...); \
             text seen: {}",
            if all.contains(&expected) {
                "only across blocks"
            } else {
                "nowhere"
            }
        ));
    }
    problems
}

// ---------------------------------------------------------------------------------------
// OpenAPI

fn json_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_strings(x, out)),
        serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| {
            out.push(k.clone());
            json_strings(x, out)
        }),
        _ => {}
    }
}

fn check_openapi(name: &str, text: &str, catalog: &Catalog) -> Vec<String> {
    let mut problems = Vec::new();
    let doc = openapi::document(catalog);
    let yaml = openapi::to_yaml(&doc);
    match serde_yaml_ng::from_str::<serde_json::Value>(&yaml) {
        Ok(back) if back == doc => {}
        Ok(_) => problems.push(format!("{name}: the YAML reads back as another document")),
        Err(e) => problems.push(format!("{name}: the YAML does not parse: {e}")),
    }
    let json = openapi::to_json(&doc);
    match serde_json::from_str::<serde_json::Value>(&json) {
        Ok(back) if back == doc => {}
        _ => problems.push(format!("{name}: the JSON does not read back")),
    }
    let mut strings = Vec::new();
    json_strings(&doc, &mut strings);
    if !strings.iter().any(|s| s.contains(text)) {
        problems.push(format!("{name}: no OpenAPI string holds the text exactly"));
    }
    for error in &catalog.errors {
        let body = body::example_body(catalog, error);
        let mut strings = Vec::new();
        json_strings(&body, &mut strings);
        if error.code.as_str() == "hostile" && !strings.iter().any(|s| s.contains(text)) {
            problems.push(format!("{name}: the example body lost the text"));
        }
    }
    problems
}

// ---------------------------------------------------------------------------------------

#[test]
fn hostile_text_is_rejected_or_survives_in_every_output() {
    let mut problems = Vec::new();
    let mut accepted = 0;
    for (name, text) in hostile() {
        let catalog = match load(name, &catalog_with(&text)) {
            Ok(c) => c,
            Err(diags) => {
                // A rejection must say what and where.
                assert!(
                    diags.contains("error[") && diags.contains(&format!("{name}.toml:")),
                    "{name}: rejected without a located diagnostic:\n{diags}"
                );
                println!("{name}: rejected:\n{diags}");
                continue;
            }
        };
        accepted += 1;
        problems.extend(check_rust(name, &text, &catalog));
        problems.extend(check_markdown(name, &text, &catalog));
        problems.extend(check_openapi(name, &text, &catalog));
    }
    assert!(accepted > 0, "every hostile catalog was rejected");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn hostile_fixtures_load() {
    // The fixtures are also fuzz seeds and part of properties.rs's compile batch.
    for path in hostile_fixtures() {
        let loaded = errcat_catalog::load(&path);
        assert!(
            loaded.catalog.is_some(),
            "{}:\n{}",
            path.display(),
            loaded.render_diagnostics(false)
        );
    }
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

fn hostile_fixtures() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/fixtures/hostile"))
        .expect("tests/fixtures/hostile")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    paths
}

#[test]
fn the_markdown_reader_sees_script_elements_and_ragged_tables() {
    // The checks above must be able to fail.
    let read = read_markdown("Hi <script>alert(1)</script>\n");
    assert_eq!(read.problems.len(), 1, "{:?}", read.problems);
    let read = read_markdown("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| x |\n");
    assert_eq!(read.problems.len(), 2, "{:?}", read.problems);
    let read = read_markdown("| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n");
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    assert_eq!(read.cells, ["a", "b", "1 | 2", "3"]);
}

// ---------------------------------------------------------------------------------------
// File safety

use errcat_codegen::build::{Builder, write_if_changed};
use std::time::{Duration, SystemTime};

/// An old, exact modification time: comparing against it needs no clock.
fn old_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000)
}

fn set_mtime(path: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(t))
        .expect("set the modification time");
}

fn mtime(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("modification time")
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read the directory")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn unchanged_output_keeps_its_mtime() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("errors.md");
    assert!(write_if_changed(&path, "# Errors\n").expect("first write"));
    set_mtime(&path, old_time());
    assert!(!write_if_changed(&path, "# Errors\n").expect("same content"));
    assert_eq!(mtime(&path), old_time(), "an unchanged file was touched");
    assert!(write_if_changed(&path, "# Errors!\n").expect("new content"));
    assert_ne!(mtime(&path), old_time());
    assert_eq!(files_in(dir.path()), ["errors.md"], "no temp file is left");
}

#[test]
fn builder_keeps_unchanged_outputs_and_writes_nothing_for_a_broken_catalog() {
    let dir = tempfile::tempdir().expect("temp dir");
    let catalog = dir.path().join("errors.toml");
    std::fs::write(&catalog, catalog_with("plain text")).expect("write the catalog");
    let out = dir.path().join("out");
    let build = || {
        let mut b = Builder::new();
        b.out_dir(&out)
            .markdown(out.join("errors.md"))
            .openapi_json(out.join("openapi.json"))
            .openapi_yaml(out.join("openapi.yaml"))
            .cargo_directives(false);
        b.compile(&catalog)
    };
    let first = build().expect("a valid catalog builds");
    assert_eq!(first.written.len(), 4, "{first:?}");
    let outputs = files_in(&out);
    assert_eq!(
        outputs,
        ["errors.md", "errors.rs", "openapi.json", "openapi.yaml"]
    );
    let before: Vec<(String, Vec<u8>)> = outputs
        .iter()
        .map(|n| {
            let p = out.join(n);
            set_mtime(&p, old_time());
            (n.clone(), std::fs::read(&p).expect("read an output"))
        })
        .collect();

    // The same catalog again: nothing is rewritten.
    let second = build().expect("builds again");
    assert!(second.written.is_empty(), "{second:?}");
    assert_eq!(second.unchanged.len(), 4);
    for (name, _) in &before {
        assert_eq!(mtime(&out.join(name)), old_time(), "{name} was touched");
    }

    // A broken catalog: an error, and every output left exactly as it was.
    std::fs::write(
        &catalog,
        catalog_with("plain text").replace("status = 404", "status = 4040"),
    )
    .expect("break the catalog");
    let err = build().expect_err("a broken catalog fails");
    assert!(err.to_string().contains("error["), "{err}");
    assert_eq!(files_in(&out), outputs, "no file added or removed");
    for (name, bytes) in &before {
        let p = out.join(name);
        assert_eq!(&std::fs::read(&p).expect("read"), bytes, "{name} changed");
        assert_eq!(mtime(&p), old_time(), "{name} was touched");
    }

    // And into an empty directory, a broken catalog creates nothing at all.
    let empty = dir.path().join("empty");
    let mut b = Builder::new();
    b.out_dir(&empty)
        .markdown(empty.join("errors.md"))
        .cargo_directives(false);
    assert!(b.compile(&catalog).is_err());
    assert!(
        !empty.exists(),
        "a broken catalog created the output directory"
    );
}

/// The environment variable that turns [`interrupted_writer`] on.
const WRITER_ENV: &str = "ERRCAT_HOSTILE_INTERRUPTED_WRITE";

/// Run only as the child of [`a_write_killed_midway_leaves_the_old_file_whole`]: writes
/// 8 MiB over the file named by the environment, under a file-size limit that kills it
/// (SIGXFSZ) partway through the write.
#[test]
#[ignore = "the child process of a_write_killed_midway_leaves_the_old_file_whole"]
fn interrupted_writer() {
    let Some(path) = std::env::var_os(WRITER_ENV) else {
        return;
    };
    let big = "x".repeat(8 << 20);
    let result = write_if_changed(Path::new(&path), &big);
    // Only reached if the limit did not stop the write.
    println!("write returned {result:?}");
}

#[cfg(unix)]
#[test]
fn a_write_killed_midway_leaves_the_old_file_whole() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("errors.md");
    let old = "# Errors\n\nThe old, complete page.\n".repeat(100);
    std::fs::write(&path, &old).expect("write the old file");
    let exe = std::env::current_exe().expect("the test binary");
    // `ulimit -f 1024`: no file may grow past 512 KiB (POSIX counts 512-byte blocks; bash
    // 1 KiB ones), so the 8 MiB write is killed by SIGXFSZ while the temp file is half
    // written: a deterministic crash in the middle of generation.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 1024 && exec \"$0\" --ignored --exact interrupted_writer --nocapture")
        .arg(&exe)
        .env(WRITER_ENV, &path)
        .stdout(std::process::Stdio::piped())
        .output()
        .expect("run the child");
    assert_eq!(
        status.status.signal(),
        Some(25), // SIGXFSZ on Linux and the BSDs
        "the child was not stopped by the file-size limit: {status:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("the file is still there"),
        old,
        "the target holds a partial write"
    );
    // What the crash leaves is the hidden temp file, never a truncated target.
    let leftovers: Vec<String> = files_in(dir.path())
        .into_iter()
        .filter(|n| n != "errors.md")
        .collect();
    assert!(
        leftovers
            .iter()
            .all(|n| n.starts_with(".errors.md.") && n.ends_with(".errcat-tmp")),
        "{leftovers:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Hostile files: cycles, deep chains, huge files

/// Loads `root` with every file served from memory.
fn load_files(root: &str, files: &[(String, String)]) -> errcat_catalog::Loaded {
    errcat_catalog::load_with(Path::new(root), &mut |p: &Path| {
        files
            .iter()
            .find(|(name, _)| Path::new(name) == p)
            .map(|(_, text)| text.clone())
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
    })
}

#[test]
fn self_including_catalogs_are_cycles() {
    for include in ["self.toml", "./self.toml", "sub/../self.toml"] {
        let text = format!("[catalog]\nname = \"S\"\ninclude = [\"{include}\"]\n");
        let loaded = load_files("self.toml", &[("self.toml".into(), text)]);
        let diags = loaded.render_diagnostics(false);
        assert!(loaded.catalog.is_none());
        assert!(
            diags.contains("error[include-cycle]") && diags.contains("itself"),
            "{include}: {diags}"
        );
    }
}

#[test]
fn a_chain_of_1000_includes_ends_in_a_clear_error_not_a_stack_overflow() {
    // Runs on the test thread's 2 MiB stack: before the depth limit, a chain of 200
    // overflowed it in debug builds.
    let n = 1000;
    let files: Vec<(String, String)> = (0..n)
        .map(|i| {
            let mut text = String::new();
            if i == 0 {
                text.push_str("[catalog]\nname = \"Chain\"\nextends = \"http\"\n");
            } else {
                text.push_str("[catalog]\n");
            }
            if i + 1 < n {
                text.push_str(&format!("include = [\"c{}.toml\"]\n", i + 1));
            }
            if i == 0 {
                text.push_str("[statuses.404]\n");
            }
            text.push_str(&format!("[errors.e{i}]\nstatus = 404\nmessage = \"m\"\n"));
            (format!("c{i}.toml"), text)
        })
        .collect();
    let loaded = load_files("c0.toml", &files);
    let diags = loaded.render_diagnostics(false);
    assert!(loaded.catalog.is_none());
    let limit = errcat_catalog::MAX_INCLUDE_DEPTH;
    assert!(
        diags.contains(&format!("includes nest more than {limit} files deep")),
        "{diags}"
    );
    assert_eq!(loaded.diagnostics.len(), 1, "{diags}");

    // A chain within the limit loads.
    let short: Vec<(String, String)> = files[..limit].to_vec();
    let mut short = short;
    let last = short.last_mut().expect("files");
    last.1 = last
        .1
        .replace(&format!("include = [\"c{limit}.toml\"]\n"), "");
    let loaded = load_files("c0.toml", &short);
    assert!(
        loaded.catalog.is_some(),
        "{}",
        loaded.render_diagnostics(false)
    );
}

#[test]
fn a_50_mb_catalog_is_refused_before_it_is_parsed() {
    let mut text = String::from("[catalog]\nname = \"Big\"\nextends = \"http\"\n[statuses.404]\n");
    let mut i = 0;
    while text.len() < 50 << 20 {
        text.push_str(&format!(
            "[errors.e{i}]\nstatus = 404\nmessage = \"Error number {i}, padded to make the catalog large\"\n"
        ));
        i += 1;
    }
    let loaded = load_str("big.toml", &text);
    let diags = loaded.render_diagnostics(false);
    assert!(loaded.catalog.is_none());
    assert!(
        diags.contains("error[io]") && diags.contains("larger than 16 MiB"),
        "{diags}"
    );
    // The same through a file on disk, and through an include.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("big.toml"), &text).expect("write");
    let loaded = errcat_catalog::load(dir.path().join("big.toml"));
    assert!(
        loaded
            .render_diagnostics(false)
            .contains("larger than 16 MiB")
    );
    let root = dir.path().join("root.toml");
    std::fs::write(&root, "[catalog]\nname = \"R\"\ninclude = [\"big.toml\"]\n").expect("write");
    let loaded = errcat_catalog::load(&root);
    let diags = loaded.render_diagnostics(false);
    assert!(
        diags.contains("larger than 16 MiB") && diags.contains("root.toml:3:"),
        "{diags}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn including_an_endless_file_ends_in_an_error() {
    // /dev/zero never ends: it is refused as a device before a byte is read.
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("root.toml");
    std::fs::write(
        &root,
        "[catalog]\nname = \"R\"\ninclude = [\"/dev/zero\"]\n",
    )
    .expect("write");
    let loaded = errcat_catalog::load(&root);
    let diags = loaded.render_diagnostics(false);
    assert!(loaded.catalog.is_none());
    assert!(
        diags.contains("is a character device, not a regular file")
            && diags.contains("root.toml:3:"),
        "{diags}"
    );
}

#[test]
fn many_mistakes_are_all_reported() {
    // 2,000 entries with a misspelt key each: one diagnostic per entry (rendering used to
    // be quadratic in the number of diagnostics times the file size).
    let mut text =
        String::from("[catalog]\nname = \"Typos\"\nextends = \"http\"\n[statuses.404]\n");
    for i in 0..2000 {
        text.push_str(&format!("[errors.e{i}]\nstatuss = 404\nmessage = \"m\"\n"));
    }
    let loaded = load_str("typos.toml", &text);
    assert!(loaded.catalog.is_none());
    let rendered = loaded.render_diagnostics(false);
    assert_eq!(rendered.matches("error[unknown-key]").count(), 2000);
    assert!(
        rendered.contains("typos.toml:6003:1"),
        "the last entry is located"
    );
}

#[test]
fn non_ascii_identifiers_are_rejected_with_their_own_diagnostics() {
    let cases = [
        (
            "[errors.\"ключ\"]\nstatus = 404\nmessage = \"m\"\n",
            "error[invalid-error-code]",
        ),
        (
            "[errors.e]\nstatus = 404\nmessage = \"{naïve}\"\nfields.\"naïve\" = { type = \"string\" }\n",
            "error[invalid-field-name]",
        ),
        (
            "[rust]\nerror_enum = \"Ошибка\"\n",
            "error[invalid-rust-name]",
        ),
        ("[statuses.\"４０４\"]\n", "error[status-out-of-range]"),
        (
            "[attributes.\"équipe\"]\ntype = \"string\"\n",
            "error[invalid-attribute-schema]",
        ),
    ];
    for (snippet, expected) in cases {
        let text =
            format!("[catalog]\nname = \"N\"\nextends = \"http\"\n\n[statuses.404]\n\n{snippet}");
        let loaded = load_str("ids.toml", &text);
        let diags = loaded.render_diagnostics(false);
        assert!(loaded.catalog.is_none(), "accepted:\n{snippet}");
        assert!(
            diags.contains(expected) && diags.contains("ids.toml:"),
            "{snippet}\n{diags}"
        );
    }
}

#[test]
fn a_diagnostic_on_line_100_keeps_its_gutter_aligned() {
    // Regression (docs/robustness.md): when the whole file went to annotate-snippets, a
    // mistake on line 100 was drawn as `100| ...` next to `   |` gutters; only the lines
    // a diagnostic shows are given to it now.
    // The mistake is an inline table left open on line 99: the error points at the line
    // break, which annotate-snippets shows at the start of line 100.
    let mut text = String::from("[catalog]\nname = \"G\"\n");
    for i in 3..99 {
        text.push_str(&format!("# line {i}\n"));
    }
    text.push_str("x = { a = \"b\"\ny = 1\n");
    let loaded = load_str("gutter.toml", &text);
    let rendered = loaded.render_diagnostics(false);
    assert!(rendered.contains("gutter.toml:100:1"), "{rendered}");
    assert!(rendered.contains("\n100 | y = 1"), "{rendered}");
    assert!(!rendered.contains("100|"), "{rendered}");
}

#[test]
fn deeply_nested_templates_end_in_an_error_or_render_on_a_small_stack() {
    // The toml crate stops at 80 levels of arrays/tables, errcat at 32 (every later stage
    // recurses once per level: at 79, generating the Rust overflowed this 2 MiB test-thread
    // stack in a debug build). Runs on the test thread, so an overflow aborts the test.
    let catalog = |depth: usize| {
        let open = "[".repeat(depth);
        let close = "]".repeat(depth);
        format!(
            "[catalog]\nname = \"Deep\"\nextends = \"http\"\n[statuses.404]\n\
             [body]\nformat = \"template\"\n[body.template]\ncode = \"{{code}}\"\n\
             deep = {open}\"{{message}}\"{close}\n\
             [errors.e]\nstatus = 404\nmessage = \"m\"\n"
        )
    };
    let diags = load("deep", &catalog(10_000)).expect_err("10,000 levels");
    assert!(
        diags.contains("error[toml-syntax]") && diags.contains("recursion"),
        "{diags}"
    );
    // [body.template] is the first level.
    let diags = load("deep", &catalog(79)).expect_err("80 levels");
    assert!(
        diags.contains("error[invalid-type]") && diags.contains("80 levels deep"),
        "{diags}"
    );
    assert!(load("deep", &catalog(32)).is_err(), "33 levels");

    // The deepest template accepted goes through every emitter.
    let catalog = load("deep", &catalog(31)).expect("32 levels load");
    let code = rust::generate(&catalog, &rust::RustOptions::default());
    syn::parse_file(&code).expect("the Rust parses");
    let md = markdown::generate(&catalog);
    assert!(md.contains("deep"));
    let doc = openapi::document(&catalog);
    let yaml = openapi::to_yaml(&doc);
    let back: serde_json::Value = serde_yaml_ng::from_str(&yaml).expect("the YAML parses");
    assert_eq!(back, doc);
    let body = body::example_body(&catalog, &catalog.errors[0]);
    let mut nested = &body["deep"];
    let mut levels = 0;
    while let Some(inner) = nested.get(0) {
        nested = inner;
        levels += 1;
    }
    assert_eq!(levels, 31);
    assert_eq!(nested, "m");
}

#[test]
fn diagnostics_never_print_control_or_bidi_characters() {
    // Rendered diagnostics go to terminals: a catalog must not be able to colour them,
    // retitle the window or reorder the text. annotate-snippets replaces such characters
    // in source lines and messages alike.
    let text = "[catalog]\nname = \"x\"\n\"\\u001b[31mRED\\u202e\\u0007\" = 1\n\
                [errors.e]\nstatus = 4040\nmessage = \"{\\u001b]0;title\\u0007}\"\n";
    let loaded = load_str("escapes.toml", text);
    assert!(loaded.catalog.is_none());
    let rendered = loaded.render_diagnostics(false);
    assert!(rendered.contains("error[unknown-key]"), "{rendered}");
    assert!(
        !rendered
            .chars()
            .any(|c| (c.is_control() && c != '\n') || is_bidi(c)),
        "{rendered:?}"
    );
    let coloured = loaded.render_diagnostics(true);
    // Colours are the renderer's own SGR sequences (`ESC [ digits ; m`); with those
    // removed, no control character is left, and the catalog's ESC shows as `␛`.
    let mut plain = String::new();
    let mut rest = coloured.as_str();
    while let Some(i) = rest.find('\u{1b}') {
        plain.push_str(&rest[..i]);
        let seq = &rest[i + 1..];
        let len = seq
            .strip_prefix('[')
            .and_then(|s| {
                s.find('m')
                    .filter(|&m| s[..m].bytes().all(|b| b.is_ascii_digit() || b == b';'))
            })
            .expect("only SGR sequences");
        rest = &seq[len + 2..];
    }
    plain.push_str(rest);
    assert!(
        !plain
            .chars()
            .any(|c| (c.is_control() && c != '\n') || is_bidi(c)),
        "{plain:?}"
    );
    assert!(plain.contains("\u{241b}[31mRED"), "{plain:?}");
}
